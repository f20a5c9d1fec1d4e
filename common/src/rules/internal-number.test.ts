import { describe, expect, it } from 'vitest';
import { internalNumberIssues, proposeInternalNumber } from './internal-number.ts';

const K = 'validation.workplace.';
const S77 =
  'Seed 001: "keine internen Rufnummer beginnend mit den Ziffern 77 oder 78 verwenden, da diese mit gesonderten Funktionen verknüpft sind"';
const S118 =
  'Seed 001: "Verwenden Sie zudem keine 5-stelligen internen Rufnummern beginnend mit 118."';
const S110 =
  'Seed 001: "Interne Rufnummern beginnend mit 110 oder 112 können nicht verwendet werden."';
const S911 =
  'Seed 001: "Bitte beachten Sie, dass die interne Rufnummer 911 nicht verwendet werden sollte. Denn bei Nutzung des Mobile-Clients führt dies zu einem Anruf zum Notruf."';
const SLEN = 'Issue 7: "internal numbers have 2–6 digits"';
const SM2 = 'Seed 001 (MagentaEINS): "Keine Verwendung von zweistelligen internen Rufnummern"';
const SM0 = 'Seed 001 (MagentaEINS): "Keine Verwendung von internen Rufnummern beginnend mit "O""';
const SM911 = 'Seed 001 (MagentaEINS): "Keine Verwendung der Rufnummer "911""';

type Row = [string, 'error' | 'warning' | null, string | null, string];

describe('internalNumberIssues without mobile integration', () => {
  const rows: Row[] = [
    ['7712', 'error', `${K}internal_number_77_78`, S77],
    ['77', 'error', `${K}internal_number_77_78`, S77],
    ['781234', 'error', `${K}internal_number_77_78`, S77],
    ['7', 'error', `${K}internal_number_length`, SLEN],
    ['1234567', 'error', `${K}internal_number_length`, SLEN],
    ['', 'error', `${K}internal_number_required`, SLEN],
    ['12a4', 'error', `${K}internal_number_digits`, SLEN],
    ['+123', 'error', `${K}internal_number_digits`, SLEN],
    ['11833', 'error', `${K}internal_number_118`, S118],
    ['1180', null, null, `${S118} (only five digits)`],
    ['118333', null, null, `${S118} (only five digits)`],
    ['110', 'error', `${K}internal_number_110_112`, S110],
    ['1100', 'error', `${K}internal_number_110_112`, S110],
    ['112', 'error', `${K}internal_number_110_112`, S110],
    ['11234', 'error', `${K}internal_number_110_112`, S110],
    ['111', null, null, S110],
    ['911', 'warning', `${K}internal_number_911`, S911],
    ['9110', null, null, `${S911} (only the number 911 itself)`],
    ['10', null, null, `${SLEN} (two digits allowed without integration)`],
    ['0123', null, null, `${SM0} (allowed without integration)`],
    ['123456', null, null, SLEN],
    ['79', null, null, S77],
    ['87', null, null, S77],
  ];
  it.each(rows)('%j → %s %s — %s', (value, severity, rule) => {
    const issues = internalNumberIssues(value, { mobileIntegration: false });
    if (rule === null) {
      expect(issues).toEqual([]);
    } else {
      expect(issues).toContainEqual(
        expect.objectContaining({ field: 'number.internalNumber', rule, severity }),
      );
    }
  });

  it('reports each broken rule once: "7" is only too short, "7712345" too long and 77', () => {
    expect(
      internalNumberIssues('7712345', { mobileIntegration: false }).map((i) => i.rule),
    ).toEqual([`${K}internal_number_length`, `${K}internal_number_77_78`]);
    expect(internalNumberIssues('1', { mobileIntegration: false })).toEqual([
      {
        field: 'number.internalNumber',
        rule: `${K}internal_number_length`,
        severity: 'error',
        params: { min: 2, max: 6 },
      },
    ]);
  });
});

describe('internalNumberIssues with MagentaEINS Business Integration', () => {
  const rows: Row[] = [
    ['12', 'error', `${K}internal_number_two_digits_integration`, SM2],
    ['0123', 'error', `${K}internal_number_leading_zero_integration`, SM0],
    ['05', 'error', `${K}internal_number_leading_zero_integration`, SM0],
    ['911', 'error', `${K}internal_number_911_integration`, SM911],
    ['7712', 'error', `${K}internal_number_77_78`, S77],
    ['11833', 'error', `${K}internal_number_118`, S118],
    ['112', 'error', `${K}internal_number_110_112`, S110],
    ['123', null, null, SM2],
    ['4711', null, null, SM0],
  ];
  it.each(rows)('%j → %s %s — %s', (value, severity, rule) => {
    const issues = internalNumberIssues(value, { mobileIntegration: true });
    if (rule === null) {
      expect(issues).toEqual([]);
    } else {
      expect(issues).toContainEqual(
        expect.objectContaining({ field: 'number.internalNumber', rule, severity }),
      );
    }
  });

  it(`911 is an error only, not also the warning — ${SM911}`, () => {
    expect(internalNumberIssues('911', { mobileIntegration: true })).toEqual([
      {
        field: 'number.internalNumber',
        rule: `${K}internal_number_911_integration`,
        severity: 'error',
      },
    ]);
  });
});

describe('proposeInternalNumber', () => {
  const SPROP =
    'Seed 001: "Wenn Sie dem Arbeitsplatz eine andere interne Rufnummer zuweisen möchten als vorgeschlagen, überschreiben Sie im Eingabefeld interne Rufnummer die interne Rufnummer."';
  const rows: [string, number | undefined, boolean, string, string][] = [
    ['+49891234560', 2, false, '60', `${SPROP} (the block's extension digits)`],
    ['+49891234560', 3, false, '560', SPROP],
    ['089 1234-560', 3, false, '560', `${SPROP} (national notation)`],
    ['+49891234560', undefined, false, '4560', `${SPROP} (last four digits without block data)`],
    ['+49891237712', 4, false, '37712', `${S77} → one more digit`],
    ['+49897777712', 4, false, '', `${S77} → nothing valid up to six digits`],
    ['+49891211833', 3, false, '833', S118],
    ['+49891211833', 5, false, '211833', `${S118} → six digits are allowed`],
    ['+4989123112', 3, false, '3112', `${S110} → one more digit`],
    ['+4989123911', 3, false, '3911', `${S911} → a proposal avoids even the warning`],
    ['+49891234512', 2, true, '512', `${SM2} → three digits with integration`],
    ['+49891230123', 4, true, '30123', `${SM0} → no leading 0 with integration`],
    ['+49891230123', 4, false, '0123', `${SM0} (allowed without integration)`],
    ['+49891234567', 1, false, '67', `${SLEN} (a one-digit block extension gets two digits)`],
    ['+49891234567', 8, false, '234567', `${SLEN} (at most six digits)`],
    ['', 3, false, '', 'no number chosen yet'],
  ];
  it.each(rows)('%s (extension %s, integration %s) → %j — %s', (number, ext, mobile, expected) => {
    expect(proposeInternalNumber(number, ext, { mobileIntegration: mobile })).toBe(expected);
  });

  it('skips internal numbers already taken in the company (uniqueness: server)', () => {
    expect(proposeInternalNumber('+49891234560', 3, { taken: ['560'] })).toBe('4560');
  });

  it('every proposal passes the rules', () => {
    for (const [number, ext, mobile] of rows) {
      const proposal = proposeInternalNumber(number, ext, { mobileIntegration: mobile });
      if (proposal !== '') {
        expect(internalNumberIssues(proposal, { mobileIntegration: mobile })).toEqual([]);
      }
    }
  });
});
