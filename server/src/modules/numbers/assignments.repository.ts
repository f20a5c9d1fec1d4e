// Assignment writes with their audit entry in one statement (the hot path).
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
