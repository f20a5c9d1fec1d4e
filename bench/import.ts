// `npm run bench -- import` (issue 9): a generated 10,000-row .xlsx (all valid) and one with 10%
// bad rows, through upload → preview and preview → cart on the embedded database as the product
// runs it (PGlite in a data directory; set up in memory first, then opened from a dump on disk),
// next to the time exceljs alone takes to read the same file in the same run. Peak memory from
// process.memoryUsage (sampled) and resourceUsage().maxRSS. As a server runs it, with warm code: a
// 1,000-row list is imported first (not measured), as the exceljs read is the median of three;
// every measurement starts on a collected heap.
// BENCH_IMPORT_DB=memory: the in-memory PGlite instead (what the tests use).
// BENCH_IMPORT_PROFILE=1: where the time goes — SQL statements and CPU by function, per phase
// (the profiler slows the run down: its times are for comparing, not the figures).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { sessions } from '../server/src/db/schema/index.ts';
import { seedDemoData } from '../server/src/demo/seed.ts';
import { seedCatalogIfEmpty } from '../server/src/modules/catalog/catalog.seed.ts';
import { commitImport } from '../server/src/modules/imports/import-commit.service.ts';
import { uploadList, type ImportDeps } from '../server/src/modules/imports/imports.service.ts';
import type { AuditActor } from '../server/src/platform/audit.ts';
import {
  startStatementProfile,
  stopStatementProfile,
} from '../server/src/modules/orders/testing/statement-profile.ts';
import { openPglite, type Database } from '../server/src/db/client.ts';
import { DEMO_PASSWORD, login, call } from '../server/src/test/api-client.ts';
import { createTestApp, type TestApp } from '../server/src/test/test-app.ts';
import { round, summary } from './stats.ts';

const ROWS = 10_000;
const WARM_UP_ROWS = 1000;
const HEADER = [
  'Vorname',
  'Nachname',
  'E-Mail',
  'Benutzername',
  'E-Mail zur Authentifizierung',
  'Mobilfunknummer (SMS)',
  'Rufnummer',
  'Interne Rufnummer',
  'Nomadische Nutzung',
  'Endgerät 1',
  'Endgerät 2',
  'Zusatz-Pakete',
  'PLZ',
  'Ort',
  'Aktivierungsdatum',
];

/** A list as people type it: numbers as numbers, a date column, some add-ons; every 10th row bad. */
export async function listFile(offset: number, bad: boolean, rows = ROWS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Arbeitsplätze');
  sheet.addRow(HEADER);
  for (let i = 0; i < rows; i++) {
    const n = offset + i;
    const ext = String(n).padStart(5, '0');
    const broken = bad && i % 10 === 9;
    sheet.addRow([
      `Vorname${n}`,
      `Nachname ${n}`,
      `person${n}@example.com`,
      broken ? `Person${n}` : `person.${n}`,
      `person${n}@example.com`,
      15112345678 + (n % 1000),
      Number(`3012${ext}`),
      broken && i % 20 === 9 ? `77${ext.slice(1)}` : `2${ext}`,
      i % 7 === 0 ? 'beschränkt' : 'erlaubt',
      'Yealink T46U',
      i % 3 === 0 ? 'Desktop-Client: Vollversion' : null,
      i % 4 === 0 ? 'Konferenz' : null,
      i % 5 === 0 ? 1067 : 53113,
      'Bonn',
      i % 2 === 0 ? new Date(Date.UTC(2030, 0, 15)) : null,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** exceljs alone: load the workbook and read every cell's value. */
async function bareRead(file: Buffer): Promise<number> {
  collect();
  const started = performance.now();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  let cells = 0;
  workbook.worksheets[0]!.eachRow((row) => {
    row.eachCell(() => {
      cells++;
    });
  });
  if (cells < ROWS) {
    throw new Error('exceljs read too few cells');
  }
  return performance.now() - started;
}

const PROFILE = process.env.BENCH_IMPORT_PROFILE === '1';
const IN_MEMORY = process.env.BENCH_IMPORT_DB === 'memory';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** CPU time by function (self and inclusive) of a V8 profile: the top entries. */
function cpuSummary(
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] },
  top = 25,
): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    for (const c of n.children ?? []) {
      parent.set(c, n.id);
    }
  }
  const root = `file://${path.resolve(import.meta.dirname, '..')}/`;
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(root, '').replace(/^node_modules\//, '')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const k = key(byId.get(id)!);
    self.set(k, (self.get(k) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = key(byId.get(at)!);
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`);
  return ['cpu, self:', ...list(self), 'cpu, inclusive:', ...list(inclusive)];
}

/** Runs fn; with BENCH_IMPORT_PROFILE=1 prints its statements and CPU profile. */
async function profiled<T>(label: string, session: Session | null, fn: () => Promise<T>) {
  if (!session) {
    return fn();
  }
  startStatementProfile();
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const file = path.join(tmpdir(), `zentrale-bench-import-${label}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`\n--- ${label} (${file})`);
    console.log(stopStatementProfile(20).join('\n'));
    console.log(cpuSummary(profile as never).join('\n'));
  }
}

// Every measurement starts on a collected heap: garbage one leaves (exceljs's workbooks) is not
// collected on the next one's time.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface BenchSetup {
  t: TestApp;
  deps: ImportDeps;
  owner: { companyId: string; userId: string; sessionId: string };
  actor: AuditActor;
  close(): Promise<void>;
}

/**
 * The demo company with a quota for everything and the block 030 12-xxxxx (100,000 numbers in
 * the default group; the lists use 030 12-10000 …), the demo admin's session, and the database the import runs on: as
 * `npm start` runs it, PGlite in a data directory (opened from the set-up database), or in
 * memory with `inMemory`.
 */
export async function benchSetup(inMemory = IN_MEMORY): Promise<BenchSetup> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zentrale-bench-import-'));
  const t = await createTestApp({
    env: { DATA_DIR: dataDir, IMPORT_MAX_ROWS: '20000' },
    logLevel: 'warn',
  });
  let disk: Database | null = null;
  const close = async () => {
    await disk?.close();
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const db = t.ctx.database.db;
    await seedCatalogIfEmpty(t.ctx.database, t.clock);
    const { companyId } = await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
    await db.execute(
      sql`update contracts set workplace_quota = 50000 where company_id = ${companyId}`,
    );
    const operator = await login(t.app, 'operator');
    const base = `/api/v1/companies/${companyId}`;
    const groups = await call(t.app, 'GET', `${base}/groups`, { session: operator });
    const groupId = groups
      .json<{ items: { id: string; isDefault: boolean }[] }>()
      .items.find((g) => g.isDefault)!.id;
    const block = await call(t.app, 'POST', `${base}/number-blocks`, {
      session: operator,
      body: { kind: 'block', number: '030 12', extensionLength: 5, groupId },
    });
    if (block.statusCode !== 201) {
      throw new Error(`block: ${block.body}`);
    }
    const admin = await login(t.app, 'demo-admin');
    const [session] = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, admin.userId))
      .orderBy(desc(sessions.createdAt))
      .limit(1);
    disk = inMemory
      ? null
      : await openPglite({
          dataDir: path.join(dataDir, 'pglite'),
          loadDataDir: await t.ctx.database.dumpDataDir(),
        });
    return {
      t,
      // The bench measures the work itself: no job queue in between.
      deps: { ...t.ctx, database: disk ?? t.ctx.database, syncBytes: Infinity, syncRows: Infinity },
      owner: { companyId: companyId!, userId: admin.userId, sessionId: session!.id },
      actor: { userId: admin.userId, username: 'demo-admin', role: 'admin' },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

export async function run(): Promise<void> {
  const setup = await benchSetup();
  const { deps, owner, actor } = setup;
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  try {
    console.log(`database: PGlite ${IN_MEMORY ? 'in memory' : 'in a data directory'}`);
    const inspector = PROFILE ? new Session() : null;
    inspector?.connect();
    await inspector?.post('Profiler.enable');
    await inspector?.post('Profiler.setSamplingInterval', { interval: 200 });

    // A server imports with warm code: one small list first (not measured), as exceljs's read
    // below is the median of three.
    const warm = await uploadList(
      deps,
      owner,
      { name: 'warm-up.xlsx', bytes: await listFile(50_000, true, WARM_UP_ROWS) },
      'de',
    );
    await commitImport(deps, actor, owner, warm.id, 'valid_only');
    console.log(`warm-up: ${WARM_UP_ROWS} rows imported (not measured)`);

    const figures: Record<string, number | string> = { rows: ROWS };
    for (const [name, offset, bad] of [
      ['valid', 10_000, false],
      ['bad10', 30_000, true],
    ] as const) {
      const file = await listFile(offset, bad);
      const reads = [await bareRead(file), await bareRead(file), await bareRead(file)];
      const read = median(reads);
      collect();
      const started = performance.now();
      const checked = await profiled(`${name}-preview`, inspector, () =>
        uploadList(deps, owner, { name: `${name}.xlsx`, bytes: file }, 'de'),
      );
      const previewMs = performance.now() - started;
      if (checked.status !== 'validated') {
        throw new Error(`${name}: ${JSON.stringify(checked.problem)}`);
      }
      collect();
      const cartStarted = performance.now();
      const done = await profiled(`${name}-cart`, inspector, () =>
        commitImport(deps, actor, owner, checked.id, bad ? 'valid_only' : 'all'),
      );
      const cartMs = performance.now() - cartStarted;
      if (done.status !== 'imported') {
        throw new Error(`${name}: ${JSON.stringify(done.commitError)}`);
      }
      const total = previewMs + cartMs;
      console.log(
        `${name}: ${ROWS} rows, ${round(file.length / 1024)} KiB; exceljs read ${round(read)} ms; ` +
          `upload→preview ${round(previewMs)} ms (valid ${checked.summary.valid}, invalid ${checked.summary.invalid}); ` +
          `preview→cart ${round(cartMs)} ms (${done.result?.created.length} in the cart); ` +
          `${round((ROWS / total) * 1000, 0)} rows/s; upload→preview ${round(previewMs / read, 2)}×, ` +
          `end to end ${round(total / read, 2)}× the bare read`,
      );
      Object.assign(figures, {
        [`${name}_read_ms`]: round(read),
        [`${name}_preview_ms`]: round(previewMs),
        [`${name}_cart_ms`]: round(cartMs),
        [`${name}_total_ms`]: round(total),
        [`${name}_rows_per_s`]: round((ROWS / total) * 1000, 0),
        [`${name}_preview_ratio`]: round(previewMs / read, 2),
        [`${name}_ratio`]: round(total / read, 2),
      });
    }
    clearInterval(sampler);
    const maxRssMb = round(process.resourceUsage().maxRSS / 1024);
    console.log(
      `peak memory: rss ${round(peakRss / 2 ** 20)} MiB (maxRSS ${maxRssMb} MiB), heap ${round(peakHeap / 2 ** 20)} MiB`,
    );
    summary('import', {
      ...figures,
      peak_rss_mb: round(peakRss / 2 ** 20),
      max_rss_mb: maxRssMb,
      peak_heap_mb: round(peakHeap / 2 ** 20),
      goal_rows_per_s: 2000,
      goal_ratio: 3,
    });
  } finally {
    clearInterval(sampler);
    await setup.close();
  }
}
