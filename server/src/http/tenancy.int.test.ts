// Cross-tenant isolation, derived from /api/openapi.json so that every company-scoped route added
// later is covered automatically: an admin of another company gets 404 and learns nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../demo/seed.ts';
import { addCompanyAdmin, insertUser } from '../modules/auth/users.repository.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { call, DEMO_PASSWORD, login, newCompanyBody, type Session } from '../test/api-client.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { PERMISSIONS } from './permissions.ts';

let t: TestApp;
let victimId: string;
let intruder: Session;
let intruderCompanyId: string;

interface Operation {
  method: string;
  path: string;
}

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  victimId = seeded.companyId!;
  const operator = await login(t.app, 'operator');
  const other = await call(t.app, 'POST', '/api/v1/companies', {
    session: operator,
    body: newCompanyBody('2001'),
  });
  intruderCompanyId = other.json().company.id;
  const user = await insertUser(t.ctx.database.db, {
    kind: 'portal',
    username: 'intruder',
    email: 'intruder@example.org',
    passwordHash: await hashPassword(DEMO_PASSWORD),
    displayName: 'Admin of another company',
    now: t.clock.now(),
  });
  await addCompanyAdmin(t.ctx.database.db, intruderCompanyId, user.id, t.clock.now());
  intruder = await login(t.app, 'intruder');
});
afterAll(() => t.close());

async function operations(): Promise<Operation[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

/** Fills {companyId} with the given company and any other parameter with a fresh UUID. */
const concrete = (path: string, companyId: string) =>
  path.replace('{companyId}', companyId).replace(/\{[^}]+\}/g, () => randomUUID());

describe('tenant isolation (derived from the OpenAPI document)', () => {
  it('covers the company-scoped routes', async () => {
    const scoped = (await operations()).filter((o) => o.path.includes('{companyId}'));
    expect(scoped.length).toBeGreaterThanOrEqual(8);
  });

  it('an admin of another company gets 404 for every company-scoped route, whatever the body', async () => {
    const scoped = (await operations()).filter((o) => o.path.includes('{companyId}'));
    for (const op of scoped) {
      for (const body of [undefined, {}, { name: 'x', email: 'a@b.c', code: 'X' }]) {
        const res = await call(t.app, op.method, concrete(op.path, victimId), {
          session: intruder,
          ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { body: body ?? {} }),
        });
        expect(res.statusCode, `${op.method} ${op.path}`).toBe(404);
        expect(res.body).not.toContain('Muster Handels');
      }
    }
  });

  it('the same routes do not answer 404 for the own company (the 404 above is tenancy)', async () => {
    const res = await call(t.app, 'GET', `/api/v1/companies/${intruderCompanyId}`, {
      session: intruder,
    });
    expect(res.statusCode).toBe(200);
    const audit = await call(t.app, 'GET', `/api/v1/companies/${intruderCompanyId}/audit-log`, {
      session: intruder,
    });
    expect(audit.statusCode).toBe(200);
  });

  it('unknown and malformed company ids answer 404 too, also for operators', async () => {
    const operator = await login(t.app, 'operator');
    for (const id of [randomUUID(), 'not-a-uuid', "1' or '1'='1"]) {
      const res = await call(t.app, 'GET', `/api/v1/companies/${encodeURIComponent(id)}`, {
        session: operator,
      });
      expect(res.statusCode).toBe(404);
    }
  });

  it('lists only the own companies to an admin', async () => {
    const res = await call(t.app, 'GET', '/api/v1/companies', { session: intruder });
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([intruderCompanyId]);
  });

  it('every non-public API route answers 401 without login', async () => {
    for (const op of await operations()) {
      if (
        !op.path.startsWith('/api/v1/') ||
        [
          '/api/v1/meta',
          '/api/v1/auth/login',
          '/api/v1/auth/register',
          '/api/v1/myportal/first-login/request',
          '/api/v1/myportal/first-login/verify',
          '/api/v1/myportal/first-login/password',
        ].includes(op.path)
      ) {
        continue;
      }
      const res = await call(t.app, op.method, concrete(op.path, victimId), {
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { body: {} }),
      });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
    }
  });

  it('operator-only routes answer 403 to company admins', async () => {
    expect(PERMISSIONS['outbox.read']).toEqual(['operator']);
    for (const [method, url] of [
      ['GET', '/api/v1/outbox'],
      ['GET', '/api/v1/provider'],
      ['POST', '/api/v1/companies'],
      ['PATCH', `/api/v1/companies/${intruderCompanyId}/contract`],
      ['POST', `/api/v1/companies/${intruderCompanyId}/welcome-letters`],
    ] as const) {
      const res = await call(t.app, method, url, {
        session: intruder,
        ...(method === 'GET' ? {} : { body: {} }),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });
});
