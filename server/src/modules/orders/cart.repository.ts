// SQL of the cart: items of a login session (seed 003), and the sessions that ended.
import { and, asc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { cartItems, sessions } from '../../db/schema/index.ts';

export type CartItemRow = typeof cartItems.$inferSelect;

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
