import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { configFromEnv, parseEnv, type Config } from '../config.ts';
import { buildApp } from '../http/app.ts';
import type { AppContext } from '../http/context.ts';
import { Metrics } from '../http/metrics.ts';
import { ManualClock } from '../platform/clock.ts';
import { JobRunner } from '../platform/jobs/runner.ts';
import { registerBillingJobs } from '../modules/billing/billing.job.ts';
import { registerNotificationJobs } from '../platform/notifications/delivery.job.ts';
import { registerOrderJobs } from '../modules/orders/orders.jobs.ts';
import { registerImportJobs } from '../modules/imports/imports.job.ts';
import { registerWorkplaceItemTypes } from '../modules/workplaces/register.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { VERSION } from '../version.ts';
import { createTestDb, type TestDb } from './test-db.ts';

/** Collects log lines so tests can assert on what was (not) logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const env = parseEnv({ NODE_ENV: 'test', ...overrides });
  return { ...configFromEnv(env, 'test-secret-'.padEnd(40, 'x')), workers: false };
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  logs: LogCapture;
  testDb: TestDb;
  close(): Promise<void>;
}

/**
 * The real application on a fresh test database, driven with app.inject(). `beforeReady` may add
 * routes (for example a probe route for the error handler) before the app is sealed.
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    logLevel?: string;
    beforeReady?: (app: FastifyInstance) => void;
  } = {},
): Promise<TestApp> {
  const testDb = await createTestDb();
  const logs = new LogCapture();
  const logger: Logger = createLogger(options.logLevel ?? 'info', logs);
  const clock = new ManualClock();
  const metrics = new Metrics();
  const config = testConfig(options.env);
  const jobs = new JobRunner({ database: testDb.database, clock, logger });
  const notifications = registerNotificationJobs(jobs, {
    database: testDb.database,
    config,
    clock,
    logger,
  });
  registerBillingJobs(jobs, { database: testDb.database, clock });
  registerWorkplaceItemTypes();
  registerOrderJobs(jobs, { database: testDb.database, clock, config });
  registerImportJobs(jobs, { database: testDb.database, clock, config });
  const ctx: AppContext = {
    config,
    database: testDb.database,
    clock,
    jobs,
    metrics,
    version: VERSION,
  };
  const app = await buildApp(ctx, { logger, serveWeb: false });
  options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    logs,
    testDb,
    async close() {
      await notifications.close();
      await app.close();
      await testDb.close();
    },
  };
}
