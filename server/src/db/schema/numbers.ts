import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies, users } from './accounts.ts';

export const NUMBER_KINDS = ['block', 'single'] as const;
export type NumberKind = (typeof NUMBER_KINDS)[number];

/**
 * The inventory: single numbers (MSN) and DDI blocks, stored as ranges. A block with a million
 * numbers is one row here and ten in number_decades; only assignments add rows.
 */
export const numberBlocks = pgTable(
  'number_blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** The group/location; null = the company's default group (the org issue adds groups). */
    groupId: uuid('group_id'),
    kind: text('kind', { enum: NUMBER_KINDS }).notNull(),
    /** National digits before the extension: area code + base ("891234" for 089 1234). */
    prefix: text('prefix').notNull(),
    areaCodeLength: smallint('area_code_length').notNull(),
    /** Contractual extension length; 0 for a single number. */
    extensionLength: smallint('extension_length').notNull(),
    /** null: current; a date: switched on from that day (new or ported numbers). */
    availableFrom: date('available_from', { mode: 'string' }),
    source: text('source', { enum: ['new', 'ported'] })
      .notNull()
      .default('new'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('number_blocks_company_idx').on(t.companyId, t.prefix),
    index('number_blocks_prefix_idx').on(t.prefix),
    check('number_blocks_prefix_check', sql`${t.prefix} ~ '^[1-9][0-9]{3,12}$'`),
    check(
      'number_blocks_extension_check',
      sql`(${t.kind} = 'single' and ${t.extensionLength} = 0) or (${t.kind} = 'block' and ${t.extensionLength} between 1 and 6)`,
    ),
  ],
);

/** The decades (0x … 9x) a block has, each with its lengthening. */
export const numberDecades = pgTable(
  'number_decades',
  {
    blockId: uuid('block_id')
      .notNull()
      .references(() => numberBlocks.id, { onDelete: 'cascade' }),
    digit: smallint('digit').notNull(),
    extra: smallint('extra').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.blockId, t.digit] }),
    check('number_decades_digit_check', sql`${t.digit} between 0 and 9 and ${t.extra} >= 0`),
  ],
);

export const ASSIGNMENT_STATES = ['reserved', 'assigned'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/**
 * Who holds a number. At most one active row per number, guaranteed by a partial unique index,
 * also under concurrent requests.
 */
export const numberAssignments = pgTable(
  'number_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    blockId: uuid('block_id')
      .notNull()
      .references(() => numberBlocks.id),
    e164: text('e164').notNull(),
    /** The E.164 digits as a number, for range scans within one length. */
    value: bigint('value', { mode: 'number' }).notNull(),
    digits: smallint('digits').notNull(),
    state: text('state', { enum: ASSIGNMENT_STATES }).notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    targetLabel: text('target_label').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('number_assignments_active_idx')
      .on(t.e164)
      .where(sql`${t.releasedAt} is null`),
    index('number_assignments_range_idx')
      .on(t.blockId, t.digits, t.value)
      .where(sql`${t.releasedAt} is null`),
    index('number_assignments_target_idx').on(t.companyId, t.targetType, t.targetId),
  ],
);

/**
 * A counter per company, bumped in the same transaction as every change to its blocks or
 * decades: processes cache the inventory and re-read it only when the counter moved.
 */
export const numberInventoryVersions = pgTable('number_inventory_versions', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
