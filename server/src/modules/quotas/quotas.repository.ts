import { and, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { catalogProducts, contracts, workplaces } from '../../db/schema/index.ts';

/** Statuses that use up the contract's workplace quota (deleted ones give it back). */
export const QUOTA_STATUSES = ['in_cart', 'ordered', 'active', 'deactivated'] as const;

export async function countConfiguredWorkplaces(db: Executor, companyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), inArray(workplaces.status, QUOTA_STATUSES)));
  return Number(row?.n ?? 0);
}

export async function findQuotaContract(db: Executor, companyId: string) {
  const rows = await db
    .select({
      workplaceQuota: contracts.workplaceQuota,
      parallelCalls: contracts.parallelCalls,
      partnerLicences: contracts.partnerLicences,
    })
    .from(contracts)
    .where(eq(contracts.companyId, companyId));
  return rows[0] ?? null;
}

/** Names of catalogue products by key (installation-wide data). */
export async function productNames(
  db: Executor,
  keys: string[],
): Promise<Map<string, { nameDe: string; nameEn: string; sortOrder: number }>> {
  if (keys.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({
      key: catalogProducts.key,
      nameDe: catalogProducts.nameDe,
      nameEn: catalogProducts.nameEn,
      sortOrder: catalogProducts.sortOrder,
    })
    .from(catalogProducts)
    .where(inArray(catalogProducts.key, keys));
  return new Map(rows.map((r) => [r.key, r]));
}
