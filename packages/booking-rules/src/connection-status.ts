// Hysteresis: how health-probe outcomes move a connection's status, so one blip never disables a page.
import type { ConnectionHealth, ConnectionStatus } from './types.js';

export interface ConnectionStatusState {
  readonly status: ConnectionStatus;
  /** Refines CONNECTED; null otherwise. */
  readonly health: ConnectionHealth | null;
  /** The current run of consecutive transient failures. */
  readonly transientFailures: number;
  /** When that run started (epoch ms), null without a run. */
  readonly runStartedAt: number | null;
}

export type ProbeOutcome =
  | {
      readonly ok: true;
      readonly at: number /** works now but will break (token or secret near expiry, missing scope) */;
      readonly atRisk?: boolean;
    }
  | {
      readonly ok: false;
      readonly at: number /** as classified by @tsunagi/errors */;
      readonly connectionBroken: boolean;
    };

export interface HysteresisPolicy {
  /** Consecutive transient failures needed to move to ERROR… */
  readonly transientFailuresToError: number;
  /** …spanning at least this long from the first to the last. */
  readonly minimumSpanMs: number;
}

export const DEFAULT_HYSTERESIS_POLICY: HysteresisPolicy = Object.freeze({
  transientFailuresToError: 3,
  minimumSpanMs: 15 * 60 * 1000,
});

export function connectionStatusState(status: ConnectionStatus): ConnectionStatusState {
  return {
    status,
    health: status === 'CONNECTED' ? 'HEALTHY' : null,
    transientFailures: 0,
    runStartedAt: null,
  };
}

/**
 * A broken failure (revoked grant, deleted account, missing scope, wrong secret…) moves to ERROR at once;
 * transient ones (429, 5xx, timeouts) only as a run long enough under `policy`; one success returns to CONNECTED.
 * An unlinked (DISCONNECTED) connection stays so: only the person relinks it.
 */
export function nextConnectionStatus(
  state: ConnectionStatusState,
  outcome: ProbeOutcome,
  policy: HysteresisPolicy = DEFAULT_HYSTERESIS_POLICY,
): ConnectionStatusState {
  if (state.status === 'DISCONNECTED') return state;
  if (outcome.ok) {
    return {
      status: 'CONNECTED',
      health: outcome.atRisk ? 'AT_RISK' : 'HEALTHY',
      transientFailures: 0,
      runStartedAt: null,
    };
  }
  if (outcome.connectionBroken)
    return { status: 'ERROR', health: null, transientFailures: 0, runStartedAt: null };
  if (state.status === 'ERROR') return state;
  const transientFailures = state.transientFailures + 1;
  const runStartedAt = state.runStartedAt ?? outcome.at;
  if (
    transientFailures >= policy.transientFailuresToError &&
    outcome.at - runStartedAt >= policy.minimumSpanMs
  ) {
    return { status: 'ERROR', health: null, transientFailures: 0, runStartedAt: null };
  }
  return { status: 'CONNECTED', health: 'DEGRADED', transientFailures, runStartedAt };
}
