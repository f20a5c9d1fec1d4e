import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '../../db/client.ts';
import { createTestDb, usingPostgres, type TestDb } from '../../test/test-db.ts';
import { ManualClock } from '../clock.ts';
import { findJob } from './job.repository.ts';
import { enqueueJob, JobRunner, PermanentJobError, type JobOutcome } from './runner.ts';

const logger = pino({ level: 'silent' });
const noJitter = { baseMs: 1000, maxMs: 60_000, jitter: 0 };

let t: TestDb;
let clock: ManualClock;
beforeEach(async () => {
  t = await createTestDb();
  clock = new ManualClock('2026-03-01T10:00:00Z');
});
afterEach(() => t.close());

function runner(database: Database = t.database, workerId?: string) {
  const outcomes: JobOutcome[] = [];
  const r = new JobRunner({
    database,
    clock,
    logger,
    backoff: noJitter,
    ...(workerId ? { workerId } : {}),
    onOutcome: (_k, o) => outcomes.push(o),
  });
  return { r, outcomes };
}

describe('JobRunner', () => {
  it('runs a due job once and marks it done', async () => {
    const { r } = runner();
    const seen: unknown[] = [];
    r.register('greet', (payload) => {
      seen.push(payload);
      return Promise.resolve();
    });
    const id = await enqueueJob(t.database.db, { kind: 'greet', payload: { to: 'Ada' } }, clock);
    expect(await r.runOnce()).toBe(1);
    expect(await r.runOnce()).toBe(0);
    expect(seen).toEqual([{ to: 'Ada' }]);
    expect((await findJob(t.database.db, id!))?.status).toBe('done');
  });

  it('does not run a job before its time (injected clock)', async () => {
    const { r } = runner();
    let runs = 0;
    r.register('later', () => {
      runs++;
      return Promise.resolve();
    });
    await enqueueJob(
      t.database.db,
      { kind: 'later', runAt: new Date('2026-03-02T00:00:00Z') },
      clock,
    );
    expect(await r.runOnce()).toBe(0);
    clock.set('2026-03-02T00:00:00Z');
    expect(await r.runOnce()).toBe(1);
    expect(runs).toBe(1);
  });

  it('retries a job that throws with backoff, then marks it failed with the reason', async () => {
    const { r, outcomes } = runner();
    let attempts = 0;
    r.register('flaky', () => {
      attempts++;
      return Promise.reject(new Error(`Gateway antwortet nicht (Versuch ${attempts})`));
    });
    const id = (await enqueueJob(t.database.db, { kind: 'flaky', maxAttempts: 3 }, clock))!;

    expect(await r.runOnce()).toBe(1);
    let job = await findJob(t.database.db, id);
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job!.lastError).toBe('Gateway antwortet nicht (Versuch 1)');
    // Backoff: 1 s after the first failure, not earlier.
    expect(job!.runAt.getTime() - clock.now().getTime()).toBe(1000);
    expect(await r.runOnce()).toBe(0);

    clock.advance(1000);
    expect(await r.runOnce()).toBe(1);
    job = await findJob(t.database.db, id);
    expect(job!.runAt.getTime() - clock.now().getTime()).toBe(2000);

    clock.advance(2000);
    expect(await r.runOnce()).toBe(1);
    job = await findJob(t.database.db, id);
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
    expect(job!.lastError).toBe('Gateway antwortet nicht (Versuch 3)');
    expect(job!.finishedAt).not.toBeNull();
    expect(outcomes).toEqual(['retry', 'retry', 'failed']);

    clock.advance(3_600_000);
    expect(await r.runOnce()).toBe(0);
    expect(attempts).toBe(3);
  });

  it('fails at once on a PermanentJobError', async () => {
    const { r } = runner();
    r.register('bad', () => Promise.reject(new PermanentJobError('Empfänger ungültig')));
    const id = (await enqueueJob(t.database.db, { kind: 'bad', maxAttempts: 5 }, clock))!;
    await r.runOnce();
    expect(await findJob(t.database.db, id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'Empfänger ungültig',
    });
  });

  it('enqueues a job with a dedupe key only once', async () => {
    const first = await enqueueJob(t.database.db, { kind: 'x', dedupeKey: 'order-1' }, clock);
    const second = await enqueueJob(t.database.db, { kind: 'x', dedupeKey: 'order-1' }, clock);
    expect(first).toBeTypeOf('number');
    expect(second).toBeNull();
  });

  it('a job enqueued in a rolled-back transaction never exists', async () => {
    await expect(
      t.database.transaction(async (tx) => {
        await enqueueJob(tx, { kind: 'ghost' }, clock);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from jobs where kind = 'ghost'`),
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('takes over a job whose worker died (lease expired) and ignores the late worker', async () => {
    const dead = runner(t.database, 'dead-worker').r;
    let deadStarted = false;
    dead.register('long', () => {
      deadStarted = true;
      // The worker "dies": its handler never finishes in this test.
      return new Promise<void>(() => {});
    });
    await enqueueJob(t.database.db, { kind: 'long' }, clock);
    void dead.runOnce();
    await expect.poll(() => deadStarted).toBe(true);

    const { r: alive, outcomes } = runner(t.database, 'alive-worker');
    alive.register('long', () => Promise.resolve());
    expect(await alive.runOnce()).toBe(0); // still leased
    clock.advance(6 * 60_000);
    expect(await alive.runOnce()).toBe(1);
    expect(outcomes).toEqual(['done']);
  });

  it('runs no job of a kind it has no handler for', async () => {
    const { r } = runner();
    r.register('known', () => Promise.resolve());
    const id = (await enqueueJob(t.database.db, { kind: 'unknown' }, clock))!;
    expect(await r.runOnce()).toBe(0);
    expect((await findJob(t.database.db, id))?.status).toBe('queued');
  });

  it('two workers never claim the same job', async () => {
    // On PostgreSQL each worker has its own connection pool, as two app processes would.
    const second = usingPostgres
      ? await openDatabase({ databaseUrl: t.url, poolMax: 4 })
      : t.database;
    try {
      const total = 300;
      for (let i = 0; i < total; i += 100) {
        await t.database.db.execute(sql`
          insert into jobs (kind, payload, run_at)
          select 'count', jsonb_build_object('n', g), ${clock.now().toISOString()}::timestamptz
          from generate_series(${i}::int, ${i + 99}::int) g`);
      }
      await t.database.db.execute(
        sql`create table job_effects (job_id bigint primary key, worker text not null)`,
      );
      const make = (database: Database, name: string) => {
        const r = new JobRunner({ database, clock, logger, workerId: name, batchSize: 7 });
        r.register('count', async (_payload, ctx) => {
          // A primary key on the effect table makes a double execution fail loudly.
          await database.db.execute(
            sql`insert into job_effects (job_id, worker) values (${ctx.jobId}, ${name})`,
          );
          await new Promise((resolve) => setTimeout(resolve, 1));
        });
        return r;
      };
      const a = make(t.database, 'worker-a');
      const b = make(second, 'worker-b');
      const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);
      expect(ranA + ranB).toBe(total);
      const effects = rowsOf<{ n: number; workers: number }>(
        await t.database.db.execute(
          sql`select count(*)::int as n, count(distinct worker)::int as workers from job_effects`,
        ),
      );
      expect(effects[0]?.n).toBe(total);
      if (usingPostgres) {
        expect(effects[0]?.workers).toBe(2);
      }
      const states = rowsOf<{ status: string; n: number }>(
        await t.database.db.execute(
          sql`select status, count(*)::int as n from jobs group by status`,
        ),
      );
      expect(states).toEqual([{ status: 'done', n: total }]);
    } finally {
      if (second !== t.database) {
        await second.close();
      }
    }
  });
});
