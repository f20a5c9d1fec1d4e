import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogProducts, deviceModels, mobileTariffs } from '../../db/schema/index.ts';
import { DEVICE_SEEDS, MOBILE_TARIFF_SEEDS, PRODUCT_SEEDS } from '../../demo/catalog-data.ts';
import { seedDemoData } from '../../demo/seed.ts';
import { createLogger } from '../../platform/logger.ts';
import { startServer } from '../../server.ts';
import { call, DEMO_PASSWORD, login, type Session } from '../../test/api-client.ts';
import { createTestApp, LogCapture, testConfig, type TestApp } from '../../test/test-app.ts';
import { createPostgresDatabase } from '../../test/test-db.ts';
import { seedCatalogIfEmpty } from './catalog.seed.ts';

let t: TestApp;
let op: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  op = await login(t.app, 'operator');
  admin = await login(t.app, 'demo-admin');
});
afterAll(() => t.close());

type Device = { id: string; name: string; path: string[]; extended: boolean; active: boolean };
const devices = async (query = '', session = admin): Promise<Device[]> => {
  const res = await call(t.app, 'GET', `/api/v1/catalog/devices${query}`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

describe('seeding the catalogue', () => {
  it('fills an empty catalogue once; a second run (another start-up) adds nothing', async () => {
    const db = t.ctx.database.db;
    const counts = async () => ({
      products: (await db.select({ n: count() }).from(catalogProducts))[0]?.n,
      devices: (await db.select({ n: count() }).from(deviceModels))[0]?.n,
      tariffs: (await db.select({ n: count() }).from(mobileTariffs))[0]?.n,
    });
    expect(await counts()).toEqual({ products: 0, devices: 0, tariffs: 0 });
    expect(await seedCatalogIfEmpty(t.ctx.database, t.clock)).toEqual({ seeded: true });
    const seeded = {
      products: PRODUCT_SEEDS.length,
      devices: DEVICE_SEEDS.length,
      tariffs: MOBILE_TARIFF_SEEDS.length,
    };
    expect(await counts()).toEqual(seeded);
    expect(await seedCatalogIfEmpty(t.ctx.database, t.clock)).toEqual({ seeded: false });
    expect(await counts()).toEqual(seeded);
  });

  it('an emptied tariff list stays empty after a restart (products decide "empty")', async () => {
    const res = await call(t.app, 'PUT', '/api/v1/catalog/mobile-tariffs', {
      session: op,
      body: { items: [] },
    });
    expect(res.json()).toEqual({ items: [] });
    expect(await seedCatalogIfEmpty(t.ctx.database, t.clock)).toEqual({ seeded: false });
    const again = await call(t.app, 'GET', '/api/v1/catalog/mobile-tariffs', { session: admin });
    expect(again.json()).toEqual({ items: [] });
  });

  it('start-up seeds the catalogue also with ZENTRALE_DEMO=false', async () => {
    const pg = process.env.DATABASE_URL
      ? await createPostgresDatabase(process.env.DATABASE_URL)
      : null;
    const config = testConfig({
      ZENTRALE_DEMO: 'false',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zt-catalog-')),
      ...(pg ? { DATABASE_URL: pg.url } : {}),
    });
    const server = await startServer(config, {
      logger: createLogger('silent', new LogCapture()),
      listen: false,
      serveWeb: false,
    });
    try {
      expect(server.seed.seeded).toBe(false);
      const [row] = await server.ctx.database.db.select({ n: count() }).from(catalogProducts);
      expect(row?.n).toBe(PRODUCT_SEEDS.length);
    } finally {
      await server.close();
      await pg?.drop();
    }
  });
});

describe('device catalogue (seed 001 "Endgeräte zuweisen")', () => {
  it('shows Telekom profiles, manufacturers → series → models and "Weitere"', async () => {
    const items = await devices();
    const names = items.map((d) => d.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Desktop-Client: Vollversion',
        'Desktop-Client: Nur Sprache',
        'Desktop-Client: SfB Integration',
        'Mobile-Client',
        'Tablet-Client',
        'Universelles Basisprofil',
      ]),
    );
    expect(items.find((d) => d.name === 'T46U')?.path).toEqual([
      'Hersteller',
      'Yealink',
      'T4U-Serie',
    ]);
    expect(items.find((d) => d.name === 'Universelles Basisprofil')?.path).toEqual([
      'Weitere',
      'Weitere Endgeräte',
    ]);
    expect(items.some((d) => d.path.includes('Audiocodes'))).toBe(true);
  });

  it('extended profiles (Leiter, Assistent, Agent) appear only with extended=true', async () => {
    const plain = (await devices()).map((d) => d.name);
    const extended = (await devices('?extended=true')).map((d) => d.name);
    for (const name of ['Leiter', 'Assistent', 'Agent']) {
      expect(plain).not.toContain(name);
      expect(extended).toContain(name);
    }
    expect((await devices('?extended=false')).map((d) => d.name)).toEqual(plain);
  });

  it('searches by name, series or manufacturer', async () => {
    expect((await devices('?search=t46')).map((d) => d.name)).toEqual(['T46U']);
    const yealink = await devices('?search=yealink');
    expect(yealink.length).toBeGreaterThan(3);
    expect(yealink.every((d) => d.path[1] === 'Yealink')).toBe(true);
    expect(await devices('?search=%25')).toEqual([]);
  });

  it('operators add, rename and deactivate models; admins may not (403)', async () => {
    const body = {
      key: 'yealink-t58w',
      category: 'Hersteller',
      manufacturer: 'Yealink',
      series: 'T5-Serie',
      name: 'T58W',
      provisioning: 'desk_phone',
    };
    expect(
      (await call(t.app, 'POST', '/api/v1/catalog/devices', { session: admin, body })).statusCode,
    ).toBe(403);
    const created = await call(t.app, 'POST', '/api/v1/catalog/devices', { session: op, body });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    const twice = await call(t.app, 'POST', '/api/v1/catalog/devices', {
      session: op,
      body: { ...body, key: 'yealink-t58w-2', name: 't58w' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details[0]).toMatchObject({ field: 'name', rule: 'unique' });

    const url = `/api/v1/catalog/devices/${id}`;
    const renamed = await call(t.app, 'PATCH', url, { session: op, body: { name: 'T58W Pro' } });
    expect(renamed.json()).toMatchObject({ name: 'T58W Pro', key: 'yealink-t58w' });
    expect((await devices('?search=T58W')).map((d) => d.name)).toEqual(['T58W Pro']);
    expect(
      (await call(t.app, 'PATCH', url, { session: admin, body: { active: false } })).statusCode,
    ).toBe(403);
    await call(t.app, 'PATCH', url, { session: op, body: { active: false } });
    expect(await devices('?search=T58W')).toEqual([]);
    expect(await devices('?search=T58W&includeInactive=true', op)).toMatchObject([
      { name: 'T58W Pro', active: false },
    ]);
  });

  it('refuses a model whose add-on requirement names no product (400 naming the field)', async () => {
    const res = await call(t.app, 'POST', '/api/v1/catalog/devices', {
      session: op,
      body: {
        key: 'profile-x',
        category: 'Telekom',
        name: 'Supervisor',
        provisioning: 'softclient',
        extended: true,
        requiresAnyOf: ['call_center'],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      field: 'requiresAnyOf.0',
      rule: 'rule_product_unknown',
    });
  });
});

describe('mobile tariffs eligible for mobile integration', () => {
  it('operators replace the list; duplicates are refused naming the entry', async () => {
    const items = [
      { key: 'business_mobil_m', name: 'Business Mobil M', segment: 'business' },
      { key: 'privat_mobil_l', name: 'Privat Mobil L', segment: 'consumer' },
    ];
    const put = (body: unknown, session = op) =>
      call(t.app, 'PUT', '/api/v1/catalog/mobile-tariffs', { session, body });
    expect((await put({ items }, admin)).statusCode).toBe(403);
    const res = await put({ items });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items });
    const listed = await call(t.app, 'GET', '/api/v1/catalog/mobile-tariffs', { session: admin });
    expect(listed.json()).toEqual({ items });

    const dup = await put({ items: [...items, { ...items[0], name: 'Anders' }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0]).toMatchObject({ field: 'items.2.key', rule: 'unique' });
  });
});
