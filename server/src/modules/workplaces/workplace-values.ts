// What "Auftrag hinzufügen" writes for one workplace, as pure functions of the checked draft:
// the workplace row (status in_cart), its devices and add-ons, its activation item. The wizard
// and the list import both go through createWorkplacesInCart, which uses these.
import { randomUUID } from 'node:crypto';
import { normalizeMac, passwordDeliveryOf } from '../../../../common/src/rules/workplace.ts';
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { parsedNumber } from '../numbers/numbers.assign.ts';
import type { NewItem } from './cart-batch.ts';
import type { MobileCheckResult } from './mobile.rules.ts';
import { normalizeCustomerAccount } from './mobile.rules.ts';
import type { NewWorkplace, WorkplaceRow } from './workplaces.repository.ts';

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
  const parsed = value?.trim() ? parsedNumber(value) : null;
  return parsed?.ok ? parsed.e164 : null;
};
const text = (value: string | null | undefined) => value?.trim() || null;

export const displayName = (w: Pick<WorkplaceRow, 'firstName' | 'lastName'>) =>
  `${w.firstName} ${w.lastName}`.trim();

/** "Max Mustermann (max.muster)": the workplace in cart items and number assignments. */
export const workplaceLabel = (w: Pick<WorkplaceRow, 'firstName' | 'lastName' | 'username'>) =>
  `${displayName(w)} (${w.username})`;

/**
 * The in_cart workplace row of a checked draft in its group (of its company). `mobile` is the tariff check of a
 * mobile integration (null without one).
 */
export function workplaceValues(
  data: DraftData,
  group: { id: string; companyId: string; timeZone: string },
  actor: AuditActor,
  now: Date,
  mobile: MobileCheckResult | null,
  templateId: string | null,
): NewWorkplace & { id: string } {
  const login = data.login ?? {};
  const section = data.mobile ?? {};
  const mode = section.mode ?? 'none';
  const mobileNumber = mode === 'integration' ? e164(section.mobileNumber) : null;
  return {
    id: randomUUID(),
    companyId: group.companyId,
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
    mobileTariff: mobile?.tariff ?? null,
    mobileCustomerAccount:
      mobile?.outcome === 'customer_account'
        ? normalizeCustomerAccount(section.customerAccount)
        : null,
    // "Wenn Sie den Adressbucheintrag bereits unter der Option MagentaEINS Business Integration
    // aktiviert haben, wird die Mobilfunknummer automatisch übernommen."
    directoryMobile: e164(section.directoryMobile) ?? mobileNumber,
    templateId,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}

/** The workplace's devices in their order ("each device is its own entry"). */
export const deviceValues = (data: DraftData, w: { id: string; companyId: string }, now: Date) =>
  (data.devices?.devices ?? []).map((d, index) => ({
    workplaceId: w.id,
    companyId: w.companyId,
    deviceModelId: d.deviceModelId,
    position: index + 1,
    macAddress: d.macAddress ? normalizeMac(d.macAddress) : null,
    createdAt: now,
  }));

/** The add-ons the draft books, each once, in the order chosen. */
export const addonKeysOf = (data: DraftData) => [...new Set(data.addons?.addons ?? [])];

/**
 * The `workplace.activate` item of a new workplace: the workplace, its add-ons and its mobile
 * option as price lines, on the activation date ("so schnell wie möglich" = null).
 */
export function activationCartItem(
  w: Pick<WorkplaceRow, 'id' | 'firstName' | 'lastName' | 'username'>,
  addonKeys: readonly string[],
  mobileProduct: string | null,
  activationDate: string | null,
  draftId: string | null,
): NewItem {
  const label = workplaceLabel(w);
  return {
    id: randomUUID(),
    type: ACTIVATE_ITEM,
    subjectId: w.id,
    descriptionDe: `Arbeitsplatz aktivieren: ${label}`,
    descriptionEn: `Activate workplace: ${label}`,
    activationDate,
    lines: [
      { productKey: WORKPLACE_PRODUCT, quantity: 1 },
      ...addonKeys.map((productKey) => ({ productKey, quantity: 1 })),
      ...(mobileProduct ? [{ productKey: mobileProduct, quantity: 1 }] : []),
    ],
    payload: { workplaceId: w.id, draftId } satisfies ActivatePayload,
  };
}
