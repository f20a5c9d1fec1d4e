import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createWorkplace, type WorkplaceFixture } from './test/factory.ts';
import { messagesTo, temporaryPasswordSentTo } from './test/helpers.ts';

let t: TestApp;
let companyId: string;
const HOUR = 3_600_000;
const base = '/api/v1/myportal/first-login';

beforeAll(async () => {
  t = await createTestApp({ env: { TEMP_PASSWORD_HOURS: '24', TRUST_PROXY: 'true' } });
  companyId = (await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD)).companyId!;
});
afterAll(() => t.close());

// Every address gets its own counters (as behind a proxy), so the tests don't lock each other.
let address = 0;
const fromNewAddress = () => ({ 'x-forwarded-for': `10.0.${++address % 250}.${address}` });

const request = (username: string, headers = fromNewAddress()) =>
  call(t.app, 'POST', `${base}/request`, { body: { username }, headers });
const verify = (username: string, temporaryPassword: string) =>
  call(t.app, 'POST', `${base}/verify`, {
    body: { username, temporaryPassword },
    headers: fromNewAddress(),
  });
const setPassword = (ticket: string, password: string) =>
  call(t.app, 'POST', `${base}/password`, { body: { ticket, password } });

async function ticketFor(wp: WorkplaceFixture): Promise<string> {
  expect((await request(wp.username)).statusCode).toBe(202);
  const temp = await temporaryPasswordSentTo(t, 'sms', wp.authMobile!);
  const answer = await verify(wp.username, temp);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<{ ticket: string }>().ticket;
}

describe('seed 001 "Versand der Anmeldedaten & des temporären Passwortes"', () => {
  it('with a mobile number the temporary password goes by SMS, not by e-mail', async () => {
    const wp = await createWorkplace(t.ctx, companyId, { delivery: 'sms' });
    expect((await request(wp.username)).statusCode).toBe(202);
    const sms = await messagesTo(t, wp.authMobile!);
    expect(sms).toEqual([
      expect.objectContaining({ channel: 'sms', template: 'temporary_password' }),
    ]);
    expect(await messagesTo(t, wp.authEmail)).toEqual([]);
    expect(sms[0]!.body).toContain(wp.username);
  });

  it('"Authentifizierung ohne Mobilfunknummer": the temporary password goes by e-mail', async () => {
    const wp = await createWorkplace(t.ctx, companyId, { delivery: 'email' });
    expect((await request(wp.username.toUpperCase())).statusCode).toBe(202);
    const mails = await messagesTo(t, wp.authEmail);
    expect(mails).toEqual([
      expect.objectContaining({ channel: 'email', template: 'temporary_password' }),
    ]);
    // The stored copy for the outbox list masks nothing yet, the redacted copy does.
    expect(mails[0]!.redactedBody).not.toMatch(/[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-/);
  });
});

describe('no user enumeration', () => {
  it('answers the same for an unknown username, an inactive workplace and a known one', async () => {
    const known = await createWorkplace(t.ctx, companyId);
    const inactive = await createWorkplace(t.ctx, companyId, { status: 'deactivated' });
    const ordered = await createWorkplace(t.ctx, companyId, {
      status: 'ordered',
      withAccount: false,
    });
    const answers = await Promise.all(
      [known.username, inactive.username, ordered.username, 'gibt.es.nicht'].map(async (u) => {
        const res = await request(u);
        return { status: res.statusCode, body: res.body };
      }),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 202, body: '{"accepted":true}' });
    expect(await messagesTo(t, known.authMobile!)).toHaveLength(1);
    expect(await messagesTo(t, inactive.authMobile!)).toEqual([]);
    expect(await messagesTo(t, ordered.authMobile!)).toEqual([]);

    const wrong = await Promise.all(
      [known.username, inactive.username, 'gibt.es.nicht'].map(async (u) => {
        const res = await verify(u, 'ABCD-EFGH-JKLM');
        return { status: res.statusCode, body: res.body };
      }),
    );
    expect(new Set(wrong.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(wrong[0]!.status).toBe(401);
  });

  it('takes about as long for an unknown username as for a known one (both hash)', async () => {
    const known = await createWorkplace(t.ctx, companyId);
    const time = async (u: string) => {
      const start = performance.now();
      await request(u);
      return performance.now() - start;
    };
    const knownMs: number[] = [];
    const unknownMs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      knownMs.push(await time(known.username));
      unknownMs.push(await time(`niemand${i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    expect(median(unknownMs)).toBeGreaterThan(median(knownMs) * 0.3);
  });

  it('limits requests per username, whether it exists or not', async () => {
    const known = await createWorkplace(t.ctx, companyId);
    for (const username of [known.username, 'auch.unbekannt']) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        statuses.push((await request(username)).statusCode);
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    }
    t.clock.advance(61 * 60_000);
    expect((await request(known.username)).statusCode).toBe(202);
  });
});

describe('the temporary password', () => {
  it('is single-use', async () => {
    const wp = await createWorkplace(t.ctx, companyId);
    await request(wp.username);
    const temp = await temporaryPasswordSentTo(t, 'sms', wp.authMobile!);
    expect((await verify(wp.username, temp)).statusCode).toBe(200);
    const again = await verify(wp.username, temp);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('temporary_password_invalid');
  });

  it('expires after TEMP_PASSWORD_HOURS (24 by default)', async () => {
    const wp = await createWorkplace(t.ctx, companyId);
    await request(wp.username);
    const temp = await temporaryPasswordSentTo(t, 'sms', wp.authMobile!);
    t.clock.advance(24 * HOUR);
    expect((await verify(wp.username, temp)).statusCode).toBe(401);

    const other = await createWorkplace(t.ctx, companyId);
    await request(other.username);
    const fresh = await temporaryPasswordSentTo(t, 'sms', other.authMobile!);
    t.clock.advance(24 * HOUR - 60_000);
    expect((await verify(other.username, fresh.toLowerCase().replace(/-/g, ' '))).statusCode).toBe(
      200,
    );
  });

  it('a new temporary password revokes the older ones', async () => {
    const wp = await createWorkplace(t.ctx, companyId);
    await request(wp.username);
    const first = await temporaryPasswordSentTo(t, 'sms', wp.authMobile!);
    t.clock.advance(1000);
    await request(wp.username);
    const second = await temporaryPasswordSentTo(t, 'sms', wp.authMobile!);
    expect(second).not.toBe(first);
    expect((await verify(wp.username, first)).statusCode).toBe(401);
    expect((await verify(wp.username, second)).statusCode).toBe(200);
  });

  it('dies after five wrong entries', async () => {
    const wp = await createWorkplace(t.ctx, companyId);
    await request(wp.username);
    const temp = await temporaryPasswordSentTo(t, 'sms', wp.authMobile!);
    for (let i = 0; i < 5; i += 1) {
      expect((await verify(wp.username, 'WXYZ-WXYZ-WXYZ')).statusCode).toBe(401);
    }
    expect((await verify(wp.username, temp)).statusCode).toBe(401);
  });
});

// Seed 003, "Hinweis - Sicherheit Passwort": "Das Passwort muss mindestens acht Zeichen lang sein.
// Es muss mindestens ein Großbuchstabe, ein Kleinbuchstabe und eine Ziffer verwendet werden. Als
// Sonderzeichen können Unterstrich (_), Bindestrich (-) und Punkt (.) verwendet werden. Zudem darf
// der Benutzername nicht Teil des Passwortes sein."
describe('seed 003 "Hinweis - Sicherheit Passwort" when setting the new password', () => {
  let wp: WorkplaceFixture;
  let ticket: string;
  beforeAll(async () => {
    wp = await createWorkplace(t.ctx, companyId, { username: 'erika.muster' });
    ticket = await ticketFor(wp);
  });

  it.each([
    ['mindestens acht Zeichen', 'Abcde1_', 'min_length'],
    ['mindestens ein Großbuchstabe', 'abcdefg1', 'uppercase'],
    ['mindestens ein Kleinbuchstabe', 'ABCDEFG1', 'lowercase'],
    ['mindestens eine Ziffer', 'Abcdefgh', 'digit'],
    ['Sonderzeichen nur _ - .', 'Abcdefg1!', 'allowed_characters'],
    ['Sonderzeichen nur _ - . (kein Umlaut)', 'Äbcdefg1', 'allowed_characters'],
    ['der Benutzername nicht Teil des Passwortes', 'Neu-erika.muster-1', 'not_username'],
    ['der Benutzername nicht Teil (Groß/klein egal)', 'X-ERIKA.MUSTER-9x', 'not_username'],
  ])('%s: %j is refused (rule %s), the ticket stays usable', async (_rule, password, rule) => {
    const res = await setPassword(ticket, password);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toContainEqual(
      expect.objectContaining({ field: 'password', rule: `validation.password.${rule}` }),
    );
  });

  it.each([
    ['Unterstrich', 'Sommer_2026'],
    ['Bindestrich', 'Sommer-2026'],
    ['Punkt', 'Sommer.2026'],
  ])('Sonderzeichen %s is accepted; then the user is logged in', async (_name, password) => {
    const own = await createWorkplace(t.ctx, companyId);
    const res = await setPassword(await ticketFor(own), password);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'end_user', username: own.username });
  });

  it('a valid password logs the user in; the overview follows; the ticket is spent', async () => {
    const res = await setPassword(ticket, 'Neues_Passwort7');
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zentrale_session')!.value;
    const session: Session = { cookie, csrf: res.json().csrfToken, userId: res.json().user.id };
    const overview = await call(t.app, 'GET', '/api/v1/myportal/overview', { session });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().user.username).toBe('erika.muster');
    expect((await setPassword(ticket, 'Noch_ein_anderes8')).statusCode).toBe(401);
    await login(t.app, 'erika.muster', 'Neues_Passwort7');
  });
});

describe('the password ticket', () => {
  it('expires after 15 minutes and is bound to the server secret', async () => {
    const wp = await createWorkplace(t.ctx, companyId);
    const ticket = await ticketFor(wp);
    const forged = `${ticket.split('.')[0]}.${'0'.repeat(64)}`;
    expect((await setPassword(forged, 'Gueltig_2026')).statusCode).toBe(401);
    expect((await setPassword('kein-ticket', 'Gueltig_2026')).statusCode).toBe(401);
    t.clock.advance(15 * 60_000);
    const late = await setPassword(ticket, 'Gueltig_2026');
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('password_ticket_invalid');
  });
});

describe('"Passwort vergessen" runs the same flow', () => {
  it('sets a new password; the old one and open sessions stop working', async () => {
    const wp = await createWorkplace(t.ctx, companyId);
    expect((await setPassword(await ticketFor(wp), 'Erstes_Passwort1')).statusCode).toBe(200);
    const oldSession = await login(t.app, wp.username, 'Erstes_Passwort1');
    t.clock.advance(60_000);
    expect((await setPassword(await ticketFor(wp), 'Zweites_Passwort2')).statusCode).toBe(200);
    const stale = await call(t.app, 'GET', '/api/v1/myportal/overview', { session: oldSession });
    expect(stale.statusCode).toBe(401);
    const wrong = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { username: wp.username, password: 'Erstes_Passwort1' },
    });
    expect(wrong.statusCode).toBe(401);
    await login(t.app, wp.username, 'Zweites_Passwort2');
  });
});
