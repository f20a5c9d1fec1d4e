import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { deviceModels, workplaceDevices } from '../../db/schema/index.ts';

export type DeviceRow = typeof workplaceDevices.$inferSelect;

/** A device of the company with its catalogue model, locked for the rest of the transaction. */
export async function lockDevice(db: Executor, companyId: string, deviceId: string) {
  const rows = await db
    .select()
    .from(workplaceDevices)
    .where(and(eq(workplaceDevices.companyId, companyId), eq(workplaceDevices.id, deviceId)))
    .for('update');
  return rows[0] ?? null;
}

/** A device of the company with the provisioning kind of its model. */
export async function findDevice(db: Executor, companyId: string, deviceId: string) {
  const rows = await db
    .select({ device: workplaceDevices, provisioning: deviceModels.provisioning })
    .from(workplaceDevices)
    .innerJoin(deviceModels, eq(deviceModels.id, workplaceDevices.deviceModelId))
    .where(and(eq(workplaceDevices.companyId, companyId), eq(workplaceDevices.id, deviceId)));
  return rows[0] ?? null;
}

export async function sipUsernameInUse(db: Executor, sipUsername: string): Promise<boolean> {
  const rows = await db
    .select({ id: workplaceDevices.id })
    .from(workplaceDevices)
    .where(eq(workplaceDevices.sipUsername, sipUsername));
  return rows.length > 0;
}

export async function writeCredentials(
  db: Executor,
  companyId: string,
  deviceId: string,
  values: {
    sipUsername: string | null;
    sipHa1: string | null;
    sipSecret: string | null;
    credentialsIssuedAt: Date | null;
  },
): Promise<void> {
  await db
    .update(workplaceDevices)
    .set(values)
    .where(and(eq(workplaceDevices.companyId, companyId), eq(workplaceDevices.id, deviceId)));
}
