import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies, users } from './accounts.ts';

/** Login sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Personal API tokens (Bearer) for scripts; shown once, stored as SHA-256. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters, so the owner can tell tokens apart. */
    tokenPrefix: text('token_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Failed-login counters per account and per address, shared by all app processes. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const CODE_KINDS = [
  'welcome_letter',
  'activation',
  'admin_invite',
  'temporary_password',
] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

/**
 * One-time codes of the admin onboarding: the letter's code, the e-mailed activation code
 * (Freischaltcode) and admin invitations. Stored as HMAC-SHA256 with the installation secret.
 */
export const onboardingCodes = pgTable(
  'onboarding_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: CODE_KINDS }).notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    codeHash: text('code_hash').notNull().unique(),
    /** activation: the account that unlocked; the code only works for it. */
    userId: uuid('user_id').references(() => users.id),
    /** activation: the letter or invitation code it was issued for; both are used together. */
    sourceCodeId: uuid('source_code_id'),
    /** admin_invite: the invited address. */
    email: text('email'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
  },
  (t) => [
    index('onboarding_codes_company_idx').on(t.companyId, t.kind),
    index('onboarding_codes_user_idx').on(t.userId),
    check(
      'onboarding_codes_kind_check',
      sql`${t.kind} in ('welcome_letter','activation','admin_invite','temporary_password')`,
    ),
  ],
);
