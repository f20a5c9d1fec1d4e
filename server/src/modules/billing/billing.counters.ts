// Billable counters: how many units of a catalogue product a company had ACTIVE on a given German
// day. The orders module's usage counters count what is booked now (ordered + active) for the
// volume tier of the cart; billing needs the units that were in use on a day, also for days in the
// past (a daily run that catches up), so the owning modules register a second, day-based counter
// here. A booking counts from its first active day up to the day before its ends_on
// (`billableOn` in common/src/rules/billing.ts).
import type { Executor } from '../../db/client.ts';

export type BillableCounter = (db: Executor, companyId: string, day: string) => Promise<number>;

const counters = new Map<string, BillableCounter>();

/** Registers the counter of a product (its catalogue key); a second one replaces the first. */
export function registerBillableCounter(productKey: string, counter: BillableCounter): () => void {
  counters.set(productKey, counter);
  return () => {
    if (counters.get(productKey) === counter) {
      counters.delete(productKey);
    }
  };
}

/** Every registered counter, by product key. */
export function billableCounters(): [string, BillableCounter][] {
  return [...counters.entries()];
}
