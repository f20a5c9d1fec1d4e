// A list that moves the cart into another price tier (seed 001: "Der endgültige Preis je
// Arbeitsplatz ist abhängig von der Gesamtzahl"): the items already in the cart are repriced in
// the same transaction as the list's items go in — stored, not only when the cart is read.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartItems, type PriceLine } from '../../db/schema/index.ts';
import { call } from '../../test/api-client.ts';
import { createImportTestAppWithBlock, csv, upload, type ImportTestApp } from './testing.ts';

let w: ImportTestApp;

beforeAll(async () => {
  w = await createImportTestAppWithBlock();
});
afterAll(() => w.close());

const HEADER = [
  'Vorname',
  'Nachname',
  'Benutzername',
  'E-Mail zur Authentifizierung',
  'Mobilfunknummer (SMS)',
  'Rufnummer',
  'Interne Rufnummer',
];
const row = (n: number) => [
  `Tina${n}`,
  'Tarif',
  `tina.tarif${n}`,
  `tina${n}@example.com`,
  '0151 12345678',
  `0228 1234${600 + n}`,
  `${600 + n}`,
];

async function importRows(from: number, count: number): Promise<void> {
  const file = csv(
    HEADER,
    Array.from({ length: count }, (_, i) => row(from + i)),
  );
  const state = (await upload(w, file, 'tarif.csv')).json();
  expect(state.summary, JSON.stringify(state)).toMatchObject({ valid: count, invalid: 0 });
  const done = await call(w.t.app, 'POST', `${w.base}/imports/${state.id}/commit`, {
    session: w.admin,
    body: { mode: 'all' },
  });
  expect(done.statusCode, done.body).toBe(201);
}

/** The workplace's price line of every item of the admin's cart, as stored. */
async function storedLines(): Promise<PriceLine[]> {
  const rows = await w.t.ctx.database.db
    .select({ lines: cartItems.priceLines })
    .from(cartItems)
    .where(and(eq(cartItems.userId, w.admin.userId), eq(cartItems.companyId, w.companyId)));
  return rows.map((r) => r.lines.find((l) => l.productKey === 'cloud_pbx_workplace')!);
}

describe('a list that moves the price tier', () => {
  it('reprices the items already in the cart with the new total', async () => {
    await importRows(1, 2);
    const [first] = await storedLines();
    expect(first!.tierFrom).toBe(1);
    await importRows(10, 12);
    const lines = await storedLines();
    expect(lines).toHaveLength(14);
    // Every item, the first two included, now at the tier of all 14.
    expect(new Set(lines.map((l) => `${l.tierFrom}:${l.unitMonthlyCents}`)).size).toBe(1);
    expect(lines[0]!.tierFrom).toBeGreaterThan(1);
    expect(lines[0]!.unitMonthlyCents).toBeLessThan(first!.unitMonthlyCents);
  });
});
