import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  areas,
  blockingProfiles,
  blockingRules,
  companySettings,
  groups,
  numberBlocks,
} from '../../db/schema/index.ts';

export type GroupRow = typeof groups.$inferSelect;
export type AreaRow = typeof areas.$inferSelect;
export type ProfileRow = typeof blockingProfiles.$inferSelect;
export type RuleRow = typeof blockingRules.$inferSelect;

export async function insertGroup(db: Executor, values: typeof groups.$inferInsert) {
  return (await db.insert(groups).values(values).returning())[0]!;
}

export async function listGroups(db: Executor, companyId: string) {
  return db
    .select()
    .from(groups)
    .where(eq(groups.companyId, companyId))
    .orderBy(sql`${groups.isDefault} desc`, asc(groups.name));
}

export async function findGroup(db: Executor, companyId: string, groupId: string) {
  const rows = await db
    .select()
    .from(groups)
    .where(and(eq(groups.companyId, companyId), eq(groups.id, groupId)));
  return rows[0] ?? null;
}

export async function defaultGroup(db: Executor, companyId: string) {
  const rows = await db
    .select()
    .from(groups)
    .where(and(eq(groups.companyId, companyId), eq(groups.isDefault, true)));
  return rows[0] ?? null;
}

export async function updateGroup(
  db: Executor,
  groupId: string,
  values: Partial<typeof groups.$inferInsert>,
) {
  return (await db.update(groups).set(values).where(eq(groups.id, groupId)).returning())[0] ?? null;
}

export async function deleteGroup(db: Executor, groupId: string) {
  await db.delete(groups).where(eq(groups.id, groupId));
}

export async function numberBlocksInGroup(db: Executor, groupId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(numberBlocks)
    .where(eq(numberBlocks.groupId, groupId));
  return Number(rows[0]?.n ?? 0);
}

export async function insertArea(db: Executor, values: typeof areas.$inferInsert) {
  return (await db.insert(areas).values(values).returning())[0]!;
}

export async function listAreas(db: Executor, companyId: string) {
  return db.select().from(areas).where(eq(areas.companyId, companyId)).orderBy(asc(areas.name));
}

export async function findArea(db: Executor, companyId: string, areaId: string) {
  const rows = await db
    .select()
    .from(areas)
    .where(and(eq(areas.companyId, companyId), eq(areas.id, areaId)));
  return rows[0] ?? null;
}

export async function updateArea(
  db: Executor,
  areaId: string,
  values: Partial<typeof areas.$inferInsert>,
) {
  return (await db.update(areas).set(values).where(eq(areas.id, areaId)).returning())[0] ?? null;
}

export async function deleteArea(db: Executor, areaId: string) {
  await db.delete(areas).where(eq(areas.id, areaId));
}

export async function settingsOf(db: Executor, companyId: string) {
  const rows = await db
    .select()
    .from(companySettings)
    .where(eq(companySettings.companyId, companyId));
  return rows[0] ?? null;
}

export async function upsertSettings(
  db: Executor,
  companyId: string,
  values: Partial<typeof companySettings.$inferInsert>,
) {
  await db
    .insert(companySettings)
    .values({ companyId, ...values })
    .onConflictDoUpdate({ target: companySettings.companyId, set: values });
}

export async function insertProfile(db: Executor, values: typeof blockingProfiles.$inferInsert) {
  return (await db.insert(blockingProfiles).values(values).returning())[0]!;
}

export async function listProfiles(db: Executor, companyId: string) {
  return db
    .select()
    .from(blockingProfiles)
    .where(eq(blockingProfiles.companyId, companyId))
    .orderBy(sql`${blockingProfiles.isSystem} desc`, asc(blockingProfiles.name));
}

export async function findProfile(db: Executor, companyId: string, profileId: string) {
  const rows = await db
    .select()
    .from(blockingProfiles)
    .where(and(eq(blockingProfiles.companyId, companyId), eq(blockingProfiles.id, profileId)));
  return rows[0] ?? null;
}

export async function updateProfile(
  db: Executor,
  profileId: string,
  values: Partial<typeof blockingProfiles.$inferInsert>,
) {
  await db.update(blockingProfiles).set(values).where(eq(blockingProfiles.id, profileId));
}

export async function deleteProfile(db: Executor, profileId: string) {
  await db.delete(blockingProfiles).where(eq(blockingProfiles.id, profileId));
}

export async function rulesOf(db: Executor, profileIds: string[]): Promise<RuleRow[]> {
  if (profileIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(blockingRules)
    .where(
      sql`${blockingRules.profileId} in (${sql.join(
        profileIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
    .orderBy(asc(blockingRules.direction), asc(blockingRules.category), asc(blockingRules.prefix));
}

export async function replaceRules(
  db: Executor,
  profileId: string,
  rules: Omit<typeof blockingRules.$inferInsert, 'profileId'>[],
) {
  await db.delete(blockingRules).where(eq(blockingRules.profileId, profileId));
  if (rules.length > 0) {
    await db.insert(blockingRules).values(rules.map((r) => ({ ...r, profileId })));
  }
}

export async function groupsUsingProfile(db: Executor, profileId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(groups)
    .where(eq(groups.blockingProfileId, profileId));
  return Number(rows[0]?.n ?? 0);
}
