// SQL of the list export: the company's workplaces with their devices and add-ons.
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { workplaceAddons, workplaceDevices, workplaces } from '../../db/schema/index.ts';

/** The workplaces of a company for the export (not deleted), oldest first. */
export async function exportableWorkplaces(db: Executor, companyId: string) {
  return db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), ne(workplaces.status, 'deleted')))
    .orderBy(workplaces.createdAt, workplaces.lastName);
}

/** Devices and add-ons of the exported workplaces. */
export async function devicesAndAddons(db: Executor, companyId: string) {
  const [devices, addons] = await Promise.all([
    db
      .select()
      .from(workplaceDevices)
      .where(eq(workplaceDevices.companyId, companyId))
      .orderBy(workplaceDevices.workplaceId, workplaceDevices.position),
    db
      .select()
      .from(workplaceAddons)
      .where(and(eq(workplaceAddons.companyId, companyId), ne(workplaceAddons.status, 'ended'))),
  ]);
  return { devices, addons };
}
