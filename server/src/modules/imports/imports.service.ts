// The list import (seed 001 "3. Einrichtung durch Listenimport", issue 9): upload → check with
// the wizard's rules → preview → all or only the valid rows into the caller's session cart.
// Small files are checked and imported in the request; large ones as a job with progress.
import { randomUUID } from 'node:crypto';
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/runner.ts';
import { berlinDay } from '../orders/orders.rules.ts';
import {
  IMPORT_TTL_MS,
  importStore,
  type ImportProblem,
  type ImportState,
  type KeptRow,
  type StoredRow,
} from './imports.store.ts';
import { listInputs, readList } from './list-inputs.ts';
import { UploadError } from './upload-reader.ts';
import { checkRows } from './validate.ts';

export interface ImportDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Wakes the job worker after an enqueue (optional). */
  poke?: () => void;
  /** Overrides of SYNC_BYTES / SYNC_ROWS (tests). */
  syncBytes?: number;
  syncRows?: number;
}

export const IMPORT_JOB = 'import.workplaces';
export const IMPORT_SWEEP_JOB = 'import.sweep';
/** Files up to this size are checked in the request; larger ones as a job. */
export const SYNC_BYTES = 256 * 1024;
/** Up to this many rows are put into the cart in the request; more as a job. */
export const SYNC_ROWS = 1000;

const storeOf = (deps: ImportDeps) => importStore(deps.database, deps.clock);

const problemOf = (rule: string, params: ImportProblem['params'] = {}): ImportProblem => ({
  rule,
  params,
});

/** The import of the caller (company and user), or 404. */
export async function ownImport(
  deps: ImportDeps,
  companyId: string,
  userId: string,
  id: string,
): Promise<ImportState> {
  const state = await storeOf(deps).get(companyId, id);
  if (!state || state.userId !== userId) {
    throw new AppError('not_found', 404, { messageKey: 'import.not_found' });
  }
  return state;
}

/** Stores the upload; checks it at once (small) or as a job (large). */
export async function uploadList(
  deps: ImportDeps,
  owner: { companyId: string; userId: string; sessionId: string | null },
  file: { name: string; bytes: Uint8Array },
  lang: Language,
): Promise<ImportState> {
  const maxBytes = deps.config.imports.maxBytes;
  if (file.bytes.length > maxBytes) {
    throw fileTooLarge(maxBytes);
  }
  const store = storeOf(deps);
  await store.sweep();
  const now = deps.clock.now().toISOString();
  const state: ImportState = {
    id: randomUUID(),
    companyId: owner.companyId,
    userId: owner.userId,
    sessionId: owner.sessionId ?? '',
    lang,
    fileName: file.name.slice(0, 200) || 'upload',
    format: null,
    size: file.bytes.length,
    createdAt: now,
    updatedAt: now,
    status: 'queued',
    progress: { done: 0, total: 0 },
    problem: null,
    notes: [],
    headerRow: null,
    columns: {},
    summary: { rows: 0, valid: 0, warning: 0, invalid: 0, skipped: 0 },
    mode: null,
    result: null,
    commitError: null,
  };
  await store.create(state, file.bytes);
  await scheduleSweep(deps);
  if (file.bytes.length <= (deps.syncBytes ?? SYNC_BYTES)) {
    // The bytes at hand: the check need not read them back.
    return checkImport(deps, state.companyId, state.id, file.bytes);
  }
  await enqueueJob(
    deps.database.db,
    {
      kind: IMPORT_JOB,
      payload: { importId: state.id, companyId: state.companyId, action: 'check' },
      maxAttempts: 1,
    },
    deps.clock,
  );
  deps.poke?.();
  return state;
}

export const fileTooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', 413, {
    messageKey: 'import.file_too_large',
    params: { maxMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 },
  });

/**
 * Reads and checks the upload (`bytes`: the stored file, when at hand); the rows and the
 * summary go to the store.
 */
export async function checkImport(
  deps: ImportDeps,
  companyId: string,
  id: string,
  bytes?: Uint8Array,
): Promise<ImportState> {
  const store = storeOf(deps);
  const state = await store.get(companyId, id);
  if (!state) {
    throw notFound();
  }
  state.status = 'validating';
  await store.save(state);
  store.begin(state);
  try {
    const upload = bytes ?? (await store.upload(companyId, id));
    const list = readList(upload, deps.config.imports.maxRows);
    if ('rule' in list) {
      return await fail(deps, state, list);
    }
    state.format = list.format;
    state.headerRow = list.header.headerRow;
    state.columns = Object.fromEntries(list.header.indexOf);
    state.notes = list.header.unknown.length
      ? [problemOf('import.unknown_columns', { columns: list.header.unknown.join(', ') })]
      : [];
    const total = list.body.length;
    if (total === 0) {
      return await fail(deps, state, problemOf('import.no_rows'));
    }
    state.progress = { done: 0, total };
    await store.progress(state);
    const rows = await deps.database.transaction(async (tx) => {
      const inputs = await listInputs(tx, state, list, (done) => {
        state.progress.done = done;
        return store.progress(state);
      });
      const today = berlinDay(deps.clock.now());
      const checked = await checkRows(
        { tx, deps, companyId: state.companyId, lang: state.lang, today },
        inputs.filter((i) => !i.example),
      );
      const byRow = new Map(checked.map((c) => [c.input.r, c]));
      return inputs.map((input): KeptRow => {
        const c = byRow.get(input.r);
        const issues = c
          ? c.issues
          : [{ column: null, rule: 'import.value.example_row', severity: 'warning' as const }];
        return {
          r: input.r,
          status: !c
            ? 'skipped'
            : !c.valid
              ? 'invalid'
              : issues.some((x) => x.severity === 'warning')
                ? 'warning'
                : 'valid',
          name: `${input.data.user?.firstName ?? ''} ${input.data.user?.lastName ?? ''}`.trim(),
          username: input.data.login?.username ?? '',
          mainNumber: input.data.number?.mainNumber ?? '',
          issues,
          input,
          pure: c?.pure ?? null,
          pureDay: today,
        };
      });
    });
    state.summary = summarize(rows);
    state.progress = { done: total, total };
    state.status = 'validated';
    await store.saveChecked(state, rows);
    return state;
  } catch (err) {
    if (err instanceof UploadError) {
      return fail(deps, state, problemOf(`import.${err.problem}`, uploadParams(deps)));
    }
    await fail(deps, state, problemOf('import.failed'));
    throw err;
  } finally {
    store.done(id);
  }
}

const uploadParams = (deps: ImportDeps) => ({
  max: deps.config.imports.maxRows,
  maxMb: Math.round((deps.config.imports.maxBytes / 1024 / 1024) * 10) / 10,
});

async function fail(deps: ImportDeps, state: ImportState, problem: ImportProblem) {
  state.status = 'failed';
  state.problem = problem;
  await storeOf(deps).save(state);
  return state;
}

function summarize(rows: StoredRow[]): ImportState['summary'] {
  const count = (status: StoredRow['status']) => rows.filter((r) => r.status === status).length;
  return {
    rows: rows.length,
    valid: count('valid'),
    warning: count('warning'),
    invalid: count('invalid'),
    skipped: count('skipped'),
  };
}

/** The caller's imports of the company, newest first (to come back to a running one). */
export async function ownImports(
  deps: ImportDeps,
  companyId: string,
  userId: string,
): Promise<ImportState[]> {
  return storeOf(deps).list(companyId, userId, 10);
}

/** The checked rows, filtered and paged. */
export async function importRows(
  deps: ImportDeps,
  state: ImportState,
  query: { status?: 'all' | 'problems' | StoredRow['status']; page: number; pageSize: number },
): Promise<{ rows: StoredRow[]; total: number }> {
  const status = query.status ?? 'all';
  const statuses: StoredRow['status'][] | null =
    status === 'all' ? null : status === 'problems' ? ['invalid', 'warning'] : [status];
  return storeOf(deps).page(state.companyId, state.id, {
    statuses,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
}

/**
 * Expired imports are swept on every upload; this job (one per hour slot) sweeps those that
 * expire without a later upload.
 */
async function scheduleSweep(deps: ImportDeps): Promise<void> {
  const slot = Math.ceil((deps.clock.now().getTime() + IMPORT_TTL_MS) / 3600_000) * 3600_000;
  await enqueueJob(
    deps.database.db,
    {
      kind: IMPORT_SWEEP_JOB,
      runAt: new Date(slot),
      dedupeKey: `${IMPORT_SWEEP_JOB}:${new Date(slot).toISOString()}`,
      maxAttempts: 3,
    },
    deps.clock,
  );
}

/** Removes expired imports (the sweep job). */
export async function sweepImports(deps: ImportDeps): Promise<number> {
  return storeOf(deps).sweep();
}

export { storeOf as importStoreOf };
