import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { companyMobileFramework, mobileTariffs } from '../../db/schema/index.ts';

export type FrameworkRow = typeof companyMobileFramework.$inferSelect;

/** An entry with its tariff's name and segment, as lists show it. */
export interface FrameworkListRow extends FrameworkRow {
  tariffName: string;
  tariffSegment: 'business' | 'consumer';
}

const listColumns = {
  id: companyMobileFramework.id,
  companyId: companyMobileFramework.companyId,
  prefix: companyMobileFramework.prefix,
  tariffKey: companyMobileFramework.tariffKey,
  createdAt: companyMobileFramework.createdAt,
  tariffName: mobileTariffs.name,
  tariffSegment: mobileTariffs.segment,
};

/** The company's entries, ordered by their digits (a range before the numbers in it). */
export async function listFrameworkEntries(
  db: Executor,
  companyId: string,
): Promise<FrameworkListRow[]> {
  return db
    .select(listColumns)
    .from(companyMobileFramework)
    .innerJoin(mobileTariffs, eq(mobileTariffs.key, companyMobileFramework.tariffKey))
    .where(eq(companyMobileFramework.companyId, companyId))
    .orderBy(asc(companyMobileFramework.prefix));
}

/** Just the prefixes and tariff keys, for the wizard's mobile check. */
export async function frameworkPrefixes(
  db: Executor,
  companyId: string,
): Promise<{ prefix: string; tariffKey: string }[]> {
  return db
    .select({ prefix: companyMobileFramework.prefix, tariffKey: companyMobileFramework.tariffKey })
    .from(companyMobileFramework)
    .where(eq(companyMobileFramework.companyId, companyId));
}

export async function findFrameworkEntry(
  db: Executor,
  companyId: string,
  id: string,
): Promise<FrameworkListRow | null> {
  const rows = await db
    .select(listColumns)
    .from(companyMobileFramework)
    .innerJoin(mobileTariffs, eq(mobileTariffs.key, companyMobileFramework.tariffKey))
    .where(and(eq(companyMobileFramework.companyId, companyId), eq(companyMobileFramework.id, id)));
  return rows[0] ?? null;
}

export async function findFrameworkPrefix(
  db: Executor,
  companyId: string,
  prefix: string,
): Promise<FrameworkRow | null> {
  const rows = await db
    .select()
    .from(companyMobileFramework)
    .where(
      and(
        eq(companyMobileFramework.companyId, companyId),
        eq(companyMobileFramework.prefix, prefix),
      ),
    );
  return rows[0] ?? null;
}

export async function insertFrameworkEntry(
  db: Executor,
  values: typeof companyMobileFramework.$inferInsert,
): Promise<FrameworkRow> {
  return (await db.insert(companyMobileFramework).values(values).returning())[0]!;
}

export async function deleteFrameworkEntry(
  db: Executor,
  companyId: string,
  id: string,
): Promise<void> {
  await db
    .delete(companyMobileFramework)
    .where(and(eq(companyMobileFramework.companyId, companyId), eq(companyMobileFramework.id, id)));
}
