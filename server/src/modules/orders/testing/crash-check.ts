// The invariants of the crash test, checked by the restarted child process right after it opened
// the database (so "after each restart" literally) and by the test at the end.
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { jobs, orderItems, orderItemSteps } from '../../../db/schema/index.ts';
import { EXECUTE_JOB } from '../orders.execution.ts';
import { effectCounts, TEST_STEPS } from './test-item-types.ts';

export interface CrashCheck {
  items: number;
  done: number;
  problems: string[];
}

/**
 * Every item is still there; for every item and step the effect happened exactly as often as the
 * step is recorded done (0 or 1: never twice, never without its record, never a record without
 * it); a done item has all its effects; an item not done still has a job that will finish it;
 * nothing failed and nothing was undone.
 */
export async function checkCrashInvariants(db: Executor): Promise<CrashCheck> {
  const items = await db.select({ id: orderItems.id, status: orderItems.status }).from(orderItems);
  const counts = await effectCounts(db);
  const records = await db.select().from(orderItemSteps);
  const recorded = new Set(
    records.filter((r) => r.status === 'done').map((r) => `${r.itemId}/${r.stepId}`),
  );
  const open = await db
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.kind, EXECUTE_JOB), inArray(jobs.status, ['queued', 'running'])));
  const pending = new Set(open.map((j) => (j.payload as { itemId: string }).itemId));
  const problems: string[] = [];
  let done = 0;
  for (const item of items) {
    const effects = counts.get(item.id) ?? new Map<string, number>();
    if (effects.get('ordered') !== 1) {
      problems.push(`${item.id}: ordered ${effects.get('ordered') ?? 0}×`);
    }
    for (const step of TEST_STEPS) {
      const n = effects.get(`do:${step}`) ?? 0;
      const expected = recorded.has(`${item.id}/${step}`) ? 1 : 0;
      if (n !== expected || (item.status === 'done' && n !== 1)) {
        problems.push(`${item.id} (${item.status}): step ${step} took effect ${n}×`);
      }
      if (effects.has(`undo:${step}`)) {
        problems.push(`${item.id}: step ${step} was compensated`);
      }
    }
    if (item.status === 'done') {
      done++;
    } else if (item.status !== 'ordered' && item.status !== 'running') {
      problems.push(`${item.id}: status ${item.status}`);
    } else if (!pending.has(item.id)) {
      problems.push(`${item.id} (${item.status}) has no job left to finish it`);
    }
  }
  return { items: items.length, done, problems };
}
