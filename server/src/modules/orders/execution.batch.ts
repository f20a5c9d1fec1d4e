// The batch execution: many due items in one transaction — their effects, their step records,
// their orders' statuses and the end of their jobs commit together (or not at all), which keeps
// the exactly-once guarantee of the single path. Item types with `invokeBatch` do the work of a
// whole order's items set-based; others have their steps invoked item by item. Whatever does not
// fit (an item that already ran, a failure anywhere) goes back to the single path.
import type { BatchContext as JobBatchContext, BatchJob } from '../../platform/jobs/runner.ts';
import { actorOf, DuplicateRunError } from './execution.context.ts';
import {
  findItemsToRun,
  finishItems,
  lockOrdersWithStatuses,
} from './execution.batch.repository.ts';
import {
  itemType,
  type BatchEntry,
  type BatchOutputs,
  type ItemType,
  type OrdersDeps,
} from './item-types.ts';
import type { OrderItemRow } from './orders.repository.ts';
import { setOrderStatus } from './orders.repository.ts';
import { berlinDay, orderStatusOf } from './orders.rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Runnable {
  job: BatchJob;
  item: OrderItemRow;
  type: ItemType<unknown>;
  payload: unknown;
}

/** A fresh item of a registered type that may share a transaction, with its payload parsed. */
function runnableOf(job: BatchJob, item: OrderItemRow | undefined): Runnable | null {
  if (!item || item.attempts > 0 || (item.status !== 'ordered' && item.status !== 'scheduled')) {
    return null;
  }
  const type = itemType(item.type);
  if (!type || type.stepByStep) {
    return null;
  }
  try {
    return { job, item, type, payload: type.parse(item.payload) };
  } catch {
    return null;
  }
}

/** One order's items of one type: the batch unit (one company, one orderer). */
function groupsOf(runnables: Runnable[]): Runnable[][] {
  const groups = new Map<string, Runnable[]>();
  for (const r of runnables) {
    const key = `${r.item.orderId}/${r.item.type}`;
    const group = groups.get(key);
    if (group) {
      group.push(r);
    } else {
      groups.set(key, [r]);
    }
  }
  // Locked in id order, run in the order's own order.
  return [...groups.values()].map((g) => g.sort((a, b) => a.item.position - b.item.position));
}

/** The steps of every entry invoked one after the other (types without invokeBatch). */
async function invokeEach(
  type: ItemType<unknown>,
  ctx: Parameters<NonNullable<ItemType<unknown>['invokeBatch']>>[0],
  entries: BatchEntry<unknown>[],
): Promise<BatchOutputs> {
  const outputs: BatchOutputs = new Map();
  for (const { item, payload } of entries) {
    const done = [];
    for (const step of type.steps) {
      done.push({ stepId: step.id, output: (await step.invoke({ ...ctx, item }, payload)) ?? {} });
    }
    outputs.set(item.id, done);
  }
  return outputs;
}

/**
 * The job runner's batch handler for `order.item.execute`: returns the ids of the jobs whose
 * items it executed; the runner runs the others (and all of them after a throw) one by one.
 */
export async function executeOrderItemsBatch(
  deps: OrdersDeps,
  jobs: BatchJob[],
  jobCtx: JobBatchContext,
): Promise<ReadonlySet<number>> {
  const byItem = new Map<string, BatchJob>();
  for (const job of jobs) {
    const itemId = (job.payload as { itemId?: unknown } | null)?.itemId;
    if (typeof itemId === 'string' && UUID.test(itemId) && !byItem.has(itemId)) {
      byItem.set(itemId, job);
    }
  }
  return deps.database.transaction(async (tx) => {
    const rows = await findItemsToRun(tx, [...byItem.keys()], deps.database.kind !== 'pglite');
    const runnables = rows
      .map((item) => runnableOf(byItem.get(item.id)!, item))
      .filter((r): r is Runnable => r !== null);
    if (runnables.length < 2) {
      // One item alone gains nothing here: the single path's transaction is the same work.
      return new Set<number>();
    }
    const now = deps.clock.now();
    const today = berlinDay(now);
    const records: { itemId: string; stepId: string; output: Record<string, unknown> }[] = [];
    for (const group of groupsOf(runnables)) {
      const { type, item } = group[0]!;
      const ctx = {
        tx,
        deps,
        companyId: item.companyId,
        actor: await actorOf(tx, item.orderId),
        today,
      };
      const entries = group.map((r) => ({ item: r.item, payload: r.payload }));
      const outputs = type.invokeBatch
        ? await type.invokeBatch(ctx, entries)
        : await invokeEach(type, ctx, entries);
      for (const { item: it } of group) {
        const done = outputs.get(it.id);
        if (!done || done.map((d) => d.stepId).join() !== type.steps.map((s) => s.id).join()) {
          throw new Error(`${type.type}: invokeBatch gave no outputs of every step of ${it.id}`);
        }
        records.push(...done.map((d) => ({ itemId: it.id, ...d })));
      }
    }
    const itemIds = runnables.map((r) => r.item.id);
    const finished = await finishItems(tx, itemIds, records, now);
    if (finished.items !== itemIds.length || finished.steps !== records.length) {
      throw new DuplicateRunError();
    }
    const orderIds = [...new Set(runnables.map((r) => r.item.orderId))];
    for (const order of await lockOrdersWithStatuses(tx, orderIds)) {
      const next = orderStatusOf(order.itemStatuses);
      if (next !== order.status) {
        await setOrderStatus(tx, order.id, next, now);
      }
    }
    const jobIds = runnables.map((r) => r.job.id);
    if ((await jobCtx.complete(tx, jobIds)) !== jobIds.length) {
      // A lease was lost: another worker owns a job now; the single path sorts it out.
      throw new DuplicateRunError();
    }
    return new Set(jobIds);
  });
}
