import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import {
  call,
  DEMO_PASSWORD,
  login,
  newCompanyBody,
  sessionOf,
  type Session,
} from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
// Tests move the clock by days: log the operator in afresh where needed (idle timeout).
const asOperator = () => login(t.app, 'operator');
const LETTER_CODE = /[A-HJ-NP-Z2-9]{4}(?:-[A-HJ-NP-Z2-9]{4}){3}/;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
});
afterAll(() => t.close());

async function createCompany(suffix: string) {
  const res = await call(t.app, 'POST', '/api/v1/companies', {
    session: await asOperator(),
    body: newCompanyBody(suffix),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ company: { id: string; name: string }; letter: { documentId: string } }>();
}

/** The one-time code, read from the text of the generated PDF as a person would. */
async function letterCode(companyId: string, documentId: string): Promise<string> {
  const res = await call(t.app, 'GET', `/api/v1/companies/${companyId}/documents/${documentId}`, {
    session: await asOperator(),
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
  const { text } = await extractText(pdf, { mergePages: true });
  const match = LETTER_CODE.exec(text);
  expect(match, text).not.toBeNull();
  return match![0];
}

/** The newest activation code mailed to `email`, read from the outbox as the operator. */
async function activationCodeFor(email: string): Promise<string> {
  await t.ctx.jobs.drain();
  const list = await call(t.app, 'GET', '/api/v1/outbox?pageSize=100', {
    session: await asOperator(),
  });
  const item = list
    .json<{ items: { id: string; recipient: string; template: string; statusLabel: string }[] }>()
    .items.find((i) => i.recipient === email && i.template === 'admin_activation_code');
  expect(item?.statusLabel).toBe('nicht versendet (kein Gateway)');
  const message = await call(t.app, 'GET', `/api/v1/outbox/${item!.id}`, {
    session: await asOperator(),
  });
  const code = /\b\d{8}\b/.exec(message.json<{ body: string }>().body);
  expect(code).not.toBeNull();
  return code![0];
}

async function register(username: string, email: string): Promise<Session> {
  const res = await call(t.app, 'POST', '/api/v1/auth/register', {
    body: { username, email, password: 'Sicher-2026' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return sessionOf(res);
}

describe('admin onboarding (seed 003: Registrieren, Freischalten, Freischaltcode)', () => {
  it('from company creation to a logged-in admin, and out again', async () => {
    const { company, letter } = await createCompany('1001');
    const code = await letterCode(company.id, letter.documentId);

    const admin = await register('anna.admin', 'anna@mueller-soehne.example');
    const me = await call(t.app, 'GET', '/api/v1/auth/me', { session: admin });
    expect(me.json().user.role).toBe('portal');

    const unlock = await call(t.app, 'POST', '/api/v1/onboarding/unlock', {
      session: admin,
      body: { code: code.toLowerCase().replace(/-/g, ' ') },
    });
    expect(unlock.statusCode, unlock.body).toBe(200);
    expect(unlock.json()).toEqual({
      company: { id: company.id, name: company.name },
      activationSentTo: 'a***@mueller-soehne.example',
    });

    const activation = await activationCodeFor('anna@mueller-soehne.example');
    const activated = await call(t.app, 'POST', '/api/v1/onboarding/activate', {
      session: admin,
      body: { code: activation },
    });
    expect(activated.statusCode, activated.body).toBe(200);
    expect(activated.json().user).toMatchObject({
      role: 'admin',
      companies: [{ id: company.id, name: company.name }],
    });

    // The admin now sees the company, and the audit log recorded the activation.
    const seen = await call(t.app, 'GET', `/api/v1/companies/${company.id}`, { session: admin });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().admins.map((a: { username: string }) => a.username)).toEqual(['anna.admin']);
    const audit = await call(t.app, 'GET', `/api/v1/companies/${company.id}/audit-log`, {
      session: admin,
    });
    expect(
      audit.json().items.map((e: { entity: string; action: string }) => `${e.entity}.${e.action}`),
    ).toEqual(['company_admin.activated', 'welcome_letter.issued', 'company.created']);
    expect(audit.body).not.toContain(code);
    expect(audit.body).not.toContain(activation);

    // Codes are single-use.
    const again = await register('bert.admin', 'bert@mueller-soehne.example');
    const reuse = await call(t.app, 'POST', '/api/v1/onboarding/unlock', {
      session: again,
      body: { code },
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error).toMatchObject({
      code: 'code_used',
      message: 'Der Code wurde bereits verwendet.',
    });
    const reuseActivation = await call(t.app, 'POST', '/api/v1/onboarding/activate', {
      session: admin,
      body: { code: activation },
    });
    expect(reuseActivation.json().error.code).toBe('code_used');

    // Logout ends the session: the cookie is worthless afterwards.
    const out = await call(t.app, 'POST', '/api/v1/auth/logout', { session: admin });
    expect(out.statusCode).toBe(204);
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { session: admin })).statusCode).toBe(401);
    const relogin = await login(t.app, 'anna.admin', 'Sicher-2026');
    const me2 = await call(t.app, 'GET', '/api/v1/auth/me', { session: relogin });
    expect(me2.json().user.role).toBe('admin');

    // No secret reached the logs.
    for (const secret of [code, activation, 'Sicher-2026', DEMO_PASSWORD]) {
      expect(t.logs.text).not.toContain(secret);
    }
  });

  it('wrong, expired and replaced codes get distinct clear messages', async () => {
    const { company, letter } = await createCompany('1002');
    const code = await letterCode(company.id, letter.documentId);
    const user = await register('carla.admin', 'carla@example.org');

    const wrong = await call(t.app, 'POST', '/api/v1/onboarding/unlock', {
      session: user,
      body: { code: 'AAAA-BBBB-CCCC-DDDD' },
      headers: { 'accept-language': 'en' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'code_wrong',
      message: 'The code is wrong. Please check your input.',
      details: [{ field: 'code', rule: 'code_wrong' }],
    });

    // The e-mailed activation code expires after 24 hours.
    await call(t.app, 'POST', '/api/v1/onboarding/unlock', { session: user, body: { code } });
    const activation = await activationCodeFor('carla@example.org');
    t.clock.advance(24 * 3_600_000 + 1000);
    const relogged = await login(t.app, 'carla.admin', 'Sicher-2026');
    const expired = await call(t.app, 'POST', '/api/v1/onboarding/activate', {
      session: relogged,
      body: { code: activation },
    });
    expect(expired.json().error.code).toBe('code_expired');

    // A new letter kills the old code.
    const reissued = await call(t.app, 'POST', `/api/v1/companies/${company.id}/welcome-letters`, {
      session: await asOperator(),
    });
    expect(reissued.statusCode).toBe(201);
    const revoked = await call(t.app, 'POST', '/api/v1/onboarding/unlock', {
      session: relogged,
      body: { code },
    });
    expect(revoked.json().error.code).toBe('code_revoked');
    const newCode = await letterCode(company.id, reissued.json().documentId);
    expect(newCode).not.toBe(code);
    const ok = await call(t.app, 'POST', '/api/v1/onboarding/unlock', {
      session: relogged,
      body: { code: newCode },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('the letter code expires after 30 days', async () => {
    const { company, letter } = await createCompany('1003');
    const code = await letterCode(company.id, letter.documentId);
    t.clock.advance(30 * 86_400_000 + 1000);
    const user = await register('dora.admin', 'dora@example.org');
    const res = await call(t.app, 'POST', '/api/v1/onboarding/unlock', {
      session: user,
      body: { code },
    });
    expect(res.json().error.code).toBe('code_expired');
  });

  it('an admin invites a further admin who joins with the invitation code', async () => {
    const admin = await login(t.app, 'demo-admin');
    const companyId = (await call(t.app, 'GET', '/api/v1/auth/me', { session: admin })).json().user
      .companies[0].id;
    const invite = await call(t.app, 'POST', `/api/v1/companies/${companyId}/admin-invitations`, {
      session: admin,
      body: { email: 'emil@muster-handels.example' },
    });
    expect(invite.statusCode, invite.body).toBe(201);
    await t.ctx.jobs.drain();
    const list = await call(t.app, 'GET', '/api/v1/outbox?pageSize=100', {
      session: await asOperator(),
    });
    const mail = list
      .json()
      .items.find((i: { template: string }) => i.template === 'admin_invitation');
    const body = (
      await call(t.app, 'GET', `/api/v1/outbox/${mail.id}`, { session: await asOperator() })
    ).json().body;
    const code = LETTER_CODE.exec(body)![0];

    const emil = await register('emil.admin', 'emil@muster-handels.example');
    expect(
      (await call(t.app, 'POST', '/api/v1/onboarding/unlock', { session: emil, body: { code } }))
        .statusCode,
    ).toBe(200);
    const activation = await activationCodeFor('emil@muster-handels.example');
    const done = await call(t.app, 'POST', '/api/v1/onboarding/activate', {
      session: emil,
      body: { code: activation },
    });
    expect(done.json().user.companies[0].id).toBe(companyId);
  });

  it('ten wrong codes lock code entry for the account', async () => {
    const user = await register('fritz.admin', 'fritz@example.org');
    const answers = [];
    for (let i = 0; i < 10; i++) {
      const answer = await call(t.app, 'POST', '/api/v1/onboarding/unlock', {
        session: user,
        body: { code: `WRONG-${i}` },
      });
      answers.push(answer.json().error.code);
    }
    expect(answers.slice(0, 9)).toEqual(Array(9).fill('code_wrong'));
    expect(answers[9]).toBe('code_locked');
  });
});
