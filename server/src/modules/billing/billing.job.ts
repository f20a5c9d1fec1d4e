// The "billing.daily" job: at the start of every German day it writes the day's ledger rows for
// every company, closes the day before again, catches up days a stopped worker missed, and
// enqueues itself for the next day. Re-running a day is harmless: rows keep the day's maximum.
import { z } from 'zod';
import {
  addDays,
  berlinDay,
  berlinDayStart,
  billableParallelCalls,
  currentValueDays,
  isDay,
  runDays,
} from '../../../../common/src/rules/billing.ts';
import type { Database, Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { enqueueJob, PermanentJobError, type JobRunner } from '../../platform/jobs/runner.ts';
import { billableCounters } from './billing.counters.ts';
import { PARALLEL_CALLS, recordUsage, type BillingDeps } from './billing.ledger.ts';
import { findBillingContract, lastRowDay, listBillingContracts } from './billing.repository.ts';

export const BILLING_DAILY_JOB = 'billing.daily';

const payloadSchema = z.object({ day: z.string().refine(isDay) });

export interface BillingJobDeps {
  database: Database;
  clock: Clock;
}

/** Enqueues the run for `day` (default: today) at the start of that German day; once per day. */
export function scheduleDailyBilling(
  db: Executor,
  clock: Clock,
  day: string = berlinDay(clock.now()),
): Promise<number | null> {
  return enqueueJob(
    db,
    {
      kind: BILLING_DAILY_JOB,
      payload: { day },
      runAt: berlinDayStart(day),
      dedupeKey: `${BILLING_DAILY_JOB}:${day}`,
      maxAttempts: 20,
    },
    clock,
  );
}

export function registerBillingJobs(runner: JobRunner, deps: BillingJobDeps): void {
  runner.register(BILLING_DAILY_JOB, async (payload) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) {
      throw new PermanentJobError('billing.daily needs {day: YYYY-MM-DD}');
    }
    const today = berlinDay(deps.clock.now());
    await runDailyBilling(deps, parsed.data.day);
    await scheduleDailyBilling(
      deps.database.db,
      deps.clock,
      addDays(today < parsed.data.day ? parsed.data.day : today, 1),
    );
  });
}

/**
 * Writes the ledger rows of every company for the days from the day before `from` up to today:
 * the registered counters for each of those days, the contract's parallel calls for today and
 * for days after the company's last parallel-calls row. One transaction per company.
 */
export async function runDailyBilling(
  deps: BillingJobDeps,
  from: string,
): Promise<{ companies: number; days: number }> {
  const today = berlinDay(deps.clock.now());
  const days = runDays(from, today);
  const ledger: BillingDeps = { clock: deps.clock };
  const companies = await listBillingContracts(deps.database.db);
  for (const { companyId } of companies) {
    await deps.database.transaction(async (tx) => {
      for (const [productKey, counter] of billableCounters()) {
        for (const day of days) {
          const quantity = await counter(tx, companyId, day);
          if (quantity > 0) {
            await recordUsage(tx, ledger, { companyId, day, productKey, quantity });
          }
        }
      }
      const contract = await findBillingContract(tx, companyId);
      if (!contract) {
        return;
      }
      const last = await lastRowDay(tx, companyId, PARALLEL_CALLS, today);
      for (const day of currentValueDays(days, last, today)) {
        const quantity = billableParallelCalls(contract, day);
        if (quantity > 0) {
          await recordUsage(tx, ledger, { companyId, day, productKey: PARALLEL_CALLS, quantity });
        }
      }
    });
  }
  return { companies: companies.length, days: days.length };
}
