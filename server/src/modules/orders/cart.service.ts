// The cart (Warenkorb) of seed 003: "Der Warenkorb bleibt nur für die Dauer der aktuellen Sitzung
// erhalten. Nicht bestellte Warenkörbe verfallen bei Abmeldung." Items belong to the login session;
// prices are recomputed with the volume tiers on every read and stored on the items.
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../auth/principal.ts';
import { itemType, type NewCartItem, type OrdersDeps } from './item-types.ts';
import { loadPricing, presentCart, repriceCart, type Cart } from './cart.pricing.ts';
import {
  cartItemsOfCompanySession,
  cartItemsOfSession,
  deadCartSessions,
  deleteCartItems,
  insertCartItem,
  lockCartItem,
  updateCartItem,
  type CartItemRow,
} from './cart.repository.ts';
import { userContact } from './orders.repository.ts';
import { activationDateProblem, berlinDay } from './orders.rules.ts';

export interface CartOwner {
  sessionId: string;
  companyId: string;
  userId: string;
}

export type DiscardReason = 'removed' | 'expired' | 'cancelled';

/** The caller's cart needs a login session: API tokens have none (409 cart_needs_session). */
export function sessionOf(principal: Principal): string {
  if (!principal.sessionId) {
    throw new AppError('cart_needs_session', 409);
  }
  return principal.sessionId;
}

/** The owner of a cart item that the caller adds for a company (for modules that add items). */
export function cartOwner(principal: Principal, companyId: string): CartOwner {
  return { sessionId: sessionOf(principal), companyId, userId: principal.userId };
}

export const principalActor = (p: Principal): AuditActor => ({
  userId: p.userId,
  username: p.username,
  role: p.role,
});

function dateError(rule: string): AppError {
  return new AppError('validation_failed', 400, {
    params: { count: 1 },
    details: [{ field: 'activationDate', rule: `cart_${rule}`, location: 'body' }],
  });
}

function checkDate(deps: OrdersDeps, date: string | null, earliest: string | null): void {
  const problem = activationDateProblem(date, earliest, berlinDay(deps.clock.now()));
  if (problem) {
    throw dateError(problem);
  }
}

/**
 * "Auftrag hinzufügen": puts an item into the session's cart, inside the caller's transaction
 * (the caller has just reserved what the item needs). The item comes back priced with the tier
 * the company reaches with it.
 */
export async function addToCart(
  tx: Executor,
  deps: OrdersDeps,
  owner: { sessionId: string; companyId: string; userId: string },
  item: NewCartItem,
): Promise<CartItemRow> {
  if (!itemType(item.type)) {
    throw new Error(`item type "${item.type}" is not registered`);
  }
  const earliestDate = item.earliestDate ?? null;
  checkDate(deps, item.activationDate, earliestDate);
  const now = deps.clock.now();
  const row = await insertCartItem(tx, {
    sessionId: owner.sessionId,
    companyId: owner.companyId,
    userId: owner.userId,
    type: item.type,
    subjectId: item.subjectId,
    descriptionDe: item.descriptionDe,
    descriptionEn: item.descriptionEn,
    activationDate: item.activationDate,
    earliestDate,
    priceLines: item.lines.map((l) => ({
      productKey: l.productKey,
      quantity: l.quantity,
      unitMonthlyCents: 0,
      oneOffCents: 0,
      tierFrom: null,
    })),
    payload: item.payload,
    createdAt: now,
  });
  const companyCart = await cartItemsOfCompanySession(tx, owner.sessionId, owner.companyId);
  const repriced = await repriceCart(tx, companyCart, await loadPricing(tx));
  const user = await userContact(tx, owner.userId);
  await recordAudit(tx, {
    actor: {
      userId: owner.userId,
      username: user?.username ?? 'unknown',
      role: user?.kind === 'operator' ? 'operator' : 'admin',
    },
    companyId: owner.companyId,
    entity: 'cart_item',
    entityId: row.id,
    action: 'added',
    after: { type: item.type, subjectId: item.subjectId, activationDate: item.activationDate },
    at: now,
  });
  return repriced.find((r) => r.id === row.id) ?? row;
}

/** GET /cart: the session's cart with today's prices (stored on the items as shown). */
export async function readCart(
  deps: OrdersDeps,
  principal: Principal,
  lang: Language,
): Promise<Cart> {
  const sessionId = sessionOf(principal);
  return deps.database.transaction(async (tx) => cartIn(tx, sessionId, lang));
}

export async function cartIn(tx: Executor, sessionId: string, lang: Language): Promise<Cart> {
  const pricing = await loadPricing(tx);
  const rows = await repriceCart(tx, await cartItemsOfSession(tx, sessionId), pricing);
  return presentCart(tx, rows, pricing, lang);
}

function discardContext(tx: Executor, deps: OrdersDeps, row: CartItemRow, actor: AuditActor) {
  return {
    tx,
    deps,
    companyId: row.companyId,
    actor,
    today: berlinDay(deps.clock.now()),
    subjectId: row.subjectId,
  };
}

/** Gives back what the items reserved (their type's onDiscarded) and deletes them. */
async function discardItems(
  tx: Executor,
  deps: OrdersDeps,
  rows: CartItemRow[],
  reason: DiscardReason,
  actor: AuditActor,
): Promise<void> {
  for (const row of rows) {
    const type = itemType(row.type);
    if (type?.onDiscarded) {
      await type.onDiscarded(discardContext(tx, deps, row, actor), type.parse(row.payload), reason);
    }
    await recordAudit(tx, {
      actor,
      companyId: row.companyId,
      entity: 'cart_item',
      entityId: row.id,
      action: reason === 'removed' ? 'removed' : 'expired',
      before: { type: row.type, subjectId: row.subjectId },
      at: deps.clock.now(),
    });
  }
  await deleteCartItems(
    tx,
    rows.map((r) => r.id),
  );
}

/** DELETE /cart/items/:id — the item's reservations are given back. */
export async function removeCartItem(
  deps: OrdersDeps,
  principal: Principal,
  itemId: string,
  lang: Language,
): Promise<Cart> {
  const sessionId = sessionOf(principal);
  return deps.database.transaction(async (tx) => {
    const row = await lockCartItem(tx, sessionId, itemId);
    if (!row) {
      throw notFound();
    }
    await discardItems(tx, deps, [row], 'removed', principalActor(principal));
    return cartIn(tx, sessionId, lang);
  });
}

/** PATCH /cart/items/:id — another activation date: not before today nor the earliest date. */
export async function rescheduleCartItem(
  deps: OrdersDeps,
  principal: Principal,
  itemId: string,
  activationDate: string | null,
  lang: Language,
): Promise<Cart> {
  const sessionId = sessionOf(principal);
  return deps.database.transaction(async (tx) => {
    const row = await lockCartItem(tx, sessionId, itemId);
    if (!row) {
      throw notFound();
    }
    checkDate(deps, activationDate, row.earliestDate);
    await updateCartItem(tx, row.id, { activationDate });
    await recordAudit(tx, {
      actor: principalActor(principal),
      companyId: row.companyId,
      entity: 'cart_item',
      entityId: row.id,
      action: 'rescheduled',
      before: { activationDate: row.activationDate },
      after: { activationDate },
      at: deps.clock.now(),
    });
    return cartIn(tx, sessionId, lang);
  });
}

/**
 * Empties a session's cart (logout, or the session ended): every item's type gives back what it
 * reserved, then the items go. Returns how many items were discarded.
 */
export async function discardCart(
  deps: OrdersDeps,
  sessionId: string,
  reason: DiscardReason = 'expired',
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<number> {
  return deps.database.transaction(async (tx) => {
    const rows = await cartItemsOfSession(tx, sessionId, { lock: true });
    await discardItems(tx, deps, rows, reason, actor);
    return rows.length;
  });
}

/** The periodic sweep: carts of sessions that ended (revoked, idle or expired) are discarded. */
export async function sweepCarts(deps: OrdersDeps): Promise<number> {
  let discarded = 0;
  for (;;) {
    const now = deps.clock.now();
    const idleSince = new Date(now.getTime() - deps.config.sessions.idleMinutes * 60_000);
    const dead = await deadCartSessions(deps.database.db, now, idleSince, 50);
    for (const sessionId of dead) {
      discarded += await discardCart(deps, sessionId, 'expired');
    }
    if (dead.length < 50) {
      return discarded;
    }
  }
}

export type { Cart };
