// SQL of the execution: the item to run, its step records, the fast path's closing statement.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import {
  jobs,
  orderItems,
  orderItemSteps,
  orders,
  users,
  type OrderItemStatus,
} from '../../db/schema/index.ts';
import type { OrderItemRow } from './orders.repository.ts';

export interface StepRecord {
  stepId: string;
  status: 'done' | 'compensated';
  output: Record<string, unknown>;
}

/** The item to run; `lock` holds it until the transaction ends (not needed on PGlite). */
export async function findItemToRun(
  tx: Executor,
  itemId: string,
  lock: boolean,
): Promise<OrderItemRow | null> {
  const query = tx.select().from(orderItems).where(eq(orderItems.id, itemId));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function stepRecordsOfItem(tx: Executor, itemId: string): Promise<StepRecord[]> {
  return tx
    .select({
      stepId: orderItemSteps.stepId,
      status: orderItemSteps.status,
      output: orderItemSteps.output,
    })
    .from(orderItemSteps)
    .where(eq(orderItemSteps.itemId, itemId));
}

/** Who placed the order (for the audit entries of its effects). */
export async function ordererOf(
  tx: Executor,
  orderId: string,
): Promise<{ userId: string; username: string; kind: string } | null> {
  const rows = await tx
    .select({ userId: users.id, username: users.username, kind: users.kind })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.placedBy))
    .where(eq(orders.id, orderId));
  return rows[0] ?? null;
}

export interface Finished {
  /** Step records written; fewer than given means another run recorded a step first. */
  written: number;
  /** The order's status and its other items' statuses, as this statement saw them. */
  orderStatus: OrderItemStatus;
  otherStatuses: OrderItemStatus[];
}

/**
 * The fast path's end in one statement: records the steps just run and marks the item done. When
 * fewer records were written than given, the caller must roll back.
 */
export async function finishItem(
  tx: Executor,
  itemId: string,
  records: { stepId: string; output: Record<string, unknown> }[],
  now: Date,
): Promise<Finished> {
  const at = now.toISOString();
  const rows = JSON.stringify(records.map((r) => ({ step_id: r.stepId, output: r.output })));
  const result = await tx.execute(sql`
    with written as (
      insert into ${orderItemSteps} (item_id, step_id, status, output, done_at)
      select ${itemId}::uuid, r.step_id, 'done', r.output, ${at}::timestamptz
      from jsonb_to_recordset(${rows}::jsonb) as r(step_id text, output jsonb)
      on conflict (item_id, step_id) do update
        set status = 'done', output = excluded.output, done_at = excluded.done_at,
            compensated_at = null
        where ${orderItemSteps}.status = 'compensated'
      returning 1
    )
    update ${orderItems} set
      status = 'done',
      attempts = attempts + 1,
      started_at = coalesce(started_at, ${at}::timestamptz),
      finished_at = ${at}::timestamptz,
      failure_reason = null,
      updated_at = ${at}::timestamptz
    where id = ${itemId}
    returning
      (select count(*) from written)::int as written,
      (select status from ${orders} where id = order_id) as order_status,
      (select array_agg(distinct o.status) from ${orderItems} o
        where o.order_id = ${orderItems}.order_id and o.id <> ${orderItems}.id) as other_statuses`);
  const row = rowsOf<{
    written: number;
    order_status: OrderItemStatus;
    other_statuses: OrderItemStatus[] | string | null;
  }>(result)[0];
  return {
    written: Number(row?.written ?? 0),
    orderStatus: row?.order_status ?? 'running',
    otherStatuses: pgArray(row?.other_statuses ?? null),
  };
}

/** A text[] result: an array from node-postgres and PGlite, a literal like {a,b} otherwise. */
function pgArray<T extends string>(value: T[] | string | null): T[] {
  if (value === null) {
    return [];
  }
  return Array.isArray(value)
    ? value
    : (value
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean) as T[]);
}

/**
 * Records finished steps. A step recorded as compensated becomes done again (operator retry); a
 * step already done is a duplicate run: the count returned is then smaller than asked and the
 * caller must roll back, so an effect is never applied twice.
 */
export async function recordStepsDone(
  tx: Executor,
  records: { itemId: string; stepId: string; output: Record<string, unknown> }[],
  now: Date,
): Promise<number> {
  if (records.length === 0) {
    return 0;
  }
  const rows = await tx
    .insert(orderItemSteps)
    .values(records.map((r) => ({ ...r, status: 'done' as const, doneAt: now })))
    .onConflictDoUpdate({
      target: [orderItemSteps.itemId, orderItemSteps.stepId],
      set: {
        status: 'done',
        output: sql`excluded.output`,
        doneAt: sql`excluded.done_at`,
        compensatedAt: null,
      },
      setWhere: sql`${orderItemSteps.status} = 'compensated'`,
    })
    .returning({ stepId: orderItemSteps.stepId });
  return rows.length;
}

/** Marks a done step compensated; false when it was not (or no longer) done. */
export async function recordStepCompensated(
  tx: Executor,
  itemId: string,
  stepId: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(orderItemSteps)
    .set({ status: 'compensated', compensatedAt: now })
    .where(
      and(
        eq(orderItemSteps.itemId, itemId),
        eq(orderItemSteps.stepId, stepId),
        eq(orderItemSteps.status, 'done'),
      ),
    )
    .returning({ stepId: orderItemSteps.stepId });
  return rows.length > 0;
}

/** Execution jobs of an item that are still waiting or running (by their dedupe key). */
export async function liveExecutionJobs(
  db: Executor,
  kind: string,
  itemId: string,
): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, kind),
        inArray(jobs.status, ['queued', 'running']),
        sql`${jobs.payload}->>'itemId' = ${itemId}`,
      ),
    );
  return Number(rows[0]?.n ?? 0);
}
