import { type Clock, classifyProviderError, isProviderError, ProviderError } from '@tsunagi/errors';
import { describe, expect, it } from 'vitest';
import { createAuthorizedSession } from './authorized-call.js';
import type { OAuthFlow, OAuthTokens, TokenStore } from './contract.js';

// Test doubles for the collaborators an adapter receives (token store, OAuth flow, clock); the session itself
// is the real code under test.
function world(initial: OAuthTokens, refreshResult: () => Promise<OAuthTokens>) {
  const log: string[] = [];
  let stored = initial;
  let now = 1_000_000;
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      log.push(`sleep ${ms}`);
      now += ms;
    },
  };
  const tokens: TokenStore = {
    load: async () => stored,
    save: async (next) => {
      log.push(`save ${next.accessToken}/${next.refreshToken}`);
      stored = next;
    },
  };
  const oauth: OAuthFlow = {
    provider: 'GOOGLE_CALENDAR',
    authorizationUrl: () => 'unused',
    exchangeCode: async () => {
      throw new Error('unused');
    },
    refresh: async (refreshToken) => {
      log.push(`refresh ${refreshToken}`);
      return refreshResult();
    },
    revoke: async () => {},
  };
  const session = createAuthorizedSession({
    tokens,
    oauth,
    clock,
    retry: { maxAttempts: 4, baseDelayMs: 10 },
  });
  return { session, log, stored: () => stored };
}

const expired401 = () =>
  ProviderError.fromFailure({
    provider: 'google',
    status: 401,
    body: '{"error":{"errors":[{"domain":"global","reason":"authError","message":"Invalid Credentials","locationType":"header","location":"Authorization"}],"code":401,"message":"Invalid Credentials"}}',
  });

describe('createAuthorizedSession', () => {
  it('refreshes once on AUTH_EXPIRED, persists the rotated refresh token before using it, and retries', async () => {
    const w = world({ accessToken: 'a1', refreshToken: 'r1', scopes: [] }, async () => ({
      accessToken: 'a2',
      refreshToken: 'r2',
      scopes: [],
    }));
    const seen: string[] = [];
    const result = await w.session.call(async (token) => {
      seen.push(token);
      w.log.push(`call ${token}`);
      if (token === 'a1') throw expired401();
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toEqual(['a1', 'a2']);
    expect(w.log).toEqual(['call a1', 'refresh r1', 'save a2/r2', 'call a2']);
  });

  it('keeps the previous refresh token when the provider returns none', async () => {
    const w = world({ accessToken: 'a1', refreshToken: 'r1', scopes: [] }, async () => ({
      accessToken: 'a2',
      scopes: [],
    }));
    await w.session.refresh();
    expect(w.stored()).toMatchObject({ accessToken: 'a2', refreshToken: 'r1' });
  });

  it('refreshes ahead of a known expiry without a failed call', async () => {
    const w = world(
      { accessToken: 'a1', refreshToken: 'r1', scopes: [], expiresAt: 1_000_000 + 30_000 },
      async () => ({
        accessToken: 'a2',
        scopes: [],
        expiresAt: 1_000_000 + 3_600_000,
      }),
    );
    expect(await w.session.call(async (token) => token)).toBe('a2');
    expect(w.log).toEqual(['refresh r1', 'save a2/r1']);
  });

  it('shares one refresh between concurrent calls (rotating providers invalidate the old token)', async () => {
    let refreshes = 0;
    const w = world({ accessToken: 'a1', refreshToken: 'r1', scopes: [] }, async () => {
      refreshes++;
      return { accessToken: 'a2', refreshToken: 'r2', scopes: [] };
    });
    await Promise.all([w.session.refresh(), w.session.refresh(), w.session.refresh()]);
    expect(refreshes).toBe(1);
  });

  it('a dead grant at refresh surfaces as the token endpoint classification (REAUTHORIZE), refreshed only once', async () => {
    const w = world({ accessToken: 'a1', refreshToken: 'r1', scopes: [] }, async () => {
      throw ProviderError.fromFailure({
        provider: 'google-oauth',
        status: 400,
        body: '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
      });
    });
    const error = await w.session.call(async () => Promise.reject(expired401())).catch((e: unknown) => e);
    expect(isProviderError(error)).toBe(true);
    expect((error as ProviderError).classification).toMatchObject({
      code: 'AUTH_REVOKED',
      action: 'REAUTHORIZE',
      connectionBroken: true,
    });
    expect(w.log.filter((line) => line.startsWith('refresh'))).toHaveLength(1);
  });

  it('without a refresh token an expired access token is AUTH_REVOKED', async () => {
    const w = world({ accessToken: 'a1', scopes: [] }, async () => ({ accessToken: 'never', scopes: [] }));
    const error = (await w.session
      .call(async () => Promise.reject(expired401()))
      .catch((e: unknown) => e)) as ProviderError;
    expect(error.classification.code).toBe('AUTH_REVOKED');
  });

  it('retries rate limits after the Retry-After the provider asked for', async () => {
    const w = world({ accessToken: 'a1', refreshToken: 'r1', scopes: [] }, async () => ({
      accessToken: 'a2',
      scopes: [],
    }));
    let calls = 0;
    const result = await w.session.call(async () => {
      calls++;
      if (calls < 3) {
        throw new ProviderError(
          classifyProviderError({
            provider: 'microsoft',
            status: 429,
            headers: { 'Retry-After': '7' },
            body: '{"error":{"code":"TooManyRequests","message":"Too many requests."}}',
          }),
        );
      }
      return calls;
    });
    expect(result).toBe(3);
    const sleeps = w.log.filter((line) => line.startsWith('sleep')).map((line) => Number(line.split(' ')[1]));
    expect(sleeps).toHaveLength(2);
    for (const ms of sleeps) expect(ms).toBeGreaterThanOrEqual(7_000);
  });

  it('does not retry a broken connection', async () => {
    const w = world({ accessToken: 'a1', refreshToken: 'r1', scopes: [] }, async () => ({
      accessToken: 'a2',
      scopes: [],
    }));
    let calls = 0;
    const error = (await w.session
      .call(async () => {
        calls++;
        throw ProviderError.fromFailure({
          provider: 'google',
          status: 403,
          body: '{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com"}]}}',
        });
      })
      .catch((e: unknown) => e)) as ProviderError;
    expect(calls).toBe(1);
    expect(error.classification).toMatchObject({ code: 'INSUFFICIENT_SCOPE', connectionBroken: true });
  });
});
