import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies } from './accounts.ts';
import type { DependencyRule } from '../../../../common/src/rules/addons.ts';
import type { PriceTier } from '../../../../common/src/rules/pricing.ts';

// The catalogue belongs to the installation (the carrier), not to a company: no company_id here.

export const PRODUCT_KINDS = [
  'workplace',
  'trunk_workplace',
  'sip_trunk',
  'parallel_calls',
  'partner_product',
  'add_on',
  'company_add_on',
  'mobile',
  'conference_package',
  'device_profile',
] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/**
 * Products, add-ons and packages with prices and dependency rules as data, so the operator can
 * change them without a release. `key` is the stable name other modules and orders refer to.
 */
export const catalogProducts = pgTable(
  'catalog_products',
  {
    key: text('key').primaryKey(),
    kind: text('kind', { enum: PRODUCT_KINDS }).notNull(),
    nameDe: text('name_de').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionDe: text('description_de').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    oneOffCents: integer('one_off_cents').notNull().default(0),
    /** Base price per unit and month ("Basispreis"); with tiers it equals the first tier's. */
    monthlyCents: integer('monthly_cents').notNull(),
    /** Unit price by the company's total count, ascending from 1; [] = always monthlyCents. */
    tiers: jsonb('tiers').$type<PriceTier[]>().notNull().default([]),
    minimumTermDays: integer('minimum_term_days').notNull().default(30),
    requires: jsonb('requires').$type<DependencyRule[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('catalog_products_kind_idx').on(t.kind, t.sortOrder),
    check(
      'catalog_products_kind_check',
      sql`${t.kind} in (${sql.raw(PRODUCT_KINDS.map((k) => `'${k}'`).join(','))})`,
    ),
    check('catalog_products_key_check', sql`${t.key} ~ '^[a-z][a-z0-9_]{1,59}$'`),
    check('catalog_products_cents_check', sql`${t.oneOffCents} >= 0 and ${t.monthlyCents} >= 0`),
    check('catalog_products_term_check', sql`${t.minimumTermDays} >= 0`),
  ],
);

export const PROVISIONING_KINDS = ['desk_phone', 'softclient', 'generic'] as const;
export type ProvisioningKind = (typeof PROVISIONING_KINDS)[number];

/**
 * The device catalogue of seed 001 "Endgeräte zuweisen": category → manufacturer → series →
 * model, one row per model with its path, because operators add and rename models, and the tree
 * is only how the picker groups them. Telekom profiles and "Weitere" have no manufacturer.
 */
export const deviceModels = pgTable(
  'device_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable name for templates and list imports (renaming keeps it). */
    key: text('key').notNull(),
    category: text('category').notNull(),
    manufacturer: text('manufacturer'),
    series: text('series'),
    name: text('name').notNull(),
    /** desk_phone: fetches its configuration by MAC; softclient: logs in with user credentials. */
    provisioning: text('provisioning', { enum: PROVISIONING_KINDS }).notNull(),
    /** Shown only with "Erweiterte Endgeräte Profile anzeigen" (Leiter, Assistent, Agent). */
    extended: boolean('extended').notNull().default(false),
    /** The workplace needs one of these add-ons for this profile (Leiter → Assistenzfunktion). */
    requiresAnyOf: jsonb('requires_any_of').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('device_models_key_idx').on(t.key),
    uniqueIndex('device_models_path_name_idx').on(
      sql`lower(${t.category})`,
      sql`lower(coalesce(${t.manufacturer}, ''))`,
      sql`lower(coalesce(${t.series}, ''))`,
      sql`lower(${t.name})`,
    ),
    index('device_models_order_idx').on(t.sortOrder),
    check(
      'device_models_provisioning_check',
      sql`${t.provisioning} in (${sql.raw(PROVISIONING_KINDS.map((k) => `'${k}'`).join(','))})`,
    ),
  ],
);

export const TARIFF_SEGMENTS = ['business', 'consumer'] as const;
export type TariffSegment = (typeof TARIFF_SEGMENTS)[number];

/**
 * Mobile tariffs eligible for mobile integration (seed 001, "CPBX_berechtigte_Mobilfunktarife"):
 * business framework contracts and suitable consumer contracts. Replaced as a whole by operators.
 */
export const mobileTariffs = pgTable(
  'mobile_tariffs',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    segment: text('segment', { enum: TARIFF_SEGMENTS }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('mobile_tariffs_name_idx').on(sql`lower(${t.name})`),
    check('mobile_tariffs_segment_check', sql`${t.segment} in ('business','consumer')`),
  ],
);

/**
 * The company's mobile framework contract (Rahmenvertrag, seed 001 "MagentaEINS Business
 * Integration"): its mobile numbers or number ranges (national digits without 0, a prefix) with
 * their tariff. Operators maintain it; numbers in it need no customer account number.
 */
export const companyMobileFramework = pgTable(
  'company_mobile_framework',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    prefix: text('prefix').notNull(),
    tariffKey: text('tariff_key')
      .notNull()
      .references(() => mobileTariffs.key),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('company_mobile_framework_prefix_idx').on(t.companyId, t.prefix),
    check('company_mobile_framework_prefix_check', sql`${t.prefix} ~ '^1[5-7][0-9]{1,10}$'`),
  ],
);
