import { count } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { companies, contracts, providers } from '../db/schema/index.ts';

export async function countProviders(db: Executor): Promise<number> {
  const rows = await db.select({ n: count() }).from(providers);
  return Number(rows[0]?.n ?? 0);
}

export async function insertProvider(db: Executor, values: typeof providers.$inferInsert) {
  const rows = await db.insert(providers).values(values).returning();
  return rows[0]!;
}

export async function insertCompany(db: Executor, values: typeof companies.$inferInsert) {
  const rows = await db.insert(companies).values(values).returning();
  return rows[0]!;
}

export async function insertContract(db: Executor, values: typeof contracts.$inferInsert) {
  const rows = await db.insert(contracts).values(values).returning();
  return rows[0]!;
}
