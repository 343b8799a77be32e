// Zoom OAuth (user-managed app): authorization code + PKCE, HTTP Basic client authentication at the token
// endpoint, and a refresh token that Zoom rotates on every refresh (the previous one dies at once, so the
// authorized session persists the new one before using the access token).
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
import { ZoomHttp } from './zoom-http.js';

export const ZOOM_OAUTH_ENDPOINTS = Object.freeze({
  authorizeUrl: 'https://zoom.us/oauth/authorize',
  tokenUrl: 'https://zoom.us/oauth/token',
  revokeUrl: 'https://zoom.us/oauth/revoke',
});

/**
 * Granular scopes a booking location needs: read the user (probe), create, list (to find a meeting whose create
 * answer was lost) and delete meetings.
 */
export const ZOOM_MEETING_SCOPES: readonly string[] = Object.freeze([
  'user:read:user',
  'meeting:write:meeting',
  'meeting:read:list_meetings',
  'meeting:delete:meeting',
]);

export interface ZoomOAuthOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly authorizeUrl?: string;
  readonly tokenUrl?: string;
  readonly revokeUrl?: string;
  /** API root including `/v2` (used for `GET /users/me` after the code exchange). */
  readonly apiBaseUrl?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly fetch?: typeof fetch;
  /** Per-request timeout of the token endpoint and `GET /users/me` (default 30 s). */
  readonly timeoutMs?: number;
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
}

export class ZoomOAuthFlow implements OAuthFlow {
  readonly provider: ProviderId = 'ZOOM';
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly revokeUrl: string;
  readonly #options: ZoomOAuthOptions;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #fetch: typeof fetch;

  constructor(options: ZoomOAuthOptions) {
    this.#options = options;
    this.authorizeUrl = options.authorizeUrl ?? ZOOM_OAUTH_ENDPOINTS.authorizeUrl;
    this.tokenUrl = options.tokenUrl ?? ZOOM_OAUTH_ENDPOINTS.tokenUrl;
    this.revokeUrl = options.revokeUrl ?? ZOOM_OAUTH_ENDPOINTS.revokeUrl;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? noopLogger;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  /** Zoom takes its scopes from the app configuration; extra scopes are passed for incremental consent. */
  authorizationUrl(request: AuthorizationRequest): string {
    const url = new URL(this.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.#options.clientId);
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('state', request.state);
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    if (request.scopes && request.scopes.length > 0) {
      url.searchParams.set('scope', [...new Set([...ZOOM_MEETING_SCOPES, ...request.scopes])].join(' '));
    }
    if (request.loginHint !== undefined) url.searchParams.set('login_hint', request.loginHint);
    return url.toString();
  }

  async exchangeCode(exchange: CodeExchange): Promise<{ tokens: OAuthTokens; account: AccountIdentity }> {
    const body = await this.#post(this.tokenUrl, {
      grant_type: 'authorization_code',
      code: exchange.code,
      redirect_uri: exchange.redirectUri,
      code_verifier: exchange.codeVerifier,
    });
    const tokens = this.#tokens(body as TokenResponse);
    const http = new ZoomHttp({
      baseUrl: this.#options.apiBaseUrl,
      fetch: this.#fetch,
      timeoutMs: this.#options.timeoutMs,
    });
    const me = await http.request<{ id?: unknown; email?: unknown }>({
      method: 'GET',
      path: '/users/me',
      accessToken: tokens.accessToken,
    });
    if (typeof me?.id !== 'string') {
      throw ProviderError.fromFailure({
        provider: 'zoom',
        status: 502,
        body: '',
        endpoint: `${http.baseUrl}/users/me`,
      });
    }
    return { tokens, account: { externalId: me.id, email: typeof me.email === 'string' ? me.email : null } };
  }

  /** The answer carries a new refresh token; the one presented is dead from now on. */
  async refresh(refreshToken: string): Promise<OAuthTokens> {
    const body = await this.#post(this.tokenUrl, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    return this.#tokens(body as TokenResponse);
  }

  /** `POST /oauth/revoke?token=…` revokes the whole grant (access and refresh tokens). */
  async revoke(token: string): Promise<void> {
    await this.#post(`${this.revokeUrl}?${new URLSearchParams({ token }).toString()}`, {});
  }

  #tokens(body: TokenResponse): OAuthTokens {
    if (typeof body.access_token !== 'string') {
      throw ProviderError.fromFailure({
        provider: 'zoom',
        status: 502,
        body: JSON.stringify({ error: 'server_error', reason: 'token response without access_token' }),
        endpoint: this.tokenUrl,
      });
    }
    const expiresIn = Number(body.expires_in);
    return {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      expiresAt:
        Number.isFinite(expiresIn) && expiresIn > 0 ? this.#clock.now() + expiresIn * 1000 : undefined,
      scopes: typeof body.scope === 'string' ? body.scope.split(/\s+/).filter(Boolean) : [],
    };
  }

  async #post(url: string, params: Record<string, string>): Promise<unknown> {
    const endpoint = url.split('?')[0] ?? url;
    const basic = Buffer.from(`${this.#options.clientId}:${this.#options.clientSecret}`).toString('base64');
    let text: string;
    try {
      text = await fetchText(
        this.#fetch,
        'zoom',
        endpoint,
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams(params).toString(),
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
            reason: error.classification.providerReason,
          },
          'zoom token endpoint failed',
        );
      }
      throw error;
    }
    try {
      return text ? JSON.parse(text) : {};
    } catch {
      throw ProviderError.fromFailure({ provider: 'zoom', status: 502, body: text, endpoint });
    }
  }
}
