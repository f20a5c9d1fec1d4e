import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { companies, companyAdmins, users, type UserKind } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.username, username.trim().toLowerCase()));
  return rows[0] ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  return rows[0] ?? null;
}

export async function accountEmailTaken(db: Executor, email: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`lower(${users.email}) = ${email.trim().toLowerCase()}`,
        inArray(users.kind, ['operator', 'portal']),
      ),
    );
  return rows.length > 0;
}

export async function insertUser(
  db: Executor,
  values: {
    kind: UserKind;
    username: string;
    email: string | null;
    passwordHash: string | null;
    displayName: string;
    companyId?: string | null;
    language?: string;
    now: Date;
  },
): Promise<UserRow> {
  const rows = await db
    .insert(users)
    .values({
      kind: values.kind,
      username: values.username.trim().toLowerCase(),
      email: values.email?.trim() ?? null,
      passwordHash: values.passwordHash,
      displayName: values.displayName,
      companyId: values.companyId ?? null,
      language: values.language ?? 'de',
      passwordChangedAt: values.passwordHash ? values.now : null,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returning();
  return rows[0]!;
}

/** Many accounts without a password yet (end users at activation); id and username of each. */
export async function insertUsers(
  db: Executor,
  values: readonly {
    kind: UserKind;
    username: string;
    email: string | null;
    displayName: string;
    companyId: string;
    language: string;
    now: Date;
  }[],
): Promise<{ id: string; username: string }[]> {
  if (values.length === 0) {
    return [];
  }
  return db
    .insert(users)
    .values(
      values.map((v) => ({
        kind: v.kind,
        username: v.username.trim().toLowerCase(),
        email: v.email?.trim() ?? null,
        passwordHash: null,
        displayName: v.displayName,
        companyId: v.companyId,
        language: v.language,
        passwordChangedAt: null,
        createdAt: v.now,
        updatedAt: v.now,
      })),
    )
    .returning({ id: users.id, username: users.username });
}

export async function touchLogin(db: Executor, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
}

export interface CompanyRef {
  id: string;
  name: string;
  customerNumber: string;
}

/** Companies an account administers (portal accounts) or belongs to (end users). */
export async function companiesOfUser(db: Executor, user: UserRow): Promise<CompanyRef[]> {
  const columns = {
    id: companies.id,
    name: companies.name,
    customerNumber: companies.customerNumber,
  };
  if (user.kind === 'end_user' && user.companyId) {
    return db.select(columns).from(companies).where(eq(companies.id, user.companyId));
  }
  if (user.kind !== 'portal') {
    return [];
  }
  return db
    .select(columns)
    .from(companyAdmins)
    .innerJoin(companies, eq(companies.id, companyAdmins.companyId))
    .where(eq(companyAdmins.userId, user.id))
    .orderBy(companies.name);
}

export async function addCompanyAdmin(
  db: Executor,
  companyId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(companyAdmins)
    .values({ companyId, userId, createdAt: now })
    .onConflictDoNothing()
    .returning({ userId: companyAdmins.userId });
  return rows.length > 0;
}

export async function removeCompanyAdmin(
  db: Executor,
  companyId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db
    .delete(companyAdmins)
    .where(and(eq(companyAdmins.companyId, companyId), eq(companyAdmins.userId, userId)))
    .returning({ userId: companyAdmins.userId });
  return rows.length > 0;
}

export async function listCompanyAdmins(db: Executor, companyId: string) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
    })
    .from(companyAdmins)
    .innerJoin(users, eq(users.id, companyAdmins.userId))
    .where(and(eq(companyAdmins.companyId, companyId), isNull(users.disabledAt)))
    .orderBy(users.username);
}
