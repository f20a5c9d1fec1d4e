import type { TFunction } from 'i18next';
import {
  type BarringRule,
  DIRECTIONS,
  type Decision,
  type Direction,
  EMERGENCY_NUMBERS,
  decide,
  normalizePrefix,
} from '../../../../common/src/rules/barring.ts';
import type { CallInfoValue } from '../../api/org.ts';

/** "Rufnummer des Arbeitsplatzes, Anzeigename „Zentrale“" — call information in one line. */
export function callInfoText(t: TFunction, value: CallInfoValue): string {
  const number =
    value.numberMode === 'number' && value.number !== null
      ? t('org.callInfo.summaryNumber', { number: value.number })
      : t('org.callInfo.summaryWorkplace');
  return value.displayName
    ? `${number}, ${t('org.callInfo.summaryName', { name: value.displayName })}`
    : number;
}

/** "Ausland (00)", "Premium 09005" or "Vorwahl 0043": what one rule stands for. */
export function ruleLabel(t: TFunction, rule: BarringRule): string {
  if (rule.category === 'custom') {
    return rule.prefix ?? '';
  }
  if (rule.category === 'premium_0900' && rule.prefix !== null) {
    return t('org.details.tariff', { prefix: rule.prefix });
  }
  return t(`org.categories.${rule.category}`);
}

/** One line per direction: "Ausgehend gesperrt: Ausland (00), Premium 0900 — erlaubt: 0043". */
export function profileSummary(t: TFunction, rules: readonly BarringRule[]): string[] {
  return DIRECTIONS.map((direction) => {
    const own = rules.filter((rule) => rule.direction === direction);
    const list = (effect: 'bar' | 'allow') =>
      own
        .filter((rule) => rule.effect === effect)
        .map((rule) => ruleLabel(t, rule))
        .join(', ');
    const name = t(`org.directions.${direction}`);
    const barred = list('bar');
    const allowed = list('allow');
    const head =
      barred === ''
        ? t('org.details.nothing', { direction: name })
        : t('org.details.barred', { direction: name, list: barred });
    return allowed === '' ? head : `${head} — ${t('org.details.allowed', { list: allowed })}`;
  });
}

export type CheckOutcome =
  { kind: 'invalid' } | { kind: 'emergency' } | { kind: 'decided'; decision: Decision };

/** Whether the rules bar a dialled number; the shared `decide` has the last word. */
export function checkNumber(
  rules: readonly BarringRule[],
  direction: Direction,
  typed: string,
): CheckOutcome {
  const compact = typed.replace(/[\s/()-]/g, '');
  if (!/^\+?\d{1,20}$/.test(compact)) {
    return { kind: 'invalid' };
  }
  if ((EMERGENCY_NUMBERS as readonly string[]).includes(normalizePrefix(compact))) {
    return { kind: 'emergency' };
  }
  return { kind: 'decided', decision: decide(rules, direction, compact) };
}

/** The sentence shown under "Prüfen". */
export function checkText(t: TFunction, outcome: CheckOutcome, number: string): string {
  switch (outcome.kind) {
    case 'invalid':
      return t('org.details.results.invalid');
    case 'emergency':
      return t('org.details.results.emergency', { number });
    case 'decided': {
      const { decision } = outcome;
      if (decision.rule === null) {
        return t('org.details.results.allowed', { number });
      }
      const rule = ruleLabel(t, decision.rule);
      return decision.barred
        ? t('org.details.results.barred', { number, rule })
        : t('org.details.results.allowedRule', { number, rule });
    }
  }
}
