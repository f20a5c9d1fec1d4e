// The company's mobile framework contract through the API: operators keep it, admins read it, and
// the wizard's mobile check (seed 001 "Authentifizierung der Mobilfunknummer") follows it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { call, newCompanyBody, type Session } from '../../test/api-client.ts';
import {
  api,
  createWorkplacesTestApp,
  login,
  type WorkplacesTestApp,
} from '../workplaces/testing/workplaces-fixture.ts';

let w: WorkplacesTestApp;
let admin: Session;
let otherBase: string;

const add = (body: unknown, session = w.operator, headers?: Record<string, string>) =>
  api(w, session, 'POST', '/mobile-framework', body, headers);
const list = async (session = w.operator) => {
  const res = await api(w, session, 'GET', '/mobile-framework');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string; prefix: string; tariffName: string }[] }>().items;
};
const removeAll = async () => {
  for (const entry of await list()) {
    expect((await api(w, w.operator, 'DELETE', `/mobile-framework/${entry.id}`)).statusCode).toBe(
      204,
    );
  }
};

beforeAll(async () => {
  w = await createWorkplacesTestApp();
  admin = await login(w.t.app, 'demo-admin');
  const other = await call(w.t.app, 'POST', '/api/v1/companies', {
    session: w.operator,
    body: newCompanyBody('7710'),
  });
  expect(other.statusCode, other.body).toBe(201);
  otherBase = `/api/v1/companies/${other.json<{ company: { id: string } }>().company.id}`;
});
afterAll(() => w.t.close());

describe('operators keep the framework contract', () => {
  it('adds, lists with the tariff name, and removes an entry — each change audited', async () => {
    const created = await add({ prefix: '0170 123', tariffKey: 'business_mobil_m' });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({
      prefix: '170123',
      kind: 'range',
      display: '0170 123…',
      tariffKey: 'business_mobil_m',
      tariffName: 'Business Mobil M',
      tariffSegment: 'business',
    });
    const number = await add({ prefix: '+49 151 12345678', tariffKey: 'privat_mobil_l' });
    expect(number.json()).toMatchObject({ kind: 'number', display: '01511 2345678' });

    expect((await list()).map((e) => [e.prefix, e.tariffName])).toEqual([
      ['15112345678', 'Privat Mobil L'],
      ['170123', 'Business Mobil M'],
    ]);

    const removed = await api(w, w.operator, 'DELETE', `/mobile-framework/${entry.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await list()).map((e) => e.prefix)).toEqual(['15112345678']);
    const again = await api(w, w.operator, 'DELETE', `/mobile-framework/${entry.id}`);
    expect(again.statusCode).toBe(404);

    const audit = await w.t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'mobile_framework_entry'), eq(auditLog.entityId, entry.id)));
    expect(audit.map((a) => [a.action, a.actorUsername, a.companyId])).toEqual([
      ['created', 'operator', w.companyId],
      ['removed', 'operator', w.companyId],
    ]);
    expect(audit[1]!.changes).toEqual({
      before: { prefix: '170123', tariffKey: 'business_mobil_m' },
    });
    await removeAll();
  });

  it.each([
    ['0170 123', '170123'],
    ['+49170123', '170123'],
    ['170123', '170123'],
    ['0049 (0)170/123', '170123'],
    ['0170 123xxxx', '170123'],
    ['0170 1234567', '1701234567'],
    ['+49 1511 2345678', '15112345678'],
  ])('normalises %j to %s', async (prefix, stored) => {
    const res = await add({ prefix, tariffKey: 'business_mobil_s' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().prefix).toBe(stored);
    await removeAll();
  });

  it('refuses the same prefix twice in another notation (409 naming the field)', async () => {
    expect((await add({ prefix: '0171 55', tariffKey: 'business_mobil_s' })).statusCode).toBe(201);
    const twice = await add({ prefix: '+49 171 55', tariffKey: 'business_mobil_l' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toEqual([
      expect.objectContaining({
        field: 'prefix',
        rule: 'validation.mobile_framework.prefix_taken',
        message: expect.stringContaining('Rahmenvertrag'),
      }),
    ]);
    const english = await add({ prefix: '017155', tariffKey: 'business_mobil_l' }, w.operator, {
      'accept-language': 'en',
    });
    expect(english.json().error.message).toContain('framework contract');
    // The same prefix in another company is that company's business.
    const elsewhere = await call(w.t.app, 'POST', `${otherBase}/mobile-framework`, {
      session: w.operator,
      body: { prefix: '0171 55', tariffKey: 'business_mobil_s' },
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    await removeAll();
  });

  it.each([
    [{ prefix: '089 1234', tariffKey: 'business_mobil_s' }, 'prefix', 'prefix_not_mobile'],
    [{ prefix: '+43 170 123', tariffKey: 'business_mobil_s' }, 'prefix', 'prefix_not_german'],
    [{ prefix: '0170 12a', tariffKey: 'business_mobil_s' }, 'prefix', 'prefix_invalid_characters'],
    [{ prefix: '017', tariffKey: 'business_mobil_s' }, 'prefix', 'prefix_too_short'],
    [{ prefix: '0170 12345678901', tariffKey: 'business_mobil_s' }, 'prefix', 'prefix_too_long'],
    [{ prefix: '   ', tariffKey: 'business_mobil_s' }, 'prefix', 'prefix_empty'],
    [{ prefix: '0170 123', tariffKey: 'gibt_es_nicht' }, 'tariffKey', 'tariff_unknown'],
  ])('refuses %j naming %s (%s), in German and English', async (body, field, problem) => {
    const de = await add(body);
    expect(de.statusCode, de.body).toBe(400);
    const detail = de.json().error.details[0];
    expect(detail).toMatchObject({ field, rule: `validation.mobile_framework.${problem}` });
    const en = await add(body, w.operator, { 'accept-language': 'en' });
    expect(en.json().error.details[0].message).not.toBe(detail.message);
    expect(en.json().error.details[0].message.length).toBeGreaterThan(10);
  });

  it('never answers bad input with a 500', async () => {
    const bodies: unknown[] = [
      {},
      { prefix: 170123, tariffKey: 'business_mobil_s' },
      { prefix: null, tariffKey: 'business_mobil_s' },
      { prefix: ['0170'], tariffKey: 'business_mobil_s' },
      { prefix: '0170 123', tariffKey: {} },
      { prefix: '0170 123', tariffKey: '' },
      { prefix: '0'.repeat(10_000), tariffKey: 'business_mobil_s' },
      { prefix: '0170 123', tariffKey: 'x'.repeat(10_000) },
      { prefix: '\u0000\u202e0170', tariffKey: 'business_mobil_s' },
      { prefix: '0170 123', tariffKey: "'; drop table mobile_tariffs; --" },
      'not json',
      '{"prefix": "0170',
    ];
    for (const body of bodies) {
      const res = await add(body);
      const what = `${JSON.stringify(body)}: ${res.body}`;
      // A JSON object is validated (400 naming the field); other payloads are refused as such.
      expect(res.statusCode, what).toBe(typeof body === 'object' ? 400 : 415);
      expect(res.json().error.code, what).toBe(
        typeof body === 'object' ? 'validation_failed' : 'unsupported_media_type',
      );
    }
    const broken = await add('{"prefix": "0170', w.operator, {
      'content-type': 'application/json',
    });
    expect(broken.statusCode, broken.body).toBe(400);
    expect(broken.json().error.code).toBe('invalid_json');
    for (const url of ['/mobile-framework/not-a-uuid', '/mobile-framework/%00']) {
      const res = await api(w, w.operator, 'DELETE', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
    }
    const badCompany = await call(w.t.app, 'GET', '/api/v1/companies/kaputt/mobile-framework', {
      session: w.operator,
    });
    expect(badCompany.statusCode).toBe(404);
    expect(await list()).toEqual([]);
  });
});

describe('who may do what', () => {
  it('admins read their framework contract but cannot change it (403)', async () => {
    const created = await add({ prefix: '0160 9', tariffKey: 'business_mobil_s' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await list(admin)).map((e) => e.prefix)).toEqual(['1609']);
    expect((await add({ prefix: '0160 8', tariffKey: 'business_mobil_s' }, admin)).statusCode).toBe(
      403,
    );
    const remove = await api(w, admin, 'DELETE', `/mobile-framework/${created.json().id}`);
    expect(remove.statusCode).toBe(403);
    expect((await list()).length).toBe(1);
    await removeAll();
  });

  it("another company's framework is not there (404), neither for admins nor across ids", async () => {
    const read = await call(w.t.app, 'GET', `${otherBase}/mobile-framework`, { session: admin });
    expect(read.statusCode).toBe(404);
    const write = await call(w.t.app, 'POST', `${otherBase}/mobile-framework`, {
      session: admin,
      body: { prefix: '0160 7', tariffKey: 'business_mobil_s' },
    });
    expect(write.statusCode).toBe(404);
    // An operator removing company A's entry through company B's address: not found.
    const entry = (await add({ prefix: '0160 7', tariffKey: 'business_mobil_s' })).json();
    const cross = await call(w.t.app, 'DELETE', `${otherBase}/mobile-framework/${entry.id}`, {
      session: w.operator,
    });
    expect(cross.statusCode).toBe(404);
    expect((await list()).map((e) => e.id)).toEqual([entry.id]);
    await removeAll();
  });
});

describe('the wizard\'s mobile check follows the framework (seed 001 "nicht im … Rahmenvertrag enthalten")', () => {
  const check = async (mobileNumber: string, lang = 'de') => {
    const draft = (await api(w, admin, 'POST', '/workplace-drafts', {})).json().id;
    const res = await api(
      w,
      admin,
      'POST',
      `/workplace-drafts/${draft}/check-mobile`,
      { mobileNumber },
      { 'accept-language': lang },
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('a number in the framework is eligible without customer account number; another Telekom number needs it', async () => {
    const range = await add({ prefix: '0170 123', tariffKey: 'business_mobil_xl' });
    expect(range.statusCode, range.body).toBe(201);
    expect(await check('0170 1234567')).toMatchObject({
      eligible: true,
      needsCustomerAccount: false,
      tariff: 'Business Mobil XL',
    });
    // A single number of another network (ported into the contract) counts as well.
    await add({ prefix: '0176 12345678', tariffKey: 'privat_mobil_m' });
    expect(await check('+49 176 12345678')).toMatchObject({
      eligible: true,
      tariff: 'Privat Mobil M',
    });
    expect(await check('0171 1234567')).toMatchObject({
      eligible: false,
      needsCustomerAccount: true,
    });
    expect(await check('0170 9876543')).toMatchObject({
      eligible: false,
      needsCustomerAccount: true,
    });

    await api(w, w.operator, 'DELETE', `/mobile-framework/${range.json().id}`);
    expect(await check('0170 1234567', 'en')).toMatchObject({
      eligible: false,
      needsCustomerAccount: true,
    });
    await removeAll();
  });
});

describe('the tariff list and the framework contracts', () => {
  it('saves the tariff list while a contract uses a tariff, but refuses to drop that tariff (409)', async () => {
    await removeAll();
    expect((await add({ prefix: '0171 55', tariffKey: 'business_mobil_l' })).statusCode).toBe(201);
    const current = await call(w.t.app, 'GET', '/api/v1/catalog/mobile-tariffs', {
      session: w.operator,
    });
    const items = current.json<{ items: { key: string; name: string; segment: string }[] }>().items;
    // Renaming and reordering keep the keys: the contract entry follows.
    const renamed = items
      .map((t) => (t.key === 'business_mobil_l' ? { ...t, name: 'Business Mobil L (neu)' } : t))
      .reverse();
    const saved = await call(w.t.app, 'PUT', '/api/v1/catalog/mobile-tariffs', {
      session: w.operator,
      body: { items: renamed },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await list())[0]?.tariffName).toBe('Business Mobil L (neu)');

    const dropped = await call(w.t.app, 'PUT', '/api/v1/catalog/mobile-tariffs', {
      session: w.operator,
      body: { items: renamed.filter((t) => t.key !== 'business_mobil_l') },
    });
    expect(dropped.statusCode).toBe(409);
    expect(dropped.json().error).toMatchObject({ code: 'tariff_in_use' });
    expect(dropped.json().error.message).toContain('Business Mobil L (neu)');
    await removeAll();
  });
});
