// "Auftrag hinzufügen" (seed 001 "Arbeitsplatz aktivieren", seed 003): the whole draft is
// validated, the quota checked, and in one transaction the workplace is created in status
// in_cart with its numbers reserved, devices and add-ons noted, and its activation put into the
// caller's session cart. The list import (issue 9) creates workplaces through the same function.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { parseGermanNumber } from '../../../../common/src/numbers/parse.ts';
import {
  normalizeMac,
  passwordDeliveryOf,
  quotaIssues,
} from '../../../../common/src/rules/workplace.ts';
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import type { Executor } from '../../db/client.ts';
import { uniqueViolation } from '../../db/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { assignNumber } from '../numbers/numbers.assign.ts';
import { berlinDay } from '../numbers/numbers.present.ts';
import { findGroup } from '../org/org.repository.ts';
import { addToCart, type CartOwner } from '../orders/cart.service.ts';
import type { CartItemRow } from '../orders/orders.repository.ts';
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
import { normalizeCustomerAccount } from './mobile.rules.ts';
import { checkDraft, resolveGroupId } from './workplace.checks.ts';
import { insertAddons, insertDevices } from './workplace-parts.repository.ts';
import {
  CONFIGURED_STATUSES,
  countByStatus,
  insertWorkplace,
  lockQuota,
  workplaceQuota,
  type WorkplaceRow,
} from './workplaces.repository.ts';

export const ACTIVATE_ITEM = 'workplace.activate';
export const WORKPLACE_PRODUCT = 'cloud_pbx_workplace';

/** The catalogue product of a mobile option, or null for none. */
export const mobileProductOf = (mode: string | null | undefined) =>
  mode === 'client' ? 'mobile_client' : mode === 'integration' ? 'mobile_integration' : null;

export interface ActivatePayload {
  workplaceId: string;
  draftId: string | null;
}

const e164 = (value: string | null | undefined) => {
  const parsed = value?.trim() ? parseGermanNumber(value) : null;
  return parsed?.ok ? parsed.e164 : null;
};
const text = (value: string | null | undefined) => value?.trim() || null;

export const displayName = (w: Pick<WorkplaceRow, 'firstName' | 'lastName'>) =>
  `${w.firstName} ${w.lastName}`.trim();

/** Refuses beyond the contract's quota ("Kontingent"), counting the cart's workplaces too. */
export async function checkQuota(
  tx: Executor,
  companyId: string,
  adding: number,
  lang: Language,
): Promise<void> {
  await lockQuota(tx, companyId);
  const [configured, quota] = await Promise.all([
    countByStatus(tx, companyId, CONFIGURED_STATUSES),
    workplaceQuota(tx, companyId),
  ]);
  const [issue] = quotaIssues({ configured, quota, adding });
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

export interface CreatedInCart {
  workplace: WorkplaceRow;
  cartItem: CartItemRow;
}

/**
 * Creates a validated workplace in status in_cart and puts its activation into the cart, inside
 * the caller's transaction. `data` must have passed checkDraft and the quota.
 */
export async function createWorkplaceInCart(
  tx: Executor,
  deps: WorkplaceDeps,
  actor: AuditActor,
  owner: CartOwner,
  data: DraftData,
  options: { draftId: string | null; templateId: string | null; lang: Language },
): Promise<CreatedInCart> {
  const { companyId } = owner;
  const now = deps.clock.now();
  const groupId = await resolveGroupId(tx, companyId, data);
  const group = groupId ? await findGroup(tx, companyId, groupId) : null;
  if (!group) {
    throw notFound();
  }
  const login = data.login ?? {};
  const mobile = data.mobile ?? {};
  const mode = mobile.mode ?? 'none';
  const check =
    mode === 'integration' && mobile.mobileNumber
      ? await mobileCheck(tx, companyId, {
          mobileNumber: mobile.mobileNumber,
          customerAccount: mobile.customerAccount,
        })
      : null;
  const mobileNumber = mode === 'integration' ? e164(mobile.mobileNumber) : null;
  let workplace: WorkplaceRow;
  try {
    workplace = await insertWorkplace(tx, {
      companyId,
      status: 'in_cart',
      groupId: group.id,
      areaId: data.group?.areaId ?? null,
      language: data.group?.language ?? 'de',
      timeZone: data.group?.timeZone || group.timeZone,
      salutation: text(data.user?.salutation),
      firstName: (data.user?.firstName ?? '').trim(),
      lastName: (data.user?.lastName ?? '').trim(),
      email: text(data.user?.email),
      street: text(data.user?.street),
      postalCode: text(data.user?.postalCode),
      city: text(data.user?.city),
      department: text(data.user?.department),
      username: (login.username ?? '').trim(),
      authEmail: (login.authEmail ?? '').trim(),
      authMobile: login.withoutMobile ? null : e164(login.authMobile),
      passwordDelivery: passwordDeliveryOf(login),
      mainNumber: e164(data.number?.mainNumber)!,
      internalNumber: (data.number?.internalNumber ?? '').trim(),
      additionalNumbers: (data.number?.additionalNumbers ?? []).map((n) => e164(n)!),
      nomadic: data.number?.nomadic ?? 'allowed',
      blockingProfileId: data.profile?.blockingProfileId ?? null,
      mobileMode: mode,
      mobileNumber,
      mobileTariff: check?.tariff ?? null,
      mobileCustomerAccount:
        check?.outcome === 'customer_account'
          ? normalizeCustomerAccount(mobile.customerAccount)
          : null,
      // "Wenn Sie den Adressbucheintrag bereits unter der Option MagentaEINS Business Integration
      // aktiviert haben, wird die Mobilfunknummer automatisch übernommen."
      directoryMobile: e164(mobile.directoryMobile) ?? mobileNumber,
      templateId: options.templateId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertDevices(
      tx,
      (data.devices?.devices ?? []).map((d, index) => ({
        workplaceId: workplace.id,
        companyId,
        deviceModelId: d.deviceModelId,
        position: index + 1,
        macAddress: d.macAddress ? normalizeMac(d.macAddress) : null,
        createdAt: now,
      })),
    );
  } catch (err) {
    conflictOf(err, options.lang);
  }
  const label = `${displayName(workplace)} (${workplace.username})`;
  for (const number of [workplace.mainNumber, ...workplace.additionalNumbers]) {
    await assignNumber(
      deps,
      actor,
      companyId,
      { number, target: { type: 'workplace', id: workplace.id, label }, state: 'reserved' },
      tx,
    );
  }
  // Add-ons and the mobile option are noted as ordered; they run from the activation on.
  const mobileProduct = mobileProductOf(mode);
  const addonKeys = [...new Set(data.addons?.addons ?? [])];
  await insertAddons(
    tx,
    [...addonKeys, ...(mobileProduct ? [mobileProduct] : [])].map((productKey) => ({
      workplaceId: workplace.id,
      companyId,
      productKey,
      status: 'ordered' as const,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const cartItem = await addToCart(tx, deps, owner, {
    type: ACTIVATE_ITEM,
    subjectId: workplace.id,
    descriptionDe: `Arbeitsplatz aktivieren: ${label}`,
    descriptionEn: `Activate workplace: ${label}`,
    activationDate: data.activation?.activationDate ?? null,
    lines: [
      { productKey: WORKPLACE_PRODUCT, quantity: 1 },
      ...addonKeys.map((productKey) => ({ productKey, quantity: 1 })),
      ...(mobileProduct ? [{ productKey: mobileProduct, quantity: 1 }] : []),
    ],
    payload: { workplaceId: workplace.id, draftId: options.draftId } satisfies ActivatePayload,
  });
  await recordAudit(tx, {
    actor,
    companyId,
    entity: 'workplace',
    entityId: workplace.id,
    action: 'created',
    after: {
      status: 'in_cart',
      username: workplace.username,
      mainNumber: workplace.mainNumber,
      internalNumber: workplace.internalNumber,
      groupId: workplace.groupId,
      addons: addonKeys,
    },
    at: now,
  });
  return { workplace, cartItem };
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
