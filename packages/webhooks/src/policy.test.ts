import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_POLICY, retryDelayMs } from './policy.js';

describe('retryDelayMs', () => {
  it('doubles from the initial delay, half of it jittered, and never passes the cap', () => {
    const policy = DEFAULT_DELIVERY_POLICY;
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, policy, () => 1))).toEqual([
      5_000, 10_000, 20_000,
    ]);
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, policy, () => 0))).toEqual([
      2_500, 5_000, 10_000,
    ]);
    expect(retryDelayMs(40, policy, () => 1)).toBe(policy.maxDelayMs);
    expect(retryDelayMs(1000, policy, () => 0)).toBe(policy.maxDelayMs / 2);
  });

  it('keeps retrying for the whole 72-hour window by default', () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < DEFAULT_DELIVERY_POLICY.retryWindowMs) {
      attempts++;
      elapsed += retryDelayMs(attempts, DEFAULT_DELIVERY_POLICY, () => 0.5);
    }
    expect(DEFAULT_DELIVERY_POLICY.retryWindowMs).toBeGreaterThanOrEqual(72 * 3_600_000);
    expect(attempts).toBeGreaterThan(15);
  });
});
