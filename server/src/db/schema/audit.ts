import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every change: who, when, which entity, a before/after summary (never a secret). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username').notNull(),
    actorRole: text('actor_role').notNull(),
    companyId: uuid('company_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<{ before?: unknown; after?: unknown }>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_company_at_idx').on(t.companyId, t.at),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
  ],
);
