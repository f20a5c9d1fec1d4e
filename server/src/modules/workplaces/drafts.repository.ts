// SQL of the wizard drafts and the templates (Mustervorlagen). Company id is always given.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { groups, workplaceDrafts, workplaceTemplates } from '../../db/schema/index.ts';

export type DraftRow = typeof workplaceDrafts.$inferSelect;
export type TemplateRow = typeof workplaceTemplates.$inferSelect;

export async function insertDraft(
  db: Executor,
  values: typeof workplaceDrafts.$inferInsert,
): Promise<DraftRow> {
  return (await db.insert(workplaceDrafts).values(values).returning())[0]!;
}

/** A draft of the company created by `userId` (drafts are the caller's own work). */
export async function findDraft(
  db: Executor,
  companyId: string,
  userId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<DraftRow | null> {
  const query = db
    .select()
    .from(workplaceDrafts)
    .where(
      and(
        eq(workplaceDrafts.companyId, companyId),
        eq(workplaceDrafts.createdBy, userId),
        eq(workplaceDrafts.id, id),
      ),
    );
  const rows = options.lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function findDraftOfWorkplace(
  db: Executor,
  companyId: string,
  workplaceId: string,
): Promise<DraftRow | null> {
  const rows = await db
    .select()
    .from(workplaceDrafts)
    .where(
      and(eq(workplaceDrafts.companyId, companyId), eq(workplaceDrafts.workplaceId, workplaceId)),
    );
  return rows[0] ?? null;
}

export async function listDrafts(
  db: Executor,
  companyId: string,
  userId: string,
): Promise<DraftRow[]> {
  return db
    .select()
    .from(workplaceDrafts)
    .where(and(eq(workplaceDrafts.companyId, companyId), eq(workplaceDrafts.createdBy, userId)))
    .orderBy(desc(workplaceDrafts.updatedAt));
}

export async function updateDraft(
  db: Executor,
  companyId: string,
  id: string,
  values: Partial<typeof workplaceDrafts.$inferInsert>,
): Promise<DraftRow | null> {
  const rows = await db
    .update(workplaceDrafts)
    .set(values)
    .where(and(eq(workplaceDrafts.companyId, companyId), eq(workplaceDrafts.id, id)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteDraft(db: Executor, companyId: string, id: string): Promise<void> {
  await db
    .delete(workplaceDrafts)
    .where(and(eq(workplaceDrafts.companyId, companyId), eq(workplaceDrafts.id, id)));
}

// ----- templates -----

export async function insertTemplate(
  db: Executor,
  values: typeof workplaceTemplates.$inferInsert,
): Promise<TemplateRow> {
  return (await db.insert(workplaceTemplates).values(values).returning())[0]!;
}

export async function listTemplates(
  db: Executor,
  companyId: string,
): Promise<{ template: TemplateRow; groupName: string }[]> {
  return db
    .select({ template: workplaceTemplates, groupName: groups.name })
    .from(workplaceTemplates)
    .innerJoin(groups, eq(groups.id, workplaceTemplates.groupId))
    .where(eq(workplaceTemplates.companyId, companyId))
    .orderBy(asc(sql`lower(${workplaceTemplates.name})`));
}

export async function findTemplate(
  db: Executor,
  companyId: string,
  id: string,
): Promise<TemplateRow | null> {
  const rows = await db
    .select()
    .from(workplaceTemplates)
    .where(and(eq(workplaceTemplates.companyId, companyId), eq(workplaceTemplates.id, id)));
  return rows[0] ?? null;
}

export async function deleteTemplate(
  db: Executor,
  companyId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(workplaceTemplates)
    .where(and(eq(workplaceTemplates.companyId, companyId), eq(workplaceTemplates.id, id)))
    .returning({ id: workplaceTemplates.id });
  return rows.length > 0;
}

/** Templates that name a group (a group cannot be deleted while templates point to it). */
export async function templatesInGroup(db: Executor, groupId: string): Promise<number> {
  const rows = await db
    .select({ id: workplaceTemplates.id })
    .from(workplaceTemplates)
    .where(eq(workplaceTemplates.groupId, groupId));
  return rows.length;
}

/** An area that is deleted leaves the templates that named it (they keep their group). */
export async function detachAreaFromTemplates(db: Executor, companyId: string, areaId: string) {
  await db
    .update(workplaceTemplates)
    .set({ areaId: null })
    .where(and(eq(workplaceTemplates.companyId, companyId), eq(workplaceTemplates.areaId, areaId)));
}

/** Templates that name a blocking profile. */
export async function templatesUsingProfile(db: Executor, profileId: string): Promise<number> {
  const rows = await db
    .select({ id: workplaceTemplates.id })
    .from(workplaceTemplates)
    .where(eq(workplaceTemplates.blockingProfileId, profileId));
  return rows.length;
}
