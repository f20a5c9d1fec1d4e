import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import type { Metrics } from './metrics.ts';

/** What route plugins and services get: built once in main.ts (or by a test). */
export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  jobs: JobRunner;
  metrics: Metrics;
  version: string;
}
