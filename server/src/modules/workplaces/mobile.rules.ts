// MagentaEINS-style mobile integration check (seed 001 "Mobile Integration"). Pure.
//
// How a mobile number maps to "the company's framework contract" (decision, see the report of
// issue 7): the framework is a list of entries `{prefix, tariffKey}` kept per company — a single
// number is a prefix of full length, a range a shorter one — each naming an eligible tariff of the
// catalogue (mobile_tariffs, "CPBX_berechtigte_Mobilfunktarife"). A number in the framework with an
// eligible tariff is eligible at once. A Telekom mobile number outside it needs the customer
// account number (Kundenkontonummer, 10 digits, printed on the mobile bill) — seed 001: "so ist zur
// Authentifizierung die Eingabe der Kundenkontonummer notwendig"; we cannot look up that private
// contract's tariff, so it is accepted on the account number with tariff null. Numbers of other
// carriers cannot be integrated: "Für Kunden mit anderen Mobilfunkverträgen ist MagentaEINS Business
// Integration nicht verfügbar" — they book the Mobile-Client instead.
import { parseGermanNumber } from '../../../../common/src/numbers/parse.ts';

/** Mobile prefixes (without 0) of the Telekom network: 0151x, 0160, 0170, 0171, 0175. */
export const TELEKOM_MOBILE_PREFIXES = ['151', '160', '170', '171', '175'] as const;

export interface FrameworkEntry {
  /** National digits without 0, e.g. "1701234567" (a number) or "170123" (a range). */
  prefix: string;
  tariffKey: string;
}

export type MobileCheckOutcome =
  | 'invalid'
  | 'framework'
  | 'framework_tariff_not_eligible'
  | 'customer_account'
  | 'needs_customer_account'
  | 'customer_account_invalid'
  | 'not_telekom';

export interface MobileCheckResult {
  outcome: MobileCheckOutcome;
  eligible: boolean;
  needsCustomerAccount: boolean;
  tariff: string | null;
  /** i18n key (namespace errors) of the message shown next to the field. */
  messageKey: string;
}

const CUSTOMER_ACCOUNT = /^\d{10}$/;

/** "12 3456 7890" → "1234567890"; null when it is not ten digits. */
export function normalizeCustomerAccount(value: string | null | undefined): string | null {
  const compact = (value ?? '').replace(/[\s-]/g, '');
  return CUSTOMER_ACCOUNT.test(compact) ? compact : null;
}

export const isTelekomMobile = (national: string) =>
  TELEKOM_MOBILE_PREFIXES.some((p) => national.startsWith(p));

const MESSAGE_KEYS: Record<MobileCheckOutcome, string> = {
  invalid: 'validation.workplace.integration_mobile_invalid',
  framework: 'validation.workplace.mobile_eligible_framework',
  framework_tariff_not_eligible: 'validation.workplace.integration_not_eligible',
  customer_account: 'validation.workplace.mobile_eligible_customer_account',
  needs_customer_account: 'validation.workplace.integration_customer_account_required',
  customer_account_invalid: 'validation.workplace.customer_account_invalid',
  not_telekom: 'validation.workplace.integration_not_eligible',
};

const result = (
  outcome: MobileCheckOutcome,
  eligible: boolean,
  tariff: string | null = null,
): MobileCheckResult => ({
  outcome,
  eligible,
  needsCustomerAccount:
    outcome === 'needs_customer_account' || outcome === 'customer_account_invalid',
  tariff,
  messageKey: MESSAGE_KEYS[outcome],
});

/**
 * Whether a mobile number can be integrated: in the framework (with an eligible tariff), or a
 * Telekom number authenticated by its customer account number.
 */
export function checkMobileNumber(input: {
  mobileNumber: string;
  customerAccount?: string | null | undefined;
  framework: readonly FrameworkEntry[];
  eligibleTariffs: readonly string[];
}): MobileCheckResult {
  const parsed = parseGermanNumber(input.mobileNumber, 'mobile');
  if (!parsed.ok) {
    return result('invalid', false);
  }
  const entry = input.framework
    .filter((e) => parsed.national.startsWith(e.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (entry) {
    return input.eligibleTariffs.includes(entry.tariffKey)
      ? result('framework', true, entry.tariffKey)
      : result('framework_tariff_not_eligible', false, entry.tariffKey);
  }
  if (!isTelekomMobile(parsed.national)) {
    return result('not_telekom', false);
  }
  const given = (input.customerAccount ?? '').trim();
  if (given === '') {
    return result('needs_customer_account', false);
  }
  return normalizeCustomerAccount(given)
    ? result('customer_account', true)
    : result('customer_account_invalid', false);
}
