// How long and how often a delivery is retried, and when a failing endpoint is turned off.

export interface DeliveryPolicy {
  /** The wait after the first failed attempt; each further failure doubles it. */
  readonly initialDelayMs: number;
  /** No wait is longer than this. */
  readonly maxDelayMs: number;
  /** Retries stop this long after the message was made (or manually redelivered); then it is FAILED. */
  readonly retryWindowMs: number;
  /** An endpoint whose every attempt failed for this long is disabled (reason FAILING). */
  readonly disableAfterMs: number;
  /** One attempt: connect, send, and the answer's headers. */
  readonly timeoutMs: number;
}

const HOUR = 3_600_000;

/** Retries for 72 hours (the floor), waits from 5 s up to 4 h, an endpoint off after 5 days of failures. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = Object.freeze({
  initialDelayMs: 5_000,
  maxDelayMs: 4 * HOUR,
  retryWindowMs: 72 * HOUR,
  disableAfterMs: 5 * 24 * HOUR,
  timeoutMs: 15_000,
});

/**
 * The wait after `attempts` failed attempts: exponential, capped, with "equal jitter" (half fixed, half
 * random), so receivers coming back from an outage are not hit by every sender at once, and no wait collapses
 * to nothing as full jitter allows.
 */
export function retryDelayMs(
  attempts: number,
  policy: DeliveryPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 40);
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * How long a claimed attempt holds its message: past it, a process that died mid-attempt has its message sent
 * again (at least once; the receiver de-duplicates by `webhook-id`).
 */
export function attemptLeaseMs(policy: DeliveryPolicy): number {
  return policy.timeoutMs * 2 + 1_000;
}
