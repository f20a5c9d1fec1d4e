// The end of an item that finally failed: marked failed with its reason, then its finished steps
// undone in reverse order, each in its own transaction with its record.
import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import { translate } from '../../platform/i18n.ts';
import type { Logger } from '../../platform/logger.ts';
import { contextOf, load, readableReason, runnable } from './execution.context.ts';
import { recordStepCompensated } from './execution.repository.ts';
import { itemType, type OrdersDeps } from './item-types.ts';
import { refreshOrderStatus } from './order-status.ts';
import { updateOrderItem } from './orders.repository.ts';

export async function markFailed(deps: OrdersDeps, itemId: string, reason: string): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const run = await runnable(deps, tx, itemId);
    if (run.item.status !== 'running') {
      return;
    }
    const now = deps.clock.now();
    await updateOrderItem(tx, itemId, {
      status: 'failed',
      failureReason: reason,
      finishedAt: now,
      updatedAt: now,
    });
    await refreshOrderStatus(tx, run.item.orderId, now);
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      companyId: run.item.companyId,
      entity: 'order_item',
      entityId: itemId,
      action: 'failed',
      after: { reason, attempts: run.item.attempts },
      at: now,
    });
  });
}

/**
 * Undoes the finished steps of a failed item in reverse order, each in its own transaction with
 * its record. A step without compensate stays done (a retry skips it). A compensation that throws
 * stops the rest; its reason is added to the item's for the operator.
 */
export async function compensate(deps: OrdersDeps, itemId: string, logger?: Logger): Promise<void> {
  const type = await deps.database.transaction(async (tx) =>
    itemType((await runnable(deps, tx, itemId)).item.type),
  );
  const steps = [...(type?.steps ?? [])].reverse().filter((s) => s.compensate !== undefined);
  for (const step of steps) {
    try {
      const stop = await deps.database.transaction(async (tx) => {
        const loaded = await load(deps, tx, itemId);
        if (loaded.kind !== 'ok' || loaded.run.item.status !== 'failed') {
          return true;
        }
        const record = loaded.run.steps.find((s) => s.stepId === step.id && s.status === 'done');
        if (record) {
          await step.compensate!(contextOf(tx, deps, loaded.run), loaded.payload, record.output);
          await recordStepCompensated(tx, itemId, step.id, deps.clock.now());
        }
        return false;
      });
      if (stop) {
        return;
      }
    } catch (err) {
      logger?.error({ err, itemId, step: step.id }, 'order item: compensation failed');
      const note = translate('de', 'order_compensation_failed', {
        step: step.id,
        reason: readableReason(err),
      });
      await deps.database.transaction(async (tx) => {
        const run = await runnable(deps, tx, itemId);
        const reason = `${run.item.failureReason ?? ''} ${note}`.trim();
        await updateOrderItem(tx, itemId, { failureReason: reason, updatedAt: deps.clock.now() });
      });
      return;
    }
  }
}
