import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cartItems, sessions } from '../../db/schema/index.ts';
import { call, login, type Session } from '../../test/api-client.ts';
import type { TestApp } from '../../test/test-app.ts';
import { registerUsageCounter } from './item-types.ts';
import { scheduleCartSweep } from './orders.jobs.ts';
import { addTestItem, createOrdersTestApp } from './testing/orders-fixture.ts';
import { effectsOf } from './testing/test-item-types.ts';

let t: TestApp;
let companyId: string;
let admin: Session;
let booked = 0;

beforeAll(async () => {
  ({ t, companyId } = await createOrdersTestApp());
  registerUsageCounter('cloud_pbx_workplace', () => Promise.resolve(booked));
});
afterAll(() => t.close());
beforeEach(async () => {
  booked = 0;
  admin = await login(t.app, 'demo-admin');
});

const cart = (session: Session, headers: Record<string, string> = {}) =>
  call(t.app, 'GET', '/api/v1/cart', { session, headers });
const rowsOfSession = async (session: Session) => {
  const [row] = await t.ctx.database.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.csrfToken, session.csrf));
  return t.ctx.database.db.select().from(cartItems).where(eq(cartItems.sessionId, row!.id));
};

describe('the cart (seed 003 "Warenkorb bestellen")', () => {
  it('holds the items of the session with their prices at the volume tier', async () => {
    expect((await cart(admin)).json()).toMatchObject({ items: [], count: 0, monthlyCents: 0 });
    await addTestItem(t, admin, companyId);
    t.clock.advance(1000);
    await addTestItem(t, admin, companyId, { activationDate: '2026-01-05' });
    const res = await cart(admin);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.count).toBe(2);
    expect(body.monthlyCents).toBe(2 * 1290);
    expect(body.priceToken).toMatch(/^[0-9a-f]{32}$/);
    expect(body.items[1]).toMatchObject({
      type: 'test.effects',
      companyId,
      companyName: 'Muster Handels GmbH',
      description: 'Testposition',
      activationDate: '2026-01-05',
      lines: [
        {
          productKey: 'cloud_pbx_workplace',
          name: 'Cloud PBX Arbeitsplatz',
          quantity: 1,
          unitMonthlyCents: 1290,
          tierFrom: 1,
        },
      ],
    });
    // Another session of the same user has its own (empty) cart.
    const other = await login(t.app, 'demo-admin');
    expect((await cart(other)).json().count).toBe(0);
    expect((await cart(other, { 'accept-language': 'en' })).json().items).toEqual([]);
  });

  it('prices every unit at the tier of booked + cart units (seed 001 "Gesamtzahl der aktivierten Arbeitsplätze")', async () => {
    await addTestItem(t, admin, companyId);
    booked = 9;
    const first = (await cart(admin)).json();
    expect(first.items[0].lines[0]).toMatchObject({ unitMonthlyCents: 1290, tierFrom: 1 });
    await addTestItem(t, admin, companyId);
    const second = (await cart(admin, { 'accept-language': 'en' })).json();
    expect(second.items.map((i: { monthlyCents: number }) => i.monthlyCents)).toEqual([1190, 1190]);
    expect(second.items[0].lines[0]).toMatchObject({ name: 'Cloud PBX workplace', tierFrom: 11 });
    expect(second.priceToken).not.toBe(first.priceToken);
    // The prices shown are stored on the items.
    const stored = await rowsOfSession(admin);
    expect(stored.map((r) => r.monthlyCents)).toEqual([1190, 1190]);
  });

  it('removes an item and gives back what it reserved', async () => {
    const a = await addTestItem(t, admin, companyId);
    const b = await addTestItem(t, admin, companyId);
    const res = await call(t.app, 'DELETE', `/api/v1/cart/items/${a.id}`, { session: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    expect(await effectsOf(t.ctx.database.db, a.subjectId)).toEqual(['discarded:removed']);
    const again = await call(t.app, 'DELETE', `/api/v1/cart/items/${a.id}`, { session: admin });
    expect(again.statusCode).toBe(404);
    // Someone else's cart item is not found either.
    const other = await login(t.app, 'demo-admin');
    const foreign = await call(t.app, 'DELETE', `/api/v1/cart/items/${b.id}`, { session: other });
    expect(foreign.statusCode).toBe(404);
  });

  it.each([
    ['a past day', { activationDate: '2025-12-31' }, 'cart_date_before_today'],
    ['before the earliest day', { activationDate: '2026-01-10' }, 'cart_date_before_earliest'],
  ])('refuses an activation date on %s', async (_label, patch, rule) => {
    const item = await addTestItem(t, admin, companyId, { earliestDate: '2026-01-20' });
    const res = await call(t.app, 'PATCH', `/api/v1/cart/items/${item.id}`, {
      session: admin,
      body: patch,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'activationDate', rule });
  });

  it('changes the activation date', async () => {
    const item = await addTestItem(t, admin, companyId);
    const res = await call(t.app, 'PATCH', `/api/v1/cart/items/${item.id}`, {
      session: admin,
      body: { activationDate: '2026-02-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0].activationDate).toBe('2026-02-01');
    const asap = await call(t.app, 'PATCH', `/api/v1/cart/items/${item.id}`, {
      session: admin,
      body: { activationDate: null },
    });
    expect(asap.json().items[0].activationDate).toBeNull();
    const bad = await call(t.app, 'PATCH', `/api/v1/cart/items/${item.id}`, {
      session: admin,
      body: { activationDate: '1.2.2026' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('API tokens have no cart: 409 cart_needs_session', async () => {
    const created = await call(t.app, 'POST', '/api/v1/auth/tokens', {
      session: admin,
      body: { name: 'Skript', expiresAt: '2027-12-31' },
    });
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    const res = await call(t.app, 'GET', '/api/v1/cart', { headers: bearer });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cart_needs_session');
    expect(res.json().error.message).toMatch(/Anmeldesitzung/);
  });
});

describe('the cart lives only for the session (seed 003: "Nicht bestellte Warenkörbe verfallen bei Abmeldung")', () => {
  it('is gone after logout, and its reservations are given back', async () => {
    const item = await addTestItem(t, admin, companyId);
    expect(await rowsOfSession(admin)).toHaveLength(1);
    const out = await call(t.app, 'POST', '/api/v1/auth/logout', { session: admin });
    expect(out.statusCode).toBeLessThan(300);
    expect(await rowsOfSession(admin)).toHaveLength(0);
    expect(await effectsOf(t.ctx.database.db, item.subjectId)).toEqual(['discarded:expired']);
    expect((await cart(admin)).statusCode).toBe(401);
    const again = await login(t.app, 'demo-admin');
    expect((await cart(again)).json().count).toBe(0);
  });

  it.each([
    ['idle too long', () => t.clock.advance(61 * 60_000)],
    ['past its absolute expiry', () => t.clock.advance(t.ctx.config.sessions.maxHours * 3_600_000)],
  ])('is discarded by the sweep when the session ended (%s)', async (_label, end) => {
    const item = await addTestItem(t, admin, companyId);
    end();
    // A session that is alive keeps its cart.
    const live = await login(t.app, 'demo-admin');
    const kept = await addTestItem(t, live, companyId);
    await scheduleCartSweep(t.ctx.database, t.clock);
    await t.ctx.jobs.drain();
    expect(await rowsOfSession(admin)).toHaveLength(0);
    expect(await effectsOf(t.ctx.database.db, item.subjectId)).toEqual(['discarded:expired']);
    expect(await effectsOf(t.ctx.database.db, kept.subjectId)).toEqual([]);
    expect((await cart(live)).json().count).toBe(1);
    expect((await cart(admin)).statusCode).toBe(401);
  });

  it('is discarded by the sweep when the session was ended from another one', async () => {
    const item = await addTestItem(t, admin, companyId);
    const other = await login(t.app, 'demo-admin');
    const [row] = await t.ctx.database.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.csrfToken, admin.csrf));
    const ended = await call(t.app, 'DELETE', `/api/v1/auth/sessions/${row!.id}`, {
      session: other,
    });
    expect(ended.statusCode).toBe(204);
    t.clock.advance(5 * 60_000);
    await scheduleCartSweep(t.ctx.database, t.clock);
    await t.ctx.jobs.drain();
    expect(await effectsOf(t.ctx.database.db, item.subjectId)).toEqual(['discarded:expired']);
    expect(await rowsOfSession(admin)).toHaveLength(0);
  });
});
