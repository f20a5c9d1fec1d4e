/** How many failures within the window lock a key, and for how long. */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;

/** Per account: five wrong passwords in 15 minutes lock the account for 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};
/** Per address: twenty failures in 15 minutes lock the address (password spraying). */
export const ADDRESS_POLICY: ThrottlePolicy = {
  maxFailures: 20,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};
/** Per account for one-time codes: ten wrong codes in 15 minutes lock code entry. */
export const CODE_POLICY: ThrottlePolicy = {
  maxFailures: 10,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** The state after one more failure at `now`. */
export function registerFailure(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > policy.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedUntil =
    failures >= policy.maxFailures
      ? new Date(now.getTime() + policy.lockMs)
      : (state?.lockedUntil ?? null);
  return { failures: failures >= policy.maxFailures ? 0 : failures, windowStartedAt, lockedUntil };
}

/** Milliseconds until the key may try again; 0 when it is not locked. */
export function lockRemainingMs(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) {
    return 0;
  }
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}
