// Pure rules of the cart and the orders: Berlin days, due times, volume prices, the price token,
// order numbers and the order status as a summary of its items. No I/O here.
import { createHash } from 'node:crypto';
import { tierFor, unitMonthlyCents, type Priced } from '../../../../common/src/rules/pricing.ts';
import type { OrderItemStatus, PriceLine } from '../../db/schema/index.ts';

// One formatter for all calls: toLocaleDateString builds a new one each time (slow in loops).
const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Germany (YYYY-MM-DD) of an instant. */
export function berlinDay(at: Date): string {
  return BERLIN_DAY.format(at);
}

/** The instant a Berlin day begins (00:00 local time; DST never switches at midnight). */
export function startOfBerlinDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    if (berlinDay(candidate) === day && berlinDay(new Date(candidate.getTime() - 1)) !== day) {
      return candidate;
    }
  }
  throw new Error(`no start of day for ${day}`);
}

/**
 * When an item's execution becomes due: at placement for "so schnell wie möglich", else at the
 * start of its activation day; never before the start of its earliest day (a cancellation's end of
 * the minimum term) and never before placement.
 */
export function dueAtOf(
  item: { activationDate: string | null; earliestDate: string | null },
  placedAt: Date,
): Date {
  const candidates = [placedAt.getTime()];
  if (item.activationDate) {
    candidates.push(startOfBerlinDay(item.activationDate).getTime());
  }
  if (item.earliestDate) {
    candidates.push(startOfBerlinDay(item.earliestDate).getTime());
  }
  return new Date(Math.max(...candidates));
}

/** Status of a freshly ordered item: scheduled when its time lies in the future. */
export function initialStatus(dueAt: Date, now: Date): 'ordered' | 'scheduled' {
  return dueAt.getTime() > now.getTime() ? 'scheduled' : 'ordered';
}

export type DateProblem = 'date_before_today' | 'date_before_earliest';

/** Why an activation date cannot be chosen, or null (null date = as soon as possible). */
export function activationDateProblem(
  date: string | null,
  earliestDate: string | null,
  today: string,
): DateProblem | null {
  if (date === null) {
    return null;
  }
  if (date < today) {
    return 'date_before_today';
  }
  if (earliestDate && date < earliestDate) {
    return 'date_before_earliest';
  }
  return null;
}

/** Items that have not started can be cancelled; once running (or finished) they cannot. */
export function isCancellable(status: OrderItemStatus): boolean {
  return status === 'ordered' || status === 'scheduled';
}

/**
 * The order's status from its items: running while anything runs; failed when an item failed;
 * done when every item that was not cancelled is done; running when part is done and the rest
 * waits; ordered when something is due; scheduled when everything waits for a future day;
 * cancelled when every item was cancelled.
 */
export function orderStatusOf(statuses: readonly OrderItemStatus[]): OrderItemStatus {
  const live: OrderItemStatus[] = statuses.filter((s) => s !== 'cancelled');
  if (live.length === 0) {
    return 'cancelled';
  }
  const has = (s: OrderItemStatus) => live.includes(s);
  if (has('running')) {
    return 'running';
  }
  if (has('failed')) {
    return 'failed';
  }
  if (live.every((s) => s === 'done')) {
    return 'done';
  }
  if (has('done')) {
    return 'running';
  }
  return has('ordered') ? 'ordered' : 'scheduled';
}

/** The human order number, e.g. A-2026-000042. */
export function orderNumber(year: string, sequence: number): string {
  return `A-${year}-${String(sequence).padStart(6, '0')}`;
}

export const ORDER_NUMBER_PATTERN = /^A-(\d{4})-(\d{6,})$/;

/** The sequence part of an order number of that year, or 0. */
export function orderSequence(number: string | null | undefined): number {
  const match = number ? ORDER_NUMBER_PATTERN.exec(number) : null;
  return match ? Number.parseInt(match[2]!, 10) : 0;
}

export interface CatalogPrice extends Priced {
  oneOffCents: number;
}

export interface PricedItem {
  lines: PriceLine[];
  oneOffCents: number;
  monthlyCents: number;
}

/**
 * Prices the cart items of one company. The tier of a product is chosen by the company's total:
 * the units it has booked plus the units of that product in the cart; every unit then costs the
 * tier's price (seed 001: "Der endgültige Preis je Arbeitsplatz ist abhängig von der Gesamtzahl").
 * One-off prices are per unit; a line's oneOffCents is quantity × the product's one-off price.
 */
export function priceCompanyItems(
  items: readonly { id: string; lines: readonly { productKey: string; quantity: number }[] }[],
  products: ReadonlyMap<string, CatalogPrice>,
  booked: ReadonlyMap<string, number>,
): Map<string, PricedItem> {
  const inCart = new Map<string, number>();
  for (const item of items) {
    for (const line of item.lines) {
      inCart.set(line.productKey, (inCart.get(line.productKey) ?? 0) + line.quantity);
    }
  }
  const priced = new Map<string, PricedItem>();
  for (const item of items) {
    const lines: PriceLine[] = item.lines.map((line) => {
      const product = products.get(line.productKey);
      if (!product) {
        return { ...baseLine(line), unitMonthlyCents: 0, oneOffCents: 0, tierFrom: null };
      }
      const total = Math.max(
        0,
        (booked.get(line.productKey) ?? 0) + (inCart.get(line.productKey) ?? 0),
      );
      return {
        ...baseLine(line),
        unitMonthlyCents: unitMonthlyCents(product, total),
        oneOffCents: Math.max(0, line.quantity) * product.oneOffCents,
        tierFrom: tierFor(product, total)?.from ?? null,
      };
    });
    priced.set(item.id, {
      lines,
      oneOffCents: lines.reduce((sum, l) => sum + l.oneOffCents, 0),
      monthlyCents: lines.reduce((sum, l) => sum + l.quantity * l.unitMonthlyCents, 0),
    });
  }
  return priced;
}

const baseLine = (line: { productKey: string; quantity: number }) => ({
  productKey: line.productKey,
  quantity: line.quantity,
});

/** True when two priced items show the same prices. */
export function samePrices(a: PricedItem, b: PricedItem): boolean {
  // Field by field: jsonb does not keep the key order of stored lines.
  return (
    a.oneOffCents === b.oneOffCents &&
    a.monthlyCents === b.monthlyCents &&
    a.lines.length === b.lines.length &&
    a.lines.every((line, i) => {
      const other = b.lines[i]!;
      return (
        line.productKey === other.productKey &&
        line.quantity === other.quantity &&
        line.unitMonthlyCents === other.unitMonthlyCents &&
        line.oneOffCents === other.oneOffCents &&
        line.tierFrom === other.tierFrom
      );
    })
  );
}

/**
 * A hash of every price shown (item ids, their lines and sums): "Kostenpflichtig bestellen" sends
 * it back, and the order is placed only when the cart still has exactly these prices.
 */
export function priceToken(items: readonly ({ id: string } & PricedItem)[]): string {
  const canonical = [...items]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((i) => [
      i.id,
      i.oneOffCents,
      i.monthlyCents,
      i.lines.map((l) => [l.productKey, l.quantity, l.unitMonthlyCents, l.oneOffCents, l.tierFrom]),
    ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
}
