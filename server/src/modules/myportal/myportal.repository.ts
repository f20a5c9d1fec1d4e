// SQL of MyPortal: the workplace behind an end-user account, its devices and add-ons, and the
// account's password and sessions. Company id (or the account's own id) is always an argument.
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  areas,
  catalogProducts,
  companies,
  deviceModels,
  groups,
  sessions,
  users,
  workplaceAddons,
  workplaceDevices,
  workplaces,
} from '../../db/schema/index.ts';

export type WorkplaceRow = typeof workplaces.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** The active workplace with a usable end-user account for a username (any case), or null. */
export async function findActiveLogin(
  db: Executor,
  username: string,
): Promise<{ workplace: WorkplaceRow; user: UserRow } | null> {
  const rows = await db
    .select({ workplace: workplaces, user: users })
    .from(workplaces)
    .innerJoin(users, eq(users.id, workplaces.userId))
    .where(
      and(
        sql`lower(${workplaces.username}) = ${username.trim().toLowerCase()}`,
        eq(workplaces.status, 'active'),
        eq(users.kind, 'end_user'),
        isNull(users.disabledAt),
      ),
    );
  return rows[0] ?? null;
}

/** The workplace of an end-user account (not deleted), with its company, group and area names. */
export async function findWorkplaceOfUser(db: Executor, companyId: string, userId: string) {
  const rows = await db
    .select({
      workplace: workplaces,
      companyName: companies.name,
      groupName: groups.name,
      areaName: areas.name,
    })
    .from(workplaces)
    .innerJoin(companies, eq(companies.id, workplaces.companyId))
    .innerJoin(groups, eq(groups.id, workplaces.groupId))
    .leftJoin(areas, eq(areas.id, workplaces.areaId))
    .where(
      and(
        eq(workplaces.companyId, companyId),
        eq(workplaces.userId, userId),
        ne(workplaces.status, 'deleted'),
      ),
    );
  return rows[0] ?? null;
}

export async function findWorkplace(db: Executor, companyId: string, workplaceId: string) {
  const rows = await db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), eq(workplaces.id, workplaceId)));
  return rows[0] ?? null;
}

export async function lockWorkplace(db: Executor, companyId: string, workplaceId: string) {
  const rows = await db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), eq(workplaces.id, workplaceId)))
    .for('update');
  return rows[0] ?? null;
}

export async function updateLoginFields(
  db: Executor,
  companyId: string,
  workplaceId: string,
  values: Pick<WorkplaceRow, 'authEmail' | 'authMobile' | 'passwordDelivery' | 'updatedAt'>,
): Promise<WorkplaceRow> {
  const rows = await db
    .update(workplaces)
    .set(values)
    .where(and(eq(workplaces.companyId, companyId), eq(workplaces.id, workplaceId)))
    .returning();
  return rows[0]!;
}

/** The devices of a workplace in their order, with what the catalogue says about each model. */
export async function devicesOfWorkplace(db: Executor, companyId: string, workplaceId: string) {
  return db
    .select({
      id: workplaceDevices.id,
      position: workplaceDevices.position,
      macAddress: workplaceDevices.macAddress,
      sipUsername: workplaceDevices.sipUsername,
      credentialsIssuedAt: workplaceDevices.credentialsIssuedAt,
      modelName: deviceModels.name,
      category: deviceModels.category,
      manufacturer: deviceModels.manufacturer,
      provisioning: deviceModels.provisioning,
    })
    .from(workplaceDevices)
    .innerJoin(deviceModels, eq(deviceModels.id, workplaceDevices.deviceModelId))
    .where(
      and(eq(workplaceDevices.companyId, companyId), eq(workplaceDevices.workplaceId, workplaceId)),
    )
    .orderBy(asc(workplaceDevices.position));
}

/** Add-ons of a workplace that are booked and not ended, with their catalogue names. */
export async function addonsOfWorkplace(db: Executor, companyId: string, workplaceId: string) {
  return db
    .select({
      productKey: workplaceAddons.productKey,
      status: workplaceAddons.status,
      nameDe: catalogProducts.nameDe,
      nameEn: catalogProducts.nameEn,
    })
    .from(workplaceAddons)
    .leftJoin(catalogProducts, eq(catalogProducts.key, workplaceAddons.productKey))
    .where(
      and(
        eq(workplaceAddons.companyId, companyId),
        eq(workplaceAddons.workplaceId, workplaceId),
        ne(workplaceAddons.status, 'ended'),
      ),
    )
    .orderBy(asc(workplaceAddons.productKey));
}

export async function findAccount(db: Executor, userId: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, userId));
  return rows[0] ?? null;
}

/** Sets an end user's password (argon2id hash) and returns the account. */
export async function setAccountPassword(
  db: Executor,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
    .where(and(eq(users.id, userId), eq(users.kind, 'end_user')));
}

export async function setAccountEmail(db: Executor, userId: string, email: string, now: Date) {
  await db
    .update(users)
    .set({ email, updatedAt: now })
    .where(and(eq(users.id, userId), eq(users.kind, 'end_user')));
}

/** Enables or disables an end-user account; true when something changed. */
export async function setAccountDisabled(
  db: Executor,
  userId: string,
  disabledAt: Date | null,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ disabledAt })
    .where(
      and(
        eq(users.id, userId),
        eq(users.kind, 'end_user'),
        disabledAt ? isNull(users.disabledAt) : sql`${users.disabledAt} is not null`,
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Ends every open session of an account (after a password reset or when access ends). */
export async function revokeAccountSessions(db: Executor, userId: string, now: Date) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
