import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../common/src/csv.ts';
import { berlinDayStart, dayAmountCents } from '../../../../common/src/rules/billing.ts';
import { charges, jobs } from '../../db/schema/index.ts';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, newCompanyBody, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedCatalogIfEmpty } from '../catalog/catalog.seed.ts';
import { registerBillableCounter } from './billing.counters.ts';
import { BILLING_DAILY_JOB, scheduleDailyBilling } from './billing.job.ts';
import { recordOneOff } from './billing.ledger.ts';

// Seed 000 Schritt 7, "Hinweis - Gesamtpreis Parallele Gespräche": "Die Berechnung erfolgt Tag
// genau. Es wird immer der Tageshöchstwert berechnet. Die Staffelpreise können Sie unter der
// AGB-Preisliste einsehen." Catalogue: parallel calls 5,90 € (from 11: 4,90 €), workplace
// 12,90 € (from 11: 11,90 €).

let t: TestApp;
let operator: Session;
let admin: Session;
let companyId: string;
let unregister: () => void;

/** German noon of a day, so the instant is clearly inside it. */
const noon = (day: string) => new Date(berlinDayStart(day).getTime() + 12 * 3_600_000);

/** Moves the clock; sessions idle for days have expired, so both log in again. */
async function setClock(to: Date) {
  t.clock.set(to);
  operator = await login(t.app, 'operator');
  admin = await login(t.app, 'demo-admin');
}

beforeAll(async () => {
  t = await createTestApp();
  await seedCatalogIfEmpty(t.ctx.database, t.clock);
  const seed = await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  companyId = seed.companyId!;
  operator = await login(t.app, 'operator');
  admin = await login(t.app, 'demo-admin');
  // Stands in for the workplaces module's counter: 3 active workplaces, 12 from 3 February.
  unregister = registerBillableCounter('cloud_pbx_workplace', (_db, id, day) =>
    Promise.resolve(id === companyId ? (day >= '2026-02-03' ? 12 : 3) : 0),
  );
});
afterAll(async () => {
  unregister();
  await t.close();
});

async function setParallelCalls(n: number) {
  const res = await call(t.app, 'PATCH', `/api/v1/companies/${companyId}/contract`, {
    session: operator,
    body: { parallelCalls: n },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function row(day: string, productKey = 'parallel_calls') {
  const rows = await t.ctx.database.db
    .select()
    .from(charges)
    .where(
      and(
        eq(charges.companyId, companyId),
        eq(charges.day, day),
        eq(charges.productKey, productKey),
        eq(charges.subject, ''),
      ),
    );
  return rows[0] ?? null;
}

const queuedDailyJobs = () =>
  t.ctx.database.db
    .select({ dedupeKey: jobs.dedupeKey, runAt: jobs.runAt, status: jobs.status })
    .from(jobs)
    .where(and(eq(jobs.kind, BILLING_DAILY_JOB), eq(jobs.status, 'queued')))
    .orderBy(asc(jobs.runAt));

describe('issue 6: parallel calls 5 → 8 → 3 within one day are charged as 8 for that day', () => {
  it('charges the day maximum, and the next day starts at the current value', async () => {
    await setClock(noon('2026-01-05'));
    await setParallelCalls(5); // from the demo contract's 10: 5 January is charged at 10
    expect(await row('2026-01-05')).toMatchObject({ quantity: 10 });

    await setClock(noon('2026-01-06'));
    await setParallelCalls(8);
    t.clock.advance(3_600_000);
    await setParallelCalls(3);
    const day = await row('2026-01-06');
    expect(day).toMatchObject({
      quantity: 8,
      unitMonthlyCents: 590,
      amountCents: dayAmountCents(8, 590, '2026-01-06'),
    });
    expect(day!.amountCents).toBe(152); // 8 × 5,90 € ÷ 31 days

    // The next day's daily run writes the current value 3; the 6th stays at 8.
    await scheduleDailyBilling(t.ctx.database.db, t.clock, '2026-01-07');
    await setClock(new Date(berlinDayStart('2026-01-07').getTime() + 5_000));
    expect(await t.ctx.jobs.drain()).toBe(1);
    expect(await row('2026-01-07')).toMatchObject({ quantity: 3, amountCents: 57 });
    expect(await row('2026-01-06')).toMatchObject({ quantity: 8 });
    // It enqueued itself for the next German day.
    expect(await queuedDailyJobs()).toEqual([
      {
        dedupeKey: 'billing.daily:2026-01-08',
        runAt: new Date('2026-01-07T23:00:00Z'),
        status: 'queued',
      },
    ]);
    expect(await t.ctx.jobs.drain()).toBe(0);
  });

  it('applies the tier of the day quantity: 12 parallel calls cost 4,90 € each', async () => {
    await setClock(noon('2026-01-07'));
    await setParallelCalls(12);
    expect(await row('2026-01-07')).toMatchObject({
      quantity: 12,
      unitMonthlyCents: 490,
      amountCents: 190, // 12 × 4,90 € ÷ 31 = 189.68
    });
  });
});

describe('the daily run', () => {
  it('catches up every day a stopped worker missed, for counters and parallel calls', async () => {
    // Workers were down from the 8th of January to the 5th of February.
    await setClock(noon('2026-02-05'));
    await t.ctx.jobs.drain();
    for (const day of ['2026-01-08', '2026-01-31']) {
      expect(await row(day)).toMatchObject({ quantity: 12, unitMonthlyCents: 490 });
      expect(await row(day, 'cloud_pbx_workplace')).toMatchObject({
        quantity: 3,
        unitMonthlyCents: 1290,
        amountCents: dayAmountCents(3, 1290, day),
      });
    }
    expect(await row('2026-02-05')).toMatchObject({ quantity: 12, amountCents: 210 }); // ÷ 28
    expect(await row('2026-02-02', 'cloud_pbx_workplace')).toMatchObject({ quantity: 3 });
    // From the 3rd the counter reports 12 workplaces: the tier from 11 applies.
    expect(await row('2026-02-03', 'cloud_pbx_workplace')).toMatchObject({
      quantity: 12,
      unitMonthlyCents: 1190,
      amountCents: 510, // 12 × 11,90 € ÷ 28
    });
    // The first run (for the 7th) closed the 6th too; days before it were not touched.
    expect(await row('2026-01-06', 'cloud_pbx_workplace')).toMatchObject({ quantity: 3 });
    expect(await row('2026-01-05', 'cloud_pbx_workplace')).toBeNull();
    // The 7th keeps its maximum 12 (not lowered, not raised).
    expect(await row('2026-01-07')).toMatchObject({ quantity: 12 });
    expect((await queuedDailyJobs()).map((j) => j.dedupeKey)).toEqual(['billing.daily:2026-02-06']);
  });

  it('running a day again changes nothing', async () => {
    const before = await t.ctx.database.db
      .select()
      .from(charges)
      .where(eq(charges.companyId, companyId))
      .orderBy(asc(charges.id));
    const id = await scheduleDailyBilling(t.ctx.database.db, t.clock, '2026-02-04');
    expect(id).not.toBeNull();
    expect(await t.ctx.jobs.drain()).toBe(1);
    const after = await t.ctx.database.db
      .select()
      .from(charges)
      .where(eq(charges.companyId, companyId))
      .orderBy(asc(charges.id));
    expect(after.map((r) => [r.day, r.productKey, r.quantity, r.amountCents])).toEqual(
      before.map((r) => [r.day, r.productKey, r.quantity, r.amountCents]),
    );
    // Once per day: the same day is not enqueued twice.
    expect(await scheduleDailyBilling(t.ctx.database.db, t.clock, '2026-02-04')).toBeNull();
  });

  it('a change while the worker is down bills the missed days at the old value', async () => {
    await setClock(noon('2026-02-08'));
    await setParallelCalls(6);
    expect(await row('2026-02-06')).toMatchObject({ quantity: 12 });
    expect(await row('2026-02-07')).toMatchObject({ quantity: 12 });
    expect(await row('2026-02-08')).toMatchObject({ quantity: 12 });
    await t.ctx.jobs.drain(); // the job of the 6th runs late and keeps those days as they are
    expect(await row('2026-02-07')).toMatchObject({ quantity: 12 });
    await setClock(noon('2026-02-09'));
    await t.ctx.jobs.drain();
    expect(await row('2026-02-09')).toMatchObject({ quantity: 6, unitMonthlyCents: 590 });
  });
});

describe('one-off prices', () => {
  it('are charged once on their day, however often the step runs', async () => {
    for (let i = 0; i < 2; i++) {
      await t.ctx.database.transaction((tx) =>
        recordOneOff(tx, t.ctx, {
          companyId,
          day: '2026-01-20',
          productKey: 'sip_trunk',
          subject: 'trunk-1',
          cents: 4990,
        }),
      );
    }
    const rows = await t.ctx.database.db
      .select()
      .from(charges)
      .where(and(eq(charges.companyId, companyId), like(charges.productKey, 'sip_trunk')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ quantity: 0, amountCents: 0, oneOffCents: 4990 });
  });
});

describe('GET /companies/:cid/billing and its CSV export', () => {
  const parallelJanuary =
    dayAmountCents(10, 590, '2026-01-05') +
    dayAmountCents(8, 590, '2026-01-06') +
    25 * dayAmountCents(12, 490, '2026-01-07'); // 7th to 31st
  const workplacesJanuary = 26 * dayAmountCents(3, 1290, '2026-01-07'); // 6th to 31st

  it('sums a month per product', async () => {
    const res = await call(t.app, 'GET', `/api/v1/companies/${companyId}/billing?month=2026-01`, {
      session: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      month: '2026-01',
      lines: [
        {
          productKey: 'cloud_pbx_workplace',
          name: 'Cloud PBX Arbeitsplatz',
          days: 26,
          quantityMax: 3,
          amountCents: workplacesJanuary,
          oneOffCents: 0,
        },
        {
          productKey: 'sip_trunk',
          name: 'SIP-Trunk',
          days: 0,
          quantityMax: 0,
          amountCents: 4990,
          oneOffCents: 4990,
        },
        {
          productKey: 'parallel_calls',
          name: 'Parallele Gespräche',
          days: 27,
          quantityMax: 12,
          amountCents: parallelJanuary,
          oneOffCents: 0,
        },
      ],
      totalCents: workplacesJanuary + 4990 + parallelJanuary,
    });
    const en = await call(t.app, 'GET', `/api/v1/companies/${companyId}/billing?month=2026-01`, {
      session: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().lines.map((l: { name: string }) => l.name)).toEqual([
      'Cloud PBX workplace',
      'SIP trunk',
      'Parallel calls',
    ]);
    const empty = await call(t.app, 'GET', `/api/v1/companies/${companyId}/billing?month=2025-12`, {
      session: admin,
    });
    expect(empty.json()).toEqual({ month: '2025-12', lines: [], totalCents: 0 });
  });

  it('exports one row per day and product as German CSV', async () => {
    const res = await call(
      t.app,
      'GET',
      `/api/v1/companies/${companyId}/billing/export?month=2026-01`,
      { session: admin },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="abrechnung-K-100001-2026-01.csv"',
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(['Datum', 'Produkt', 'Menge', 'Preis pro Monat', 'Betrag']);
    expect(rows).toContainEqual(['05.01.2026', 'Parallele Gespräche', '10', '5,90', '1,90']);
    expect(rows).toContainEqual(['06.01.2026', 'Parallele Gespräche', '8', '5,90', '1,52']);
    expect(rows).toContainEqual(['07.01.2026', 'Parallele Gespräche', '12', '4,90', '1,90']);
    expect(rows).toContainEqual(['07.01.2026', 'Cloud PBX Arbeitsplatz', '3', '12,90', '1,25']);
    expect(rows).toContainEqual(['20.01.2026', 'SIP-Trunk (einmalig)', '1', '', '49,90']);
    // 27 + 26 daily rows and the one-off row; sorted by day.
    expect(rows).toHaveLength(1 + 27 + 26 + 1);
    const days = rows.slice(1).map((r) => r[0]!.split('.').reverse().join('-'));
    expect(days).toEqual([...days].sort());
    // The rows add up to the summary's total.
    const cents = rows.slice(1).reduce((s, r) => s + Number(r[4]!.replace(',', '')), 0);
    expect(cents).toBe(parallelJanuary + workplacesJanuary + 4990);
  });

  it.each([
    ['2026-13', 'month_invalid'],
    ['2026-1', 'month_invalid'],
    ['Januar', 'month_invalid'],
    ['', 'month_invalid'],
  ])('refuses month=%j naming the field', async (month, rule) => {
    for (const path of ['billing', 'billing/export']) {
      const res = await call(
        t.app,
        'GET',
        `/api/v1/companies/${companyId}/${path}?month=${encodeURIComponent(month)}`,
        { session: admin },
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({
          field: 'month',
          rule,
          message: 'Geben Sie den Monat als JJJJ-MM an, z. B. 2026-03.',
        }),
      ]);
    }
  });

  it('refuses a missing month, in English when asked', async () => {
    const res = await call(t.app, 'GET', `/api/v1/companies/${companyId}/billing`, {
      session: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'month', rule: 'required' }),
    ]);
    const bad = await call(t.app, 'GET', `/api/v1/companies/${companyId}/billing?month=x`, {
      session: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(bad.json().error.details[0].message).toBe('Enter the month as YYYY-MM, e.g. 2026-03.');
  });

  it("another company's billing is not found for an admin; operators see every company", async () => {
    const created = await call(t.app, 'POST', '/api/v1/companies', {
      session: operator,
      body: newCompanyBody('7001'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const otherId = created.json().company.id as string;
    for (const path of ['billing?month=2026-01', 'billing/export?month=2026-01']) {
      const res = await call(t.app, 'GET', `/api/v1/companies/${otherId}/${path}`, {
        session: admin,
      });
      expect(res.statusCode, path).toBe(404);
      const asOperator = await call(t.app, 'GET', `/api/v1/companies/${otherId}/${path}`, {
        session: operator,
      });
      expect(asOperator.statusCode, path).toBe(200);
    }
    const anonymous = await call(
      t.app,
      'GET',
      `/api/v1/companies/${companyId}/billing?month=2026-01`,
    );
    expect(anonymous.statusCode).toBe(401);
  });
});
