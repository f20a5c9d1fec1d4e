import { asc } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { providers } from '../../db/schema/index.ts';

export async function findProvider(db: Executor) {
  const rows = await db.select().from(providers).orderBy(asc(providers.createdAt)).limit(1);
  return rows[0] ?? null;
}
