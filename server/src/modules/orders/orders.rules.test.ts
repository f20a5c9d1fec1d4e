import { describe, expect, it } from 'vitest';
import type { OrderItemStatus } from '../../db/schema/index.ts';
import {
  activationDateProblem,
  berlinDay,
  dueAtOf,
  initialStatus,
  isCancellable,
  orderNumber,
  orderSequence,
  orderStatusOf,
  priceCompanyItems,
  priceToken,
  samePrices,
  startOfBerlinDay,
  type CatalogPrice,
} from './orders.rules.ts';

describe('Berlin days', () => {
  it.each([
    ['2026-01-05', '2026-01-04T23:00:00.000Z'], // winter time, UTC+1
    ['2026-07-01', '2026-06-30T22:00:00.000Z'], // summer time, UTC+2
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], // the day DST starts (at 02:00)
    ['2026-10-25', '2026-10-24T22:00:00.000Z'], // the day DST ends (at 03:00)
  ])('%s starts at %s', (day, instant) => {
    expect(startOfBerlinDay(day).toISOString()).toBe(instant);
    expect(berlinDay(startOfBerlinDay(day))).toBe(day);
  });

  it('the Berlin day turns at local midnight', () => {
    expect(berlinDay(new Date('2026-01-04T22:59:59Z'))).toBe('2026-01-04');
    expect(berlinDay(new Date('2026-01-04T23:00:00Z'))).toBe('2026-01-05');
  });
});

describe('due time and initial status (seed 003 "Aktivierungsdatum … Vorausgewählt ist eine schnellstmögliche Ausführung")', () => {
  const placed = new Date('2026-01-01T08:00:00Z');
  it.each([
    ['as soon as possible', null, null, '2026-01-01T08:00:00.000Z', 'ordered'],
    [
      'a future day: its start in Berlin',
      '2026-01-05',
      null,
      '2026-01-04T23:00:00.000Z',
      'scheduled',
    ],
    ['today: at once', '2026-01-01', null, '2026-01-01T08:00:00.000Z', 'ordered'],
    [
      'asap but not before the earliest day',
      null,
      '2026-02-01',
      '2026-01-31T23:00:00.000Z',
      'scheduled',
    ],
  ] as const)('%s', (_label, activationDate, earliestDate, due, status) => {
    const dueAt = dueAtOf({ activationDate, earliestDate }, placed);
    expect(dueAt.toISOString()).toBe(due);
    expect(initialStatus(dueAt, placed)).toBe(status);
  });
});

describe('activation date rules', () => {
  it.each([
    [null, null, null],
    ['2026-01-01', null, null],
    ['2025-12-31', null, 'date_before_today'],
    ['2026-01-10', '2026-01-20', 'date_before_earliest'],
    ['2026-01-20', '2026-01-20', null],
  ] as const)('%s (earliest %s) → %s', (date, earliest, problem) => {
    expect(activationDateProblem(date, earliest, '2026-01-01')).toBe(problem);
  });
});

describe('order status as the summary of its items (issue 6: bestellt, geplant, in Ausführung, ausgeführt, fehlgeschlagen, storniert)', () => {
  it.each([
    [['ordered', 'ordered'], 'ordered'],
    [['scheduled', 'scheduled'], 'scheduled'],
    [['ordered', 'scheduled'], 'ordered'],
    [['running', 'ordered'], 'running'],
    [['done', 'ordered'], 'running'],
    [['done', 'scheduled'], 'running'],
    [['done', 'done'], 'done'],
    [['done', 'cancelled'], 'done'],
    [['cancelled', 'cancelled'], 'cancelled'],
    [['failed', 'done'], 'failed'],
    [['failed', 'running'], 'running'],
    [['failed', 'ordered'], 'failed'],
    [[], 'cancelled'],
  ] as [OrderItemStatus[], OrderItemStatus][])('%j → %s', (items, status) => {
    expect(orderStatusOf(items)).toBe(status);
  });

  it.each([
    ['ordered', true],
    ['scheduled', true],
    ['running', false],
    ['done', false],
    ['failed', false],
    ['cancelled', false],
  ] as [OrderItemStatus, boolean][])('%s cancellable: %s', (status, expected) => {
    expect(isCancellable(status)).toBe(expected);
  });
});

describe('order numbers', () => {
  it('are A-year-sequence with six digits at least', () => {
    expect(orderNumber('2026', 1)).toBe('A-2026-000001');
    expect(orderNumber('2026', 1234567)).toBe('A-2026-1234567');
    expect(orderSequence('A-2026-000042')).toBe(42);
    expect(orderSequence('X')).toBe(0);
    expect(orderSequence(null)).toBe(0);
  });
});

describe('volume prices (seed 001: "Der endgültige Preis je Arbeitsplatz ist abhängig von der Gesamtzahl der aktivierten Arbeitsplätze")', () => {
  const workplace: CatalogPrice = {
    monthlyCents: 1290,
    oneOffCents: 0,
    tiers: [
      { from: 1, monthlyCents: 1290 },
      { from: 11, monthlyCents: 1190 },
    ],
  };
  const setup: CatalogPrice = { monthlyCents: 500, oneOffCents: 4990, tiers: [] };
  const products = new Map([
    ['cloud_pbx_workplace', workplace],
    ['sip_trunk', setup],
  ]);
  const wp = (id: string) => ({ id, lines: [{ productKey: 'cloud_pbx_workplace', quantity: 1 }] });

  it('the company total (booked + cart) picks the tier of every unit', () => {
    const priced = priceCompanyItems(
      [wp('a'), wp('b')],
      products,
      new Map([['cloud_pbx_workplace', 8]]),
    );
    expect(priced.get('a')!.monthlyCents).toBe(1290); // 8 + 2 = 10
    const more = priceCompanyItems(
      [wp('a'), wp('b')],
      products,
      new Map([['cloud_pbx_workplace', 9]]),
    );
    expect(more.get('a')).toEqual({
      lines: [
        {
          productKey: 'cloud_pbx_workplace',
          quantity: 1,
          unitMonthlyCents: 1190,
          oneOffCents: 0,
          tierFrom: 11,
        },
      ],
      oneOffCents: 0,
      monthlyCents: 1190,
    });
  });

  it('one-off prices per unit; flat products have no tier; unknown products cost nothing', () => {
    const priced = priceCompanyItems(
      [
        {
          id: 'x',
          lines: [
            { productKey: 'sip_trunk', quantity: 2 },
            { productKey: 'gone', quantity: 1 },
          ],
        },
      ],
      products,
      new Map(),
    );
    expect(priced.get('x')).toMatchObject({ oneOffCents: 9980, monthlyCents: 1000 });
    expect(priced.get('x')!.lines[0]!.tierFrom).toBeNull();
    expect(priced.get('x')!.lines[1]).toMatchObject({ unitMonthlyCents: 0, oneOffCents: 0 });
  });

  it('the price token changes with any price and not with the item order', () => {
    const a = priceCompanyItems([wp('a'), wp('b')], products, new Map());
    const items = [...a].map(([id, p]) => ({ id, ...p }));
    expect(priceToken(items)).toBe(priceToken([...items].reverse()));
    const changed = [{ ...items[0]!, monthlyCents: 1 }, items[1]!];
    expect(priceToken(changed)).not.toBe(priceToken(items));
    expect(samePrices(items[0]!, items[0]!)).toBe(true);
    expect(samePrices(items[0]!, changed[0]!)).toBe(false);
  });
});
