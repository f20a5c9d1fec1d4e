import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies, users } from './accounts.ts';
import { deviceModels } from './catalog.ts';
import { areas, groups } from './org.ts';

/**
 * in_cart: "Auftrag hinzufügen" was clicked; the row holds username, internal number and numbers
 * (so the database keeps them unique) until the cart is ordered or expires (then it is deleted).
 * ordered → active when the activation item ran; deactivated keeps the base data; deleted frees
 * username and internal number but stays for history and billing.
 */
export const WORKPLACE_STATUSES = [
  'in_cart',
  'ordered',
  'active',
  'deactivated',
  'deleted',
] as const;
export type WorkplaceStatus = (typeof WORKPLACE_STATUSES)[number];

export const PASSWORD_DELIVERIES = ['sms', 'email'] as const;
export type PasswordDelivery = (typeof PASSWORD_DELIVERIES)[number];

export const NOMADIC_MODES = ['allowed', 'restricted'] as const;
export type NomadicMode = (typeof NOMADIC_MODES)[number];

export const MOBILE_MODES = ['none', 'integration', 'client'] as const;
export type MobileMode = (typeof MOBILE_MODES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/** Cloud PBX workplaces (seed 001 "Arbeitsplatz einrichten"). */
export const workplaces = pgTable(
  'workplaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    status: text('status', { enum: WORKPLACE_STATUSES }).notNull(),
    // Gruppe/Standort
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    areaId: uuid('area_id').references(() => areas.id),
    language: text('language').notNull().default('de'),
    timeZone: text('time_zone').notNull(),
    // Benutzerdaten (company directory)
    salutation: text('salutation'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    department: text('department'),
    // Benutzeranmeldung
    username: text('username').notNull(),
    authEmail: text('auth_email').notNull(),
    authMobile: text('auth_mobile'),
    passwordDelivery: text('password_delivery', { enum: PASSWORD_DELIVERIES }).notNull(),
    // Rufnummer zuweisen: E.164 numbers; the assignment rows in number_assignments are the truth
    mainNumber: text('main_number').notNull(),
    internalNumber: text('internal_number').notNull(),
    additionalNumbers: jsonb('additional_numbers').$type<string[]>().notNull().default([]),
    nomadic: text('nomadic', { enum: NOMADIC_MODES }).notNull().default('allowed'),
    // Sperrprofil: null = the group's (or the company's standard) profile
    blockingProfileId: uuid('blocking_profile_id'),
    // Mobile Integration
    mobileMode: text('mobile_mode', { enum: MOBILE_MODES }).notNull().default('none'),
    mobileNumber: text('mobile_number'),
    mobileTariff: text('mobile_tariff'),
    mobileCustomerAccount: text('mobile_customer_account'),
    directoryMobile: text('directory_mobile'),
    templateId: uuid('template_id'),
    /** The end-user account (MyPortal), created when the activation runs. */
    userId: uuid('user_id').references(() => users.id),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /** Berlin day from which the workplace may be deleted (activation + 30 days). */
    minimumTermEnd: date('minimum_term_end', { mode: 'string' }),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('workplaces_username_idx')
      .on(sql`lower(${t.username})`)
      .where(sql`${t.status} <> 'deleted'`),
    uniqueIndex('workplaces_internal_number_idx')
      .on(t.companyId, t.internalNumber)
      .where(sql`${t.status} <> 'deleted'`),
    index('workplaces_company_status_idx').on(t.companyId, t.status),
    index('workplaces_group_idx').on(t.groupId),
    index('workplaces_area_idx')
      .on(t.areaId)
      .where(sql`${t.areaId} is not null`),
    check('workplaces_status_check', sql`${t.status} in (${inList(WORKPLACE_STATUSES)})`),
    check(
      'workplaces_delivery_check',
      sql`${t.passwordDelivery} in (${inList(PASSWORD_DELIVERIES)})`,
    ),
    check('workplaces_nomadic_check', sql`${t.nomadic} in (${inList(NOMADIC_MODES)})`),
    check('workplaces_mobile_check', sql`${t.mobileMode} in (${inList(MOBILE_MODES)})`),
  ],
);

/**
 * One row per assigned device (seed 001: "Weisen Sie einem Arbeitsplatz immer genau die Anzahl an
 * Endgeräten zu, die tatsächlich eingesetzt werden"): each gets its own SIP credentials at
 * activation. Removing the row removes the credentials at once.
 */
export const workplaceDevices = pgTable(
  'workplace_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workplaceId: uuid('workplace_id')
      .notNull()
      .references(() => workplaces.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    deviceModelId: uuid('device_model_id')
      .notNull()
      .references(() => deviceModels.id),
    position: integer('position').notNull(),
    macAddress: text('mac_address'),
    sipUsername: text('sip_username'),
    /** MD5(username:realm:password) for the registrar. */
    sipHa1: text('sip_ha1'),
    /** The SIP password encrypted with the configured key, so its user can see it again. */
    sipSecret: text('sip_secret'),
    credentialsIssuedAt: timestamp('credentials_issued_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('workplace_devices_workplace_idx').on(t.workplaceId, t.position),
    // Partial: most devices have no MAC and none has credentials before activation, and every
    // insert of a list import would otherwise write a NULL entry into both (measured ~5 %).
    uniqueIndex('workplace_devices_sip_username_idx')
      .on(t.sipUsername)
      .where(sql`${t.sipUsername} is not null`),
    uniqueIndex('workplace_devices_mac_idx')
      .on(sql`lower(${t.macAddress})`)
      .where(sql`${t.macAddress} is not null`),
  ],
);

/**
 * ordered → active (its minimum term runs) → cancel_ordered (ends at endsOn, at the earliest at
 * the end of the minimum term) → ended.
 */
export const BOOKING_STATUSES = ['ordered', 'active', 'cancel_ordered', 'ended'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Add-ons, mobile options and conference packages booked on a workplace. */
export const workplaceAddons = pgTable(
  'workplace_addons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workplaceId: uuid('workplace_id')
      .notNull()
      .references(() => workplaces.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    productKey: text('product_key').notNull(),
    status: text('status', { enum: BOOKING_STATUSES }).notNull(),
    activeFrom: date('active_from', { mode: 'string' }),
    minimumTermEnd: date('minimum_term_end', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('workplace_addons_live_idx')
      .on(t.workplaceId, t.productKey)
      .where(sql`${t.status} <> 'ended'`),
    index('workplace_addons_company_idx').on(t.companyId, t.productKey, t.status),
    check('workplace_addons_status_check', sql`${t.status} in (${inList(BOOKING_STATUSES)})`),
  ],
);

/** Company-level products (Call Analytics Service Basic). */
export const companyProducts = pgTable(
  'company_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    productKey: text('product_key').notNull(),
    status: text('status', { enum: BOOKING_STATUSES }).notNull(),
    activeFrom: date('active_from', { mode: 'string' }),
    minimumTermEnd: date('minimum_term_end', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('company_products_live_idx')
      .on(t.companyId, t.productKey)
      .where(sql`${t.status} <> 'ended'`),
    check('company_products_status_check', sql`${t.status} in (${inList(BOOKING_STATUSES)})`),
  ],
);

/**
 * Mustervorlagen: exactly what seed 001 lists — group/location, blocking profile, desktop client,
 * add-ons (area goes with the group).
 */
export const workplaceTemplates = pgTable(
  'workplace_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    areaId: uuid('area_id').references(() => areas.id),
    blockingProfileId: uuid('blocking_profile_id'),
    desktopClientModelId: uuid('desktop_client_model_id').references(() => deviceModels.id),
    addons: jsonb('addons').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('workplace_templates_name_idx').on(t.companyId, sql`lower(${t.name})`)],
);

/**
 * The wizard's server-side state: every section as entered, valid or not, so nothing is lost on
 * an error, a reload or a logout. Deleted when its workplace is ordered.
 */
export const workplaceDrafts = pgTable(
  'workplace_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Sections whose "Weiter" passed validation. */
    completed: jsonb('completed').$type<string[]>().notNull().default([]),
    templateId: uuid('template_id'),
    /** Set while the draft's workplace sits in a cart (status in_cart). */
    workplaceId: uuid('workplace_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('workplace_drafts_company_idx').on(t.companyId, t.createdBy)],
);
