import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catalogProducts, orderItems, orderItemSteps, outbox } from '../../db/schema/index.ts';
import { claimJobs } from '../../platform/jobs/job.repository.ts';
import { call, login, newCompanyBody, type Session } from '../../test/api-client.ts';
import type { TestApp } from '../../test/test-app.ts';
import { EXECUTE_JOB } from './orders.execution.ts';
import { berlinDay } from './orders.rules.ts';
import { addTestItem, createOrdersTestApp } from './testing/orders-fixture.ts';
import {
  effectsOf,
  failures,
  invocations,
  TEST_STEPWISE_TYPE,
  type TestPayload,
} from './testing/test-item-types.ts';

let t: TestApp;
let companyId: string;
let admin: Session;
let operator: Session;

beforeAll(async () => {
  ({ t, companyId } = await createOrdersTestApp());
});
afterAll(() => t.close());
/** New sessions: moving the clock by hours or days ends the old ones. */
async function fresh() {
  admin = await login(t.app, 'demo-admin');
  operator = await login(t.app, 'operator');
}
beforeEach(async () => {
  failures.enabled = true;
  await fresh();
});

type Spec = { type?: string; activationDate?: string | null; payload?: TestPayload };
interface OrderJson {
  id: string;
  number: string;
  status: string;
  items: { id: string; status: string; failureReason: string | null; cancellable: boolean }[];
}

const day = (offsetDays: number) =>
  berlinDay(new Date(t.clock.now().getTime() + offsetDays * 86_400_000));
const db = () => t.ctx.database.db;
const api = (method: 'GET' | 'POST', url: string, session = admin, body?: unknown) =>
  call(t.app, method, url, { session, ...(body === undefined ? {} : { body }) });
const orderUrl = (orderId: string, cid = companyId) => `/api/v1/companies/${cid}/orders/${orderId}`;
const getOrder = async (orderId: string): Promise<OrderJson> =>
  (await api('GET', orderUrl(orderId))).json();

async function placeOrder(specs: Spec[], session = admin, cid = companyId): Promise<OrderJson> {
  for (const spec of specs) {
    await addTestItem(t, session, cid, spec);
    t.clock.advance(1); // keeps the cart's order stable
  }
  const token = (await api('GET', '/api/v1/cart', session)).json().priceToken;
  const res = await api('POST', '/api/v1/cart/order', session, { priceToken: token });
  if (res.statusCode !== 201) {
    throw new Error(`order failed: ${res.statusCode} ${res.body}`);
  }
  return res.json().orders[0];
}

async function setWorkplacePrice(monthlyCents: number) {
  await db()
    .update(catalogProducts)
    .set({ monthlyCents, tiers: [{ from: 1, monthlyCents }] })
    .where(eq(catalogProducts.key, 'cloud_pbx_workplace'));
}

const stepsOf = (itemId: string) =>
  db().select().from(orderItemSteps).where(eq(orderItemSteps.itemId, itemId));

describe('placing the cart ("Kostenpflichtig bestellen")', () => {
  it('turns the cart into an order with the prices shown, and mails the admin', async () => {
    const order = await placeOrder([{}, { activationDate: day(3) }]);
    expect(order.number).toMatch(/^A-2026-\d{6}$/);
    expect(order).toMatchObject({
      companyId,
      companyName: 'Muster Handels GmbH',
      status: 'ordered',
      monthlyCents: 2 * 1290,
    });
    expect(order.items.map((i) => [i.status, i.cancellable])).toEqual([
      ['ordered', true],
      ['scheduled', true],
    ]);
    expect((await api('GET', '/api/v1/cart')).json().count).toBe(0);
    for (const item of order.items) {
      expect(await effectsOf(db(), item.id)).toEqual(['ordered']);
    }
    const [mail] = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.template, 'order_confirmation'))
      .orderBy(desc(outbox.createdAt));
    expect(mail).toMatchObject({
      recipient: 'it@muster-handels.example',
      subject: `Ihre Bestellung ${order.number}`,
      companyId,
    });
    expect(mail!.body).toContain(
      '1. Testposition – so schnell wie möglich – einmalig 0,00 €, monatlich 12,90 €',
    );
    expect(mail!.body).toContain(`2. Testposition – zum ${day(3).split('-').reverse().join('.')}`);
    expect(mail!.body).toContain('Monatlich: 25,80 €');
    const empty = await api('POST', '/api/v1/cart/order', admin, { priceToken: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('cart_empty');
  });

  it('keeps the ordered prices when the catalogue price changes afterwards', async () => {
    const order = await placeOrder([{}]);
    await setWorkplacePrice(1990);
    try {
      const after = await getOrder(order.id);
      expect(after.items[0]).toMatchObject({ monthlyCents: 1290 });
      expect((after.items[0] as unknown as { lines: unknown[] }).lines[0]).toMatchObject({
        unitMonthlyCents: 1290,
      });
    } finally {
      await setWorkplacePrice(1290);
    }
  });

  it('refuses a stale price token with 409 prices_changed and the new cart', async () => {
    await addTestItem(t, admin, companyId);
    const shown = (await api('GET', '/api/v1/cart')).json();
    await setWorkplacePrice(1490);
    try {
      const stale = await api('POST', '/api/v1/cart/order', admin, {
        priceToken: shown.priceToken,
      });
      expect(stale.statusCode).toBe(409);
      const { error } = stale.json();
      expect(error.code).toBe('prices_changed');
      expect(error.details.cart.items[0].monthlyCents).toBe(1490);
      expect(error.details.cart.priceToken).not.toBe(shown.priceToken);
      const again = await api('POST', '/api/v1/cart/order', admin, {
        priceToken: error.details.cart.priceToken,
      });
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json().orders[0].monthlyCents).toBe(1490);
    } finally {
      await setWorkplacePrice(1290);
    }
  });
});

describe('execution on or after the activation date (injected clock)', () => {
  it('runs a future item only when its day has come in Berlin', async () => {
    const date = day(2);
    const order = await placeOrder([{ activationDate: date }]);
    const itemId = order.items[0]!.id;
    await t.ctx.jobs.drain();
    expect((await getOrder(order.id)).status).toBe('scheduled');
    t.clock.set(new Date(new Date(`${date}T00:00:00+01:00`).getTime() - 60_000));
    await t.ctx.jobs.drain();
    expect(await effectsOf(db(), itemId)).toEqual(['ordered']);
    t.clock.advance(60_000);
    await t.ctx.jobs.drain();
    await fresh();
    const done = await getOrder(order.id);
    expect(done.status).toBe('done');
    expect(done.items[0]).toMatchObject({ status: 'done', cancellable: false });
    expect(await effectsOf(db(), itemId)).toEqual(['ordered', 'do:one', 'do:two', 'do:three']);
  });

  it('finishes an item a dead worker left running, without repeating its finished step', async () => {
    const order = await placeOrder([{}]);
    const itemId = order.items[0]!.id;
    // A worker claims the job, runs step one, and dies (its lease is one minute).
    await claimJobs(db(), {
      workerId: 'dead-worker',
      limit: 100,
      now: t.clock.now(),
      leaseMs: 60_000,
      kinds: [EXECUTE_JOB],
    });
    await t.ctx.database.transaction(async (tx) => {
      await tx
        .update(orderItems)
        .set({ status: 'running', attempts: 1 })
        .where(eq(orderItems.id, itemId));
      await tx
        .insert(orderItemSteps)
        .values({ itemId, stepId: 'one', status: 'done', doneAt: t.clock.now() });
      const { recordAudit } = await import('../../platform/audit.ts');
      await recordAudit(tx, {
        actor: { userId: null, username: 'system', role: 'system' },
        companyId,
        entity: 'order_test_effect',
        entityId: itemId,
        action: 'do:one',
        at: t.clock.now(),
      });
    });
    await t.ctx.jobs.drain();
    expect((await getOrder(order.id)).items[0]!.status).toBe('running');
    t.clock.advance(61_000);
    await t.ctx.jobs.drain();
    expect((await getOrder(order.id)).items[0]!.status).toBe('done');
    expect(await effectsOf(db(), itemId)).toEqual(['ordered', 'do:one', 'do:two', 'do:three']);
  });
});

describe('cancellation until the execution starts', () => {
  it('cancels one item, then the rest of the order; the reservations are given back', async () => {
    const order = await placeOrder([{ activationDate: day(5) }, { activationDate: day(6) }]);
    const [first, second] = order.items;
    const one = await api('POST', `${orderUrl(order.id)}/items/${first!.id}/cancel`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().items.map((i: { status: string }) => i.status)).toEqual([
      'cancelled',
      'scheduled',
    ]);
    expect(one.json().status).toBe('scheduled');
    const all = await api('POST', `${orderUrl(order.id)}/cancel`);
    expect(all.json()).toMatchObject({ status: 'cancelled' });
    expect(await effectsOf(db(), first!.id)).toEqual(['ordered']);
    const again = await api('POST', `${orderUrl(order.id)}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('order_not_cancellable');
    // Their day comes: nothing happens.
    t.clock.advance(7 * 86_400_000);
    await t.ctx.jobs.drain();
    await fresh();
    expect(await effectsOf(db(), second!.id)).toEqual(['ordered']);
  });

  it('refuses once an item is running or done', async () => {
    const order = await placeOrder([{ payload: { failAt: 'two' } }, {}]);
    await t.ctx.jobs.drain();
    const state = await getOrder(order.id);
    expect(state.items.map((i) => [i.status, i.cancellable])).toEqual([
      ['running', false],
      ['done', false],
    ]);
    expect(state.items[0]!.failureReason).toContain('Testfehler in Schritt two');
    for (const item of state.items) {
      const res = await api('POST', `${orderUrl(order.id)}/items/${item.id}/cancel`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('order_item_not_cancellable');
    }
    expect((await api('POST', `${orderUrl(order.id)}/cancel`)).statusCode).toBe(409);
  });
});

describe('a step that finally fails', () => {
  it('compensates the two finished steps in reverse and marks the item failed with the reason', async () => {
    const order = await placeOrder([{ payload: { failAt: 'three', permanent: true } }]);
    const itemId = order.items[0]!.id;
    await t.ctx.jobs.drain();
    const failed = await getOrder(order.id);
    expect(failed.status).toBe('failed');
    expect(failed.items[0]).toMatchObject({
      status: 'failed',
      failureReason: 'Schritt „three“ fehlgeschlagen: Testfehler in Schritt three',
    });
    expect(await effectsOf(db(), itemId)).toEqual([
      'ordered',
      'do:one',
      'do:two',
      'undo:two',
      'undo:one',
    ]);
    const steps = await stepsOf(itemId);
    expect(steps.map((s) => [s.stepId, s.status]).sort()).toEqual([
      ['one', 'compensated'],
      ['two', 'compensated'],
    ]);
  });

  it('runs the steps of a stepByStep type one transaction each: a failure never repeats a finished step', async () => {
    const order = await placeOrder([
      { payload: { failAt: 'three', permanent: true } },
      { type: TEST_STEPWISE_TYPE, payload: { failAt: 'three', permanent: true } },
    ]);
    await t.ctx.jobs.drain();
    const [atOnce, stepwise] = (await getOrder(order.id)).items;
    for (const item of [atOnce!, stepwise!]) {
      expect(item.status).toBe('failed');
      expect(await effectsOf(db(), item.id)).toEqual([
        'ordered',
        'do:one',
        'do:two',
        'undo:two',
        'undo:one',
      ]);
    }
    // All steps in one transaction first: rolled back, then step by step (effects once, above).
    expect(invocations.get(`${atOnce!.id}/one`)).toBe(2);
    expect(invocations.get(`${stepwise!.id}/one`)).toBe(1);
  });

  it('retries with backoff, never repeating a finished step, and compensates after the last attempt', async () => {
    const order = await placeOrder([{ payload: { failAt: 'two' } }]);
    const itemId = order.items[0]!.id;
    for (let round = 0; round < 6; round++) {
      await t.ctx.jobs.drain();
      t.clock.advance(20 * 60_000);
    }
    await fresh();
    const failed = await getOrder(order.id);
    expect(failed.items[0]).toMatchObject({ status: 'failed', attempts: 5 });
    expect(await effectsOf(db(), itemId)).toEqual(['ordered', 'do:one', 'undo:one']);
  });

  it('runs again from its first step not done when an operator retries it', async () => {
    const order = await placeOrder([{ payload: { failAt: 'three', permanent: true } }]);
    const itemId = order.items[0]!.id;
    await t.ctx.jobs.drain();
    const retryUrl = `/api/v1/orders/${order.id}/items/${itemId}/retry`;
    expect((await api('POST', retryUrl, admin)).statusCode).toBe(403);
    failures.enabled = false;
    const retried = await api('POST', retryUrl, operator);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().items[0]).toMatchObject({ status: 'ordered', failureReason: null });
    await t.ctx.jobs.drain();
    expect((await getOrder(order.id)).items[0]!.status).toBe('done');
    expect(await effectsOf(db(), itemId)).toEqual([
      'ordered',
      'do:one',
      'do:two',
      'undo:two',
      'undo:one',
      'do:one',
      'do:two',
      'do:three',
    ]);
    expect((await api('POST', retryUrl, operator)).json().error.code).toBe('order_item_not_failed');
  });
});

describe('order lists and tenancy', () => {
  it('lists the company orders with filters; operators see all companies', async () => {
    const created = await call(t.app, 'POST', '/api/v1/companies', {
      session: operator,
      body: newCompanyBody('6001'),
    });
    const otherId: string = created.json().company.id;
    const foreign = await placeOrder([{}], operator, otherId);
    const own = await placeOrder([{ activationDate: day(30) }]);

    const list = await api('GET', `/api/v1/companies/${companyId}/orders?status=scheduled`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((o: OrderJson) => o.id)).toContain(own.id);
    expect(list.json().items.every((o: OrderJson) => o.status === 'scheduled')).toBe(true);
    const today = day(0);
    const byDay = await api(
      'GET',
      `/api/v1/companies/${companyId}/orders?from=${today}&to=${today}&type=test.effects&pageSize=100`,
    );
    expect(byDay.json().items.map((o: OrderJson) => o.id)).toContain(own.id);
    const none = await api('GET', `/api/v1/companies/${companyId}/orders?type=workplace.delete`);
    expect(none.json()).toMatchObject({ items: [], total: 0 });

    expect((await api('GET', `/api/v1/companies/${otherId}/orders`)).statusCode).toBe(404);
    expect((await api('GET', orderUrl(foreign.id))).statusCode).toBe(404);
    expect((await api('POST', `${orderUrl(foreign.id)}/cancel`)).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/orders')).statusCode).toBe(403);

    const all = await api('GET', '/api/v1/orders?pageSize=100', operator);
    const ids = all.json().items.map((o: OrderJson) => o.id);
    expect(ids).toEqual(expect.arrayContaining([own.id, foreign.id]));
    const filtered = await api('GET', `/api/v1/orders?companyId=${otherId}`, operator);
    expect(filtered.json().items.map((o: OrderJson) => o.id)).toEqual([foreign.id]);
  });
});
