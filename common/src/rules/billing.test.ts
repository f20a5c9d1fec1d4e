import { describe, expect, it } from 'vitest';
import {
  addDays,
  berlinDay,
  berlinDayStart,
  billableOn,
  billableParallelCalls,
  currentValueDays,
  dayAmountCents,
  dayCharge,
  dayMaximum,
  daysFrom,
  daysInMonth,
  effectiveEnd,
  germanDate,
  germanDecimal,
  isDay,
  MAX_CATCH_UP_DAYS,
  parseMonth,
  runDays,
} from './billing.ts';

// The catalogue's parallel calls (server/src/demo/catalog-data.ts).
const parallelCalls = {
  monthlyCents: 590,
  tiers: [
    { from: 1, monthlyCents: 590 },
    { from: 11, monthlyCents: 490 },
    { from: 31, monthlyCents: 390 },
  ],
};

describe('seed 000 Schritt 7: "Die Berechnung erfolgt Tag genau."', () => {
  it.each([
    // quantity, unit price, day, cents: quantity × unit ÷ days of that month, rounded
    [1, 3100, '2026-01-15', 100],
    [8, 590, '2026-01-15', 152], // 4720 / 31 = 152.26
    [8, 590, '2026-02-15', 169], // 4720 / 28 = 168.57
    [8, 590, '2024-02-15', 163], // leap year: 4720 / 29 = 162.76
    [8, 590, '2026-04-30', 157], // 4720 / 30 = 157.33
    [3, 10, '2026-04-01', 1], // 30 / 30 = 1
    [1, 15, '2026-04-01', 1], // 0.5 rounds up
    [1, 14, '2026-04-01', 0], // 0.47 rounds down
    [0, 590, '2026-01-01', 0],
    [5, 0, '2026-01-01', 0],
  ])('%i × %i ct on %s costs %i ct', (quantity, unit, day, cents) => {
    expect(dayAmountCents(quantity, unit, day)).toBe(cents);
  });

  it('a whole month adds up to the monthly price give or take the rounding', () => {
    const days = daysFrom('2026-01-01', '2026-01-31');
    const sum = days.reduce((s, d) => s + dayAmountCents(10, 590, d), 0);
    expect(Math.abs(sum - 5900)).toBeLessThanOrEqual(31);
  });
});

describe('seed 000 Schritt 7: "Die Staffelpreise können Sie unter der AGB-Preisliste einsehen."', () => {
  it.each([
    [1, 590, 1],
    [8, 590, 1],
    [10, 590, 1],
    [11, 490, 11],
    [30, 490, 11],
    [31, 390, 31],
  ])('%i parallel calls cost %i ct each (tier from %i)', (quantity, unit, tierFrom) => {
    const charge = dayCharge(parallelCalls, quantity, '2026-03-10');
    expect(charge.unitMonthlyCents).toBe(unit);
    expect(charge.tierFrom).toBe(tierFrom);
    expect(charge.amountCents).toBe(dayAmountCents(quantity, unit, '2026-03-10'));
  });

  it('a product without tiers costs its base price', () => {
    expect(dayCharge({ monthlyCents: 1990, tiers: [] }, 2, '2026-03-10')).toEqual({
      unitMonthlyCents: 1990,
      amountCents: 128,
      tierFrom: null,
    });
  });
});

describe('seed 000 Schritt 7: "Es wird immer der Tageshöchstwert berechnet."', () => {
  it('5 → 8 → 3 within one day is charged as 8', () => {
    let day: number | null = null;
    for (const value of [5, 8, 3]) {
      day = dayMaximum(day, value);
    }
    expect(day).toBe(8);
  });

  it.each([
    [null, 4, 4],
    [undefined, 0, 0],
    [7, 3, 7],
    [3, 7, 7],
    [2, -1, 2],
  ])('existing %s merged with %i gives %i', (existing, next, max) => {
    expect(dayMaximum(existing, next)).toBe(max);
  });

  it('today always takes the current value; earlier days only after the last row', () => {
    const days = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'];
    expect(currentValueDays(days, '2026-03-10', '2026-03-12')).toEqual([
      '2026-03-11',
      '2026-03-12',
    ]);
    // A change today wrote today's row: the day before stays as it is.
    expect(currentValueDays(days, '2026-03-12', '2026-03-12')).toEqual(['2026-03-12']);
    // No row yet: every day of the run.
    expect(currentValueDays(days, null, '2026-03-12')).toEqual(days);
  });
});

describe('German days and month boundaries', () => {
  it.each([
    ['2026-01-01T08:00:00Z', '2026-01-01'],
    ['2026-01-31T22:59:59Z', '2026-01-31'], // 23:59:59 in Berlin (winter, UTC+1)
    ['2026-01-31T23:00:00Z', '2026-02-01'], // midnight in Berlin: already February
    ['2026-06-30T21:59:59Z', '2026-06-30'], // summer, UTC+2
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
  ])('%s is the German day %s', (instant, day) => {
    expect(berlinDay(new Date(instant))).toBe(day);
  });

  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], // the night clocks go forward
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'], // the night clocks go back
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
  ])('the German day %s starts at %s', (day, instant) => {
    expect(berlinDayStart(day).toISOString()).toBe(instant);
    expect(berlinDay(berlinDayStart(day))).toBe(day);
    expect(berlinDay(new Date(berlinDayStart(day).getTime() - 1))).toBe(addDays(day, -1));
  });

  it.each([
    ['2026-01', 31],
    ['2026-02', 28],
    ['2028-02', 29],
    ['2100-02', 28],
    ['2026-04', 30],
    ['2026-12-24', 31],
  ])('%s has %i days', (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });

  it('steps across month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysFrom('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysFrom('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it.each([
    ['2026-02', { month: '2026-02', first: '2026-02-01', last: '2026-02-28' }],
    ['2026-12', { month: '2026-12', first: '2026-12-01', last: '2026-12-31' }],
    ['2026-13', null],
    ['2026-00', null],
    ['2026-1', null],
    ['26-01', null],
    ['2026-01-01', null],
    ['', null],
    ['Januar', null],
  ])('month %j parses to %j', (text, parsed) => {
    expect(parseMonth(text)).toEqual(parsed);
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-1', false],
  ])('%s is a day: %s', (text, ok) => {
    expect(isDay(text)).toBe(ok);
  });
});

describe('the daily run', () => {
  it('closes the day before and covers every missed day up to today', () => {
    expect(runDays('2026-03-10', '2026-03-10')).toEqual(['2026-03-09', '2026-03-10']);
    expect(runDays('2026-03-08', '2026-03-10')).toEqual([
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
  });

  it('looks back at most MAX_CATCH_UP_DAYS', () => {
    const days = runDays('2025-01-01', '2026-03-10');
    expect(days).toHaveLength(MAX_CATCH_UP_DAYS + 1);
    expect(days.at(-1)).toBe('2026-03-10');
  });
});

describe('issue 6: a cancellation takes effect at the earliest at the end of the minimum term', () => {
  it.each([
    ['2026-01-10', '2026-01-31', '2026-01-31'], // asked for before the term ends: term end
    ['2026-02-15', '2026-01-31', '2026-02-15'], // after it: as asked
    ['2026-01-31', '2026-01-31', '2026-01-31'],
    ['2026-01-10', null, '2026-01-10'], // no minimum term
  ])('requested %s, term ends %s → ends %s', (requested, termEnd, end) => {
    expect(effectiveEnd(requested, termEnd)).toBe(end);
  });

  it.each([
    [{ activeFrom: '2026-01-01', endsOn: '2026-01-31' }, '2026-01-01', true],
    [{ activeFrom: '2026-01-01', endsOn: '2026-01-31' }, '2026-01-30', true],
    [{ activeFrom: '2026-01-01', endsOn: '2026-01-31' }, '2026-01-31', false],
    [{ activeFrom: '2026-01-01', endsOn: null }, '2027-01-01', true],
    [{ activeFrom: '2026-01-02', endsOn: null }, '2026-01-01', false],
    [{ activeFrom: null, endsOn: null }, '2026-01-01', false],
  ])('booking %j is charged on %s: %s', (booking, day, charged) => {
    expect(billableOn(booking, day)).toBe(charged);
  });
});

describe('parallel calls of the contract', () => {
  const contract = { status: 'active', startDate: '2026-01-10', parallelCalls: 8 };
  it.each([
    [contract, '2026-01-10', 8],
    [contract, '2026-01-09', 0],
    [{ ...contract, status: 'ordered' }, '2026-02-01', 0],
  ])('%j on %s: %i', (c, day, n) => {
    expect(billableParallelCalls(c, day)).toBe(n);
  });
});

describe('CSV cells', () => {
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [152, '1,52'],
    [123456, '1234,56'],
    [-152, '-1,52'],
  ])('%i cents → %s', (cents, text) => {
    expect(germanDecimal(cents)).toBe(text);
  });

  it('German dates', () => {
    expect(germanDate('2026-01-05')).toBe('05.01.2026');
  });
});
