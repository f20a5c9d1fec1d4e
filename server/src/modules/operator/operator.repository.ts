import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { companies, providers } from '../../db/schema/index.ts';

export async function companyNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(inArray(companies.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function updateProvider(
  db: Executor,
  id: string,
  values: Partial<typeof providers.$inferInsert>,
) {
  const rows = await db.update(providers).set(values).where(eq(providers.id, id)).returning();
  return rows[0] ?? null;
}
