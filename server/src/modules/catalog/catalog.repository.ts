import { and, asc, count, eq, ilike, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  catalogProducts,
  companyMobileFramework,
  deviceModels,
  mobileTariffs,
  type ProductKind,
} from '../../db/schema/index.ts';

// The catalogue is installation-wide: no company id, by design (see db/schema/catalog.ts).

export type ProductRow = typeof catalogProducts.$inferSelect;
export type DeviceRow = typeof deviceModels.$inferSelect;
export type TariffRow = typeof mobileTariffs.$inferSelect;

export async function countProducts(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(catalogProducts);
  return row?.n ?? 0;
}

export async function listProducts(
  db: Executor,
  filter: { kind?: ProductKind | undefined; includeInactive?: boolean | undefined } = {},
): Promise<ProductRow[]> {
  const where: SQL[] = [];
  if (!filter.includeInactive) {
    where.push(eq(catalogProducts.active, true));
  }
  if (filter.kind) {
    where.push(eq(catalogProducts.kind, filter.kind));
  }
  return db
    .select()
    .from(catalogProducts)
    .where(and(...where))
    .orderBy(asc(catalogProducts.sortOrder), asc(catalogProducts.key));
}

export async function findProduct(db: Executor, key: string): Promise<ProductRow | null> {
  const rows = await db.select().from(catalogProducts).where(eq(catalogProducts.key, key));
  return rows[0] ?? null;
}

/** The row locked for an edit, so two operators' changes apply one after the other. */
export async function lockProduct(db: Executor, key: string): Promise<ProductRow | null> {
  const rows = await db
    .select()
    .from(catalogProducts)
    .where(eq(catalogProducts.key, key))
    .for('update');
  return rows[0] ?? null;
}

export async function productKinds(db: Executor): Promise<Map<string, ProductKind>> {
  const rows = await db
    .select({ key: catalogProducts.key, kind: catalogProducts.kind })
    .from(catalogProducts);
  return new Map(rows.map((r) => [r.key, r.kind]));
}

export async function updateProduct(
  db: Executor,
  key: string,
  values: Partial<typeof catalogProducts.$inferInsert>,
): Promise<ProductRow> {
  const [row] = await db
    .update(catalogProducts)
    .set(values)
    .where(eq(catalogProducts.key, key))
    .returning();
  return row!;
}

/** Inserts the rows that are not there yet; concurrent start-ups on PostgreSQL both succeed. */
export async function insertProductsIfMissing(
  db: Executor,
  rows: (typeof catalogProducts.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) {
    await db.insert(catalogProducts).values(rows).onConflictDoNothing();
  }
}

export async function insertDevicesIfMissing(
  db: Executor,
  rows: (typeof deviceModels.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) {
    await db.insert(deviceModels).values(rows).onConflictDoNothing();
  }
}

export async function insertTariffsIfMissing(
  db: Executor,
  rows: (typeof mobileTariffs.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) {
    await db.insert(mobileTariffs).values(rows).onConflictDoNothing();
  }
}

export async function listDevices(
  db: Executor,
  filter: { extended: boolean; search?: string | undefined; includeInactive?: boolean | undefined },
): Promise<DeviceRow[]> {
  const where: SQL[] = [];
  if (!filter.extended) {
    where.push(eq(deviceModels.extended, false));
  }
  if (!filter.includeInactive) {
    where.push(eq(deviceModels.active, true));
  }
  if (filter.search) {
    // The picker's search ("Endgerätesuche") matches the model, its series or its maker.
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(deviceModels.name, pattern),
        ilike(deviceModels.series, pattern),
        ilike(deviceModels.manufacturer, pattern),
      )!,
    );
  }
  return db
    .select()
    .from(deviceModels)
    .where(and(...where))
    .orderBy(asc(deviceModels.sortOrder), asc(deviceModels.name));
}

export async function findDevice(db: Executor, id: string): Promise<DeviceRow | null> {
  const rows = await db.select().from(deviceModels).where(eq(deviceModels.id, id)).for('update');
  return rows[0] ?? null;
}

export async function findDeviceByKey(db: Executor, key: string): Promise<DeviceRow | null> {
  const rows = await db.select().from(deviceModels).where(eq(deviceModels.key, key));
  return rows[0] ?? null;
}

/** Another model with the same category, manufacturer, series and name (case-insensitive). */
export async function findDeviceAtPath(
  db: Executor,
  path: { category: string; manufacturer: string | null; series: string | null; name: string },
): Promise<DeviceRow | null> {
  const rows = await db
    .select()
    .from(deviceModels)
    .where(
      sql`lower(${deviceModels.category}) = lower(${path.category})
        and lower(coalesce(${deviceModels.manufacturer}, '')) = lower(${path.manufacturer ?? ''})
        and lower(coalesce(${deviceModels.series}, '')) = lower(${path.series ?? ''})
        and lower(${deviceModels.name}) = lower(${path.name})`,
    );
  return rows[0] ?? null;
}

export async function maxDeviceSortOrder(db: Executor): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${deviceModels.sortOrder})` })
    .from(deviceModels);
  return Number(row?.max ?? 0);
}

export async function insertDevice(
  db: Executor,
  values: typeof deviceModels.$inferInsert,
): Promise<DeviceRow> {
  const [row] = await db.insert(deviceModels).values(values).returning();
  return row!;
}

export async function updateDevice(
  db: Executor,
  id: string,
  values: Partial<typeof deviceModels.$inferInsert>,
): Promise<DeviceRow> {
  const [row] = await db
    .update(deviceModels)
    .set(values)
    .where(eq(deviceModels.id, id))
    .returning();
  return row!;
}

export async function listTariffs(db: Executor): Promise<TariffRow[]> {
  return db
    .select()
    .from(mobileTariffs)
    .orderBy(asc(mobileTariffs.sortOrder), asc(mobileTariffs.name));
}

/**
 * Serializes catalogue-wide writes (seeding, replacing the tariff list) across app processes
 * until the transaction ends; row locks cannot, because the rows are deleted or not there yet.
 */
export async function lockCatalog(db: Executor): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('zentrale.catalog'))`);
}

/** Replaces the whole list (in the caller's transaction, after lockCatalog). */
export async function replaceTariffs(
  db: Executor,
  rows: (typeof mobileTariffs.$inferInsert)[],
): Promise<void> {
  // Upsert by key and delete only the keys that left the list: company framework contracts
  // refer to tariffs by key (the service refuses to remove one that is still referred to).
  const keys = rows.map((r) => r.key);
  await db
    .delete(mobileTariffs)
    .where(keys.length > 0 ? notInArray(mobileTariffs.key, keys) : undefined);
  // Names are unique: free them first so two tariffs can swap names in one save.
  if (keys.length > 0) {
    await db
      .update(mobileTariffs)
      .set({ name: sql`'~' || ${mobileTariffs.key}` })
      .where(inArray(mobileTariffs.key, keys));
    await db
      .insert(mobileTariffs)
      .values(rows)
      .onConflictDoUpdate({
        target: mobileTariffs.key,
        set: {
          name: sql`excluded.name`,
          segment: sql`excluded.segment`,
          sortOrder: sql`excluded.sort_order`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}

/** Tariff keys that companies' mobile framework contracts refer to. */
export async function tariffsInUse(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ key: companyMobileFramework.tariffKey })
    .from(companyMobileFramework);
  return rows.map((r) => r.key);
}
