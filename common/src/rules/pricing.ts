// Volume pricing of catalogue products (seed 001 "Arbeitsplatz aktivieren": "Der endgültige Preis
// je Arbeitsplatz ist abhängig von der Gesamtzahl der aktivierten Arbeitsplätze. Der endgültige
// Preis für die Zusatz-Pakete ist abhängig von der Anzahl der gebuchten Zusatz-Pakete.").
// The tier the company's total count falls in sets the unit price of every unit (not graduated).

/** From `from` units on (company total), each unit costs `monthlyCents` a month. */
export interface PriceTier {
  from: number;
  monthlyCents: number;
}

export interface Priced {
  /** Base price per unit ("Basispreis"); used when the product has no tiers. */
  monthlyCents: number;
  tiers: readonly PriceTier[];
}

export type TierProblem = 'tiers_start_at_one' | 'tiers_ascending' | 'tiers_from_integer';

/** Problems of a tier list, each with the index it concerns; [] for a valid (or empty) list. */
export function tierProblems(
  tiers: readonly PriceTier[],
): { index: number; problem: TierProblem }[] {
  const problems: { index: number; problem: TierProblem }[] = [];
  tiers.forEach((tier, index) => {
    if (!Number.isInteger(tier.from) || tier.from < 1) {
      problems.push({ index, problem: 'tiers_from_integer' });
    } else if (index === 0 && tier.from !== 1) {
      problems.push({ index, problem: 'tiers_start_at_one' });
    } else if (index > 0 && tier.from <= (tiers[index - 1]?.from ?? 0)) {
      problems.push({ index, problem: 'tiers_ascending' });
    }
  });
  return problems;
}

/** The tier that applies to a company with `count` units, or null without tiers. */
export function tierFor(product: Priced, count: number): PriceTier | null {
  let found: PriceTier | null = null;
  for (const tier of product.tiers) {
    if (tier.from <= Math.max(count, 1)) {
      found = tier;
    }
  }
  return found;
}

/** The monthly price of one unit when the company has `count` units in total. */
export function unitMonthlyCents(product: Priced, count: number): number {
  return tierFor(product, count)?.monthlyCents ?? product.monthlyCents;
}

/** The monthly price of all `count` units together. */
export function totalMonthlyCents(product: Priced, count: number): number {
  return count <= 0 ? 0 : count * unitMonthlyCents(product, count);
}

/** "12,34 €" — prices are stored in cents and shown in German notation. */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')} €`;
}
