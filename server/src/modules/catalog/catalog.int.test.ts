import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedCatalogIfEmpty } from './catalog.seed.ts';

let t: TestApp;
let op: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedCatalogIfEmpty(t.ctx.database, t.clock);
  await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  op = await login(t.app, 'operator');
  admin = await login(t.app, 'demo-admin');
});
afterAll(() => t.close());

const get = (url: string, session = admin) => call(t.app, 'GET', url, { session });
const patchProduct = (key: string, body: unknown, session = op) =>
  call(t.app, 'PATCH', `/api/v1/catalog/products/${key}`, { session, body });
const check = (body: unknown) =>
  call(t.app, 'POST', '/api/v1/catalog/addon-check', { session: admin, body });
const price = async (key: string, count: number) => {
  const res = await get(`/api/v1/catalog/products/${key}/price?count=${count}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('catalogue products', () => {
  it('lists the active products with prices, tiers, term and rules (admins read)', async () => {
    const res = await get('/api/v1/catalog/products');
    expect(res.statusCode, res.body).toBe(200);
    const items: { key: string; kind: string }[] = res.json().items;
    expect(items.map((p) => p.key)).toEqual(
      expect.arrayContaining([
        'cloud_pbx_workplace',
        'trunk_workplace',
        'sip_trunk',
        'parallel_calls',
        'zoom_x_phone',
        'unify_office',
        'assistant',
        'conference',
        'group_function',
        'switchboard',
        'call_analytics',
        'cti_tapi',
        'call_analytics_basic',
        'mobile_client',
        'mobile_integration',
        'conference_basic',
        'conference_plus',
        'conference_premium',
      ]),
    );
    const workplace = items.find((p) => p.key === 'cloud_pbx_workplace');
    expect(workplace).toMatchObject({
      kind: 'workplace',
      name: 'Cloud PBX Arbeitsplatz',
      minimumTermDays: 30,
      tiers: expect.arrayContaining([{ from: 1, monthlyCents: 1290 }]),
    });
    expect(items.find((p) => p.key === 'call_analytics')).toMatchObject({
      requires: expect.arrayContaining([{ kind: 'company_has', product: 'call_analytics_basic' }]),
    });
    const en = await call(t.app, 'GET', '/api/v1/catalog/products?kind=company_add_on', {
      session: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().items.map((p: { name: string }) => p.name)).toEqual([
      'Call Analytics Service Basic',
    ]);
  });

  it('prices and tiers are data: a tier changed through the API changes the computed price', async () => {
    expect(await price('cloud_pbx_workplace', 12)).toMatchObject({
      unitMonthlyCents: 1190,
      totalMonthlyCents: 12 * 1190,
      tierFrom: 11,
    });
    const tiers = [
      { from: 1, monthlyCents: 1390 },
      { from: 5, monthlyCents: 1100 },
      { from: 20, monthlyCents: 1000 },
    ];
    const res = await patchProduct('cloud_pbx_workplace', { tiers });
    expect(res.statusCode, res.body).toBe(200);
    // The base price follows the first tier, so the two cannot disagree.
    expect(res.json()).toMatchObject({ tiers, monthlyCents: 1390 });
    expect(await price('cloud_pbx_workplace', 12)).toMatchObject({
      unitMonthlyCents: 1100,
      totalMonthlyCents: 13200,
      tierFrom: 5,
    });
    expect(await price('cloud_pbx_workplace', 1)).toMatchObject({ totalMonthlyCents: 1390 });

    const [entry] = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entity, 'catalog_product'), eq(auditLog.entityId, 'cloud_pbx_workplace')),
      );
    expect(entry).toMatchObject({ companyId: null, action: 'updated', actorUsername: 'operator' });
    expect(entry!.changes.after).toMatchObject({ tiers, monthlyCents: 1390 });
  });

  it('flat prices, one-off price, minimum term and the active flag are edited as data', async () => {
    const res = await patchProduct('sip_trunk', {
      monthlyCents: 2490,
      oneOffCents: 0,
      minimumTermDays: 90,
    });
    expect(res.json()).toMatchObject({ monthlyCents: 2490, oneOffCents: 0, minimumTermDays: 90 });
    expect(await price('sip_trunk', 3)).toMatchObject({ totalMonthlyCents: 7470, tierFrom: null });

    await patchProduct('unify_office', { active: false });
    const listed = (await get('/api/v1/catalog/products')).json().items;
    expect(listed.map((p: { key: string }) => p.key)).not.toContain('unify_office');
    const all = (await get('/api/v1/catalog/products?includeInactive=true', op)).json().items;
    expect(all.find((p: { key: string }) => p.key === 'unify_office')).toMatchObject({
      active: false,
    });
  });

  it('admins can read but not edit the catalogue (403)', async () => {
    const res = await patchProduct('sip_trunk', { monthlyCents: 1 }, admin);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await call(t.app, 'GET', '/api/v1/catalog/products')).statusCode).toBe(401);
  });

  it.each([
    ['a negative price', { monthlyCents: -1 }, 'monthlyCents', 'too_small:number'],
    ['a negative one-off price', { oneOffCents: -500 }, 'oneOffCents', 'too_small:number'],
    [
      'tiers that do not start at 1',
      { tiers: [{ from: 2, monthlyCents: 100 }] },
      'tiers.0.from',
      'tiers_start_at_one',
    ],
    [
      'tiers that are not ascending',
      {
        tiers: [
          { from: 1, monthlyCents: 300 },
          { from: 10, monthlyCents: 200 },
          { from: 10, monthlyCents: 100 },
        ],
      },
      'tiers.2.from',
      'tiers_ascending',
    ],
    [
      'a negative tier price',
      { tiers: [{ from: 1, monthlyCents: -3 }] },
      'tiers.0.monthlyCents',
      'too_small:number',
    ],
    ['a negative minimum term', { minimumTermDays: -1 }, 'minimumTermDays', 'too_small:number'],
    [
      'a rule naming an unknown product',
      { requires: [{ kind: 'company_has', product: 'fax_server' }] },
      'requires.0.product',
      'rule_product_unknown',
    ],
    [
      'company_has naming a workplace add-on',
      { requires: [{ kind: 'company_has', product: 'assistant' }] },
      'requires.0.product',
      'rule_not_company_product',
    ],
    ['an unknown rule kind', { requires: [{ kind: 'magic' }] }, 'requires.0.kind', 'invalid_union'],
    ['a base price on a tiered product', { monthlyCents: 999 }, 'monthlyCents', 'price_from_tiers'],
  ])('refuses %s with 400 naming the field', async (_name, body, field, rule) => {
    const res = await patchProduct('call_analytics', body);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, rule })]),
    );
    expect(error.details[0].message).not.toMatch(/^validation\./);
  });

  it('answers 404 for an unknown product', async () => {
    expect((await patchProduct('no_such_thing', { active: true })).statusCode).toBe(404);
    expect((await get('/api/v1/catalog/products/no_such_thing/price?count=1')).statusCode).toBe(
      404,
    );
  });
});

describe('dependency rules are read from catalogue data, not code', () => {
  it('"Sie müssen zuerst … Call Analytics Service Basic … buchen" — until the rule is changed', async () => {
    const before = await check({ chosen: ['call_analytics'] });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({
      ok: false,
      violations: [
        {
          product: 'call_analytics',
          key: 'validation.addon.requires_company_product',
          severity: 'error',
        },
      ],
    });
    expect(before.json().violations[0].message).toContain('Call Analytics Service Basic');
    expect(
      (
        await check({ chosen: ['call_analytics'], companyProducts: ['call_analytics_basic'] })
      ).json(),
    ).toEqual({ ok: true, violations: [] });

    // The operator drops the rule: the same facts now pass.
    const res = await patchProduct('call_analytics', { requires: [] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await check({ chosen: ['call_analytics'] })).json()).toEqual({
      ok: true,
      violations: [],
    });
  });

  it('"Assistenzfunktion … mindestens für zwei Arbeitsplätze": the count is data too', async () => {
    const two = await check({ chosen: ['assistant'], workplacesWith: { assistant: 1 } });
    expect(two.json()).toEqual({ ok: true, violations: [] });
    await patchProduct('assistant', {
      requires: [{ kind: 'min_workplaces_with', product: 'assistant', count: 3 }],
    });
    const three = await check({ chosen: ['assistant'], workplacesWith: { assistant: 1 } });
    // Only a warning: the next workplace may book it too.
    expect(three.json()).toMatchObject({
      ok: true,
      violations: [
        {
          key: 'validation.addon.min_workplaces',
          severity: 'warning',
          params: { count: 3, current: 2 },
        },
      ],
    });
  });

  it('CTI & TAPI in its own step; conference packages exclude each other; SIP-trunk hosts', async () => {
    const own = await check({ chosen: ['cti_tapi', 'conference'] });
    expect(own.json().violations.map((v: { key: string }) => v.key)).toEqual([
      'validation.addon.own_step',
    ]);
    const both = await check({ chosen: ['conference_basic', 'conference_plus'] });
    expect(both.json().violations.map((v: { key: string }) => v.key)).toEqual([
      'validation.addon.exclusive',
    ]);
    const trunk = await check({ chosen: ['conference_plus'], host: 'trunk_workplace' });
    expect(trunk.json()).toEqual({ ok: true, violations: [] });
    const notTrunk = await check({ chosen: ['group_function'], host: 'trunk_workplace' });
    expect(notTrunk.json().violations[0].key).toBe('validation.addon.not_available_for');
  });
});
