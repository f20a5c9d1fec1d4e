// The batch execution (execution.batch.ts): several due items of an order in one transaction,
// with the same exactly-once guarantee as one item at a time (issue 6 point 3).
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobs, orderItems, orders } from '../../db/schema/index.ts';
import type { BatchJob } from '../../platform/jobs/runner.ts';
import { call, login, type Session } from '../../test/api-client.ts';
import type { TestApp } from '../../test/test-app.ts';
import { DuplicateRunError } from './execution.context.ts';
import { executeOrderItemsBatch } from './execution.batch.ts';
import { EXECUTE_JOB } from './orders.execution.ts';
import { addTestItem, createOrdersTestApp } from './testing/orders-fixture.ts';
import {
  effectCounts,
  effectsOf,
  failures,
  invocations,
  type TestPayload,
} from './testing/test-item-types.ts';

let t: TestApp;
let companyId: string;
let admin: Session;

beforeAll(async () => {
  ({ t, companyId } = await createOrdersTestApp());
});
afterAll(() => t.close());
beforeEach(async () => {
  failures.enabled = true;
  admin = await login(t.app, 'demo-admin');
});

const db = () => t.ctx.database.db;

async function placeOrder(payloads: TestPayload[]): Promise<{ id: string; items: string[] }> {
  for (const payload of payloads) {
    await addTestItem(t, admin, companyId, { payload });
    t.clock.advance(1);
  }
  const token = (await call(t.app, 'GET', '/api/v1/cart', { session: admin })).json().priceToken;
  const res = await call(t.app, 'POST', '/api/v1/cart/order', {
    session: admin,
    body: { priceToken: token },
  });
  expect(res.statusCode, res.body).toBe(201);
  const order = res.json().orders[0];
  return { id: order.id, items: order.items.map((i: { id: string }) => i.id) };
}

/** The execution jobs of the items, as the runner would hand them to the batch handler. */
async function jobsOf(itemIds: string[]): Promise<BatchJob[]> {
  const rows = await db().select().from(jobs).where(eq(jobs.kind, EXECUTE_JOB));
  return rows
    .filter((j) => itemIds.includes((j.payload as { itemId: string }).itemId))
    .map((j) => ({ id: j.id, payload: j.payload, attempt: 1, maxAttempts: j.maxAttempts }));
}

const statusesOf = async (itemIds: string[]) => {
  const rows = await db()
    .select({ id: orderItems.id, status: orderItems.status })
    .from(orderItems)
    .where(inArray(orderItems.id, itemIds));
  const byId = new Map(rows.map((r) => [r.id, r.status]));
  return itemIds.map((id) => byId.get(id));
};

describe('batch execution', () => {
  it('runs the due items of an order together: every step once, jobs done, order done', async () => {
    const order = await placeOrder([{}, {}, {}, {}, {}, {}]);
    await t.ctx.jobs.drain();
    expect(await statusesOf(order.items)).toEqual(Array(6).fill('done'));
    const counts = await effectCounts(db());
    for (const id of order.items) {
      // Invoked once each: the batch did the work (the single path would not run them again).
      expect(['one', 'two', 'three'].map((s) => invocations.get(`${id}/${s}`))).toEqual([1, 1, 1]);
      expect(Object.fromEntries(counts.get(id)!)).toEqual({
        ordered: 1,
        'do:one': 1,
        'do:two': 1,
        'do:three': 1,
      });
    }
    const [row] = await db().select().from(orders).where(eq(orders.id, order.id));
    expect(row!.status).toBe('done');
    const own = (await db().select().from(jobs).where(eq(jobs.kind, EXECUTE_JOB))).filter((j) =>
      order.items.includes((j.payload as { itemId: string }).itemId),
    );
    expect(own.map((j) => [j.status, j.attempts])).toEqual(Array(6).fill(['done', 1]));
  });

  it('one failing item rolls the batch back: the others run once on their own, it compensates', async () => {
    const order = await placeOrder([{}, { failAt: 'two', permanent: true }, {}, {}]);
    await t.ctx.jobs.drain();
    const [good1, bad, good2, good3] = order.items as [string, string, string, string];
    expect(await statusesOf(order.items)).toEqual(['done', 'failed', 'done', 'done']);
    for (const id of [good1, good2, good3]) {
      expect(await effectsOf(db(), id)).toEqual(['ordered', 'do:one', 'do:two', 'do:three']);
    }
    // The batch ran the items in order up to the failure (rolled back), then each ran on its own.
    expect([good1, good2, good3].map((id) => invocations.get(`${id}/three`))).toEqual([2, 1, 1]);
    expect(await effectsOf(db(), bad)).toEqual(['ordered', 'do:one', 'undo:one']);
    const [row] = await db().select().from(orders).where(eq(orders.id, order.id));
    expect(row!.status).toBe('failed');
  });

  it('a lost lease rolls the whole batch back (nothing applied, nothing recorded)', async () => {
    const runner = t.ctx.jobs;
    const order = await placeOrder([{}, {}, {}]);
    const batch = await jobsOf(order.items);
    await expect(
      executeOrderItemsBatch(t.ctx, batch, {
        database: t.ctx.database,
        clock: t.clock,
        logger: t.app.log as never,
        complete: () => Promise.resolve(batch.length - 1),
      }),
    ).rejects.toBeInstanceOf(DuplicateRunError);
    expect(await statusesOf(order.items)).toEqual(['ordered', 'ordered', 'ordered']);
    for (const id of order.items) {
      expect(await effectsOf(db(), id)).toEqual(['ordered']);
    }
    await runner.drain();
    for (const id of order.items) {
      expect(await effectsOf(db(), id)).toEqual(['ordered', 'do:one', 'do:two', 'do:three']);
    }
  });

  it('leaves items that already ran (an attempt, a status) to the single path', async () => {
    const order = await placeOrder([{}, {}, {}]);
    const [first, second, third] = order.items as [string, string, string];
    await db().update(orderItems).set({ attempts: 1 }).where(eq(orderItems.id, first));
    await db().update(orderItems).set({ status: 'cancelled' }).where(eq(orderItems.id, second));
    const batch = await jobsOf(order.items);
    const completed: number[][] = [];
    const finished = await executeOrderItemsBatch(t.ctx, batch, {
      database: t.ctx.database,
      clock: t.clock,
      logger: t.app.log as never,
      complete: (_tx, ids) => {
        completed.push([...ids]);
        return Promise.resolve(ids.length);
      },
    });
    // One runnable item is no batch: nothing done here, all three go the single way.
    expect(finished.size).toBe(0);
    expect(completed).toEqual([]);
    expect(await statusesOf([third])).toEqual(['ordered']);
    await t.ctx.jobs.drain();
    expect(await statusesOf(order.items)).toEqual(['done', 'cancelled', 'done']);
  });
});
