// SQL of the orders module: orders and their items, orderers and company names. Company id is
// always given (null only for the operators' all-companies views). The cart's SQL is in
// cart.repository.ts, the execution's in execution.repository.ts.
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  companies,
  orderItems,
  orders,
  users,
  type OrderItemStatus,
  type PriceLine,
} from '../../db/schema/index.ts';

export type { CartItemRow } from './cart.repository.ts';
// The workplaces module's bulk cart insert reads and reprices through these.
export { cartItemsOfCompanySession, updateCartItem } from './cart.repository.ts';
export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;

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

export type { PriceLine };
