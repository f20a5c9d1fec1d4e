// The end-user account of a workplace (MyPortal's login): created by the activation, locked by
// deactivation, retired by deletion. Only accounts of kind end_user of the company are touched.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';

/** Removes an end-user account that was created by an activation step being compensated. */
export async function deleteEndUser(db: Executor, companyId: string, userId: string) {
  await db
    .delete(users)
    .where(and(eq(users.id, userId), eq(users.companyId, companyId), eq(users.kind, 'end_user')));
}

/** Locks or unlocks the end user's login (deactivation keeps the account). */
export async function setEndUserDisabled(
  db: Executor,
  companyId: string,
  userId: string,
  disabledAt: Date | null,
  now: Date,
) {
  await db
    .update(users)
    .set({ disabledAt, updatedAt: now })
    .where(and(eq(users.id, userId), eq(users.companyId, companyId), eq(users.kind, 'end_user')));
}

/**
 * A deleted workplace's account stays for history but gives its username back ("username …
 * free"): it is renamed to a name no workplace username can have and disabled.
 */
export async function retireEndUser(db: Executor, companyId: string, userId: string, now: Date) {
  await db
    .update(users)
    .set({ username: `~deleted~${userId}`, disabledAt: now, updatedAt: now })
    .where(and(eq(users.id, userId), eq(users.companyId, companyId), eq(users.kind, 'end_user')));
}

/** The end user's contact e-mail follows the workplace's authentication e-mail. */
export async function setEndUserEmail(
  db: Executor,
  companyId: string,
  userId: string,
  email: string,
  now: Date,
) {
  await db
    .update(users)
    .set({ email, updatedAt: now })
    .where(and(eq(users.id, userId), eq(users.companyId, companyId), eq(users.kind, 'end_user')));
}
