// The provider registry backed by real adapters (packages/providers): OAuth authorization code + PKCE for
// connect and reconnect, probes through a token store that keeps refreshed tokens sealed in the database, and
// every state change through the db state service (one transaction each: status, credentials, pages, events).
import { createHash, randomBytes } from 'node:crypto';
import {
  type ConnectionCredentials,
  type ConnectionProvider,
  type ConnectionRow,
  type CredentialStore,
  createCredentialStore,
  createOAuthStateStore,
  type Database,
  type Keyring,
  type OAuthAuthorization,
  type OAuthStateStore,
  type ProviderErrorClassificationLike,
  type ServiceError,
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
import type {
  AuthorizationStarted,
  CallbackCompleted,
  CallbackRequest,
  CheckConnectionRequest,
  CompleteAuthorizationRequest,
  ConnectExchangeRequest,
  ProviderFailure,
  ProviderRegistry,
  ProviderResult,
  StartAuthorizationRequest,
} from './registry.js';

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

/** The reason a reconnect that signed in to another account reports (extensions.reason, code CONFLICT). */
export const ACCOUNT_MISMATCH = 'ACCOUNT_MISMATCH';

const fail = (
  code: ProviderFailure['code'],
  message: string,
  extra: { provider?: ConnectionProvider; reason?: string } = {},
): { ok: false; error: ProviderFailure } => ({ ok: false, error: { code, message, ...extra } });

const fromService = (error: ServiceError, reason?: string): { ok: false; error: ProviderFailure } =>
  fail(error.code, error.message, reason === undefined ? {} : { reason });

/** RFC 7636: a 43-character base64url verifier and its S256 challenge. */
function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function toCredentials(tokens: OAuthTokens): ConnectionCredentials {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? null,
    expiresAt: tokens.expiresAt === undefined ? null : new Date(tokens.expiresAt),
    scopes: tokens.scopes,
  };
}

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
  readonly #states: OAuthStateStore;
  readonly #credentials: CredentialStore;
  readonly #logger: Logger;

  constructor(options: AdapterProviderRegistryOptions) {
    this.#options = options;
    this.#states = createOAuthStateStore(
      options.db,
      options.keyring,
      options.now === undefined ? {} : { now: options.now },
    );
    this.#credentials = createCredentialStore(options.db, options.keyring);
    this.#logger = options.logger ?? noopLogger;
  }

  /** Where the provider sends the user back when the client names no redirect URI. */
  redirectUriFor(provider: ConnectionProvider): string {
    const base =
      typeof this.#options.publicUrl === 'string' ? this.#options.publicUrl : this.#options.publicUrl();
    return `${base.replace(/\/+$/, '')}/oauth/callback/${provider}`;
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
    const adapter = this.#adapter(request.provider);
    if (adapter === undefined) {
      return fail('PROVIDER_ERROR', `No provider adapter is configured for ${request.provider}`, {
        provider: request.provider,
      });
    }
    const user = await this.#options.db.query.users.findFirst({
      where: (t, { and, eq }) => and(eq(t.organizationId, request.organizationId), eq(t.id, request.userId)),
      columns: { email: true },
    });
    if (user === undefined) return fail('NOT_FOUND', 'User not found');
    const redirectUri = request.redirectUri ?? this.redirectUriFor(request.provider);
    const { verifier, challenge } = pkcePair();
    const created = await this.#states.create({
      organizationId: request.organizationId,
      userId: request.userId,
      provider: request.provider,
      connectionId: request.connectionId,
      redirectUri,
      codeVerifier: verifier,
      ...(this.#options.stateTtlSeconds === undefined ? {} : { ttlSeconds: this.#options.stateTtlSeconds }),
    });
    if (!created.ok) return fromService(created.error);
    const authorizationUrl = adapter.oauth.authorizationUrl({
      state: created.value.state,
      codeChallenge: challenge,
      redirectUri,
      loginHint: user.email,
    });
    return {
      ok: true,
      value: {
        provider: request.provider,
        authorizationUrl,
        state: created.value.state,
        expiresAt: created.value.expiresAt,
        connectionId: request.connectionId,
      },
    };
  }

  async completeAuthorization(
    request: CompleteAuthorizationRequest,
  ): Promise<ProviderResult<{ connectionId: string }>> {
    const consumed = await this.#consume(request.state);
    if (!consumed.ok) return consumed;
    // Another organization's state reads as an unknown one (it is burnt all the same: it leaked).
    if (consumed.value.organizationId !== request.organizationId) {
      return fail('NOT_FOUND', 'Unknown authorization state', { reason: 'STATE_NOT_FOUND' });
    }
    const done = await this.#redeem(consumed.value, request.code);
    return done.ok ? { ok: true, value: { connectionId: done.value.connectionId } } : done;
  }

  /** The provider's redirect: the state row says whose authorization it is, no bearer token needed. */
  async completeCallback(request: CallbackRequest): Promise<ProviderResult<CallbackCompleted>> {
    const consumed = await this.#consume(request.state);
    if (!consumed.ok) return consumed;
    const authorization = consumed.value;
    if (authorization.provider !== request.provider) {
      return fail('BAD_USER_INPUT', 'The callback is for another provider', { reason: 'PROVIDER_MISMATCH' });
    }
    if (request.error !== null || request.code === null) {
      return fail('BAD_USER_INPUT', 'The provider did not grant access', {
        provider: authorization.provider,
        reason: request.error === null ? 'NO_CODE' : 'ACCESS_DENIED',
      });
    }
    return this.#redeem(authorization, request.code);
  }

  async #consume(state: string): Promise<ProviderResult<OAuthAuthorization>> {
    const consumed = await this.#states.consume(state);
    if (consumed.ok) return consumed;
    const reason =
      consumed.error.code === 'CONFLICT'
        ? 'STATE_ALREADY_USED'
        : consumed.error.code === 'BAD_USER_INPUT'
          ? 'STATE_EXPIRED'
          : 'STATE_NOT_FOUND';
    return fromService(consumed.error, reason);
  }

  async #redeem(authorization: OAuthAuthorization, code: string): Promise<ProviderResult<CallbackCompleted>> {
    const { organizationId, userId, provider } = authorization;
    const adapter = this.#adapter(provider);
    if (adapter === undefined) {
      return fail('PROVIDER_ERROR', `No provider adapter is configured for ${provider}`, { provider });
    }
    let exchanged: Awaited<ReturnType<OAuthFlow['exchangeCode']>>;
    try {
      exchanged = await adapter.oauth.exchangeCode({
        code,
        codeVerifier: authorization.codeVerifier,
        redirectUri: authorization.redirectUri,
      });
    } catch (error) {
      if (!isProviderError(error)) throw error;
      const { classification } = error;
      this.#logger.warn(
        { provider, code: classification.code, reason: classification.providerReason },
        'authorization code exchange failed',
      );
      // invalid_grant on a code: reused, expired, or issued for another verifier or redirect URI.
      if (classification.code === 'AUTH_REVOKED' || classification.code === 'INVALID_REQUEST') {
        return fail('BAD_USER_INPUT', 'The authorization code is invalid, expired or already used', {
          provider,
          reason: 'INVALID_CODE',
        });
      }
      return fail('PROVIDER_ERROR', `The provider refused the authorization (${classification.code})`, {
        provider,
      });
    }
    const { tokens, account } = exchanged;
    const credentials = toCredentials(tokens);
    const actor = systemActor(organizationId);

    if (authorization.connectionId === null) {
      const created = await this.#options.state.createConnection(actor, {
        userId,
        provider,
        accountExternalId: account.externalId,
        accountEmail: account.email,
        credentials,
      });
      if (!created.ok) {
        await this.#forget(adapter, tokens);
        return fromService(
          created.error,
          created.error.code === 'CONFLICT' ? 'ACCOUNT_ALREADY_LINKED' : undefined,
        );
      }
      return {
        ok: true,
        value: { organizationId, userId, provider, connectionId: created.value.connection.id },
      };
    }

    const connection: ConnectionRow | undefined = await this.#options.db.query.connections.findFirst({
      where: (t, { and, eq }) =>
        and(eq(t.organizationId, organizationId), eq(t.id, authorization.connectionId as string)),
    });
    if (connection === undefined) {
      await this.#forget(adapter, tokens);
      return fail('NOT_FOUND', 'Connection not found');
    }
    if (connection.accountExternalId !== account.externalId) {
      await this.#forget(adapter, tokens);
      return fail(
        'CONFLICT',
        `Signed in as another account${account.email === null ? '' : ` (${account.email})`}; reconnect ${connection.accountEmail ?? 'the linked account'}`,
        { provider, reason: ACCOUNT_MISMATCH },
      );
    }
    const reconnected = await this.#options.state.markReconnected(actor, connection.id, credentials);
    if (!reconnected.ok) {
      await this.#forget(adapter, tokens);
      return fromService(reconnected.error);
    }
    return { ok: true, value: { organizationId, userId, provider, connectionId: connection.id } };
  }

  /** Best effort: tokens we will not keep are revoked at the provider where it can. */
  async #forget(adapter: ProviderAdapter, tokens: OAuthTokens): Promise<void> {
    try {
      await adapter.oauth.revoke(tokens.refreshToken ?? tokens.accessToken);
    } catch (error) {
      this.#logger.warn(
        {
          provider: adapter.oauth.provider,
          err: isProviderError(error) ? error.classification.code : 'unknown',
        },
        'revoking unused tokens failed',
      );
    }
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
    const token = credentials.refreshToken ?? credentials.accessToken;
    const record = { connectionId: request.connectionId, provider: connection.provider };
    return async () => {
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
    };
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
