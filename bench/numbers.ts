// `npm run bench -- numbers` (issue 4): a company with 1,000 blocks, one decade lengthened to 10^6
// numbers of which 10^5 are assigned. p50/p99 of (a) the first page of 50 free numbers of that
// decade, (b) a *digits search over all blocks returning 50 hits, (c) assign + release of one
// number — next to the p50 of a primary-key lookup measured in the same run.
import { eq, sql } from 'drizzle-orm';
import { openDatabase, openPglite, type Database } from '../server/src/db/client.ts';
import { migrateDatabase } from '../server/src/db/migrate.ts';
import { numberBlocks } from '../server/src/db/schema/index.ts';
import { seedDemoData } from '../server/src/demo/seed.ts';
import { bumpInventory } from '../server/src/modules/numbers/inventory-cache.ts';
import { insertBlock } from '../server/src/modules/numbers/numbers.repository.ts';
import { decadeNumbers, searchNumbers } from '../server/src/modules/numbers/numbers.query.ts';
import { assignNumber, releaseNumber } from '../server/src/modules/numbers/numbers.assign.ts';
import { SYSTEM_ACTOR } from '../server/src/platform/audit.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { testConfig } from '../server/src/test/test-app.ts';
import { createPostgresDatabase } from '../server/src/test/test-db.ts';
import { percentile, round, summary } from './stats.ts';

const RUNS = 300;

async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) {
    await fn(i); // warm-up
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const fresh = await createPostgresDatabase(process.env.DATABASE_URL);
    const database = await openDatabase({ databaseUrl: fresh.url, poolMax: 4 });
    return { database, drop: async () => (await database.close(), await fresh.drop()) };
  }
  const database = await openPglite({});
  return { database, drop: () => database.close() };
}

export async function run(): Promise<void> {
  const { database, drop } = await open();
  await migrateDatabase(database);
  const clock = systemClock;
  const companyId = (await seedDemoData(database, clock, 'Bench-Passwort-1')).companyId!;
  const now = clock.now();
  const setupStarted = performance.now();
  // 999 ordinary blocks in Hamburg (040 1000 … 040 1998), extensions 00–99.
  await database.transaction(async (tx) => {
    for (let i = 0; i < 999; i++) {
      await insertBlock(
        tx,
        {
          companyId,
          kind: 'block',
          prefix: `40${1000 + i}`,
          areaCodeLength: 2,
          extensionLength: 2,
          createdAt: now,
        },
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      );
    }
  });
  // The big one: 030 123 with decade 5 lengthened by five digits to 10^6 numbers (12 digits).
  const big = await insertBlock(
    database.db,
    {
      companyId,
      kind: 'block',
      prefix: '30123',
      areaCodeLength: 2,
      extensionLength: 2,
      createdAt: now,
    },
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  await database.db.execute(
    sql`update number_decades set extra = 5 where block_id = ${big.id} and digit = 5`,
  );
  await bumpInventory(database.db, companyId);
  // 10^5 of its 10^6 longest numbers assigned: every tenth, shifted by a pseudo-random offset.
  await database.db.execute(sql`
    insert into number_assignments (company_id, block_id, e164, value, digits, state, target_type, target_id, created_at)
    select ${companyId}, ${big.id}, '+49301235' || lpad(n::text, 6, '0'), ('49301235' || lpad(n::text, 6, '0'))::bigint,
           14, 'assigned', 'workplace', 'wp-' || n, now()
    from (select g * 10 + (g * 7919) % 10 as n from generate_series(0, 99999) g) s`);
  await database.db.execute(sql`analyze`);
  const setupMs = performance.now() - setupStarted;

  const deps = { database, clock, config: testConfig() };
  const ids = (await database.db.select({ id: numberBlocks.id }).from(numberBlocks)).map(
    (r) => r.id,
  );

  const lookup = await timed(RUNS, (i) =>
    database.db
      .select()
      .from(numberBlocks)
      .where(eq(numberBlocks.id, ids[i % ids.length]!)),
  );
  const firstPage = await timed(RUNS, async () => {
    const page = await decadeNumbers(deps, companyId, big.id, 5, {
      length: 'standard',
      state: 'free',
      limit: 50,
    });
    if (page.items.length !== 50) {
      throw new Error(`expected 50 free numbers, got ${page.items.length}`);
    }
  });
  const search = await timed(RUNS, async () => {
    const page = await searchNumbers(deps, companyId, {
      q: '*1777',
      length: 'standard',
      state: 'all',
      limit: 50,
    });
    if (page.items.length !== 50) {
      throw new Error(`expected 50 hits, got ${page.items.length}`);
    }
  });
  const assignRelease = await timed(RUNS, async (i) => {
    // In each group of ten exactly one number is taken; its neighbour is free.
    const n = String(i * 10 + ((((i * 7919) % 10) + 1) % 10)).padStart(6, '0');
    const row = await assignNumber(deps, SYSTEM_ACTOR, companyId, {
      number: `030 1235${n}`,
      target: { type: 'workplace', id: `bench-${i}` },
    });
    await releaseNumber(deps, SYSTEM_ACTOR, companyId, row.id);
  });
  await drop();

  const base = percentile(lookup, 50);
  const rows: [string, number[]][] = [
    ['primary-key lookup (baseline)', lookup],
    ['(a) first page of 50 free numbers', firstPage],
    ['(b) *digits search, 50 hits', search],
    ['(c) assign + release', assignRelease],
  ];
  console.log(
    `database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)'}; setup ${round(setupMs / 1000)} s`,
  );
  console.log('what                                   p50 ms   p99 ms  p50 × baseline');
  for (const [label, samples] of rows) {
    const p50 = percentile(samples, 50);
    console.log(
      `${label.padEnd(38)}${round(p50, 2).toString().padStart(7)}${round(percentile(samples, 99), 2)
        .toString()
        .padStart(9)}${round(p50 / base)
        .toString()
        .padStart(16)}`,
    );
  }
  summary('numbers', {
    db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    lookup_p50_ms: round(base, 3),
    first_page_p50_ms: round(percentile(firstPage, 50), 2),
    first_page_p99_ms: round(percentile(firstPage, 99), 2),
    first_page_ratio: round(percentile(firstPage, 50) / base),
    search_p50_ms: round(percentile(search, 50), 2),
    search_p99_ms: round(percentile(search, 99), 2),
    assign_release_p50_ms: round(percentile(assignRelease, 50), 2),
    assign_release_p99_ms: round(percentile(assignRelease, 99), 2),
    assign_release_ratio: round(percentile(assignRelease, 50) / base),
  });
}
