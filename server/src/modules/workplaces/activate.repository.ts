// SQL of the set-based activation (activate.batch.ts): many workplaces of one company locked,
// activated and their add-ons started, one statement each.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { workplaceAddons, workplaces } from '../../db/schema/index.ts';
import type { WorkplaceRow } from './workplaces.repository.ts';

/** The workplaces locked for the rest of the transaction, in id order. */
export async function lockWorkplaces(
  db: Executor,
  companyId: string,
  ids: readonly string[],
): Promise<WorkplaceRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), inArray(workplaces.id, [...ids])))
    .orderBy(asc(workplaces.id))
    .for('update');
}

/** Status active, the minimum term and the end user's account on many workplaces at once. */
export async function activateWorkplaces(
  db: Executor,
  companyId: string,
  rows: readonly { id: string; userId: string }[],
  values: { activatedAt: Date; minimumTermEnd: string },
): Promise<number> {
  if (rows.length === 0) {
    return 0;
  }
  const json = JSON.stringify(rows.map((r) => ({ id: r.id, user_id: r.userId })));
  const updated = await db
    .update(workplaces)
    .set({
      status: 'active',
      userId: sql`v.user_id`,
      activatedAt: values.activatedAt,
      minimumTermEnd: values.minimumTermEnd,
      updatedAt: values.activatedAt,
    })
    .from(sql`jsonb_to_recordset(${json}::jsonb) as v(id uuid, user_id uuid)`)
    .where(and(eq(workplaces.companyId, companyId), sql`${workplaces.id} = v.id`))
    .returning({ id: workplaces.id });
  return updated.length;
}

/** startAddon for many add-ons: active from `today`, each with its own minimum term end. */
export async function startAddons(
  db: Executor,
  companyId: string,
  rows: readonly { id: string; minimumTermEnd: string }[],
  today: string,
  now: Date,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const json = JSON.stringify(rows.map((r) => ({ id: r.id, term_end: r.minimumTermEnd })));
  await db
    .update(workplaceAddons)
    .set({
      status: 'active',
      activeFrom: today,
      minimumTermEnd: sql`v.term_end`,
      endsOn: null,
      updatedAt: now,
    })
    .from(sql`jsonb_to_recordset(${json}::jsonb) as v(id uuid, term_end date)`)
    .where(and(eq(workplaceAddons.companyId, companyId), sql`${workplaceAddons.id} = v.id`));
}
