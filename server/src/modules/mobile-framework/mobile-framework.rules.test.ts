// Seed 001 "MagentaEINS Business Integration": the numbers "im für Sie berechtigten Geschäftskunden
// Rahmenvertrag" are kept as prefixes; these are the notations an operator may type for them.
import { describe, expect, it } from 'vitest';
import { displayPrefix, parseFrameworkPrefix } from './mobile-framework.rules.ts';

describe('parseFrameworkPrefix: a number or range as people write it', () => {
  it.each([
    ['0170 123', '170123', 'range'],
    ['+49170123', '170123', 'range'],
    ['170123', '170123', 'range'],
    ['0049 170 123', '170123', 'range'],
    ['+49 (0)170 123', '170123', 'range'],
    ['+49 0170 123', '170123', 'range'],
    ['(0170) 123-45', '17012345', 'range'],
    ['0170/123.45', '17012345', 'range'],
    ['0170 123*', '170123', 'range'],
    ['0170 123xxxx', '170123', 'range'],
    ['  0170 123  ', '170123', 'range'],
    ['0170', '170', 'range'],
    ['0170 1234567', '1701234567', 'number'],
    ['+49 151 12345678', '15112345678', 'number'],
    ['01511 2345678', '15112345678', 'number'],
    ['0160 12345678', '16012345678', 'number'],
    // A ported number keeps its original network code: any German mobile prefix can be in it.
    ['0176 12345678', '17612345678', 'number'],
  ])('%s → %s (%s)', (input, prefix, kind) => {
    expect(parseFrameworkPrefix(input)).toEqual({ ok: true, prefix, kind });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0170 12a', 'invalid_characters'],
    ['0170;123', 'invalid_characters'],
    ['+43 170 123', 'not_german'],
    ['0041 170 123', 'not_german'],
    ['089 1234', 'not_mobile'],
    ['0180 123', 'not_mobile'],
    ['0140 123', 'not_mobile'],
    ['0', 'too_short'],
    ['+49', 'too_short'],
    ['*', 'too_short'],
    ['017', 'too_short'],
    ['01', 'too_short'],
    ['0170 12345678901', 'too_long'],
    ['0151 123456789', 'too_long'],
  ])('%j is refused: %s', (input, problem) => {
    expect(parseFrameworkPrefix(input)).toEqual({ ok: false, problem });
  });
});

describe('displayPrefix', () => {
  it.each([
    ['1701234567', 'number', '0170 1234567'],
    ['15112345678', 'number', '01511 2345678'],
    ['170123', 'range', '0170 123…'],
    ['1511', 'range', '01511…'],
    ['151', 'range', '0151…'],
  ] as const)('%s (%s) → %s', (prefix, kind, shown) => {
    expect(displayPrefix(prefix, kind)).toBe(shown);
  });
});
