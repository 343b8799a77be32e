// Microsoft identity platform v2.0: authorization code + PKCE, refresh with rotation, direct token calls
// (see the package README for why not @azure/msal-node).
import { type Clock, isProviderError, ProviderError, systemClock } from '@tsunagi/errors';
import type {
  AccountIdentity,
  AuthorizationRequest,
  CodeExchange,
  Logger,
  OAuthFlow,
  OAuthTokens,
  ProviderId,
} from '../contract.js';
import { noopLogger } from '../contract.js';
import { fetchText } from '../http.js';
import { GraphHttp } from './graph-http.js';

export const DEFAULT_MICROSOFT_AUTHORITY = 'https://login.microsoftonline.com/common';

/** What a calendar + Teams connection asks for; `offline_access` is what yields a refresh token. */
export const DEFAULT_MICROSOFT_SCOPES: readonly string[] = Object.freeze([
  'openid',
  'profile',
  'email',
  'offline_access',
  'User.Read',
  'Calendars.ReadWrite',
  'OnlineMeetings.ReadWrite',
]);

export interface MicrosoftOAuthOptions {
  /** Authority including the tenant: `https://login.microsoftonline.com/common`, `…/organizations`,
   * `https://login.microsoftonline.us/{tenant}` (US Gov), `https://login.chinacloudapi.cn/{tenant}`… */
  readonly authority?: string;
  readonly clientId: string;
  /** Confidential clients only; public clients rely on PKCE alone. */
  readonly clientSecret?: string;
  readonly scopes?: readonly string[];
  /** Graph root used to read the account when the token response has no id_token. */
  readonly graphBaseUrl?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly fetch?: typeof fetch;
  /** Per-request timeout of the token endpoint and Graph `/me` (default 30 s). */
  readonly timeoutMs?: number;
  /** Provider id the flow reports (`MICROSOFT_CALENDAR` by default; Teams shares the same grant). */
  readonly provider?: ProviderId;
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  refresh_token_expires_in?: unknown;
  scope?: unknown;
  id_token?: unknown;
}

/** Scopes as Entra returns them may carry the resource prefix; compare without it. */
export function shortScope(scope: string): string {
  return scope.replace(/^https:\/\/graph\.microsoft\.com\//i, '');
}

/** Reads an id_token payload. It came straight from the token endpoint over TLS, which OIDC Core §3.1.3.7
 * accepts in place of a signature check. */
function idTokenClaims(idToken: unknown): Record<string, unknown> | undefined {
  if (typeof idToken !== 'string') return undefined;
  const payload = idToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export class MicrosoftOAuthFlow implements OAuthFlow {
  readonly provider: ProviderId;
  readonly authority: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly scopes: readonly string[];
  readonly #options: MicrosoftOAuthOptions;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #fetch: typeof fetch;

  constructor(options: MicrosoftOAuthOptions) {
    this.#options = options;
    this.provider = options.provider ?? 'MICROSOFT_CALENDAR';
    this.authority = (options.authority ?? DEFAULT_MICROSOFT_AUTHORITY).replace(/\/+$/, '');
    this.authorizeUrl = `${this.authority}/oauth2/v2.0/authorize`;
    this.tokenUrl = `${this.authority}/oauth2/v2.0/token`;
    const scopes = options.scopes ?? DEFAULT_MICROSOFT_SCOPES;
    this.scopes = scopes.includes('offline_access') ? scopes : [...scopes, 'offline_access'];
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? noopLogger;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  authorizationUrl(request: AuthorizationRequest): string {
    const scopes = [...new Set([...this.scopes, ...(request.scopes ?? [])])];
    const url = new URL(this.authorizeUrl);
    url.searchParams.set('client_id', this.#options.clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('response_mode', 'query');
    url.searchParams.set('scope', scopes.join(' '));
    url.searchParams.set('state', request.state);
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    if (request.loginHint !== undefined) url.searchParams.set('login_hint', request.loginHint);
    else url.searchParams.set('prompt', 'select_account');
    return url.toString();
  }

  async exchangeCode(exchange: CodeExchange): Promise<{ tokens: OAuthTokens; account: AccountIdentity }> {
    const body = await this.#token({
      grant_type: 'authorization_code',
      code: exchange.code,
      code_verifier: exchange.codeVerifier,
      redirect_uri: exchange.redirectUri,
      scope: this.scopes.join(' '),
    });
    const tokens = this.#tokens(body);
    const claims = idTokenClaims(body.id_token);
    const oid = claims?.oid;
    if (typeof oid === 'string') {
      const email =
        (typeof claims?.email === 'string' ? claims.email : undefined) ??
        (typeof claims?.preferred_username === 'string' ? claims.preferred_username : null);
      return { tokens, account: { externalId: oid, email } };
    }
    return { tokens, account: await this.#me(tokens.accessToken) };
  }

  async refresh(refreshToken: string): Promise<OAuthTokens> {
    const body = await this.#token({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: this.scopes.join(' '),
    });
    return this.#tokens(body);
  }

  /**
   * The identity platform has no RFC 7009 revocation endpoint. Revoking every session of the user
   * (`POST /me/revokeSignInSessions`) would sign them out of all their apps, so disconnecting only forgets
   * the tokens on our side; the user removes the app consent at https://myapps.microsoft.com.
   */
  async revoke(_token: string): Promise<void> {
    this.#logger.info(
      { provider: this.provider },
      'microsoft tokens forgotten locally (no revocation endpoint)',
    );
  }

  #tokens(body: TokenResponse): OAuthTokens {
    if (typeof body.access_token !== 'string') {
      throw ProviderError.fromFailure({
        provider: 'microsoft-identity',
        status: 502,
        body: JSON.stringify({
          error: 'server_error',
          error_description: 'token response without access_token',
        }),
        endpoint: this.tokenUrl,
      });
    }
    const now = this.#clock.now();
    const expiresIn = Number(body.expires_in);
    const refreshExpiresIn = Number(body.refresh_token_expires_in);
    return {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? now + expiresIn * 1000 : undefined,
      refreshTokenExpiresAt:
        Number.isFinite(refreshExpiresIn) && refreshExpiresIn > 0 ? now + refreshExpiresIn * 1000 : undefined,
      scopes: typeof body.scope === 'string' ? body.scope.split(/\s+/).filter(Boolean).map(shortScope) : [],
    };
  }

  async #token(params: Record<string, string>): Promise<TokenResponse> {
    const form = new URLSearchParams({ client_id: this.#options.clientId, ...params });
    if (this.#options.clientSecret !== undefined) form.set('client_secret', this.#options.clientSecret);
    let text: string;
    try {
      text = await fetchText(
        this.#fetch,
        'microsoft-identity',
        this.tokenUrl,
        this.tokenUrl,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form.toString(),
        },
        this.#options.timeoutMs,
      );
    } catch (error) {
      // The token endpoint answered with an error (a network failure has no status).
      if (isProviderError(error) && error.classification.httpStatus !== undefined) {
        this.#logger.warn(
          {
            provider: this.provider,
            code: error.classification.code,
            reason: error.classification.providerCode,
          },
          'microsoft token endpoint failed',
        );
      }
      throw error;
    }
    try {
      return JSON.parse(text) as TokenResponse;
    } catch {
      throw ProviderError.fromFailure({
        provider: 'microsoft-identity',
        status: 502,
        body: text,
        endpoint: this.tokenUrl,
      });
    }
  }

  async #me(accessToken: string): Promise<AccountIdentity> {
    const graph = new GraphHttp({
      baseUrl: this.#options.graphBaseUrl,
      fetch: this.#fetch,
      timeoutMs: this.#options.timeoutMs,
    });
    const me = await graph.request<{ id?: string; mail?: string | null; userPrincipalName?: string }>({
      method: 'GET',
      path: '/me',
      accessToken,
    });
    if (typeof me?.id !== 'string') {
      throw ProviderError.fromFailure({ provider: 'microsoft', status: 502, body: '', endpoint: '/me' });
    }
    return { externalId: me.id, email: me.mail ?? me.userPrincipalName ?? null };
  }
}
