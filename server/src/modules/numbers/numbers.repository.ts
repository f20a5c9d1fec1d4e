import { and, asc, count, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
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

export async function setBlockGroup(db: Executor, blockId: string, groupId: string) {
  await db.update(numberBlocks).set({ groupId }).where(eq(numberBlocks.id, blockId));
}
