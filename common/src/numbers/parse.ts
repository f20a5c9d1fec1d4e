import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Why an input is not a usable German number. i18n key: validation.number.<problem>. */
export type NumberProblem =
  | 'empty'
  | 'invalid_characters'
  | 'not_german'
  | 'too_short'
  | 'too_long'
  | 'invalid'
  | 'not_mobile'
  | 'not_fixed_line';

export type NumberUse = 'any' | 'fixed_line' | 'mobile';

export type ParsedNumber =
  | {
      ok: true;
      /** +4989123456 */
      e164: string;
      /** 4989123456 (E.164 without +) */
      digits: string;
      /** 89123456: area code + subscriber number, without the trunk prefix 0 */
      national: string;
      /** "089 123456" */
      formatted: string;
    }
  | { ok: false; problem: NumberProblem };

const ALLOWED = /^[\d\s+()/.\-–]*$/;

type OkNumber = Extract<ParsedNumber, { ok: true }>;

/** What the numbering plan says about a national number: its type, or invalid. */
interface PlanFacts {
  valid: boolean;
  type: string | undefined;
  /** The number as accepted, shared by every caller that asks for it (do not mutate). */
  number: OkNumber | null;
}

/**
 * The numbering plan's verdict per national number, remembered: a list import checks and assigns
 * each of thousands of numbers several times, and the plan's regular expressions are what costs.
 * Bounded: cleared when full.
 */
const plan = new Map<string, PlanFacts>();
const PLAN_CACHE_MAX = 100_000;

function planFacts(national: string): PlanFacts {
  let facts = plan.get(national);
  if (facts) {
    return facts;
  }
  const parsed = parsePhoneNumberFromString(`+49${national}`);
  // Germany's metadata has type patterns: isValid() is exactly "getType() finds a type", so the
  // type is looked up once instead of twice.
  const type = parsed?.isPossible() ? parsed.getType() : undefined;
  const valid = type !== undefined;
  let number: OkNumber | null = null;
  if (valid && parsed) {
    let formatted: string | undefined;
    number = Object.freeze({
      ok: true as const,
      e164: `+49${national}`,
      digits: `49${national}`,
      national,
      // "089 123456" is asked for rarely: formatted on first use.
      get formatted() {
        formatted ??= parsed.formatNational();
        return formatted;
      },
    });
  }
  facts = { valid, type, number };
  if (plan.size >= PLAN_CACHE_MAX) {
    plan.clear();
  }
  plan.set(national, facts);
  return facts;
}

/**
 * Reads a German number in every usual notation: 089 1234-0, +49 89 12340, 0049 (0)89/1234 0,
 * (089) 1234 0. `use` narrows to fixed-line or mobile numbers where the field needs one.
 */
export function parseGermanNumber(input: string, use: NumberUse = 'any'): ParsedNumber {
  const raw = input.trim();
  if (raw === '') {
    return { ok: false, problem: 'empty' };
  }
  if (!ALLOWED.test(raw)) {
    return { ok: false, problem: 'invalid_characters' };
  }
  // "+49 (0)89 …": the optional trunk prefix in parentheses is not part of the number.
  let compact = raw.replace(/\(0\)/g, '').replace(/[\s()/.\-–]/g, '');
  if (compact.startsWith('00')) {
    compact = `+${compact.slice(2)}`;
  }
  if (compact.startsWith('+') && !compact.startsWith('+49')) {
    return { ok: false, problem: 'not_german' };
  }
  if (!compact.startsWith('+') && !compact.startsWith('0')) {
    return { ok: false, problem: 'invalid' };
  }
  const national = compact.startsWith('+49') ? compact.slice(3) : compact.slice(1);
  if (!/^\d+$/.test(national) || national.startsWith('0')) {
    return { ok: false, problem: 'invalid' };
  }
  if (national.length < 4) {
    return { ok: false, problem: 'too_short' };
  }
  if (national.length > 13) {
    return { ok: false, problem: 'too_long' };
  }
  const { valid, type, number } = planFacts(national);
  if (!valid || !number) {
    return { ok: false, problem: 'invalid' };
  }
  if (use === 'mobile' && type !== 'MOBILE') {
    return { ok: false, problem: 'not_mobile' };
  }
  if (use === 'fixed_line' && type !== 'FIXED_LINE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return { ok: false, problem: 'not_fixed_line' };
  }
  return number;
}

/** The area code (Ortsnetzkennzahl) of a German national number, e.g. "89" or "228". */
export function areaCodeOf(national: string): string | null {
  const parsed = parsePhoneNumberFromString(`+49${national}`);
  if (!parsed) {
    return null;
  }
  const formatted = parsed.formatNational(); // "089 123456"
  const head = formatted.split(' ')[0] ?? '';
  return head.startsWith('0') && head.length > 1 ? head.slice(1) : null;
}

/** "+4989123460" → "089 1234-60" when the block structure is known, else "089 123460". */
export function formatNational(e164: string, extensionLength = 0, areaLength?: number): string {
  const national = e164.replace(/^\+49/, '');
  const area = areaLength ?? areaCodeOf(national)?.length ?? 0;
  const subscriber = national.slice(area);
  const head = `0${national.slice(0, area)}`;
  if (extensionLength > 0 && subscriber.length > extensionLength) {
    const cut = subscriber.length - extensionLength;
    return `${head} ${subscriber.slice(0, cut)}-${subscriber.slice(cut)}`;
  }
  return area > 0 ? `${head} ${subscriber}` : `0${national}`;
}
