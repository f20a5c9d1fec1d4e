// Cell values as spreadsheet programs write them → the text the wizard would have received:
// numbers that lost their leading 0 or became numbers, dates as serials or text, stray and
// non-breaking spaces, yes/no in German or English. Pure; the rules themselves stay in common/.
import type { Cell } from './xlsx-reader.ts';

/** A value problem of one cell; rule = i18n key under import.value. */
export interface ValueProblem {
  rule: string;
  value: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (rule: string, value: string): Parsed<never> => ({
  ok: false,
  problem: { rule: `import.value.${rule}`, value },
});

/** A whole number without exponent or float noise (1e21 and beyond as BigInt digits). */
function numberText(n: number): string {
  if (Number.isInteger(n)) {
    return Math.abs(n) < 1e21 ? n.toFixed(0) : BigInt(n).toString();
  }
  // 4915112345678.000001 from float arithmetic: round to what the cell showed.
  return String(Number(n.toPrecision(15)));
}

/** Any cell as trimmed text; special cells give a problem (formula without value, #N/A …). */
export function cellText(cell: Cell): Parsed<string> {
  if (cell === null || cell === undefined) {
    return ok('');
  }
  if (typeof cell === 'string') {
    return ok(clean(cell));
  }
  if (typeof cell === 'number') {
    return ok(numberText(cell));
  }
  if (typeof cell === 'boolean') {
    return ok(cell ? 'true' : 'false');
  }
  switch (cell.kind) {
    case 'date':
      return ok(serialToDay(cell.serial, false) ?? numberText(cell.serial));
    case 'error':
      return bad('cell_error', cell.text);
    default:
      return bad('formula_without_value', '');
  }
}

/** Odd spaces, tabs or a run of spaces: what clean has more to do than trim. */
const UNCLEAN = /[\u00a0\u2007\u202f\u2000-\u200b\ufeff\t]| {2}/;

/** Trims, turns non-breaking and other odd spaces into spaces, collapses runs of spaces. */
export function clean(value: string): string {
  if (!UNCLEAN.test(value)) {
    return value.trim();
  }
  return value
    .replace(/[\u00a0\u2007\u202f\u2000-\u200b\ufeff]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

/**
 * A phone number as the wizard expects it. A spreadsheet turns 0228 123456 into the number
 * 228123456 and +49 228 … into 49228…: digits without 0 or + get their 0 back, and 49 followed
 * by a full national number (10+ digits) gets its +. Everything else is passed on unchanged
 * for the wizard's number rules to judge.
 */
export function phoneText(cell: Cell): Parsed<string> {
  const text = cellText(cell);
  if (!text.ok || text.value === '') {
    return text;
  }
  const value = text.value;
  if (SCIENTIFIC.test(value)) {
    return bad('number_scientific', value);
  }
  const digits = value.replace(/[\s/().\-–]/g, '');
  if (/^[1-9]\d+$/.test(digits)) {
    return ok(digits.startsWith('49') && digits.length >= 12 ? `+${digits}` : `0${digits}`);
  }
  return ok(value);
}

/** Digits kept as written (internal numbers): a number cell becomes its digits. */
export function digitsText(cell: Cell): Parsed<string> {
  const text = cellText(cell);
  return text.ok && SCIENTIFIC.test(text.value) ? bad('number_scientific', text.value) : text;
}

/** A German postal code that became a number (01067 → 1067) gets its leading zero back. */
export function postalText(cell: Cell): Parsed<string> {
  const text = cellText(cell);
  if (text.ok && typeof cell === 'number' && /^\d{4}$/.test(text.value)) {
    return ok(`0${text.value}`);
  }
  return text;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'wahr', '✓', '✔', 'ok']);
const NO = new Set(['nein', 'n', 'no', '0', 'false', 'falsch', '-', '']);

/** ja/nein in German or English, 1/0, x, WAHR/FALSCH, a checkbox value. */
export function flagValue(cell: Cell): Parsed<boolean> {
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  const v = text.value.toLowerCase();
  return YES.has(v) ? ok(true) : NO.has(v) ? ok(false) : bad('flag_invalid', text.value);
}

const ALLOWED = new Set(['erlaubt', 'allowed', 'ja', 'yes', 'zulassen', 'frei']);
const RESTRICTED = new Set([
  'beschränkt',
  'beschraenkt',
  'eingeschränkt',
  'eingeschraenkt',
  'restricted',
  'nutzung beschränken',
  'nein',
  'no',
]);

export function nomadicValue(cell: Cell): Parsed<'allowed' | 'restricted' | undefined> {
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  const v = text.value.toLowerCase();
  if (v === '') {
    return ok(undefined);
  }
  return ALLOWED.has(v)
    ? ok('allowed')
    : RESTRICTED.has(v)
      ? ok('restricted')
      : bad('nomadic_invalid', text.value);
}

const ASAP = new Set([
  '',
  '-',
  'sofort',
  'asap',
  'so schnell wie möglich',
  'so schnell wie moeglich',
  'as soon as possible',
  'schnellstmöglich',
]);

/**
 * An activation day: null for "so schnell wie möglich" (empty), YYYY-MM-DD otherwise. Accepts
 * Excel serials (1900 or 1904 system), DD.MM.YYYY, D.M.YY, YYYY-MM-DD (also with a time),
 * DD/MM/YYYY; the wizard's rule then checks that the day is real and not in the past.
 */
export function dateValue(cell: Cell, date1904: boolean): Parsed<string | null> {
  if (
    typeof cell === 'number' ||
    (cell !== null && typeof cell === 'object' && cell.kind === 'date')
  ) {
    const serial = typeof cell === 'number' ? cell : cell.serial;
    const day = serialToDay(serial, date1904);
    return day ? ok(day) : bad('date_invalid', numberText(serial));
  }
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  const v = text.value;
  if (ASAP.has(v.toLowerCase())) {
    return ok(null);
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(v);
  const german = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})$/.exec(v);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  let y: number, m: number, d: number;
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (german ?? slashed) {
    const parts = (german ?? slashed)!;
    [d, m, y] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    if (y < 100) {
      y += 2000;
    }
  } else if (/^\d+(\.\d+)?$/.test(v)) {
    // A serial that arrived as text (CSV written from a date column formatted as number).
    const day = serialToDay(Number(v), date1904);
    return day ? ok(day) : bad('date_invalid', v);
  } else {
    return bad('date_invalid', v);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return bad('date_invalid', v);
  }
  return ok(date.toISOString().slice(0, 10));
}

/** Excel serial day → YYYY-MM-DD (the time of day is dropped); null outside 1900–9999. */
export function serialToDay(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) {
    return null;
  }
  // 1900 system: day 1 = 1900-01-01 and Excel's phantom 29 Feb 1900 (serial 60) — so from
  // serial 61 on, counting from 1899-12-30 is right.
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial < 61 ? 31 : 30);
  const ms = base + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** "Konferenz, Assistenzfunktion" / "a;b" / one per line → the separate names. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n|]+/)
    .map((part) => clean(part))
    .filter((part) => part !== '');
}

/** Lower-case, one space: how names of groups, devices, … are compared. */
export const nameKey = (value: string) => clean(value).toLowerCase();
