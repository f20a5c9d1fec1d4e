import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies, users } from './accounts.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'no_gateway'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Every mail and SMS. Delivery runs as a job; without a gateway a message stays here as
 * "no_gateway" (nicht versendet (kein Gateway)) for the operator to read.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    companyId: uuid('company_id').references(() => companies.id),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    language: text('language').notNull().default('de'),
    subject: text('subject'),
    body: text('body').notNull(),
    /** The body with secrets (codes, passwords) masked; replaces body once delivered. */
    redactedBody: text('redacted_body').notNull(),
    html: text('html'),
    attachments: jsonb('attachments')
      .$type<{ documentId: string; filename: string }[]>()
      .notNull()
      .default([]),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_status_idx').on(t.status, t.createdAt),
    index('outbox_company_idx').on(t.companyId, t.createdAt),
    check('outbox_channel_check', sql`${t.channel} in ('email','sms')`),
    check('outbox_status_check', sql`${t.status} in ('queued','sent','failed','no_gateway')`),
  ],
);

/** Generated documents (welcome letters); content encrypted with the installation secret. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('documents_company_idx').on(t.companyId, t.kind)],
);
