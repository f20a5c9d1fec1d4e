import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  areaCodeOf,
  formatNational,
  parseGermanNumber,
  type NumberUse,
  type ParsedNumber,
} from './parse.ts';

// Issue 4: German numbers in all usual notations (0xy, +49, 0049, spaces, slashes, dashes,
// parentheses), stored as E.164, shown in national format; a clear message otherwise.
describe('parseGermanNumber', () => {
  it.each([
    ['0xy with dash', '089 1234-0', '+498912340'],
    ['+49', '+49 89 12340', '+498912340'],
    ['+49 with (0)', '+49 (0)89 1234-0', '+498912340'],
    ['0049', '0049 89 12340', '+498912340'],
    ['slash', '0228/63803058', '+4922863803058'],
    ['parentheses', '(0228) 638 030 58', '+4922863803058'],
    ['dots', '030.123.4567', '+49301234567'],
    ['mobile', '0151 23456789', '+4915123456789'],
  ])('%s: %s', (_notation, input, e164) => {
    const parsed = parseGermanNumber(input);
    expect(parsed).toMatchObject({ ok: true, e164 });
  });

  it.each([
    ['', 'empty'],
    ['089 12a4', 'invalid_characters'],
    ['+43 1 2345678', 'not_german'],
    ['030', 'too_short'],
    ['0301234567890123', 'too_long'],
    ['12345678', 'invalid'],
    ['00 89 1234', 'not_german'],
  ])('%j is refused: %s', (input, problem) => {
    expect(parseGermanNumber(input)).toEqual({ ok: false, problem });
  });

  it('checks the kind of number where the field needs one', () => {
    expect(parseGermanNumber('089 12340', 'mobile')).toEqual({ ok: false, problem: 'not_mobile' });
    expect(parseGermanNumber('0151 23456789', 'fixed_line')).toEqual({
      ok: false,
      problem: 'not_fixed_line',
    });
    expect(parseGermanNumber('0151 23456789', 'mobile').ok).toBe(true);
  });
});

describe('national format', () => {
  it('finds the area code and writes blocks with their extension', () => {
    expect(areaCodeOf('8912340')).toBe('89');
    expect(areaCodeOf('22863803058')).toBe('228');
    expect(formatNational('+498912346', 1, 2)).toBe('089 1234-6');
    expect(formatNational('+4922863803058')).toBe('0228 63803058');
  });
});

describe('the remembered numbering plan', () => {
  /** parseGermanNumber before it remembered: libphonenumber asked on every call. */
  function uncached(national: string, use: NumberUse): ParsedNumber {
    const parsed = parsePhoneNumberFromString(`+49${national}`);
    if (!parsed?.isPossible() || !parsed.isValid()) {
      return { ok: false, problem: 'invalid' };
    }
    const type = parsed.getType();
    if (use === 'mobile' && type !== 'MOBILE') {
      return { ok: false, problem: 'not_mobile' };
    }
    if (use === 'fixed_line' && type !== 'FIXED_LINE' && type !== 'FIXED_LINE_OR_MOBILE') {
      return { ok: false, problem: 'not_fixed_line' };
    }
    return {
      ok: true,
      e164: `+49${national}`,
      digits: `49${national}`,
      national,
      formatted: parsed.formatNational(),
    };
  }

  it('gives what libphonenumber says, for every kind of number, twice', () => {
    // Deterministic pseudo-random national numbers of every length and leading digits.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const nationals: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const length = 4 + (next() % 10);
      // Every third in the mobile ranges (015x, 016x, 017x).
      let digits = i % 3 === 0 ? `1${5 + (next() % 3)}` : String(1 + (next() % 9));
      while (digits.length < length) {
        digits += String(next() % 10);
      }
      nationals.push(digits);
    }
    for (const national of [...nationals, ...nationals]) {
      for (const use of ['any', 'mobile', 'fixed_line'] as const) {
        const want = uncached(national, use);
        expect({ ...parseGermanNumber(`0${national}`, use) }).toEqual(want);
        expect({ ...parseGermanNumber(`+49 ${national}`, use) }).toEqual(want);
      }
    }
  });
});
