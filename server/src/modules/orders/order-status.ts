import type { Executor } from '../../db/client.ts';
import type { OrderItemStatus } from '../../db/schema/index.ts';
import { itemStatusesOf, lockOrder, setOrderStatus } from './orders.repository.ts';
import { orderStatusOf } from './orders.rules.ts';

/**
 * The order's status after one item changed, from what the item's transaction read: exact on
 * PGlite, whose single connection runs transactions one after the other. Updates only a change.
 */
export async function refreshOrderStatusFrom(
  tx: Executor,
  orderId: string,
  seen: { orderStatus: OrderItemStatus; otherStatuses: OrderItemStatus[] },
  itemStatus: OrderItemStatus,
  now: Date,
): Promise<void> {
  const next = orderStatusOf([...seen.otherStatuses, itemStatus]);
  if (next !== seen.orderStatus) {
    await setOrderStatus(tx, orderId, next, now);
  }
}

/**
 * Recomputes the order's status from its items. The order row is locked first, so that the item
 * states read afterwards (a new statement, a new snapshot) include every transaction that changed
 * an item of this order before: two items finishing at once cannot both miss the last change.
 */
export async function refreshOrderStatus(tx: Executor, orderId: string, now: Date): Promise<void> {
  const order = await lockOrder(tx, orderId);
  if (!order) {
    return;
  }
  const next = orderStatusOf(await itemStatusesOf(tx, orderId));
  if (next !== order.status) {
    await setOrderStatus(tx, orderId, next, now);
  }
}
