import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import { auditLog } from '../../db/schema/index.ts';
import { call, DEMO_PASSWORD, login, newCompanyBody, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createWorkplace, type WorkplaceFixture } from './test/factory.ts';
import { messagesTo, temporaryPasswordSentTo } from './test/helpers.ts';

let t: TestApp;
let companyId: string;
let admin: Session;
let wp: WorkplaceFixture;

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://portal.muster.example' } });
  companyId = (await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD)).companyId!;
  admin = await login(t.app, 'demo-admin');
  wp = await createWorkplace(t.ctx, companyId);
});
afterAll(() => t.close());

const url = (workplaceId: string, tail: string, company = companyId) =>
  `/api/v1/companies/${company}/workplaces/${workplaceId}/${tail}`;

const audits = (action: string) =>
  t.ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, wp.workplaceId), eq(auditLog.action, action)));

describe('"Arbeitsplatz anzeigen / bearbeiten": login data', () => {
  it('shows the login data and the account state', async () => {
    const res = await call(t.app, 'GET', url(wp.workplaceId, 'login-data'), { session: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      username: wp.username,
      authEmail: wp.authEmail,
      authMobile: wp.authMobile,
      withoutMobile: false,
      passwordDelivery: 'sms',
      account: { passwordSet: false, disabled: false },
      temporaryPasswordExpiresAt: null,
      canSendActivationMail: true,
    });
  });

  it('changes to "Authentifizierung ohne Mobilfunknummer" and back, audited', async () => {
    const toEmail = await call(t.app, 'PUT', url(wp.workplaceId, 'login-data'), {
      session: admin,
      body: {
        authEmail: 'neu@muster-handels.example',
        authEmailConfirm: 'NEU@muster-handels.example',
        authMobile: null,
        withoutMobile: true,
      },
    });
    expect(toEmail.statusCode, toEmail.body).toBe(200);
    expect(toEmail.json()).toMatchObject({ passwordDelivery: 'email', authMobile: null });
    await call(t.app, 'POST', url(wp.workplaceId, 'password-reset'), { session: admin });
    await temporaryPasswordSentTo(t, 'email', 'neu@muster-handels.example');

    const toSms = await call(t.app, 'PUT', url(wp.workplaceId, 'login-data'), {
      session: admin,
      body: {
        authEmail: 'neu@muster-handels.example',
        authEmailConfirm: 'neu@muster-handels.example',
        authMobile: '0171 2345678',
        withoutMobile: false,
      },
    });
    expect(toSms.json()).toMatchObject({ passwordDelivery: 'sms', authMobile: '+491712345678' });
    const changes = await audits('login_data_changed');
    expect(changes).toHaveLength(2);
    expect(changes[0]!.changes).toMatchObject({
      before: { delivery: 'sms' },
      after: { delivery: 'email', authEmail: 'neu@muster-handels.example' },
    });
  });

  it.each([
    [{ authEmail: 'kaputt', authEmailConfirm: 'kaputt' }, 'login.authEmail', 'auth_email_invalid'],
    [{ authEmailConfirm: 'andere@x.example' }, 'login.authEmailConfirm', 'auth_email_mismatch'],
    [{ authMobile: '089 1234567' }, 'login.authMobile', 'auth_mobile_invalid'],
    [{ authMobile: '', withoutMobile: false }, 'login.authMobile', 'auth_mobile_required'],
    [{ withoutMobile: true }, 'login.withoutMobile', 'auth_mobile_and_without'],
  ])('refuses %j naming %s', async (change, field, rule) => {
    const res = await call(t.app, 'PUT', url(wp.workplaceId, 'login-data'), {
      session: admin,
      body: {
        authEmail: 'a@muster-handels.example',
        authEmailConfirm: 'a@muster-handels.example',
        authMobile: '0171 2345678',
        withoutMobile: false,
        ...change,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({
        field,
        rule: `validation.workplace.${rule}`,
        message: expect.any(String),
      }),
    );
  });
});

describe('resend the activation mail (seed 003 "Aktivierungsmail")', () => {
  it('goes to the authentication address with the username and the first-login link', async () => {
    const res = await call(t.app, 'POST', url(wp.workplaceId, 'activation-mail'), {
      session: admin,
    });
    expect(res.statusCode, res.body).toBe(202);
    const [mail] = (await messagesTo(t, res.json().sentTo)).filter(
      (m) => m.template === 'workplace_activation',
    );
    expect(mail!.body).toContain(wp.username);
    expect(mail!.body).toContain(
      `https://portal.muster.example/myportal/erstanmeldung?benutzer=${encodeURIComponent(wp.username)}`,
    );
    expect(await audits('activation_mail_sent')).toHaveLength(1);
  });

  it('is refused while the workplace is not active', async () => {
    const ordered = await createWorkplace(t.ctx, companyId, {
      status: 'ordered',
      withAccount: false,
    });
    const res = await call(t.app, 'POST', url(ordered.workplaceId, 'activation-mail'), {
      session: admin,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('workplace_login_inactive');
  });
});

describe('password reset by the admin', () => {
  it('sends a temporary password like step 1, which the user can use', async () => {
    const own = await createWorkplace(t.ctx, companyId);
    const res = await call(t.app, 'POST', url(own.workplaceId, 'password-reset'), {
      session: admin,
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ delivery: 'sms', sentTo: own.authMobile });
    const temporaryPassword = await temporaryPasswordSentTo(t, 'sms', own.authMobile!);
    const verified = await call(t.app, 'POST', '/api/v1/myportal/first-login/verify', {
      body: { username: own.username, temporaryPassword },
    });
    expect(verified.statusCode).toBe(200);
    const data = await call(t.app, 'GET', url(own.workplaceId, 'login-data'), { session: admin });
    expect(data.json().temporaryPasswordExpiresAt).toBeNull();
  });
});

describe('tenancy', () => {
  it("another company's admin gets 404; end users get 403", async () => {
    const operator = await login(t.app, 'operator');
    const created = await call(t.app, 'POST', '/api/v1/companies', {
      session: operator,
      body: newCompanyBody('8801'),
    });
    const otherCompany = created.json().company.id as string;
    const res = await call(t.app, 'GET', url(wp.workplaceId, 'login-data', otherCompany), {
      session: operator,
    });
    expect(res.statusCode).toBe(404);
    const reset = await call(t.app, 'POST', url(wp.workplaceId, 'password-reset', otherCompany), {
      session: admin,
    });
    expect(reset.statusCode).toBe(404);
  });
});
