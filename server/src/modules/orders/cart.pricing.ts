// Prices of cart items from the catalogue with the volume tiers, and the cart as the API shows it.
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Executor } from '../../db/client.ts';
import type { PriceLine } from '../../db/schema/index.ts';
import { listProducts, type ProductRow } from '../catalog/catalog.repository.ts';
import { usageCounter } from './item-types.ts';
import { updateCartItem, type CartItemRow } from './cart.repository.ts';
import { companyNames } from './orders.repository.ts';
import { priceCompanyItems, priceToken, samePrices, type PricedItem } from './orders.rules.ts';

export interface Pricing {
  products: Map<string, ProductRow>;
}

export interface PresentedLine extends PriceLine {
  name: string;
}

export interface CartItemOutput {
  id: string;
  type: string;
  companyId: string;
  companyName: string;
  subjectId: string | null;
  description: string;
  activationDate: string | null;
  earliestDate: string | null;
  lines: PresentedLine[];
  oneOffCents: number;
  monthlyCents: number;
  createdAt: string;
}

export interface Cart {
  items: CartItemOutput[];
  count: number;
  oneOffCents: number;
  monthlyCents: number;
  priceToken: string;
}

/** The whole catalogue (a few dozen rows), inactive products included: they may be in a cart. */
export async function loadPricing(db: Executor): Promise<Pricing> {
  const rows = await listProducts(db, { includeInactive: true });
  return { products: new Map(rows.map((r) => [r.key, r])) };
}

/** Units of a product the company has booked: the owning module's counter, 0 without one. */
async function bookedUnits(
  db: Executor,
  companyId: string,
  keys: Iterable<string>,
): Promise<Map<string, number>> {
  const booked = new Map<string, number>();
  for (const key of keys) {
    const counter = usageCounter(key);
    booked.set(key, counter ? await counter(db, companyId) : 0);
  }
  return booked;
}

/** Prices the rows per company and stores the prices that changed; returns the updated rows. */
export async function repriceCart<T extends CartItemRow>(
  db: Executor,
  rows: T[],
  pricing: Pricing,
): Promise<T[]> {
  const byCompany = new Map<string, T[]>();
  for (const row of rows) {
    byCompany.set(row.companyId, [...(byCompany.get(row.companyId) ?? []), row]);
  }
  const priced = new Map<string, PricedItem>();
  for (const [companyId, items] of byCompany) {
    const keys = new Set(items.flatMap((i) => i.priceLines.map((l) => l.productKey)));
    const booked = await bookedUnits(db, companyId, keys);
    const company = priceCompanyItems(
      items.map((i) => ({ id: i.id, lines: i.priceLines })),
      pricing.products,
      booked,
    );
    for (const [id, p] of company) {
      priced.set(id, p);
    }
  }
  const result: T[] = [];
  for (const row of rows) {
    const next = priced.get(row.id)!;
    if (!samePrices({ ...row, lines: row.priceLines }, next)) {
      await updateCartItem(db, row.id, {
        priceLines: next.lines,
        oneOffCents: next.oneOffCents,
        monthlyCents: next.monthlyCents,
      });
    }
    result.push({
      ...row,
      priceLines: next.lines,
      oneOffCents: next.oneOffCents,
      monthlyCents: next.monthlyCents,
    });
  }
  return result;
}

export function tokenOf(rows: CartItemRow[]): string {
  return priceToken(rows.map((r) => ({ ...r, lines: r.priceLines })));
}

/** Lines with the product's name in the caller's language (the key when it is unknown). */
export function presentLines(
  lines: PriceLine[],
  products: Map<string, ProductRow>,
  lang: Language,
): PresentedLine[] {
  return lines.map((line) => {
    const product = products.get(line.productKey);
    const name = product ? (lang === 'en' ? product.nameEn : product.nameDe) : line.productKey;
    return { ...line, name };
  });
}

export async function presentCart(
  db: Executor,
  rows: CartItemRow[],
  pricing: Pricing,
  lang: Language,
): Promise<Cart> {
  const names = await companyNames(
    db,
    rows.map((r) => r.companyId),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      type: r.type,
      companyId: r.companyId,
      companyName: names.get(r.companyId) ?? '',
      subjectId: r.subjectId,
      description: lang === 'en' ? r.descriptionEn : r.descriptionDe,
      activationDate: r.activationDate,
      earliestDate: r.earliestDate,
      lines: presentLines(r.priceLines, pricing.products, lang),
      oneOffCents: r.oneOffCents,
      monthlyCents: r.monthlyCents,
      createdAt: r.createdAt.toISOString(),
    })),
    count: rows.length,
    oneOffCents: rows.reduce((sum, r) => sum + r.oneOffCents, 0),
    monthlyCents: rows.reduce((sum, r) => sum + r.monthlyCents, 0),
    priceToken: tokenOf(rows),
  };
}
