// Orders after placement: list and detail ("Kontingente & Auftragsstatus"), cancelling items
// that have not started, and the operators' retry of a failed item.
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Executor } from '../../db/client.ts';
import type { OrderItemStatus } from '../../db/schema/index.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/runner.ts';
import { itemType, type OrdersDeps } from './item-types.ts';
import { refreshOrderStatus } from './order-status.ts';
import { EXECUTE_JOB, EXECUTE_MAX_ATTEMPTS, executeDedupeKey } from './orders.execution.ts';
import { presentOrders, type OrderOutput } from './orders.present.ts';
import { liveExecutionJobs } from './execution.repository.ts';
import {
  findOrder,
  listOrders,
  lockOrderItems,
  updateOrderItem,
  type OrderItemRow,
} from './orders.repository.ts';
import { berlinDay, isCancellable, startOfBerlinDay } from './orders.rules.ts';

export interface OrderQuery {
  status?: OrderItemStatus | undefined;
  type?: string | undefined;
  /** Berlin days of placement, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

const nextDay = (day: string) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** A page of orders of one company (or of all companies for operators: companyId null). */
export async function orderList(
  deps: OrdersDeps,
  companyId: string | null,
  query: OrderQuery,
  lang: Language,
): Promise<{ items: OrderOutput[]; total: number; page: number; pageSize: number }> {
  const db = deps.database.db;
  const { rows, total } = await listOrders(db, {
    companyId,
    status: query.status,
    type: query.type,
    placedFrom: query.from ? startOfBerlinDay(query.from) : undefined,
    placedBefore: query.to ? startOfBerlinDay(nextDay(query.to)) : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: await presentOrders(db, rows, lang),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function orderDetail(
  deps: OrdersDeps,
  companyId: string | null,
  orderId: string,
  lang: Language,
): Promise<OrderOutput> {
  const order = await findOrder(deps.database.db, companyId, orderId);
  if (!order) {
    throw notFound();
  }
  const [presented] = await presentOrders(deps.database.db, [order], lang);
  return presented!;
}

async function cancelItems(
  tx: Executor,
  deps: OrdersDeps,
  actor: AuditActor,
  items: OrderItemRow[],
): Promise<void> {
  const now = deps.clock.now();
  for (const item of items) {
    await updateOrderItem(tx, item.id, { status: 'cancelled', cancelledAt: now, updatedAt: now });
    const type = itemType(item.type);
    if (type?.onDiscarded) {
      await type.onDiscarded(
        {
          tx,
          deps,
          companyId: item.companyId,
          actor,
          today: berlinDay(now),
          subjectId: item.subjectId,
        },
        type.parse(item.payload),
        'cancelled',
      );
    }
    await recordAudit(tx, {
      actor,
      companyId: item.companyId,
      entity: 'order_item',
      entityId: item.id,
      action: 'cancelled',
      before: { status: item.status },
      after: { status: 'cancelled' },
      at: now,
    });
  }
}

/**
 * Cancels one item (itemId) or every item that has not started (itemId null). The items are
 * locked, and the execution locks an item before it starts it, so the two never overlap: once
 * running (or finished) an item is not cancellable (409).
 */
export async function cancelOrder(
  deps: OrdersDeps,
  actor: AuditActor,
  companyId: string,
  orderId: string,
  itemId: string | null,
  lang: Language,
): Promise<OrderOutput> {
  await deps.database.transaction(async (tx) => {
    const order = await findOrder(tx, companyId, orderId);
    if (!order) {
      throw notFound();
    }
    const items = await lockOrderItems(tx, orderId);
    let targets: OrderItemRow[];
    if (itemId) {
      const item = items.find((i) => i.id === itemId);
      if (!item) {
        throw notFound();
      }
      if (!isCancellable(item.status)) {
        throw new AppError('order_item_not_cancellable', 409);
      }
      targets = [item];
    } else {
      targets = items.filter((i) => isCancellable(i.status));
      if (targets.length === 0) {
        throw new AppError('order_not_cancellable', 409);
      }
    }
    await cancelItems(tx, deps, actor, targets);
    await refreshOrderStatus(tx, orderId, deps.clock.now());
  });
  return orderDetail(deps, companyId, orderId, lang);
}

/**
 * Operators: a failed item runs again, from its first step that is not done (the compensated
 * steps run again; steps without compensation stay done). Refused while a job of it still runs.
 */
export async function retryOrderItem(
  deps: OrdersDeps,
  actor: AuditActor,
  orderId: string,
  itemId: string,
  lang: Language,
): Promise<OrderOutput> {
  await deps.database.transaction(async (tx) => {
    const items = await lockOrderItems(tx, orderId);
    const item = items.find((i) => i.id === itemId);
    if (!item) {
      throw notFound();
    }
    if (item.status !== 'failed') {
      throw new AppError('order_item_not_failed', 409);
    }
    if ((await liveExecutionJobs(tx, EXECUTE_JOB, itemId)) > 0) {
      throw new AppError('order_item_busy', 409);
    }
    const now = deps.clock.now();
    await updateOrderItem(tx, itemId, {
      status: 'ordered',
      failureReason: null,
      finishedAt: null,
      updatedAt: now,
    });
    await refreshOrderStatus(tx, orderId, now);
    await enqueueJob(
      tx,
      {
        kind: EXECUTE_JOB,
        payload: { itemId },
        runAt: now,
        dedupeKey: executeDedupeKey(itemId, now.getTime()),
        maxAttempts: EXECUTE_MAX_ATTEMPTS,
      },
      deps.clock,
    );
    await recordAudit(tx, {
      actor,
      companyId: item.companyId,
      entity: 'order_item',
      entityId: itemId,
      action: 'retried',
      before: { status: 'failed', reason: item.failureReason },
      after: { status: 'ordered' },
      at: now,
    });
  });
  return orderDetail(deps, null, orderId, lang);
}
