// The item type `workplace.delete` (seed 001: "Arbeitsplätze erst nach Ablauf der 30-tägigen
// Mindestvertragslaufzeit gelöscht werden können"): numbers released, add-ons ended, credentials
// removed, the end user's login retired; username and internal number are free again, the row
// stays (status deleted) for history and billing.
import { z } from 'zod';
import { deleteIssues } from '../../../../common/src/rules/workplace.ts';
import { recordAudit } from '../../platform/audit.ts';
import { PermanentJobError } from '../../platform/jobs/runner.ts';
import { revokeDeviceCredentials } from '../credentials/credentials.service.ts';
import type { ItemType, StepContext } from '../orders/item-types.ts';
import { holdNumbers, numbersOfWorkplace, releaseNumbers } from './workplace-numbers.ts';
import { addonsOf, devicesOf, updateAddon } from './workplace-parts.repository.ts';
import { retireEndUser } from './end-user.repository.ts';
import { findWorkplace, lockWorkplace, updateWorkplace } from './workplaces.repository.ts';

export const DELETE_ITEM = 'workplace.delete';

const payloadSchema = z.object({ workplaceId: z.uuid() });
export type DeletePayload = z.infer<typeof payloadSchema>;

async function deletable(ctx: StepContext, workplaceId: string) {
  const w = await lockWorkplace(ctx.tx, ctx.companyId, workplaceId);
  if (!w) {
    throw new PermanentJobError(`workplace ${workplaceId} is gone`);
  }
  const [issue] = deleteIssues({
    status: w.status,
    minimumTermEnd: w.minimumTermEnd,
    today: ctx.today,
  });
  if (issue && w.status !== 'deleted') {
    throw new PermanentJobError(`workplace cannot be deleted yet: ${issue.rule}`);
  }
  return w;
}

export const deleteItemType: ItemType<DeletePayload> = {
  type: DELETE_ITEM,
  parse: (payload) => payloadSchema.parse(payload),
  steps: [
    {
      id: 'release-numbers',
      async invoke(ctx, payload) {
        const w = await deletable(ctx, payload.workplaceId);
        return {
          numbers: await releaseNumbers(ctx.tx, ctx.deps, ctx.actor, w, numbersOfWorkplace(w)),
        };
      },
      async compensate(ctx, payload, output) {
        const w = await findWorkplace(ctx.tx, ctx.companyId, payload.workplaceId);
        const numbers = Array.isArray(output.numbers) ? (output.numbers as string[]) : [];
        if (w && w.status !== 'deleted') {
          await holdNumbers(ctx.tx, ctx.deps, ctx.actor, w, numbers, 'assigned');
        }
      },
    },
    {
      id: 'end-addons',
      async invoke(ctx, payload) {
        const now = ctx.deps.clock.now();
        const ended: { id: string; status: string }[] = [];
        for (const row of await addonsOf(ctx.tx, ctx.companyId, [payload.workplaceId], {
          live: true,
        })) {
          await updateAddon(ctx.tx, ctx.companyId, row.id, {
            status: 'ended',
            endsOn: ctx.today,
            updatedAt: now,
          });
          ended.push({ id: row.id, status: row.status });
        }
        return { ended };
      },
      async compensate(ctx, _payload, output) {
        const ended = Array.isArray(output.ended)
          ? (output.ended as { id: string; status: 'ordered' | 'active' | 'cancel_ordered' }[])
          : [];
        for (const row of ended) {
          await updateAddon(ctx.tx, ctx.companyId, row.id, {
            status: row.status,
            endsOn: null,
            updatedAt: ctx.deps.clock.now(),
          });
        }
      },
    },
    {
      id: 'delete',
      async invoke(ctx, payload) {
        const w = await deletable(ctx, payload.workplaceId);
        const now = ctx.deps.clock.now();
        for (const { device } of await devicesOf(ctx.tx, ctx.companyId, [w.id])) {
          await revokeDeviceCredentials(ctx.tx, { companyId: ctx.companyId, deviceId: device.id });
        }
        if (w.userId) {
          await retireEndUser(ctx.tx, ctx.companyId, w.userId, now);
        }
        await updateWorkplace(ctx.tx, ctx.companyId, w.id, {
          status: 'deleted',
          deletedAt: now,
          updatedAt: now,
        });
        await recordAudit(ctx.tx, {
          actor: ctx.actor,
          companyId: ctx.companyId,
          entity: 'workplace',
          entityId: w.id,
          action: 'deleted',
          before: { status: w.status, username: w.username, internalNumber: w.internalNumber },
          at: now,
        });
        return {};
      },
    },
  ],
};
