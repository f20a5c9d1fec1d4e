import { describe, expect, it } from 'vitest';
import { decide, ruleProblem, type BarringRule } from './barring.ts';

const bar = (
  category: BarringRule['category'],
  prefix: string | null = null,
  direction: BarringRule['direction'] = 'outgoing',
): BarringRule => ({
  direction,
  category,
  prefix,
  effect: 'bar',
});
const allow = (prefix: string, direction: BarringRule['direction'] = 'outgoing'): BarringRule => ({
  direction,
  category: 'custom',
  prefix,
  effect: 'allow',
});

// Issue 5: a profile that bars 0900 and international calls but allows 0043.
const profile = [bar('premium_0900'), bar('international'), allow('0043')];

describe('decide: the longest matching prefix decides', () => {
  it.each([
    ['0900 is barred', '09001234567', true],
    ['international is barred', '0033123456789', true],
    ['0043 (Austria) is allowed as exception', '0043123456789', false],
    ['+43 is the same as 0043', '+43 1 234567', false],
    ['national calls are not touched', '0301234567', false],
    ['local calls are not touched', '1234567', false],
  ])('%s', (_rule, dialled, barred) => {
    expect(decide(profile, 'outgoing', dialled).barred).toBe(barred);
  });

  it('rules apply per direction', () => {
    expect(decide([bar('international', null, 'incoming')], 'outgoing', '0033123').barred).toBe(
      false,
    );
    expect(decide([bar('international', null, 'incoming')], 'incoming', '0033123').barred).toBe(
      true,
    );
  });

  it('a longer bar beats a shorter allow, a longer allow beats a shorter bar', () => {
    expect(decide([allow('00'), bar('custom', '0044')], 'outgoing', '00441234').barred).toBe(true);
    expect(decide([bar('national'), allow('030')], 'outgoing', '0301234').barred).toBe(false);
  });

  it('the 0900 tariff digit narrows the premium rule', () => {
    const rules = [bar('premium_0900', '09005')];
    expect(decide(rules, 'outgoing', '09005123456').barred).toBe(true);
    expect(decide(rules, 'outgoing', '09001123456').barred).toBe(false);
  });

  it.each(['110', '112'])('%s always goes through, whatever the rules', (n) => {
    expect(decide([bar('custom', '1'), bar('local')], 'outgoing', n).barred).toBe(false);
  });
});

describe('ruleProblem: 110 and 112 can never be barred', () => {
  it.each([
    ['bar prefix 1', bar('custom', '1'), 'bars_emergency'],
    ['bar prefix 11', bar('custom', '11'), 'bars_emergency'],
    ['bar 112', bar('custom', '112'), 'bars_emergency'],
    ['bar local (leaves 110/112 out)', bar('local'), null],
    ['bar 118xy directory services', bar('directory_118'), null],
    ['allow 1', allow('1'), null],
    ['custom prefix must be digits', bar('custom', '0a'), 'prefix_format'],
    ['0900 with a tariff digit', bar('premium_0900', '09003'), null],
    ['0900 with a bad tariff digit', bar('premium_0900', '0800'), 'tariff_digit'],
  ])('%s', (_name, rule, problem) => {
    expect(ruleProblem(rule)).toBe(problem);
  });
});
