import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVOKED, UNAVAILABLE } from '../test/fixtures.js';
import { applyConnectionError, applyProbeResult, type ConnectionHealthState } from './hysteresis.js';

const MINUTE = 60_000;
const t0 = new Date('2025-01-06T09:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
const healthy: ConnectionHealthState = {
  status: 'CONNECTED',
  health: 'HEALTHY',
  lastError: null,
  consecutiveFailures: 0,
  failureRunStartedAt: null,
};
const transient = { ok: false, classification: UNAVAILABLE } as const;

function probes(minutes: readonly number[], start = healthy): ConnectionHealthState {
  return minutes.reduce((state, m) => applyProbeResult(state, transient, at(m)), start);
}

describe('applyProbeResult', () => {
  it('moves to ERROR at once on a broken failure, storing the classification', () => {
    const next = applyProbeResult(healthy, { ok: false, classification: REVOKED }, t0);
    expect(next).toMatchObject({ status: 'ERROR', health: 'BROKEN' });
    expect(next.lastError).toEqual({
      code: 'AUTH_REVOKED',
      action: 'REAUTHORIZE',
      retryable: false,
      connectionBroken: true,
      provider: 'google-oauth',
      httpStatus: 400,
      providerReason: 'invalid_grant',
      providerCode: null,
      subReason: null,
      retryAfterSeconds: null,
      message: REVOKED.message,
      occurredAt: t0.toISOString(),
    });
  });

  it('keeps a connection CONNECTED but DEGRADED below the threshold', () => {
    expect(probes([0, 5])).toMatchObject({ status: 'CONNECTED', health: 'DEGRADED', consecutiveFailures: 2 });
    expect(probes([0, 5]).failureRunStartedAt).toEqual(at(0));
  });

  it('needs both the count and the span: 3 failures in 10 minutes are not enough, the 4th at 15 is', () => {
    expect(probes([0, 5, 10]).status).toBe('CONNECTED');
    expect(probes([0, 5, 10, 15])).toMatchObject({ status: 'ERROR', health: 'BROKEN' });
    expect(probes([0, 20]).status).toBe('CONNECTED');
    expect(probes([0, 10, 20]).status).toBe('ERROR');
  });

  it('honours configured thresholds', () => {
    const policy = { transientFailuresToError: 2, minimumSpanMs: 0 };
    const once = applyProbeResult(healthy, transient, t0, policy);
    expect(once.status).toBe('CONNECTED');
    expect(applyProbeResult(once, transient, t0, policy).status).toBe('ERROR');
  });

  it('returns to CONNECTED/HEALTHY on one success and resets the run', () => {
    const degraded = probes([0, 5]);
    const recovered = applyProbeResult(degraded, { ok: true }, at(6));
    expect(recovered).toEqual(healthy);
    expect(probes([7, 12, 17], recovered).status).toBe('CONNECTED');
    const errored = applyProbeResult(healthy, { ok: false, classification: REVOKED }, t0);
    expect(applyProbeResult(errored, { ok: true }, at(1))).toEqual(healthy);
  });

  it('does not let a transient blip replace the broken error a person has to fix', () => {
    const errored = applyProbeResult(healthy, { ok: false, classification: REVOKED }, t0);
    const after = applyProbeResult(errored, transient, at(1));
    expect(after.status).toBe('ERROR');
    expect(after.lastError?.code).toBe('AUTH_REVOKED');
  });

  it('marks a working connection AT_RISK with the warning as lastError', () => {
    const next = applyProbeResult(
      healthy,
      { ok: true, atRisk: { ...UNAVAILABLE, code: 'INSUFFICIENT_SCOPE' } },
      t0,
    );
    expect(next).toMatchObject({ status: 'CONNECTED', health: 'AT_RISK' });
    expect(next.lastError?.code).toBe('INSUFFICIENT_SCOPE');
  });

  it('never reaches ERROR from transient failures spanning less than the window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 14 * MINUTE + 59_999 }), { maxLength: 50 }),
        (offsets) => {
          const sorted = [...offsets].sort((a, b) => a - b);
          const state = sorted.reduce(
            (s, offset) => applyProbeResult(s, transient, new Date(t0.getTime() + offset)),
            healthy,
          );
          return state.status === 'CONNECTED';
        },
      ),
    );
  });
});

describe('applyConnectionError', () => {
  it('forces ERROR whatever the classification says', () => {
    expect(applyConnectionError(healthy, UNAVAILABLE, t0)).toMatchObject({
      status: 'ERROR',
      health: 'BROKEN',
    });
  });
});
