import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.ts';

const policy = { baseMs: 1000, maxMs: 60_000, jitter: 0.2 };

describe('backoffDelayMs', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [7, 60_000],
    [100, 60_000],
  ])('after %i failed attempt(s) waits %i ms at most', (attempt, max) => {
    expect(backoffDelayMs(attempt, policy, () => 1)).toBe(max);
    expect(backoffDelayMs(attempt, policy, () => 0)).toBe(Math.round(max * 0.8));
  });

  it('never returns a negative delay', () => {
    expect(backoffDelayMs(0, policy, () => 0)).toBeGreaterThanOrEqual(0);
  });
});
