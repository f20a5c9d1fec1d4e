// Assignment writes with their audit entries in one statement (the hot path): one number for the
// wizard and the API, thousands for the list import, the same SQL.
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import type { numberAssignments } from '../../db/schema/index.ts';
import type { AssignmentRow } from './numbers.repository.ts';

interface AuditFields {
  actorId: string | null;
  actorUsername: string;
  actorRole: string;
  action: string;
  changes: unknown;
  at: Date;
}

/** Who writes the entries and when; what each entry says comes with its assignment. */
export type AuditActorFields = Omit<AuditFields, 'action' | 'changes'>;

export interface NewAssignment {
  values: typeof numberAssignments.$inferInsert;
  /** The number's own audit entry, or null when the caller's entry names the number. */
  audit: { action: string; changes: unknown } | null;
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

const CHUNK = 5000;

/**
 * Inserts assignments of one company and their audit entries, one statement per chunk: atomic
 * without a transaction of its own, and one round trip for a whole list (one JSON parameter,
 * not one per value). Insert only while the company's inventory still has `expectVersion`: the
 * share lock makes a concurrent lengthening/shortening (which bumps the version first) wait.
 * Returns how many were inserted and, unless `returning: false`, the rows: fewer than given
 * means the inventory moved and nothing of that chunk was written.
 */
export async function insertAssignmentsAudited(
  db: Executor,
  companyId: string,
  rows: readonly NewAssignment[],
  actor: AuditActorFields,
  expectVersion: number,
  options: { returning?: boolean } = {},
): Promise<{ inserted: number; rows: AssignmentRow[] }> {
  let inserted = 0;
  const out: AssignmentRow[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = rows.slice(i, i + CHUNK).map(({ values: v, audit }) => ({
      block_id: v.blockId,
      e164: v.e164,
      value: v.value,
      digits: v.digits,
      state: v.state,
      target_type: v.targetType,
      target_id: v.targetId,
      target_label: v.targetLabel ?? '',
      created_by: v.createdBy ?? null,
      created_at: v.createdAt.toISOString(),
      action: audit?.action ?? null,
      changes: audit?.changes ?? null,
    }));
    const audited = json.some((r) => r.action !== null);
    const result = await db.execute(sql`
      with v as (
        select * from json_to_recordset(${JSON.stringify(json)}::json) as v(
          block_id uuid, e164 text, value bigint, digits smallint, state text, target_type text,
          target_id text, target_label text, created_by uuid, created_at timestamptz,
          action text, changes jsonb)
      ), ins as (
        insert into number_assignments
          (company_id, block_id, e164, value, digits, state, target_type, target_id, target_label, created_by, created_at)
        select ${companyId}::uuid, block_id, e164, value, digits, state, target_type, target_id,
               target_label, created_by, created_at
        from v
        where exists (select 1 from number_inventory_versions
                      where company_id = ${companyId} and version = ${expectVersion} for share)
        returning ${audited || options.returning !== false ? sql`*` : sql`1`}
      )${
        audited
          ? sql`, audit as (
        insert into audit_log (at, actor_id, actor_username, actor_role, company_id, entity, entity_id, action, changes)
        select ${actor.at.toISOString()}::timestamptz, ${actor.actorId}, ${actor.actorUsername},
               ${actor.actorRole}, ins.company_id, 'number', ins.e164, v.action, v.changes
        from ins join v on v.e164 = ins.e164
        where v.action is not null
      )`
          : sql``
      }
      ${options.returning === false ? sql`select count(*)::int as n from ins` : sql`select * from ins`}`);
    if (options.returning === false) {
      inserted += rowsOf<{ n: number }>(result)[0]?.n ?? 0;
    } else {
      const got = rowsOf<AssignmentRaw>(result).map(fromRaw);
      inserted += got.length;
      out.push(...got);
    }
  }
  return { inserted, rows: out };
}

/**
 * One assignment and its audit entry (insertAssignmentsAudited for one row); null when the
 * inventory is no longer at `expectVersion`.
 */
export async function insertAssignmentAudited(
  db: Executor,
  v: typeof numberAssignments.$inferInsert,
  audit: AuditFields,
  expectVersion: number,
): Promise<AssignmentRow | null> {
  const { action, changes, ...actor } = audit;
  const { rows } = await insertAssignmentsAudited(
    db,
    v.companyId,
    [{ values: v, audit: { action, changes } }],
    actor,
    expectVersion,
  );
  return rows[0] ?? null;
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

/**
 * Releases many active assignments (each a number held by a target) with their audit entries, in
 * one statement; only those not already in `keepState`. Returns what was released.
 */
export async function releaseHeldAudited(
  db: Executor,
  companyId: string,
  holds: readonly { e164: string; targetType: string; targetId: string }[],
  keepState: 'reserved' | 'assigned' | null,
  audit: Omit<AuditFields, 'changes' | 'action'>,
): Promise<{ e164: string; targetId: string; state: string }[]> {
  if (holds.length === 0) {
    return [];
  }
  const json = JSON.stringify(
    holds.map((h) => ({ e164: h.e164, target_type: h.targetType, target_id: h.targetId })),
  );
  const at = audit.at.toISOString();
  const result = await db.execute(sql`
    with want as (
      select * from jsonb_to_recordset(${json}::jsonb) as w(e164 text, target_type text, target_id text)
    ), rel as (
      update number_assignments a set released_at = ${at}::timestamptz
      from want
      where a.company_id = ${companyId} and a.released_at is null and a.e164 = want.e164
        and a.target_type = want.target_type and a.target_id = want.target_id
        ${keepState ? sql`and a.state <> ${keepState}` : sql``}
      returning a.*
    ), audit as (
      insert into audit_log (at, actor_id, actor_username, actor_role, company_id, entity, entity_id, action, changes)
      select ${at}::timestamptz, ${audit.actorId}, ${audit.actorUsername}, ${audit.actorRole},
             rel.company_id, 'number', rel.e164, 'released',
             jsonb_build_object('before', jsonb_build_object('target',
               jsonb_build_object('type', rel.target_type, 'id', rel.target_id, 'label', rel.target_label)))
      from rel
    )
    select e164, target_id, state from rel`);
  return rowsOf<{ e164: string; target_id: string; state: string }>(result).map((r) => ({
    e164: r.e164,
    targetId: r.target_id,
    state: r.state,
  }));
}

/** The active assignments of many numbers (one JSON parameter instead of one per number). */
export async function activeAssignmentsOf(
  db: Executor,
  e164s: readonly string[],
): Promise<{ e164: string; targetType: string; targetId: string }[]> {
  if (e164s.length === 0) {
    return [];
  }
  const result = await db.execute(sql`
    select e164, target_type, target_id from number_assignments
    where released_at is null
      and e164 in (select jsonb_array_elements_text(${JSON.stringify([...new Set(e164s)])}::jsonb))`);
  return rowsOf<{ e164: string; target_type: string; target_id: string }>(result).map((r) => ({
    e164: r.e164,
    targetType: r.target_type,
    targetId: r.target_id,
  }));
}
