// The execution of order items: each item type is a workflow of named steps run by the jobs
// runner once the item is due. A step's effects and the record that it is done are written in one
// transaction, so a crash keeps both or neither: killed at any moment and restarted, an item is
// never lost and no effect happens twice (the job's lease expires and the runner claims it again).
import { sql } from 'drizzle-orm';
import { PermanentJobError } from '../../platform/jobs/runner.ts';
import type { Logger } from '../../platform/logger.ts';
import { compensate, markFailed } from './execution.compensate.ts';
import {
  contextOf,
  doneSteps,
  DuplicateRunError,
  isPermanent,
  load,
  readableReason,
  StepError,
} from './execution.context.ts';
import type { OrdersDeps } from './item-types.ts';
import { refreshOrderStatus, refreshOrderStatusFrom } from './order-status.ts';
import { finishItem, recordStepsDone } from './execution.repository.ts';
import { countAttempt, updateOrderItem } from './orders.repository.ts';

export const EXECUTE_JOB = 'order.item.execute';
/** With the default backoff (2 s doubling) the attempts of a failing step span about half a minute. */
export const EXECUTE_MAX_ATTEMPTS = 5;

export interface ExecutePayload {
  itemId: string;
}

export const executeDedupeKey = (itemId: string, retry?: number) =>
  retry === undefined ? `order-item:${itemId}` : `order-item:${itemId}:retry:${retry}`;

/**
 * The fast path: every step of the item in one transaction (their effects are database-side, so
 * one commit keeps the guarantee). Returns false when the careful path must take over: a failure
 * (rolled back here, the careful path records the steps that work), a failed or broken item, or
 * a type that wants one transaction per step.
 */
async function runAtOnce(deps: OrdersDeps, itemId: string): Promise<'done' | 'skip' | false> {
  return deps.database.transaction(async (tx) => {
    const loaded = await load(deps, tx, itemId);
    const { run } = loaded;
    if (run.item.status === 'done' || run.item.status === 'cancelled') {
      return 'skip';
    }
    if (loaded.kind !== 'ok' || run.item.status === 'failed' || loaded.type.stepByStep) {
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
    const finished = await finishItem(tx, itemId, records, now);
    if (finished.written !== records.length) {
      throw new DuplicateRunError();
    }
    if (deps.database.kind === 'pglite') {
      // One connection: nothing else ran since the item was read, so its view of the order holds.
      await refreshOrderStatusFrom(tx, run.item.orderId, finished, 'done', now);
    } else {
      // The order row stays locked until commit; without waiting for the WAL flush the next item
      // of the same order can go on at once. Safe: whatever acts on this transaction's results
      // commits synchronously first (the runner marking the job done, a worker claiming the
      // mail), which flushes this commit too; a server crash before that loses both, and the
      // job, still running, runs the item again from its untouched state.
      await tx.execute(sql`set local synchronous_commit = off`);
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
    const { run } = await load(deps, tx, itemId);
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
      const loaded = await load(deps, tx, itemId);
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
