// Pure rules of the Cloud PBX workplace (seed 001 "Arbeitsplatz einrichten"). Shared by the
// server (which decides) and the web wizard (which shows the same messages early). No I/O.
// Every issue names its field as `<section>.<field>` (docs/contracts/workplaces-orders.md) and
// its rule as the i18n key (namespace "errors") of its message.
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { parseGermanNumber } from '../numbers/parse.ts';
import { error, warning, type RuleIssue } from '../workplaces/issues.ts';

export { hasErrors, type RuleIssue } from '../workplaces/issues.ts';
export {
  SET_UP_STATUSES,
  activationDateIssues,
  addDays,
  deletableFrom,
  deleteIssues,
  groupChangeIssues,
  isIsoDay,
  minimumTermEnd,
  quotaIssues,
  usernameChangeIssues,
} from '../workplaces/lifecycle.ts';

// ---------------------------------------------------------------------------------------------
// Benutzername
// ---------------------------------------------------------------------------------------------

const UMLAUTS = /[äöüÄÖÜß]/g;
const UPPER = /[A-Z]/g;
const SEPARATORS = '_-.';
const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9äöüÄÖÜß]/.test(c);
const unique = (chars: readonly string[]) => [...new Set(chars)].join(' ');

/**
 * Seed 001 "Benutzername vergeben": at least five characters, lower-case letters and digits, no
 * umlauts; `_ - .` only with a letter or digit before and after each; starts and ends with a
 * letter or digit. One issue per broken rule. (Unique: the server, `username_taken`.)
 */
export function usernameIssues(username: string): RuleIssue[] {
  const field = 'login.username';
  const value = username;
  if (value.trim() === '') {
    return [error(field, 'username_required')];
  }
  const issues: RuleIssue[] = [];
  const chars = [...value];
  if (chars.length < LIMITS.username.min) {
    issues.push(error(field, 'username_too_short', { min: LIMITS.username.min }));
  }
  if (chars.length > LIMITS.username.max) {
    issues.push(error(field, 'username_too_long', { max: LIMITS.username.max }));
  }
  const umlauts = value.match(UMLAUTS);
  if (umlauts) {
    issues.push(error(field, 'username_umlaut', { chars: unique(umlauts) }));
  }
  const upper = value.match(UPPER);
  if (upper) {
    issues.push(error(field, 'username_uppercase', { chars: unique(upper) }));
  }
  const other = chars.filter((c) => !/[a-zA-Z0-9äöüÄÖÜß_.-]/.test(c));
  if (other.length > 0) {
    const shown = other.map((c) => (/\s/.test(c) ? '␣' : c));
    issues.push(error(field, 'username_invalid_characters', { chars: unique(shown) }));
  }
  // A separator needs a letter or digit on both sides: no two in a row.
  const doubled = chars.some(
    (c, i) => SEPARATORS.includes(c) && i > 0 && SEPARATORS.includes(chars[i - 1] ?? ''),
  );
  if (doubled) {
    issues.push(error(field, 'username_separator_sequence'));
  }
  if (!isAlnum(chars[0]) || !isAlnum(chars[chars.length - 1])) {
    issues.push(error(field, 'username_start_end'));
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Anmeldedaten: E-Mail-Adresse zur Authentifizierung, Passwort-Zustellung
// ---------------------------------------------------------------------------------------------

const emailSchema = z.email().max(LIMITS.email.max);

/** A syntactically usable e-mail address (the same check as the server's zod schemas). */
export const isValidEmail = (email: string) => emailSchema.safeParse(email.trim()).success;

/**
 * Seed 001: "Geben Sie im Eingabefeld E-Mail-Adresse zur Authentifizierung die E-Mail-Adresse ein
 * und wiederholen Sie die Eingabe zur Bestätigung". Compared trimmed and case-insensitively.
 */
export function authEmailIssues(email: string, confirm: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const first = email.trim();
  const second = confirm.trim();
  if (first === '') {
    issues.push(error('login.authEmail', 'auth_email_required'));
  } else if (!isValidEmail(first)) {
    issues.push(error('login.authEmail', 'auth_email_invalid'));
  }
  if (second === '') {
    issues.push(error('login.authEmailConfirm', 'auth_email_confirm_required'));
  } else if (first !== '' && first.toLowerCase() !== second.toLowerCase()) {
    issues.push(error('login.authEmailConfirm', 'auth_email_mismatch'));
  }
  return issues;
}

/** A valid German mobile number (parseGermanNumber with use 'mobile'). */
export const isValidMobile = (value: string) => parseGermanNumber(value, 'mobile').ok;

/**
 * Seed 001 "Versand der Anmeldedaten & des temporären Passwortes": a mobile number for the SMS
 * with the password, or "Authentifizierung ohne Mobilfunknummer" (password by e-mail) — not both;
 * without a mobile number a warning repeats the seed's advice.
 */
export function passwordDeliveryIssues(input: {
  authMobile?: string | null;
  withoutMobile: boolean;
}): RuleIssue[] {
  const mobile = (input.authMobile ?? '').trim();
  const issues: RuleIssue[] = [];
  if (mobile !== '' && !isValidMobile(mobile)) {
    issues.push(error('login.authMobile', 'auth_mobile_invalid'));
  }
  if (mobile !== '' && input.withoutMobile) {
    issues.push(error('login.withoutMobile', 'auth_mobile_and_without'));
  }
  if (mobile === '' && !input.withoutMobile) {
    issues.push(error('login.authMobile', 'auth_mobile_required'));
  }
  if (mobile === '' && input.withoutMobile) {
    issues.push(warning('login.withoutMobile', 'without_mobile_advice'));
  }
  return issues;
}

/** 'sms' when a mobile number is given, else 'email' (the workplace's passwordDelivery). */
export const passwordDeliveryOf = (input: {
  authMobile?: string | null;
  withoutMobile?: boolean;
}) => ((input.authMobile ?? '').trim() !== '' && !input.withoutMobile ? 'sms' : 'email');

// ---------------------------------------------------------------------------------------------
// Endgeräte, weitere Rufnummern
// ---------------------------------------------------------------------------------------------

/** Seed 001: "Arbeitsplätzen können bis zu 6 Endgeräte zugewiesen werden." */
export function deviceIssues(count: number): RuleIssue[] {
  const max = LIMITS.workplace.devicesMax;
  return count > max ? [error('devices.devices', 'too_many_devices', { max, count })] : [];
}

const MAC = /^[0-9a-f]{12}$/;

/** "00:04:F2:AB:CD:EF", "00-04-f2-ab-cd-ef", "0004F2ABCDEF" → "0004f2abcdef"; null if not a MAC. */
export function normalizeMac(value: string): string | null {
  const compact = value
    .trim()
    .toLowerCase()
    .replace(/[:\-.\s]/g, '');
  return MAC.test(compact) ? compact : null;
}

/** Optional MAC addresses of the assigned devices: well-formed and not twice on the workplace. */
export function deviceMacIssues(macs: readonly (string | null | undefined)[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  macs.forEach((mac, index) => {
    if (mac === null || mac === undefined || mac.trim() === '') {
      return;
    }
    const field = `devices.devices.${index}.macAddress`;
    const normalized = normalizeMac(mac);
    if (normalized === null) {
      issues.push(error(field, 'mac_invalid', { mac: mac.trim() }));
    } else if (seen.has(normalized)) {
      issues.push(error(field, 'mac_duplicate', { mac: mac.trim() }));
    } else {
      seen.add(normalized);
    }
  });
  return issues;
}

const e164Of = (value: string) => {
  const parsed = parseGermanNumber(value);
  return parsed.ok ? parsed.e164 : null;
};

/** Up to 10 additional numbers for incoming calls: valid, no duplicates, not the main number. */
export function additionalNumberIssues(numbers: string[], mainNumber?: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const max = LIMITS.workplace.additionalNumbersMax;
  if (numbers.length > max) {
    issues.push(
      error('number.additionalNumbers', 'too_many_additional_numbers', {
        max,
        count: numbers.length,
      }),
    );
  }
  const main = mainNumber ? e164Of(mainNumber) : null;
  const seen = new Set<string>();
  numbers.forEach((number, index) => {
    const field = `number.additionalNumbers.${index}`;
    const e164 = e164Of(number);
    if (e164 === null) {
      issues.push(error(field, 'additional_number_invalid', { number: number.trim() }));
    } else if (e164 === main) {
      issues.push(error(field, 'additional_number_is_main', { number: number.trim() }));
    } else if (seen.has(e164)) {
      issues.push(error(field, 'additional_number_duplicate', { number: number.trim() }));
    }
    if (e164 !== null) {
      seen.add(e164);
    }
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Mobile Integration / MagentaEINS Business Integration
// ---------------------------------------------------------------------------------------------

export type MobileMode = 'none' | 'integration' | 'client';

/**
 * MagentaEINS Business Integration needs the mobile number to integrate; seed 001: "dass alle
 * vorgenommenen Rufnummerneinträge bei Parallelem Klingeln und Remote Office gelöscht werden
 * müssen". Integration and mobile client exclude each other by construction (one `mode`). The
 * tariff / customer-account check is the server's (check-mobile).
 */
export function mobileIntegrationIssues(input: {
  mode: MobileMode | null | undefined;
  mobileNumber?: string | null;
  parallelRingingNumbers: number;
  remoteOfficeNumbers: number;
}): RuleIssue[] {
  if (input.mode !== 'integration') {
    return [];
  }
  const issues: RuleIssue[] = [];
  const mobile = (input.mobileNumber ?? '').trim();
  if (mobile === '') {
    issues.push(error('mobile.mobileNumber', 'integration_mobile_required'));
  } else if (!isValidMobile(mobile)) {
    issues.push(error('mobile.mobileNumber', 'integration_mobile_invalid'));
  }
  if (input.parallelRingingNumbers > 0) {
    issues.push(
      error('mobile.mode', 'integration_parallel_ringing', { count: input.parallelRingingNumbers }),
    );
  }
  if (input.remoteOfficeNumbers > 0) {
    issues.push(
      error('mobile.mode', 'integration_remote_office', { count: input.remoteOfficeNumbers }),
    );
  }
  return issues;
}

/** Seed 001 "Mobilfunknummer Adressbuch (optional)": any mobile number, when given. */
export function directoryMobileIssues(value: string | null | undefined): RuleIssue[] {
  const mobile = (value ?? '').trim();
  return mobile !== '' && !isValidMobile(mobile)
    ? [error('mobile.directoryMobile', 'directory_mobile_invalid')]
    : [];
}
