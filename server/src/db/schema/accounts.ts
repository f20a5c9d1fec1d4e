import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** The carrier running this installation: its white-label settings. Exactly one row. */
export const providers = pgTable('providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  productName: text('product_name').notNull(),
  logoUrl: text('logo_url'),
  supportEmail: text('support_email'),
  supportPhone: text('support_phone'),
  helpBaseUrl: text('help_base_url').notNull().default('/hilfe'),
  /** Sender address printed on letters, one line per entry. */
  postalAddress: text('postal_address'),
  /** MyPortal "Hilfe & Downloads": links the operator configures (seed 003). */
  downloads: jsonb('downloads')
    .$type<{ title: string; url: string; description?: string }[]>()
    .notNull()
    .default([]),
  ...timestamps,
});

/** A customer of the provider. */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    name: text('name').notNull(),
    customerNumber: text('customer_number').notNull().unique(),
    /** Where the welcome letter also goes by e-mail, when set. */
    contactEmail: text('contact_email'),
    ...timestamps,
  },
  (t) => [index('companies_name_idx').on(sql`lower(${t.name})`)],
);

export const CONTRACT_STATUSES = ['active', 'ordered'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** What a company has booked. One contract per company. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .unique()
      .references(() => companies.id),
    status: text('status', { enum: CONTRACT_STATUSES }).notNull().default('ordered'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull().default('DE'),
    products: jsonb('products').$type<string[]>().notNull().default([]),
    workplaceQuota: integer('workplace_quota').notNull().default(0),
    parallelCalls: integer('parallel_calls').notNull().default(0),
    partnerLicences: jsonb('partner_licences')
      .$type<Record<string, number>>()
      .notNull()
      .default({}),
    ...timestamps,
  },
  (t) => [
    check('contracts_status_check', sql`${t.status} in ('active','ordered')`),
    check('contracts_quota_check', sql`${t.workplaceQuota} >= 0 and ${t.parallelCalls} >= 0`),
  ],
);

export const USER_KINDS = ['operator', 'portal', 'end_user'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/**
 * Every account: operators (the provider's staff), service-portal accounts (company admins by
 * membership in company_admins) and end users (workplace users of one company).
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: USER_KINDS }).notNull(),
    /** Stored lower-case; unique across all accounts. */
    username: text('username').notNull(),
    email: text('email'),
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull().default(''),
    companyId: uuid('company_id').references(() => companies.id),
    language: text('language').notNull().default('de'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_username_idx').on(t.username),
    uniqueIndex('users_account_email_idx')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.kind} in ('operator','portal')`),
    index('users_company_idx').on(t.companyId),
    check('users_kind_check', sql`${t.kind} in ('operator','portal','end_user')`),
    check(
      'users_end_user_company_check',
      sql`(${t.kind} = 'end_user') = (${t.companyId} is not null)`,
    ),
  ],
);

/** Which service-portal accounts administer which company. */
export const companyAdmins = pgTable(
  'company_admins',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.userId] }),
    index('company_admins_user_idx').on(t.userId),
  ],
);
