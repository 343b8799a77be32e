// One authorized call path for every adapter: load tokens, refresh ahead of expiry, retry transient failures with
// the shared policy (honouring Retry-After), refresh once and retry once on AUTH_EXPIRED, and persist a refreshed
// (possibly rotated) refresh token before anything uses it.
import { type Clock, outcomeForCode, ProviderError, systemClock, withRetry } from '@tsunagi/errors';
import { traceProviderRequest } from './call-tracing.js';
import type { AdapterContext, OAuthTokens } from './contract.js';

/** Refresh this long before the access token's known expiry. */
export const REFRESH_AHEAD_MS = 60_000;

export const DEFAULT_RETRY = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  deadlineMs: 30_000,
});

export type AuthorizedCall = <T>(
  request: (accessToken: string, signal: AbortSignal) => Promise<T>,
  signal?: AbortSignal,
) => Promise<T>;

export interface AuthorizedSession {
  readonly call: AuthorizedCall;
  /** Forces a refresh now (also used by probes that want to prove the grant is alive). */
  refresh(): Promise<OAuthTokens>;
  tokens(): Promise<OAuthTokens>;
}

export function createAuthorizedSession(context: AdapterContext): AuthorizedSession {
  const clock: Clock = context.clock ?? systemClock;
  let current: OAuthTokens | undefined;
  let refreshing: Promise<OAuthTokens> | undefined;

  async function tokens(): Promise<OAuthTokens> {
    current ??= await context.tokens.load();
    return current;
  }

  function refresh(): Promise<OAuthTokens> {
    // Concurrent callers share one refresh: a rotating provider would invalidate all but the first.
    refreshing ??= (async () => {
      const previous = await tokens();
      if (!previous.refreshToken) {
        throw new ProviderError({
          code: 'AUTH_REVOKED',
          ...outcomeForCode('AUTH_REVOKED'),
          provider: 'unknown',
          providerReason: 'no_refresh_token',
          message: 'The access token expired and no refresh token is stored',
        });
      }
      const refreshToken = previous.refreshToken;
      const fresh = await traceProviderRequest(context.oauth.provider, 'token_refresh', null, () =>
        context.oauth.refresh(refreshToken),
      );
      const merged: OAuthTokens = { ...fresh, refreshToken: fresh.refreshToken ?? previous.refreshToken };
      await context.tokens.save(merged);
      current = merged;
      context.logger?.debug(
        { provider: context.oauth.provider, rotated: fresh.refreshToken !== undefined },
        'token refreshed',
      );
      return merged;
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  const call: AuthorizedCall = (request, signal) =>
    withRetry(
      async (attempt, attemptSignal) => {
        let now = await tokens();
        if (now.expiresAt !== undefined && now.expiresAt - REFRESH_AHEAD_MS <= clock.now())
          now = await refresh();
        const accessToken = now.accessToken;
        return traceProviderRequest(context.oauth.provider, 'request', attempt, () =>
          request(accessToken, attemptSignal),
        );
      },
      {
        ...DEFAULT_RETRY,
        ...context.retry,
        clock,
        ...(signal ? { signal } : {}),
        onRetry: (attempt) =>
          context.logger?.debug(
            {
              provider: context.oauth.provider,
              attempt: attempt.attempt,
              delayMs: attempt.delayMs,
              code: attempt.classification.code,
            },
            'retrying provider call',
          ),
        onRefresh: async () => {
          await refresh();
        },
      },
    );

  return { call, refresh, tokens };
}
