// The crash test's child process: opens the test database (a PGlite data directory given as the
// first argument, or CRASH_DATABASE_URL), checks the crash invariants and prints them as
// "check {json}", registers the test item type and runs a job runner until it is killed. Prints
// "ready" once it claims jobs and "idle" once no order item is open.
// Usage: node server/src/modules/orders/testing/crash-worker.ts <pglite-dir>
import { ne, count } from 'drizzle-orm';
import { configFromEnv, parseEnv } from '../../../config.ts';
import { openDatabase } from '../../../db/client.ts';
import { orderItems } from '../../../db/schema/index.ts';
import { systemClock } from '../../../platform/clock.ts';
import { JobRunner } from '../../../platform/jobs/runner.ts';
import { createLogger } from '../../../platform/logger.ts';
import { registerOrderJobs } from '../orders.jobs.ts';
import { checkCrashInvariants } from './crash-check.ts';
import { registerTestItemType } from './test-item-types.ts';

/** Short lease: the restarted process takes over the jobs of the killed one after a second. */
export const CRASH_LEASE_MS = 1_000;

const dataDir = process.argv[2] ?? null;
const database = await openDatabase({
  databaseUrl: process.env.CRASH_DATABASE_URL,
  dataDir,
  poolMax: 4,
});
process.stdout.write(`check ${JSON.stringify(await checkCrashInvariants(database.db))}\n`);
const config = configFromEnv(parseEnv({ NODE_ENV: 'test' }), 'crash-test-secret'.padEnd(40, 'x'));
const logger = createLogger(process.env.CRASH_LOG_LEVEL ?? 'error', process.stderr);
registerTestItemType();
const runner = new JobRunner({
  database,
  clock: systemClock,
  logger,
  leaseMs: CRASH_LEASE_MS,
  pollMs: 20,
  batchSize: 5,
});
registerOrderJobs(runner, { database, clock: systemClock, config });
runner.start();
process.stdout.write('ready\n');

let reported = false;
const timer = setInterval(() => {
  void database.db
    .select({ n: count() })
    .from(orderItems)
    .where(ne(orderItems.status, 'done'))
    .then(([row]) => {
      if (!reported && Number(row?.n ?? 1) === 0) {
        reported = true;
        process.stdout.write('idle\n');
      }
    })
    .catch((err: unknown) => logger.error({ err }, 'crash worker poll failed'));
}, 50);

process.on('SIGTERM', () => {
  clearInterval(timer);
  void runner
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
