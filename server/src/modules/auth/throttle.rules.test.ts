import { describe, expect, it } from 'vitest';
import { lockRemainingMs, registerFailure, type ThrottlePolicy } from './throttle.rules.ts';

const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 60_000, lockMs: 300_000 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('login throttling rules', () => {
  it('locks after maxFailures within the window', () => {
    let state = registerFailure(null, at(0), policy);
    state = registerFailure(state, at(10), policy);
    expect(lockRemainingMs(state, at(10))).toBe(0);
    state = registerFailure(state, at(20), policy);
    expect(lockRemainingMs(state, at(20))).toBe(300_000);
    expect(lockRemainingMs(state, at(320))).toBe(0);
  });

  it('starts a new window when the old one has passed', () => {
    let state = registerFailure(null, at(0), policy);
    state = registerFailure(state, at(10), policy);
    state = registerFailure(state, at(75), policy);
    expect(state.failures).toBe(1);
    expect(lockRemainingMs(state, at(75))).toBe(0);
  });
});
