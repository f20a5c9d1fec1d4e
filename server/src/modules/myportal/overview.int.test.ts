import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import { auditLog, workplaceDevices, workplaces } from '../../db/schema/index.ts';
import { call, DEMO_PASSWORD, login, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { sipHa1 } from '../credentials/credentials.rules.ts';
import { syncEndUserAccess } from './access.service.ts';
import { createWorkplace, type WorkplaceFixture } from './test/factory.ts';
import { temporaryPasswordSentTo } from './test/helpers.ts';

let t: TestApp;
let companyId: string;
let wp: WorkplaceFixture;
let other: WorkplaceFixture;
let user: Session;
const downloads = [
  {
    title: 'Desktop-Client für Windows',
    url: 'https://downloads.example/desktop.msi',
    description: 'Installationspaket',
  },
  { title: 'Installationshilfe', url: 'https://help.example/clients', description: '' },
];

/** Runs the first login through the API and returns the user's session. */
async function firstLogin(fixture: WorkplaceFixture, password: string): Promise<Session> {
  await call(t.app, 'POST', '/api/v1/myportal/first-login/request', {
    body: { username: fixture.username },
  });
  const temporaryPassword = await temporaryPasswordSentTo(t, 'sms', fixture.authMobile!);
  const verified = await call(t.app, 'POST', '/api/v1/myportal/first-login/verify', {
    body: { username: fixture.username, temporaryPassword },
  });
  await call(t.app, 'POST', '/api/v1/myportal/first-login/password', {
    body: { ticket: verified.json().ticket, password },
  });
  return login(t.app, fixture.username, password);
}

beforeAll(async () => {
  t = await createTestApp({
    env: {
      SIP_DOMAIN: 'sip.muster.example',
      PROVISIONING_BASE_URL: 'https://prov.muster.example',
      MYPORTAL_DOWNLOADS: JSON.stringify(downloads),
    },
  });
  companyId = (await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD)).companyId!;
  wp = await createWorkplace(t.ctx, companyId);
  other = await createWorkplace(t.ctx, companyId);
  user = await firstLogin(wp, 'Mein_Passwort1');
});
afterAll(() => t.close());

const get = (url: string, session: Session = user) =>
  call(t.app, 'GET', `/api/v1/myportal${url}`, { session });

describe('overview (seed 003: "Stammdaten, Rufnummer und die … zugeordneten Clients und / oder Endgeräte")', () => {
  it('shows the own master data, numbers, devices and clients', async () => {
    const res = await get('/overview');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      workplaceId: wp.workplaceId,
      companyName: 'Muster Handels GmbH',
      user: { firstName: 'Max', username: wp.username, department: 'Vertrieb' },
      numbers: {
        main: expect.stringMatching(/^\+49228/),
        internal: expect.any(String),
        additional: [expect.stringMatching(/^\+49228/)],
      },
    });
    expect(body.devices).toEqual([
      expect.objectContaining({ id: wp.deskPhoneId, provisioning: 'desk_phone', name: 'T46U' }),
      expect.objectContaining({ id: wp.clientId, provisioning: 'softclient' }),
    ]);
    expect(JSON.stringify(body)).not.toMatch(/sipHa1|sipSecret|password/i);
  });

  it('reports the registration status as unknown without a telephony integration', async () => {
    const res = await get('/devices');
    expect(res.json().items.map((d: { registration: string }) => d.registration)).toEqual([
      'unknown',
      'unknown',
    ]);
  });
});

describe('"Endgeräte Einstellungen": first-login data of the own devices', () => {
  it('shows SIP username, password, registrar, domain and the provisioning URL', async () => {
    const res = await get(`/devices/${wp.deskPhoneId}/credentials`);
    expect(res.statusCode).toBe(200);
    const { credentials } = res.json();
    expect(credentials).toMatchObject({
      sipUsername: expect.stringMatching(/^\d{12}$/),
      password: expect.stringMatching(/^[A-Za-z0-9]{22,}$/),
      registrar: 'sip.muster.example',
      domain: 'sip.muster.example',
      provisioningUrl: expect.stringMatching(
        /^https:\/\/prov\.muster\.example\/provisioning\/001565\w{6}\.cfg$/,
      ),
    });
    const client = await get(`/devices/${wp.clientId}/credentials`);
    expect(client.json().credentials.provisioningUrl).toBeNull();
  });

  it("never shows another user's devices (404), nor to admins or operators", async () => {
    expect((await get(`/devices/${other.deskPhoneId}/credentials`)).statusCode).toBe(404);
    const admin = await login(t.app, 'demo-admin');
    expect((await get('/overview', admin)).json().error.code).toBe('myportal_no_workplace');
    const operator = await login(t.app, 'operator');
    expect((await get('/overview', operator)).statusCode).toBe(403);
    expect((await call(t.app, 'GET', '/api/v1/myportal/overview')).statusCode).toBe(401);
  });

  it('re-issue: new HA1, the old password stops working, the new one is shown', async () => {
    const before = (await get(`/devices/${wp.deskPhoneId}/credentials`)).json().credentials;
    t.clock.advance(60_000);
    const res = await call(
      t.app,
      'POST',
      `/api/v1/myportal/devices/${wp.deskPhoneId}/credentials`,
      { session: user },
    );
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json().credentials;
    expect(after.sipUsername).toBe(before.sipUsername);
    expect(after.password).not.toBe(before.password);
    const [row] = await t.ctx.database.db
      .select()
      .from(workplaceDevices)
      .where(eq(workplaceDevices.id, wp.deskPhoneId));
    expect(row!.sipHa1).toBe(sipHa1(after.sipUsername, 'sip.muster.example', after.password));
    expect(row!.sipHa1).not.toBe(sipHa1(before.sipUsername, 'sip.muster.example', before.password));
    expect((await get(`/devices/${wp.deskPhoneId}/credentials`)).json().credentials.password).toBe(
      after.password,
    );
    const audit = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityId, wp.workplaceId),
          eq(auditLog.action, 'device_credentials_reissued'),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(after.password);
    expect(t.logs.text).not.toContain(after.password);
  });

  it('re-issue of a foreign device is refused', async () => {
    const res = await call(
      t.app,
      'POST',
      `/api/v1/myportal/devices/${other.deskPhoneId}/credentials`,
      { session: user },
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('"Hilfe & Downloads"', () => {
  it('lists the configured links', async () => {
    expect((await get('/downloads')).json()).toEqual({ items: downloads });
  });
});

describe('only active workplaces have a usable login', () => {
  it('deactivation disables the account and ends its sessions; reactivation enables it', async () => {
    const own = await createWorkplace(t.ctx, companyId);
    const session = await firstLogin(own, 'Aktiv_Passwort3');
    const setStatus = (status: 'deactivated' | 'active') =>
      t.ctx.database.transaction(async (tx) => {
        await tx.update(workplaces).set({ status }).where(eq(workplaces.id, own.workplaceId));
        return syncEndUserAccess(tx, t.ctx, { companyId, workplaceId: own.workplaceId });
      });
    expect(await setStatus('deactivated')).toBe(false);
    expect((await get('/overview', session)).statusCode).toBe(401);
    const refused = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { username: own.username, password: 'Aktiv_Passwort3' },
    });
    expect(refused.statusCode).toBe(401);
    expect(await setStatus('active')).toBe(true);
    const again = await login(t.app, own.username, 'Aktiv_Passwort3');
    expect((await get('/overview', again)).statusCode).toBe(200);
  });
});
