// The provider registry backed by real adapters (packages/providers): the OAuth connect / reconnect flow
// (oauth-flow.ts), probes through a token store that keeps refreshed tokens sealed in the database, and
// every state change through the db state service (one transaction each: status, credentials, pages, events).
import {
  type ConnectionCredentials,
  type ConnectionProvider,
  type CredentialStore,
  createCredentialStore,
  type Database,
  type Keyring,
  type ProviderErrorClassificationLike,
  type StateService,
  systemActor,
} from '@tsunagi/db';
import { type Clock, isProviderError, outcomeForCode, ProviderError } from '@tsunagi/errors';
import {
  type AdapterContext,
  type CalendarProvider,
  type LocationProvider,
  type Logger,
  noopLogger,
  type OAuthFlow,
  type OAuthTokens,
  type ProbeResult,
  type TokenStore,
} from '@tsunagi/providers';
import { type ExchangeAccess, exchangeAccountId, probeExchangeMailbox } from './exchange.js';
import { OAuthConnectFlow, toCredentials } from './oauth-flow.js';
import { NO_CLIENT_ORIGINS, type OAuthClientOrigins } from './oauth-origins.js';
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
  fromService,
  type ProviderRegistry,
  type ProviderResult,
  type RevocableGrant,
  type StartAuthorizationRequest,
} from './registry.js';

export { ACCOUNT_MISMATCH, CONNECTION_UNLINKED } from './oauth-flow.js';

/** What the gateway needs of one provider: its OAuth flow and how to open one connection's adapter. */
export interface ProviderAdapter {
  readonly oauth: OAuthFlow;
  /** The calendar or location provider of one connection, around that connection's token store. */
  open(context: AdapterContext): CalendarProvider | LocationProvider;
}

export type ProviderAdapters = Partial<Record<ConnectionProvider, ProviderAdapter>>;

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

/** How one probe went, for the probe scheduler (the result itself is already recorded). */
export interface ConnectionProbeOutcome {
  /** The provider answered; false for a failure (transient or broken). */
  readonly healthy: boolean;
  /** The failure, or the at-risk warning of a healthy probe. */
  readonly classification?: ProviderErrorClassificationLike;
  /** The provider asked for a pause (RATE_LIMITED, PROVIDER_UNAVAILABLE with Retry-After…). */
  readonly retryAfterSeconds?: number;
}

export const DEFAULT_REFRESH_EXPIRY_WARNING_MS = 7 * 24 * 60 * 60 * 1000;

function toTokens(credentials: ConnectionCredentials): OAuthTokens {
  return {
    accessToken: credentials.accessToken,
    refreshToken: credentials.refreshToken ?? undefined,
    expiresAt: credentials.expiresAt?.getTime() ?? undefined,
    scopes: credentials.scopes ?? [],
  };
}

/** One connection's tokens, sealed in `connection_credentials`; a refresh is saved before it is used. */
export function credentialTokenStore(
  credentials: CredentialStore,
  organizationId: string,
  connectionId: string,
): TokenStore {
  return {
    async load() {
      const stored = await credentials.load(organizationId, connectionId);
      if (stored === null) {
        throw new ProviderError({
          code: 'AUTH_REVOKED',
          ...outcomeForCode('AUTH_REVOKED'),
          provider: 'unknown',
          providerReason: 'no_credentials',
          message: 'No credentials are stored for this connection',
        });
      }
      return toTokens(stored);
    },
    async save(tokens) {
      if (!(await credentials.save(organizationId, connectionId, toCredentials(tokens)))) {
        throw new Error(`Connection ${connectionId} was unlinked while its tokens were refreshed`);
      }
    },
  };
}

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

export class AdapterProviderRegistry implements ProviderRegistry {
  readonly #options: AdapterProviderRegistryOptions;
  readonly #oauth: OAuthConnectFlow;
  readonly #credentials: CredentialStore;
  readonly #logger: Logger;

  constructor(options: AdapterProviderRegistryOptions) {
    this.#options = options;
    this.#credentials = createCredentialStore(options.db, options.keyring);
    this.#logger = options.logger ?? noopLogger;
    const { publicUrl } = options;
    this.#oauth = new OAuthConnectFlow({
      db: options.db,
      keyring: options.keyring,
      state: options.state,
      adapter: (provider) => this.#adapter(provider),
      publicUrl: typeof publicUrl === 'string' ? () => publicUrl : publicUrl,
      origins: options.clientOrigins ?? NO_CLIENT_ORIGINS,
      stateTtlSeconds: options.stateTtlSeconds,
      now: options.now,
      logger: this.#logger,
    });
  }

  /** Where the provider sends the user back when the client names no redirect URI. */
  redirectUriFor(provider: ConnectionProvider): string {
    return this.#oauth.redirectUriFor(provider);
  }

  /** Providers with an adapter, and EXCHANGE when Interop access is configured (what probes cover). */
  providers(): ConnectionProvider[] {
    const providers = (Object.keys(this.#options.adapters) as ConnectionProvider[]).filter(
      (provider) => this.#options.adapters[provider] !== undefined,
    );
    return this.#options.exchange === undefined ? providers : [...providers, 'EXCHANGE'];
  }

  #adapter(provider: ConnectionProvider): ProviderAdapter | undefined {
    return this.#options.adapters[provider];
  }

  async startAuthorization(
    request: StartAuthorizationRequest,
  ): Promise<ProviderResult<AuthorizationStarted>> {
    if (request.provider === 'EXCHANGE' && this.#options.exchange !== undefined) {
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

  async prepareRevocation(request: {
    organizationId: string;
    connectionId: string;
  }): Promise<(() => Promise<void>) | null> {
    const connection = await this.#options.db.query.connections.findFirst({
      where: (t, { and, eq }) =>
        and(eq(t.organizationId, request.organizationId), eq(t.id, request.connectionId)),
      columns: { provider: true, status: true },
    });
    if (connection === undefined || connection.status === 'DISCONNECTED') return null;
    const adapter = this.#adapter(connection.provider);
    if (adapter === undefined) return null;
    const credentials = await this.#credentials.load(request.organizationId, request.connectionId);
    if (credentials === null) return null;
    return () => this.#revoke(request.connectionId, connection.provider, credentials);
  }

  async revokeGrants(grants: readonly RevocableGrant[]): Promise<void> {
    for (const grant of grants) {
      if (grant.credentials !== null)
        await this.#revoke(grant.connectionId, grant.provider, grant.credentials);
    }
  }

  /** The unlink's revocation at the provider, for one grant: best effort, logged, never throws. */
  async #revoke(
    connectionId: string,
    provider: ConnectionProvider,
    credentials: RevocableGrant['credentials'] & object,
  ): Promise<void> {
    const adapter = this.#adapter(provider);
    if (adapter === undefined) return;
    const token = credentials.refreshToken ?? credentials.accessToken;
    const record = { connectionId, provider };
    try {
      await adapter.oauth.revoke(token);
      this.#logger.info({ ...record, revoked: true }, 'provider grant revoked on unlink');
    } catch (error) {
      this.#logger.warn(
        {
          ...record,
          revoked: false,
          code: isProviderError(error) ? error.classification.code : 'UNKNOWN',
        },
        'provider grant revocation on unlink failed',
      );
    }
  }

  async checkConnection(request: CheckConnectionRequest): Promise<ProviderResult<void>> {
    const probed = await this.probeConnection(request);
    return probed.ok ? { ok: true, value: undefined } : probed;
  }

  /** Probes one connection and records the result (hysteresis, pages, events) like `checkConnection`, and
   * says how it went: the scheduler pauses a provider that answered with Retry-After. */
  async probeConnection(request: CheckConnectionRequest): Promise<ProviderResult<ConnectionProbeOutcome>> {
    const target = await this.#probeTarget(request);
    if (!target.ok) return target;
    let outcome:
      | { ok: true; atRisk?: ProviderErrorClassificationLike }
      | {
          ok: false;
          classification: ProviderErrorClassificationLike;
        };
    const deadline = AbortSignal.timeout(this.#options.probeTimeoutMs ?? 20_000);
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
          this.#logger.error(
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
    const recorded = await this.#options.state.recordProbeResult(
      systemActor(request.organizationId),
      request.connectionId,
      outcome,
    );
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
  async #probeTarget(
    request: CheckConnectionRequest,
  ): Promise<ProviderResult<{ probe(signal: AbortSignal): Promise<ProbeResult> }>> {
    const exchange = this.#options.exchange;
    if (request.provider === 'EXCHANGE' && exchange !== undefined) {
      const connection = await this.#options.db.query.connections.findFirst({
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
    const adapter = this.#adapter(request.provider);
    if (adapter === undefined) {
      return fail('PROVIDER_ERROR', `No provider adapter is configured for ${request.provider}`, {
        provider: request.provider,
      });
    }
    const context: AdapterContext = {
      tokens: credentialTokenStore(this.#credentials, request.organizationId, request.connectionId),
      oauth: adapter.oauth,
      logger: this.#logger,
      ...(this.#options.clock === undefined ? {} : { clock: this.#options.clock }),
      ...(this.#options.retry === undefined ? {} : { retry: this.#options.retry }),
    };
    return { ok: true, value: adapter.open(context) };
  }

  /**
   * Links a user's Exchange mailbox: one availability lookup through the organization's Interop settings
   * first, so a mailbox Exchange cannot read is refused with the seed's reason and nothing is stored.
   */
  async connectExchange(request: ConnectExchangeRequest): Promise<ProviderResult<{ connectionId: string }>> {
    const exchange = this.#options.exchange;
    if (exchange === undefined) {
      return fail('PROVIDER_ERROR', 'No Exchange access is configured', { provider: 'EXCHANGE' });
    }
    const user = await this.#options.db.query.users.findFirst({
      where: (t, { and, eq }) => and(eq(t.organizationId, request.organizationId), eq(t.id, request.userId)),
      columns: { email: true },
    });
    if (user === undefined) return fail('NOT_FOUND', 'User not found');
    const mailbox = (request.mailbox ?? user.email).trim();
    try {
      await probeExchangeMailbox(
        exchange,
        request.organizationId,
        mailbox,
        AbortSignal.timeout(this.#options.probeTimeoutMs ?? 20_000),
      );
    } catch (error) {
      if (!isProviderError(error)) throw error;
      const { classification } = error;
      this.#logger.warn(
        { provider: 'EXCHANGE', code: classification.code, reason: classification.subReason },
        'exchange mailbox could not be linked',
      );
      return fail(
        'PROVIDER_ERROR',
        `Exchange could not read the calendar of ${mailbox}: ${classification.message}`,
        { provider: 'EXCHANGE', reason: classification.subReason ?? classification.code },
      );
    }
    const created = await this.#options.state.createConnection(systemActor(request.organizationId), {
      userId: request.userId,
      provider: 'EXCHANGE',
      accountExternalId: exchangeAccountId(mailbox),
      accountEmail: mailbox,
    });
    if (!created.ok) {
      return fromService(
        created.error,
        created.error.code === 'CONFLICT' ? 'ACCOUNT_ALREADY_LINKED' : undefined,
      );
    }
    return { ok: true, value: { connectionId: created.value.connection.id } };
  }

  /**
   * Probes every linked EXCHANGE connection of the organization now (after its Interop settings changed),
   * so fixed settings bring the pages back at once and broken ones stop them at once.
   */
  async recheckExchange(organizationId: string): Promise<{ checked: number; healthy: number }> {
    if (this.#options.exchange === undefined) return { checked: 0, healthy: 0 };
    const linked = await this.#options.db.query.connections.findMany({
      where: (t, { and, eq, ne }) =>
        and(eq(t.organizationId, organizationId), eq(t.provider, 'EXCHANGE'), ne(t.status, 'DISCONNECTED')),
      columns: { id: true },
      orderBy: (t, { asc }) => [asc(t.id)],
    });
    let healthy = 0;
    const queue = [...linked];
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const probed = await this.probeConnection({
          organizationId,
          connectionId: next.id,
          provider: 'EXCHANGE',
        });
        if (probed.ok && probed.value.healthy) healthy += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, linked.length) }, worker));
    return { checked: linked.length, healthy };
  }

  #now(): number {
    return this.#options.clock?.now() ?? Date.now();
  }
}
