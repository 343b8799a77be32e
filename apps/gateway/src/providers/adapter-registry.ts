// The provider registry backed by real adapters (packages/providers): a composition of small services, each
// with one job, around one shared ProviderAccess (provider-access.ts) — the OAuth connect and reconnect flow
// (oauth-flow.ts), probes (connection-probes.ts, opening adapters through connection-adapter.ts), Exchange
// linking and rechecks (exchange-connections.ts), and revocation on unlink (revocation.ts). Every state
// change goes through the db state service (one transaction each: status, credentials, pages, events).
import type { ConnectionProvider, Database, Keyring, StateService } from '@tsunagi/db';
import type { Clock } from '@tsunagi/errors';
import type { AdapterContext, Logger } from '@tsunagi/providers';
import { refreshGrant } from '../foresight/keep-alive.js';
import type { AdapterOverrides } from './connection-adapter.js';
import { type ConnectionProbeOutcome, ConnectionProbes } from './connection-probes.js';
import type { ExchangeAccess } from './exchange.js';
import { ExchangeConnections } from './exchange-connections.js';
import { OAuthConnectFlow } from './oauth-flow.js';
import { NO_CLIENT_ORIGINS, type OAuthClientOrigins } from './oauth-origins.js';
import { createProviderAccess, type ProviderAccess, type ProviderAdapters } from './provider-access.js';
import {
  type AuthorizationStarted,
  type BindBrowserRequest,
  type BrowserBound,
  type CallbackOutcome,
  type CallbackRequest,
  type CheckConnectionRequest,
  type CompleteAuthorizationRequest,
  type ConnectExchangeRequest,
  fail,
  type ProviderRegistry,
  type ProviderResult,
  type RevocableGrant,
  type StartAuthorizationRequest,
} from './registry.js';
import { prepareRevocation, revokeGrants } from './revocation.js';

export interface AdapterProviderRegistryOptions {
  readonly db: Database;
  readonly keyring: Keyring;
  readonly state: StateService;
  readonly adapters: ProviderAdapters;
  /** The gateway's public origin; the default redirect URI is `${publicUrl}/oauth/callback/${provider}`. */
  readonly publicUrl: string | (() => string);
  /** Client origins a flow may redirect to or return to (OAUTH_REDIRECT_ORIGINS, OAUTH_RETURN_ORIGINS). */
  readonly clientOrigins?: OAuthClientOrigins;
  /** How long an authorization may take, default 600 s. */
  readonly stateTtlSeconds?: number;
  /** Clock of the authorization states (tests move it to expire a state). */
  readonly now?: () => Date;
  /** Adapter clock and retry overrides (tests skip Retry-After waits). */
  readonly clock?: Clock;
  readonly retry?: AdapterContext['retry'];
  readonly logger?: Logger;
  /** A probe that takes longer is abandoned (and recorded as a transient failure), default 20 s. */
  readonly probeTimeoutMs?: number;
  /** A refresh token whose known expiry is closer than this makes the connection AT_RISK, default 7 days. */
  readonly refreshExpiryWarningMs?: number;
  /** EXCHANGE connections: read through each organization's Interop settings (no OAuth). */
  readonly exchange?: ExchangeAccess;
}

export class AdapterProviderRegistry implements ProviderRegistry {
  readonly #access: ProviderAccess;
  readonly #oauth: OAuthConnectFlow;
  readonly #probes: ConnectionProbes;
  readonly #exchange: ExchangeConnections;
  readonly #overrides: AdapterOverrides;

  constructor(options: AdapterProviderRegistryOptions) {
    this.#access = createProviderAccess(options);
    this.#overrides = { clock: options.clock, retry: options.retry };
    const { publicUrl } = options;
    this.#oauth = new OAuthConnectFlow(this.#access, {
      keyring: options.keyring,
      publicUrl: typeof publicUrl === 'string' ? () => publicUrl : publicUrl,
      origins: options.clientOrigins ?? NO_CLIENT_ORIGINS,
      stateTtlSeconds: options.stateTtlSeconds,
      now: options.now,
    });
    this.#probes = new ConnectionProbes(this.#access, {
      clock: options.clock,
      retry: options.retry,
      probeTimeoutMs: options.probeTimeoutMs,
      refreshExpiryWarningMs: options.refreshExpiryWarningMs,
    });
    this.#exchange = new ExchangeConnections(this.#access, this.#probes, options.probeTimeoutMs);
  }

  /** Where the provider sends the user back when the client names no redirect URI. */
  redirectUriFor(provider: ConnectionProvider): string {
    return this.#oauth.redirectUriFor(provider);
  }

  /** Providers with an adapter, and EXCHANGE when Interop access is configured (what probes cover). */
  providers(): ConnectionProvider[] {
    return this.#access.providers();
  }

  async startAuthorization(
    request: StartAuthorizationRequest,
  ): Promise<ProviderResult<AuthorizationStarted>> {
    if (request.provider === 'EXCHANGE' && this.#access.exchange !== undefined) {
      return fail(
        'BAD_USER_INPUT',
        "Exchange calendars are read through the organization's Calendar Interop settings, not a sign-in: link one with connectExchangeCalendar and test it again with checkConnection",
        { provider: 'EXCHANGE', reason: 'NOT_OAUTH' },
      );
    }
    return this.#oauth.start(request);
  }

  bindBrowser(request: BindBrowserRequest): Promise<ProviderResult<BrowserBound>> {
    return this.#oauth.bindBrowser(request);
  }

  completeAuthorization(
    request: CompleteAuthorizationRequest,
  ): Promise<ProviderResult<{ connectionId: string }>> {
    return this.#oauth.completeAuthorization(request);
  }

  completeCallback(request: CallbackRequest): Promise<CallbackOutcome> {
    return this.#oauth.completeCallback(request);
  }

  prepareRevocation(request: {
    organizationId: string;
    connectionId: string;
  }): Promise<(() => Promise<void>) | null> {
    return prepareRevocation(this.#access, request);
  }

  revokeGrants(grants: readonly RevocableGrant[]): Promise<void> {
    return revokeGrants(this.#access, grants);
  }

  async checkConnection(request: CheckConnectionRequest): Promise<ProviderResult<void>> {
    const probed = await this.#probes.probe(request);
    return probed.ok ? { ok: true, value: undefined } : probed;
  }

  /** Probes one connection and records the result like `checkConnection`, and says how it went (the probe
   * scheduler pauses a provider that answered with Retry-After). */
  probeConnection(request: CheckConnectionRequest): Promise<ProviderResult<ConnectionProbeOutcome>> {
    return this.#probes.probe(request);
  }

  /** Foresight's keep-alive: refreshes the connection's grant now (see foresight/keep-alive.ts). */
  keepGrantAlive(request: CheckConnectionRequest): Promise<boolean> {
    return refreshGrant(this.#access, this.#overrides, request);
  }

  connectExchange(request: ConnectExchangeRequest): Promise<ProviderResult<{ connectionId: string }>> {
    return this.#exchange.connect(request);
  }

  recheckExchange(organizationId: string): Promise<{ checked: number; healthy: number }> {
    return this.#exchange.recheck(organizationId);
  }
}
