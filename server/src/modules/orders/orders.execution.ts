// The execution of order items: each item type is a workflow of named steps run by the jobs
// runner once the item is due. A step's effects and the record that it is done are written in one
// transaction, so a crash keeps both or neither: killed at any moment and restarted, an item is
// never lost and no effect happens twice (the job's lease expires and the runner claims it again).
import type { Executor } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { PermanentJobError } from '../../platform/jobs/runner.ts';
import type { Logger } from '../../platform/logger.ts';
import { itemType, type ItemType, type OrdersDeps, type StepContext } from './item-types.ts';
import { refreshOrderStatus, refreshOrderStatusFrom } from './order-status.ts';
import {
  countAttempt,
  finishItem,
  lockRunnableItem,
  recordStepCompensated,
  recordStepsDone,
  updateOrderItem,
  type RunnableItem,
} from './orders.repository.ts';
import { berlinDay } from './orders.rules.ts';

export const EXECUTE_JOB = 'order.item.execute';
/** With the default backoff (2 s doubling) the attempts of a failing step span about half a minute. */
export const EXECUTE_MAX_ATTEMPTS = 5;

export interface ExecutePayload {
  itemId: string;
}

export const executeDedupeKey = (itemId: string, retry?: number) =>
  retry === undefined ? `order-item:${itemId}` : `order-item:${itemId}:retry:${retry}`;

/** A step threw: carries which one, for the readable reason. */
class StepError extends Error {
  readonly stepId: string;
  readonly original: unknown;
  constructor(stepId: string, original: unknown) {
    super(original instanceof Error ? original.message : String(original));
    this.name = 'StepError';
    this.stepId = stepId;
    this.original = original;
  }
}

/** Another run recorded a step first (a lost lease): roll back, the effects are already there. */
class DuplicateRunError extends Error {
  constructor() {
    super('another run of this item recorded the step first');
    this.name = 'DuplicateRunError';
  }
}

type Loaded =
  | { kind: 'ok'; run: RunnableItem; type: ItemType<unknown>; payload: unknown }
  /** The type is not registered or the payload does not parse: the item fails for good. */
  | { kind: 'broken'; run: RunnableItem; reason: string };

function actorOf(run: RunnableItem): AuditActor {
  if (!run.placedBy) {
    return SYSTEM_ACTOR;
  }
  return {
    userId: run.placedBy,
    username: run.placedByUsername ?? 'unknown',
    role: run.placedByKind === 'operator' ? 'operator' : 'admin',
  };
}

function contextOf(tx: Executor, deps: OrdersDeps, run: RunnableItem): StepContext {
  return {
    tx,
    deps,
    item: run.item,
    companyId: run.item.companyId,
    actor: actorOf(run),
    today: berlinDay(deps.clock.now()),
  };
}

/** The German text of an error, with the step it happened in. */
export function readableReason(err: unknown): string {
  const original = err instanceof StepError ? err.original : err;
  const text =
    original instanceof AppError
      ? translate('de', original.messageKey, original.params)
      : original instanceof Error
        ? original.message || original.name
        : String(original);
  const reason = text.slice(0, 1000);
  return err instanceof StepError
    ? translate('de', 'order_step_failed', { step: err.stepId, reason })
    : reason;
}

const isPermanent = (err: unknown) =>
  err instanceof PermanentJobError ||
  (err instanceof StepError && err.original instanceof PermanentJobError);

/** Loads and locks the item; a missing type or an unreadable payload makes it 'broken'. */
async function load(tx: Executor, itemId: string): Promise<Loaded> {
  const run = await lockRunnableItem(tx, itemId);
  if (!run) {
    throw new PermanentJobError(`order item ${itemId} does not exist`);
  }
  const type = itemType(run.item.type);
  if (!type) {
    return {
      kind: 'broken',
      run,
      reason: translate('de', 'order_item_type_unknown', { type: run.item.type }),
    };
  }
  try {
    return { kind: 'ok', run, type, payload: type.parse(run.item.payload) };
  } catch (err) {
    return { kind: 'broken', run, reason: readableReason(err) };
  }
}

const doneSteps = (run: RunnableItem) =>
  new Set(run.steps.filter((s) => s.status === 'done').map((s) => s.stepId));

/**
 * The fast path: every step of the item in one transaction (effects are database-side, so one
 * commit keeps the guarantee). Returns false when the careful path must take over.
 */
async function runAtOnce(deps: OrdersDeps, itemId: string): Promise<'done' | 'skip' | false> {
  return deps.database.transaction(async (tx) => {
    const loaded = await load(tx, itemId);
    const { run } = loaded;
    if (run.item.status === 'done' || run.item.status === 'cancelled') {
      return 'skip';
    }
    if (loaded.kind !== 'ok' || run.item.status === 'failed') {
      return false;
    }
    const ctx = contextOf(tx, deps, run);
    const done = doneSteps(run);
    const records = [];
    for (const step of loaded.type.steps) {
      if (!done.has(step.id)) {
        const output = (await step.invoke(ctx, loaded.payload)) ?? {};
        records.push({ stepId: step.id, output });
      }
    }
    const now = deps.clock.now();
    if ((await finishItem(tx, itemId, records, now)) !== records.length) {
      throw new DuplicateRunError();
    }
    if (deps.database.kind === 'pglite') {
      // One connection: nothing else ran since the item was read, so its view of the order holds.
      await refreshOrderStatusFrom(tx, run.item.orderId, run, 'done', now);
    } else {
      await refreshOrderStatus(tx, run.item.orderId, now);
    }
    return 'done';
  });
}

/** Runs one item; called by the job handler with the job's attempt numbers. */
export async function executeOrderItem(
  deps: OrdersDeps,
  itemId: string,
  job: { attempt: number; maxAttempts: number },
  logger?: Logger,
): Promise<void> {
  try {
    if ((await runAtOnce(deps, itemId)) !== false) {
      return;
    }
  } catch (err) {
    // Rolled back as a whole; the careful path records the steps that work and finds the failure.
    logger?.debug({ err, itemId }, 'order item: fast path failed, running step by step');
  }
  await runStepByStep(deps, itemId, job, logger);
}

/** The careful path: marks the item running, then one transaction per step with its record. */
async function runStepByStep(
  deps: OrdersDeps,
  itemId: string,
  job: { attempt: number; maxAttempts: number },
  logger?: Logger,
): Promise<void> {
  const start = await deps.database.transaction(async (tx) => {
    const { run } = await load(tx, itemId);
    const status = run.item.status;
    if (status === 'done' || status === 'cancelled' || status === 'failed') {
      return { status, reason: run.item.failureReason };
    }
    const now = deps.clock.now();
    await countAttempt(tx, itemId, {
      status: 'running',
      startedAt: run.item.startedAt ?? now,
      updatedAt: now,
    });
    await refreshOrderStatus(tx, run.item.orderId, now);
    return { status: 'running' as const, reason: null };
  });
  if (start.status === 'done' || start.status === 'cancelled') {
    return;
  }
  if (start.status === 'failed') {
    // A crash after the item was marked failed: finish what the compensation left undone.
    await compensate(deps, itemId, logger);
    throw new PermanentJobError(start.reason ?? 'failed');
  }
  try {
    await runSteps(deps, itemId);
  } catch (err) {
    if (err instanceof DuplicateRunError) {
      // Another run (whose lease this one took over) is at it; its records stand.
      return;
    }
    const reason = readableReason(err);
    const final = isPermanent(err) || job.attempt >= job.maxAttempts;
    if (!final) {
      await deps.database.transaction((tx) =>
        updateOrderItem(tx, itemId, { failureReason: reason, updatedAt: deps.clock.now() }),
      );
      throw err instanceof StepError && err.original instanceof Error ? err.original : err;
    }
    await markFailed(deps, itemId, reason);
    await compensate(deps, itemId, logger);
    throw new PermanentJobError(reason);
  }
}

async function runSteps(deps: OrdersDeps, itemId: string): Promise<void> {
  for (let index = 0; ; index++) {
    const outcome = await deps.database.transaction(async (tx) => {
      const loaded = await load(tx, itemId);
      if (loaded.run.item.status !== 'running') {
        return 'stop';
      }
      if (loaded.kind !== 'ok') {
        throw new PermanentJobError(loaded.reason);
      }
      const { run, type, payload } = loaded;
      const now = deps.clock.now();
      const step = type.steps[index];
      if (!step) {
        await updateOrderItem(tx, itemId, {
          status: 'done',
          finishedAt: now,
          failureReason: null,
          updatedAt: now,
        });
        await refreshOrderStatus(tx, run.item.orderId, now);
        return 'stop';
      }
      if (doneSteps(run).has(step.id)) {
        return 'next';
      }
      let output;
      try {
        output = (await step.invoke(contextOf(tx, deps, run), payload)) ?? {};
      } catch (err) {
        throw new StepError(step.id, err);
      }
      if ((await recordStepsDone(tx, [{ itemId, stepId: step.id, output }], now)) !== 1) {
        throw new DuplicateRunError();
      }
      return 'next';
    });
    if (outcome === 'stop') {
      return;
    }
  }
}

async function markFailed(deps: OrdersDeps, itemId: string, reason: string): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const run = await lockRunnableItem(tx, itemId);
    if (!run || run.item.status !== 'running') {
      return;
    }
    const now = deps.clock.now();
    await updateOrderItem(tx, itemId, {
      status: 'failed',
      failureReason: reason,
      finishedAt: now,
      updatedAt: now,
    });
    await refreshOrderStatus(tx, run.item.orderId, now);
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      companyId: run.item.companyId,
      entity: 'order_item',
      entityId: itemId,
      action: 'failed',
      after: { reason, attempts: run.item.attempts },
      at: now,
    });
  });
}

/**
 * Undoes the finished steps of a failed item in reverse order, each in its own transaction with
 * its record. A step without compensate stays done (a retry skips it). A compensation that throws
 * stops the rest; its reason is added to the item's for the operator.
 */
async function compensate(deps: OrdersDeps, itemId: string, logger?: Logger): Promise<void> {
  const type = await deps.database.transaction(async (tx) => {
    const run = await lockRunnableItem(tx, itemId);
    return run ? itemType(run.item.type) : undefined;
  });
  const steps = [...(type?.steps ?? [])].reverse().filter((s) => s.compensate !== undefined);
  for (const step of steps) {
    try {
      const stop = await deps.database.transaction(async (tx) => {
        const loaded = await load(tx, itemId);
        if (loaded.kind !== 'ok' || loaded.run.item.status !== 'failed') {
          return true;
        }
        const record = loaded.run.steps.find((s) => s.stepId === step.id && s.status === 'done');
        if (record) {
          await step.compensate!(contextOf(tx, deps, loaded.run), loaded.payload, record.output);
          await recordStepCompensated(tx, itemId, step.id, deps.clock.now());
        }
        return false;
      });
      if (stop) {
        return;
      }
    } catch (err) {
      logger?.error({ err, itemId, step: step.id }, 'order item: compensation failed');
      const note = translate('de', 'order_compensation_failed', {
        step: step.id,
        reason: readableReason(err),
      });
      await deps.database.transaction(async (tx) => {
        const run = await lockRunnableItem(tx, itemId);
        const reason = `${run?.item.failureReason ?? ''} ${note}`.trim();
        await updateOrderItem(tx, itemId, { failureReason: reason, updatedAt: deps.clock.now() });
      });
      return;
    }
  }
}
