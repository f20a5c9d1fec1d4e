// SQL of a workplace's parts: its devices and its add-ons (mobile options and conference
// packages included), and the company-level products the add-on rules look at.
import { and, asc, count, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  companyProducts,
  deviceModels,
  workplaceAddons,
  workplaceDevices,
  workplaces,
} from '../../db/schema/index.ts';
import { BOOKED_STATUSES } from './statuses.ts';

export type DeviceRow = typeof workplaceDevices.$inferSelect;
export type AddonRow = typeof workplaceAddons.$inferSelect;

// ----- devices -----

export interface DeviceWithModel {
  device: DeviceRow;
  modelName: string;
  modelKey: string;
  category: string;
  series: string | null;
}

export async function insertDevices(
  db: Executor,
  values: (typeof workplaceDevices.$inferInsert)[],
): Promise<DeviceRow[]> {
  return values.length === 0 ? [] : db.insert(workplaceDevices).values(values).returning();
}

export async function devicesOf(
  db: Executor,
  companyId: string,
  workplaceIds: string[],
): Promise<DeviceWithModel[]> {
  if (workplaceIds.length === 0) {
    return [];
  }
  return db
    .select({
      device: workplaceDevices,
      modelName: deviceModels.name,
      modelKey: deviceModels.key,
      category: deviceModels.category,
      series: deviceModels.series,
    })
    .from(workplaceDevices)
    .innerJoin(deviceModels, eq(deviceModels.id, workplaceDevices.deviceModelId))
    .where(
      and(
        eq(workplaceDevices.companyId, companyId),
        inArray(workplaceDevices.workplaceId, workplaceIds),
      ),
    )
    .orderBy(asc(workplaceDevices.workplaceId), asc(workplaceDevices.position));
}

export async function deleteDevices(db: Executor, companyId: string, ids: string[]) {
  if (ids.length > 0) {
    await db
      .delete(workplaceDevices)
      .where(and(eq(workplaceDevices.companyId, companyId), inArray(workplaceDevices.id, ids)));
  }
}

export async function updateDevice(
  db: Executor,
  id: string,
  values: Partial<typeof workplaceDevices.$inferInsert>,
) {
  await db.update(workplaceDevices).set(values).where(eq(workplaceDevices.id, id));
}

/** MAC addresses already used by devices of other workplaces. */
export async function macsInUse(
  db: Executor,
  macs: string[],
  exceptWorkplaceId: string | null,
): Promise<string[]> {
  if (macs.length === 0) {
    return [];
  }
  const rows = await db
    .select({ mac: workplaceDevices.macAddress, workplaceId: workplaceDevices.workplaceId })
    .from(workplaceDevices)
    .where(
      and(
        isNotNull(workplaceDevices.macAddress),
        inArray(
          sql`lower(${workplaceDevices.macAddress})`,
          macs.map((m) => m.toLowerCase()),
        ),
      ),
    );
  return rows.filter((r) => r.workplaceId !== exceptWorkplaceId).map((r) => r.mac!.toLowerCase());
}

// ----- add-ons -----

export async function insertAddons(
  db: Executor,
  values: (typeof workplaceAddons.$inferInsert)[],
): Promise<AddonRow[]> {
  return values.length === 0 ? [] : db.insert(workplaceAddons).values(values).returning();
}

export async function addonsOf(
  db: Executor,
  companyId: string,
  workplaceIds: string[],
  options: { live?: boolean } = {},
): Promise<AddonRow[]> {
  if (workplaceIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(workplaceAddons)
    .where(
      and(
        eq(workplaceAddons.companyId, companyId),
        inArray(workplaceAddons.workplaceId, workplaceIds),
        options.live ? ne(workplaceAddons.status, 'ended') : undefined,
      ),
    )
    .orderBy(asc(workplaceAddons.productKey), desc(workplaceAddons.createdAt));
}

export async function updateAddon(
  db: Executor,
  companyId: string,
  id: string,
  values: Partial<typeof workplaceAddons.$inferInsert>,
) {
  await db
    .update(workplaceAddons)
    .set(values)
    .where(and(eq(workplaceAddons.companyId, companyId), eq(workplaceAddons.id, id)));
}

export async function deleteAddon(db: Executor, companyId: string, id: string) {
  await db
    .delete(workplaceAddons)
    .where(and(eq(workplaceAddons.companyId, companyId), eq(workplaceAddons.id, id)));
}

/**
 * Per add-on key: how many live workplaces of the company carry it, the cart's workplaces
 * included ("booked or in the cart"), leaving out `exceptWorkplaceId`.
 */
export async function workplacesWith(
  db: Executor,
  companyId: string,
  exceptWorkplaceId: string | null,
): Promise<Record<string, number>> {
  const rows = await db
    .select({
      key: workplaceAddons.productKey,
      n: sql<number>`count(distinct ${workplaceAddons.workplaceId})`,
    })
    .from(workplaceAddons)
    .innerJoin(workplaces, eq(workplaces.id, workplaceAddons.workplaceId))
    .where(
      and(
        eq(workplaceAddons.companyId, companyId),
        ne(workplaceAddons.status, 'ended'),
        ne(workplaces.status, 'deleted'),
        exceptWorkplaceId ? ne(workplaces.id, exceptWorkplaceId) : undefined,
      ),
    )
    .groupBy(workplaceAddons.productKey);
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
}

/** Booked units of an add-on key (ordered or running, on booked workplaces): the tier count. */
export async function bookedAddons(
  db: Executor,
  companyId: string,
  productKey: string,
): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(workplaceAddons)
    .innerJoin(workplaces, eq(workplaces.id, workplaceAddons.workplaceId))
    .where(
      and(
        eq(workplaceAddons.companyId, companyId),
        eq(workplaceAddons.productKey, productKey),
        inArray(workplaceAddons.status, ['ordered', 'active', 'cancel_ordered']),
        inArray(workplaces.status, BOOKED_STATUSES),
      ),
    );
  return Number(rows[0]?.n ?? 0);
}

/** Company-level products the company has booked (or ordered): Call Analytics Basic. */
export async function liveCompanyProducts(db: Executor, companyId: string): Promise<string[]> {
  const rows = await db
    .select({ key: companyProducts.productKey })
    .from(companyProducts)
    .where(and(eq(companyProducts.companyId, companyId), ne(companyProducts.status, 'ended')));
  return rows.map((r) => r.key);
}

/** Add-ons of a product in use on `day` (from activeFrom up to the day before endsOn). */
export async function billableAddons(
  db: Executor,
  companyId: string,
  productKey: string,
  day: string,
): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(workplaceAddons)
    .where(
      and(
        eq(workplaceAddons.companyId, companyId),
        eq(workplaceAddons.productKey, productKey),
        isNotNull(workplaceAddons.activeFrom),
        sql`${workplaceAddons.activeFrom} <= ${day}::date`,
        sql`(${workplaceAddons.endsOn} is null or ${workplaceAddons.endsOn} > ${day}::date)`,
      ),
    );
  return Number(rows[0]?.n ?? 0);
}
