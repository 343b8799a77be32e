// Google OAuth 2.0 through google-auth-library's OAuth2Client: offline access with forced consent (so a
// refresh token is always issued), PKCE S256, login_hint, incremental scopes. Identity comes from the OpenID
// userinfo endpoint (`sub` is the stable id). Every endpoint is configurable; nothing reads process.env.
import { type Clock, systemClock, withRetry } from '@tsunagi/errors';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { DEFAULT_RETRY } from '../authorized-call.js';
import type {
  AccountIdentity,
  AuthorizationRequest,
  CodeExchange,
  Logger,
  OAuthFlow,
  OAuthTokens,
} from '../contract.js';
import { toProviderError } from './errors.js';

export interface GoogleOAuthEndpoints {
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly revokeUrl: string;
  /** OpenID Connect userinfo (identity of the grant). */
  readonly userinfoUrl: string;
  /** Token introspection; the probe reads granted scopes from it when set. */
  readonly tokeninfoUrl?: string | undefined;
}

/** Google's production endpoints. */
export const GOOGLE_OAUTH_ENDPOINTS: GoogleOAuthEndpoints = Object.freeze({
  authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
  userinfoUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
  tokeninfoUrl: 'https://oauth2.googleapis.com/tokeninfo',
});

export const GOOGLE_CALENDAR_SCOPES = Object.freeze({
  calendar: 'https://www.googleapis.com/auth/calendar',
  calendarReadonly: 'https://www.googleapis.com/auth/calendar.readonly',
  events: 'https://www.googleapis.com/auth/calendar.events',
  eventsReadonly: 'https://www.googleapis.com/auth/calendar.events.readonly',
  freebusy: 'https://www.googleapis.com/auth/calendar.freebusy',
});

/** Identity scopes plus read/write access to events (free/busy and Meet links included). */
export const GOOGLE_DEFAULT_SCOPES: readonly string[] = Object.freeze([
  'openid',
  'email',
  GOOGLE_CALENDAR_SCOPES.events,
]);

export interface GoogleOAuthFlowOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly endpoints: GoogleOAuthEndpoints;
  /** Scopes always requested; `AuthorizationRequest.scopes` adds to them. */
  readonly scopes?: readonly string[];
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Per-request timeout, default 30 s. */
  readonly timeoutMs?: number;
  /** Retry policy for transient token-endpoint failures (attempts, delays, deadline). */
  readonly retry?: Partial<typeof DEFAULT_RETRY>;
}

/** OAuth2Client with its refresh-token grant exposed (the public refreshAccessToken() keeps the old refresh
 * token and drops a rotated one). */
class GrantClient extends OAuth2Client {
  refreshGrant(refreshToken: string) {
    return this.refreshToken(refreshToken);
  }
}

function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export class GoogleOAuthFlow implements OAuthFlow {
  readonly provider = 'GOOGLE_CALENDAR' as const;
  readonly #options: GoogleOAuthFlowOptions;
  readonly #client: GrantClient;
  readonly #clock: Clock;

  constructor(options: GoogleOAuthFlowOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#client = new GrantClient({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      endpoints: {
        oauth2AuthBaseUrl: options.endpoints.authorizeUrl,
        oauth2TokenUrl: options.endpoints.tokenUrl,
        oauth2RevokeUrl: options.endpoints.revokeUrl,
        ...(options.endpoints.tokeninfoUrl ? { tokenInfoUrl: options.endpoints.tokeninfoUrl } : {}),
      },
    });
    // Retries belong to the shared policy (withRetry), not to gaxios' built-in one.
    const timeout = options.timeoutMs ?? 30_000;
    this.#client.transporter.interceptors.request.add({
      resolved: async (config) => {
        config.retry = false;
        config.retryConfig = { ...config.retryConfig, retry: 0, noResponseRetries: 0 };
        config.timeout ??= timeout;
        return config;
      },
    });
  }

  authorizationUrl(request: AuthorizationRequest): string {
    const scopes = [
      ...new Set([...(this.#options.scopes ?? GOOGLE_DEFAULT_SCOPES), ...(request.scopes ?? [])]),
    ];
    return this.#client.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: true,
      response_type: 'code',
      redirect_uri: request.redirectUri,
      scope: scopes,
      state: request.state,
      code_challenge: request.codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
      ...(request.loginHint ? { login_hint: request.loginHint } : {}),
    });
  }

  #retry<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return withRetry((_attempt, signal) => fn(signal), {
      ...DEFAULT_RETRY,
      ...this.#options.retry,
      clock: this.#clock,
      onRetry: (attempt) =>
        this.#options.logger?.debug(
          { provider: this.provider, attempt: attempt.attempt, code: attempt.classification.code },
          'retrying token endpoint call',
        ),
    });
  }

  #tokens(data: Record<string, unknown>, fallbackScopes: readonly string[]): OAuthTokens {
    const accessToken = readString(data.access_token);
    if (!accessToken) {
      throw toProviderError(
        { response: { status: 200, data: JSON.stringify({ error: 'invalid_response' }) } },
        'google-oauth',
        this.#options.endpoints.tokenUrl,
      );
    }
    const now = this.#clock.now();
    // google-auth-library turns expires_in into expiry_date against the system clock; re-base on ours.
    const expiresInMs =
      typeof data.expiry_date === 'number'
        ? data.expiry_date - Date.now()
        : typeof data.expires_in === 'number'
          ? data.expires_in * 1000
          : undefined;
    const refreshExpiresIn = data.refresh_token_expires_in;
    const scope = readString(data.scope);
    return {
      accessToken,
      refreshToken: readString(data.refresh_token),
      expiresAt: expiresInMs === undefined ? undefined : now + Math.max(0, expiresInMs),
      refreshTokenExpiresAt: typeof refreshExpiresIn === 'number' ? now + refreshExpiresIn * 1000 : undefined,
      scopes: scope ? scope.split(/\s+/).filter(Boolean) : [...fallbackScopes],
    };
  }

  async exchangeCode(exchange: CodeExchange): Promise<{ tokens: OAuthTokens; account: AccountIdentity }> {
    const { tokenUrl } = this.#options.endpoints;
    const { tokens: raw } = await this.#retry(async () => {
      try {
        return await this.#client.getToken({
          code: exchange.code,
          codeVerifier: exchange.codeVerifier,
          redirect_uri: exchange.redirectUri,
        });
      } catch (error) {
        throw toProviderError(error, 'google-oauth', tokenUrl, this.#clock.now());
      }
    });
    const tokens = this.#tokens(raw as Record<string, unknown>, []);
    const account = await this.userinfo(tokens.accessToken);
    return { tokens, account };
  }

  /** The OpenID identity behind an access token (`sub`, `email`). */
  async userinfo(accessToken: string, signal?: AbortSignal): Promise<AccountIdentity> {
    const url = this.#options.endpoints.userinfoUrl;
    const data = await this.#retry(async (retrySignal) => {
      try {
        const response = await this.#client.transporter.request<Record<string, unknown>>({
          url,
          method: 'GET',
          headers: { authorization: `Bearer ${accessToken}` },
          responseType: 'json',
          signal: signal ?? retrySignal,
        });
        return response.data;
      } catch (error) {
        throw toProviderError(error, 'google-oauth', url, this.#clock.now());
      }
    });
    const sub = readString(data?.sub);
    if (!sub) {
      throw toProviderError(
        {
          response: {
            status: 200,
            data: JSON.stringify({ error: 'invalid_token', error_description: 'no sub' }),
          },
        },
        'google-oauth',
        url,
      );
    }
    return { externalId: sub, email: readString(data.email) ?? null };
  }

  /** Whether `tokeninfo` can be called (a tokeninfo endpoint is configured). */
  get canIntrospect(): boolean {
    return this.#options.endpoints.tokeninfoUrl !== undefined;
  }

  /** Token introspection: the scopes the grant holds right now, and whose it is. */
  async tokeninfo(
    accessToken: string,
    signal?: AbortSignal,
  ): Promise<{ scopes: string[]; account: AccountIdentity | null }> {
    const url = this.#options.endpoints.tokeninfoUrl;
    if (!url) throw new Error('GoogleOAuthFlow: no tokeninfoUrl configured');
    try {
      const response = await this.#client.transporter.request<Record<string, unknown>>({
        url,
        method: 'POST',
        data: new URLSearchParams({ access_token: accessToken }),
        responseType: 'json',
        ...(signal ? { signal } : {}),
      });
      const data = response.data ?? {};
      const sub = readString(data.sub);
      return {
        scopes: (readString(data.scope) ?? '').split(/\s+/).filter(Boolean),
        account: sub ? { externalId: sub, email: readString(data.email) ?? null } : null,
      };
    } catch (error) {
      throw toProviderError(error, 'google-oauth', url, this.#clock.now());
    }
  }

  async refresh(refreshToken: string): Promise<OAuthTokens> {
    const { tokenUrl } = this.#options.endpoints;
    const { tokens: raw } = await this.#retry(async () => {
      try {
        return await this.#client.refreshGrant(refreshToken);
      } catch (error) {
        throw toProviderError(error, 'google-oauth', tokenUrl, this.#clock.now());
      }
    });
    return this.#tokens(raw as Record<string, unknown>, []);
  }

  async revoke(token: string): Promise<void> {
    const { revokeUrl } = this.#options.endpoints;
    try {
      await this.#retry(async () => {
        try {
          await this.#client.revokeToken(token);
        } catch (error) {
          throw toProviderError(error, 'google-oauth', revokeUrl, this.#clock.now());
        }
      });
    } catch (error) {
      // Revoking a token Google no longer knows is the outcome we wanted.
      const reason = (error as { classification?: { providerReason?: string } }).classification
        ?.providerReason;
      if (reason === 'invalid_token') return;
      throw error;
    }
  }
}
