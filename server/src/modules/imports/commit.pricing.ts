// The prices of the imported cart items, as the cart computes them (volume tiers).
import type { Executor } from '../../db/client.ts';
import { loadPricing } from '../orders/cart.pricing.ts';
import type { CartOwner } from '../orders/cart.service.ts';
import { usageCounter } from '../orders/item-types.ts';
import { cartItemsOfCompanySession, updateCartItem } from '../orders/orders.repository.ts';
import { priceCompanyItems, samePrices } from '../orders/orders.rules.ts';
import type { insertCartItemsBulk } from './imports.repository.ts';

/**
 * What repriceCart (orders/cart.pricing.ts) does after addToCart, once for all new items: the
 * company's booked units from the usage counters plus every unit in the session's cart choose
 * the tier (priceCompanyItems); the new items are inserted with their prices, and the items
 * already in the cart whose tier moved are updated (updateCartItem), as repriceCart would.
 */
export async function priceNewItems(
  tx: Executor,
  owner: CartOwner,
  items: Parameters<typeof insertCartItemsBulk>[1],
): Promise<void> {
  const [existing, pricing] = await Promise.all([
    cartItemsOfCompanySession(tx, owner.sessionId, owner.companyId),
    loadPricing(tx),
  ]);
  const all = [
    ...existing.map((r) => ({ id: r.id, lines: r.priceLines })),
    ...items.map((i) => ({ id: i.id!, lines: i.priceLines ?? [] })),
  ];
  const booked = new Map<string, number>();
  for (const key of new Set(all.flatMap((i) => i.lines.map((l) => l.productKey)))) {
    const counter = usageCounter(key);
    booked.set(key, counter ? await counter(tx, owner.companyId) : 0);
  }
  const priced = priceCompanyItems(all, pricing.products, booked);
  for (const row of existing) {
    const next = priced.get(row.id)!;
    if (!samePrices({ ...row, lines: row.priceLines }, next)) {
      await updateCartItem(tx, row.id, {
        priceLines: next.lines,
        oneOffCents: next.oneOffCents,
        monthlyCents: next.monthlyCents,
      });
    }
  }
  for (const item of items) {
    const p = priced.get(item.id!)!;
    item.priceLines = p.lines;
    item.oneOffCents = p.oneOffCents;
    item.monthlyCents = p.monthlyCents;
  }
}
