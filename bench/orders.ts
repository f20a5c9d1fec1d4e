// `npm run bench -- orders` (issue 6): 10,000 workplace activation items in 100 orders, all due;
// the total execution time and items/s with one worker on PGlite (a data directory, as deployed),
// and with four workers (four job runners, each with its own pool) on PostgreSQL when
// DATABASE_URL is set — next to the rate of bare job claims (claim + mark done, no work)
// measured in the same run. BENCH_ORDERS_SCALE=0.1 runs a tenth of it (a quick look).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { DraftData } from '../common/src/workplaces/sections.ts';
import { openDatabase, openPglite, type Database, type Executor } from '../server/src/db/client.ts';
import { migrateDatabase } from '../server/src/db/migrate.ts';
import { contracts, orderItems } from '../server/src/db/schema/index.ts';
import { seedDemoData } from '../server/src/demo/seed.ts';
import { listDevices } from '../server/src/modules/catalog/catalog.repository.ts';
import { seedCatalogIfEmpty } from '../server/src/modules/catalog/catalog.seed.ts';
import { insertBlock } from '../server/src/modules/numbers/numbers.repository.ts';
import type { CartOwner } from '../server/src/modules/orders/cart.service.ts';
import { registerOrderJobs } from '../server/src/modules/orders/orders.jobs.ts';
import { placeOrders, testItem } from '../server/src/modules/orders/testing/place-orders.ts';
import { createWorkplaceInCart } from '../server/src/modules/workplaces/workplace-cart.service.ts';
import { registerWorkplaceItemTypes } from '../server/src/modules/workplaces/register.ts';
import { SYSTEM_ACTOR } from '../server/src/platform/audit.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { enqueueJob, JobRunner } from '../server/src/platform/jobs/runner.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { testConfig } from '../server/src/test/test-app.ts';
import { createPostgresDatabase, createTestDb } from '../server/src/test/test-db.ts';
import {
  BENCH_ITEM_TYPE,
  registerBenchItemType,
} from '../server/src/modules/orders/testing/bench-item-type.ts';
import { round, summary } from './stats.ts';

const SCALE = Number(process.env.BENCH_ORDERS_SCALE ?? 1);
const ORDERS = Math.max(1, Math.round(100 * SCALE));
const PER_ORDER = 100;
const ITEMS = ORDERS * PER_ORDER;
const BATCH = 50;
const NOOP_JOB = 'bench.noop';

const clock = systemClock;
const config = testConfig();
const logger = createLogger('error');

/** Hands the company 10 blocks of 1,000 numbers, a quota for everything and a desk phone model. */
async function prepareCompany(db: Executor, companyId: string) {
  await db
    .update(contracts)
    .set({ workplaceQuota: 1_000_000 })
    .where(eq(contracts.companyId, companyId));
  for (let b = 0; b < Math.ceil(ITEMS / 1000); b++) {
    const prefix = `228${String(1230 + b)}`;
    await insertBlock(
      db,
      {
        companyId,
        kind: 'block',
        prefix,
        areaCodeLength: 3,
        extensionLength: 3,
        createdAt: clock.now(),
      },
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  }
  const devices = await listDevices(db, { extended: false });
  return devices.find((d) => d.provisioning === 'desk_phone')!.id;
}

function draftFor(n: number, deviceModelId: string): DraftData {
  const email = `bench${n}@muster-handels.example`;
  return {
    group: { groupId: null, areaId: null, language: 'de', timeZone: 'Europe/Berlin' },
    user: { salutation: 'Herr', firstName: 'Bench', lastName: `Nutzer ${n}`, email },
    login: {
      username: `bench.user${n}`,
      authEmail: email,
      authEmailConfirm: email,
      withoutMobile: true,
    },
    number: {
      mainNumber: `0228 ${1230 + Math.floor(n / 1000)}${String(n % 1000).padStart(3, '0')}`,
      internalNumber: String(10_000 + n),
      nomadic: 'allowed',
      additionalNumbers: [],
    },
    profile: { blockingProfileId: null },
    devices: { devices: [{ deviceModelId, macAddress: null }] },
    mobile: { mode: 'none' },
    addons: { addons: [] },
    activation: { activationDate: null },
  };
}

/** Migrates, seeds and places the orders; returns the item type used. */
async function prepare(database: Database, items: number): Promise<string> {
  await migrateDatabase(database);
  await seedCatalogIfEmpty(database, clock);
  const companyId = (await seedDemoData(database, clock, 'Bench-Passwort-1')).companyId!;
  const deps = { database, clock, config };
  const started = performance.now();
  const progress = (o: number) => {
    if ((o + 1) % 10 === 0) {
      process.stdout.write(
        `  ${(o + 1) * PER_ORDER} items placed (${round((performance.now() - started) / 1000)} s)\n`,
      );
    }
  };
  let type = 'workplace.activate';
  try {
    registerWorkplaceItemTypes();
    const deviceModelId = await prepareCompany(database.db, companyId);
    await placeOrders(deps, {
      orders: items / PER_ORDER,
      itemsPerOrder: PER_ORDER,
      add: (tx: Executor, owner: CartOwner, o: number, p: number) =>
        createWorkplaceInCart(
          tx,
          deps,
          SYSTEM_ACTOR,
          owner,
          draftFor(o * PER_ORDER + p, deviceModelId),
          {
            draftId: null,
            templateId: null,
            lang: 'de',
          },
        ),
      onOrder: progress,
    });
  } catch (err) {
    console.log(
      `notice: the real workplace.activate item type could not be set up (${String(err)});`,
    );
    console.log(
      '        measuring the bench item type (audit rows, an update and a queued mail per item)',
    );
    type = BENCH_ITEM_TYPE;
    registerBenchItemType();
    await placeOrders(deps, {
      orders: items / PER_ORDER,
      itemsPerOrder: PER_ORDER,
      item: () => testItem(BENCH_ITEM_TYPE, {}),
      onOrder: progress,
    });
  }
  console.log(
    `  setup: ${items} items in ${items / PER_ORDER} orders placed in ${round((performance.now() - started) / 1000)} s`,
  );
  return type;
}

async function openItems(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orderItems)
    .where(sql`${orderItems.status} <> 'done'`);
  return Number(row?.n ?? 0);
}

/** Runs the item jobs with one runner per database handle; returns the wall time in ms. */
async function execute(handles: Database[]): Promise<number> {
  const runners = handles.map((database) => {
    const runner = new JobRunner({ database, clock, logger, batchSize: BATCH });
    registerOrderJobs(runner, { database, clock, config });
    return runner;
  });
  const started = performance.now();
  await Promise.all(runners.map((r) => r.drain()));
  return performance.now() - started;
}

/** Bare claims: `count` no-op jobs claimed and marked done by one runner per handle. */
async function claims(handles: Database[], count: number): Promise<number> {
  await handles[0]!.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueJob(tx, { kind: NOOP_JOB, payload: { i } }, clock);
    }
  });
  const runners = handles.map((database) =>
    new JobRunner({ database, clock, logger, batchSize: BATCH }).register(NOOP_JOB, () =>
      Promise.resolve(),
    ),
  );
  const started = performance.now();
  await Promise.all(runners.map((r) => r.drain()));
  return performance.now() - started;
}

interface Result {
  type: string;
  ms: number;
  itemsPerS: number;
  claimsPerS: number;
}

async function measure(label: string, handles: Database[]): Promise<Result> {
  const type = await prepare(handles[0]!, ITEMS);
  const claimMs = await claims(handles, ITEMS);
  const ms = await execute(handles);
  const left = await openItems(handles[0]!.db);
  if (left > 0) {
    throw new Error(`${left} items were not executed`);
  }
  const result = {
    type,
    ms,
    itemsPerS: ITEMS / (ms / 1000),
    claimsPerS: ITEMS / (claimMs / 1000),
  };
  console.log(
    `${label}: ${ITEMS} items (${type}) in ${round(ms / 1000, 2)} s = ${round(result.itemsPerS)} items/s; ` +
      `bare claims ${round(result.claimsPerS)}/s (items/claims ${round(result.itemsPerS / result.claimsPerS, 2)})`,
  );
  return result;
}

async function onPglite(): Promise<Result> {
  // Set up in memory (fast), then run on a data directory as a deployment does.
  const setup = await createTestDb();
  const dir = mkdtempSync(path.join(tmpdir(), 'zentrale-bench-orders-'));
  try {
    const type = await prepare(setup.database, ITEMS);
    const disk = await openPglite({
      dataDir: path.join(dir, 'pglite'),
      loadDataDir: await setup.database.dumpDataDir(),
    });
    await setup.close();
    try {
      const claimMs = await claims([disk], ITEMS);
      const ms = await execute([disk]);
      const left = await openItems(disk.db);
      if (left > 0) {
        throw new Error(`${left} items were not executed`);
      }
      const result = {
        type,
        ms,
        itemsPerS: ITEMS / (ms / 1000),
        claimsPerS: ITEMS / (claimMs / 1000),
      };
      console.log(
        `PGlite, 1 worker: ${ITEMS} items (${type}) in ${round(ms / 1000, 2)} s = ${round(result.itemsPerS)} items/s; ` +
          `bare claims ${round(result.claimsPerS)}/s (items/claims ${round(result.itemsPerS / result.claimsPerS, 2)})`,
      );
      return result;
    } finally {
      await disk.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string): Promise<Result> {
  const fresh = await createPostgresDatabase(url);
  const handles = await Promise.all(
    [0, 1, 2, 3].map(() => openDatabase({ databaseUrl: fresh.url, poolMax: 2 })),
  );
  try {
    return await measure('PostgreSQL, 4 workers', handles);
  } finally {
    await Promise.all(handles.map((h) => h.close()));
    await fresh.drop();
  }
}

export async function run(): Promise<void> {
  console.log(
    `orders bench: ${ITEMS} items in ${ORDERS} orders, all due; claim batches of ${BATCH}`,
  );
  const lite = await onPglite();
  const figures: Record<string, number | string> = {
    items: ITEMS,
    item_type: lite.type,
    pglite_ms: Math.round(lite.ms),
    pglite_items_per_s: round(lite.itemsPerS),
    pglite_claims_per_s: round(lite.claimsPerS),
    pglite_ratio: round(lite.itemsPerS / lite.claimsPerS, 2),
  };
  if (process.env.DATABASE_URL) {
    const pg = await onPostgres(process.env.DATABASE_URL);
    Object.assign(figures, {
      pg4_ms: Math.round(pg.ms),
      pg4_items_per_s: round(pg.itemsPerS),
      pg4_claims_per_s: round(pg.claimsPerS),
      pg4_ratio: round(pg.itemsPerS / pg.claimsPerS, 2),
    });
  } else {
    console.log('notice: DATABASE_URL is not set; the four-worker run on PostgreSQL is skipped');
  }
  summary('orders', figures);
}
