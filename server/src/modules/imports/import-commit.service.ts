// "Importieren": the checked list into the caller's session cart — all or nothing, or only the
// valid rows ("nur gültige Zeilen importieren") — checked again first, since the company may have
// changed since the preview. Up to SYNC_ROWS rows in the request, more as a job.
import type { AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/runner.ts';
import type { CartOwner } from '../orders/cart.service.ts';
import { berlinDay } from '../orders/orders.rules.ts';
import { lockQuota } from '../workplaces/workplaces.repository.ts';
import { createInCart } from './commit.ts';
import {
  IMPORT_JOB,
  importStoreOf,
  ownImport,
  SYNC_ROWS,
  type ImportDeps,
} from './imports.service.ts';
import type { ImportMode, ImportProblem, ImportState } from './imports.store.ts';
import { loadLookups } from './lookups.ts';
import { checkRows } from './validate.ts';

const problemOf = (rule: string, params: ImportProblem['params'] = {}): ImportProblem => ({
  rule,
  params,
});
const storeOf = importStoreOf;

/** Whether the list can go to the cart in this mode; the reason otherwise. */
export function commitRefusal(state: ImportState, mode: ImportMode): ImportProblem | null {
  if (state.status === 'queued' || state.status === 'validating') {
    return problemOf('import.not_ready');
  }
  if (state.status === 'importing') {
    return problemOf('import.busy');
  }
  if (state.status === 'imported') {
    return problemOf('import.already_imported');
  }
  if (state.status === 'failed') {
    return problemOf('import.not_importable', { reason: '' });
  }
  const usable = state.summary.valid + state.summary.warning;
  if (usable === 0) {
    return problemOf('import.nothing_valid');
  }
  if (mode === 'all' && state.summary.invalid > 0) {
    return problemOf('import.has_errors', { count: state.summary.invalid });
  }
  return null;
}

const refuse = (problem: ImportProblem) =>
  new AppError('import_refused', problem.rule === 'import.busy' ? 409 : 400, {
    messageKey: problem.rule,
    params: problem.params,
  });

/** "Importieren": all rows (all or nothing) or only the valid ones, into the cart. */
export async function commitImport(
  deps: ImportDeps,
  actor: AuditActor,
  owner: CartOwner,
  id: string,
  mode: ImportMode,
): Promise<ImportState> {
  const store = storeOf(deps);
  const state = await ownImport(deps, owner.companyId, owner.userId, id);
  const refusal = commitRefusal(state, mode);
  if (refusal) {
    throw refuse(refusal);
  }
  state.mode = mode;
  state.sessionId = owner.sessionId;
  state.commitError = null;
  const usable = state.summary.valid + state.summary.warning;
  state.progress = { done: 0, total: usable };
  state.status = 'importing';
  await store.save(state);
  if (usable <= (deps.syncRows ?? SYNC_ROWS)) {
    return runCommit(deps, actor, id, { throwRefusal: true });
  }
  await enqueueJob(
    deps.database.db,
    { kind: IMPORT_JOB, payload: { importId: id, action: 'commit', actor }, maxAttempts: 1 },
    deps.clock,
  );
  deps.poke?.();
  return state;
}

/**
 * Puts the rows into the cart in one transaction, after checking them again under the quota
 * lock (the company may have changed since the preview). All or nothing when mode is 'all'.
 */
export async function runCommit(
  deps: ImportDeps,
  actor: AuditActor,
  id: string,
  options: { throwRefusal?: boolean } = {},
): Promise<ImportState> {
  const store = storeOf(deps);
  const state = await store.get(id);
  if (!state) {
    throw notFound();
  }
  const stored = await store.rows(id);
  const owner = { companyId: state.companyId, userId: state.userId, sessionId: state.sessionId };
  try {
    const result = await deps.database.transaction(async (tx) => {
      await lockQuota(tx, state.companyId);
      const lookups = await loadLookups(tx, state.companyId, state.lang);
      const today = berlinDay(deps.clock.now());
      const candidates = stored.filter((r) => r.status === 'valid' || r.status === 'warning');
      const byRow = new Map(candidates.map((r) => [r.r, r]));
      const checked = await checkRows(
        { tx, deps, companyId: state.companyId, lang: state.lang, today, lookups },
        candidates.map((r) => ({
          r: r.r,
          data: r.data,
          templateId: r.templateId,
          issues: r.inputIssues,
          deviceColumns: r.deviceColumns,
          example: false,
        })),
        // The pure rules depend on the row and the day only: computed again on another day.
        (input) => {
          const row = byRow.get(input.r);
          return row?.pure && row.pureDay === today ? row.pure : undefined;
        },
      );
      const now = checked.filter((c) => c.valid);
      const lost = checked.length - now.length;
      if (state.mode === 'all' && lost > 0) {
        throw refuse(problemOf('import.changed', { count: lost }));
      }
      if (now.length === 0) {
        throw refuse(problemOf('import.nothing_valid'));
      }
      const created = await createInCart(
        tx,
        deps,
        actor,
        owner,
        lookups,
        now.map((c) => ({ data: c.input.data, templateId: c.input.templateId })),
        today,
        (done) => {
          state.progress.done = done;
          store.touch(state);
        },
      );
      const imported = new Set(now.map((c) => c.input.r));
      return {
        created,
        notImported: stored
          .filter((r) => r.status !== 'skipped' && !imported.has(r.r))
          .map((r) => r.r),
      };
    });
    state.result = result;
    state.status = 'imported';
    state.progress.done = state.progress.total;
    await store.save(state);
    return state;
  } catch (err) {
    state.status = 'validated';
    state.progress.done = 0;
    if (err instanceof AppError) {
      state.commitError = { rule: err.messageKey, params: err.params as ImportProblem['params'] };
      await store.save(state);
      if (options.throwRefusal) {
        throw err;
      }
      return state;
    }
    state.commitError = problemOf('import.failed');
    await store.save(state);
    throw err;
  }
}
