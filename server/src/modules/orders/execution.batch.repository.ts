// SQL of the batch execution: many items loaded, finished and their orders summarised at once.
import { asc, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import { orderItems, orderItemSteps, orders, type OrderItemStatus } from '../../db/schema/index.ts';
import type { OrderItemRow } from './orders.repository.ts';

/** The items, in id order (so concurrent batches lock in one order); `lock` as findItemToRun. */
export async function findItemsToRun(
  tx: Executor,
  itemIds: readonly string[],
  lock: boolean,
): Promise<OrderItemRow[]> {
  if (itemIds.length === 0) {
    return [];
  }
  const query = tx
    .select()
    .from(orderItems)
    .where(inArray(orderItems.id, [...itemIds]))
    .orderBy(asc(orderItems.id));
  return lock ? query.for('update') : query;
}

/**
 * Records the steps of fresh items and marks the items done, in one statement. Returns how many
 * step records and items were written: fewer than given means another run got there first, and
 * the caller must roll back.
 */
export async function finishItems(
  tx: Executor,
  itemIds: readonly string[],
  records: readonly { itemId: string; stepId: string; output: Record<string, unknown> }[],
  now: Date,
): Promise<{ steps: number; items: number }> {
  const at = now.toISOString();
  const steps = JSON.stringify(
    records.map((r) => ({ item_id: r.itemId, step_id: r.stepId, output: r.output })),
  );
  const result = await tx.execute(sql`
    with written as (
      insert into ${orderItemSteps} (item_id, step_id, status, output, done_at)
      select r.item_id, r.step_id, 'done', r.output, ${at}::timestamptz
      from jsonb_to_recordset(${steps}::jsonb) as r(item_id uuid, step_id text, output jsonb)
      on conflict (item_id, step_id) do nothing
      returning 1
    ), items as (
      update ${orderItems} set
        status = 'done',
        attempts = attempts + 1,
        started_at = coalesce(started_at, ${at}::timestamptz),
        finished_at = ${at}::timestamptz,
        failure_reason = null,
        updated_at = ${at}::timestamptz
      where id = any(${`{${itemIds.join(',')}}`}::uuid[])
        and attempts = 0 and status in ('ordered', 'scheduled')
      returning 1
    )
    select (select count(*) from written)::int as steps, (select count(*) from items)::int as items`);
  const row = rowsOf<{ steps: number; items: number }>(result)[0];
  return { steps: Number(row?.steps ?? 0), items: Number(row?.items ?? 0) };
}

/**
 * The orders locked (in id order) with the statuses of all their items, read after the lock as
 * refreshOrderStatus does, so that no concurrent item change is missed.
 */
export async function lockOrdersWithStatuses(
  tx: Executor,
  orderIds: readonly string[],
): Promise<{ id: string; status: OrderItemStatus; itemStatuses: OrderItemStatus[] }[]> {
  const locked = await tx
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(inArray(orders.id, [...orderIds]))
    .orderBy(asc(orders.id))
    .for('update');
  const rows = await tx
    .selectDistinct({ orderId: orderItems.orderId, status: orderItems.status })
    .from(orderItems)
    .where(inArray(orderItems.orderId, [...orderIds]));
  return locked.map((o) => ({
    ...o,
    itemStatuses: rows.filter((r) => r.orderId === o.id).map((r) => r.status),
  }));
}
