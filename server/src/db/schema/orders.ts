import { sql } from 'drizzle-orm';
import {
  bigserial,
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
import { companies, users } from './accounts.ts';
import { sessions } from './auth.ts';

/** One priced line of a cart or order item: a catalogue product and how many units. */
export interface PriceLine {
  productKey: string;
  quantity: number;
  /** Unit price a month after the volume tier (as shown and ordered). */
  unitMonthlyCents: number;
  oneOffCents: number;
  /** The tier's lower bound that applied, null without tiers. */
  tierFrom: number | null;
}

/**
 * The cart (Warenkorb) of seed 003: "Der Warenkorb bleibt nur für die Dauer der aktuellen Sitzung
 * erhalten." Items belong to the login session; they go with logout or the session's end.
 */
export const cartItems = pgTable(
  'cart_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Item type, e.g. workplace.activate; the module that owns it registered it. */
    type: text('type').notNull(),
    /** The thing the item acts on (a workplace id …). */
    subjectId: uuid('subject_id'),
    descriptionDe: text('description_de').notNull(),
    descriptionEn: text('description_en').notNull(),
    /** Berlin day; null = "so schnell wie möglich". */
    activationDate: date('activation_date', { mode: 'string' }),
    /** The earliest day the item may run (a cancellation: end of the minimum term). */
    earliestDate: date('earliest_date', { mode: 'string' }),
    priceLines: jsonb('price_lines').$type<PriceLine[]>().notNull().default([]),
    oneOffCents: integer('one_off_cents').notNull().default(0),
    monthlyCents: integer('monthly_cents').notNull().default(0),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('cart_items_session_idx').on(t.sessionId, t.createdAt),
    index('cart_items_company_idx').on(t.companyId),
  ],
);

export const ORDER_ITEM_STATUSES = [
  'ordered',
  'scheduled',
  'running',
  'done',
  'failed',
  'cancelled',
] as const;
export type OrderItemStatus = (typeof ORDER_ITEM_STATUSES)[number];

const statusList = sql.raw(ORDER_ITEM_STATUSES.map((s) => `'${s}'`).join(','));

/** Orders (Aufträge): what "Kostenpflichtig bestellen" turned a cart into. */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human order number, e.g. A-2026-000042. */
    number: text('number').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    placedBy: uuid('placed_by').references(() => users.id),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    /** Summary of its items' statuses, kept current by the execution. */
    status: text('status', { enum: ORDER_ITEM_STATUSES }).notNull(),
    oneOffCents: integer('one_off_cents').notNull(),
    monthlyCents: integer('monthly_cents').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('orders_number_idx').on(t.number),
    index('orders_company_idx').on(t.companyId, t.placedAt),
    index('orders_status_idx').on(t.status, t.placedAt),
    check('orders_status_check', sql`${t.status} in (${statusList})`),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    position: integer('position').notNull(),
    type: text('type').notNull(),
    subjectId: uuid('subject_id'),
    descriptionDe: text('description_de').notNull(),
    descriptionEn: text('description_en').notNull(),
    activationDate: date('activation_date', { mode: 'string' }),
    /** When the execution job becomes due (start of the activation day in Berlin, or placement). */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    priceLines: jsonb('price_lines').$type<PriceLine[]>().notNull().default([]),
    oneOffCents: integer('one_off_cents').notNull(),
    monthlyCents: integer('monthly_cents').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ORDER_ITEM_STATUSES }).notNull(),
    failureReason: text('failure_reason'),
    attempts: integer('attempts').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('order_items_order_idx').on(t.orderId, t.position),
    index('order_items_company_status_idx').on(t.companyId, t.status),
    index('order_items_subject_idx').on(t.subjectId),
    check('order_items_status_check', sql`${t.status} in (${statusList})`),
  ],
);

/** Step state of an item's workflow: a step recorded done is never invoked again. */
export const orderItemSteps = pgTable(
  'order_item_steps',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => orderItems.id),
    stepId: text('step_id').notNull(),
    status: text('status', { enum: ['done', 'compensated'] }).notNull(),
    output: jsonb('output').$type<Record<string, unknown>>().notNull().default({}),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull(),
    compensatedAt: timestamp('compensated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.stepId] }),
    check('order_item_steps_status_check', sql`${t.status} in ('done','compensated')`),
  ],
);

/**
 * The billing ledger: one row per company, day and chargeable thing (seed 000 Schritt 7: billed
 * per day at the day's maximum). `subject` is '' for company-wide counts.
 */
export const charges = pgTable(
  'charges',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    day: date('day', { mode: 'string' }).notNull(),
    productKey: text('product_key').notNull(),
    subject: text('subject').notNull().default(''),
    /** The day's maximum quantity. */
    quantity: integer('quantity').notNull(),
    unitMonthlyCents: integer('unit_monthly_cents').notNull(),
    /** The day's share: quantity × unit price ÷ days of the month, in cents (rounded). */
    amountCents: integer('amount_cents').notNull(),
    oneOffCents: integer('one_off_cents').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('charges_key_idx').on(t.companyId, t.day, t.productKey, t.subject),
    check('charges_quantity_check', sql`${t.quantity} >= 0`),
  ],
);
