import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { DEVICE_SEEDS, MOBILE_TARIFF_SEEDS, PRODUCT_SEEDS } from '../../demo/catalog-data.ts';
import {
  countProducts,
  insertDevicesIfMissing,
  insertProductsIfMissing,
  insertTariffsIfMissing,
  lockCatalog,
} from './catalog.repository.ts';

/**
 * Fills an empty catalogue with the demo products, devices and mobile tariffs. It runs at every
 * start-up, also with ZENTRALE_DEMO=false, because nothing can be ordered without a catalogue.
 * "Empty" means no products: products are never deleted (only deactivated), so an operator who
 * emptied the tariff list does not get it back at the next start.
 */
export async function seedCatalogIfEmpty(
  database: Database,
  clock: Clock,
): Promise<{ seeded: boolean }> {
  // Cheap check first: a seeded installation costs one count query at start-up.
  if ((await countProducts(database.db)) > 0) {
    return { seeded: false };
  }
  const now = clock.now();
  return database.transaction(async (tx) => {
    // Several app processes may start at once on PostgreSQL; one seeds, the others find rows.
    await lockCatalog(tx);
    if ((await countProducts(tx)) > 0) {
      return { seeded: false };
    }
    await insertProductsIfMissing(
      tx,
      PRODUCT_SEEDS.map((p, index) => ({
        key: p.key,
        kind: p.kind,
        nameDe: p.nameDe,
        nameEn: p.nameEn,
        descriptionDe: p.descriptionDe,
        oneOffCents: p.oneOffCents ?? 0,
        monthlyCents: p.monthlyCents,
        tiers: p.tiers,
        minimumTermDays: 30,
        requires: p.requires ?? [],
        sortOrder: (index + 1) * 10,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertDevicesIfMissing(
      tx,
      DEVICE_SEEDS.map((d, index) => ({
        ...d,
        extended: d.extended ?? false,
        requiresAnyOf: d.requiresAnyOf ?? [],
        sortOrder: (index + 1) * 10,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertTariffsIfMissing(
      tx,
      MOBILE_TARIFF_SEEDS.map((t, index) => ({
        ...t,
        sortOrder: (index + 1) * 10,
        updatedAt: now,
      })),
    );
    return { seeded: true };
  });
}
