import type { Executor } from '../../db/client.ts';
import { itemStatusesOf, lockOrder, setOrderStatus } from './orders.repository.ts';
import { orderStatusOf } from './orders.rules.ts';

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
