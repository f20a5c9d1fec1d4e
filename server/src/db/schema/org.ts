import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies } from './accounts.ts';

/** Which number outgoing calls show, and the display name (Anrufinformationen). */
export interface CallInfo {
  /** 'workplace': the workplace's main number; 'number': a configured number of the company. */
  numberMode: 'workplace' | 'number';
  number: string | null;
  displayName: string | null;
}

/** Groups/locations (Gruppe/Standort); every company has a default group from its contract address. */
export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    shortCode: text('short_code').notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Berlin'),
    /** "Durchwahl Code": dialled before an internal number of this group from another group. */
    dialCode: text('dial_code'),
    isDefault: boolean('is_default').notNull().default(false),
    blockingProfileId: uuid('blocking_profile_id'),
    callInfo: jsonb('call_info').$type<CallInfo>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('groups_company_name_idx').on(t.companyId, sql`lower(${t.name})`),
    uniqueIndex('groups_company_code_idx').on(t.companyId, sql`lower(${t.shortCode})`),
    uniqueIndex('groups_company_dial_code_idx').on(t.companyId, t.dialCode),
    uniqueIndex('groups_default_idx')
      .on(t.companyId)
      .where(sql`${t.isDefault}`),
  ],
);

/** Areas (Bereiche) inside a group, optionally with their own call information. */
export const areas = pgTable(
  'areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    name: text('name').notNull(),
    callInfo: jsonb('call_info').$type<CallInfo>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('areas_group_name_idx').on(t.groupId, sql`lower(${t.name})`),
    index('areas_company_idx').on(t.companyId),
  ],
);

/** Blocking profiles are configured at company level only; one per company is the system profile. */
export const blockingProfiles = pgTable(
  'blocking_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The built-in "Systemsperrprofil": allows everything, cannot be changed or deleted. */
    isSystem: boolean('is_system').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('blocking_profiles_name_idx').on(t.companyId, sql`lower(${t.name})`),
    uniqueIndex('blocking_profiles_system_idx')
      .on(t.companyId)
      .where(sql`${t.isSystem}`),
  ],
);

export const blockingRules = pgTable(
  'blocking_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => blockingProfiles.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['outgoing', 'incoming', 'forwarded'] }).notNull(),
    category: text('category').notNull(),
    prefix: text('prefix'),
    effect: text('effect', { enum: ['bar', 'allow'] }).notNull(),
  },
  (t) => [
    index('blocking_rules_profile_idx').on(t.profileId),
    check(
      'blocking_rules_direction_check',
      sql`${t.direction} in ('outgoing','incoming','forwarded')`,
    ),
    check('blocking_rules_effect_check', sql`${t.effect} in ('bar','allow')`),
  ],
);

/** Company-level settings of the org module: call information and the standard profile. */
export const companySettings = pgTable('company_settings', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  callInfo: jsonb('call_info').$type<CallInfo>(),
  standardBlockingProfileId: uuid('standard_blocking_profile_id'),
});
