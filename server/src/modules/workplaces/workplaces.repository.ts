// SQL of the workplaces module: the workplace rows, their counts and the list. Company id is
// always given. Devices and add-ons: workplace-parts.repository.ts; the login: end-user.repository.ts.
import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { contracts, users, workplaces, type WorkplaceStatus } from '../../db/schema/index.ts';

export type WorkplaceRow = typeof workplaces.$inferSelect;
export type NewWorkplace = typeof workplaces.$inferInsert;

export { BOOKED_STATUSES, CONFIGURED_STATUSES } from './statuses.ts';

export async function findWorkplace(
  db: Executor,
  companyId: string,
  id: string,
): Promise<WorkplaceRow | null> {
  const rows = await db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), eq(workplaces.id, id)));
  return rows[0] ?? null;
}

/** The row locked for the rest of the transaction (status changes, edits). */
export async function lockWorkplace(
  db: Executor,
  companyId: string,
  id: string,
): Promise<WorkplaceRow | null> {
  const rows = await db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), eq(workplaces.id, id)))
    .for('update');
  return rows[0] ?? null;
}

export async function updateWorkplace(
  db: Executor,
  companyId: string,
  id: string,
  values: Partial<NewWorkplace>,
): Promise<WorkplaceRow | null> {
  const rows = await db
    .update(workplaces)
    .set(values)
    .where(and(eq(workplaces.companyId, companyId), eq(workplaces.id, id)))
    .returning();
  return rows[0] ?? null;
}

/** Removes a workplace that never became active (devices and add-ons cascade). */
export async function deleteWorkplaceRow(db: Executor, companyId: string, id: string) {
  await db
    .delete(workplaces)
    .where(
      and(
        eq(workplaces.companyId, companyId),
        eq(workplaces.id, id),
        inArray(workplaces.status, ['in_cart', 'ordered']),
      ),
    );
}

export async function countByStatus(
  db: Executor,
  companyId: string,
  statuses: readonly WorkplaceStatus[],
): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), inArray(workplaces.status, [...statuses])));
  return Number(rows[0]?.n ?? 0);
}

/** The contract's workplace quota (0 without a contract). */
export async function workplaceQuota(db: Executor, companyId: string): Promise<number> {
  const rows = await db
    .select({ quota: contracts.workplaceQuota })
    .from(contracts)
    .where(eq(contracts.companyId, companyId));
  return rows[0]?.quota ?? 0;
}

/** Serializes quota checks of one company (two carts must not both take the last place). */
export async function lockQuota(db: Executor, companyId: string): Promise<void> {
  await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.companyId, companyId))
    .for('update');
}

/** One JSON parameter for a list of values (`x in (…)` with thousands of entries). */
const listOf = (values: readonly string[]) =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * Usernames are logins: unique over all live workplaces (any company) and all accounts.
 * `exceptWorkplaceId` is the workplace being checked itself. Returns the taken names, lower-case.
 */
export async function usernamesTaken(
  db: Executor,
  usernames: readonly string[],
  exceptWorkplaceId: string | null,
): Promise<Set<string>> {
  const names = [...new Set(usernames.map((u) => u.trim().toLowerCase()).filter(Boolean))];
  if (names.length === 0) {
    return new Set();
  }
  const [wp, accounts] = await Promise.all([
    db
      .select({
        name: sql<string>`lower(${workplaces.username})`,
        id: workplaces.id,
        userId: workplaces.userId,
      })
      .from(workplaces)
      .where(
        and(
          sql`lower(${workplaces.username}) in ${listOf(names)}`,
          ne(workplaces.status, 'deleted'),
        ),
      ),
    db
      .select({ name: users.username, id: users.id })
      .from(users)
      .where(sql`${users.username} in ${listOf(names)}`),
  ]);
  const own = wp.find((w) => w.id === exceptWorkplaceId);
  return new Set([
    ...wp.filter((w) => w.id !== exceptWorkplaceId).map((w) => w.name),
    ...accounts
      .filter((a) => !(own && own.name === a.name.toLowerCase() && own.userId === a.id))
      .map((a) => a.name.toLowerCase()),
  ]);
}

export async function usernameTaken(
  db: Executor,
  username: string,
  exceptWorkplaceId: string | null,
): Promise<boolean> {
  return (await usernamesTaken(db, [username], exceptWorkplaceId)).size > 0;
}

/** Which of the internal numbers live workplaces of the company other than `except` use. */
export async function internalNumbersTaken(
  db: Executor,
  companyId: string,
  internalNumbers: readonly string[],
  exceptWorkplaceId: string | null,
): Promise<Set<string>> {
  if (internalNumbers.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ n: workplaces.internalNumber, id: workplaces.id })
    .from(workplaces)
    .where(
      and(
        eq(workplaces.companyId, companyId),
        sql`${workplaces.internalNumber} in ${listOf([...new Set(internalNumbers)])}`,
        ne(workplaces.status, 'deleted'),
      ),
    );
  return new Set(rows.filter((r) => r.id !== exceptWorkplaceId).map((r) => r.n));
}

/** Internal numbers in use in the company (for proposing a free one). */
export async function internalNumbersInUse(db: Executor, companyId: string): Promise<Set<string>> {
  const rows = await db
    .select({ n: workplaces.internalNumber })
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), ne(workplaces.status, 'deleted')));
  return new Set(rows.map((r) => r.n));
}

export async function countInGroup(db: Executor, groupId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(workplaces)
    .where(and(eq(workplaces.groupId, groupId), ne(workplaces.status, 'deleted')));
  return Number(rows[0]?.n ?? 0);
}

export async function countInArea(db: Executor, areaId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(workplaces)
    .where(and(eq(workplaces.areaId, areaId), ne(workplaces.status, 'deleted')));
  return Number(rows[0]?.n ?? 0);
}

export async function countUsingProfile(db: Executor, profileId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(workplaces)
    .where(and(eq(workplaces.blockingProfileId, profileId), ne(workplaces.status, 'deleted')));
  return Number(rows[0]?.n ?? 0);
}

/** Live workplaces per group of a company (the group list's counts). */
export async function countsByGroup(db: Executor, companyId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ groupId: workplaces.groupId, n: count() })
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), ne(workplaces.status, 'deleted')))
    .groupBy(workplaces.groupId);
  return new Map(rows.map((r) => [r.groupId, Number(r.n)]));
}

/**
 * Deleted workplaces keep their row for history, but must not keep a group or an area from being
 * deleted: they move to the default group / lose the area (the audit log keeps where they were).
 */
export async function detachDeleted(
  db: Executor,
  companyId: string,
  target: { groupId: string; defaultGroupId: string } | { areaId: string },
) {
  const deleted = and(eq(workplaces.companyId, companyId), eq(workplaces.status, 'deleted'));
  if ('areaId' in target) {
    await db
      .update(workplaces)
      .set({ areaId: null })
      .where(and(deleted, eq(workplaces.areaId, target.areaId)));
  } else {
    await db
      .update(workplaces)
      .set({ groupId: target.defaultGroupId, areaId: null })
      .where(and(deleted, eq(workplaces.groupId, target.groupId)));
  }
}

// Devices and add-ons live in workplace-parts.repository.ts; these are used through this file too.
export { liveCompanyProducts, macsInUse, workplacesWith } from './workplace-parts.repository.ts';
