import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { lockDataDir, type DataDirLock } from './db/lock.ts';
import { migrateDatabase } from './db/migrate.ts';
import { seedDemoData, type SeedResult } from './demo/seed.ts';
import { buildApp } from './http/app.ts';
import { registerBillingJobs, scheduleDailyBilling } from './modules/billing/billing.job.ts';
import { seedCatalogIfEmpty } from './modules/catalog/catalog.seed.ts';
import { registerImportJobs } from './modules/imports/imports.job.ts';
import { registerOrderJobs, scheduleCartSweep } from './modules/orders/orders.jobs.ts';
import { registerWorkplaceItemTypes } from './modules/workplaces/register.ts';
import type { AppContext } from './http/context.ts';
import { Metrics } from './http/metrics.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { JobRunner } from './platform/jobs/runner.ts';
import { registerNotificationJobs } from './platform/notifications/delivery.job.ts';
import type { Logger } from './platform/logger.ts';
import { VERSION } from './version.ts';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  seed: SeedResult;
  close(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  listen?: boolean;
  serveWeb?: boolean;
}

/** config → database → HTTP → workers, with everything undone in reverse by close(). */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (err) {
        logger.error({ err }, 'shutdown step failed');
      }
    }
    cleanups.length = 0;
  };
  try {
    const lock: DataDirLock | null = config.databaseUrl ? null : lockDataDir(config.dataDir);
    if (lock) {
      cleanups.push(() => lock.release());
    }
    const database: Database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: path.join(config.dataDir, 'pglite'),
      poolMax: config.databasePoolMax,
    });
    cleanups.push(() => database.close());
    await migrateDatabase(database);
    // The catalogue is needed with and without demo data (ZENTRALE_DEMO=false).
    await seedCatalogIfEmpty(database, clock);
    const seed = config.demo.enabled
      ? await seedDemoData(database, clock, config.demo.password)
      : { seeded: false };

    const metrics = new Metrics();
    // 50 due jobs per claim: order items of one kind then run as one batch (bench orders).
    const jobs = new JobRunner({
      database,
      clock,
      logger,
      batchSize: 50,
      onOutcome: metrics.jobOutcome,
    });
    const notifications = registerNotificationJobs(jobs, { database, config, clock, logger });
    cleanups.push(() => notifications.close());
    registerWorkplaceItemTypes();
    registerOrderJobs(jobs, { database, clock, config });
    // The cart sweep re-enqueues itself; this starts (or resumes) the chain.
    await scheduleCartSweep(database, clock);
    registerBillingJobs(jobs, { database, clock });
    registerImportJobs(jobs, { database, clock, config });
    // The daily billing run re-enqueues itself; this starts the chain (once per day).
    await scheduleDailyBilling(database.db, clock);
    const ctx: AppContext = { config, database, clock, jobs, metrics, version: VERSION };

    const app = await buildApp(ctx, {
      logger,
      ...(options.serveWeb === undefined ? {} : { serveWeb: options.serveWeb }),
    });
    cleanups.push(() => app.close());
    await app.ready();
    let url = config.publicUrl;
    if (options.listen !== false) {
      const address = await app.listen({ port: config.port, host: config.host });
      url = config.publicUrl || address;
    }
    if (config.workers) {
      jobs.start();
      // Stop claiming before the HTTP server and the database close.
      cleanups.push(() => jobs.stop());
    }
    return { app, ctx, url, seed, close };
  } catch (err) {
    await close();
    throw err;
  }
}
