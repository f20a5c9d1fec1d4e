// Internal numbers (Durchwahl/Nebenstelle) of a workplace — seed 001 "Wichtige Einschränkung bei
// der Auswahl interner Rufnummern". Pure; uniqueness in the company is the server's
// (validation.workplace.internal_number_taken).
import { LIMITS } from '../limits.ts';
import type { RuleIssue } from '../workplaces/issues.ts';

const FIELD = 'number.internalNumber';
const KEY = 'validation.workplace';
const issue = (
  rule: string,
  severity: RuleIssue['severity'],
  params?: RuleIssue['params'],
): RuleIssue => ({ field: FIELD, rule: `${KEY}.${rule}`, severity, ...(params ? { params } : {}) });

export interface InternalNumberOptions {
  /** The workplace books MagentaEINS Business Integration (mobile mode 'integration'). */
  mobileIntegration: boolean;
}

/**
 * The rules of an internal number, errors and warnings. Digits only, 2–6 digits; not 77…/78…,
 * not five digits 118…, not 110…/112…; 911 only with a warning — and with mobile integration
 * additionally no two-digit numbers, none starting with 0, and 911 refused.
 */
export function internalNumberIssues(value: string, opts: InternalNumberOptions): RuleIssue[] {
  const number = value.trim();
  const { min, max } = LIMITS.workplace.internalNumber;
  if (number === '') {
    return [issue('internal_number_required', 'error')];
  }
  if (!/^\d+$/.test(number)) {
    return [issue('internal_number_digits', 'error')];
  }
  const issues: RuleIssue[] = [];
  if (number.length < min || number.length > max) {
    issues.push(issue('internal_number_length', 'error', { min, max }));
  }
  if (/^7[78]/.test(number)) {
    issues.push(issue('internal_number_77_78', 'error'));
  }
  if (number.length === 5 && number.startsWith('118')) {
    issues.push(issue('internal_number_118', 'error'));
  }
  if (/^11[02]/.test(number)) {
    issues.push(issue('internal_number_110_112', 'error'));
  }
  if (opts.mobileIntegration) {
    if (number.length === 2) {
      issues.push(issue('internal_number_two_digits_integration', 'error'));
    }
    if (number.startsWith('0')) {
      issues.push(issue('internal_number_leading_zero_integration', 'error'));
    }
    if (number === '911') {
      issues.push(issue('internal_number_911_integration', 'error'));
    }
  } else if (number === '911') {
    issues.push(issue('internal_number_911', 'warning'));
  }
  return issues;
}

export interface ProposeOptions {
  mobileIntegration?: boolean;
  /** Internal numbers already used in the company; a proposal avoids them. */
  taken?: Iterable<string>;
}

/**
 * Proposes the internal number for a chosen number (seed 001: "Wenn Sie dem Arbeitsplatz eine
 * andere interne Rufnummer zuweisen möchten als vorgeschlagen, überschreiben Sie … die interne
 * Rufnummer"): the block's extension digits when `extensionLength` is known, else the last four
 * digits. When that suffix breaks a rule (or only warns, like 911, or is taken) one more digit
 * of the number is taken, up to six; '' when nothing fits.
 */
export function proposeInternalNumber(
  e164OrNational: string,
  extensionLength?: number,
  opts: ProposeOptions = {},
): string {
  const digits = e164OrNational.replace(/\D/g, '');
  const { min, max } = LIMITS.workplace.internalNumber;
  const wanted =
    extensionLength !== undefined && extensionLength > 0 ? Math.round(extensionLength) : 4;
  const start = Math.min(Math.max(wanted, min), max);
  const taken = new Set(opts.taken ?? []);
  const options = { mobileIntegration: opts.mobileIntegration ?? false };
  for (let length = start; length <= max && length <= digits.length; length += 1) {
    const candidate = digits.slice(-length);
    if (!taken.has(candidate) && internalNumberIssues(candidate, options).length === 0) {
      return candidate;
    }
  }
  return '';
}
