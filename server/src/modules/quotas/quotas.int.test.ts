import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groups, workplaces, type WorkplaceStatus } from '../../db/schema/index.ts';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, newCompanyBody, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedCatalogIfEmpty } from '../catalog/catalog.seed.ts';

// Seed 003 / issue 6: "Kontingente & Auftragsstatus" shows the quotas — workplaces configured /
// available, parallel calls booked / in use, licences.

let t: TestApp;
let operator: Session;
let admin: Session;
let companyId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedCatalogIfEmpty(t.ctx.database, t.clock);
  const seed = await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  companyId = seed.companyId!;
  operator = await login(t.app, 'operator');
  admin = await login(t.app, 'demo-admin');
});
afterAll(() => t.close());

async function insertWorkplace(status: WorkplaceStatus, n: number) {
  const [group] = await t.ctx.database.db
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.companyId, companyId));
  const now = t.clock.now();
  await t.ctx.database.db.insert(workplaces).values({
    companyId,
    status,
    groupId: group!.id,
    timeZone: 'Europe/Berlin',
    firstName: 'Erika',
    lastName: `Muster ${n}`,
    username: `erika.muster${n}`,
    authEmail: `erika${n}@muster.example`,
    passwordDelivery: 'email',
    mainNumber: `+4922812345${String(n).padStart(2, '0')}`,
    internalNumber: String(200 + n),
    createdAt: now,
    updatedAt: now,
  });
}

const quotas = (session: Session, id = companyId, headers: Record<string, string> = {}) =>
  call(t.app, 'GET', `/api/v1/companies/${id}/quotas`, { session, headers });

describe('GET /companies/:cid/quotas', () => {
  it('starts with the contract: 25 workplaces free, 10 parallel calls, no licences', async () => {
    const res = await quotas(admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      workplaces: { configured: 0, available: 25, total: 25 },
      parallelCalls: { booked: 10, inUse: null },
      licences: [],
    });
  });

  it('counts workplaces in the cart, ordered, active and deactivated, not deleted ones', async () => {
    const statuses: WorkplaceStatus[] = ['in_cart', 'ordered', 'active', 'active', 'deactivated'];
    for (const [i, status] of statuses.entries()) {
      await insertWorkplace(status, i + 1);
    }
    await insertWorkplace('deleted', 9);
    const res = await quotas(admin);
    expect(res.json().workplaces).toEqual({ configured: 5, available: 20, total: 25 });
  });

  it('follows the contract: quota, parallel calls and licences named from the catalogue', async () => {
    const patch = await call(t.app, 'PATCH', `/api/v1/companies/${companyId}/contract`, {
      session: operator,
      body: {
        workplaceQuota: 4,
        parallelCalls: 12,
        partnerLicences: { zoom_phone: 20, unify_office: 5 },
      },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const res = await quotas(admin);
    expect(res.json()).toEqual({
      // More configured than the lowered quota: none available, never negative.
      workplaces: { configured: 5, available: 0, total: 4 },
      parallelCalls: { booked: 12, inUse: null },
      licences: [
        { product: 'zoom_phone', name: 'Zoom X Phone', total: 20, used: 0 },
        { product: 'unify_office', name: 'Unify Office', total: 5, used: 0 },
      ],
    });
  });

  it('is limited to the caller’s companies and needs a login', async () => {
    const created = await call(t.app, 'POST', '/api/v1/companies', {
      session: operator,
      body: newCompanyBody('7101'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const otherId = created.json().company.id as string;
    expect((await quotas(admin, otherId)).statusCode).toBe(404);
    const asOperator = await quotas(operator, otherId);
    expect(asOperator.statusCode).toBe(200);
    expect(asOperator.json()).toMatchObject({
      workplaces: { configured: 0, available: 10, total: 10 },
      parallelCalls: { booked: 4, inUse: null },
    });
    const anonymous = await call(t.app, 'GET', `/api/v1/companies/${companyId}/quotas`);
    expect(anonymous.statusCode).toBe(401);
  });
});
