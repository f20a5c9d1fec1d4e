// Blocking profiles (Sperrprofile), seed 001 "Sperrprofil zuweisen" and issue 5: rules per
// direction on number range categories (Rufnummerngassen) and custom prefixes, with allow
// exceptions; the longest matching prefix decides; 110 and 112 can never be barred.

export const DIRECTIONS = ['outgoing', 'incoming', 'forwarded'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const EMERGENCY_NUMBERS = ['110', '112'] as const;

/**
 * Predefined number range categories as prefixes of the dialled number in national notation
 * ("00…" international, "0…" national, no 0 = local). "local" leaves out 110, 112 and 118xy.
 */
export const CATEGORIES = {
  international: ['00'],
  premium_0900: ['0900'],
  mass_calling_0137: ['0137'],
  service_0180: ['0180'],
  directory_118: ['118'],
  mobile: ['015', '016', '017'],
  national: ['0'],
  local: [
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '10',
    '12',
    '13',
    '14',
    '15',
    '16',
    '17',
    '19',
    '111',
    '113',
    '114',
    '115',
    '116',
    '117',
    '119',
  ],
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_KEYS = Object.keys(CATEGORIES) as Category[];

export type Effect = 'bar' | 'allow';

export interface BarringRule {
  direction: Direction;
  /** A predefined category or 'custom'. */
  category: Category | 'custom';
  /** Custom prefix, or the 0900 tariff digit appended to 0900 (e.g. "09005"). */
  prefix: string | null;
  effect: Effect;
}

/** The prefixes a rule stands for. */
export function rulePrefixes(rule: BarringRule): string[] {
  if (rule.category === 'custom') {
    return rule.prefix ? [rule.prefix] : [];
  }
  if (rule.category === 'premium_0900' && rule.prefix) {
    return [rule.prefix];
  }
  return [...CATEGORIES[rule.category]];
}

export type RuleProblem = 'prefix_format' | 'bars_emergency' | 'tariff_digit';

/** Why a rule cannot be saved, or null. A bar rule matching 110 or 112 is refused. */
export function ruleProblem(rule: BarringRule): RuleProblem | null {
  if (rule.category === 'custom' && !/^(\+?\d{1,15})$/.test(rule.prefix ?? '')) {
    return 'prefix_format';
  }
  if (rule.category === 'premium_0900' && rule.prefix !== null && !/^0900\d$/.test(rule.prefix)) {
    return 'tariff_digit';
  }
  if (
    rule.effect === 'bar' &&
    rulePrefixes(rule).some((p) => EMERGENCY_NUMBERS.some((n) => n.startsWith(normalizePrefix(p))))
  ) {
    return 'bars_emergency';
  }
  return null;
}

/** "+4930" → "030", "+43" → "0043": prefixes compare in national notation. */
export function normalizePrefix(prefix: string): string {
  if (prefix.startsWith('+49')) {
    return `0${prefix.slice(3)}`;
  }
  if (prefix.startsWith('+')) {
    return `00${prefix.slice(1)}`;
  }
  return prefix;
}

export interface Decision {
  barred: boolean;
  /** The deciding prefix and rule, or null when nothing matched (allowed). */
  prefix: string | null;
  rule: BarringRule | null;
}

/**
 * Whether a dialled number (national notation) is barred in a direction: the rule with the
 * longest matching prefix decides; on equal length "allow" wins; 110 and 112 always go through.
 */
export function decide(
  rules: readonly BarringRule[],
  direction: Direction,
  dialled: string,
): Decision {
  const number = normalizePrefix(dialled.replace(/[\s/()-]/g, ''));
  if ((EMERGENCY_NUMBERS as readonly string[]).includes(number)) {
    return { barred: false, prefix: null, rule: null };
  }
  let best: Decision = { barred: false, prefix: null, rule: null };
  for (const rule of rules) {
    if (rule.direction !== direction) {
      continue;
    }
    for (const raw of rulePrefixes(rule)) {
      const prefix = normalizePrefix(raw);
      if (!number.startsWith(prefix)) {
        continue;
      }
      const longer = best.prefix === null || prefix.length > best.prefix.length;
      const tieAllow =
        best.prefix !== null && prefix.length === best.prefix.length && rule.effect === 'allow';
      if (longer || tieAllow) {
        best = { barred: rule.effect === 'bar', prefix, rule };
      }
    }
  }
  return best;
}
