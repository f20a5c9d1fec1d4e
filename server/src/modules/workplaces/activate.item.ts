// The item type `workplace.activate` (issue 6 point 3): what happens when the cart is ordered,
// when the item leaves it, and the steps that make the workplace active — numbers assigned, the
// end user's account, SIP credentials per device, the minimum term, the activation mail.
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../../../common/src/i18n/index.ts';
import { minimumTermEnd } from '../../../../common/src/rules/workplace.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit, type AuditEntry } from '../../platform/audit.ts';
import {
  queueMail,
  type QueueMailMessage,
} from '../../platform/notifications/notifications.service.ts';
import { insertUser } from '../auth/users.repository.ts';
import { findProduct } from '../catalog/catalog.repository.ts';
import {
  issueDeviceCredentials,
  revokeDeviceCredentials,
} from '../credentials/credentials.service.ts';
import { firstLoginUrl } from '../myportal/login-admin.service.ts';
import type { ItemType, StepContext } from '../orders/item-types.ts';
import {
  findDraftOfWorkplace,
  insertDraft,
  deleteDraft,
  updateDraft,
} from './drafts.repository.ts';
import { ACTIVATE_ITEM, displayName, type ActivatePayload } from './workplace-values.ts';
import { workplaceData } from './workplace-data.ts';
import { numbersOfWorkplace, releaseNumbers, setNumberState } from './workplace-numbers.ts';
import { addonsOf, devicesOf, updateAddon } from './workplace-parts.repository.ts';
import { deleteEndUser } from './end-user.repository.ts';
import {
  deleteWorkplaceRow,
  findWorkplace,
  lockWorkplace,
  updateWorkplace,
  type WorkplaceRow,
} from './workplaces.repository.ts';

const payloadSchema = z.object({ workplaceId: z.uuid(), draftId: z.uuid().nullable() });

async function workplaceOf(ctx: Pick<StepContext, 'tx' | 'companyId'>, id: string) {
  const w = await lockWorkplace(ctx.tx, ctx.companyId, id);
  if (!w) {
    throw new Error(`workplace ${id} is gone`);
  }
  return w;
}

/**
 * The activation left the cart (removed, logout) or its order was cancelled before it ran: the
 * workplace goes, its numbers are free again, the draft stays so nothing entered is lost.
 */
async function discardWorkplace(
  ctx: Parameters<NonNullable<ItemType<ActivatePayload>['onDiscarded']>>[0],
  payload: ActivatePayload,
  reason: 'removed' | 'expired' | 'cancelled',
): Promise<void> {
  const { tx, companyId } = ctx;
  const w = await lockWorkplace(tx, companyId, payload.workplaceId);
  if (!w || (w.status !== 'in_cart' && w.status !== 'ordered')) {
    return;
  }
  await releaseNumbers(tx, ctx.deps, ctx.actor, w, numbersOfWorkplace(w));
  const draft = await findDraftOfWorkplace(tx, companyId, w.id);
  const now = ctx.deps.clock.now();
  if (draft) {
    await updateDraft(tx, companyId, draft.id, { workplaceId: null, updatedAt: now });
  } else if (w.createdBy) {
    // Ordered, then cancelled: the draft was deleted with the order, so it is written anew.
    const devices = (await devicesOf(tx, companyId, [w.id])).map((d) => ({
      deviceModelId: d.device.deviceModelId,
      macAddress: d.device.macAddress,
    }));
    const addons = (await addonsOf(tx, companyId, [w.id])).map((a) => a.productKey);
    await insertDraft(tx, {
      companyId,
      createdBy: w.createdBy,
      data: workplaceData(w, devices, addons),
      completed: [],
      templateId: w.templateId,
      createdAt: now,
      updatedAt: now,
    });
  }
  await deleteWorkplaceRow(tx, companyId, w.id);
  await recordAudit(tx, {
    actor: ctx.actor,
    companyId,
    entity: 'workplace',
    entityId: w.id,
    action: 'discarded',
    before: { status: w.status, username: w.username },
    after: { reason },
    at: now,
  });
}

export const activateItemType: ItemType<ActivatePayload> = {
  type: ACTIVATE_ITEM,
  parse: (payload) => payloadSchema.parse(payload),

  async onOrdered(ctx, payload) {
    const w = await workplaceOf(ctx, payload.workplaceId);
    if (w.status !== 'in_cart') {
      return;
    }
    const now = ctx.deps.clock.now();
    await updateWorkplace(ctx.tx, ctx.companyId, w.id, { status: 'ordered', updatedAt: now });
    const draft = await findDraftOfWorkplace(ctx.tx, ctx.companyId, w.id);
    if (draft) {
      await deleteDraft(ctx.tx, ctx.companyId, draft.id);
    }
    await recordAudit(ctx.tx, {
      actor: ctx.actor,
      companyId: ctx.companyId,
      entity: 'workplace',
      entityId: w.id,
      action: 'ordered',
      before: { status: 'in_cart' },
      after: { status: 'ordered' },
      at: now,
    });
  },

  onDiscarded: discardWorkplace,

  steps: [
    {
      id: 'assign-numbers',
      async invoke(ctx, payload) {
        const w = await workplaceOf(ctx, payload.workplaceId);
        return { numbers: await setNumberState(ctx.tx, ctx.deps, ctx.actor, w, 'assigned') };
      },
      async compensate(ctx, payload) {
        const w = await findWorkplace(ctx.tx, ctx.companyId, payload.workplaceId);
        if (w) {
          await setNumberState(ctx.tx, ctx.deps, ctx.actor, w, 'reserved');
        }
      },
    },
    {
      id: 'create-user',
      async invoke(ctx, payload) {
        const w = await workplaceOf(ctx, payload.workplaceId);
        if (w.userId) {
          return { userId: w.userId, created: false };
        }
        const user = await insertUser(ctx.tx, {
          kind: 'end_user',
          username: w.username,
          email: w.authEmail,
          passwordHash: null,
          displayName: displayName(w),
          companyId: ctx.companyId,
          language: w.language,
          now: ctx.deps.clock.now(),
        });
        await updateWorkplace(ctx.tx, ctx.companyId, w.id, { userId: user.id });
        return { userId: user.id, created: true };
      },
      async compensate(ctx, payload, output) {
        if (output.created !== true || typeof output.userId !== 'string') {
          return;
        }
        await updateWorkplace(ctx.tx, ctx.companyId, payload.workplaceId, { userId: null });
        await deleteEndUser(ctx.tx, ctx.companyId, output.userId);
      },
    },
    {
      id: 'issue-device-credentials',
      async invoke(ctx, payload) {
        const w = await workplaceOf(ctx, payload.workplaceId);
        const issued: string[] = [];
        for (const { device } of await devicesOf(ctx.tx, ctx.companyId, [w.id])) {
          if (!device.sipHa1) {
            // The plain password is not kept here: the user sees it in MyPortal (decrypted).
            await issueDeviceCredentials(ctx.tx, ctx.deps, {
              companyId: ctx.companyId,
              deviceId: device.id,
            });
            issued.push(device.id);
          }
        }
        return { devices: issued };
      },
      async compensate(ctx, _payload, output) {
        const ids = Array.isArray(output.devices) ? (output.devices as string[]) : [];
        for (const deviceId of ids) {
          try {
            await revokeDeviceCredentials(ctx.tx, { companyId: ctx.companyId, deviceId });
          } catch {
            // The device was removed meanwhile: its credentials went with it.
          }
        }
      },
    },
    {
      id: 'activate',
      async invoke(ctx, payload) {
        const w = await workplaceOf(ctx, payload.workplaceId);
        const now = ctx.deps.clock.now();
        await updateWorkplace(ctx.tx, ctx.companyId, w.id, {
          status: 'active',
          activatedAt: now,
          // Seed 001: "Die Mindestlaufzeit … beträgt 30 Tage ab Aktivierung."
          minimumTermEnd: minimumTermEnd(ctx.today),
          updatedAt: now,
        });
        const started: string[] = [];
        for (const addon of await addonsOf(ctx.tx, ctx.companyId, [w.id])) {
          if (addon.status === 'ordered') {
            await startAddon(ctx.tx, ctx, addon.id, addon.productKey, now);
            started.push(addon.id);
          }
        }
        await recordAudit(ctx.tx, activatedEntry(ctx, w, now));
        return { addons: started };
      },
      async compensate(ctx, payload, output) {
        const now = ctx.deps.clock.now();
        await updateWorkplace(ctx.tx, ctx.companyId, payload.workplaceId, {
          status: 'ordered',
          activatedAt: null,
          minimumTermEnd: null,
          updatedAt: now,
        });
        for (const id of Array.isArray(output.addons) ? (output.addons as string[]) : []) {
          await updateAddon(ctx.tx, ctx.companyId, id, {
            status: 'ordered',
            activeFrom: null,
            minimumTermEnd: null,
            updatedAt: now,
          });
        }
      },
    },
    {
      id: 'send-activation-mail',
      async invoke(ctx, payload) {
        const w = await workplaceOf(ctx, payload.workplaceId);
        return { outboxId: await queueMail(ctx.tx, ctx.deps, activationMail(ctx, w)) };
      },
      // A mail that went out cannot be taken back; nothing to compensate.
    },
  ],
};

/** The audit entry of an activation (one per workplace). */
export function activatedEntry(
  ctx: Pick<StepContext, 'actor' | 'companyId' | 'today'>,
  w: WorkplaceRow,
  now: Date,
): AuditEntry {
  return {
    actor: ctx.actor,
    companyId: ctx.companyId,
    entity: 'workplace',
    entityId: w.id,
    action: 'activated',
    before: { status: w.status },
    after: { status: 'active', minimumTermEnd: minimumTermEnd(ctx.today) },
    at: now,
  };
}

/** The end user's activation mail: username and first-login link, in the workplace's language. */
export function activationMail(
  ctx: Pick<StepContext, 'deps' | 'companyId'>,
  w: WorkplaceRow,
): QueueMailMessage {
  const language: Language = (LANGUAGES as readonly string[]).includes(w.language)
    ? (w.language as Language)
    : 'de';
  return {
    to: w.authEmail,
    template: 'workplace_activation',
    params: {
      displayName: displayName(w),
      username: w.username,
      firstLoginUrl: firstLoginUrl(ctx.deps.config, w.username),
    },
    language,
    companyId: ctx.companyId,
  };
}

/** An add-on's minimum term starts with its first active day (seed 001: 30 days). */
export async function startAddon(
  tx: Executor,
  ctx: Pick<StepContext, 'companyId' | 'today'>,
  addonId: string,
  productKey: string,
  now: Date,
): Promise<void> {
  const product = await findProduct(tx, productKey);
  await updateAddon(tx, ctx.companyId, addonId, {
    status: 'active',
    activeFrom: ctx.today,
    minimumTermEnd: minimumTermEnd(ctx.today, product?.minimumTermDays),
    endsOn: null,
    updatedAt: now,
  });
}
