// Pure rules of MyPortal's first login (seed 003 "Erstanmeldung für Benutzer", seed 001
// "Versand der Anmeldedaten & des temporären Passwortes").
import type { ThrottlePolicy } from '../auth/throttle.rules.ts';

const MINUTE = 60_000;

/** Minutes between "Absenden" of the temporary password and "Weiter" with the new password. */
export const TICKET_MINUTES = 15;

/** Wrong entries after which a temporary password is revoked (a new one must be requested). */
export const MAX_TEMP_PASSWORD_FAILURES = 5;

/**
 * Requests for a temporary password, counted per username and per address whether the username
 * exists or not (so the limit itself tells nothing): five an hour per username.
 */
export const REQUEST_USER_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 60 * MINUTE,
  lockMs: 60 * MINUTE,
};
/** Twenty an hour per address. */
export const REQUEST_ADDRESS_POLICY: ThrottlePolicy = {
  maxFailures: 20,
  windowMs: 60 * MINUTE,
  lockMs: 60 * MINUTE,
};

export const requestUserKey = (username: string) =>
  `myportal:request:user:${username.trim().toLowerCase()}`;
export const requestAddressKey = (ip: string | null) => `myportal:request:ip:${ip ?? 'unknown'}`;
export const verifyUserKey = (username: string) =>
  `myportal:verify:user:${username.trim().toLowerCase()}`;
export const verifyAddressKey = (ip: string | null) => `myportal:verify:ip:${ip ?? 'unknown'}`;

export type Delivery = 'sms' | 'email';

/**
 * Seed 001: with a mobile number the password goes by SMS ("für einen zusätzlichen Nachweis der
 * Identität"), otherwise by e-mail to the authentication address.
 */
export function deliveryOf(workplace: {
  passwordDelivery: Delivery;
  authMobile: string | null;
  authEmail: string;
}): { channel: Delivery; to: string } {
  if (workplace.passwordDelivery === 'sms' && workplace.authMobile) {
    return { channel: 'sms', to: workplace.authMobile };
  }
  return { channel: 'email', to: workplace.authEmail };
}

/** A ticket names the spent temporary password and carries a MAC over it and its use time. */
export function ticketPayload(tempPasswordId: string, usedAt: Date): string {
  return `myportal-ticket:${tempPasswordId}:${usedAt.getTime()}`;
}

/** Splits "<id>.<mac>"; null when it cannot be a ticket. */
export function parseTicket(ticket: string): { id: string; mac: string } | null {
  const match = /^([0-9a-f-]{36})\.([0-9a-f]{64})$/.exec(ticket.trim());
  return match ? { id: match[1]!, mac: match[2]! } : null;
}

/** The ticket is good until TICKET_MINUTES after the temporary password was entered. */
export function ticketExpiry(usedAt: Date): Date {
  return new Date(usedAt.getTime() + TICKET_MINUTES * MINUTE);
}

/** "23.11.2026, 14:30" (Berlin time) for the texts of mails and SMS. */
export function formatExpiry(at: Date, language: 'de' | 'en'): string {
  return at.toLocaleString(language === 'en' ? 'en-GB' : 'de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

/** The mail/SMS language of a workplace (seed 001: only German so far; English when set). */
export const languageOf = (language: string): 'de' | 'en' => (language === 'en' ? 'en' : 'de');
