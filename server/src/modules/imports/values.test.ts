import { describe, expect, it } from 'vitest';
import {
  cellText,
  clean,
  dateValue,
  flagValue,
  nomadicValue,
  phoneText,
  postalText,
  serialToDay,
  splitList,
} from './values.ts';

// Issue 9: "Values as spreadsheet programs write them: phone numbers that lost their leading 0 or
// became numbers, dates as serials or text, stray spaces".
describe('cell values as spreadsheet programs write them', () => {
  it.each([
    ['0228 1234401', '0228 1234401'],
    [2281234401, '02281234401'],
    ['2281234401', '02281234401'],
    [15112345678, '015112345678'],
    [492281234403, '+492281234403'],
    [4915112345671, '+4915112345671'],
    ['+49 228 1234402', '+49 228 1234402'],
    ['  0228 / 1234-401 ', '0228 / 1234-401'],
    ['', ''],
    [null, ''],
  ])('phone number %j → %j', (cell, expected) => {
    expect(phoneText(cell)).toEqual({ ok: true, value: expected });
  });

  it('refuses numbers that lost digits in scientific notation', () => {
    expect(phoneText('4,91511E+11')).toMatchObject({
      ok: false,
      problem: { rule: 'import.value.number_scientific' },
    });
  });

  it.each([
    [46402, '2027-01-15'],
    [{ kind: 'date' as const, serial: 46402 }, '2027-01-15'],
    [{ kind: 'date' as const, serial: 46402.75 }, '2027-01-15'],
    ['15.01.2027', '2027-01-15'],
    ['15.1.27', '2027-01-15'],
    ['2027-01-15', '2027-01-15'],
    ['2027-01-15T00:00:00', '2027-01-15'],
    ['15/01/2027', '2027-01-15'],
    ['46402', '2027-01-15'],
    ['', null],
    ['sofort', null],
    ['so schnell wie möglich', null],
  ])('activation date %j → %j', (cell, expected) => {
    expect(dateValue(cell, false)).toEqual({ ok: true, value: expected });
  });

  it("reads serials of the 1904 date system and Excel's phantom 29 Feb 1900", () => {
    expect(serialToDay(44940, true)).toBe('2027-01-15');
    expect(serialToDay(59, false)).toBe('1900-02-28');
    expect(serialToDay(61, false)).toBe('1900-03-01');
  });

  it.each(['31.02.2027', 'morgen', '2027-13-01'])('refuses the date %j', (cell) => {
    expect(dateValue(cell, false)).toMatchObject({
      ok: false,
      problem: { rule: 'import.value.date_invalid', value: cell },
    });
  });

  it('takes stray and non-breaking spaces out', () => {
    expect(clean('\u00a0 Anna\u202f  Maria \t')).toBe('Anna Maria');
    expect(cellText('  anna.alt ')).toEqual({ ok: true, value: 'anna.alt' });
    // The quick path (nothing but trimming to do) and the full one agree.
    for (const value of [
      ' Anna Maria ',
      'Anna  Maria',
      'Anna\tMaria',
      'Anna\u2009Maria',
      '\ufeffA',
    ]) {
      const full = value
        .replace(/[\u00a0\u2007\u202f\u2000-\u200b\ufeff]/g, ' ')
        .replace(/[ \t]+/g, ' ')
        .trim();
      expect(clean(value)).toBe(full);
    }
  });

  it('gives German postal codes their leading zero back', () => {
    expect(postalText(1067)).toEqual({ ok: true, value: '01067' });
    expect(postalText('01067')).toEqual({ ok: true, value: '01067' });
    expect(postalText(53113)).toEqual({ ok: true, value: '53113' });
  });

  it.each([
    ['ja', true],
    ['Yes', true],
    ['x', true],
    [true, true],
    [1, true],
    ['nein', false],
    ['', false],
    [false, false],
  ])('yes/no %j → %j', (cell, expected) => {
    expect(flagValue(cell)).toEqual({ ok: true, value: expected });
  });

  it('nomadic use in German or English', () => {
    expect(nomadicValue('beschränkt')).toEqual({ ok: true, value: 'restricted' });
    expect(nomadicValue('Allowed')).toEqual({ ok: true, value: 'allowed' });
    expect(nomadicValue('')).toEqual({ ok: true, value: undefined });
    expect(nomadicValue('vielleicht')).toMatchObject({ ok: false });
  });

  it('formulas without a stored value and error cells are problems, never evaluated', () => {
    expect(cellText({ kind: 'formula_without_value' })).toMatchObject({
      ok: false,
      problem: { rule: 'import.value.formula_without_value' },
    });
    expect(cellText({ kind: 'error', text: '#NV' })).toMatchObject({
      ok: false,
      problem: { rule: 'import.value.cell_error', value: '#NV' },
    });
  });

  it('splits add-on lists', () => {
    expect(splitList('Konferenz, Assistenzfunktion;call_analytics\n')).toEqual([
      'Konferenz',
      'Assistenzfunktion',
      'call_analytics',
    ]);
  });
});
