// An item type for tests, the crash test's child process and the bench: three steps whose effects
// are real rows (audit entries), so a test can count per item how often each step took effect.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { auditLog } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { PermanentJobError } from '../../../platform/jobs/runner.ts';
import { registerItemType, type StepContext } from '../item-types.ts';

export const TEST_ITEM_TYPE = 'test.effects';
/** The same steps, one transaction each (ItemType.stepByStep). */
export const TEST_STEPWISE_TYPE = 'test.effects.stepwise';
export const TEST_STEPS = ['one', 'two', 'three'] as const;
const EFFECT = 'order_test_effect';

export type TestPayload = {
  /** The step that throws while `failures.enabled` is true. */
  failAt?: string | null;
  /** Throw a PermanentJobError (fails at once) instead of a retryable error. */
  permanent?: boolean;
  /** Milliseconds each step waits inside its transaction (the crash test's slow steps). */
  stepDelayMs?: number;
};

/** Switch for the failing step: tests turn it off before an operator retry. */
export const failures = { enabled: true };

/** How often each item's steps were invoked in this process (rolled back or not). */
export const invocations = new Map<string, number>();

function parse(payload: unknown): TestPayload {
  if (!payload || typeof payload !== 'object') {
    throw new Error('test payload must be an object');
  }
  return payload;
}

async function effect(
  ctx: StepContext | Omit<StepContext, 'item'>,
  itemId: string,
  action: string,
) {
  await recordAudit(ctx.tx, {
    actor: ctx.actor,
    companyId: ctx.companyId,
    entity: EFFECT,
    entityId: itemId,
    action,
    at: ctx.deps.clock.now(),
  });
}

/** Registers `test.effects` (three steps with compensation, hooks that leave counted rows). */
export function registerTestItemType(): void {
  for (const type of [TEST_ITEM_TYPE, TEST_STEPWISE_TYPE]) {
    registerTestType(type, type === TEST_STEPWISE_TYPE);
  }
}

function registerTestType(type: string, stepByStep: boolean): void {
  registerItemType<TestPayload>({
    type,
    stepByStep,
    parse,
    steps: TEST_STEPS.map((id) => ({
      id,
      async invoke(ctx, payload) {
        const key = `${ctx.item.id}/${id}`;
        invocations.set(key, (invocations.get(key) ?? 0) + 1);
        if (payload.stepDelayMs) {
          await new Promise((resolve) => setTimeout(resolve, payload.stepDelayMs));
        }
        if (payload.failAt === id && failures.enabled) {
          const message = `Testfehler in Schritt ${id}`;
          throw payload.permanent ? new PermanentJobError(message) : new Error(message);
        }
        await effect(ctx, ctx.item.id, `do:${id}`);
        return { step: id };
      },
      async compensate(ctx, _payload, output) {
        await effect(ctx, ctx.item.id, `undo:${String(output.step)}`);
      },
    })),
    async onOrdered(ctx) {
      await effect(ctx, ctx.item.id, 'ordered');
    },
    async onDiscarded(ctx, _payload, reason) {
      await effect(ctx, ctx.subjectId ?? 'none', `discarded:${reason}`);
    },
  });
}

/** Effect rows per item and action, e.g. counts.get(itemId)?.get('do:one'). */
export async function effectCounts(db: Executor): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .select({ item: auditLog.entityId, action: auditLog.action, n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.entity, EFFECT))
    .groupBy(auditLog.entityId, auditLog.action);
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const perItem = counts.get(row.item) ?? new Map<string, number>();
    perItem.set(row.action, Number(row.n));
    counts.set(row.item, perItem);
  }
  return counts;
}

/** The effect actions of one item in the order they happened. */
export async function effectsOf(db: Executor, itemId: string): Promise<string[]> {
  const rows = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, EFFECT), eq(auditLog.entityId, itemId)))
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}
