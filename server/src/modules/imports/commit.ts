// "Auftrag hinzufügen" for many workplaces at once: what createWorkplaceInCart
// (workplaces/workplace-cart.service.ts) does for one row — the workplace in status in_cart, its
// devices and add-ons, its numbers reserved with their audit entries, its `workplace.activate`
// item in the caller's session cart — as bulk inserts, and the cart priced once.
// The columns and values are those of createWorkplaceInCart; the import's integration test
// compares a wizard-made and an imported workplace field by field.
import { randomUUID } from 'node:crypto';
import { locate } from '../../../../common/src/numbers/block.ts';
import { normalizeMac, passwordDeliveryOf } from '../../../../common/src/rules/workplace.ts';
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import type { Executor } from '../../db/client.ts';
import type { auditLog, numberAssignments, workplaces } from '../../db/schema/index.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { blockFor, inventory } from '../numbers/inventory-cache.ts';
import { decadeShape, shapeOf, valueOf } from '../numbers/numbers.present.ts';
import type { CartOwner } from '../orders/cart.service.ts';
import { userContact } from '../orders/orders.repository.ts';
import { activationDateProblem } from '../orders/orders.rules.ts';
import type { WorkplaceDeps } from '../workplaces/issues.ts';
import {
  ACTIVATE_ITEM,
  WORKPLACE_PRODUCT,
  mobileProductOf,
  type ActivatePayload,
} from '../workplaces/workplace-cart.service.ts';
import {
  insertAddonsBulk,
  insertAssignmentsBulk,
  insertAuditBulk,
  insertCartItemsBulk,
  insertDevicesBulk,
  insertWorkplacesBulk,
  lockInventoryVersion,
} from './imports.repository.ts';
import { priceNewItems } from './commit.pricing.ts';
import type { Lookups } from './lookups.ts';
import { parsedNumber } from './values.ts';

export interface ToCreate {
  data: DraftData;
  templateId: string | null;
}

export interface Created {
  workplaceId: string;
  cartItemId: string;
  name: string;
  username: string;
  mainNumber: string;
  internalNumber: string;
  activationDate: string | null;
}

const e164 = (value: string | null | undefined) => {
  const parsed = value?.trim() ? parsedNumber(value) : null;
  return parsed?.ok ? parsed.e164 : null;
};
const text = (value: string | null | undefined) => value?.trim() || null;

type Audit = typeof auditLog.$inferInsert;

/**
 * Creates the validated rows (checked in this transaction) in the caller's session cart.
 * Yields to the event loop between chunks; `progress` is told how many rows are done.
 */
export async function createInCart(
  tx: Executor,
  deps: WorkplaceDeps,
  actor: AuditActor,
  owner: CartOwner,
  lookups: Lookups,
  rows: ToCreate[],
  today: string,
  progress: (done: number) => void = () => {},
): Promise<Created[]> {
  const { companyId } = owner;
  const now = deps.clock.now();
  const inv = await inventory(deps.database, companyId, tx);
  if (!(await lockInventoryVersion(tx, companyId, inv.version))) {
    throw new AppError('inventory_changed', 409);
  }
  const user = await userContact(tx, owner.userId);
  const cartActor = {
    actorId: owner.userId,
    actorUsername: user?.username ?? 'unknown',
    actorRole: user?.kind === 'operator' ? 'operator' : 'admin',
  };
  const audit = (a: AuditActor) => ({
    actorId: a.userId,
    actorUsername: a.username,
    actorRole: a.role,
  });
  const wpValues: (typeof workplaces.$inferInsert)[] = [];
  const devices: Parameters<typeof insertDevicesBulk>[1] = [];
  const addons: Parameters<typeof insertAddonsBulk>[1] = [];
  const assignments: (typeof numberAssignments.$inferInsert)[] = [];
  const items: Parameters<typeof insertCartItemsBulk>[1] = [];
  const audits: Audit[] = [];
  const created: Created[] = [];
  for (const { data, templateId } of rows) {
    const groupId = data.group?.groupId ?? lookups.defaultGroup?.id;
    const group = groupId ? lookups.groupById.get(groupId) : undefined;
    if (!group) {
      throw new AppError('not_found', 404);
    }
    const login = data.login ?? {};
    const mode = data.mobile?.mode ?? 'none';
    const id = randomUUID();
    const delivery: 'sms' | 'email' = passwordDeliveryOf(login);
    const w = {
      id,
      companyId,
      status: 'in_cart' as const,
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
      passwordDelivery: delivery,
      mainNumber: e164(data.number?.mainNumber)!,
      internalNumber: (data.number?.internalNumber ?? '').trim(),
      additionalNumbers: (data.number?.additionalNumbers ?? []).map((n) => e164(n)!),
      nomadic: data.number?.nomadic ?? 'allowed',
      blockingProfileId: data.profile?.blockingProfileId ?? null,
      // The list books no mobile integration (it needs the tariff check dialog of the wizard).
      mobileMode: 'none' as const,
      mobileNumber: null,
      mobileTariff: null,
      mobileCustomerAccount: null,
      directoryMobile: e164(data.mobile?.directoryMobile),
      templateId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    wpValues.push(w);
    (data.devices?.devices ?? []).forEach((d, index) =>
      devices.push({
        workplaceId: id,
        companyId,
        deviceModelId: d.deviceModelId,
        position: index + 1,
        macAddress: d.macAddress ? normalizeMac(d.macAddress) : null,
        createdAt: now,
      }),
    );
    const label = `${`${w.firstName} ${w.lastName}`.trim()} (${w.username})`;
    for (const number of [w.mainNumber, ...w.additionalNumbers]) {
      const parsed = parsedNumber(number);
      const block = parsed.ok ? blockFor(inv, parsed.national) : null;
      if (
        !parsed.ok ||
        !block ||
        !locate(shapeOf(block), block.decades.map(decadeShape), parsed.national)
      ) {
        throw new AppError('number_not_in_inventory', 400);
      }
      const target = { type: 'workplace', id, label };
      assignments.push({
        companyId,
        blockId: block.id,
        e164: parsed.e164,
        value: valueOf(parsed.national),
        digits: parsed.digits.length,
        state: 'reserved',
        targetType: target.type,
        targetId: target.id,
        targetLabel: label,
        createdBy: actor.userId,
        createdAt: now,
      });
      audits.push({
        at: now,
        ...audit(actor),
        companyId,
        entity: 'number',
        entityId: parsed.e164,
        action: 'reserved',
        changes: { after: { target } },
      });
    }
    const mobileProduct = mobileProductOf(mode === 'none' ? null : mode);
    const addonKeys = [...new Set(data.addons?.addons ?? [])];
    for (const productKey of [...addonKeys, ...(mobileProduct ? [mobileProduct] : [])]) {
      addons.push({
        workplaceId: id,
        companyId,
        productKey,
        status: 'ordered',
        createdAt: now,
        updatedAt: now,
      });
    }
    const activationDate = data.activation?.activationDate ?? null;
    const problem = activationDateProblem(activationDate, null, today);
    if (problem) {
      throw new AppError('validation_failed', 400, {
        params: { count: 1 },
        details: [{ field: 'activationDate', rule: `cart_${problem}` }],
      });
    }
    const itemId = randomUUID();
    items.push({
      id: itemId,
      sessionId: owner.sessionId,
      companyId,
      userId: owner.userId,
      type: ACTIVATE_ITEM,
      subjectId: id,
      descriptionDe: `Arbeitsplatz aktivieren: ${label}`,
      descriptionEn: `Activate workplace: ${label}`,
      activationDate,
      earliestDate: null,
      priceLines: [
        { productKey: WORKPLACE_PRODUCT, quantity: 1 },
        ...addonKeys.map((productKey) => ({ productKey, quantity: 1 })),
        ...(mobileProduct ? [{ productKey: mobileProduct, quantity: 1 }] : []),
      ].map((l) => ({ ...l, unitMonthlyCents: 0, oneOffCents: 0, tierFrom: null })),
      payload: { workplaceId: id, draftId: null } satisfies ActivatePayload,
      createdAt: now,
    });
    audits.push(
      {
        at: now,
        ...cartActor,
        companyId,
        entity: 'cart_item',
        entityId: itemId,
        action: 'added',
        changes: {
          after: { type: ACTIVATE_ITEM, subjectId: id, activationDate },
        },
      },
      {
        at: now,
        ...audit(actor),
        companyId,
        entity: 'workplace',
        entityId: id,
        action: 'created',
        changes: {
          // recordAudit's withoutSecrets has nothing to take out of these.
          after: {
            status: 'in_cart',
            username: w.username,
            mainNumber: w.mainNumber,
            internalNumber: w.internalNumber,
            groupId: w.groupId,
            addons: addonKeys,
          },
        },
      },
    );
    created.push({
      workplaceId: id,
      cartItemId: itemId,
      name: `${w.firstName} ${w.lastName}`.trim(),
      username: w.username,
      mainNumber: w.mainNumber,
      internalNumber: w.internalNumber,
      activationDate,
    });
  }
  await priceNewItems(tx, owner, items);
  // Inserts in the order of the foreign keys, each in chunks; progress after each table.
  const steps: [number, () => Promise<void>][] = [
    [0.4, () => insertWorkplacesBulk(tx, wpValues)],
    [0.5, () => insertDevicesBulk(tx, devices)],
    [0.55, () => insertAddonsBulk(tx, addons)],
    [0.7, () => insertAssignmentsBulk(tx, assignments)],
    [0.85, () => insertCartItemsBulk(tx, items)],
    [0.95, () => insertAuditBulk(tx, audits)],
  ];
  for (const [share, step] of steps) {
    await step();
    progress(Math.floor(rows.length * share));
  }
  progress(rows.length);
  return created;
}
