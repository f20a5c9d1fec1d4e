import { describe, expect, it } from 'vitest';
import { formatEuro, tierProblems, totalMonthlyCents, unitMonthlyCents } from './pricing.ts';

// Seed 001: "Der endgültige Preis je Arbeitsplatz ist abhängig von der Gesamtzahl der aktivierten
// Arbeitsplätze." The tier the total falls in prices every unit.
const workplace = {
  monthlyCents: 1290,
  tiers: [
    { from: 1, monthlyCents: 1290 },
    { from: 11, monthlyCents: 1190 },
    { from: 51, monthlyCents: 1090 },
  ],
};

describe('volume tiers: the price per unit depends on the company total', () => {
  it.each([
    [1, 1290, 1290],
    [10, 1290, 12900],
    [11, 1190, 13090],
    [50, 1190, 59500],
    [51, 1090, 55590],
    [500, 1090, 545000],
    [0, 1290, 0],
  ])('%i workplaces: %i cents each, %i in total', (count, unit, total) => {
    expect(unitMonthlyCents(workplace, count)).toBe(unit);
    expect(totalMonthlyCents(workplace, count)).toBe(total);
  });

  it('without tiers the base price applies to every count', () => {
    const flat = { monthlyCents: 490, tiers: [] };
    expect(unitMonthlyCents(flat, 1)).toBe(490);
    expect(totalMonthlyCents(flat, 7)).toBe(3430);
  });
});

describe('tierProblems', () => {
  it.each([
    ['empty is fine', [], []],
    ['ascending from 1', [{ from: 1 }, { from: 5 }, { from: 20 }], []],
    ['must start at 1', [{ from: 2 }, { from: 5 }], [{ index: 0, problem: 'tiers_start_at_one' }]],
    [
      'not ascending',
      [{ from: 1 }, { from: 10 }, { from: 10 }],
      [{ index: 2, problem: 'tiers_ascending' }],
    ],
    [
      'descending',
      [{ from: 1 }, { from: 10 }, { from: 5 }],
      [{ index: 2, problem: 'tiers_ascending' }],
    ],
    ['fractions', [{ from: 1 }, { from: 2.5 }], [{ index: 1, problem: 'tiers_from_integer' }]],
  ])('%s', (_name, froms, problems) => {
    expect(tierProblems(froms.map((t) => ({ ...t, monthlyCents: 100 })))).toEqual(problems);
  });
});

describe('formatEuro', () => {
  it.each([
    [0, '0,00 €'],
    [1290, '12,90 €'],
    [545000, '5.450,00 €'],
    [5, '0,05 €'],
  ])('%i cents → %s', (cents, text) => {
    expect(formatEuro(cents)).toBe(text);
  });
});
