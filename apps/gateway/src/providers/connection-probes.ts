// Probes: ask a connection's provider whether it still works, record the answer through the state service
// (hysteresis, pages and events in one transaction; healthy probes that change nothing share one UPDATE, see
// the db's probe recorder), and say how it went for the probe scheduler. An OAuth
// connection is probed through its adapter; an EXCHANGE one through its organization's Interop settings.
import { createProbeRecorder, type ProbeRecorder, type ProviderErrorClassificationLike } from '@tsunagi/db';
import { isProviderError, outcomeForCode } from '@tsunagi/errors';
import type { ProbeResult } from '@tsunagi/providers';
import { type AdapterOverrides, openConnectionAdapter } from './connection-adapter.js';
import { probeExchangeMailbox } from './exchange.js';
import type { ProviderAccess } from './provider-access.js';
import { type CheckConnectionRequest, fail, fromService, type ProviderResult } from './registry.js';

/** How one probe went, for the probe scheduler (the result itself is already recorded). */
export interface ConnectionProbeOutcome {
  /** The provider answered; false for a failure (transient or broken). */
  readonly healthy: boolean;
  /** The failure, or the at-risk warning of a healthy probe. */
  readonly classification?: ProviderErrorClassificationLike;
  /** The provider asked for a pause (RATE_LIMITED, PROVIDER_UNAVAILABLE with Retry-After…). */
  readonly retryAfterSeconds?: number;
}

export interface ConnectionProbesOptions extends AdapterOverrides {
  /** A probe that takes longer is abandoned (and recorded as a transient failure), default 20 s. */
  readonly probeTimeoutMs?: number | undefined;
  /** A refresh token whose known expiry is closer than this makes the connection AT_RISK, default 7 days. */
  readonly refreshExpiryWarningMs?: number | undefined;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 20_000;
export const DEFAULT_REFRESH_EXPIRY_WARNING_MS = 7 * 24 * 60 * 60 * 1000;

type ProbeTarget = { probe(signal: AbortSignal): Promise<ProbeResult> };

function atRiskFor(missingScopes: readonly string[]): ProviderErrorClassificationLike | undefined {
  if (missingScopes.length === 0) return undefined;
  return {
    code: 'INSUFFICIENT_SCOPE',
    ...outcomeForCode('INSUFFICIENT_SCOPE'),
    connectionBroken: false,
    providerReason: 'missing_scopes',
    message: `The grant lacks ${missingScopes.join(', ')}`,
  };
}

/** A refresh token that will expire soon: the connection works now but needs a reconnect before then. */
function refreshExpiryRisk(
  expiresAt: number | undefined,
  now: number,
  warningMs = DEFAULT_REFRESH_EXPIRY_WARNING_MS,
): ProviderErrorClassificationLike | undefined {
  if (expiresAt === undefined || expiresAt - now > warningMs) return undefined;
  return {
    code: 'AUTH_EXPIRED',
    action: 'REAUTHORIZE',
    retryable: false,
    connectionBroken: false,
    providerReason: 'refresh_token_expiring',
    message: `The refresh token expires at ${new Date(expiresAt).toISOString()}; reconnect before then`,
  };
}

export class ConnectionProbes {
  readonly #access: ProviderAccess;
  readonly #options: ConnectionProbesOptions;
  readonly #recorder: ProbeRecorder;

  constructor(access: ProviderAccess, options: ConnectionProbesOptions = {}) {
    this.#access = access;
    this.#options = options;
    this.#recorder = createProbeRecorder({ db: access.db, state: access.state });
  }

  /** Probes one connection and records the result (hysteresis, pages, events), and says how it went: the
   * scheduler pauses a provider that answered with Retry-After. */
  async probe(request: CheckConnectionRequest): Promise<ProviderResult<ConnectionProbeOutcome>> {
    const target = await this.#target(request);
    if (!target.ok) return target;
    let outcome:
      | { ok: true; atRisk?: ProviderErrorClassificationLike }
      | {
          ok: false;
          classification: ProviderErrorClassificationLike;
        };
    const deadline = AbortSignal.timeout(this.#options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
    try {
      const probe: ProbeResult = await target.value.probe(deadline);
      const atRisk =
        probe.warning ??
        atRiskFor(probe.missingScopes) ??
        refreshExpiryRisk(probe.refreshTokenExpiresAt, this.#now(), this.#options.refreshExpiryWarningMs);
      outcome = atRisk === undefined ? { ok: true } : { ok: true, atRisk };
    } catch (error) {
      if (!isProviderError(error)) {
        // Our deadline ended the probe (the retry helper reports it as an abort): a transient failure.
        if (deadline.aborted) {
          outcome = {
            ok: false,
            classification: {
              code: 'NETWORK_UNREACHABLE',
              ...outcomeForCode('NETWORK_UNREACHABLE'),
              provider: request.provider,
              message: 'The provider did not answer in time',
            },
          };
        } else {
          this.#access.logger.error(
            { provider: request.provider, connectionId: request.connectionId },
            'probe failed',
          );
          return fail('PROVIDER_ERROR', 'The connection could not be checked', {
            provider: request.provider,
          });
        }
      } else {
        outcome = { ok: false, classification: error.classification };
      }
    }
    const recorded = await this.#recorder.record(request.organizationId, request.connectionId, outcome);
    if (!recorded.ok) return fromService(recorded.error);
    const classification = outcome.ok ? outcome.atRisk : outcome.classification;
    const retryAfterSeconds = outcome.ok ? undefined : outcome.classification.retryAfterSeconds;
    return {
      ok: true,
      value: {
        healthy: outcome.ok,
        ...(classification === undefined ? {} : { classification }),
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      },
    };
  }

  /** What answers one connection's probe: its adapter around its sealed tokens, or (EXCHANGE) the
   * organization's Interop settings reading the connection's mailbox. */
  async #target(request: CheckConnectionRequest): Promise<ProviderResult<ProbeTarget>> {
    const { exchange, db } = this.#access;
    if (request.provider === 'EXCHANGE' && exchange !== undefined) {
      const connection = await db.query.connections.findFirst({
        where: (t, { and, eq }) =>
          and(eq(t.organizationId, request.organizationId), eq(t.id, request.connectionId)),
        columns: { accountEmail: true, accountExternalId: true },
      });
      if (connection === undefined) return fail('NOT_FOUND', 'Connection not found');
      const mailbox = connection.accountEmail ?? connection.accountExternalId.replace(/^exchange:/, '');
      return {
        ok: true,
        value: { probe: (signal) => probeExchangeMailbox(exchange, request.organizationId, mailbox, signal) },
      };
    }
    return openConnectionAdapter(this.#access, this.#options, request);
  }

  #now(): number {
    return this.#options.clock?.now() ?? Date.now();
  }
}
