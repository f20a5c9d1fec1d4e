import {
  type BarringRule,
  CATEGORY_KEYS,
  type Category,
  DIRECTIONS,
  type Direction,
  type Effect,
  type RuleProblem,
  ruleProblem,
} from '../../../../common/src/rules/barring.ts';
import type { BlockingProfile, ProfileInput } from '../../api/org.ts';

/** A custom prefix row of the form ("0043" — Ausnahme erlauben). */
export interface CustomRow {
  key: string;
  prefix: string;
  effect: Effect;
}

export interface DirectionDraft {
  /** Predefined categories that are barred in this direction. */
  barred: Category[];
  /** With premium_0900 barred: only these tariff digits ("5" → 09005); empty = all of 0900. */
  tariffDigits: string[];
  custom: CustomRow[];
}

/** The profile form's state; rules the form cannot show (category exceptions) ride along. */
export interface ProfileDraft {
  name: string;
  description: string;
  directions: Record<Direction, DirectionDraft>;
  extra: BarringRule[];
}

/** Where a rule of the request came from, to put the server's "rules.N" error next to it. */
export type RuleOrigin =
  | { kind: 'category'; direction: Direction; category: Category }
  | { kind: 'custom'; direction: Direction; key: string }
  | { kind: 'extra' };

/** "0043 1" → "00431": prefixes are typed with spaces now and then. */
function compact(prefix: string): string {
  return prefix.replace(/\s/g, '');
}

let nextKey = 0;
export function newRow(prefix = '', effect: Effect = 'bar'): CustomRow {
  nextKey += 1;
  return { key: `row-${nextKey}`, prefix, effect };
}

function emptyDirection(): DirectionDraft {
  return { barred: [], tariffDigits: [], custom: [] };
}

/** The form state of an existing profile, or an empty one. */
export function draftOf(profile?: BlockingProfile): ProfileDraft {
  const directions = {
    outgoing: emptyDirection(),
    incoming: emptyDirection(),
    forwarded: emptyDirection(),
  };
  const extra: BarringRule[] = [];
  const rules = profile?.rules ?? [];
  const all0900 = (direction: Direction) =>
    rules.some(
      (r) =>
        r.direction === direction &&
        r.category === 'premium_0900' &&
        r.effect === 'bar' &&
        r.prefix === null,
    );
  for (const rule of rules) {
    const draft = directions[rule.direction];
    if (rule.category === 'custom') {
      draft.custom.push(newRow(rule.prefix ?? '', rule.effect));
    } else if (rule.effect === 'allow') {
      extra.push(rule);
    } else {
      if (!draft.barred.includes(rule.category)) {
        draft.barred.push(rule.category);
      }
      if (rule.category === 'premium_0900' && rule.prefix !== null && !all0900(rule.direction)) {
        draft.tariffDigits.push(rule.prefix.slice(4));
      }
    }
  }
  return {
    name: profile?.name ?? '',
    description: profile?.description ?? '',
    directions,
    extra,
  };
}

/** The rules to send, in a fixed order, with where each one came from. */
export function rulesOfDraft(draft: ProfileDraft): { rules: BarringRule[]; origins: RuleOrigin[] } {
  const rules: BarringRule[] = [];
  const origins: RuleOrigin[] = [];
  for (const direction of DIRECTIONS) {
    const own = draft.directions[direction];
    for (const category of CATEGORY_KEYS.filter((c) => own.barred.includes(c))) {
      const prefixes =
        category === 'premium_0900' && own.tariffDigits.length > 0
          ? [...own.tariffDigits].sort().map((digit) => `0900${digit}`)
          : [null];
      for (const prefix of prefixes) {
        rules.push({ direction, category, prefix, effect: 'bar' });
        origins.push({ kind: 'category', direction, category });
      }
    }
    for (const row of own.custom) {
      rules.push({
        direction,
        category: 'custom',
        prefix: compact(row.prefix),
        effect: row.effect,
      });
      origins.push({ kind: 'custom', direction, key: row.key });
    }
  }
  for (const rule of draft.extra) {
    rules.push(rule);
    origins.push({ kind: 'extra' });
  }
  return { rules, origins };
}

/** The live check of a custom row (e.g. a bar of "11" would bar 110 and 112). */
export function customRowProblem(direction: Direction, row: CustomRow): RuleProblem | null {
  return ruleProblem({
    direction,
    category: 'custom',
    prefix: compact(row.prefix),
    effect: row.effect,
  });
}

/** The request body of the form. */
export function inputOfDraft(draft: ProfileDraft): { input: ProfileInput; origins: RuleOrigin[] } {
  const { rules, origins } = rulesOfDraft(draft);
  return {
    input: { name: draft.name.trim(), description: draft.description.trim(), rules },
    origins,
  };
}

/** The index N of a server field "rules.N…", or null. */
export function ruleIndexOfField(field: string): number | null {
  const match = /^rules\.(\d+)/.exec(field);
  return match ? Number(match[1]) : null;
}
