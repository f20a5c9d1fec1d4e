// What costs money on an existing workplace goes through the cart (seed 001 "Konferenz buchen":
// "Klicken Sie auf Warenkorb hinzufügen"): booking and cancelling add-ons and mobile options,
// switching the conference package, deleting the workplace after its minimum term.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { deleteIssues, type RuleIssue } from '../../../../common/src/rules/workplace.ts';
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import type { Executor } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { listProducts } from '../catalog/catalog.repository.ts';
import { berlinDay } from '../numbers/numbers.present.ts';
import { loadPricing, presentCart, type CartItemOutput } from '../orders/cart.pricing.ts';
import { addToCart, type CartOwner } from '../orders/cart.service.ts';
import type { CartItemRow } from '../orders/orders.repository.ts';
import { ADDON_BOOK_ITEM, ADDON_CANCEL_ITEM, CONFERENCE_CHANGE_ITEM } from './addon.items.ts';
import { DELETE_ITEM } from './delete.item.ts';
import { refusal, requireNoErrors, serverIssue, type WorkplaceDeps } from './issues.ts';
import { mobileCheck } from './mobile.service.ts';
import { normalizeCustomerAccount } from './mobile.rules.ts';
import { checkSection, WORKPLACE_ADDON_KINDS } from './workplace.checks.ts';
import { displayName } from './workplace-values.ts';
import { workplaceData } from './workplace-data.ts';
import { addonsOf, devicesOf } from './workplace-parts.repository.ts';
import { pendingItemsOf } from './workplace-views.repository.ts';
import { lockWorkplace, type WorkplaceRow } from './workplaces.repository.ts';

const MOBILE_KEYS = ['mobile_client', 'mobile_integration'];
const isConference = (key: string, kind: string | undefined) =>
  key === 'conference' || kind === 'conference_package';

const refuse = (field: string, rule: string, lang: Language, params?: RuleIssue['params']) =>
  refusal(rule, serverIssue(field, rule, params), lang, 409);

async function activeWorkplace(tx: Executor, companyId: string, id: string, lang: Language) {
  const w = await lockWorkplace(tx, companyId, id);
  if (!w) {
    throw notFound();
  }
  if (w.status !== 'active' && w.status !== 'deactivated') {
    throw refuse('workplace', 'not_active', lang);
  }
  return w;
}

async function present(
  tx: Executor,
  rows: CartItemRow[],
  lang: Language,
): Promise<CartItemOutput[]> {
  return (await presentCart(tx, rows, await loadPricing(tx), lang)).items;
}

const label = (w: WorkplaceRow) => `${displayName(w)} (${w.username})`;

async function draftOf(tx: Executor, w: WorkplaceRow): Promise<DraftData> {
  const devices = (await devicesOf(tx, w.companyId, [w.id])).map((d) => ({
    deviceModelId: d.device.deviceModelId,
    macAddress: d.device.macAddress,
  }));
  return workplaceData(w, devices, []);
}

export interface AddonChange {
  add: string[];
  remove: string[];
  activationDate?: string | null | undefined;
  mobileNumber?: string | undefined;
  customerAccount?: string | undefined;
}

/** POST …/workplaces/:id/addons — one addon.book / addon.cancel cart item per add-on. */
export async function changeAddons(
  deps: WorkplaceDeps,
  owner: CartOwner,
  id: string,
  change: AddonChange,
  lang: Language,
): Promise<CartItemOutput[]> {
  return deps.database.transaction(async (tx) => {
    const w = await activeWorkplace(tx, owner.companyId, id, lang);
    const today = berlinDay(deps.clock.now());
    const live = await addonsOf(tx, owner.companyId, [w.id], { live: true });
    const kinds = new Map((await listProducts(tx)).map((p) => [p.key, p]));
    const add = [...new Set(change.add)];
    const plain = add.filter((k) => !MOBILE_KEYS.includes(k));
    const mobile = add.filter((k) => MOBILE_KEYS.includes(k));
    for (const key of add) {
      const product = kinds.get(key);
      const bookable =
        product &&
        (MOBILE_KEYS.includes(key) ||
          (WORKPLACE_ADDON_KINDS as readonly string[]).includes(product.kind));
      if (!bookable) {
        throw refusal(
          'validation_failed',
          serverIssue('add', 'addon_not_bookable', { product: key }),
          lang,
        );
      }
      if (live.some((a) => a.productKey === key)) {
        throw refuse('add', 'addon_already_booked', lang, { product: product.nameDe });
      }
    }
    const ctx = {
      tx,
      deps,
      companyId: owner.companyId,
      workplaceId: w.id,
      lang,
      existingAddons: live.map((a) => a.productKey),
    };
    const data = await draftOf(tx, w);
    if (plain.length > 0) {
      requireNoErrors(
        await checkSection(ctx, 'addons', { ...data, addons: { addons: plain } }, today),
        lang,
      );
    }
    let mobilePayload: {
      mobileNumber: string | null;
      tariff: string | null;
      customerAccount: string | null;
    } | null = null;
    if (mobile.length > 1 || (mobile.length === 1 && w.mobileMode !== 'none')) {
      throw refuse('add', 'mobile_already', lang);
    }
    if (mobile[0] === 'mobile_integration') {
      const section = {
        mode: 'integration' as const,
        mobileNumber: change.mobileNumber ?? '',
        customerAccount: change.customerAccount ?? '',
      };
      requireNoErrors(await checkSection(ctx, 'mobile', { ...data, mobile: section }, today), lang);
      const check = await mobileCheck(tx, owner.companyId, section);
      mobilePayload = {
        mobileNumber: change.mobileNumber ?? null,
        tariff: check.tariff,
        customerAccount:
          check.outcome === 'customer_account'
            ? normalizeCustomerAccount(change.customerAccount)
            : null,
      };
    }
    const rows: CartItemRow[] = [];
    for (const key of add) {
      const name = kinds.get(key)!;
      rows.push(
        await addToCart(tx, deps, owner, {
          type: ADDON_BOOK_ITEM,
          subjectId: w.id,
          descriptionDe: `Zusatz-Paket buchen: ${name.nameDe} – ${label(w)}`,
          descriptionEn: `Book add-on: ${name.nameEn} – ${label(w)}`,
          activationDate: change.activationDate ?? null,
          lines: [{ productKey: key, quantity: 1 }],
          payload: {
            workplaceId: w.id,
            productKey: key,
            mobile: key === 'mobile_integration' ? mobilePayload : null,
          },
        }),
      );
    }
    for (const key of new Set(change.remove)) {
      const row = live.find((a) => a.productKey === key);
      if (!row || row.status !== 'active') {
        throw refuse('remove', row ? 'addon_cancel_pending' : 'addon_not_booked', lang, {
          product: key,
        });
      }
      const product = kinds.get(key);
      // "Zusatz-Pakete können erst nach Ablauf der Mindestvertragslaufzeit … gekündigt werden."
      const earliest = row.minimumTermEnd && row.minimumTermEnd > today ? row.minimumTermEnd : null;
      rows.push(
        await addToCart(tx, deps, owner, {
          type: ADDON_CANCEL_ITEM,
          subjectId: w.id,
          descriptionDe: `Zusatz-Paket kündigen: ${product?.nameDe ?? key} – ${label(w)}`,
          descriptionEn: `Cancel add-on: ${product?.nameEn ?? key} – ${label(w)}`,
          activationDate: change.activationDate ?? null,
          earliestDate: earliest,
          lines: [],
          payload: { workplaceId: w.id, productKey: key },
        }),
      );
    }
    return present(tx, rows, lang);
  });
}

/** POST …/workplaces/:id/conference — switch (or end) the conference add-on/package. */
export async function changeConference(
  deps: WorkplaceDeps,
  owner: CartOwner,
  id: string,
  productKey: string | null,
  lang: Language,
): Promise<CartItemOutput> {
  return deps.database.transaction(async (tx) => {
    const w = await activeWorkplace(tx, owner.companyId, id, lang);
    const today = berlinDay(deps.clock.now());
    const products = new Map((await listProducts(tx)).map((p) => [p.key, p]));
    const live = await addonsOf(tx, owner.companyId, [w.id], { live: true });
    const current =
      live.find((a) => isConference(a.productKey, products.get(a.productKey)?.kind)) ?? null;
    if (productKey !== null && !isConference(productKey, products.get(productKey)?.kind)) {
      throw refusal(
        'validation_failed',
        serverIssue('productKey', 'addon_not_bookable', { product: productKey }),
        lang,
      );
    }
    if ((current?.productKey ?? null) === productKey) {
      throw refuse('productKey', 'conference_unchanged', lang);
    }
    if (productKey) {
      const others = live.filter((a) => a.id !== current?.id).map((a) => a.productKey);
      const ctx = {
        tx,
        deps,
        companyId: owner.companyId,
        workplaceId: w.id,
        lang,
        existingAddons: others,
      };
      requireNoErrors(
        await checkSection(ctx, 'addons', { addons: { addons: [productKey] } }, today),
        lang,
      );
    }
    // Ending the package without a successor is a cancellation: not before its term ends.
    const earliest =
      !productKey && current?.minimumTermEnd && current.minimumTermEnd > today
        ? current.minimumTermEnd
        : null;
    const name = (key: string | null, en: boolean) =>
      key
        ? ((en ? products.get(key)?.nameEn : products.get(key)?.nameDe) ?? key)
        : en
          ? 'none'
          : 'keines';
    const row = await addToCart(tx, deps, owner, {
      type: CONFERENCE_CHANGE_ITEM,
      subjectId: w.id,
      descriptionDe: `Konferenz-Paket ändern: ${name(current?.productKey ?? null, false)} → ${name(productKey, false)} – ${label(w)}`,
      descriptionEn: `Change conference package: ${name(current?.productKey ?? null, true)} → ${name(productKey, true)} – ${label(w)}`,
      activationDate: null,
      earliestDate: earliest,
      lines: productKey ? [{ productKey, quantity: 1 }] : [],
      payload: { workplaceId: w.id, from: current?.productKey ?? null, to: productKey },
    });
    return (await present(tx, [row], lang))[0]!;
  });
}

/** POST …/workplaces/:id/delete — only after the minimum term (refused with the first day). */
export async function orderDeletion(
  deps: WorkplaceDeps,
  owner: CartOwner,
  id: string,
  activationDate: string | null,
  lang: Language,
): Promise<CartItemOutput> {
  return deps.database.transaction(async (tx) => {
    const w = await lockWorkplace(tx, owner.companyId, id);
    if (!w) {
      throw notFound();
    }
    const today = berlinDay(deps.clock.now());
    const [issue] = deleteIssues({
      status: w.status,
      minimumTermEnd: w.minimumTermEnd,
      today,
      effectiveDate: activationDate,
    });
    if (issue) {
      throw refusal(issue.rule.split('.').pop()!, issue, lang);
    }
    if ((await pendingItemsOf(tx, owner.companyId, w.id)).some((p) => p.type === DELETE_ITEM)) {
      throw refuse('workplace', 'delete_pending', lang);
    }
    const row = await addToCart(tx, deps, owner, {
      type: DELETE_ITEM,
      subjectId: w.id,
      descriptionDe: `Arbeitsplatz löschen: ${label(w)}`,
      descriptionEn: `Delete workplace: ${label(w)}`,
      activationDate,
      earliestDate: w.minimumTermEnd && w.minimumTermEnd > today ? w.minimumTermEnd : null,
      lines: [],
      payload: { workplaceId: w.id },
    });
    return (await present(tx, [row], lang))[0]!;
  });
}
