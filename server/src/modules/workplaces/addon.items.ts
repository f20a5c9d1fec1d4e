// Item types for add-ons of an existing workplace (seed 001 "Zusatz-Pakete", "Konferenz buchen";
// issue 6 point 3): book one, cancel one (at the earliest at the end of its minimum term), switch
// the conference package. Mobile options are add-ons too; they also set the workplace's mode.
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import type { ItemType, StepContext } from '../orders/item-types.ts';
import { startAddon } from './activate.item.ts';
import {
  addonsOf,
  deleteAddon,
  insertAddons,
  updateAddon,
  type AddonRow,
} from './workplace-parts.repository.ts';
import { updateWorkplace } from './workplaces.repository.ts';

export const ADDON_BOOK_ITEM = 'addon.book';
export const ADDON_CANCEL_ITEM = 'addon.cancel';
export const CONFERENCE_CHANGE_ITEM = 'conference.change';

const mobileSchema = z.object({
  mobileNumber: z.string().nullable(),
  tariff: z.string().nullable(),
  customerAccount: z.string().nullable(),
});

const bookSchema = z.object({
  workplaceId: z.uuid(),
  productKey: z.string(),
  mobile: mobileSchema.nullable().default(null),
});
export type AddonBookPayload = z.infer<typeof bookSchema>;

const cancelSchema = z.object({ workplaceId: z.uuid(), productKey: z.string() });
export type AddonCancelPayload = z.infer<typeof cancelSchema>;

const conferenceSchema = z.object({
  workplaceId: z.uuid(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type ConferencePayload = z.infer<typeof conferenceSchema>;

const MOBILE_MODES: Record<string, 'client' | 'integration'> = {
  mobile_client: 'client',
  mobile_integration: 'integration',
};

type Ctx = Pick<StepContext, 'tx' | 'companyId' | 'deps'>;

/** The add-on row of the workplace that is not ended, for a product. */
async function liveAddon(ctx: Ctx, workplaceId: string, key: string): Promise<AddonRow | null> {
  const rows = await addonsOf(ctx.tx, ctx.companyId, [workplaceId], { live: true });
  return rows.find((r) => r.productKey === key) ?? null;
}

async function setMobileMode(
  ctx: Ctx,
  workplaceId: string,
  key: string,
  on: boolean,
  mobile: AddonBookPayload['mobile'] = null,
) {
  const mode = MOBILE_MODES[key];
  if (!mode) {
    return;
  }
  await updateWorkplace(ctx.tx, ctx.companyId, workplaceId, {
    mobileMode: on ? mode : 'none',
    ...(on && mode === 'integration'
      ? {
          mobileNumber: mobile?.mobileNumber ?? null,
          mobileTariff: mobile?.tariff ?? null,
          mobileCustomerAccount: mobile?.customerAccount ?? null,
        }
      : {}),
    ...(!on ? { mobileNumber: null, mobileTariff: null, mobileCustomerAccount: null } : {}),
    updatedAt: ctx.deps.clock.now(),
  });
}

export const addonBookItemType: ItemType<AddonBookPayload> = {
  type: ADDON_BOOK_ITEM,
  parse: (payload) => bookSchema.parse(payload),
  async onOrdered(ctx, payload) {
    if (await liveAddon(ctx, payload.workplaceId, payload.productKey)) {
      return;
    }
    const now = ctx.deps.clock.now();
    await insertAddons(ctx.tx, [
      {
        workplaceId: payload.workplaceId,
        companyId: ctx.companyId,
        productKey: payload.productKey,
        status: 'ordered',
        createdAt: now,
        updatedAt: now,
      },
    ]);
  },
  async onDiscarded(ctx, payload, reason) {
    if (reason !== 'cancelled') {
      return;
    }
    const row = await liveAddon(ctx, payload.workplaceId, payload.productKey);
    if (row?.status === 'ordered') {
      await deleteAddon(ctx.tx, ctx.companyId, row.id);
    }
  },
  steps: [
    {
      id: 'start-addon',
      async invoke(ctx, payload) {
        const row = await liveAddon(ctx, payload.workplaceId, payload.productKey);
        if (!row || row.status !== 'ordered') {
          return { addonId: null };
        }
        const now = ctx.deps.clock.now();
        await startAddon(ctx.tx, ctx, row.id, row.productKey, now);
        await setMobileMode(ctx, payload.workplaceId, payload.productKey, true, payload.mobile);
        await recordAudit(ctx.tx, {
          actor: ctx.actor,
          companyId: ctx.companyId,
          entity: 'workplace',
          entityId: payload.workplaceId,
          action: 'addon_booked',
          after: { productKey: payload.productKey },
          at: now,
        });
        return { addonId: row.id };
      },
      async compensate(ctx, payload, output) {
        if (typeof output.addonId !== 'string') {
          return;
        }
        await updateAddon(ctx.tx, ctx.companyId, output.addonId, {
          status: 'ordered',
          activeFrom: null,
          minimumTermEnd: null,
          updatedAt: ctx.deps.clock.now(),
        });
        await setMobileMode(ctx, payload.workplaceId, payload.productKey, false);
      },
    },
  ],
};

export const addonCancelItemType: ItemType<AddonCancelPayload> = {
  type: ADDON_CANCEL_ITEM,
  parse: (payload) => cancelSchema.parse(payload),
  async onOrdered(ctx, payload) {
    const row = await liveAddon(ctx, payload.workplaceId, payload.productKey);
    if (row?.status === 'active') {
      await updateAddon(ctx.tx, ctx.companyId, row.id, {
        status: 'cancel_ordered',
        updatedAt: ctx.deps.clock.now(),
      });
    }
  },
  async onDiscarded(ctx, payload, reason) {
    const row = await liveAddon(ctx, payload.workplaceId, payload.productKey);
    if (reason === 'cancelled' && row?.status === 'cancel_ordered') {
      await updateAddon(ctx.tx, ctx.companyId, row.id, {
        status: 'active',
        updatedAt: ctx.deps.clock.now(),
      });
    }
  },
  steps: [
    {
      id: 'end-addon',
      async invoke(ctx, payload) {
        const row = await liveAddon(ctx, payload.workplaceId, payload.productKey);
        if (!row) {
          return { addonId: null };
        }
        const now = ctx.deps.clock.now();
        // Runs on or after the end of the minimum term (the item's earliest date).
        await updateAddon(ctx.tx, ctx.companyId, row.id, {
          status: 'ended',
          endsOn: ctx.today,
          updatedAt: now,
        });
        await setMobileMode(ctx, payload.workplaceId, payload.productKey, false);
        await recordAudit(ctx.tx, {
          actor: ctx.actor,
          companyId: ctx.companyId,
          entity: 'workplace',
          entityId: payload.workplaceId,
          action: 'addon_cancelled',
          before: { productKey: payload.productKey },
          at: now,
        });
        return { addonId: row.id };
      },
      async compensate(ctx, payload, output) {
        if (typeof output.addonId === 'string') {
          await updateAddon(ctx.tx, ctx.companyId, output.addonId, {
            status: 'active',
            endsOn: null,
            updatedAt: ctx.deps.clock.now(),
          });
          await setMobileMode(ctx, payload.workplaceId, payload.productKey, true);
        }
      },
    },
  ],
};

export const conferenceItemType: ItemType<ConferencePayload> = {
  type: CONFERENCE_CHANGE_ITEM,
  parse: (payload) => conferenceSchema.parse(payload),
  steps: [
    {
      id: 'switch-conference',
      async invoke(ctx, payload) {
        const now = ctx.deps.clock.now();
        const old = payload.from ? await liveAddon(ctx, payload.workplaceId, payload.from) : null;
        if (old) {
          await updateAddon(ctx.tx, ctx.companyId, old.id, {
            status: 'ended',
            endsOn: ctx.today,
            updatedAt: now,
          });
        }
        let startedId: string | null = null;
        if (payload.to && !(await liveAddon(ctx, payload.workplaceId, payload.to))) {
          const [row] = await insertAddons(ctx.tx, [
            {
              workplaceId: payload.workplaceId,
              companyId: ctx.companyId,
              productKey: payload.to,
              status: 'ordered',
              createdAt: now,
              updatedAt: now,
            },
          ]);
          await startAddon(ctx.tx, ctx, row!.id, payload.to, now);
          startedId = row!.id;
        }
        await recordAudit(ctx.tx, {
          actor: ctx.actor,
          companyId: ctx.companyId,
          entity: 'workplace',
          entityId: payload.workplaceId,
          action: 'conference_changed',
          before: { productKey: payload.from },
          after: { productKey: payload.to },
          at: now,
        });
        return { endedId: old?.id ?? null, startedId };
      },
      async compensate(ctx, _payload, output) {
        if (typeof output.startedId === 'string') {
          await deleteAddon(ctx.tx, ctx.companyId, output.startedId);
        }
        if (typeof output.endedId === 'string') {
          await updateAddon(ctx.tx, ctx.companyId, output.endedId, {
            status: 'active',
            endsOn: null,
            updatedAt: ctx.deps.clock.now(),
          });
        }
      },
    },
  ],
};
