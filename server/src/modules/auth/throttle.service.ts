import { sql } from 'drizzle-orm';
import type { AuthDeps } from './auth.service.ts';
import { clearThrottle, readThrottle, writeThrottle } from './throttle.repository.ts';
import { lockRemainingMs, registerFailure, type ThrottlePolicy } from './throttle.rules.ts';

/** Milliseconds until all of the keys may try again (the longest lock wins). */
export async function lockedFor(deps: Pick<AuthDeps, 'database' | 'clock'>, keys: string[]) {
  const states = await readThrottle(deps.database.db, keys);
  const now = deps.clock.now();
  return Math.max(0, ...keys.map((k) => lockRemainingMs(states.get(k) ?? null, now)));
}

/**
 * Counts one failure for each key (serialized per key, so parallel attempts all count) and
 * returns the lock now in force, 0 when none.
 */
export async function failureLocks(
  deps: Pick<AuthDeps, 'database' | 'clock'>,
  entries: { key: string; policy: ThrottlePolicy }[],
): Promise<number> {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    let lock = 0;
    for (const { key, policy } of [...entries].sort((a, b) => a.key.localeCompare(b.key))) {
      await tx.execute(
        sql`insert into login_throttle (key, failures, window_started_at) values (${key}, 0, ${now.toISOString()}::timestamptz) on conflict do nothing`,
      );
      await tx.execute(sql`select key from login_throttle where key = ${key} for update`);
      const state = (await readThrottle(tx, [key])).get(key) ?? null;
      const next = registerFailure(state, now, policy);
      await writeThrottle(tx, key, next);
      lock = Math.max(lock, lockRemainingMs(next, now));
    }
    return lock;
  });
}

export async function resetThrottle(deps: Pick<AuthDeps, 'database'>, key: string): Promise<void> {
  await clearThrottle(deps.database.db, key);
}
