import type { Executor } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';

export interface AuditActor {
  userId: string | null;
  username: string;
  role: string;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system', role: 'system' };

// Exact names for short words, so that shortCode or dialCode are not taken for secrets.
const SECRET_KEY = /pass(word)?|secret|token|hash|^ha1$|^pin$|^code$/i;

/** A copy of a value with every secret-looking field masked, for the audit log. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutSecrets);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? '[redacted]' : withoutSecrets(v),
      ]),
    );
  }
  return value;
}

/** Only the fields that changed, before and after. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export interface AuditEntry {
  actor: AuditActor;
  companyId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  at: Date;
  requestId?: string | null;
}

/** Records many changes in the caller's transaction, in one statement. */
export async function recordAudits(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await db.insert(auditLog).values(entries.map(auditRow));
}

function auditRow(entry: AuditEntry): typeof auditLog.$inferInsert {
  const changes: { before?: unknown; after?: unknown } = {};
  if (entry.before !== undefined) {
    changes.before = withoutSecrets(entry.before);
  }
  if (entry.after !== undefined) {
    changes.after = withoutSecrets(entry.after);
  }
  return {
    at: entry.at,
    actorId: entry.actor.userId,
    actorUsername: entry.actor.username,
    actorRole: entry.actor.role,
    companyId: entry.companyId,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    changes,
    requestId: entry.requestId ?? null,
  };
}

/** Records a change in the caller's transaction. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditRow(entry));
}
