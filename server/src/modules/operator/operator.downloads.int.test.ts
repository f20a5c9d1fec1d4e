// Issue 8: the links of MyPortal's "Hilfe & Downloads" are edited by the operator in the provider
// settings; while that list is empty, the installation default MYPORTAL_DOWNLOADS applies.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createWorkplace } from '../myportal/test/factory.ts';
import { temporaryPasswordSentTo } from '../myportal/test/helpers.ts';

let t: TestApp;
let operator: Session;
let admin: Session;
let endUser: Session;

const installationDefault = [
  { title: 'Installationshilfe', url: 'https://help.example/clients', description: '' },
];

const links = [
  {
    title: 'Desktop-Client für Windows',
    url: 'https://downloads.cloudtel.example/desktop.msi',
    description: 'Installationspaket (64 Bit)',
  },
  { title: 'Mobile-Client', url: 'http://downloads.cloudtel.example/mobile' },
];

beforeAll(async () => {
  t = await createTestApp({ env: { MYPORTAL_DOWNLOADS: JSON.stringify(installationDefault) } });
  const companyId = (await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD)).companyId!;
  operator = await login(t.app, 'operator');
  admin = await login(t.app, 'demo-admin');
  // An end user with an active workplace, logged in through the first login.
  const wp = await createWorkplace(t.ctx, companyId);
  await call(t.app, 'POST', '/api/v1/myportal/first-login/request', {
    body: { username: wp.username },
  });
  const temporaryPassword = await temporaryPasswordSentTo(t, 'sms', wp.authMobile!);
  const verified = await call(t.app, 'POST', '/api/v1/myportal/first-login/verify', {
    body: { username: wp.username, temporaryPassword },
  });
  await call(t.app, 'POST', '/api/v1/myportal/first-login/password', {
    body: { ticket: verified.json().ticket, password: 'Mein_Passwort1' },
  });
  endUser = await login(t.app, wp.username, 'Mein_Passwort1');
});
afterAll(() => t.close());

const getProvider = () => call(t.app, 'GET', '/api/v1/provider', { session: operator });
const patchProvider = (body: unknown, headers?: Record<string, string>) =>
  call(t.app, 'PATCH', '/api/v1/provider', { session: operator, body, headers });
const myDownloads = async () => {
  const res = await call(t.app, 'GET', '/api/v1/myportal/downloads', { session: endUser });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as unknown;
};

describe('provider settings: the links of "Hilfe & Downloads"', () => {
  it('starts empty: the end user sees the installation default (MYPORTAL_DOWNLOADS)', async () => {
    const res = await getProvider();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().downloads).toEqual([]);
    expect(await myDownloads()).toEqual(installationDefault);
  });

  it('saves the list in its order, round trips it and audits the change', async () => {
    const before = (await getProvider()).json();
    const res = await patchProvider({
      downloads: links.map((l, i) => (i === 0 ? { ...l, title: `  ${l.title} ` } : l)),
    });
    expect(res.statusCode, res.body).toBe(200);
    const expected = [links[0], { ...links[1], description: '' }];
    expect(res.json().downloads).toEqual(expected);
    // The other settings stay as they were.
    expect(getProviderFields(res.json())).toEqual(getProviderFields(before));
    expect((await getProvider()).json().downloads).toEqual(expected);

    const [entry] = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'provider'), eq(auditLog.action, 'updated')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({
      actorUsername: 'operator',
      changes: { before: { downloads: [] }, after: { downloads: expected } },
    });
  });

  it("the end user's MyPortal shows the provider's links instead of the default", async () => {
    expect(await myDownloads()).toEqual([links[0], { ...links[1], description: '' }]);
  });

  it.each([
    ['a javascript: address', [{ title: 'x', url: 'javascript:alert(1)' }], 'downloads.0.url'],
    [
      'an ftp address in the third link',
      [...links, { title: 'FTP', url: 'ftp://downloads.example/c.msi' }],
      'downloads.2.url',
    ],
    ['no address at all', [{ title: 'x' }], 'downloads.0.url'],
    ['an empty title', [{ title: '  ', url: 'https://a.example' }], 'downloads.0.title'],
    [
      'a title of 121 characters',
      [{ title: 'x'.repeat(121), url: 'https://a.example' }],
      'downloads.0.title',
    ],
    [
      'a description of 301 characters',
      [{ title: 'x', url: 'https://a.example', description: 'd'.repeat(301) }],
      'downloads.0.description',
    ],
    [
      '31 links',
      Array.from({ length: 31 }, (_, i) => ({ title: `L${i}`, url: `https://a.example/${i}` })),
      'downloads',
    ],
    ['an unknown key', [{ title: 'x', url: 'https://a.example', icon: 'x' }], 'downloads.0'],
    ['not a list', { title: 'x', url: 'https://a.example' }, 'downloads'],
  ])('refuses %s with 400 naming the field and changes nothing', async (_, downloads, field) => {
    const before = (await getProvider()).json();
    const res = await patchProvider({ downloads }, { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(400);
    const details = res.json().error.details as { field: string; message: string }[];
    expect(details.map((d) => d.field)).toContain(field);
    expect(details.every((d) => d.message.length > 0)).toBe(true);
    expect((await getProvider()).json()).toEqual(before);
  });

  it('allows 30 links', async () => {
    const thirty = Array.from({ length: 30 }, (_, i) => ({
      title: `Link ${i + 1}`,
      url: `https://a.example/${i}`,
      description: '',
    }));
    const res = await patchProvider({ downloads: thirty });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().downloads).toEqual(thirty);
  });

  it('is for operators only: a company admin gets 403', async () => {
    expect((await call(t.app, 'GET', '/api/v1/provider', { session: admin })).statusCode).toBe(403);
    const res = await call(t.app, 'PATCH', '/api/v1/provider', {
      session: admin,
      body: { downloads: [] },
    });
    expect(res.statusCode).toBe(403);
    expect((await getProvider()).json().downloads).toHaveLength(30);
  });

  it('an emptied list falls back to the installation default again', async () => {
    const res = await patchProvider({ downloads: [] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().downloads).toEqual([]);
    expect(await myDownloads()).toEqual(installationDefault);
  });
});

function getProviderFields(p: Record<string, unknown>) {
  const { downloads: _downloads, ...rest } = p;
  return rest;
}
