// SQL of the orders module: cart items, orders, items, step records. Company id is always given
// (null only for the operators' all-companies views and for the execution, which goes by item id).
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  lt,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import {
  cartItems,
  companies,
  jobs,
  orderItems,
  orderItemSteps,
  orders,
  sessions,
  users,
  type OrderItemStatus,
  type PriceLine,
} from '../../db/schema/index.ts';

export type CartItemRow = typeof cartItems.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type StepRecordRow = typeof orderItemSteps.$inferSelect;

// ---- cart ----------------------------------------------------------------------------------

export async function insertCartItem(
  db: Executor,
  values: typeof cartItems.$inferInsert,
): Promise<CartItemRow> {
  const rows = await db.insert(cartItems).values(values).returning();
  return rows[0]!;
}

/** The cart of a session, oldest first; `lock` holds the rows until the transaction ends. */
export async function cartItemsOfSession(
  db: Executor,
  sessionId: string,
  options: { lock?: boolean } = {},
): Promise<CartItemRow[]> {
  const query = db
    .select()
    .from(cartItems)
    .where(eq(cartItems.sessionId, sessionId))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.id));
  return options.lock ? query.for('update') : query;
}

export async function cartItemsOfCompanySession(
  db: Executor,
  sessionId: string,
  companyId: string,
): Promise<CartItemRow[]> {
  return db
    .select()
    .from(cartItems)
    .where(and(eq(cartItems.sessionId, sessionId), eq(cartItems.companyId, companyId)))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.id));
}

export async function lockCartItem(
  db: Executor,
  sessionId: string,
  itemId: string,
): Promise<CartItemRow | null> {
  const rows = await db
    .select()
    .from(cartItems)
    .where(and(eq(cartItems.id, itemId), eq(cartItems.sessionId, sessionId)))
    .for('update');
  return rows[0] ?? null;
}

export async function updateCartItem(
  db: Executor,
  id: string,
  patch: Partial<
    Pick<CartItemRow, 'priceLines' | 'oneOffCents' | 'monthlyCents' | 'activationDate'>
  >,
): Promise<void> {
  await db.update(cartItems).set(patch).where(eq(cartItems.id, id));
}

export async function deleteCartItems(db: Executor, ids: string[]): Promise<void> {
  if (ids.length > 0) {
    await db.delete(cartItems).where(inArray(cartItems.id, ids));
  }
}

/** Whether the session may hold a cart now: not revoked, not expired, not idle too long. */
export async function sessionIsLive(
  db: Executor,
  sessionId: string,
  now: Date,
  idleSince: Date,
): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), sql`not (${deadSession(now, idleSince)})`));
  return rows.length > 0;
}

const deadSession = (now: Date, idleSince: Date): SQL =>
  or(
    isNotNull(sessions.revokedAt),
    sql`${sessions.expiresAt} <= ${now.toISOString()}::timestamptz`,
    lt(sessions.lastSeenAt, idleSince),
  )!;

/** Sessions that ended (logout, revoked, idle or absolutely expired) but still have cart items. */
export async function deadCartSessions(
  db: Executor,
  now: Date,
  idleSince: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ sessionId: cartItems.sessionId })
    .from(cartItems)
    .innerJoin(sessions, eq(sessions.id, cartItems.sessionId))
    .where(deadSession(now, idleSince))
    .limit(limit);
  return rows.map((r) => r.sessionId);
}

// ---- people and companies -----------------------------------------------------------------

export interface UserContact {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  language: string;
  kind: string;
}

export async function userContact(db: Executor, userId: string): Promise<UserContact | null> {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      language: users.language,
      kind: users.kind,
    })
    .from(users)
    .where(eq(users.id, userId));
  return rows[0] ?? null;
}

export async function companyNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(inArray(companies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name || r.username]));
}

// ---- orders ---------------------------------------------------------------------------------

/** Serialises order-number assignment across all app processes until the transaction ends. */
export async function lockOrderNumbers(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7300601)`);
}

/** The highest sequence of the year's order numbers (A-YYYY-nnnnnn), 0 when there is none. */
export async function lastOrderSequence(tx: Executor, year: string): Promise<number> {
  const rows = await tx
    .select({
      n: sql<number>`coalesce(max(substring(${orders.number} from 8)::int), 0)::int`,
    })
    .from(orders)
    .where(sql`${orders.number} like ${`A-${year}-%`}`);
  return Number(rows[0]?.n ?? 0);
}

export async function insertOrder(
  tx: Executor,
  values: typeof orders.$inferInsert,
): Promise<OrderRow> {
  const rows = await tx.insert(orders).values(values).returning();
  return rows[0]!;
}

export async function insertOrderItems(
  tx: Executor,
  values: (typeof orderItems.$inferInsert)[],
): Promise<OrderItemRow[]> {
  return values.length === 0 ? [] : tx.insert(orderItems).values(values).returning();
}

export async function findOrder(
  db: Executor,
  companyId: string | null,
  orderId: string,
): Promise<OrderRow | null> {
  const where = companyId
    ? and(eq(orders.id, orderId), eq(orders.companyId, companyId))
    : eq(orders.id, orderId);
  const rows = await db.select().from(orders).where(where);
  return rows[0] ?? null;
}

export async function ordersByIds(db: Executor, ids: string[]): Promise<OrderRow[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db.select().from(orders).where(inArray(orders.id, ids));
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

export async function itemsOfOrders(db: Executor, orderIds: string[]): Promise<OrderItemRow[]> {
  if (orderIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(orderItems)
    .where(inArray(orderItems.orderId, orderIds))
    .orderBy(asc(orderItems.orderId), asc(orderItems.position));
}

export interface OrderFilter {
  companyId: string | null;
  status?: OrderItemStatus | undefined;
  type?: string | undefined;
  placedFrom?: Date | undefined;
  placedBefore?: Date | undefined;
  page: number;
  pageSize: number;
}

/** A page of orders, newest first, with the total count of the filter. */
export async function listOrders(
  db: Executor,
  filter: OrderFilter,
): Promise<{ rows: OrderRow[]; total: number }> {
  const where: SQL[] = [];
  if (filter.companyId) {
    where.push(eq(orders.companyId, filter.companyId));
  }
  if (filter.status) {
    where.push(eq(orders.status, filter.status));
  }
  if (filter.type) {
    where.push(
      sql`exists (select 1 from ${orderItems} where ${orderItems.orderId} = ${orders.id} and ${orderItems.type} = ${filter.type})`,
    );
  }
  if (filter.placedFrom) {
    where.push(gte(orders.placedAt, filter.placedFrom));
  }
  if (filter.placedBefore) {
    where.push(lt(orders.placedAt, filter.placedBefore));
  }
  const condition = and(...where);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(orders)
      .where(condition)
      .orderBy(desc(orders.placedAt), desc(orders.number))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(orders).where(condition),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/** Locks the order row so that its status summary is computed from committed item states. */
export async function lockOrder(tx: Executor, orderId: string): Promise<OrderRow | null> {
  const rows = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  return rows[0] ?? null;
}

export async function itemStatusesOf(tx: Executor, orderId: string): Promise<OrderItemStatus[]> {
  const rows = await tx
    .select({ status: orderItems.status, n: count() })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .groupBy(orderItems.status);
  return rows.map((r) => r.status);
}

export async function setOrderStatus(
  tx: Executor,
  orderId: string,
  status: OrderItemStatus,
  now: Date,
): Promise<void> {
  await tx.update(orders).set({ status, updatedAt: now }).where(eq(orders.id, orderId));
}

export async function lockOrderItems(tx: Executor, orderId: string): Promise<OrderItemRow[]> {
  return tx
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.position))
    .for('update');
}

export async function lockOrderItem(tx: Executor, itemId: string): Promise<OrderItemRow | null> {
  const rows = await tx.select().from(orderItems).where(eq(orderItems.id, itemId)).for('update');
  return rows[0] ?? null;
}

export async function updateOrderItem(
  tx: Executor,
  id: string,
  patch: Partial<Omit<OrderItemRow, 'id' | 'orderId' | 'companyId'>> & { updatedAt: Date },
): Promise<void> {
  await tx.update(orderItems).set(patch).where(eq(orderItems.id, id));
}

/** Bumps the item's attempt counter and returns the new value. */
export async function countAttempt(
  tx: Executor,
  id: string,
  patch: Partial<Pick<OrderItemRow, 'status' | 'startedAt' | 'finishedAt' | 'failureReason'>> & {
    updatedAt: Date;
  },
): Promise<number> {
  const rows = await tx
    .update(orderItems)
    .set({ ...patch, attempts: sql`${orderItems.attempts} + 1` })
    .where(eq(orderItems.id, id))
    .returning({ attempts: orderItems.attempts });
  return rows[0]?.attempts ?? 0;
}

// ---- execution ------------------------------------------------------------------------------

export interface RunnableItem {
  item: OrderItemRow;
  placedBy: string | null;
  placedByUsername: string | null;
  placedByKind: string | null;
  steps: { stepId: string; status: 'done' | 'compensated'; output: Record<string, unknown> }[];
  /** The order's status and the statuses of its other items, as this transaction sees them. */
  orderStatus: OrderItemStatus;
  otherStatuses: OrderItemStatus[];
}

/** The item (locked until the transaction ends), its orderer and its step records. */
export async function lockRunnableItem(tx: Executor, itemId: string): Promise<RunnableItem | null> {
  const rows = await tx
    .select({
      item: orderItems,
      placedBy: orders.placedBy,
      placedByUsername: users.username,
      placedByKind: users.kind,
      // Step records exist only after a first attempt: a new item skips the subquery.
      steps: sql<RunnableItem['steps'] | null>`case when ${orderItems.attempts} = 0 then null else (
        select json_agg(json_build_object('stepId', s.step_id, 'status', s.status, 'output', s.output))
        from ${orderItemSteps} s where s.item_id = ${orderItems.id}) end`,
      orderStatus: orders.status,
      otherStatuses: sql<OrderItemStatus[] | null>`(
        select array_agg(distinct o.status) from ${orderItems} o
        where o.order_id = ${orderItems.orderId} and o.id <> ${orderItems.id})`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .leftJoin(users, eq(users.id, orders.placedBy))
    .where(eq(orderItems.id, itemId))
    .for('update', { of: orderItems });
  const row = rows[0];
  return row ? { ...row, steps: row.steps ?? [], otherStatuses: row.otherStatuses ?? [] } : null;
}

/**
 * The fast path's end in one statement: records the steps just run and marks the item done.
 * Returns how many step records were written; fewer than given means another run recorded a step
 * first, and the caller must roll back.
 */
export async function finishItem(
  tx: Executor,
  itemId: string,
  records: { stepId: string; output: Record<string, unknown> }[],
  now: Date,
): Promise<number> {
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
    returning (select count(*) from written)::int as written`);
  return Number(rowsOf<{ written: number }>(result)[0]?.written ?? 0);
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

export async function stepRecordsOf(db: Executor, itemId: string): Promise<StepRecordRow[]> {
  return db.select().from(orderItemSteps).where(eq(orderItemSteps.itemId, itemId));
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

export type { PriceLine };
