import { customType, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies, users } from './accounts.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * List imports (seed 001 "Einrichtung durch Listenimport") between upload, preview and import:
 * the uploaded file, the state with progress, and the checked rows. In the database, so any app
 * node's job can pick an import up and the user can leave the page and come back. Kept a day.
 */
export const listImports = pgTable(
  'list_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The login session whose cart receives the workplaces (the cart is session-bound). */
    sessionId: uuid('session_id'),
    status: text('status').notNull(),
    fileName: text('file_name').notNull(),
    file: bytea('file').notNull(),
    /** The import's state (progress, problems, summary) as the service keeps it. */
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    /** The checked rows (written once per check; large). */
    rows: jsonb('rows').$type<unknown[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('list_imports_company_user_idx').on(t.companyId, t.userId, t.createdAt),
    index('list_imports_expires_idx').on(t.expiresAt),
  ],
);
