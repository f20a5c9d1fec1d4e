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
  importStore,
  type ImportProblem,
  type ImportState,
  type StoredRow,
} from './imports.store.ts';
import { loadLookups } from './lookups.ts';
import { mapHeader, rowInput, type RowInput } from './rows.ts';
import { readUpload, UploadError } from './upload-reader.ts';
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
/** Files up to this size are checked in the request; larger ones as a job. */
export const SYNC_BYTES = 256 * 1024;
/** Up to this many rows are put into the cart in the request; more as a job. */
export const SYNC_ROWS = 1000;

const storeOf = (deps: ImportDeps) => importStore(deps.config.dataDir);

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
  const state = await storeOf(deps).get(id);
  if (!state || state.companyId !== companyId || state.userId !== userId) {
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
  await store.sweep(deps.clock.now());
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
  if (file.bytes.length <= (deps.syncBytes ?? SYNC_BYTES)) {
    return checkImport(deps, state.id);
  }
  await enqueueJob(
    deps.database.db,
    { kind: IMPORT_JOB, payload: { importId: state.id, action: 'check' }, maxAttempts: 1 },
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

/** Reads and checks the upload; the rows and the summary go to the store. */
export async function checkImport(deps: ImportDeps, id: string): Promise<ImportState> {
  const store = storeOf(deps);
  const state = await store.get(id);
  if (!state) {
    throw notFound();
  }
  state.status = 'validating';
  await store.save(state);
  try {
    const bytes = await store.upload(id);
    const content = readUpload(bytes, { maxRows: deps.config.imports.maxRows });
    state.format = content.format;
    const header = mapHeader(content.rows);
    if ('rule' in header) {
      const params: ImportProblem['params'] =
        header.rule === 'import.missing_columns'
          ? { columns: header.columns.join(', ') }
          : header.rule === 'import.duplicate_column'
            ? { column: header.column, cells: header.cells.join(', ') }
            : {};
      return await fail(deps, state, problemOf(header.rule, params));
    }
    state.headerRow = header.headerRow;
    state.columns = Object.fromEntries(header.indexOf);
    state.notes = header.unknown.length
      ? [problemOf('import.unknown_columns', { columns: header.unknown.join(', ') })]
      : [];
    const body = content.rows.filter((r) => r.r > header.headerRow);
    if (body.length === 0) {
      return await fail(deps, state, problemOf('import.no_rows'));
    }
    state.progress = { done: 0, total: body.length };
    store.touch(state);
    const rows = await deps.database.transaction(async (tx) => {
      const lookups = await loadLookups(tx, state.companyId, state.lang);
      const inputs: RowInput[] = [];
      for (const [i, row] of body.entries()) {
        inputs.push(rowInput(row, header, lookups, content.date1904));
        if (i % 500 === 499) {
          state.progress.done = i + 1;
          store.touch(state);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      const today = berlinDay(deps.clock.now());
      const checked = await checkRows(
        { tx, deps, companyId: state.companyId, lang: state.lang, today, lookups },
        inputs.filter((i) => !i.example),
      );
      const byRow = new Map(checked.map((c) => [c.input.r, c]));
      return inputs.map((input): StoredRow => {
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
          inputIssues: input.issues,
          pure: c?.pure ?? null,
          pureDay: today,
          data: input.data,
          templateId: input.templateId,
          deviceColumns: input.deviceColumns,
        };
      });
    });
    await store.saveRows(id, rows);
    state.summary = summarize(rows);
    state.progress = { done: body.length, total: body.length };
    state.status = 'validated';
    await store.save(state);
    return state;
  } catch (err) {
    if (err instanceof UploadError) {
      return fail(deps, state, problemOf(`import.${err.problem}`, uploadParams(deps)));
    }
    await fail(deps, state, problemOf('import.failed'));
    throw err;
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
  return (await storeOf(deps).list(companyId, userId)).slice(0, 10);
}

/** The checked rows, filtered and paged. */
export async function importRows(
  deps: ImportDeps,
  state: ImportState,
  query: { status?: 'all' | 'problems' | StoredRow['status']; page: number; pageSize: number },
): Promise<{ rows: StoredRow[]; total: number }> {
  const all = await storeOf(deps).rows(state.id);
  const status = query.status ?? 'all';
  const filtered =
    status === 'all'
      ? all
      : status === 'problems'
        ? all.filter((r) => r.status === 'invalid' || r.status === 'warning')
        : all.filter((r) => r.status === status);
  const start = (query.page - 1) * query.pageSize;
  return { rows: filtered.slice(start, start + query.pageSize), total: filtered.length };
}

export { storeOf as importStoreOf };
