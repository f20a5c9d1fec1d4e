import { describe, expect, it } from 'vitest';
import {
  decadeLengths,
  lengthenProblem,
  locate,
  numberAt,
  shortenProblem,
  standardExtensionLength,
  visibleLengths,
} from './block.ts';

// 089 1234 with extensions 00–99 (seed 001 example).
const block = { prefix: '891234', extensionLength: 2 };
const plain = { digit: 6, extra: 0 };
const longer = { digit: 6, extra: 1 };

describe('block lengths (seed 001, Rufnummernlänge)', () => {
  it('a decade offers the short number, the contractual length and its lengthening', () => {
    expect(
      decadeLengths(block, longer).map((l) => [
        l.extensionLength,
        l.displayLength,
        l.count,
        l.kind,
      ]),
    ).toEqual([
      [1, 9, 1, 'short'],
      [2, 10, 10, 'standard'],
      [3, 11, 100, 'lengthened'],
    ]);
  });

  it('"Durch Verlängerung … wird der Rufnummernraum der 620 … erweitert: 6200 … 6209"', () => {
    expect(numberAt(block, longer, 3, 0)).toBe('891234600');
    expect(numberAt(block, longer, 3, 20)).toBe('891234620');
    const after = { prefix: '89123', extensionLength: 3 };
    expect(numberAt(after, { digit: 6, extra: 1 }, 4, 200)).toBe('8912362' + '00');
  });

  it.each([
    ['Standardlänge: the contractual length', plain, 'standard', [2]],
    ['Standardlänge: for lengthened decades the longest', longer, 'standard', [3]],
    [
      '"Jede" (expert view) shows every length, the central number -0 included',
      longer,
      'any',
      [1, 2, 3],
    ],
    ['a display length (11-stellig: 089 1234-6xx)', longer, 11, [3]],
    ['a length the decade does not have', plain, 14, []],
  ] as const)('%s', (_rule, decade, filter, expected) => {
    expect(visibleLengths(block, decade, filter).map((l) => l.extensionLength)).toEqual(expected);
  });

  it('the central number -0 is shown only with "Jede"', () => {
    const zero = { digit: 0, extra: 0 };
    const shown = (filter: 'standard' | 'any') =>
      visibleLengths(block, zero, filter).some(
        (l) => numberAt(block, zero, l.extensionLength, 0) === '8912340',
      );
    expect(shown('standard')).toBe(false);
    expect(shown('any')).toBe(true);
  });

  it('standard length is the longest length of a lengthened decade', () => {
    expect(standardExtensionLength(block, longer)).toBe(3);
  });
});

// Seed 001, Hinweis: "Die Länge von Rufnummern ist … für den nationalen Telefonverkehr auf maximal
// 12 Ziffern begrenzt. Die Ortsnetzkennzahl ist dabei eingeschlossen, die Verkehrsausscheidungsziffer
// „0" ausgeschlossen. … mit der internationalen Vorwahl “+49” … ist der Maximalwert 14-stellig."
describe('lengthening limit: 12 national digits, 14 with 49', () => {
  it.each([
    ['8 digits + 4 = 12: allowed', { prefix: '891234', extensionLength: 2 }, 4, null],
    ['8 digits + 5 = 13: refused', { prefix: '891234', extensionLength: 2 }, 5, 'too_long'],
    ['0228 638 (7) + 2 + 3 = 12: allowed', { prefix: '228638', extensionLength: 3 }, 3, null],
    ['0228 638 + 3 + 4 = 13: refused', { prefix: '228638', extensionLength: 3 }, 4, 'too_long'],
    ['zero digits is no lengthening', { prefix: '891234', extensionLength: 2 }, 0, 'not_positive'],
  ] as const)('%s', (_rule, b, by, expected) => {
    expect(lengthenProblem(b, plain, by)).toBe(expected);
  });

  it('counts what a decade is already lengthened by', () => {
    expect(lengthenProblem(block, { digit: 1, extra: 3 }, 1)).toBeNull();
    expect(lengthenProblem(block, { digit: 1, extra: 4 }, 1)).toBe('too_long');
  });

  it('the Zoom upload allows 13 digits (seed 000)', () => {
    expect(lengthenProblem(block, plain, 5, 13)).toBeNull();
  });
});

describe('undoing a lengthening', () => {
  it.each([
    ['refused while a number of it is assigned', longer, 1, 1, 'in_use'],
    ['allowed when none is assigned', longer, 1, 0, null],
    ['not lengthened that far', longer, 2, 0, 'not_lengthened'],
  ] as const)('%s', (_rule, decade, by, assigned, expected) => {
    expect(shortenProblem(decade, by, assigned)).toBe(expected);
  });
});

describe('locate', () => {
  it('finds decade, length and index of a number of the block', () => {
    expect(locate(block, [plain], '89123465')).toEqual({
      decade: plain,
      extensionLength: 2,
      index: 5,
    });
    expect(locate(block, [plain], '8912346')).toEqual({
      decade: plain,
      extensionLength: 1,
      index: 0,
    });
    expect(locate(block, [plain], '891234650')).toBeNull();
    expect(locate(block, [plain], '89123455')).toBeNull();
    expect(locate(block, [plain], '30123465')).toBeNull();
  });
});
