import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import { jobs, type JobStatus } from '../../db/schema/index.ts';

export interface JobRow {
  id: number;
  kind: string;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
}

export interface NewJob {
  kind: string;
  payload?: unknown;
  runAt?: Date;
  maxAttempts?: number;
  /** A second job with the same key is not enqueued (idempotent enqueue). */
  dedupeKey?: string;
}

const jobRow = (job: NewJob, now: Date) => ({
  kind: job.kind,
  payload: job.payload ?? {},
  runAt: job.runAt ?? now,
  maxAttempts: job.maxAttempts ?? 5,
  dedupeKey: job.dedupeKey ?? null,
  createdAt: now,
  updatedAt: now,
});

/** Inserts a job; returns its id, or null when a job with the dedupe key exists. */
export async function insertJob(db: Executor, job: NewJob, now: Date): Promise<number | null> {
  const rows = await db
    .insert(jobs)
    .values(jobRow(job, now))
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/** insertJob for many jobs in one statement; jobs whose dedupe key exists are left out. */
export async function insertJobs(db: Executor, list: readonly NewJob[], now: Date): Promise<void> {
  if (list.length === 0) {
    return;
  }
  await db
    .insert(jobs)
    .values(list.map((job) => jobRow(job, now)))
    .onConflictDoNothing({ target: jobs.dedupeKey });
}

interface ClaimedRaw {
  id: number | string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Date | string;
  last_error: string | null;
}

/**
 * Claims up to `limit` due jobs for `workerId`: queued jobs whose time has come and running jobs
 * whose lease expired (their worker died). SKIP LOCKED lets many workers claim side by side.
 */
export async function claimJobs(
  db: Executor,
  opts: { workerId: string; limit: number; now: Date; leaseMs: number; kinds?: string[] },
): Promise<JobRow[]> {
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const kindFilter =
    opts.kinds && opts.kinds.length > 0
      ? sql`and kind in (${sql.join(
          opts.kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : sql``;
  const result = await db.execute(sql`
    update jobs set
      status = 'running',
      attempts = attempts + 1,
      locked_by = ${opts.workerId},
      locked_until = ${leaseUntil.toISOString()}::timestamptz,
      updated_at = ${opts.now.toISOString()}::timestamptz
    where id in (
      select id from jobs
      where ((status = 'queued' and run_at <= ${opts.now.toISOString()}::timestamptz)
          or (status = 'running' and locked_until < ${opts.now.toISOString()}::timestamptz))
        ${kindFilter}
      order by run_at, id
      limit ${opts.limit}
      for update skip locked
    )
    returning id, kind, payload, status, attempts, max_attempts, run_at, last_error`);
  return rowsOf<ClaimedRaw>(result).map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: new Date(r.run_at),
    lastError: r.last_error,
  }));
}

/** Marks a claimed job done; false when the lease was lost to another worker. */
export async function completeJob(
  db: Executor,
  id: number,
  workerId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', lockedBy: null, lockedUntil: null, updatedAt: now, finishedAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Marks claimed jobs done (in the caller's transaction); returns how many were still ours. */
export async function completeJobs(
  db: Executor,
  ids: readonly number[],
  workerId: string,
  now: Date,
): Promise<number> {
  if (ids.length === 0) {
    return 0;
  }
  const rows = await db
    .update(jobs)
    .set({ status: 'done', lockedBy: null, lockedUntil: null, updatedAt: now, finishedAt: now })
    .where(and(inArray(jobs.id, [...ids]), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Puts a claimed job back for a later attempt, or marks it failed with the reason. */
export async function failJob(
  db: Executor,
  id: number,
  workerId: string,
  outcome: { retryAt: Date | null; error: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set(
      outcome.retryAt
        ? {
            status: 'queued',
            runAt: outcome.retryAt,
            lastError: outcome.error,
            lockedBy: null,
            lockedUntil: null,
            updatedAt: outcome.now,
          }
        : {
            status: 'failed',
            lastError: outcome.error,
            lockedBy: null,
            lockedUntil: null,
            updatedAt: outcome.now,
            finishedAt: outcome.now,
          },
    )
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function findJob(db: Executor, id: number) {
  const rows = await db.select().from(jobs).where(eq(jobs.id, id));
  return rows[0] ?? null;
}

/** Counts of jobs per status, for metrics and the operator console. */
export async function countJobsByStatus(db: Executor): Promise<Record<JobStatus, number>> {
  const rows = await db
    .select({ status: jobs.status, n: sql<number>`count(*)::int` })
    .from(jobs)
    .groupBy(jobs.status);
  const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) {
    counts[row.status] = Number(row.n);
  }
  return counts;
}
