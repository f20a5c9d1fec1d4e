import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const timestamps = {
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
  ...timestamps,
});

/** A customer of the provider. */
export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  providerId: uuid('provider_id')
    .notNull()
    .references(() => providers.id),
  name: text('name').notNull(),
  customerNumber: text('customer_number').notNull().unique(),
  ...timestamps,
});

export const CONTRACT_STATUSES = ['active', 'ordered'] as const;

/** What a company has booked; the accounts issue extends it. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
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
