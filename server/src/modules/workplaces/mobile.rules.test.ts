import { describe, expect, it } from 'vitest';
import {
  checkMobileNumber,
  normalizeCustomerAccount,
  type FrameworkEntry,
  type MobileCheckOutcome,
} from './mobile.rules.ts';

const framework: FrameworkEntry[] = [
  { prefix: '1701234', tariffKey: 'business_mobil_m' }, // a range of the framework
  { prefix: '15112345678', tariffKey: 'business_mobil_l' }, // a single number
  { prefix: '1609999', tariffKey: 'retired_tariff' }, // a tariff no longer eligible
];
const eligibleTariffs = ['business_mobil_m', 'business_mobil_l', 'privat_mobil_m'];

describe('mobile integration check (seed 001 "MagentaEINS Business Integration aktivieren")', () => {
  it.each<[string, string, string | undefined, MobileCheckOutcome, boolean, string | null]>([
    [
      'a number of a framework range: eligible with its tariff',
      '0170 1234567',
      undefined,
      'framework',
      true,
      'business_mobil_m',
    ],
    [
      'a single framework number, written +49',
      '+49 151 12345678',
      undefined,
      'framework',
      true,
      'business_mobil_l',
    ],
    [
      'a framework entry whose tariff is not eligible (CPBX_berechtigte_Mobilfunktarife)',
      '0160 9999123',
      undefined,
      'framework_tariff_not_eligible',
      false,
      'retired_tariff',
    ],
    [
      '"Wenn eine Telekom-Mobilfunknummer integriert werden soll, die nicht im … Rahmenvertrag enthalten ist, so ist … die Eingabe der Kundenkontonummer notwendig"',
      '0171 5555555',
      undefined,
      'needs_customer_account',
      false,
      null,
    ],
    [
      '… with the customer account number it is accepted',
      '0171 5555555',
      '12 3456 7890',
      'customer_account',
      true,
      null,
    ],
    [
      '… a customer account number of the wrong length',
      '0171 5555555',
      '123456789',
      'customer_account_invalid',
      false,
      null,
    ],
    [
      '"Für Kunden mit anderen Mobilfunkverträgen ist MagentaEINS Business Integration nicht verfügbar"',
      '0176 12345678',
      '1234567890',
      'not_telekom',
      false,
      null,
    ],
    ['not a mobile number', '0228 123456', undefined, 'invalid', false, null],
  ])('%s', (_name, mobileNumber, customerAccount, outcome, eligible, tariff) => {
    const result = checkMobileNumber({ mobileNumber, customerAccount, framework, eligibleTariffs });
    expect(result).toMatchObject({ outcome, eligible, tariff });
    expect(result.needsCustomerAccount).toBe(
      outcome === 'needs_customer_account' || outcome === 'customer_account_invalid',
    );
    expect(result.messageKey).toMatch(/^validation\.workplace\./);
  });

  it('reads customer account numbers as people type them', () => {
    expect(normalizeCustomerAccount('12 3456-7890')).toBe('1234567890');
    expect(normalizeCustomerAccount('12345678901')).toBeNull();
    expect(normalizeCustomerAccount(undefined)).toBeNull();
  });
});
