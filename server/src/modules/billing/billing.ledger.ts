// Writing the billing ledger: one row per company, day, product and subject. Everything here runs
// inside the caller's transaction, so a charge is written together with the change it bills.
import {
  addDays,
  berlinDay,
  billableParallelCalls,
  dayAmountCents,
  dayCharge,
  daysFrom,
  MAX_CATCH_UP_DAYS,
} from '../../../../common/src/rules/billing.ts';
import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import {
  findPricedProduct,
  lastRowDay,
  lockProductDay,
  setPrice,
  upsertOneOff,
  upsertQuantity,
} from './billing.repository.ts';

export interface BillingDeps {
  clock: Clock;
}

/** The catalogue key the contract's parallel calls are billed under. */
export const PARALLEL_CALLS = 'parallel_calls';

export interface UsageInput {
  companyId: string;
  /** German day YYYY-MM-DD. */
  day: string;
  productKey: string;
  /** '' (default) for a company-wide count; e.g. a workplace id for per-subject rows. */
  subject?: string;
  quantity: number;
}

function checkQuantity(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`${what} must be a whole number ≥ 0, got ${n}`);
  }
}

/**
 * Records a quantity for a day: the row keeps the day's maximum (seed 000 Schritt 7: "Es wird
 * immer der Tageshöchstwert berechnet"), and every row of that product and day is priced again
 * with the tier of the day's total. Call it whenever a billable quantity changes.
 */
export async function recordUsage(tx: Executor, deps: BillingDeps, input: UsageInput) {
  checkQuantity(input.quantity, 'quantity');
  const now = deps.clock.now();
  await upsertQuantity(
    tx,
    {
      companyId: input.companyId,
      day: input.day,
      productKey: input.productKey,
      subject: input.subject ?? '',
    },
    input.quantity,
    now,
  );
  await reprice(tx, now, input.companyId, input.day, input.productKey);
}

/**
 * Charges a one-off price on its activation day. Keyed by (company, day, product, subject), so a
 * step that runs twice charges once; pass the booked thing (workplace id …) as subject.
 */
export async function recordOneOff(
  tx: Executor,
  deps: BillingDeps,
  input: { companyId: string; day: string; productKey: string; subject: string; cents: number },
) {
  checkQuantity(input.cents, 'cents');
  const now = deps.clock.now();
  await upsertOneOff(
    tx,
    {
      companyId: input.companyId,
      day: input.day,
      productKey: input.productKey,
      subject: input.subject,
    },
    input.cents,
    now,
  );
  await reprice(tx, now, input.companyId, input.day, input.productKey);
}

/** Prices all rows of a product-day by the tier of their total quantity (catalogue of today). */
async function reprice(
  tx: Executor,
  now: Date,
  companyId: string,
  day: string,
  productKey: string,
): Promise<void> {
  const rows = await lockProductDay(tx, companyId, day, productKey);
  const total = rows.reduce((sum, r) => sum + r.quantity, 0);
  // A product missing from the catalogue keeps its quantity at price 0 rather than losing it.
  const product = (await findPricedProduct(tx, productKey)) ?? { monthlyCents: 0, tiers: [] };
  const { unitMonthlyCents } = dayCharge(product, total, day);
  for (const row of rows) {
    const amountCents = dayAmountCents(row.quantity, unitMonthlyCents, day);
    if (row.unitMonthlyCents !== unitMonthlyCents || row.amountCents !== amountCents) {
      await setPrice(tx, companyId, row.id, { unitMonthlyCents, amountCents }, now);
    }
  }
}

export interface ContractFacts {
  status: string;
  startDate: string;
  parallelCalls: number;
}

/**
 * The operator changed the contract (inside that transaction): today is charged at the larger
 * of the old and the new number of parallel calls, so 5 → 8 → 3 within one day costs 8. Days
 * since the last row that the daily run has not written yet (a worker outage) get the old value,
 * which held on them; the daily run only fills days after the last row with the current value.
 */
export async function recordContractChange(
  tx: Executor,
  deps: BillingDeps,
  companyId: string,
  before: ContractFacts,
  after: ContractFacts,
): Promise<void> {
  const today = berlinDay(deps.clock.now());
  const old = billableParallelCalls(before, today);
  const current = billableParallelCalls(after, today);
  if (old === current) {
    return;
  }
  const last = await lastRowDay(tx, companyId, PARALLEL_CALLS, today);
  if (last !== null && last < today) {
    const earliest = addDays(today, -MAX_CATCH_UP_DAYS);
    const from = addDays(last, 1) < earliest ? earliest : addDays(last, 1);
    for (const day of daysFrom(from, addDays(today, -1))) {
      const quantity = billableParallelCalls(before, day);
      if (quantity > 0) {
        await recordUsage(tx, deps, { companyId, day, productKey: PARALLEL_CALLS, quantity });
      }
    }
  }
  for (const quantity of [old, current]) {
    if (quantity > 0) {
      await recordUsage(tx, deps, { companyId, day: today, productKey: PARALLEL_CALLS, quantity });
    }
  }
}
