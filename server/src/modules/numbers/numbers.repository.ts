import { and, asc, count, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import { numberAssignments, numberBlocks, numberDecades } from '../../db/schema/index.ts';

export type BlockRow = typeof numberBlocks.$inferSelect;
export type DecadeRow = typeof numberDecades.$inferSelect;
export type AssignmentRow = typeof numberAssignments.$inferSelect;
export type BlockWithDecades = BlockRow & { decades: DecadeRow[] };

export async function insertBlock(
  db: Executor,
  values: typeof numberBlocks.$inferInsert,
  digits: number[],
): Promise<BlockWithDecades> {
  const [block] = await db.insert(numberBlocks).values(values).returning();
  const decades = digits.length
    ? await db
        .insert(numberDecades)
        .values(digits.map((digit) => ({ blockId: block!.id, digit, extra: 0 })))
        .returning()
    : [];
  return { ...block!, decades };
}

/** Blocks of any company whose numbers could collide with a block on `prefix`. */
export async function overlappingBlocks(db: Executor, prefix: string) {
  return db
    .select({ id: numberBlocks.id, prefix: numberBlocks.prefix, kind: numberBlocks.kind })
    .from(numberBlocks)
    .where(
      sql`${prefix} like ${numberBlocks.prefix} || '%' or ${numberBlocks.prefix} like ${prefix} || '%'`,
    );
}

async function withDecades(db: Executor, blocks: BlockRow[]): Promise<BlockWithDecades[]> {
  if (blocks.length === 0) {
    return [];
  }
  const decades = await db
    .select()
    .from(numberDecades)
    .where(
      inArray(
        numberDecades.blockId,
        blocks.map((b) => b.id),
      ),
    )
    .orderBy(asc(numberDecades.digit));
  const byBlock = new Map<string, DecadeRow[]>();
  for (const d of decades) {
    byBlock.set(d.blockId, [...(byBlock.get(d.blockId) ?? []), d]);
  }
  return blocks.map((b) => ({ ...b, decades: byBlock.get(b.id) ?? [] }));
}

export async function listBlocks(db: Executor, companyId: string): Promise<BlockWithDecades[]> {
  const blocks = await db
    .select()
    .from(numberBlocks)
    .where(eq(numberBlocks.companyId, companyId))
    .orderBy(asc(numberBlocks.prefix));
  return withDecades(db, blocks);
}

export async function findBlock(
  db: Executor,
  companyId: string,
  blockId: string,
): Promise<BlockWithDecades | null> {
  const rows = await db
    .select()
    .from(numberBlocks)
    .where(and(eq(numberBlocks.companyId, companyId), eq(numberBlocks.id, blockId)));
  return (await withDecades(db, rows))[0] ?? null;
}

/** Active assignments per block and number length (digits), for the overview counts. */
export async function assignedCounts(db: Executor, companyId: string) {
  const rows = await db
    .select({ blockId: numberAssignments.blockId, digits: numberAssignments.digits, n: count() })
    .from(numberAssignments)
    .where(and(eq(numberAssignments.companyId, companyId), isNull(numberAssignments.releasedAt)))
    .groupBy(numberAssignments.blockId, numberAssignments.digits);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Active assignments of one block and length between two values, ascending. */
export async function assignmentsInRange(
  db: Executor,
  blockId: string,
  digits: number,
  from: number,
  to: number,
  limit: number,
): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(numberAssignments)
    .where(
      and(
        eq(numberAssignments.blockId, blockId),
        eq(numberAssignments.digits, digits),
        gte(numberAssignments.value, from),
        lte(numberAssignments.value, to),
        isNull(numberAssignments.releasedAt),
      ),
    )
    .orderBy(asc(numberAssignments.value))
    .limit(limit);
}

export async function countAssignedInRange(
  db: Executor,
  blockId: string,
  digits: number,
  from: number,
  to: number,
): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(numberAssignments)
    .where(
      and(
        eq(numberAssignments.blockId, blockId),
        eq(numberAssignments.digits, digits),
        gte(numberAssignments.value, from),
        lte(numberAssignments.value, to),
        isNull(numberAssignments.releasedAt),
      ),
    );
  return Number(rows[0]?.n ?? 0);
}

export async function activeAssignments(db: Executor, e164s: string[]): Promise<AssignmentRow[]> {
  if (e164s.length === 0) {
    return [];
  }
  return db
    .select()
    .from(numberAssignments)
    .where(and(inArray(numberAssignments.e164, e164s), isNull(numberAssignments.releasedAt)));
}

export async function insertAssignment(
  db: Executor,
  values: typeof numberAssignments.$inferInsert,
) {
  const rows = await db.insert(numberAssignments).values(values).returning();
  return rows[0]!;
}

export async function releaseAssignment(
  db: Executor,
  companyId: string,
  assignmentId: string,
  now: Date,
): Promise<AssignmentRow | null> {
  const rows = await db
    .update(numberAssignments)
    .set({ releasedAt: now })
    .where(
      and(
        eq(numberAssignments.companyId, companyId),
        eq(numberAssignments.id, assignmentId),
        isNull(numberAssignments.releasedAt),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

export async function setDecadeExtra(db: Executor, blockId: string, digit: number, extra: number) {
  await db
    .update(numberDecades)
    .set({ extra })
    .where(and(eq(numberDecades.blockId, blockId), eq(numberDecades.digit, digit)));
}

/** Locks a block row for the rest of the transaction (lengthening vs. assignment races). */
export async function lockBlock(db: Executor, blockId: string): Promise<void> {
  await db
    .select({ id: numberBlocks.id })
    .from(numberBlocks)
    .where(eq(numberBlocks.id, blockId))
    .for('update');
}

export async function deleteBlock(
  db: Executor,
  companyId: string,
  blockId: string,
): Promise<boolean> {
  const rows = await db
    .delete(numberBlocks)
    .where(and(eq(numberBlocks.companyId, companyId), eq(numberBlocks.id, blockId)))
    .returning({ id: numberBlocks.id });
  return rows.length > 0;
}

export async function anyActive(db: Executor, blockId: string): Promise<boolean> {
  const rows = await db
    .select({ id: numberAssignments.id })
    .from(numberAssignments)
    .where(and(eq(numberAssignments.blockId, blockId), isNull(numberAssignments.releasedAt)))
    .limit(1);
  return rows.length > 0;
}

/** Released assignments of a block (history lives on in the audit log). */
export async function purgeReleased(db: Executor, blockId: string): Promise<void> {
  await db
    .delete(numberAssignments)
    .where(
      and(eq(numberAssignments.blockId, blockId), sql`${numberAssignments.releasedAt} is not null`),
    );
}

/** The company's block that contains a national number, if any. */
export async function blockContaining(db: Executor, companyId: string, national: string) {
  const rows = await db
    .select()
    .from(numberBlocks)
    .where(
      and(
        eq(numberBlocks.companyId, companyId),
        sql`${national} like ${numberBlocks.prefix} || '%'`,
      ),
    )
    .orderBy(sql`length(${numberBlocks.prefix}) desc`)
    .limit(1);
  return (await withDecades(db, rows))[0] ?? null;
}

interface AuditFields {
  actorId: string | null;
  actorUsername: string;
  actorRole: string;
  action: string;
  changes: unknown;
  at: Date;
}

interface AssignmentRaw {
  id: string;
  company_id: string;
  block_id: string;
  e164: string;
  value: string | number;
  digits: number;
  state: 'reserved' | 'assigned';
  target_type: string;
  target_id: string;
  target_label: string;
  created_by: string | null;
  created_at: string | Date;
  released_at: string | Date | null;
}

const fromRaw = (r: AssignmentRaw): AssignmentRow => ({
  id: r.id,
  companyId: r.company_id,
  blockId: r.block_id,
  e164: r.e164,
  value: Number(r.value),
  digits: r.digits,
  state: r.state,
  targetType: r.target_type,
  targetId: r.target_id,
  targetLabel: r.target_label,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  releasedAt: r.released_at ? new Date(r.released_at) : null,
});

/**
 * Inserts an assignment and its audit entry in one statement: atomic without a transaction of
 * its own, and one round trip (the hot path of the workplace wizard and the imports).
 */
export async function insertAssignmentAudited(
  db: Executor,
  v: typeof numberAssignments.$inferInsert,
  audit: AuditFields,
  /**
   * Insert only while the company's inventory still has this version. The share lock makes a
   * concurrent lengthening/shortening (which bumps the version first) wait for this insert.
   */
  expectVersion: number,
): Promise<AssignmentRow | null> {
  const guard = sql`where exists (select 1 from number_inventory_versions where company_id = ${v.companyId} and version = ${expectVersion} for share)`;
  const result = await db.execute(sql`
    with ins as (
      insert into number_assignments
        (company_id, block_id, e164, value, digits, state, target_type, target_id, target_label, created_by, created_at)
      select ${v.companyId}::uuid, ${v.blockId}::uuid, ${v.e164}, ${v.value}::bigint, ${v.digits}::smallint, ${v.state},
             ${v.targetType}, ${v.targetId}, ${v.targetLabel ?? ''}, ${v.createdBy ?? null}::uuid,
             ${v.createdAt.toISOString()}::timestamptz
      ${guard}
      returning *
    ), audit as (
      insert into audit_log (at, actor_id, actor_username, actor_role, company_id, entity, entity_id, action, changes)
      select ${audit.at.toISOString()}::timestamptz, ${audit.actorId}, ${audit.actorUsername}, ${audit.actorRole},
             ins.company_id, 'number', ins.e164, ${audit.action}, ${JSON.stringify(audit.changes)}::jsonb
      from ins
    )
    select * from ins`);
  const row = rowsOf<AssignmentRaw>(result)[0];
  return row ? fromRaw(row) : null;
}

/** Releases an assignment and records it, in one statement; null when there is none. */
export async function releaseAssignmentAudited(
  db: Executor,
  companyId: string,
  assignmentId: string,
  audit: Omit<AuditFields, 'changes' | 'action'>,
): Promise<AssignmentRow | null> {
  const result = await db.execute(sql`
    with rel as (
      update number_assignments set released_at = ${audit.at.toISOString()}::timestamptz
      where company_id = ${companyId} and id = ${assignmentId} and released_at is null
      returning *
    ), audit as (
      insert into audit_log (at, actor_id, actor_username, actor_role, company_id, entity, entity_id, action, changes)
      select ${audit.at.toISOString()}::timestamptz, ${audit.actorId}, ${audit.actorUsername}, ${audit.actorRole},
             rel.company_id, 'number', rel.e164, 'released',
             jsonb_build_object('before', jsonb_build_object('target',
               jsonb_build_object('type', rel.target_type, 'id', rel.target_id, 'label', rel.target_label)))
      from rel
    )
    select * from rel`);
  const row = rowsOf<AssignmentRaw>(result)[0];
  return row ? fromRaw(row) : null;
}
