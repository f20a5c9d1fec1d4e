// `npm run bench -- orders` (issue 6): 10,000 workplace activation items in 100 orders, all due;
// the total execution time and items/s with one worker on PGlite (a data directory, as deployed)
// and with four workers (four job runners, each with its own pool) on PostgreSQL when
// DATABASE_URL is set — next to the rate of bare job claims (claim + mark done, no work) in the
// same run, and the rate of items whose three steps do nothing (what the execution itself costs).
// The runners claim 50 jobs at a time, as the server's does; the items of an order in a claim run
// as one batch (execution.batch.ts; workplace.activate set-based through invokeBatch).
// BENCH_ORDERS_SCALE=0.1 runs a tenth of it (a quick look).
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
import { bumpInventory } from '../server/src/modules/numbers/inventory-cache.ts';
import { insertBlock } from '../server/src/modules/numbers/numbers.repository.ts';
import { registerOrderJobs } from '../server/src/modules/orders/orders.jobs.ts';
import {
  BENCH_ITEM_TYPE,
  BENCH_NOOP_TYPE,
  registerBenchItemType,
  registerBenchNoopType,
} from '../server/src/modules/orders/testing/bench-item-type.ts';
import { placeOrders, testItem } from '../server/src/modules/orders/testing/place-orders.ts';
import {
  startStatementProfile,
  stopStatementProfile,
} from '../server/src/modules/orders/testing/statement-profile.ts';
import { createWorkplaceInCart } from '../server/src/modules/workplaces/workplace-cart.service.ts';
import { registerWorkplaceItemTypes } from '../server/src/modules/workplaces/register.ts';
import { SYSTEM_ACTOR } from '../server/src/platform/audit.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { enqueueJob, JobRunner } from '../server/src/platform/jobs/runner.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { testConfig } from '../server/src/test/test-app.ts';
import { createPostgresDatabase } from '../server/src/test/test-db.ts';
import { round, summary } from './stats.ts';

const SCALE = Number(process.env.BENCH_ORDERS_SCALE ?? 1);
const ORDERS = Math.max(1, Math.round(100 * SCALE));
const PER_ORDER = 100;
const ITEMS = ORDERS * PER_ORDER;
const BATCH = 50;
const CLAIM_JOB = 'bench.claim';
const WORKPLACE_TYPE = 'workplace.activate';
/** BENCH_ORDERS_PROFILE=1: where the time of each PGlite run goes, statement by statement. */
const PROFILE = process.env.BENCH_ORDERS_PROFILE === '1';

const clock = systemClock;
const config = testConfig();
const logger = createLogger('error');

type Kind = typeof WORKPLACE_TYPE | typeof BENCH_ITEM_TYPE | typeof BENCH_NOOP_TYPE;

/** Hands the company blocks of 1,000 numbers, a quota for everything; returns a desk phone. */
export async function prepareCompanyForBench(db: Executor, companyId: string): Promise<string> {
  await db
    .update(contracts)
    .set({ workplaceQuota: 1_000_000 })
    .where(eq(contracts.companyId, companyId));
  for (let b = 0; b < Math.ceil(ITEMS / 1000); b++) {
    await insertBlock(
      db,
      {
        companyId,
        kind: 'block',
        prefix: `228${1230 + b}`,
        areaCodeLength: 3,
        extensionLength: 3,
        createdAt: clock.now(),
      },
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  }
  await bumpInventory(db, companyId);
  const devices = await listDevices(db, { extended: false });
  return devices.find((d) => d.provisioning === 'desk_phone')!.id;
}

/** A complete wizard draft of the n-th bench workplace: one desk phone, no add-ons. */
export function benchDraft(n: number, deviceModelId: string): DraftData {
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

/** Migrates, seeds and places ITEMS items of the kind in ORDERS orders (through the cart). */
async function place(database: Database, kind: Kind): Promise<void> {
  await migrateDatabase(database);
  await seedCatalogIfEmpty(database, clock);
  const companyId = (await seedDemoData(database, clock, 'Bench-Passwort-1')).companyId!;
  const deps = { database, clock, config };
  const started = performance.now();
  const common = {
    orders: ORDERS,
    itemsPerOrder: PER_ORDER,
    onOrder: (o: number) => {
      if ((o + 1) % 25 === 0) {
        const s = round((performance.now() - started) / 1000);
        console.log(`  ${(o + 1) * PER_ORDER} ${kind} items placed (${s} s)`);
      }
    },
  };
  if (kind === WORKPLACE_TYPE) {
    registerWorkplaceItemTypes();
    const deviceModelId = await prepareCompanyForBench(database.db, companyId);
    await placeOrders(deps, {
      ...common,
      add: (tx, owner, o, p) =>
        createWorkplaceInCart(
          tx,
          deps,
          SYSTEM_ACTOR,
          owner,
          benchDraft(o * PER_ORDER + p, deviceModelId),
          { draftId: null, templateId: null, lang: 'de' },
        ),
    });
  } else {
    (kind === BENCH_NOOP_TYPE ? registerBenchNoopType : registerBenchItemType)();
    await placeOrders(deps, { ...common, item: () => testItem(kind, {}) });
  }
}

/** Runs due jobs of `kinds` with one runner per handle until none is left; wall time in ms. */
async function drain(handles: Database[], setUp: (runner: JobRunner, db: Database) => void) {
  const runners = handles.map((database) => {
    const runner = new JobRunner({ database, clock, logger, batchSize: BATCH });
    setUp(runner, database);
    return runner;
  });
  const started = performance.now();
  await Promise.all(runners.map((r) => r.drain()));
  return performance.now() - started;
}

const executeItems = (handles: Database[]) =>
  drain(handles, (runner, database) => registerOrderJobs(runner, { database, clock, config }));

/** Bare claims: ITEMS jobs that do nothing, claimed and marked done. */
async function bareClaims(handles: Database[]): Promise<number> {
  await handles[0]!.transaction(async (tx) => {
    for (let i = 0; i < ITEMS; i++) {
      await enqueueJob(tx, { kind: CLAIM_JOB, payload: { i } }, clock);
    }
  });
  return drain(handles, (runner) => runner.register(CLAIM_JOB, () => Promise.resolve()));
}

async function checkAllDone(db: Executor): Promise<void> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orderItems)
    .where(sql`${orderItems.status} <> 'done'`);
  if (Number(row?.n ?? 0) > 0) {
    throw new Error(`${row?.n} items were not executed`);
  }
}

interface Run {
  kind: Kind;
  ms: number;
  perS: number;
}

/** PGlite: set up in memory (fast), then executed on a data directory as a deployment runs. */
async function pgliteRun(kind: Kind, withClaims: boolean): Promise<Run & { claimsPerS?: number }> {
  const setup = await openPglite({});
  const dir = mkdtempSync(path.join(tmpdir(), 'zentrale-bench-orders-'));
  try {
    await place(setup, kind);
    const disk = await openPglite({
      dataDir: path.join(dir, 'pglite'),
      loadDataDir: await setup.dumpDataDir(),
    });
    try {
      const claimMs = withClaims ? await bareClaims([disk]) : null;
      if (PROFILE) {
        startStatementProfile();
      }
      const ms = await executeItems([disk]);
      if (PROFILE) {
        console.log(`\n${kind}: ${stopStatementProfile().join('\n')}`);
      }
      await checkAllDone(disk.db);
      const run = { kind, ms, perS: ITEMS / (ms / 1000) };
      return claimMs === null ? run : { ...run, claimsPerS: ITEMS / (claimMs / 1000) };
    } finally {
      await disk.close();
    }
  } finally {
    await setup.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRun(
  url: string,
  kind: Kind,
  withClaims: boolean,
): Promise<Run & { claimsPerS?: number }> {
  const fresh = await createPostgresDatabase(url);
  const handles = await Promise.all(
    [0, 1, 2, 3].map(() => openDatabase({ databaseUrl: fresh.url, poolMax: 2 })),
  );
  try {
    await place(handles[0]!, kind);
    const claimMs = withClaims ? await bareClaims(handles) : null;
    const ms = await executeItems(handles);
    await checkAllDone(handles[0]!.db);
    const run = { kind, ms, perS: ITEMS / (ms / 1000) };
    return claimMs === null ? run : { ...run, claimsPerS: ITEMS / (claimMs / 1000) };
  } finally {
    await Promise.all(handles.map((h) => h.close()));
    await fresh.drop();
  }
}

/** The real item type; the bench type (same shape of work) when it cannot be set up. */
async function realRun<T>(run: (kind: Kind) => Promise<T>): Promise<T> {
  try {
    return await run(WORKPLACE_TYPE);
  } catch (err) {
    console.log(`notice: workplace.activate could not be set up or run (${String(err)});`);
    console.log('        measuring the bench item type (an insert, an update, a queued mail)');
    return run(BENCH_ITEM_TYPE);
  }
}

const line = (label: string, r: Run, claimsPerS: number) =>
  console.log(
    `${label.padEnd(34)} ${String(round(r.ms / 1000, 2)).padStart(7)} s ${String(round(r.perS)).padStart(8)}/s` +
      `   × bare claims ${round(r.perS / claimsPerS, 2)}`,
  );

export async function run(): Promise<void> {
  console.log(
    `orders bench: ${ITEMS} items in ${ORDERS} orders, all due; claim batches of ${BATCH}`,
  );
  const engine = await pgliteRun(BENCH_NOOP_TYPE, true);
  const claims = engine.claimsPerS!;
  const real = await realRun((kind) => pgliteRun(kind, false));
  console.log(`\nPGlite (data directory), 1 worker      time      rate`);
  console.log(
    `${'bare job claims (baseline)'.padEnd(34)} ${' '.repeat(9)} ${String(round(claims)).padStart(8)}/s`,
  );
  line('items with 3 empty steps (engine)', engine, claims);
  line(`items of ${real.kind}`, real, claims);
  const figures: Record<string, number | string> = {
    items: ITEMS,
    item_type: real.kind,
    pglite_ms: Math.round(real.ms),
    pglite_items_per_s: round(real.perS),
    pglite_claims_per_s: round(claims),
    pglite_ratio: round(real.perS / claims, 3),
    pglite_engine_items_per_s: round(engine.perS),
    pglite_engine_ratio: round(engine.perS / claims, 3),
  };
  const url = process.env.DATABASE_URL;
  if (url) {
    const pgEngine = await postgresRun(url, BENCH_NOOP_TYPE, true);
    const pgClaims = pgEngine.claimsPerS!;
    const pgReal = await realRun((kind) => postgresRun(url, kind, false));
    console.log(`\nPostgreSQL, 4 workers                  time      rate`);
    console.log(
      `${'bare job claims (baseline)'.padEnd(34)} ${' '.repeat(9)} ${String(round(pgClaims)).padStart(8)}/s`,
    );
    line('items with 3 empty steps (engine)', pgEngine, pgClaims);
    line(`items of ${pgReal.kind}`, pgReal, pgClaims);
    Object.assign(figures, {
      pg4_ms: Math.round(pgReal.ms),
      pg4_items_per_s: round(pgReal.perS),
      pg4_claims_per_s: round(pgClaims),
      pg4_ratio: round(pgReal.perS / pgClaims, 3),
      pg4_engine_items_per_s: round(pgEngine.perS),
    });
  } else {
    console.log('\nnotice: DATABASE_URL is not set; the four-worker run on PostgreSQL is skipped');
  }
  summary('orders', figures);
}
