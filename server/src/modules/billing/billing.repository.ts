import { and, asc, eq, gte, lte, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { catalogProducts, charges, companies, contracts } from '../../db/schema/index.ts';
import type { PriceTier } from '../../../../common/src/rules/pricing.ts';

// The billing ledger's SQL. Every ledger query names the company; the catalogue is
// installation-wide and read here only for prices and names.

export type ChargeRow = typeof charges.$inferSelect;

export interface PricedProduct {
  key: string;
  nameDe: string;
  nameEn: string;
  monthlyCents: number;
  tiers: PriceTier[];
}

export async function findPricedProduct(db: Executor, key: string): Promise<PricedProduct | null> {
  const rows = await db
    .select({
      key: catalogProducts.key,
      nameDe: catalogProducts.nameDe,
      nameEn: catalogProducts.nameEn,
      monthlyCents: catalogProducts.monthlyCents,
      tiers: catalogProducts.tiers,
    })
    .from(catalogProducts)
    .where(eq(catalogProducts.key, key));
  return rows[0] ?? null;
}

const chargeKey = [charges.companyId, charges.day, charges.productKey, charges.subject];

interface ChargeKey {
  companyId: string;
  day: string;
  productKey: string;
  subject: string;
}

/** Inserts the day's row or raises its quantity to the day's maximum; prices follow separately. */
export async function upsertQuantity(
  db: Executor,
  key: ChargeKey,
  quantity: number,
  now: Date,
): Promise<void> {
  await db
    .insert(charges)
    .values({ ...key, quantity, unitMonthlyCents: 0, amountCents: 0, updatedAt: now })
    .onConflictDoUpdate({
      target: chargeKey,
      set: { quantity: sql`greatest(${charges.quantity}, excluded.quantity)`, updatedAt: now },
    });
}

/** Sets the one-off price of a (company, day, product, subject); the same call twice is one charge. */
export async function upsertOneOff(
  db: Executor,
  key: ChargeKey,
  cents: number,
  now: Date,
): Promise<void> {
  await db
    .insert(charges)
    .values({
      ...key,
      quantity: 0,
      unitMonthlyCents: 0,
      amountCents: 0,
      oneOffCents: cents,
      updatedAt: now,
    })
    .onConflictDoUpdate({ target: chargeKey, set: { oneOffCents: cents, updatedAt: now } });
}

/** The rows of one product on one day (all subjects), locked for repricing. */
export async function lockProductDay(
  db: Executor,
  companyId: string,
  day: string,
  productKey: string,
): Promise<ChargeRow[]> {
  return db
    .select()
    .from(charges)
    .where(
      and(
        eq(charges.companyId, companyId),
        eq(charges.day, day),
        eq(charges.productKey, productKey),
      ),
    )
    .orderBy(asc(charges.id))
    .for('update');
}

export async function setPrice(
  db: Executor,
  companyId: string,
  id: number,
  price: { unitMonthlyCents: number; amountCents: number },
  now: Date,
): Promise<void> {
  await db
    .update(charges)
    .set({ ...price, updatedAt: now })
    .where(and(eq(charges.companyId, companyId), eq(charges.id, id)));
}

/** The latest day up to `until` on which the company has a row of the product, or null. */
export async function lastRowDay(
  db: Executor,
  companyId: string,
  productKey: string,
  until: string,
): Promise<string | null> {
  const [row] = await db
    .select({ day: max(charges.day) })
    .from(charges)
    .where(
      and(
        eq(charges.companyId, companyId),
        eq(charges.productKey, productKey),
        lte(charges.day, until),
      ),
    );
  return row?.day ?? null;
}

export interface BillingContract {
  companyId: string;
  status: string;
  startDate: string;
  parallelCalls: number;
}

const contractColumns = {
  companyId: contracts.companyId,
  status: contracts.status,
  startDate: contracts.startDate,
  parallelCalls: contracts.parallelCalls,
};

/** Every company with a contract, for the daily run. */
export async function listBillingContracts(db: Executor): Promise<BillingContract[]> {
  return db.select(contractColumns).from(contracts).orderBy(asc(contracts.companyId));
}

export async function findBillingContract(
  db: Executor,
  companyId: string,
): Promise<BillingContract | null> {
  const rows = await db
    .select(contractColumns)
    .from(contracts)
    .where(eq(contracts.companyId, companyId));
  return rows[0] ?? null;
}

export interface ProductDay {
  day: string;
  productKey: string;
  nameDe: string | null;
  nameEn: string | null;
  sortOrder: number | null;
  quantity: number;
  unitMonthlyCents: number;
  amountCents: number;
  oneOffCents: number;
  oneOffCount: number;
}

/** A month of the ledger, one entry per day and product (subjects summed), in catalogue order. */
export async function monthByDayAndProduct(
  db: Executor,
  companyId: string,
  range: { first: string; last: string },
): Promise<ProductDay[]> {
  const rows = await db
    .select({
      day: charges.day,
      productKey: charges.productKey,
      nameDe: catalogProducts.nameDe,
      nameEn: catalogProducts.nameEn,
      sortOrder: catalogProducts.sortOrder,
      quantity: sql<number>`sum(${charges.quantity})::int`,
      unitMonthlyCents: sql<number>`max(${charges.unitMonthlyCents})::int`,
      amountCents: sql<number>`sum(${charges.amountCents})::int`,
      oneOffCents: sql<number>`sum(${charges.oneOffCents})::int`,
      oneOffCount: sql<number>`(count(*) filter (where ${charges.oneOffCents} > 0))::int`,
    })
    .from(charges)
    .leftJoin(catalogProducts, eq(catalogProducts.key, charges.productKey))
    .where(
      and(
        eq(charges.companyId, companyId),
        gte(charges.day, range.first),
        lte(charges.day, range.last),
      ),
    )
    .groupBy(
      charges.day,
      charges.productKey,
      catalogProducts.nameDe,
      catalogProducts.nameEn,
      catalogProducts.sortOrder,
    )
    .orderBy(asc(charges.day), asc(catalogProducts.sortOrder), asc(charges.productKey));
  return rows.map((r) => ({
    ...r,
    quantity: Number(r.quantity),
    unitMonthlyCents: Number(r.unitMonthlyCents),
    amountCents: Number(r.amountCents),
    oneOffCents: Number(r.oneOffCents),
    oneOffCount: Number(r.oneOffCount),
  }));
}

export async function customerNumberOf(db: Executor, companyId: string): Promise<string | null> {
  const rows = await db
    .select({ customerNumber: companies.customerNumber })
    .from(companies)
    .where(eq(companies.id, companyId));
  return rows[0]?.customerNumber ?? null;
}
