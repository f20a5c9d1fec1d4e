// Places orders the way an admin does (session, cart, price token, "Kostenpflichtig bestellen"),
// for the crash test and the bench. Needs the demo data and the catalogue.
import { randomUUID } from 'node:crypto';
import type { Config } from '../../../config.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Clock } from '../../../platform/clock.ts';
import { randomToken, sha256 } from '../../../platform/crypto.ts';
import { principalOf } from '../../auth/auth.service.ts';
import { insertSession } from '../../auth/sessions.repository.ts';
import { findUserByUsername } from '../../auth/users.repository.ts';
import { addToCart, readCart, type CartOwner } from '../cart.service.ts';
import type { NewCartItem } from '../item-types.ts';
import { placeOrder } from '../orders.service.ts';

export interface PlaceOptions {
  orders: number;
  itemsPerOrder: number;
  /** The cart item of position p of order o (put into the cart with addToCart) … */
  item?: (order: number, position: number) => NewCartItem;
  /** … or a function that puts it there itself (a module's own "Auftrag hinzufügen"). */
  add?: (tx: Executor, owner: CartOwner, order: number, position: number) => Promise<unknown>;
  username?: string;
  /** Called after each placed order (progress output). */
  onOrder?: (index: number) => void;
}

/** Places `orders` orders of `itemsPerOrder` items; returns the order ids. */
export async function placeOrders(
  deps: { database: Database; clock: Clock; config: Config },
  options: PlaceOptions,
): Promise<string[]> {
  const db = deps.database.db;
  const user = await findUserByUsername(db, options.username ?? 'demo-admin');
  if (!user) {
    throw new Error('the demo admin is missing (seed the demo data first)');
  }
  const now = deps.clock.now();
  const session = await insertSession(db, {
    tokenHash: sha256(randomToken()),
    userId: user.id,
    csrfToken: randomToken(24),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
    ip: null,
    userAgent: 'place-orders',
  });
  const principal = await principalOf(db, user, 'session', session);
  const companyId = principal.companies[0]!.id;
  const owner = { sessionId: session.id, companyId, userId: user.id };
  const ids: string[] = [];
  for (let o = 0; o < options.orders; o++) {
    await deps.database.transaction(async (tx) => {
      for (let p = 0; p < options.itemsPerOrder; p++) {
        if (options.add) {
          await options.add(tx, owner, o, p);
        } else {
          await addToCart(tx, deps, owner, options.item!(o, p));
        }
      }
    });
    const cart = await readCart(deps, principal, 'de');
    const [order] = await placeOrder(deps, principal, cart.priceToken, 'de');
    ids.push(order!.id);
    options.onOrder?.(o);
  }
  return ids;
}

/** A cart item of the test item type with the given payload. */
export function testItem(type: string, payload: Record<string, unknown>): NewCartItem {
  return {
    type,
    subjectId: randomUUID(),
    descriptionDe: 'Testposition',
    descriptionEn: 'Test item',
    activationDate: null,
    lines: [{ productKey: 'cloud_pbx_workplace', quantity: 1 }],
    payload,
  };
}
