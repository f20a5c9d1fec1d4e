import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { loginThrottle } from '../../db/schema/index.ts';
import type { ThrottleState } from './throttle.rules.ts';

export async function readThrottle(
  db: Executor,
  keys: string[],
): Promise<Map<string, ThrottleState>> {
  if (keys.length === 0) {
    return new Map();
  }
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return new Map(rows.map((r) => [r.key, r]));
}

export async function writeThrottle(
  db: Executor,
  key: string,
  state: ThrottleState,
): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ key, ...state })
    .onConflictDoUpdate({ target: loginThrottle.key, set: { ...state } });
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
