import type { TFunction } from 'i18next';
import { tierProblems } from '../../../../../common/src/rules/pricing.ts';
import type { CatalogProduct, PriceTier, ProductPatch } from '../../../api/catalog.ts';
import { centsToInput, parseCount, parseEuro } from './money.ts';

/** One editable tier row; `id` keeps React's row identity when rows are removed. */
export interface TierDraft {
  id: number;
  from: string;
  price: string;
}

/** The edit form's values as typed (prices in euro, rules as JSON text). */
export interface ProductDraft {
  nameDe: string;
  nameEn: string;
  monthly: string;
  oneOff: string;
  tiers: TierDraft[];
  minimumTermDays: string;
  active: boolean;
  requires: string;
}

/** Error messages keyed like the server's field paths ("tiers.2.from", "requires"). */
export type DraftErrors = Record<string, string>;

const MAX_TERM_DAYS = 3650;

export function draftOf(product: CatalogProduct): ProductDraft {
  return {
    nameDe: product.nameDe,
    nameEn: product.nameEn,
    monthly: centsToInput(product.monthlyCents),
    oneOff: centsToInput(product.oneOffCents),
    tiers: product.tiers.map((tier, index) => ({
      id: index,
      from: String(tier.from),
      price: centsToInput(tier.monthlyCents),
    })),
    minimumTermDays: String(product.minimumTermDays),
    active: product.active,
    requires: JSON.stringify(product.requires, null, 2),
  };
}

function parseTiers(tiers: TierDraft[], errors: DraftErrors, t: TFunction): PriceTier[] {
  const parsed: PriceTier[] = [];
  tiers.forEach((tier, index) => {
    const from = parseCount(tier.from);
    const monthlyCents = parseEuro(tier.price);
    if (from === null || from < 1) {
      errors[`tiers.${index}.from`] = t('validation.catalog.tiers_from_integer', { ns: 'errors' });
    }
    if (monthlyCents === null) {
      errors[`tiers.${index}.monthlyCents`] = t('catalog.errors.euro');
    }
    parsed.push({ from: from ?? 0, monthlyCents: monthlyCents ?? 0 });
  });
  // The same rule the server applies (common/), so the message appears before saving.
  for (const { index, problem } of tierProblems(parsed)) {
    errors[`tiers.${index}.from`] ??= t(`validation.catalog.${problem}`, { ns: 'errors' });
  }
  return parsed;
}

function parseRules(text: string, errors: DraftErrors, t: TFunction): ProductPatch['requires'] {
  try {
    const value: unknown = JSON.parse(text.trim() === '' ? '[]' : text);
    if (Array.isArray(value)) {
      // The server checks each rule's shape and names the rule and field that is wrong.
      return value as ProductPatch['requires'];
    }
    errors.requires = t('catalog.errors.rulesArray');
  } catch {
    errors.requires = t('catalog.errors.rulesJson');
  }
  return undefined;
}

/** The PATCH body of a draft, or the problems found before sending it. */
export function patchOf(
  draft: ProductDraft,
  t: TFunction,
): { patch: ProductPatch; errors: null } | { patch: null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const nameDe = draft.nameDe.trim();
  const nameEn = draft.nameEn.trim();
  if (nameDe === '') {
    errors.nameDe = t('form.required');
  }
  if (nameEn === '') {
    errors.nameEn = t('form.required');
  }
  const oneOffCents = parseEuro(draft.oneOff);
  if (oneOffCents === null) {
    errors.oneOffCents = t('catalog.errors.euro');
  }
  const tiers = parseTiers(draft.tiers, errors, t);
  // With tiers the base price is the first tier's; the server refuses a different one.
  const monthlyCents = tiers.length > 0 ? undefined : parseEuro(draft.monthly);
  if (monthlyCents === null) {
    errors.monthlyCents = t('catalog.errors.euro');
  }
  const term = parseCount(draft.minimumTermDays);
  if (term === null || term > MAX_TERM_DAYS) {
    errors.minimumTermDays = t('catalog.errors.term', { max: MAX_TERM_DAYS });
  }
  const requires = parseRules(draft.requires, errors, t);
  if (Object.keys(errors).length > 0) {
    return { patch: null, errors };
  }
  return {
    patch: {
      nameDe,
      nameEn,
      oneOffCents: oneOffCents ?? 0,
      ...(monthlyCents === undefined || monthlyCents === null ? {} : { monthlyCents }),
      tiers,
      minimumTermDays: term ?? 0,
      active: draft.active,
      ...(requires === undefined ? {} : { requires }),
    },
    errors: null,
  };
}
