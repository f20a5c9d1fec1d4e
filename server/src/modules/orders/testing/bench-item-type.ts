// The bench's stand-in for an item type when the real workplace activation cannot be set up: per
// item an insert, an update and a queued mail (outbox row + delivery job), in three steps.
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { queueMail } from '../../../platform/notifications/index.ts';
import { registerItemType } from '../item-types.ts';

export const BENCH_ITEM_TYPE = 'bench.activate';

export function registerBenchItemType(): void {
  registerItemType<Record<string, unknown>>({
    type: BENCH_ITEM_TYPE,
    parse: (payload) => payload as Record<string, unknown>,
    steps: [
      {
        id: 'reserve',
        async invoke(ctx) {
          await recordAudit(ctx.tx, {
            actor: ctx.actor,
            companyId: ctx.companyId,
            entity: 'bench_item',
            entityId: ctx.item.id,
            action: 'reserved',
            at: ctx.deps.clock.now(),
          });
        },
      },
      {
        id: 'activate',
        async invoke(ctx) {
          await ctx.tx
            .update(auditLog)
            .set({ action: 'activated' })
            .where(and(eq(auditLog.entity, 'bench_item'), eq(auditLog.entityId, ctx.item.id)));
        },
      },
      {
        id: 'mail',
        async invoke(ctx) {
          return {
            outboxId: await queueMail(ctx.tx, ctx.deps, {
              to: 'bench@example.org',
              template: 'workplace_activation',
              params: { displayName: 'Bench', username: 'bench', firstLoginUrl: 'https://x' },
              language: 'de',
              companyId: ctx.companyId,
            }),
          };
        },
      },
    ],
  });
}

/** Three steps without effects: what the execution itself costs per item. */
export const BENCH_NOOP_TYPE = 'bench.noop';

export function registerBenchNoopType(): void {
  registerItemType<Record<string, unknown>>({
    type: BENCH_NOOP_TYPE,
    parse: (payload) => payload as Record<string, unknown>,
    steps: ['one', 'two', 'three'].map((id) => ({ id, invoke: () => Promise.resolve() })),
  });
}
