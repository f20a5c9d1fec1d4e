import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database, Executor } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import {
  claimJobs,
  completeJob,
  completeJobs,
  failJob,
  insertJob,
  type JobRow,
  type NewJob,
} from './job.repository.ts';

export interface JobContext {
  jobId: number;
  attempt: number;
  maxAttempts: number;
  database: Database;
  clock: Clock;
  logger: Logger;
}

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

/** A claimed job handed to a batch handler. */
export interface BatchJob {
  id: number;
  payload: unknown;
  attempt: number;
  maxAttempts: number;
}

export interface BatchContext {
  database: Database;
  clock: Clock;
  logger: Logger;
  /**
   * Marks jobs of the batch done inside the handler's transaction, so that the effects and the
   * job's end commit together; returns how many were still this worker's (fewer: roll back).
   */
  complete(tx: Executor, ids: readonly number[]): Promise<number>;
}

/**
 * Runs several claimed jobs of one kind together (one transaction, set-based work) and returns
 * the ids it finished — each completed through `ctx.complete` in its transaction. The runner runs
 * every other job of the batch, and all of them when the handler throws, with the single handler.
 */
export type BatchJobHandler = (jobs: BatchJob[], ctx: BatchContext) => Promise<ReadonlySet<number>>;

/** Thrown by a handler when retrying cannot help: the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export type JobOutcome = 'done' | 'retry' | 'failed' | 'lost';

export interface JobRunnerOptions {
  database: Database;
  clock: Clock;
  logger: Logger;
  workerId?: string;
  leaseMs?: number;
  pollMs?: number;
  batchSize?: number;
  backoff?: BackoffPolicy;
  onOutcome?: (kind: string, outcome: JobOutcome, durationMs: number) => void;
}

/** Enqueues a job on the given handle (inside the caller's transaction when it passes tx). */
export function enqueueJob(db: Executor, job: NewJob, clock: Clock): Promise<number | null> {
  return insertJob(db, job, clock.now());
}

/** Claims due jobs and runs their handlers; any number of runners may share one database. */
export class JobRunner {
  readonly workerId: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly batchHandlers = new Map<string, BatchJobHandler>();
  private readonly opts: Required<Omit<JobRunnerOptions, 'onOutcome' | 'workerId'>> &
    Pick<JobRunnerOptions, 'onOutcome'>;
  private loop: Promise<void> | null = null;
  private running = false;
  private wake: (() => void) | null = null;

  constructor(options: JobRunnerOptions) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.opts = {
      leaseMs: 5 * 60_000,
      pollMs: 1_000,
      batchSize: 10,
      backoff: DEFAULT_BACKOFF,
      ...options,
    };
  }

  /** `batch`, optional, runs several due jobs of the kind at once (see BatchJobHandler). */
  register(kind: string, handler: JobHandler, batch?: BatchJobHandler): this {
    if (this.handlers.has(kind)) {
      throw new Error(`job handler for "${kind}" registered twice`);
    }
    this.handlers.set(kind, handler);
    if (batch) {
      this.batchHandlers.set(kind, batch);
    }
    return this;
  }

  get kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /** Claims one batch of due jobs and runs them; returns how many ran. */
  async runOnce(): Promise<number> {
    if (this.handlers.size === 0) {
      return 0;
    }
    const { database, clock } = this.opts;
    const claimed = await claimJobs(database.db, {
      workerId: this.workerId,
      limit: this.opts.batchSize,
      now: clock.now(),
      leaseMs: this.opts.leaseMs,
      kinds: this.kinds,
    });
    const byKind = new Map<string, JobRow[]>();
    for (const job of claimed) {
      const group = byKind.get(job.kind);
      if (group) {
        group.push(job);
      } else {
        byKind.set(job.kind, [job]);
      }
    }
    for (const [kind, group] of byKind) {
      const finished = await this.executeBatch(kind, group);
      for (const job of group) {
        if (!finished.has(job.id)) {
          await this.execute(job);
        }
      }
    }
    return claimed.length;
  }

  /** The kind's batch handler on a group of two or more jobs; the ids it finished. */
  private async executeBatch(kind: string, group: JobRow[]): Promise<ReadonlySet<number>> {
    const batch = this.batchHandlers.get(kind);
    if (!batch || group.length < 2) {
      return new Set();
    }
    const { database, clock, logger } = this.opts;
    const started = performance.now();
    try {
      const finished = await batch(
        group.map((job) => ({
          id: job.id,
          payload: job.payload,
          attempt: job.attempts,
          maxAttempts: job.maxAttempts,
        })),
        {
          database,
          clock,
          logger: logger.child({ kind, batch: group.length }),
          complete: (tx, ids) => completeJobs(tx, ids, this.workerId, clock.now()),
        },
      );
      const each = (performance.now() - started) / Math.max(1, finished.size);
      for (let i = 0; i < finished.size; i++) {
        this.opts.onOutcome?.(kind, 'done', each);
      }
      return finished;
    } catch (err) {
      // Rolled back as a whole: every job of the group runs on its own.
      logger.debug({ err, kind, batch: group.length }, 'batch failed; running its jobs one by one');
      return new Set();
    }
  }

  /** Runs batches until no job is due; for tests and benchmarks. */
  async drain(maxRounds = 10_000): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round++) {
      const n = await this.runOnce();
      if (n === 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Asks an idle loop to look for due jobs now (after an enqueue, for example). */
  poke(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let n = 0;
      try {
        n = await this.runOnce();
      } catch (err) {
        this.opts.logger.error({ err }, 'job claim failed');
      }
      if (n === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.opts.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  private async execute(job: JobRow): Promise<void> {
    const { database, clock, logger } = this.opts;
    const handler = this.handlers.get(job.kind);
    const started = performance.now();
    const log = logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    let outcome: JobOutcome;
    try {
      if (!handler) {
        throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
      }
      await handler(job.payload, {
        jobId: job.id,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        database,
        clock,
        logger: log,
      });
      const kept = await completeJob(database.db, job.id, this.workerId, clock.now());
      outcome = kept ? 'done' : 'lost';
    } catch (err) {
      const reason = describe(err);
      const permanent = err instanceof PermanentJobError;
      const retry = !permanent && job.attempts < job.maxAttempts;
      const now = clock.now();
      const retryAt = retry
        ? new Date(now.getTime() + backoffDelayMs(job.attempts, this.opts.backoff))
        : null;
      const kept = await failJob(database.db, job.id, this.workerId, {
        retryAt,
        error: reason,
        now,
      });
      outcome = !kept ? 'lost' : retry ? 'retry' : 'failed';
      if (outcome === 'failed') {
        log.error({ reason }, 'job failed for good');
      } else {
        log.warn({ reason, retryAt }, 'job attempt failed');
      }
    }
    if (outcome === 'lost') {
      log.warn('job lease was lost before it finished; another worker owns it now');
    }
    this.opts.onOutcome?.(job.kind, outcome, performance.now() - started);
  }
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : String(err);
  return text.slice(0, 2000);
}
