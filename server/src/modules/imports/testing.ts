// Test support for the list import: the workplaces test app with a data directory of its own
// (nothing of the test lands in the default one), and helpers to upload files and read the rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, type Session } from '../../test/api-client.ts';
import { createTestApp } from '../../test/test-app.ts';
import { listDevices } from '../catalog/catalog.repository.ts';
import { seedCatalogIfEmpty } from '../catalog/catalog.seed.ts';
import { addBlock, type WorkplacesTestApp } from '../workplaces/testing/workplaces-fixture.ts';

export interface ImportTestApp extends WorkplacesTestApp {
  admin: Session;
  dataDir: string;
  close(): Promise<void>;
}

export async function createImportTestApp(
  env: Record<string, string> = {},
): Promise<ImportTestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zentrale-import-'));
  const t = await createTestApp({ env: { DATA_DIR: dataDir, ...env } });
  await seedCatalogIfEmpty(t.ctx.database, t.clock);
  const seeded = await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  const companyId = seeded.companyId!;
  const base = `/api/v1/companies/${companyId}`;
  const operator = await login(t.app, 'operator');
  const models = await listDevices(t.ctx.database.db, { extended: true });
  const groups = await call(t.app, 'GET', `${base}/groups`, { session: operator });
  const defaultGroupId = groups
    .json<{ items: { id: string; isDefault: boolean }[] }>()
    .items.find((g) => g.isDefault)!.id;
  const admin = await login(t.app, 'demo-admin');
  return {
    t,
    companyId,
    base,
    operator,
    admin,
    dataDir,
    devices: new Map(models.map((m) => [m.key, m.id])),
    defaultGroupId,
    async close() {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The import test app with the block 0228 1234-xxx (three-digit extensions) in the default group. */
export async function createImportTestAppWithBlock(): Promise<ImportTestApp> {
  const w = await createImportTestApp();
  await addBlock(w, { number: '0228 1234', extensionLength: 3 });
  return w;
}

/** Uploads a file as the browser does (raw body) and returns the answer. */
export function upload(
  w: ImportTestApp,
  bytes: Buffer | string,
  fileName = 'liste.xlsx',
  options: { session?: Session; headers?: Record<string, string> } = {},
) {
  return call(
    w.t.app,
    'POST',
    `${w.base}/imports/workplaces?fileName=${encodeURIComponent(fileName)}`,
    {
      session: options.session ?? w.admin,
      body: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
      headers: { 'content-type': 'application/octet-stream', ...options.headers },
    },
  );
}

export interface RowAnswer {
  row: number;
  status: string;
  name: string;
  username: string;
  mainNumber: string;
  issues: {
    column: string | null;
    cell: string | null;
    rule: string;
    severity: string;
    message: string;
    hint: string;
  }[];
}

/** All checked rows of an import. */
export async function rowsOf(
  w: ImportTestApp,
  importId: string,
  session = w.admin,
): Promise<RowAnswer[]> {
  const res = await call(w.t.app, 'GET', `${w.base}/imports/${importId}/rows?pageSize=500`, {
    session,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: RowAnswer[] }>().items;
}

/** The rules of a row's issues, for compact assertions. */
export const rulesOf = (row: RowAnswer | undefined) =>
  (row?.issues ?? []).map((i) => `${i.column}:${i.rule}`);

/** A CSV list with the German headers of the given columns (";" separated, CRLF). */
export function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n';
}
