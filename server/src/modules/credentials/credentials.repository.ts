import { and, eq, inArray, sql } from 'drizzle-orm';
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

/** Which of the given SIP usernames some device has already. */
export async function sipUsernamesInUse(
  db: Executor,
  names: readonly string[],
): Promise<Set<string>> {
  if (names.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ name: workplaceDevices.sipUsername })
    .from(workplaceDevices)
    .where(inArray(workplaceDevices.sipUsername, [...names]));
  return new Set(rows.map((r) => r.name!));
}

/** writeCredentials for many devices of the company, in one statement; returns how many. */
export async function writeCredentialsMany(
  db: Executor,
  companyId: string,
  rows: readonly { deviceId: string; sipUsername: string; sipHa1: string; sipSecret: string }[],
  issuedAt: Date,
): Promise<number> {
  if (rows.length === 0) {
    return 0;
  }
  const json = JSON.stringify(
    rows.map((r) => ({ id: r.deviceId, u: r.sipUsername, h: r.sipHa1, s: r.sipSecret })),
  );
  const updated = await db
    .update(workplaceDevices)
    .set({
      sipUsername: sql`v.u`,
      sipHa1: sql`v.h`,
      sipSecret: sql`v.s`,
      credentialsIssuedAt: issuedAt,
    })
    .from(sql`jsonb_to_recordset(${json}::jsonb) as v(id uuid, u text, h text, s text)`)
    .where(and(eq(workplaceDevices.companyId, companyId), sql`${workplaceDevices.id} = v.id`))
    .returning({ id: workplaceDevices.id });
  return updated.length;
}
