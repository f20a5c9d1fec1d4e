import type { Language } from '../../../../common/src/i18n/index.ts';
import {
  addonViolations,
  configurationViolations,
  referencedProducts,
  type AddonFacts,
  type AddonViolation,
  type DependencyRule,
  type RuleProduct,
} from '../../../../common/src/rules/addons.ts';
import {
  tierFor,
  totalMonthlyCents,
  unitMonthlyCents,
} from '../../../../common/src/rules/pricing.ts';
import type { Database, Executor } from '../../db/client.ts';
import type { ProductKind } from '../../db/schema/index.ts';
import { diff, recordAudit, type AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import {
  findProduct,
  listProducts,
  lockProduct,
  productKinds,
  updateProduct,
  type ProductRow,
} from './catalog.repository.ts';
import type { ProductOutput, ProductPatch } from './catalog.schema.ts';

export interface CatalogDeps {
  database: Database;
  clock: Clock;
}

/** A 400 that names the field and the rule, like the request validation does. */
export function invalidField(lang: Language, field: string, rule: string, params = {}): AppError {
  return new AppError('validation_failed', 400, {
    params: { count: 1 },
    details: [
      {
        field,
        rule,
        message: translate(lang, `validation.catalog.${rule}`, params),
        location: 'body',
      },
    ],
  });
}

export function presentProduct(row: ProductRow, lang: Language): ProductOutput {
  return {
    key: row.key,
    kind: row.kind,
    name: lang === 'en' ? row.nameEn : row.nameDe,
    nameDe: row.nameDe,
    nameEn: row.nameEn,
    description: (lang === 'en' && row.descriptionEn) || row.descriptionDe,
    descriptionDe: row.descriptionDe,
    descriptionEn: row.descriptionEn,
    oneOffCents: row.oneOffCents,
    monthlyCents: row.monthlyCents,
    tiers: row.tiers,
    minimumTermDays: row.minimumTermDays,
    requires: row.requires,
    active: row.active,
    sortOrder: row.sortOrder,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listCatalogProducts(
  deps: CatalogDeps,
  query: { kind?: ProductKind | undefined; includeInactive?: boolean | undefined },
  lang: Language,
): Promise<ProductOutput[]> {
  const rows = await listProducts(deps.database.db, query);
  return rows.map((r) => presentProduct(r, lang));
}

/** What `count` units of a product cost a month at the current catalogue prices. */
export async function productPrice(deps: CatalogDeps, key: string, count: number) {
  const row = await findProduct(deps.database.db, key);
  if (!row) {
    throw notFound();
  }
  return {
    key,
    count,
    unitMonthlyCents: unitMonthlyCents(row, count),
    totalMonthlyCents: totalMonthlyCents(row, count),
    oneOffCents: row.oneOffCents,
    tierFrom: tierFor(row, count)?.from ?? null,
    minimumTermDays: row.minimumTermDays,
  };
}

/** Rules must name existing products, and company_has only company-level ones. */
function checkRules(
  lang: Language,
  key: string,
  rules: readonly DependencyRule[],
  kinds: Map<string, ProductKind>,
): void {
  rules.forEach((rule, index) => {
    for (const product of referencedProducts(rule)) {
      const field = `requires.${index}.product`;
      if (!kinds.has(product)) {
        throw invalidField(lang, field, 'rule_product_unknown', { product });
      }
      if (rule.kind === 'company_has' && kinds.get(product) !== 'company_add_on') {
        throw invalidField(lang, field, 'rule_not_company_product', { product });
      }
      if (rule.kind === 'exclusive_with' && product === key) {
        throw invalidField(lang, field, 'rule_self_exclusive', { product });
      }
    }
  });
}

/**
 * With tiers the base price is the first tier's, so the two cannot disagree: a change of the
 * base price alone on a tiered product is refused rather than silently ignored.
 */
function monthlyCentsAfter(lang: Language, before: ProductRow, patch: ProductPatch): number {
  const tiers = patch.tiers ?? before.tiers;
  const first = tiers[0];
  if (!first) {
    return patch.monthlyCents ?? before.monthlyCents;
  }
  if (patch.monthlyCents !== undefined && patch.monthlyCents !== first.monthlyCents) {
    throw invalidField(lang, 'monthlyCents', 'price_from_tiers');
  }
  return first.monthlyCents;
}

/** Operators change prices, tiers, term, rules or names of a product (audited, companyId null). */
export async function editProduct(
  deps: CatalogDeps,
  actor: AuditActor,
  key: string,
  patch: ProductPatch,
  options: { lang: Language; requestId: string | null },
): Promise<ProductOutput> {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    const before = await lockProduct(tx, key);
    if (!before) {
      throw notFound();
    }
    if (patch.requires) {
      checkRules(options.lang, key, patch.requires, await productKinds(tx));
    }
    const monthlyCents = monthlyCentsAfter(options.lang, before, patch);
    const after = await updateProduct(tx, key, { ...patch, monthlyCents, updatedAt: now });
    await recordAudit(tx, {
      actor,
      companyId: null,
      entity: 'catalog_product',
      entityId: key,
      action: 'updated',
      ...diff(auditView(before), auditView(after)),
      at: now,
      requestId: options.requestId,
    });
    return presentProduct(after, options.lang);
  });
}

function auditView(row: ProductRow): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** The active catalogue as the evaluator sees it, names in the caller's language. */
export async function ruleCatalogue(db: Executor, lang: Language): Promise<RuleProduct[]> {
  return (await listProducts(db)).map((p) => ({
    key: p.key,
    name: lang === 'en' ? p.nameEn : p.nameDe,
    requires: p.requires,
  }));
}

export interface PresentedViolation {
  product: string;
  key: string;
  severity: AddonViolation['severity'];
  message: string;
  params: Record<string, string | number>;
}

function presentViolations(violations: AddonViolation[], lang: Language): PresentedViolation[] {
  return violations.map((v) => ({
    product: v.product,
    key: v.key,
    severity: v.severity,
    message: translate(lang, v.key, v.params),
    params: v.params,
  }));
}

/**
 * Checks add-ons chosen for a workplace against the rules stored in the catalogue (issue 7 calls
 * this in its own transaction with `db`); warnings do not make `ok` false.
 */
export async function checkAddons(
  db: Executor,
  facts: AddonFacts,
  lang: Language,
): Promise<{ ok: boolean; violations: PresentedViolation[] }> {
  const violations = addonViolations(await ruleCatalogue(db, lang), facts);
  return {
    ok: violations.every((v) => v.severity !== 'error'),
    violations: presentViolations(violations, lang),
  };
}

/** Whether a company feature (Gruppenfunktion, Vermittlungsplatz) may be configured yet. */
export async function checkConfiguration(
  db: Executor,
  productKey: string,
  workplacesWith: Readonly<Record<string, number>>,
  lang: Language,
): Promise<{ ok: boolean; violations: PresentedViolation[] }> {
  const violations = configurationViolations(
    await ruleCatalogue(db, lang),
    productKey,
    workplacesWith,
  );
  return {
    ok: violations.every((v) => v.severity !== 'error'),
    violations: presentViolations(violations, lang),
  };
}
