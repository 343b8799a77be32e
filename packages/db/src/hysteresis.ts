// How one observation moves a stored connection (DESIGN §2 "Hysteresis"). The status rule itself is the
// engine's `nextConnectionStatus`; this adds what storage keeps: health, counters and the last error.
import {
  DEFAULT_HYSTERESIS_POLICY,
  type HysteresisPolicy,
  nextConnectionStatus,
} from '@tsunagi/booking-rules';
import type { ConnectionHealth, ConnectionStatus, StoredConnectionError } from './schema.js';

export type { HysteresisPolicy };
export { DEFAULT_HYSTERESIS_POLICY };

/** What `@tsunagi/errors` `classifyProviderError` returns, as far as storage cares. */
export interface ProviderErrorClassificationLike {
  code: string;
  action: string;
  retryable: boolean;
  connectionBroken: boolean;
  provider?: string | undefined;
  httpStatus?: number | undefined;
  providerReason?: string | undefined;
  providerCode?: string | undefined;
  subReason?: string | undefined;
  retryAfterSeconds?: number | undefined;
  message: string;
}

/** AT_RISK: when the connection is predicted to stop working, and the rule (foresight's AT_RISK_REASONS). */
export interface BreakagePrediction {
  breaksAt: Date;
  reason: string;
}

export type ProbeResult =
  /**
   * `atRisk`: it works, but a near-expiry secret or missing scope will break it; stored as lastError, with
   * `foresight` (when and why) stored on the connection.
   */
  | { ok: true; atRisk?: ProviderErrorClassificationLike; foresight?: BreakagePrediction }
  | { ok: false; classification: ProviderErrorClassificationLike };

export interface ConnectionHealthState {
  status: ConnectionStatus;
  health: ConnectionHealth;
  lastError: StoredConnectionError | null;
  consecutiveFailures: number;
  failureRunStartedAt: Date | null;
  /** AT_RISK only (cleared otherwise when written): when it will break, and why. */
  breaksAt?: Date | null;
  atRiskReason?: string | null;
}

export function storedError(
  classification: ProviderErrorClassificationLike,
  occurredAt: Date,
): StoredConnectionError {
  return {
    code: classification.code,
    action: classification.action,
    retryable: classification.retryable,
    connectionBroken: classification.connectionBroken,
    provider: classification.provider ?? null,
    httpStatus: classification.httpStatus ?? null,
    providerReason: classification.providerReason ?? null,
    providerCode: classification.providerCode ?? null,
    subReason: classification.subReason ?? null,
    retryAfterSeconds: classification.retryAfterSeconds ?? null,
    message: classification.message,
    occurredAt: occurredAt.toISOString(),
  };
}

/** The next state after a probe of a linked (CONNECTED or ERROR) connection. */
export function applyProbeResult(
  state: ConnectionHealthState,
  result: ProbeResult,
  now: Date,
  policy: HysteresisPolicy = DEFAULT_HYSTERESIS_POLICY,
): ConnectionHealthState {
  // Foresight's prediction is foresight's to clear (recordForesight): a probe that finds the grant working
  // says nothing of when it will stop, so the stored prediction stays.
  const kept: BreakagePrediction | undefined =
    state.status === 'CONNECTED' &&
    state.health === 'AT_RISK' &&
    state.breaksAt != null &&
    state.atRiskReason != null
      ? { breaksAt: state.breaksAt, reason: state.atRiskReason }
      : undefined;
  const foresight = result.ok ? (result.foresight ?? kept) : undefined;
  const next = nextConnectionStatus(
    toEngineState(state),
    result.ok
      ? { ok: true, at: now.getTime(), atRisk: result.atRisk !== undefined || foresight !== undefined }
      : { ok: false, at: now.getTime(), connectionBroken: result.classification.connectionBroken },
    policy,
  );
  let lastError: StoredConnectionError | null;
  if (result.ok) lastError = result.atRisk === undefined ? null : storedError(result.atRisk, now);
  else if (
    !result.classification.connectionBroken &&
    state.status === 'ERROR' &&
    state.lastError?.connectionBroken
  )
    // Already needs a person: a transient blip must not hide what they have to fix.
    lastError = state.lastError;
  else lastError = storedError(result.classification, now);
  const stored = fromEngineState(next, lastError);
  if (foresight === undefined || stored.health !== 'AT_RISK') return stored;
  return { ...stored, breaksAt: foresight.breaksAt, atRiskReason: foresight.reason };
}

/** A failure seen outside a probe that the caller judged broken (e.g. the token refresh was refused). */
export function applyConnectionError(
  state: ConnectionHealthState,
  classification: ProviderErrorClassificationLike,
  now: Date,
): ConnectionHealthState {
  const next = nextConnectionStatus(toEngineState(state), {
    ok: false,
    at: now.getTime(),
    connectionBroken: true,
  });
  return fromEngineState(next, storedError(classification, now));
}

function toEngineState(state: ConnectionHealthState) {
  return {
    status: state.status,
    health: state.status === 'CONNECTED' && state.health !== 'BROKEN' ? state.health : null,
    transientFailures: state.consecutiveFailures,
    runStartedAt: state.failureRunStartedAt?.getTime() ?? null,
  };
}

function fromEngineState(
  next: ReturnType<typeof nextConnectionStatus>,
  lastError: StoredConnectionError | null,
): ConnectionHealthState {
  return {
    status: next.status,
    health: next.status === 'CONNECTED' ? (next.health ?? 'HEALTHY') : 'BROKEN',
    lastError,
    consecutiveFailures: next.transientFailures,
    failureRunStartedAt: next.runStartedAt === null ? null : new Date(next.runStartedAt),
  };
}
