// Job handlers of the orders module: the execution of order items and the periodic cart sweep.
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { enqueueJob, PermanentJobError, type JobRunner } from '../../platform/jobs/runner.ts';
import { sweepCarts } from './cart.service.ts';
import type { OrdersDeps } from './item-types.ts';
import { executeOrderItemsBatch } from './execution.batch.ts';
import { EXECUTE_JOB, executeOrderItem } from './orders.execution.ts';

export const SWEEP_JOB = 'cart.sweep';
/** How often carts of ended sessions are discarded. */
export const SWEEP_EVERY_MS = 5 * 60_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function itemIdOf(payload: unknown): string {
  const itemId = (payload as { itemId?: unknown } | null)?.itemId;
  if (typeof itemId !== 'string' || !UUID.test(itemId)) {
    throw new PermanentJobError('order item job without a valid itemId');
  }
  return itemId;
}

/**
 * Enqueues the sweep of the time slot that `at` falls in. The slot is the dedupe key, so every app
 * process may call this at start-up and each sweep re-enqueues the next slot: one chain of sweeps.
 */
export async function scheduleCartSweep(
  database: Database,
  clock: Clock,
  at: Date = clock.now(),
): Promise<void> {
  const slot = Math.floor(at.getTime() / SWEEP_EVERY_MS) * SWEEP_EVERY_MS;
  await enqueueJob(
    database.db,
    {
      kind: SWEEP_JOB,
      runAt: new Date(Math.max(slot, clock.now().getTime())),
      dedupeKey: `cart.sweep:${new Date(slot).toISOString()}`,
      maxAttempts: 3,
    },
    clock,
  );
}

export function registerOrderJobs(runner: JobRunner, deps: OrdersDeps): void {
  runner.register(
    EXECUTE_JOB,
    (payload, ctx) => executeOrderItem(deps, itemIdOf(payload), ctx, ctx.logger),
    (jobs, ctx) => executeOrderItemsBatch(deps, jobs, ctx),
  );
  runner.register(SWEEP_JOB, async (_payload, ctx) => {
    // The next slot first: a failing sweep must not end the chain.
    await scheduleCartSweep(
      deps.database,
      deps.clock,
      new Date(deps.clock.now().getTime() + SWEEP_EVERY_MS),
    );
    const discarded = await sweepCarts(deps);
    if (discarded > 0) {
      ctx.logger.info({ discarded }, 'carts of ended sessions discarded');
    }
  });
}
