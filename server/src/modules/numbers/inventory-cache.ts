// The company's blocks and decades, cached per process and re-read only when the company's
// inventory version moved (bumped in the same transaction as every change). Searching 1,000
// blocks then costs one primary-key lookup instead of reading 11,000 rows.
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { numberInventoryVersions } from '../../db/schema/index.ts';
import { listBlocks, type BlockWithDecades } from './numbers.repository.ts';

export interface Inventory {
  version: number;
  /** Sorted by prefix. */
  blocks: BlockWithDecades[];
  byId: Map<string, BlockWithDecades>;
}

const caches = new WeakMap<Database, Map<string, Inventory>>();

async function readVersion(db: Executor, companyId: string): Promise<number> {
  const rows = await db
    .select({ version: numberInventoryVersions.version })
    .from(numberInventoryVersions)
    .where(eq(numberInventoryVersions.companyId, companyId));
  return Number(rows[0]?.version ?? 0);
}

/** Marks the company's inventory as changed; call inside the changing transaction. */
export async function bumpInventory(db: Executor, companyId: string): Promise<void> {
  await db
    .insert(numberInventoryVersions)
    .values({ companyId, version: 1 })
    .onConflictDoUpdate({
      target: numberInventoryVersions.companyId,
      set: { version: sql`${numberInventoryVersions.version} + 1` },
    });
}

/**
 * The company's inventory. Inside a transaction (db = tx) it is always read fresh, so that a
 * change made in that transaction is seen.
 */
export async function inventory(
  database: Database,
  companyId: string,
  db: Executor = database.db,
  options: { trustCache?: boolean } = {},
): Promise<Inventory> {
  if (options.trustCache && db === database.db) {
    const cached = caches.get(database)?.get(companyId);
    if (cached) {
      return cached;
    }
  }
  const fresh = async (version: number): Promise<Inventory> => {
    const blocks = await listBlocks(db, companyId);
    return { version, blocks, byId: new Map(blocks.map((b) => [b.id, b])) };
  };
  const version = await readVersion(db, companyId);
  if (db !== database.db) {
    return fresh(version);
  }
  let perCompany = caches.get(database);
  if (!perCompany) {
    perCompany = new Map();
    caches.set(database, perCompany);
  }
  const cached = perCompany.get(companyId);
  if (cached && cached.version === version) {
    return cached;
  }
  const loaded = await fresh(version);
  perCompany.set(companyId, loaded);
  return loaded;
}

/** The block holding a national number: the longest matching prefix. */
export function blockFor(inv: Inventory, national: string): BlockWithDecades | null {
  let best: BlockWithDecades | null = null;
  for (const b of inv.blocks) {
    if (national.startsWith(b.prefix) && (!best || b.prefix.length > best.prefix.length)) {
      best = b;
    }
  }
  return best;
}
