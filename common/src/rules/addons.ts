// Dependency rules of the product catalogue (seed 001 "Zusatz-Pakete hinzufügen", "Mobile
// Integration", seed 002 "Konferenzpaket buchen"). The rules are data: each catalogue product
// carries a `requires` list that operators edit; this file only knows how to evaluate the kinds.

/** Where a product can be booked; the "host" of an add-on. */
export const HOST_KINDS = ['workplace', 'trunk_workplace', 'company'] as const;
export type HostKind = (typeof HOST_KINDS)[number];

/** The kinds of dependency rule a catalogue product can carry. */
export const DEPENDENCY_RULE_KINDS = [
  'company_has',
  'min_workplaces_with',
  'exclusive_with',
  'own_step',
  'configured_after',
  'available_for',
] as const;

export type RuleSeverity = 'error' | 'warning';

type RuleBody =
  // The company must have booked the company-level product first (Call Analytics Basic).
  | { kind: 'company_has'; product: string }
  // Usable only when at least `count` workplaces of the company carry the product (Assistenz).
  | { kind: 'min_workplaces_with'; product: string; count: number }
  // Not on the same workplace together with `product` (Konferenz Basic vs Plus).
  | { kind: 'exclusive_with'; product: string }
  // Booked in a step of its own, never together with other add-ons (CTI & TAPI).
  | { kind: 'own_step' }
  // The company feature can be configured once `count` workplaces carry `product`
  // (Gruppenfunktion, Vermittlungsplatz).
  | { kind: 'configured_after'; product: string; count: number }
  // Bookable only on these hosts (conference packages on SIP-trunk workplaces, seed 002).
  | { kind: 'available_for'; hosts: HostKind[] };

/**
 * One rule as stored in the catalogue. `severity` overrides the kind's default (see
 * DEFAULT_SEVERITY), so an operator can turn a hard rule into a hint without a code change.
 */
export type DependencyRule = RuleBody & { severity?: RuleSeverity };
export type DependencyRuleKind = DependencyRule['kind'];

/**
 * Hard rules refuse a booking; min_workplaces_with only warns, because the second workplace is
 * usually booked after the first ("muss … mindestens für zwei Arbeitsplätze gebucht werden" is
 * about using the feature, not about booking it).
 */
export const DEFAULT_SEVERITY: Record<DependencyRuleKind, RuleSeverity> = {
  company_has: 'error',
  min_workplaces_with: 'warning',
  exclusive_with: 'error',
  own_step: 'error',
  configured_after: 'error',
  available_for: 'error',
};

/** i18n keys (namespace "errors") of the violations, one per rule kind. */
export const RULE_MESSAGE_KEYS = {
  company_has: 'validation.addon.requires_company_product',
  min_workplaces_with: 'validation.addon.min_workplaces',
  exclusive_with: 'validation.addon.exclusive',
  own_step: 'validation.addon.own_step',
  configured_after: 'validation.addon.configure_needs_workplaces',
  available_for: 'validation.addon.not_available_for',
  unknown: 'validation.addon.unknown_product',
} as const;

/** What the evaluator needs of a catalogue product. `name` is used in messages (else the key). */
export interface RuleProduct {
  key: string;
  name?: string;
  requires: readonly DependencyRule[];
}

/** The facts of one booking, as issue 7's workplace and cart code knows them. */
export interface AddonFacts {
  /** Company-level products the company has booked (or ordered), e.g. call_analytics_basic. */
  companyProducts: readonly string[];
  /** Per product key: how many OTHER workplaces of the company carry it (booked or in the cart). */
  workplacesWith: Readonly<Record<string, number>>;
  /** The add-ons chosen for this workplace in this step. */
  chosen: readonly string[];
  /** What the add-ons are booked on; rules of kind available_for are checked against it. */
  host?: HostKind;
}

export interface AddonViolation {
  /** The product whose rule is broken. */
  product: string;
  rule: DependencyRule | null;
  /** i18n key of the message. */
  key: string;
  params: Record<string, string | number>;
  severity: RuleSeverity;
}

function violation(
  product: RuleProduct,
  rule: DependencyRule,
  params: Record<string, string | number>,
): AddonViolation {
  return {
    product: product.key,
    rule,
    key: RULE_MESSAGE_KEYS[rule.kind],
    params: { product: product.name ?? product.key, ...params },
    severity: rule.severity ?? DEFAULT_SEVERITY[rule.kind],
  };
}

/** Checks the add-ons chosen for one workplace against the catalogue's rules; [] when all hold. */
export function addonViolations(
  catalogue: readonly RuleProduct[],
  facts: AddonFacts,
): AddonViolation[] {
  const byKey = new Map(catalogue.map((p) => [p.key, p]));
  const nameOf = (key: string) => byKey.get(key)?.name ?? key;
  const chosen = [...new Set(facts.chosen)];
  const out: AddonViolation[] = [];
  const pairs = new Set<string>();
  for (const key of chosen) {
    const product = byKey.get(key);
    if (!product) {
      out.push({
        product: key,
        rule: null,
        key: RULE_MESSAGE_KEYS.unknown,
        params: { product: key },
        severity: 'error',
      });
      continue;
    }
    for (const rule of product.requires) {
      switch (rule.kind) {
        case 'company_has':
          if (!facts.companyProducts.includes(rule.product)) {
            out.push(violation(product, rule, { required: nameOf(rule.product) }));
          }
          break;
        case 'min_workplaces_with': {
          // This workplace counts when it takes the product in this step.
          const total =
            (facts.workplacesWith[rule.product] ?? 0) + (chosen.includes(rule.product) ? 1 : 0);
          if (total < rule.count) {
            out.push(violation(product, rule, { count: rule.count, current: total }));
          }
          break;
        }
        case 'exclusive_with': {
          // Either side may carry the rule (or both); a pair is reported once.
          const pair = [key, rule.product].sort().join('\u0000');
          if (chosen.includes(rule.product) && rule.product !== key && !pairs.has(pair)) {
            pairs.add(pair);
            out.push(violation(product, rule, { other: nameOf(rule.product) }));
          }
          break;
        }
        case 'own_step':
          if (chosen.length > 1) {
            out.push(violation(product, rule, {}));
          }
          break;
        case 'available_for':
          if (facts.host && !rule.hosts.includes(facts.host)) {
            out.push(violation(product, rule, { host: facts.host }));
          }
          break;
        case 'configured_after':
          // About configuring the company feature, not about booking: see configurationViolations.
          break;
      }
    }
  }
  return out;
}

/**
 * Whether the company feature behind `productKey` (Gruppenfunktion, Vermittlungsplatz) can be
 * configured: "Damit die Gruppenfunktion konfiguriert werden kann, wird mindestens ein Arbeitsplatz
 * mit gebuchtem Zusatz-Paket benötigt." `workplacesWith` counts all workplaces here.
 */
export function configurationViolations(
  catalogue: readonly RuleProduct[],
  productKey: string,
  workplacesWith: Readonly<Record<string, number>>,
): AddonViolation[] {
  const product = catalogue.find((p) => p.key === productKey);
  if (!product) {
    return [
      {
        product: productKey,
        rule: null,
        key: RULE_MESSAGE_KEYS.unknown,
        params: { product: productKey },
        severity: 'error',
      },
    ];
  }
  const byKey = new Map(catalogue.map((p) => [p.key, p]));
  return product.requires.flatMap((rule) =>
    rule.kind === 'configured_after' && (workplacesWith[rule.product] ?? 0) < rule.count
      ? [
          violation(product, rule, {
            count: rule.count,
            required: byKey.get(rule.product)?.name ?? rule.product,
          }),
        ]
      : [],
  );
}

/** Product keys a rule refers to (for checking that an edited rule names real products). */
export function referencedProducts(rule: DependencyRule): string[] {
  return 'product' in rule ? [rule.product] : [];
}

/** Only the violations that refuse the booking. */
export const blocking = (violations: readonly AddonViolation[]) =>
  violations.filter((v) => v.severity === 'error');
