import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies } from '../../db/schema/index.ts';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, newCompanyBody, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let operator: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  operator = await login(t.app, 'operator');
});
afterAll(() => t.close());

const companyCount = async () =>
  Number((await t.ctx.database.db.select({ n: count() }).from(companies))[0]!.n);

describe('operator console: companies and contracts', () => {
  it('creates companies and lists them with search and paging', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await call(t.app, 'POST', '/api/v1/companies', {
        session: operator,
        body: newCompanyBody(`300${i}`),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const page1 = await call(t.app, 'GET', '/api/v1/companies?search=söhne&pageSize=2', {
      session: operator,
    });
    expect(page1.json()).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page1.json().items).toHaveLength(2);
    const page3 = await call(t.app, 'GET', '/api/v1/companies?search=söhne&pageSize=2&page=3', {
      session: operator,
    });
    expect(page3.json().items).toHaveLength(1);
    const byNumber = await call(t.app, 'GET', '/api/v1/companies?search=K-3003', {
      session: operator,
    });
    expect(byNumber.json().items.map((c: { customerNumber: string }) => c.customerNumber)).toEqual([
      'K-3003',
    ]);
    // LIKE wildcards in the search are literal.
    const wildcard = await call(t.app, 'GET', '/api/v1/companies?search=%25', {
      session: operator,
    });
    expect(wildcard.json().total).toBe(0);
  });

  it('refuses bad input naming every field and changes nothing', async () => {
    const before = await companyCount();
    const body = newCompanyBody('3100');
    const res = await call(t.app, 'POST', '/api/v1/companies', {
      session: operator,
      body: {
        ...body,
        name: '',
        contract: { ...body.contract, postalCode: '123', workplaceQuota: -1, products: ['fax'] },
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'name',
        'contract.postalCode',
        'contract.products.0',
        'contract.workplaceQuota',
      ]),
    );
    expect(await companyCount()).toBe(before);
  });

  it('refuses a customer number that exists (any case)', async () => {
    const res = await call(t.app, 'POST', '/api/v1/companies', {
      session: operator,
      body: { ...newCompanyBody('3200'), customerNumber: 'k-100001' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'customer_number_taken',
      details: [{ field: 'customerNumber', rule: 'unique' }],
    });
  });

  it('changes quotas and parallel calls; the audit log keeps before and after', async () => {
    const created = await call(t.app, 'POST', '/api/v1/companies', {
      session: operator,
      body: newCompanyBody('3300'),
    });
    const id = created.json().company.id;
    const res = await call(t.app, 'PATCH', `/api/v1/companies/${id}/contract`, {
      session: operator,
      body: {
        workplaceQuota: 40,
        parallelCalls: 8,
        products: ['cloud_pbx', 'zoom_phone'],
        partnerLicences: { zoom_phone: 12 },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().contract).toMatchObject({
      workplaceQuota: 40,
      parallelCalls: 8,
      partnerLicences: { zoom_phone: 12 },
    });
    const audit = await call(t.app, 'GET', `/api/v1/companies/${id}/audit-log?entity=contract`, {
      session: operator,
    });
    const [entry] = audit.json().items;
    expect(entry).toMatchObject({
      actorUsername: 'operator',
      actorRole: 'operator',
      entity: 'contract',
      action: 'updated',
      changes: {
        before: {
          workplaceQuota: 10,
          parallelCalls: 4,
          products: ['cloud_pbx'],
          partnerLicences: {},
        },
        after: {
          workplaceQuota: 40,
          parallelCalls: 8,
          products: ['cloud_pbx', 'zoom_phone'],
          partnerLicences: { zoom_phone: 12 },
        },
      },
    });
    const filtered = await call(
      t.app,
      'GET',
      `/api/v1/companies/${id}/audit-log?action=created&from=2020-01-01&to=2030-12-31`,
      {
        session: operator,
      },
    );
    expect(filtered.json().items.map((e: { entity: string }) => e.entity)).toEqual(['company']);
  });

  it('mails the welcome letter to the contact address with the PDF attached, code not in the mail text', async () => {
    const res = await call(t.app, 'POST', '/api/v1/companies', {
      session: operator,
      body: { ...newCompanyBody('3400'), contactEmail: 'it@kunde.example' },
    });
    expect(res.statusCode).toBe(201);
    await t.ctx.jobs.drain();
    const list = await call(t.app, 'GET', '/api/v1/outbox?status=no_gateway', {
      session: operator,
    });
    const mail = list
      .json()
      .items.find((i: { recipient: string }) => i.recipient === 'it@kunde.example');
    expect(mail).toMatchObject({
      template: 'welcome_letter',
      channel: 'email',
      companyName: 'Müller & Söhne GmbH 3400',
    });
    const message = await call(t.app, 'GET', `/api/v1/outbox/${mail.id}`, { session: operator });
    expect(message.json().body).not.toMatch(/[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-/);
  });

  it('lets operators change the white-label settings that the web app shows', async () => {
    const res = await call(t.app, 'PATCH', '/api/v1/provider', {
      session: operator,
      body: { productName: 'CloudTel Portal', helpBaseUrl: 'https://hilfe.cloudtel.example' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const meta = await t.app.inject({ method: 'GET', url: '/api/v1/meta' });
    expect(meta.json()).toMatchObject({
      productName: 'CloudTel Portal',
      helpBaseUrl: 'https://hilfe.cloudtel.example',
    });
    const bad = await call(t.app, 'PATCH', '/api/v1/provider', {
      session: operator,
      body: { helpBaseUrl: 'javascript:alert(1)' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('helpBaseUrl');
  });
});
