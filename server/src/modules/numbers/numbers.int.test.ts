import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let op: Session;
let admin: Session;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  base = `/api/v1/companies/${seeded.companyId}`;
  op = await login(t.app, 'operator');
  admin = await login(t.app, 'demo-admin');
});
afterAll(() => t.close());

async function newBlock(body: Record<string, unknown>) {
  const res = await call(t.app, 'POST', `${base}/number-blocks`, { session: op, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const get = (url: string, session = admin) => call(t.app, 'GET', url, { session });

describe('number inventory', () => {
  let block: { id: string };
  beforeAll(async () => {
    block = await newBlock({ kind: 'block', number: '089 1234', extensionLength: 2 });
    await newBlock({ kind: 'single', number: '0228 63803058' });
  });

  it('shows blocks with decades and lengths, and single numbers', async () => {
    const res = await get(`${base}/number-blocks`);
    const items = res.json().items;
    expect(items.map((b: { display: string }) => b.display)).toEqual([
      '0228 63803058',
      '089 1234-00 … 99',
    ]);
    const b = items[1];
    expect(b).toMatchObject({ kind: 'block', availability: 'current', numbersTotal: 110 });
    expect(b.decades).toHaveLength(10);
    expect(
      b.decades[6].lengths.map((l: { displayLength: number; kind: string }) => [
        l.displayLength,
        l.kind,
      ]),
    ).toEqual([
      [9, 'short'],
      [10, 'standard'],
    ]);
  });

  it('refuses overlapping numbers, also a single number inside a block', async () => {
    for (const body of [
      { kind: 'block', number: '089 12345', extensionLength: 1 },
      { kind: 'single', number: '089 123456' },
    ]) {
      const res = await call(t.app, 'POST', `${base}/number-blocks`, { session: op, body });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('number_overlap');
    }
  });

  it('admins may not hand out numbers', async () => {
    const res = await call(t.app, 'POST', `${base}/number-blocks`, {
      session: admin,
      body: { kind: 'single', number: '030 9999999' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('pages free numbers of a decade and shows -0 only with "Jede" (seed 001, Tipp)', async () => {
    const std = await get(`${base}/number-blocks/${block.id}/decades/0/numbers?limit=3`);
    expect(std.json().items.map((n: { display: string }) => n.display)).toEqual([
      '089 1234-00',
      '089 1234-01',
      '089 1234-02',
    ]);
    expect(std.json().nextCursor).toBe('2:3');
    const next = await get(
      `${base}/number-blocks/${block.id}/decades/0/numbers?limit=3&cursor=2:3`,
    );
    expect(next.json().items[0].display).toBe('089 1234-03');
    const any = await get(`${base}/number-blocks/${block.id}/decades/0/numbers?limit=2&length=any`);
    expect(any.json().items.map((n: { display: string }) => n.display)).toEqual([
      '089 1234-0',
      '089 1234-00',
    ]);
  });

  it('assigned numbers stay visible as taken with their target, and are skipped as free', async () => {
    const assigned = await call(t.app, 'POST', `${base}/number-assignments`, {
      session: admin,
      body: {
        number: '+49 89 123401',
        targetType: 'workplace',
        targetId: 'wp-1',
        targetLabel: 'Maria Muster',
      },
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const free = await get(`${base}/number-blocks/${block.id}/decades/0/numbers?limit=2`);
    expect(free.json().items.map((n: { display: string }) => n.display)).toEqual([
      '089 1234-00',
      '089 1234-02',
    ]);
    const all = await get(`${base}/number-blocks/${block.id}/decades/0/numbers?limit=3&state=all`);
    expect(all.json().items[1]).toMatchObject({
      display: '089 1234-01',
      state: 'assigned',
      assignedTo: { type: 'workplace', id: 'wp-1', label: 'Maria Muster' },
    });
    const again = await call(t.app, 'POST', `${base}/number-assignments`, {
      session: admin,
      body: { number: '089 1234-01', targetType: 'workplace', targetId: 'wp-2' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Die Rufnummer 089 1234-01 ist bereits vergeben.');
    const released = await call(
      t.app,
      'DELETE',
      `${base}/number-assignments/${assigned.json().id}`,
      { session: admin },
    );
    expect(released.statusCode).toBe(204);
    const reassigned = await call(t.app, 'POST', `${base}/number-assignments`, {
      session: admin,
      body: { number: '089 1234-01', targetType: 'workplace', targetId: 'wp-2' },
    });
    expect(reassigned.statusCode).toBe(201);
  });

  it('refuses numbers outside the inventory', async () => {
    const res = await call(t.app, 'POST', `${base}/number-assignments`, {
      session: admin,
      body: { number: '030 1234567', targetType: 'workplace', targetId: 'x' },
    });
    expect(res.json().error).toMatchObject({
      code: 'number_not_in_inventory',
      details: [{ field: 'number' }],
    });
  });
});

// Seed 001: "auf maximal 12 Ziffern begrenzt … mit +49 … 14-stellig"; undoing a lengthening is
// refused while any of its numbers is assigned.
describe('lengthening (Rufnummernverlängerung)', () => {
  it('lengthens to 12 national digits, refuses 13, and undoes only when unused', async () => {
    const b = await newBlock({ kind: 'block', number: '030 4567', extensionLength: 2 }); // 8 digits
    const url = `${base}/number-blocks/${b.id}/decades/6/length`;
    const ok = await call(t.app, 'POST', url, { session: admin, body: { by: 4 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().decades[6].lengths.at(-1)).toMatchObject({
      nationalLength: 12,
      displayLength: 14,
      count: 100_000,
    });
    const tooLong = await call(t.app, 'POST', url, { session: admin, body: { by: 1 } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe('lengthen_too_long');

    // Standard length of a lengthened decade is the longest (14-stellig).
    const std = await get(`${base}/number-blocks/${b.id}/decades/6/numbers?limit=1`);
    expect(std.json().items[0]).toMatchObject({ display: '030 4567-600000', displayLength: 14 });

    await call(t.app, 'POST', `${base}/number-assignments`, {
      session: admin,
      body: { number: '030 4567 612345', targetType: 'workplace', targetId: 'wp-9' },
    });
    const refused = await call(t.app, 'POST', url, { session: admin, body: { by: -1 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'shorten_in_use' });
    // Shortening an unused decade works.
    await call(t.app, 'POST', `${base}/number-blocks/${b.id}/decades/7/length`, {
      session: admin,
      body: { by: 1 },
    });
    const undone = await call(t.app, 'POST', `${base}/number-blocks/${b.id}/decades/7/length`, {
      session: admin,
      body: { by: -1 },
    });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().decades[7].extra).toBe(0);
  });
});

describe('search (seed 001: 0xy, +49xy, *digits)', () => {
  it.each([
    ['0xy from the start', '0228638', ['0228 63803058']],
    ['+49xy from the start', '+49 228 638', ['0228 63803058']],
    ['*030 anywhere finds 022863803058', '*030', ['0228 63803058', '030 4567-00']],
    ['a prefix of a block', '089 1234-5', ['089 1234-50', '089 1234-51']],
  ])('%s', async (_rule, q, expected) => {
    const res = await get(`${base}/numbers/search?q=${encodeURIComponent(q)}&limit=2`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((n: { display: string }) => n.display)).toEqual(expected);
  });

  it('refuses a search that is no number', async () => {
    const res = await get(`${base}/numbers/search?q=abc`);
    expect(res.json().error).toMatchObject({ code: 'search_invalid', details: [{ field: 'q' }] });
  });
});

describe('availability (seed 001: aktuell und zukünftig verfügbare Rufnummern)', () => {
  it('future numbers are hidden by the filter and become current on their date', async () => {
    const b = await newBlock({
      kind: 'block',
      number: '040 777',
      extensionLength: 1,
      availableFrom: '2026-01-15',
    });
    expect(b.availability).toBe('future');
    const current = await get(`${base}/number-blocks?availability=current`);
    expect(current.json().items.map((x: { id: string }) => x.id)).not.toContain(b.id);
    const future = await get(`${base}/number-blocks?availability=future`);
    expect(future.json().items.map((x: { id: string }) => x.id)).toContain(b.id);
    t.clock.set('2026-01-14T22:59:00Z'); // still the 14th in Berlin
    expect(
      (await get(`${base}/number-blocks?availability=current`, await login(t.app, 'demo-admin')))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).not.toContain(b.id);
    t.clock.set('2026-01-14T23:00:00Z'); // midnight in Berlin
    const later = await get(
      `${base}/number-blocks?availability=current`,
      await login(t.app, 'demo-admin'),
    );
    expect(later.json().items.map((x: { id: string }) => x.id)).toContain(b.id);
  });
});

describe('CSV upload', () => {
  const upload = (csv: string) =>
    call(t.app, 'POST', `${base}/number-blocks/import`, {
      session: opNow,
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });

  let opNow: Session;
  beforeAll(async () => {
    opNow = await login(t.app, 'operator');
  });

  it('is all or nothing and names row, column and rule of every error', async () => {
    const bad = await upload(
      '\uFEFFRufnummer;Art;Durchwahlstellen;Dekaden;Verfügbar ab;Herkunft\n' +
        '0211 555;Block;00-99;0-9;;neu\n' +
        '0211 5555;Block;2;;;neu\n' +
        '0211 666;Block;2;;31.02.2026;portiert\n' +
        'abc;Einzelrufnummer;;;;\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('import_failed');
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({ row: 3, field: 'number', rule: 'number_overlap' }),
      expect.objectContaining({ row: 4, field: 'availableFrom', rule: 'date_invalid' }),
      expect.objectContaining({ row: 5, field: 'number', rule: 'number_invalid_characters' }),
    ]);
    const list = await get(`${base}/number-blocks`);
    expect(list.body).not.toContain('0211');

    const good = await upload(
      'Number,Kind,Extension length\n0211 555,block,2\n0211 9876543,single,\n',
    );
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json().created).toBe(2);
  });
});
