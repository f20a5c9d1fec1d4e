import { currentLanguage } from '../../../i18n.ts';

const LOCALES = { de: 'de-DE', en: 'en-GB' } as const;

/** Euro cents as a price in the UI language, e.g. "12,90 €". */
export function formatCents(cents: number): string {
  return new Intl.NumberFormat(LOCALES[currentLanguage()], {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}

/** Euro cents as the text of a price field: two decimals, German comma in German. */
export function centsToInput(cents: number): string {
  const text = (cents / 100).toFixed(2);
  return currentLanguage() === 'de' ? text.replace('.', ',') : text;
}

/**
 * A price typed in euro ("12,90", "12.90", "1.234,50 €") as whole cents; null when it is not an
 * amount with at most two decimals. Parsing the digits avoids floating-point rounding.
 */
export function parseEuro(input: string): number | null {
  let text = input.replace(/[\s\u00a0€]/g, '');
  if (text.includes(',')) {
    text = text.replace(/\./g, '').replace(',', '.');
  }
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  if (match === null) {
    return null;
  }
  const [, euros = '0', decimals = ''] = match;
  return Number(euros) * 100 + Number(decimals.padEnd(2, '0'));
}

/** A whole number typed into a count field ("12"); null for anything else. */
export function parseCount(input: string): number | null {
  const text = input.trim();
  return /^\d{1,7}$/.test(text) ? Number(text) : null;
}
