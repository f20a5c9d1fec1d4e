// addToCart (orders/cart.service.ts) for any number of items at once, as "Auftrag hinzufügen"
// needs it for the wizard's one workplace and a list's thousands: the same date rule, the same
// tier pricing (repriceCart's priceCompanyItems over the company's part of the session cart,
// once for all new items), one insert. The items are recorded in the audit entry of what they
// activate (the workplace's "created"), not one entry each.
// To move into the orders module as its bulk addToCart once that module is free to change.
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { loadPricing } from '../orders/cart.pricing.ts';
import type { CartOwner } from '../orders/cart.service.ts';
import { itemType, usageCounter, type NewCartItem, type OrdersDeps } from '../orders/item-types.ts';
import { cartItemsOfCompanySession, type CartItemRow } from '../orders/orders.repository.ts';
import {
  activationDateProblem,
  berlinDay,
  priceCompanyItems,
  samePrices,
} from '../orders/orders.rules.ts';
import {
  cartPricesOfCompanySession,
  insertCartItems,
  updateCartItemPrices,
} from './workplace-bulk.repository.ts';

export type NewItem = NewCartItem & { id: string };

/** addToCart's date error: validation_failed on activationDate (cart_in_past …). */
function dateError(rule: string): AppError {
  return new AppError('validation_failed', 400, {
    params: { count: 1 },
    details: [{ field: 'activationDate', rule: `cart_${rule}`, location: 'body' }],
  });
}

/**
 * Puts priced items into the owner's session cart inside the caller's transaction; items of the
 * cart whose tier moved are repriced as repriceCart would. Throws before writing anything when a
 * type is not registered or a date is refused.
 */
export async function addItemsToCart(
  tx: Executor,
  deps: OrdersDeps,
  owner: CartOwner,
  items: readonly NewItem[],
): Promise<void> {
  const today = berlinDay(deps.clock.now());
  for (const item of items) {
    if (!itemType(item.type)) {
      throw new Error(`item type "${item.type}" is not registered`);
    }
    const problem = activationDateProblem(item.activationDate, item.earliestDate ?? null, today);
    if (problem) {
      throw dateError(problem);
    }
  }
  const [existing, pricing] = await Promise.all([
    cartPricesOfCompanySession(tx, owner.sessionId, owner.companyId),
    loadPricing(tx),
  ]);
  const all = [
    ...existing.map((r) => ({ id: r.id, lines: r.priceLines })),
    ...items.map((i) => ({ id: i.id, lines: i.lines })),
  ];
  const booked = new Map<string, number>();
  for (const key of new Set(all.flatMap((i) => i.lines.map((l) => l.productKey)))) {
    const counter = usageCounter(key);
    booked.set(key, counter ? await counter(tx, owner.companyId) : 0);
  }
  const priced = priceCompanyItems(all, pricing.products, booked);
  const moved = existing.flatMap((row) => {
    const next = priced.get(row.id)!;
    return samePrices({ ...row, lines: row.priceLines }, next)
      ? []
      : [
          {
            id: row.id,
            priceLines: next.lines,
            oneOffCents: next.oneOffCents,
            monthlyCents: next.monthlyCents,
          },
        ];
  });
  await updateCartItemPrices(tx, moved);
  const now = deps.clock.now();
  await insertCartItems(
    tx,
    items.map(({ lines: _lines, ...item }) => {
      const p = priced.get(item.id)!;
      return {
        ...item,
        ...owner,
        earliestDate: item.earliestDate ?? null,
        priceLines: p.lines,
        oneOffCents: p.oneOffCents,
        monthlyCents: p.monthlyCents,
        createdAt: now,
      };
    }),
  );
}

/** One item of the owner's cart as addToCart returns it (priced). */
export async function cartItemOf(
  tx: Executor,
  owner: CartOwner,
  id: string,
): Promise<CartItemRow | null> {
  return (
    (await cartItemsOfCompanySession(tx, owner.sessionId, owner.companyId)).find(
      (r) => r.id === id,
    ) ?? null
  );
}
