import { describe, expect, it } from 'vitest';
import { matchesNumber, matchingSuffixes, parseNumberSearch, type NumberSearch } from './search.ts';

// Seed 001, "Rufnummernübersicht filtern / Nach Rufnummern suchen": "Die Suche nach Rufnummern
// können Sie mit 0xy oder +49xy durchgeführt werden. … ergänzen Sie die Suche mit dem * vor der
// "0" (bspw. *030 für das Suchergebnis 022863803058)."
describe('parseNumberSearch', () => {
  it.each([
    ['0xy: from the start', '089 1234', { mode: 'prefix', digits: '0891234' }],
    [
      '+49xy: from the start, international form',
      '+49 89 1234',
      { mode: 'prefix', digits: '0891234' },
    ],
    ['0049xy: from the start', '0049-89/1234', { mode: 'prefix', digits: '0891234' }],
    ['*digits: anywhere', '*030', { mode: 'contains', digits: '030' }],
    ['separators ignored', '(0228) 638-03', { mode: 'prefix', digits: '022863803' }],
    ['digits without 0: anywhere', '3803', { mode: 'contains', digits: '3803' }],
    ['not a number', 'abc', null],
    ['only a star', '*', null],
  ])('%s: %j', (_rule, input, expected) => {
    expect(parseNumberSearch(input)).toEqual(expected);
  });
});

/** Brute force over every suffix, for comparison. */
function brute(head: string, m: number, search: NumberSearch, from = 0, limit = 50): number[] {
  const out: number[] = [];
  for (let x = from; x < 10 ** m && out.length < limit; x++) {
    if (matchesNumber(head + String(x).padStart(m, '0'), search)) {
      out.push(x);
    }
  }
  return out;
}

describe('matchingSuffixes', () => {
  it('*030 finds 022863803058 (seed 001)', () => {
    const search = parseNumberSearch('*030')!;
    // Block 0228 638030 with four-digit extensions: 3058 is one of its numbers.
    expect(matchingSuffixes('0228638', 5, search, 3058, 1)).toEqual([3058]);
    expect(matchesNumber('022863803058', search)).toBe(true);
  });

  it.each([
    ['prefix inside the head', '089123', 3, '*0891'],
    ['prefix reaching into the suffix', '089123', 3, '08912345'],
    ['prefix not matching', '089123', 3, '0301'],
    ['contains in head', '089123', 2, '*912'],
    ['contains across head and suffix', '089123', 3, '*2345'],
    ['contains inside the suffix', '0301', 5, '*777'],
    ['contains with repeats', '0300', 5, '*00'],
    ['contains longer than suffix', '03012', 2, '*1299'],
    ['digits without 0', '022863', 5, '8030'],
  ])('agrees with brute force: %s', (_name, head, m, input) => {
    const search = parseNumberSearch(input)!;
    expect(matchingSuffixes(head, m, search, 0, 500)).toEqual(brute(head, m, search, 0, 500));
    expect(matchingSuffixes(head, m, search, 777, 40)).toEqual(brute(head, m, search, 777, 40));
  });

  it('finds the one match among a million numbers, and the next page is empty', () => {
    const search = parseNumberSearch('*424242')!;
    expect(matchingSuffixes('030123', 6, search, 0, 50)).toEqual([424242]);
    expect(matchingSuffixes('030123', 6, search, 424243, 50)).toEqual([]);
  });
});
