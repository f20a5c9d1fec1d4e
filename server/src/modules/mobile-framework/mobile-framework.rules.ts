// The entries of a company's mobile framework contract (Rahmenvertrag, seed 001 "MagentaEINS
// Business Integration"): how an operator's input becomes a stored prefix. Pure.
//
// A prefix is the national digits without the trunk 0 (what company_mobile_framework.prefix holds
// and what checkMobileNumber compares): a whole mobile number ("1701234567") or the start of a
// range of the contract ("170123" = every number 0170 123…). Operators copy them from contract
// papers, so every usual notation is read: "0170 123", "+49 170 123", "0049 (0)170/123-4",
// "170123", and a range may end in "*" or "x…" ("0170 123xxxx").
import { parseGermanNumber } from '../../../../common/src/numbers/parse.ts';

/** Why an input is not a usable prefix. i18n key: validation.mobile_framework.prefix_<problem>. */
export type PrefixProblem =
  'empty' | 'invalid_characters' | 'not_german' | 'not_mobile' | 'too_short' | 'too_long';

export type PrefixKind = 'number' | 'range';

export type ParsedPrefix =
  { ok: true; prefix: string; kind: PrefixKind } | { ok: false; problem: PrefixProblem };

/** The shortest prefix: the mobile network code (e.g. "170"), as the table's check allows. */
export const PREFIX_MIN_DIGITS = 3;
/** The longest German mobile number has 11 national digits (0151 1234567 8): nothing longer matches. */
export const PREFIX_MAX_DIGITS = 11;

const ALLOWED = /^[\d\s+()/.\-–]*$/;
const RANGE_MARK = /(\*|[xX]+)$/;
const MOBILE = /^1[5-7]/;

/**
 * A whole mobile number or a range, told from the digits alone (rows keep only the digits): a
 * prefix that is a valid mobile number is shown as that number, whatever notation it came in.
 */
export const kindOf = (prefix: string): PrefixKind =>
  parseGermanNumber(`0${prefix}`, 'mobile').ok ? 'number' : 'range';

/** Reads an operator's number or range prefix in any usual notation; the server decides with it. */
export function parseFrameworkPrefix(input: string): ParsedPrefix {
  let raw = input.trim();
  if (raw === '') {
    return { ok: false, problem: 'empty' };
  }
  raw = raw.replace(RANGE_MARK, '').trim();
  if (!ALLOWED.test(raw)) {
    return { ok: false, problem: 'invalid_characters' };
  }
  // "+49 (0)170 …": the trunk prefix in parentheses is not part of the number.
  let compact = raw.replace(/\(0\)/g, '').replace(/[\s()/.\-–]/g, '');
  if (compact.startsWith('00')) {
    compact = `+${compact.slice(2)}`;
  }
  if (compact.startsWith('+') && !compact.startsWith('+49')) {
    return { ok: false, problem: 'not_german' };
  }
  // Without "+49", a leading 0 is the trunk prefix; "+49 0170 …" is a common slip, read it too.
  const withoutCountry = compact.startsWith('+49') ? compact.slice(3) : compact;
  const national = withoutCountry.startsWith('0') ? withoutCountry.slice(1) : withoutCountry;
  if (national === '') {
    return { ok: false, problem: 'too_short' };
  }
  if (!/^\d+$/.test(national)) {
    return { ok: false, problem: 'invalid_characters' };
  }
  if (!MOBILE.test(national)) {
    // "17" is the start of a mobile code, just too short to be one.
    return { ok: false, problem: national === '1' ? 'too_short' : 'not_mobile' };
  }
  if (national.length < PREFIX_MIN_DIGITS) {
    return { ok: false, problem: 'too_short' };
  }
  if (national.length > PREFIX_MAX_DIGITS) {
    return { ok: false, problem: 'too_long' };
  }
  return { ok: true, prefix: national, kind: kindOf(national) };
}

/** The network code's length: 015x codes have four digits (01511), 016x/017x three (0170). */
const networkLength = (prefix: string) => (prefix.startsWith('15') ? 4 : 3);

/** "1701234567" → "0170 1234567"; a range "170123" → "0170 123…". */
export function displayPrefix(prefix: string, kind: PrefixKind): string {
  if (kind === 'number') {
    const parsed = parseGermanNumber(`0${prefix}`, 'mobile');
    if (parsed.ok) {
      return parsed.formatted;
    }
  }
  const cut = Math.min(networkLength(prefix), prefix.length);
  const rest = prefix.slice(cut);
  return `0${prefix.slice(0, cut)}${rest === '' ? '' : ` ${rest}`}${kind === 'range' ? '…' : ''}`;
}
