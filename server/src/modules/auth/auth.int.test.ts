import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, sessionOf } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
});
afterAll(() => t.close());

const attempt = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('POST /api/v1/auth/login', () => {
  it('sets an HttpOnly SameSite session cookie and answers with user, role and company', async () => {
    const res = await attempt('demo-admin', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zentrale_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user).toMatchObject({
      username: 'demo-admin',
      role: 'admin',
      companies: [{ name: 'Muster Handels GmbH', customerNumber: 'K-100001' }],
    });
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.body).not.toContain('passwordHash');
  });

  it('answers an unknown username and a wrong password the same way', async () => {
    const unknown = await attempt('nobody-here', 'Whatever-123', '10.0.0.2');
    const wrong = await attempt('operator', 'Whatever-123', '10.0.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().error.message).toBe('Benutzername oder Passwort ist falsch.');
  });

  it('locks the account after five failures, also for the right password, then lets it in again', async () => {
    const admin = 'demo-admin';
    for (let i = 0; i < 4; i++) {
      expect((await attempt(admin, `Wrong-${i}-pw`, `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const fifth = await attempt(admin, 'Wrong-5-pw', '10.1.0.9');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error).toMatchObject({
      code: 'login_locked',
      message:
        'Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung ist für 15 Minute(n) gesperrt.',
    });
    expect((await attempt(admin, DEMO_PASSWORD, '10.1.0.10')).statusCode).toBe(429);
    t.clock.advance(15 * 60_000 + 1);
    expect((await attempt(admin, DEMO_PASSWORD, '10.1.0.11')).statusCode).toBe(200);
  });

  it('locks an address after twenty failures across usernames', async () => {
    for (let i = 0; i < 19; i++) {
      expect((await attempt(`spray-${i}`, 'Wrong-pw-1', '10.2.0.1')).statusCode).toBe(401);
    }
    expect((await attempt('spray-20', 'Wrong-pw-1', '10.2.0.1')).statusCode).toBe(429);
    // Another address is not affected.
    expect((await attempt('operator', DEMO_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
    t.clock.advance(15 * 60_000 + 1);
  });

  it('rejects bad input naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'password', rule: 'required' }),
    ]);
  });
});

describe('sessions', () => {
  it('a change without the CSRF token is refused; with it, it goes through', async () => {
    const s = await login(t.app, 'operator');
    const without = await call(t.app, 'POST', '/api/v1/auth/tokens', {
      session: s,
      csrf: false,
      body: { name: 'script' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await call(t.app, 'POST', '/api/v1/auth/tokens', {
      session: { ...s, csrf: 'forged-token-value-1234' },
      body: { name: 'script' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await call(t.app, 'POST', '/api/v1/auth/tokens', {
      session: s,
      body: { name: 'script' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('ends after the idle timeout and after the absolute timeout', async () => {
    const idle = await login(t.app, 'operator');
    t.clock.advance(59 * 60_000);
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { session: idle })).statusCode).toBe(200);
    t.clock.advance(61 * 60_000);
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { session: idle })).statusCode).toBe(401);

    const busy = await login(t.app, 'operator');
    for (let i = 0; i < 15; i++) {
      t.clock.advance(50 * 60_000);
      await call(t.app, 'GET', '/api/v1/auth/me', { session: busy });
    }
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { session: busy })).statusCode).toBe(401);
  });

  it('lists the own sessions and ends another one', async () => {
    const a = await login(t.app, 'demo-admin');
    const b = await login(t.app, 'demo-admin');
    const list = await call(t.app, 'GET', '/api/v1/auth/sessions', { session: a });
    const items = list.json().items as { id: string; current: boolean }[];
    expect(items.filter((i) => i.current)).toHaveLength(1);
    const other = items.find((i) => !i.current)!;
    expect(
      (await call(t.app, 'DELETE', `/api/v1/auth/sessions/${other.id}`, { session: a })).statusCode,
    ).toBe(204);
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { session: b })).statusCode).toBe(401);
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { session: a })).statusCode).toBe(200);
    // Someone else's session id is not found.
    const op = await login(t.app, 'operator');
    const foreign = await call(t.app, 'DELETE', `/api/v1/auth/sessions/${a.userId}`, {
      session: op,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('personal API tokens', () => {
  it('are shown once, stored hashed, usable as Bearer, listed without secret, revocable', async () => {
    const s = await login(t.app, 'demo-admin');
    const created = await call(t.app, 'POST', '/api/v1/auth/tokens', {
      session: s,
      body: { name: 'Inventar-Skript', expiresAt: '2027-12-31' },
    });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^zt_/);

    const bearer = { authorization: `Bearer ${secret}` };
    const me = await call(t.app, 'GET', '/api/v1/auth/me', { headers: bearer });
    expect(me.json().user.username).toBe('demo-admin');
    // Token calls need no CSRF token (no cookie involved).
    const own = await call(t.app, 'GET', '/api/v1/companies', { headers: bearer });
    expect(own.json().items).toHaveLength(1);

    const list = await call(t.app, 'GET', '/api/v1/auth/tokens', { session: s });
    expect(list.json().items[0]).toMatchObject({ id: token.id, name: 'Inventar-Skript' });
    expect(list.body).not.toContain(secret);
    expect(t.logs.text).not.toContain(secret);

    expect(
      (await call(t.app, 'DELETE', `/api/v1/auth/tokens/${token.id}`, { session: s })).statusCode,
    ).toBe(204);
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { headers: bearer })).statusCode).toBe(401);
  });

  it('an expired token stops working; an expiry in the past is refused', async () => {
    const s = await login(t.app, 'operator');
    const past = await call(t.app, 'POST', '/api/v1/auth/tokens', {
      session: s,
      body: { name: 'alt', expiresAt: '2020-01-01' },
    });
    expect(past.json().error.code).toBe('expiry_in_past');
    const day = new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const { secret } = (
      await call(t.app, 'POST', '/api/v1/auth/tokens', {
        session: s,
        body: { name: 'kurz', expiresAt: day },
      })
    ).json();
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { headers: bearer })).statusCode).toBe(200);
    t.clock.advance(2 * 86_400_000);
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { headers: bearer })).statusCode).toBe(401);
  });
});

describe('POST /api/v1/auth/register', () => {
  // Seed 003, "Hinweis - Sicherheit Passwort", checked through the API.
  it.each([
    ['mindestens acht Zeichen', 'Ab1', 'min_length'],
    ['ein Großbuchstabe', 'abcdefg1', 'uppercase'],
    ['ein Kleinbuchstabe', 'ABCDEFG1', 'lowercase'],
    ['eine Ziffer', 'Abcdefgh', 'digit'],
    ['nur _ - . als Sonderzeichen', 'Abcdefg1!', 'allowed_characters'],
    ['Benutzername nicht Teil des Passwortes', 'Xneu.nutzer1', 'not_username'],
  ])('refuses a password without "%s"', async (_rule, password, rule) => {
    const res = await call(t.app, 'POST', '/api/v1/auth/register', {
      body: { username: 'neu.nutzer', email: 'neu@example.org', password },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'password', rule }),
    );
  });

  it('refuses an existing username or e-mail clearly', async () => {
    const first = await call(t.app, 'POST', '/api/v1/auth/register', {
      body: { username: 'gerda', email: 'gerda@example.org', password: 'Sicher-2026' },
    });
    expect(first.statusCode).toBe(201);
    expect(sessionOf(first).csrf.length).toBeGreaterThan(10);
    const sameName = await call(t.app, 'POST', '/api/v1/auth/register', {
      body: { username: 'GERDA', email: 'other@example.org', password: 'Sicher-2026' },
    });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error).toMatchObject({
      code: 'username_taken',
      message: 'Dieser Benutzername ist bereits vergeben.',
    });
    const sameMail = await call(t.app, 'POST', '/api/v1/auth/register', {
      body: { username: 'gerda2', email: 'Gerda@Example.org', password: 'Sicher-2026' },
    });
    expect(sameMail.json().error.code).toBe('email_taken');
  });
});
