// Crash test (issue 6): a child process executing orders is killed with SIGKILL at random
// moments, 20 times, and started again; after each restart and at the end every item has been
// executed exactly once, counted by its effects, and no order item is lost.
// On PGlite the child opens the same data directory (PGlite must recover from the kill like
// PostgreSQL does); with DATABASE_URL it works on a private PostgreSQL database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openPglite, type Database } from '../../db/client.ts';
import { orders } from '../../db/schema/index.ts';
import { seedDemoData } from '../../demo/seed.ts';
import { systemClock } from '../../platform/clock.ts';
import { DEMO_PASSWORD } from '../../test/api-client.ts';
import { testConfig } from '../../test/test-app.ts';
import { createTestDb } from '../../test/test-db.ts';
import { seedCatalogIfEmpty } from '../catalog/catalog.seed.ts';
import { checkCrashInvariants, type CrashCheck } from './testing/crash-check.ts';
import { placeOrders, testItem } from './testing/place-orders.ts';
import { registerTestItemType, TEST_ITEM_TYPE } from './testing/test-item-types.ts';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing/crash-worker.ts');
const ORDERS = 4;
const ITEMS_PER_ORDER = 50;
const KILLS = 20;

const ITEMS = ORDERS * ITEMS_PER_ORDER;

let dir: string;
let pgUrl: string | undefined;
let dropPg: (() => Promise<void>) | undefined;

const pgliteDir = () => path.join(dir, 'pglite');
const open = (): Promise<Database> =>
  openDatabase({ databaseUrl: pgUrl, dataDir: pgliteDir(), poolMax: 2 });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zentrale-crash-'));
  // Orders are placed the normal way on a fresh test database (PGlite: in memory from the
  // migrated template, then written to a data directory that the child processes share).
  const testDb = await createTestDb();
  const { database } = testDb;
  try {
    await seedCatalogIfEmpty(database, systemClock);
    await seedDemoData(database, systemClock, DEMO_PASSWORD);
    registerTestItemType();
    await placeOrders(
      { database, clock: systemClock, config: testConfig() },
      {
        orders: ORDERS,
        itemsPerOrder: ITEMS_PER_ORDER,
        // Slow steps, so that the kills land in the middle of the work.
        item: () => testItem(TEST_ITEM_TYPE, { stepDelayMs: 3 }),
      },
    );
    if (testDb.url) {
      pgUrl = testDb.url;
      await database.close();
      dropPg = () => testDb.close();
    } else {
      const disk = await openPglite({
        dataDir: pgliteDir(),
        loadDataDir: await database.dumpDataDir(),
      });
      await disk.close();
      await testDb.close();
    }
  } catch (err) {
    await testDb.close();
    throw err;
  }
});

afterAll(async () => {
  await dropPg?.();
  rmSync(dir, { recursive: true, force: true });
});

interface Child {
  kill(): Promise<void>;
  waitFor(line: string, timeoutMs: number): Promise<void>;
  check(): CrashCheck | null;
  stderr(): string;
}

function startWorker(): Child {
  const child = spawn(process.execPath, [WORKER, pgliteDir()], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_COMPILE_CACHE: path.join(tmpdir(), 'zentrale-node-compile-cache'),
      ...(pgUrl ? { CRASH_DATABASE_URL: pgUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    listeners.forEach((l) => l());
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    waitFor(line, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (out.split('\n').includes(line)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`worker did not print "${line}" in ${timeoutMs} ms; stderr: ${err}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (!out.split('\n').includes(line)) {
            clearTimeout(timer);
            reject(new Error(`worker exited before "${line}"; stderr: ${err}`));
          }
        });
        check();
      });
    },
    check() {
      const line = out.split('\n').find((l) => l.startsWith('check '));
      return line ? (JSON.parse(line.slice('check '.length)) as CrashCheck) : null;
    },
    stderr: () => err,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('crash safety of the execution (issue 6)', () => {
  it(`survives ${KILLS} SIGKILLs at random moments: every item executed exactly once`, async () => {
    const progress: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const worker = startWorker();
      if (kill % 7 === 3) {
        // Now and then the kill lands while the process is still starting (opening the database).
        await sleep(Math.random() * 800);
      } else {
        await worker.waitFor('ready', 20_000);
        await sleep(Math.random() * 400);
      }
      await worker.kill();
      // The restarted process checks the database first: after the previous kill.
      const check = worker.check();
      if (check) {
        expect(check.problems, `after kill ${kill}`).toEqual([]);
        expect(check.items).toBe(ITEMS);
        progress.push(check.done);
      }
    }
    // The last run checks the state after the 20th kill and finishes the work.
    const worker = startWorker();
    await worker.waitFor('idle', 30_000);
    await worker.kill();
    expect(worker.check()?.problems).toEqual([]);
    const database = await open();
    try {
      const final = await checkCrashInvariants(database.db);
      expect(final).toEqual({ items: ITEMS, done: ITEMS, problems: [] });
      const states = await database.db.select({ status: orders.status }).from(orders);
      expect(states.map((s) => s.status)).toEqual(Array(ORDERS).fill('done'));
    } finally {
      await database.close();
    }
    // The kills interrupted work in progress.
    expect(progress.some((done) => done > 0 && done < ITEMS)).toBe(true);
    console.log(`crash test: items done at each restart: ${progress.join(', ')}`);
  }, 120_000);
});
