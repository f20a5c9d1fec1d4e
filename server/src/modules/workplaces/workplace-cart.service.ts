// "Auftrag hinzufügen" (seed 001 "Arbeitsplatz aktivieren", seed 003): the whole draft is
// validated, the quota checked, and in one transaction the workplace is created in status
// in_cart with its numbers reserved, devices and add-ons noted, and its activation put into the
// caller's session cart. createWorkplacesInCart does this for any number of checked drafts: the
// wizard's one (createWorkplaceInCart) and the list import's thousands use the same code.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { quotaIssues } from '../../../../common/src/rules/workplace.ts';
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import type { Executor } from '../../db/client.ts';
import { uniqueViolation } from '../../db/errors.ts';
import type { AuditActor, AuditEntry } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { assignNumbers, type AssignInput } from '../numbers/numbers.assign.ts';
import { berlinDay } from '../numbers/numbers.present.ts';
import { listGroups } from '../org/org.repository.ts';
import type { CartOwner } from '../orders/cart.service.ts';
import type { CartItemRow } from '../orders/orders.repository.ts';
import { addItemsToCart, cartItemOf, type NewItem } from './cart-batch.ts';
import { findDraft, updateDraft } from './drafts.repository.ts';
import { draftData, draftInCart } from './drafts.service.ts';
import {
  refusal,
  requireNoErrors,
  serverIssue,
  validationFailed,
  type WorkplaceDeps,
} from './issues.ts';
import { mobileCheck } from './mobile.service.ts';
import { checkDraft } from './workplace.checks.ts';
import {
  insertAuditEntries,
  insertWorkplaceAddons,
  insertWorkplaceDevices,
  insertWorkplaces,
} from './workplace-bulk.repository.ts';
import {
  activationCartItem,
  addonKeysOf,
  deviceValues,
  mobileProductOf,
  workplaceLabel,
  workplaceValues,
} from './workplace-values.ts';
import {
  CONFIGURED_STATUSES,
  countByStatus,
  findWorkplace,
  lockQuota,
  workplaceQuota,
  type NewWorkplace,
  type WorkplaceRow,
} from './workplaces.repository.ts';

export {
  ACTIVATE_ITEM,
  WORKPLACE_PRODUCT,
  displayName,
  mobileProductOf,
  type ActivatePayload,
} from './workplace-values.ts';

/** What the quota rule looks at: the configured workplaces (cart included) and the quota. */
export async function quotaFacts(
  tx: Executor,
  companyId: string,
): Promise<{ configured: number; quota: number }> {
  const [configured, quota] = await Promise.all([
    countByStatus(tx, companyId, CONFIGURED_STATUSES),
    workplaceQuota(tx, companyId),
  ]);
  return { configured, quota };
}

/** Refuses beyond the contract's quota ("Kontingent"), counting the cart's workplaces too. */
export async function checkQuota(
  tx: Executor,
  companyId: string,
  adding: number,
  lang: Language,
): Promise<void> {
  await lockQuota(tx, companyId);
  const [issue] = quotaIssues({ ...(await quotaFacts(tx, companyId)), adding });
  if (issue) {
    throw refusal('quota_exceeded', issue, lang);
  }
}

function conflictOf(err: unknown, lang: Language): never {
  const constraint = uniqueViolation(err) ?? '';
  if (constraint.includes('username')) {
    throw validationFailed([serverIssue('login.username', 'username_taken')], lang);
  }
  if (constraint.includes('internal_number')) {
    throw validationFailed([serverIssue('number.internalNumber', 'internal_number_taken')], lang);
  }
  if (constraint.includes('mac')) {
    throw validationFailed([serverIssue('devices.devices', 'mac_taken', { mac: '' })], lang);
  }
  throw err;
}

export interface ToCreate {
  data: DraftData;
  templateId: string | null;
  draftId: string | null;
}

export interface Created {
  workplace: NewWorkplace & { id: string };
  /** The add-ons booked with it (without the mobile option). */
  addons: string[];
  mobileProduct: string | null;
  item: NewItem;
}

/**
 * Creates checked workplaces in status in_cart and puts their activations into the cart, inside
 * the caller's transaction; one multi-row statement per table. The drafts must have passed
 * checkDrafts and the quota. `progress` hears the share done after each step.
 */
export async function createWorkplacesInCart(
  tx: Executor,
  deps: WorkplaceDeps,
  actor: AuditActor,
  owner: CartOwner,
  rows: readonly ToCreate[],
  options: { lang: Language; progress?: (share: number) => Promise<void> | void },
): Promise<Created[]> {
  const { companyId } = owner;
  const now = deps.clock.now();
  const groups = await listGroups(tx, companyId);
  const byId = new Map(groups.map((g) => [g.id, g]));
  const fallback = groups.find((g) => g.isDefault);
  const created: Created[] = [];
  for (const { data, templateId, draftId } of rows) {
    const chosen = data.group?.groupId;
    const group = chosen ? byId.get(chosen) : fallback;
    if (!group) {
      throw notFound();
    }
    const mobile = data.mobile ?? {};
    const check =
      mobile.mode === 'integration' && mobile.mobileNumber
        ? await mobileCheck(tx, companyId, {
            mobileNumber: mobile.mobileNumber,
            customerAccount: mobile.customerAccount,
          })
        : null;
    const workplace = workplaceValues(data, group, actor, now, check, templateId);
    const addons = addonKeysOf(data);
    const mobileProduct = mobileProductOf(workplace.mobileMode);
    const activationDate = data.activation?.activationDate ?? null;
    const item = activationCartItem(workplace, addons, mobileProduct, activationDate, draftId);
    created.push({ workplace, addons, mobileProduct, item });
  }
  const step = async (share: number, run: () => Promise<void>) => {
    await run();
    await options.progress?.(share);
  };
  const items = created.map((c) => c.item);
  // The cart first: it refuses a bad activation date before anything is written.
  await step(0.15, () => addItemsToCart(tx, deps, owner, items));
  try {
    await step(0.4, () =>
      insertWorkplaces(
        tx,
        created.map((c) => c.workplace),
      ),
    );
    await step(0.55, () =>
      insertWorkplaceDevices(
        tx,
        rows.flatMap((r, i) => deviceValues(r.data, created[i]!.workplace, now)),
      ),
    );
  } catch (err) {
    conflictOf(err, options.lang);
  }
  await step(0.75, () => reserveNumbers(tx, deps, actor, companyId, created));
  // Add-ons and the mobile option are noted as ordered; they run from the activation on.
  await step(0.8, () =>
    insertWorkplaceAddons(
      tx,
      created.flatMap(({ workplace: w, addons, mobileProduct }) =>
        [...addons, ...(mobileProduct ? [mobileProduct] : [])].map((productKey) => ({
          workplaceId: w.id,
          companyId,
          productKey,
          status: 'ordered' as const,
          createdAt: now,
          updatedAt: now,
        })),
      ),
    ),
  );
  await step(1, () =>
    insertAuditEntries(
      tx,
      created.map((c) => createdEntry(actor, c, now)),
    ),
  );
  return created;
}

/** Reserves main and additional numbers; the workplace's "created" entry names them. */
async function reserveNumbers(
  tx: Executor,
  deps: WorkplaceDeps,
  actor: AuditActor,
  companyId: string,
  created: readonly Created[],
): Promise<void> {
  const inputs = created.flatMap(({ workplace: w }): AssignInput[] => {
    const target = { type: 'workplace', id: w.id, label: workplaceLabel(w) };
    return [w.mainNumber, ...(w.additionalNumbers ?? [])].map((number) => ({
      number,
      target,
      state: 'reserved',
    }));
  });
  await assignNumbers(deps, actor, companyId, inputs, tx, { audited: false });
}

/** Who created which workplace with which numbers, add-ons and activation item. */
function createdEntry(
  actor: AuditActor,
  { workplace: w, addons, item }: Created,
  at: Date,
): AuditEntry {
  return {
    actor,
    companyId: w.companyId,
    entity: 'workplace',
    entityId: w.id,
    action: 'created',
    after: {
      status: 'in_cart',
      username: w.username,
      groupId: w.groupId,
      mainNumber: w.mainNumber,
      additionalNumbers: w.additionalNumbers ?? [],
      numberState: 'reserved',
      internalNumber: w.internalNumber,
      addons,
      cartItemId: item.id,
      activationDate: item.activationDate,
    },
    at,
  };
}

export interface CreatedInCart {
  workplace: WorkplaceRow;
  cartItem: CartItemRow;
}

/**
 * Creates a validated workplace in status in_cart and puts its activation into the cart, inside
 * the caller's transaction (createWorkplacesInCart for one). `data` must have passed checkDraft
 * and the quota.
 */
export async function createWorkplaceInCart(
  tx: Executor,
  deps: WorkplaceDeps,
  actor: AuditActor,
  owner: CartOwner,
  data: DraftData,
  options: { draftId: string | null; templateId: string | null; lang: Language },
): Promise<CreatedInCart> {
  const [created] = await createWorkplacesInCart(
    tx,
    deps,
    actor,
    owner,
    [{ data, templateId: options.templateId, draftId: options.draftId }],
    { lang: options.lang },
  );
  const [workplace, cartItem] = await Promise.all([
    findWorkplace(tx, owner.companyId, created!.workplace.id),
    cartItemOf(tx, owner, created!.item.id),
  ]);
  return { workplace: workplace!, cartItem: cartItem! };
}

/** POST …/workplace-drafts/:id/cart — "Auftrag hinzufügen". */
export async function addDraftToCart(
  deps: WorkplaceDeps,
  actor: AuditActor,
  owner: CartOwner,
  draftId: string,
  lang: Language,
): Promise<CreatedInCart> {
  return deps.database.transaction(async (tx) => {
    const draft = await findDraft(tx, owner.companyId, owner.userId, draftId, { lock: true });
    if (!draft) {
      throw notFound();
    }
    if (draft.workplaceId) {
      throw draftInCart();
    }
    const data = draftData(draft);
    const today = berlinDay(deps.clock.now());
    requireNoErrors(
      await checkDraft(
        { tx, deps, companyId: owner.companyId, workplaceId: null, lang },
        data,
        today,
      ),
      lang,
    );
    await checkQuota(tx, owner.companyId, 1, lang);
    const created = await createWorkplaceInCart(tx, deps, actor, owner, data, {
      draftId,
      templateId: draft.templateId,
      lang,
    });
    await updateDraft(tx, owner.companyId, draftId, {
      workplaceId: created.workplace.id,
      updatedAt: deps.clock.now(),
    });
    return created;
  });
}
