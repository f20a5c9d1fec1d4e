import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies, contracts, providers } from '../db/schema/index.ts';
import { ManualClock } from '../platform/clock.ts';
import { createTestDb, type TestDb } from '../test/test-db.ts';
import { DEMO_COMPANY, seedDemoData } from './seed.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('seedDemoData', () => {
  it('seeds a provider and a company with an active contract, and nothing twice', async () => {
    const clock = new ManualClock('2026-05-04T12:00:00Z');
    const first = await seedDemoData(t.database, clock);
    expect(first.seeded).toBe(true);
    const second = await seedDemoData(t.database, clock);
    expect(second.seeded).toBe(false);

    const db = t.database.db;
    expect((await db.select({ n: count() }).from(providers))[0]?.n).toBe(1);
    const [company] = await db.select().from(companies);
    expect(company).toMatchObject(DEMO_COMPANY);
    const [contract] = await db.select().from(contracts);
    expect(contract).toMatchObject({
      companyId: company!.id,
      status: 'active',
      startDate: '2026-05-04',
    });
    expect(contract!.workplaceQuota).toBeGreaterThan(0);
  });
});
