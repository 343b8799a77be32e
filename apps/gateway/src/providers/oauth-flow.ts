// The OAuth connect / reconnect flow (authorization code + PKCE), bound to the user and browser that
// started it: start → the starting client opens the binding endpoint with its credentials (cookie) → the
// provider → the callback, which redeems the code only for that browser; or an API client finishes with
// `completeAuthorization`, only as the user who started. A refusal changes nothing and uses nothing up.
import { createHash, randomBytes } from 'node:crypto';
import {
  type ConnectionCredentials,
  type ConnectionProvider,
  type ConnectionRow,
  createOAuthStateStore,
  type Keyring,
  type OAuthAuthorization,
  type OAuthStateError,
  type OAuthStateStore,
  systemActor,
} from '@tsunagi/db';
import { isProviderError } from '@tsunagi/errors';
import type { OAuthFlow, OAuthTokens } from '@tsunagi/providers';
import { CONSOLE_PATH } from '../http/console.js';
import { checkRedirectUri, checkReturnUrl, type OAuthClientOrigins } from './oauth-origins.js';
import type { ProviderAccess, ProviderAdapter } from './provider-access.js';
import {
  type AuthorizationStarted,
  type BindBrowserRequest,
  type BrowserBound,
  type CallbackCompleted,
  type CallbackOutcome,
  type CallbackRequest,
  type CompleteAuthorizationRequest,
  fail,
  fromService,
  type ProviderResult,
  type StartAuthorizationRequest,
} from './registry.js';

/** The reason a reconnect that signed in to another account reports (extensions.reason, code CONFLICT). */
export const ACCOUNT_MISMATCH = 'ACCOUNT_MISMATCH';
/** The reason a reconnect reports when the connection was unlinked while it was under way. */
export const CONNECTION_UNLINKED = 'CONNECTION_UNLINKED';

/** Where the starting client sends its browser first. */
export const AUTHORIZE_PATH = '/oauth/authorize';

export interface OAuthConnectFlowOptions {
  /** Seals the flows' PKCE verifiers. */
  readonly keyring: Keyring;
  /** The gateway's public origin. */
  readonly publicUrl: () => string;
  readonly origins: OAuthClientOrigins;
  /** How long an authorization may take, default 600 s. */
  readonly stateTtlSeconds?: number | undefined;
  /** Clock of the authorization states (tests move it to expire a state). */
  readonly now?: (() => Date) | undefined;
}

const fromState = (error: OAuthStateError) => fromService(error, error.reason);

/** RFC 7636: a 43-character base64url verifier and its S256 challenge. */
function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256(verifier) };
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export function toCredentials(tokens: OAuthTokens): ConnectionCredentials {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? null,
    expiresAt: tokens.expiresAt === undefined ? null : new Date(tokens.expiresAt),
    scopes: tokens.scopes,
  };
}

export class OAuthConnectFlow {
  readonly #access: ProviderAccess;
  readonly #options: OAuthConnectFlowOptions;
  readonly #states: OAuthStateStore;

  constructor(access: ProviderAccess, options: OAuthConnectFlowOptions) {
    this.#access = access;
    this.#options = options;
    this.#states = createOAuthStateStore(
      access.db,
      options.keyring,
      options.now === undefined ? {} : { now: options.now },
    );
  }

  #base(): string {
    return this.#options.publicUrl().replace(/\/+$/, '');
  }

  /** Where the provider sends the user back when the client names no redirect URI. */
  redirectUriFor(provider: ConnectionProvider): string {
    return `${this.#base()}/oauth/callback/${provider}`;
  }

  async start(request: StartAuthorizationRequest): Promise<ProviderResult<AuthorizationStarted>> {
    if (this.#access.adapter(request.provider) === undefined) {
      return fail('PROVIDER_ERROR', `No provider adapter is configured for ${request.provider}`, {
        provider: request.provider,
      });
    }
    const callback = this.redirectUriFor(request.provider);
    const redirect =
      request.redirectUri === null
        ? { ok: true as const, url: callback }
        : checkRedirectUri(request.redirectUri, callback, this.#options.origins);
    if (!redirect.ok) return fail('BAD_USER_INPUT', redirect.message, { reason: 'REDIRECT_URI_NOT_ALLOWED' });
    const back =
      request.returnUrl === null
        ? null
        : checkReturnUrl(request.returnUrl, this.#options.origins, `${this.#base()}${CONSOLE_PATH}/`);
    if (back !== null && !back.ok)
      return fail('BAD_USER_INPUT', back.message, { reason: 'RETURN_URL_NOT_ALLOWED' });
    const created = await this.#states.create({
      organizationId: request.organizationId,
      userId: request.userId,
      provider: request.provider,
      connectionId: request.connectionId,
      redirectUri: redirect.url,
      codeVerifier: pkcePair().verifier,
      startedBy: request.startedBy,
      returnUrl: back?.url ?? null,
      ...(this.#options.stateTtlSeconds === undefined ? {} : { ttlSeconds: this.#options.stateTtlSeconds }),
    });
    if (!created.ok) return fromService(created.error);
    const authorizationUrl = new URL(`${this.#base()}${AUTHORIZE_PATH}`);
    authorizationUrl.searchParams.set('state', created.value.state);
    return {
      ok: true,
      value: {
        provider: request.provider,
        authorizationUrl: authorizationUrl.href,
        state: created.value.state,
        expiresAt: created.value.expiresAt,
        connectionId: request.connectionId,
      },
    };
  }

  /** The starting client's browser, authenticated as the user who started: bound once, then sent on. */
  async bindBrowser(request: BindBrowserRequest): Promise<ProviderResult<BrowserBound>> {
    const bound = await this.#states.bindBrowser(
      request.state,
      { organizationId: request.organizationId, startedBy: request.userId },
      request.browserSecret,
    );
    if (!bound.ok) return fromState(bound.error);
    const authorization = bound.value;
    const adapter = this.#access.adapter(authorization.provider);
    if (adapter === undefined) {
      return fail('PROVIDER_ERROR', `No provider adapter is configured for ${authorization.provider}`, {
        provider: authorization.provider,
      });
    }
    const loginHint = await this.#loginHint(authorization);
    return {
      ok: true,
      value: {
        providerUrl: adapter.oauth.authorizationUrl({
          state: request.state,
          codeChallenge: s256(authorization.codeVerifier),
          redirectUri: authorization.redirectUri,
          ...(loginHint === null ? {} : { loginHint }),
        }),
        expiresAt: authorization.expiresAt,
        secure: new URL(authorization.redirectUri).protocol === 'https:',
      },
    };
  }

  /** A reconnect hints the connection's own account (a room calendar is not its owner's mailbox); a new
   * link hints the user's email. */
  async #loginHint(authorization: OAuthAuthorization): Promise<string | null> {
    const { organizationId, connectionId, userId } = authorization;
    if (connectionId !== null) {
      const connection = await this.#access.db.query.connections.findFirst({
        where: (t, { and, eq }) => and(eq(t.organizationId, organizationId), eq(t.id, connectionId)),
        columns: { accountEmail: true },
      });
      if (connection?.accountEmail) return connection.accountEmail;
    }
    const user = await this.#access.db.query.users.findFirst({
      where: (t, { and, eq }) => and(eq(t.organizationId, organizationId), eq(t.id, userId)),
      columns: { email: true },
    });
    return user?.email ?? null;
  }

  /** An API client that received the code itself: only the user who started may redeem it. */
  async completeAuthorization(
    request: CompleteAuthorizationRequest,
  ): Promise<ProviderResult<{ connectionId: string }>> {
    const consumed = await this.#states.consume(request.state, {
      organizationId: request.organizationId,
      startedBy: request.userId,
    });
    if (!consumed.ok) return fromState(consumed.error);
    const done = await this.#redeem(consumed.value, request.code);
    return done.ok ? { ok: true, value: { connectionId: done.value.connectionId } } : done;
  }

  /** The provider's redirect: redeemed only on the provider's own route, in the browser bound to the flow. */
  async completeCallback(request: CallbackRequest): Promise<CallbackOutcome> {
    const pending = await this.#states.peek(request.state);
    const returnUrl = pending?.returnUrl ?? null;
    const consumed = await this.#states.consume(request.state, {
      provider: request.provider,
      browserSecret: request.browserSecret,
    });
    if (!consumed.ok) return { result: fromState(consumed.error), returnUrl };
    const authorization = consumed.value;
    if (request.error !== null || request.code === null) {
      return {
        result: fail('BAD_USER_INPUT', 'The provider did not grant access', {
          provider: authorization.provider,
          reason: request.error === null ? 'NO_CODE' : 'ACCESS_DENIED',
        }),
        returnUrl,
      };
    }
    return { result: await this.#redeem(authorization, request.code), returnUrl };
  }

  async #redeem(authorization: OAuthAuthorization, code: string): Promise<ProviderResult<CallbackCompleted>> {
    const { organizationId, userId, provider } = authorization;
    const adapter = this.#access.adapter(provider);
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
      this.#access.logger.warn(
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
      const created = await this.#access.state.createConnection(actor, {
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

    const connectionId = authorization.connectionId;
    const load = () =>
      this.#access.db.query.connections.findFirst({
        where: (t, { and, eq }) => and(eq(t.organizationId, organizationId), eq(t.id, connectionId)),
      });
    const unlinkedSinceStart = (row: ConnectionRow) =>
      row.status === 'DISCONNECTED' && row.statusChangedAt.getTime() >= authorization.createdAt.getTime();
    const connection: ConnectionRow | undefined = await load();
    if (connection === undefined) {
      await this.#forget(adapter, tokens);
      return fail('NOT_FOUND', 'Connection not found');
    }
    if (unlinkedSinceStart(connection)) {
      await this.#forget(adapter, tokens);
      return fail(
        'CONFLICT',
        'The connection was unlinked after this reconnect started; nothing was linked',
        {
          provider,
          reason: CONNECTION_UNLINKED,
        },
      );
    }
    if (connection.accountExternalId !== account.externalId) {
      await this.#forget(adapter, tokens);
      return fail(
        'CONFLICT',
        `Signed in as another account${account.email === null ? '' : ` (${account.email})`}; reconnect ${connection.accountEmail ?? 'the linked account'}`,
        { provider, reason: ACCOUNT_MISMATCH },
      );
    }
    // The service re-checks the unlink under the connection's row lock: an unlink that commits between the
    // read above and this write still wins.
    const reconnected = await this.#access.state.markReconnected(actor, connection.id, credentials, {
      startedAt: authorization.createdAt,
    });
    if (!reconnected.ok) {
      await this.#forget(adapter, tokens);
      const now = await load();
      return fromService(
        reconnected.error,
        now !== undefined && unlinkedSinceStart(now) ? CONNECTION_UNLINKED : undefined,
      );
    }
    return { ok: true, value: { organizationId, userId, provider, connectionId: connection.id } };
  }

  /** Best effort: tokens we will not keep are revoked at the provider where it can. */
  async #forget(adapter: ProviderAdapter, tokens: OAuthTokens): Promise<void> {
    try {
      await adapter.oauth.revoke(tokens.refreshToken ?? tokens.accessToken);
    } catch (error) {
      this.#access.logger.warn(
        {
          provider: adapter.oauth.provider,
          err: isProviderError(error) ? error.classification.code : 'unknown',
        },
        'revoking unused tokens failed',
      );
    }
  }
}
