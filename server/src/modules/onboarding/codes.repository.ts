import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { onboardingCodes, type CodeKind } from '../../db/schema/index.ts';

export type CodeRow = typeof onboardingCodes.$inferSelect;

export async function insertCode(db: Executor, values: typeof onboardingCodes.$inferInsert) {
  const rows = await db.insert(onboardingCodes).values(values).returning();
  return rows[0]!;
}

/** A code by its hash, locked for the rest of the transaction (two people, one letter). */
export async function findCodeForUpdate(db: Executor, codeHash: string): Promise<CodeRow | null> {
  const rows = await db
    .select()
    .from(onboardingCodes)
    .where(eq(onboardingCodes.codeHash, codeHash))
    .for('update');
  return rows[0] ?? null;
}

export async function findCodeById(db: Executor, id: string): Promise<CodeRow | null> {
  const rows = await db
    .select()
    .from(onboardingCodes)
    .where(eq(onboardingCodes.id, id))
    .for('update');
  return rows[0] ?? null;
}

/** Revokes the open codes of a kind for a company, and the activation codes issued from them. */
export async function revokeOpenCodes(
  db: Executor,
  companyId: string,
  kind: CodeKind,
  now: Date,
): Promise<number> {
  const revoked = await db
    .update(onboardingCodes)
    .set({ revokedAt: now })
    .where(
      and(
        eq(onboardingCodes.companyId, companyId),
        eq(onboardingCodes.kind, kind),
        isNull(onboardingCodes.usedAt),
        isNull(onboardingCodes.revokedAt),
      ),
    )
    .returning({ id: onboardingCodes.id });
  if (revoked.length > 0) {
    await revokeDerived(
      db,
      revoked.map((r) => r.id),
      now,
    );
  }
  return revoked.length;
}

async function revokeDerived(db: Executor, sourceIds: string[], now: Date): Promise<void> {
  await db
    .update(onboardingCodes)
    .set({ revokedAt: now })
    .where(
      and(
        inArray(onboardingCodes.sourceCodeId, sourceIds),
        isNull(onboardingCodes.usedAt),
        isNull(onboardingCodes.revokedAt),
      ),
    );
}

/** Revokes a user's open activation codes (a new one replaces them). */
export async function revokeOpenActivations(
  db: Executor,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .update(onboardingCodes)
    .set({ revokedAt: now })
    .where(
      and(
        eq(onboardingCodes.userId, userId),
        eq(onboardingCodes.kind, 'activation'),
        isNull(onboardingCodes.usedAt),
        isNull(onboardingCodes.revokedAt),
      ),
    );
}

export async function markUsed(db: Executor, ids: string[], now: Date): Promise<void> {
  await db.update(onboardingCodes).set({ usedAt: now }).where(inArray(onboardingCodes.id, ids));
}

export async function countFailed(db: Executor, id: string): Promise<void> {
  await db
    .update(onboardingCodes)
    .set({ failedAttempts: sql`${onboardingCodes.failedAttempts} + 1` })
    .where(eq(onboardingCodes.id, id));
}
