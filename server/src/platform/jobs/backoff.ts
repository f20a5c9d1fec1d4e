export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** 0…1: share of the delay that is randomised, so retries of many jobs spread out. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 15 * 60_000, jitter: 0.2 };

/** Delay before the next attempt after `attempt` failed attempts: exponential, capped, jittered. */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempt - 1);
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  const spread = raw * policy.jitter;
  return Math.round(raw - spread + random() * spread);
}
