// Live prices of a draft (seed 001 "Arbeitsplatz aktivieren": "Der endgültige Preis je Arbeitsplatz
// ist abhängig von der Gesamtzahl der aktivierten Arbeitsplätze …"): each product at the tier the
// company reaches with this workplace — booked units, the carts' workplaces and this one.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { tierFor, unitMonthlyCents } from '../../../../common/src/rules/pricing.ts';
import type { Executor } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { listProducts } from '../catalog/catalog.repository.ts';
import { usageCounter } from '../orders/item-types.ts';
import { findDraft } from './drafts.repository.ts';
import { draftData, type DraftOwner } from './drafts.service.ts';
import type { WorkplaceDeps } from './issues.ts';
import { mobileProductOf, WORKPLACE_PRODUCT } from './workplace-values.ts';
import { inCartUnits } from './workplace-views.repository.ts';

export interface PriceLineOutput {
  productKey: string;
  name: string;
  quantity: number;
  unitMonthlyCents: number;
  oneOffCents: number;
  tierFrom: number | null;
}

/** Prices the products as the company's next unit of each. */
export async function priceLines(
  db: Executor,
  companyId: string,
  keys: string[],
  lang: Language,
  exceptWorkplaceId: string | null = null,
): Promise<{ lines: PriceLineOutput[]; oneOffCents: number; monthlyCents: number }> {
  const products = new Map(
    (await listProducts(db, { includeInactive: true })).map((p) => [p.key, p]),
  );
  const lines: PriceLineOutput[] = [];
  for (const key of keys) {
    const product = products.get(key);
    if (!product) {
      continue;
    }
    const counter = usageCounter(key);
    const booked = counter ? await counter(db, companyId) : 0;
    const carts = await inCartUnits(
      db,
      companyId,
      key,
      key === WORKPLACE_PRODUCT,
      exceptWorkplaceId,
    );
    const total = booked + carts + 1;
    lines.push({
      productKey: key,
      name: lang === 'en' ? product.nameEn : product.nameDe,
      quantity: 1,
      unitMonthlyCents: unitMonthlyCents(product, total),
      oneOffCents: product.oneOffCents,
      tierFrom: tierFor(product, total)?.from ?? null,
    });
  }
  return {
    lines,
    oneOffCents: lines.reduce((sum, l) => sum + l.oneOffCents * l.quantity, 0),
    monthlyCents: lines.reduce((sum, l) => sum + l.unitMonthlyCents * l.quantity, 0),
  };
}

/** GET …/workplace-drafts/:id/price. */
export async function draftPrice(
  deps: WorkplaceDeps,
  owner: DraftOwner,
  companyId: string,
  draftId: string,
  lang: Language,
) {
  const db = deps.database.db;
  const draft = await findDraft(db, companyId, owner.userId, draftId);
  if (!draft) {
    throw notFound();
  }
  const data = draftData(draft);
  const mobile = mobileProductOf(data.mobile?.mode);
  const keys = [
    WORKPLACE_PRODUCT,
    ...new Set(data.addons?.addons ?? []),
    ...(mobile ? [mobile] : []),
  ];
  return priceLines(db, companyId, keys, lang, draft.workplaceId);
}
