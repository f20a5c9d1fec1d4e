// `npm run bench -- import` (issue 9): a generated 10,000-row .xlsx (all valid) and one with 10%
// bad rows, through upload → preview and preview → cart on the embedded database, next to the
// time exceljs alone takes to read the same file in the same run. Peak memory from
// process.memoryUsage (sampled) and resourceUsage().maxRSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { sessions } from '../server/src/db/schema/index.ts';
import { seedDemoData } from '../server/src/demo/seed.ts';
import { seedCatalogIfEmpty } from '../server/src/modules/catalog/catalog.seed.ts';
import { commitImport } from '../server/src/modules/imports/import-commit.service.ts';
import { uploadList } from '../server/src/modules/imports/imports.service.ts';
import { DEMO_PASSWORD, login, call } from '../server/src/test/api-client.ts';
import { createTestApp } from '../server/src/test/test-app.ts';
import { round, summary } from './stats.ts';

const ROWS = 10_000;
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
async function listFile(offset: number, bad: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Arbeitsplätze');
  sheet.addRow(HEADER);
  for (let i = 0; i < ROWS; i++) {
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zentrale-bench-import-'));
  const t = await createTestApp({
    env: { DATA_DIR: dataDir, IMPORT_MAX_ROWS: '20000' },
    logLevel: 'warn',
  });
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
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
    // 030 12-xxxxx: 100,000 numbers in the default group.
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
    const owner = { companyId: companyId!, userId: admin.userId, sessionId: session!.id };
    const actor = { userId: admin.userId, username: 'demo-admin', role: 'admin' };
    // The bench measures the work itself: no job queue in between.
    const deps = { ...t.ctx, syncBytes: Infinity, syncRows: Infinity };

    const figures: Record<string, number | string> = { rows: ROWS };
    for (const [name, offset, bad] of [
      ['valid', 10_000, false],
      ['bad10', 30_000, true],
    ] as const) {
      const file = await listFile(offset, bad);
      const reads = [await bareRead(file), await bareRead(file), await bareRead(file)];
      const read = median(reads);
      const started = performance.now();
      const checked = await uploadList(deps, owner, { name: `${name}.xlsx`, bytes: file }, 'de');
      const previewMs = performance.now() - started;
      if (checked.status !== 'validated') {
        throw new Error(`${name}: ${JSON.stringify(checked.problem)}`);
      }
      const cartStarted = performance.now();
      const done = await commitImport(deps, actor, owner, checked.id, bad ? 'valid_only' : 'all');
      const cartMs = performance.now() - cartStarted;
      if (done.status !== 'imported') {
        throw new Error(`${name}: ${JSON.stringify(done.commitError)}`);
      }
      const total = previewMs + cartMs;
      console.log(
        `${name}: ${ROWS} rows, ${round(file.length / 1024)} KiB; exceljs read ${round(read)} ms; ` +
          `upload→preview ${round(previewMs)} ms (valid ${checked.summary.valid}, invalid ${checked.summary.invalid}); ` +
          `preview→cart ${round(cartMs)} ms (${done.result?.created.length} in the cart); ` +
          `${round((ROWS / total) * 1000, 0)} rows/s; ${round(total / read, 2)}× the bare read`,
      );
      Object.assign(figures, {
        [`${name}_read_ms`]: round(read),
        [`${name}_preview_ms`]: round(previewMs),
        [`${name}_cart_ms`]: round(cartMs),
        [`${name}_total_ms`]: round(total),
        [`${name}_rows_per_s`]: round((ROWS / total) * 1000, 0),
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
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
