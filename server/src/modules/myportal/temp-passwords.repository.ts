// Temporary passwords of MyPortal's first login. They live in onboarding_codes (one-time codes
// with hash, expiry, use, revocation and a failure counter) under a kind of their own, always
// with the end user's id (the admin onboarding looks codes up by an HMAC, these hold argon2id).
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { onboardingCodes, type CodeKind } from '../../db/schema/index.ts';

export const TEMP_PASSWORD_KIND: CodeKind = 'temporary_password';

export type TempPasswordRow = typeof onboardingCodes.$inferSelect;

export async function insertTempPassword(
  db: Executor,
  values: {
    companyId: string;
    userId: string;
    hash: string;
    createdBy: string | null;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<TempPasswordRow> {
  const rows = await db
    .insert(onboardingCodes)
    .values({
      kind: TEMP_PASSWORD_KIND,
      companyId: values.companyId,
      userId: values.userId,
      codeHash: values.hash,
      createdBy: values.createdBy,
      createdAt: values.createdAt,
      expiresAt: values.expiresAt,
    })
    .returning();
  return rows[0]!;
}

/** Revokes every temporary password of the account that is not spent yet (and its ticket). */
export async function revokeTempPasswords(db: Executor, userId: string, now: Date) {
  await db
    .update(onboardingCodes)
    .set({ revokedAt: now })
    .where(
      and(
        eq(onboardingCodes.userId, userId),
        eq(onboardingCodes.kind, TEMP_PASSWORD_KIND),
        isNull(onboardingCodes.revokedAt),
      ),
    );
}

/** The newest unused, unrevoked, unexpired temporary password of the account. */
export async function openTempPassword(
  db: Executor,
  userId: string,
  now: Date,
): Promise<TempPasswordRow | null> {
  const rows = await db
    .select()
    .from(onboardingCodes)
    .where(
      and(
        eq(onboardingCodes.userId, userId),
        eq(onboardingCodes.kind, TEMP_PASSWORD_KIND),
        isNull(onboardingCodes.usedAt),
        isNull(onboardingCodes.revokedAt),
        gt(onboardingCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(onboardingCodes.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockTempPassword(db: Executor, id: string): Promise<TempPasswordRow | null> {
  const rows = await db
    .select()
    .from(onboardingCodes)
    .where(and(eq(onboardingCodes.id, id), eq(onboardingCodes.kind, TEMP_PASSWORD_KIND)))
    .for('update');
  return rows[0] ?? null;
}

export async function markTempPasswordUsed(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(onboardingCodes).set({ usedAt: now }).where(eq(onboardingCodes.id, id));
}

export async function markTempPasswordRevoked(db: Executor, id: string, now: Date) {
  await db.update(onboardingCodes).set({ revokedAt: now }).where(eq(onboardingCodes.id, id));
}

/** Counts a wrong entry; returns the failures so far. */
export async function countTempPasswordFailure(db: Executor, id: string): Promise<number> {
  const rows = await db
    .update(onboardingCodes)
    .set({ failedAttempts: sql`${onboardingCodes.failedAttempts} + 1` })
    .where(eq(onboardingCodes.id, id))
    .returning({ failed: onboardingCodes.failedAttempts });
  return rows[0]?.failed ?? 0;
}
