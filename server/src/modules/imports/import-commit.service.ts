// "Importieren": the checked list into the caller's session cart — all or nothing, or only the
// valid rows ("nur gültige Zeilen importieren") — checked again first, since the company may have
// changed since the preview. Up to SYNC_ROWS rows in the request, more as a job.
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import type { Executor } from '../../db/client.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/runner.ts';
import type { CartOwner } from '../orders/cart.service.ts';
import { berlinDay } from '../orders/orders.rules.ts';
import { createWorkplacesInCart } from '../workplaces/workplace-cart.service.ts';
import { displayName } from '../workplaces/workplace-values.ts';
import { lockQuota } from '../workplaces/workplaces.repository.ts';
import {
  IMPORT_JOB,
  importStoreOf,
  ownImport,
  SYNC_ROWS,
  type ImportDeps,
} from './imports.service.ts';
import type { CreatedRow, ImportMode, ImportProblem, ImportState } from './imports.store.ts';
import { listInputs, readList } from './list-inputs.ts';
import type { RowInput } from './rows.ts';
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
  // Two clicks (or two nodes): only one moves the import from validated to importing.
  if (!(await store.save(state, { from: ['validated'] }))) {
    throw refuse(problemOf('import.busy'));
  }
  if (usable <= (deps.syncRows ?? SYNC_ROWS)) {
    return runCommit(deps, actor, owner.companyId, id, { throwRefusal: true });
  }
  await enqueueJob(
    deps.database.db,
    {
      kind: IMPORT_JOB,
      payload: { importId: id, companyId: owner.companyId, action: 'commit', actor },
      maxAttempts: 1,
    },
    deps.clock,
  );
  deps.poke?.();
  return state;
}

/**
 * The rows to import as the wizard's data: kept in memory when this process checked the list
 * (with their pure rules' issues, reused on the same Berlin day — they depend on the row and
 * the day only), else read again from the stored file with the company's names of today.
 */
async function candidatesOf(
  deps: ImportDeps,
  state: ImportState,
  tx: Executor,
  wanted: ReadonlySet<number>,
  today: string,
): Promise<{ inputs: RowInput[]; pureOf: (input: RowInput) => RuleIssue[] | undefined }> {
  const kept = storeOf(deps).keptRows(state.id);
  if (kept) {
    const byRow = new Map(kept.filter((k) => wanted.has(k.r)).map((k) => [k.r, k]));
    return {
      inputs: [...byRow.values()].map((k) => k.input),
      pureOf: (input) => {
        const row = byRow.get(input.r);
        return row?.pure && row.pureDay === today ? row.pure : undefined;
      },
    };
  }
  const file = await storeOf(deps).upload(state.companyId, state.id, tx);
  const list = readList(file, deps.config.imports.maxRows);
  if ('rule' in list) {
    throw refuse(problemOf('import.not_importable', { reason: '' }));
  }
  const inputs = await listInputs(tx, state, list);
  return { inputs: inputs.filter((i) => wanted.has(i.r)), pureOf: () => undefined };
}

/**
 * Puts the rows into the cart in one transaction, after checking them again under the quota
 * lock (the company may have changed since the preview). All or nothing when mode is 'all'.
 */
export async function runCommit(
  deps: ImportDeps,
  actor: AuditActor,
  companyId: string,
  id: string,
  options: { throwRefusal?: boolean } = {},
): Promise<ImportState> {
  const store = storeOf(deps);
  const state = await store.get(companyId, id);
  if (!state) {
    throw notFound();
  }
  const owner = { companyId, userId: state.userId, sessionId: state.sessionId };
  store.begin(state);
  try {
    await deps.database.transaction(async (tx) => {
      await lockQuota(tx, companyId);
      const stored = await store.rows(companyId, id, tx);
      const today = berlinDay(deps.clock.now());
      const wanted = new Set(
        stored.filter((r) => r.status === 'valid' || r.status === 'warning').map((r) => r.r),
      );
      const { inputs, pureOf } = await candidatesOf(deps, state, tx, wanted, today);
      const checked = await checkRows(
        { tx, deps, companyId, lang: state.lang, today },
        inputs,
        pureOf,
      );
      const now = checked.filter((c) => c.valid);
      const lost = checked.length - now.length;
      if (state.mode === 'all' && lost > 0) {
        throw refuse(problemOf('import.changed', { count: lost }));
      }
      if (now.length === 0) {
        throw refuse(problemOf('import.nothing_valid'));
      }
      const created = await createWorkplacesInCart(
        tx,
        deps,
        actor,
        owner,
        now.map((c) => ({ data: c.input.data, templateId: c.input.templateId, draftId: null })),
        {
          lang: state.lang,
          progress: (share) => {
            state.progress.done = Math.floor(now.length * share);
            return store.progress(state);
          },
        },
      );
      const imported = new Set(now.map((c) => c.input.r));
      state.result = {
        created: created.map(({ workplace: w, item }): CreatedRow => ({
          workplaceId: w.id,
          cartItemId: item.id,
          name: displayName(w),
          username: w.username,
          mainNumber: w.mainNumber,
          internalNumber: w.internalNumber,
          activationDate: item.activationDate,
        })),
        notImported: stored
          .filter((r) => r.status !== 'skipped' && !imported.has(r.r))
          .map((r) => r.r),
      };
      state.status = 'imported';
      state.progress.done = state.progress.total;
      // With the workplaces: an import is imported exactly when its workplaces are in the cart.
      await store.save(state, { tx });
    });
    return state;
  } catch (err) {
    state.status = 'validated';
    state.result = null;
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
  } finally {
    store.done(id);
  }
}
