// Real rows for MyPortal tests: an active workplace of a company with its end-user account and
// devices whose credentials come from the credentials module. Independent of the workplace wizard
// and the order flow (other modules), so these tests only test MyPortal.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  deviceModels,
  groups,
  users,
  workplaceDevices,
  workplaces,
  type PasswordDelivery,
  type WorkplaceStatus,
} from '../../../db/schema/index.ts';
import type { AppContext } from '../../../http/context.ts';
import { seedCatalogIfEmpty } from '../../catalog/catalog.seed.ts';
import { issueDeviceCredentials } from '../../credentials/credentials.service.ts';

let counter = 0;

export interface WorkplaceFixture {
  workplaceId: string;
  userId: string;
  username: string;
  authEmail: string;
  authMobile: string | null;
  deskPhoneId: string;
  clientId: string;
}

/** A workplace with a desk phone (MAC given) and a desktop client, credentials issued. */
export async function createWorkplace(
  ctx: Pick<AppContext, 'database' | 'clock' | 'config'>,
  companyId: string,
  options: {
    username?: string;
    status?: WorkplaceStatus;
    delivery?: PasswordDelivery;
    withAccount?: boolean;
  } = {},
): Promise<WorkplaceFixture> {
  const database: Database = ctx.database;
  await seedCatalogIfEmpty(database, ctx.clock);
  counter += 1;
  const username = options.username ?? `m.muster${counter}`;
  const delivery = options.delivery ?? 'sms';
  const now = ctx.clock.now();
  return database.transaction(async (tx) => {
    const [group] = await tx
      .select()
      .from(groups)
      .where(and(eq(groups.companyId, companyId), eq(groups.isDefault, true)));
    const models = await tx
      .select()
      .from(deviceModels)
      .where(inArray(deviceModels.key, ['yealink-t46u', 'telekom-desktop-full']));
    const phone = models.find((m) => m.key === 'yealink-t46u')!;
    const client = models.find((m) => m.key === 'telekom-desktop-full')!;
    const [user] =
      options.withAccount === false
        ? [null]
        : await tx
            .insert(users)
            .values({
              kind: 'end_user',
              username,
              email: `${username}@muster-handels.example`,
              displayName: `Max Muster ${counter}`,
              companyId,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
    const authMobile = delivery === 'sms' ? `+4915112345${String(counter).padStart(3, '0')}` : null;
    const [workplace] = await tx
      .insert(workplaces)
      .values({
        companyId,
        status: options.status ?? 'active',
        groupId: group!.id,
        timeZone: 'Europe/Berlin',
        firstName: 'Max',
        lastName: `Muster ${counter}`,
        email: `${username}@muster-handels.example`,
        department: 'Vertrieb',
        username,
        authEmail: `${username}@muster-handels.example`,
        authMobile,
        passwordDelivery: delivery,
        mainNumber: `+492281234${String(counter).padStart(3, '0')}`,
        internalNumber: String(200 + counter),
        additionalNumbers: [`+492281239${String(counter).padStart(3, '0')}`],
        userId: user?.id ?? null,
        activatedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const mac = `0015651234${String(counter % 100).padStart(2, '0')}`;
    const devices = await tx
      .insert(workplaceDevices)
      .values([
        {
          workplaceId: workplace!.id,
          companyId,
          deviceModelId: phone.id,
          position: 1,
          macAddress: mac,
          createdAt: now,
        },
        {
          workplaceId: workplace!.id,
          companyId,
          deviceModelId: client.id,
          position: 2,
          createdAt: now,
        },
      ])
      .returning();
    for (const device of devices) {
      await issueDeviceCredentials(tx, ctx, { companyId, deviceId: device.id });
    }
    return {
      workplaceId: workplace!.id,
      userId: user?.id ?? '',
      username,
      authEmail: workplace!.authEmail,
      authMobile,
      deskPhoneId: devices[0]!.id,
      clientId: devices[1]!.id,
    };
  });
}
