// The Google adapters over real HTTP against the loopback Google emulator (127.0.0.1, port 0). Nothing of ours
// is mocked: the only test doubles are an in-memory token store and a clock whose sleep advances time instead
// of waiting (so Retry-After 1 s costs nothing).
import { createHash, randomBytes } from 'node:crypto';
import { GOOGLE_SCOPES, type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { type Clock, isProviderError, type ProviderError } from '@tsunagi/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OAuthTokens, TokenStore } from '../contract.js';
import { GoogleCalendarProvider } from './calendar.js';
import { GOOGLE_DEFAULT_SCOPES, GoogleOAuthFlow } from './oauth.js';

const REDIRECT_URI = 'http://127.0.0.1:9/oauth/google/callback';

let emulator: GoogleEmulator;

beforeAll(async () => {
  emulator = await startGoogleEmulator({ port: 0 });
});

afterAll(async () => {
  await emulator.stop();
});

beforeEach(() => {
  emulator.setRotateRefreshTokens(false);
});

function fakeClock() {
  const sleeps: number[] = [];
  let offset = 0;
  const clock: Clock = {
    now: () => Date.now() + offset,
    sleep: async (ms) => {
      sleeps.push(ms);
      offset += ms;
    },
  };
  return {
    clock,
    sleeps,
    advance: (ms: number) => {
      offset += ms;
    },
  };
}

function memoryStore(initial: OAuthTokens) {
  const saves: OAuthTokens[] = [];
  let current = initial;
  const store: TokenStore = {
    load: async () => current,
    save: async (tokens) => {
      saves.push(tokens);
      current = tokens;
    },
  };
  return { store, saves, current: () => current };
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${randomBytes(3).toString('hex')}@example.com`;

async function authorizeCode(flow: GoogleOAuthFlow, email: string, scopes?: readonly string[]) {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString('hex');
  const url = flow.authorizationUrl({
    state,
    codeChallenge: challenge,
    redirectUri: REDIRECT_URI,
    loginHint: email,
    ...(scopes ? { scopes } : {}),
  });
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(REDIRECT_URI);
  expect(location.searchParams.get('state')).toBe(state);
  const code = location.searchParams.get('code');
  expect(code).toBeTruthy();
  return { code: code!, verifier };
}

/** A connected account: the full authorize → redirect → exchange flow, then an adapter over it. */
async function connect(options: { scopes?: readonly string[]; requiredScopes?: readonly string[] } = {}) {
  const time = fakeClock();
  const email = uniqueEmail('user');
  const account = emulator.accounts.create({ email });
  const flow = new GoogleOAuthFlow({
    clientId: emulator.client.clientId,
    clientSecret: emulator.client.clientSecret,
    endpoints: emulator.endpoints,
    clock: time.clock,
    ...(options.scopes ? { scopes: options.scopes } : {}),
  });
  const { code, verifier } = await authorizeCode(flow, email);
  const exchanged = await flow.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
  const tokens = memoryStore(exchanged.tokens);
  const provider = new GoogleCalendarProvider({
    context: {
      tokens: tokens.store,
      oauth: flow,
      clock: time.clock,
      retry: { baseDelayMs: 10, maxDelayMs: 50 },
    },
    apiRoot: emulator.endpoints.apiRoot,
    ...(options.requiredScopes ? { requiredScopes: options.requiredScopes } : {}),
  });
  return { account, email, flow, exchanged, tokens, provider, time };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (isProviderError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const hour = (h: number) => new Date(Date.UTC(2031, 0, 15, h));

describe('GoogleOAuthFlow', () => {
  it('builds an authorization URL with PKCE, state, login_hint, offline access, consent and incremental scopes', () => {
    const flow = new GoogleOAuthFlow({
      clientId: 'client-1',
      clientSecret: 'secret',
      endpoints: emulator.endpoints,
    });
    const url = new URL(
      flow.authorizationUrl({
        state: 'state-123',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        redirectUri: REDIRECT_URI,
        loginHint: 'someone@example.com',
        scopes: [GOOGLE_SCOPES.freebusy],
      }),
    );
    expect(url.origin + url.pathname).toBe(emulator.endpoints.authorizeUrl);
    const q = url.searchParams;
    expect(q.get('client_id')).toBe('client-1');
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(q.get('state')).toBe('state-123');
    expect(q.get('code_challenge')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('login_hint')).toBe('someone@example.com');
    expect(q.get('access_type')).toBe('offline');
    expect(q.get('prompt')).toBe('consent');
    expect(q.get('include_granted_scopes')).toBe('true');
    expect(q.get('scope')?.split(' ')).toEqual([...GOOGLE_DEFAULT_SCOPES, GOOGLE_SCOPES.freebusy]);
  });

  it('authorizes, follows the redirect, exchanges the code and identifies the account by its OpenID sub', async () => {
    const { account, email, exchanged, time } = await connect();
    expect(exchanged.account).toEqual({ externalId: account.id, email });
    expect(exchanged.tokens.accessToken).toMatch(/^ya29\./);
    expect(exchanged.tokens.refreshToken).toMatch(/^1\/\//);
    expect(exchanged.tokens.scopes).toEqual(expect.arrayContaining([...GOOGLE_DEFAULT_SCOPES]));
    const expiresIn = (exchanged.tokens.expiresAt ?? 0) - time.clock.now();
    expect(expiresIn).toBeGreaterThan(3_500_000);
    expect(expiresIn).toBeLessThanOrEqual(3_600_000);
  });

  it('rejects a wrong PKCE verifier as a dead grant from the token endpoint', async () => {
    const email = uniqueEmail('pkce');
    emulator.accounts.create({ email });
    const flow = new GoogleOAuthFlow({
      clientId: emulator.client.clientId,
      clientSecret: emulator.client.clientSecret,
      endpoints: emulator.endpoints,
    });
    const { code } = await authorizeCode(flow, email);
    const error = await failure(
      flow.exchangeCode({ code, codeVerifier: pkce().verifier, redirectUri: REDIRECT_URI }),
    );
    expect(error.classification).toMatchObject({
      provider: 'google-oauth',
      code: 'AUTH_REVOKED',
      providerReason: 'invalid_grant',
      httpStatus: 400,
    });
  });

  it('classifies a wrong client secret as a configuration problem, not a dead grant', async () => {
    const { exchanged } = await connect();
    const flow = new GoogleOAuthFlow({
      clientId: emulator.client.clientId,
      clientSecret: 'wrong',
      endpoints: emulator.endpoints,
    });
    const error = await failure(flow.refresh(exchanged.tokens.refreshToken!));
    expect(error.classification).toMatchObject({
      provider: 'google-oauth',
      code: 'MISCONFIGURED',
      action: 'FIX_CONFIGURATION',
      httpStatus: 401,
      providerReason: 'invalid_client',
    });
  });

  it('persists a rotated refresh token before using it; the old one is dead afterwards', async () => {
    const { exchanged, tokens, provider, flow, time } = await connect();
    emulator.setRotateRefreshTokens(true);
    const old = exchanged.tokens.refreshToken!;
    // The access token is about to expire: the session refreshes ahead of the call.
    time.advance(3_600_000);
    await provider.probe();
    expect(tokens.saves).toHaveLength(1);
    const saved = tokens.saves[0]!;
    expect(saved.refreshToken).toBeDefined();
    expect(saved.refreshToken).not.toBe(old);
    expect(saved.accessToken).not.toBe(exchanged.tokens.accessToken);
    const error = await failure(flow.refresh(old));
    expect(error.classification).toMatchObject({ code: 'AUTH_REVOKED', provider: 'google-oauth' });
    // The saved one works.
    await expect(flow.refresh(saved.refreshToken!)).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
  });

  it('keeps the stored refresh token when Google does not rotate it', async () => {
    const { exchanged, tokens, provider, time } = await connect();
    time.advance(3_600_000);
    await provider.probe();
    expect(tokens.saves[0]?.refreshToken).toBe(exchanged.tokens.refreshToken);
  });

  it('revokes the grant: later calls fail as AUTH_REVOKED and revoking again is harmless', async () => {
    const { exchanged, flow, provider } = await connect();
    await flow.revoke(exchanged.tokens.refreshToken!);
    await flow.revoke(exchanged.tokens.refreshToken!);
    const error = await failure(provider.probe());
    expect(error.classification).toMatchObject({
      code: 'AUTH_REVOKED',
      provider: 'google-oauth',
      action: 'REAUTHORIZE',
      connectionBroken: true,
    });
  });
});

describe('GoogleCalendarProvider operations', () => {
  it('probes: granted scopes from tokeninfo, the account, and the scopes a feature still needs', async () => {
    const { provider, account, email } = await connect();
    const result = await provider.probe();
    expect(result.ok).toBe(true);
    expect(result.account).toEqual({ externalId: account.id, email });
    expect(result.grantedScopes).toEqual(expect.arrayContaining([GOOGLE_SCOPES.events]));
    expect(result.missingScopes).toEqual([]);

    const { provider: wider } = await connect({
      requiredScopes: [GOOGLE_SCOPES.calendar, GOOGLE_SCOPES.freebusy],
    });
    expect((await wider.probe()).missingScopes).toEqual([GOOGLE_SCOPES.calendar]);
  });

  it('creates an event with a Meet link, reads it through free/busy, lists, patches and deletes it with sync tokens', async () => {
    const { provider } = await connect();
    const created = await provider.createEvent({
      summary: 'Intro call',
      start: hour(9),
      end: hour(10),
      attendees: ['guest@example.com'],
      onlineMeeting: true,
      clientRequestId: 'booking-42',
    });
    expect(created).toMatchObject({
      status: 'confirmed',
      summary: 'Intro call',
      start: hour(9),
      end: hour(10),
    });
    expect(created.meetingUrl).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(created.etag).toBeTruthy();

    // The same client request id again is the same event (Google's 409 duplicate means it already landed).
    const duplicate = await provider.createEvent({
      summary: 'Intro call',
      start: hour(9),
      end: hour(10),
      clientRequestId: 'booking-42',
    });
    expect(duplicate).toMatchObject({ id: created.id, meetingUrl: created.meetingUrl });

    const plain = await provider.createEvent({ summary: 'No video', start: hour(11), end: hour(12) });
    expect(plain.meetingUrl).toBeNull();

    const busy = await provider.freeBusy({ start: hour(8), end: hour(18) });
    expect(busy).toEqual({
      busy: [
        { start: hour(9), end: hour(10) },
        { start: hour(11), end: hour(12) },
      ],
      errors: [],
    });

    const full = await provider.listEvents({ range: { start: hour(0), end: hour(23) } });
    expect(full.events.map((e) => e.summary).sort()).toEqual(['Intro call', 'No video']);
    expect(full.syncToken).toBeTruthy();

    const patched = await provider.patchEvent(created.id, {
      summary: 'Intro call (moved)',
      start: hour(13),
      end: hour(14),
    });
    expect(patched).toMatchObject({ id: created.id, summary: 'Intro call (moved)', start: hour(13) });
    expect(patched.meetingUrl).toBe(created.meetingUrl);

    const changes = await provider.listEvents({ syncToken: full.syncToken });
    expect(changes.events).toEqual([
      expect.objectContaining({ id: created.id, summary: 'Intro call (moved)' }),
    ]);

    await provider.deleteEvent(plain.id);
    await provider.deleteEvent(plain.id); // 410 deleted: already gone is fine
    const deletions = await provider.listEvents({ syncToken: changes.syncToken });
    expect(deletions.events).toEqual([expect.objectContaining({ id: plain.id, status: 'cancelled' })]);
  });

  it('pages through long event lists', async () => {
    const { provider } = await connect();
    for (let i = 0; i < 260; i += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, 260 - i) }, (_, j) =>
          provider.createEvent({ summary: `e${i + j}`, start: hour(1), end: hour(2) }),
        ),
      );
    }
    const page = await provider.listEvents({ range: { start: hour(0), end: hour(3) } });
    expect(page.events).toHaveLength(260);
  });

  it('probes without a tokeninfo endpoint: granted scopes come from the stored tokens', async () => {
    const { tokens, exchanged } = await connect();
    const { tokeninfoUrl: _unused, ...endpoints } = emulator.endpoints;
    const flow = new GoogleOAuthFlow({
      clientId: emulator.client.clientId,
      clientSecret: emulator.client.clientSecret,
      endpoints,
    });
    const provider = new GoogleCalendarProvider({
      context: { tokens: tokens.store, oauth: flow },
      apiRoot: emulator.endpoints.apiRoot,
      requiredScopes: [GOOGLE_SCOPES.freebusy],
    });
    const result = await provider.probe();
    expect(result).toMatchObject({ ok: true, account: null, missingScopes: [] });
    expect(result.grantedScopes).toEqual(exchanged.tokens.scopes);
  });

  it('reports calendars free/busy could not read in its errors', async () => {
    const { tokens, flow } = await connect();
    const other = new GoogleCalendarProvider({
      context: { tokens: tokens.store, oauth: flow },
      apiRoot: emulator.endpoints.apiRoot,
      calendarId: 'someone-else@example.com',
    });
    const result = await other.freeBusy({ start: hour(8), end: hour(9) });
    expect(result).toEqual({
      busy: [],
      errors: [{ calendarId: 'someone-else@example.com', reason: 'notFound' }],
    });
  });

  it('fails a dead sync token as SYNC_TOKEN_INVALID (full resync)', async () => {
    const { provider, account } = await connect();
    const first = await provider.listEvents({ range: { start: hour(0), end: hour(23) } });
    emulator.accounts.invalidateSyncTokens(account.id);
    const error = await failure(provider.listEvents({ syncToken: first.syncToken }));
    expect(error.classification).toMatchObject({
      provider: 'google',
      code: 'SYNC_TOKEN_INVALID',
      action: 'FULL_RESYNC',
      httpStatus: 410,
      providerReason: 'fullSyncRequired',
      connectionBroken: false,
    });
  });

  it('a sync token Google cannot read (400 "Invalid sync token value.") is a full resync too, like 410', async () => {
    const { provider } = await connect();
    const error = await failure(provider.listEvents({ syncToken: 'not-a-token-google-issued' }));
    expect(error.classification).toMatchObject({
      code: 'SYNC_TOKEN_INVALID',
      action: 'FULL_RESYNC',
      httpStatus: 400,
      providerReason: 'invalid',
      connectionBroken: false,
    });
    // The full sync works and hands out a token that does.
    const full = await provider.listEvents({ range: { start: hour(0), end: hour(23) } });
    await expect(provider.listEvents({ syncToken: full.syncToken })).resolves.toMatchObject({ events: [] });
  });

  it('rejects an empty time range as a request to fix', async () => {
    const { provider } = await connect();
    const error = await failure(provider.freeBusy({ start: hour(9), end: hour(9) }));
    expect(error.classification).toMatchObject({ code: 'INVALID_REQUEST', providerReason: 'timeRangeEmpty' });
  });
});

describe('GoogleCalendarProvider under faults', () => {
  it('REVOKE_GRANT: the refresh fails at the token endpoint → AUTH_REVOKED, reauthorize, connection broken', async () => {
    const { provider, account, tokens } = await connect();
    emulator.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    const error = await failure(provider.probe());
    expect(error.classification).toMatchObject({
      provider: 'google-oauth',
      code: 'AUTH_REVOKED',
      action: 'REAUTHORIZE',
      connectionBroken: true,
      providerReason: 'invalid_grant',
    });
    expect(tokens.saves).toHaveLength(0);
  });

  it('EXPIRE_ACCESS_TOKEN: one refresh, one retry, and the new tokens are saved', async () => {
    const { provider, account, tokens, exchanged } = await connect();
    emulator.faults.inject(account.id, { kind: 'EXPIRE_ACCESS_TOKEN' });
    await expect(provider.probe()).resolves.toMatchObject({ ok: true });
    expect(tokens.saves).toHaveLength(1);
    expect(tokens.current().accessToken).not.toBe(exchanged.tokens.accessToken);
    expect(tokens.current().refreshToken).toBe(exchanged.tokens.refreshToken);
  });

  it('DROP_SCOPE: a call needing the dropped scope fails as INSUFFICIENT_SCOPE', async () => {
    const { provider, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'DROP_SCOPE', scope: GOOGLE_SCOPES.events });
    const error = await failure(provider.createEvent({ summary: 'x', start: hour(9), end: hour(10) }));
    expect(error.classification).toMatchObject({
      provider: 'google',
      code: 'INSUFFICIENT_SCOPE',
      action: 'REAUTHORIZE',
      httpStatus: 403,
      connectionBroken: true,
    });
  });

  it('DROP_SCOPE of a scope the probe does not need shows up as a missing scope', async () => {
    const { provider, account } = await connect({
      scopes: ['openid', 'email', GOOGLE_SCOPES.calendarReadonly, GOOGLE_SCOPES.events],
    });
    emulator.faults.inject(account.id, { kind: 'DROP_SCOPE', scope: GOOGLE_SCOPES.events });
    const result = await provider.probe();
    expect(result.grantedScopes).not.toContain(GOOGLE_SCOPES.events);
    expect(result.missingScopes).toEqual([GOOGLE_SCOPES.events]);
  });

  it('DELETE_ACCOUNT: the connection is broken (account unavailable)', async () => {
    const { provider, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'DELETE_ACCOUNT' });
    const error = await failure(provider.probe());
    expect(error.classification).toMatchObject({
      provider: 'google-oauth',
      code: 'ACCOUNT_UNAVAILABLE',
      action: 'FIX_CONFIGURATION',
      connectionBroken: true,
    });
  });

  it('RATE_LIMIT with Retry-After 1: waits at least a second (on the injected clock) and succeeds', async () => {
    const { provider, account, time } = await connect();
    emulator.faults.inject(account.id, { kind: 'RATE_LIMIT', requests: 1, retryAfterSeconds: 1 });
    await expect(provider.probe()).resolves.toMatchObject({ ok: true });
    expect(time.sleeps).toHaveLength(1);
    expect(time.sleeps[0]).toBeGreaterThanOrEqual(1000);
  });

  it('SERVER_ERROR_BURST of 2 (HTML 502 pages): retried and succeeds', async () => {
    const { provider, account, time } = await connect();
    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 2, status: 502 });
    const event = await provider.createEvent({ summary: 'after 502s', start: hour(9), end: hour(10) });
    expect(event.summary).toBe('after 502s');
    expect(time.sleeps).toHaveLength(2);
  });

  it('SERVER_ERROR_BURST of 10: PROVIDER_UNAVAILABLE after the allowed attempts', async () => {
    const { provider, account, time } = await connect();
    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 10, status: 500 });
    const error = await failure(provider.freeBusy({ start: hour(8), end: hour(9) }));
    expect(error.classification).toMatchObject({
      provider: 'google',
      code: 'PROVIDER_UNAVAILABLE',
      action: 'RETRY_WITH_BACKOFF',
      httpStatus: 500,
      providerReason: 'backendError',
      connectionBroken: false,
    });
    expect(time.sleeps).toHaveLength(3); // 4 attempts
  });

  it('RESET_CONNECTION: the transport failure is NETWORK_UNREACHABLE and retried', async () => {
    const { provider, account, time } = await connect();
    emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 1 });
    await expect(provider.probe()).resolves.toMatchObject({ ok: true });
    expect(time.sleeps).toHaveLength(1);

    emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 10 });
    const error = await failure(provider.probe());
    expect(error.classification).toMatchObject({ code: 'NETWORK_UNREACHABLE', retryable: true });
    emulator.faults.clear(account.id);
  });

  it('LATENCY: the emulator holds the answer back', async () => {
    const { provider, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'LATENCY', ms: 200, requests: 1 });
    const started = performance.now();
    await provider.freeBusy({ start: hour(8), end: hour(9) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('LATENCY beyond the request timeout: a retryable timeout', async () => {
    const { tokens, flow, account } = await connect();
    const provider = new GoogleCalendarProvider({
      context: { tokens: tokens.store, oauth: flow, retry: { maxAttempts: 1 } },
      apiRoot: emulator.endpoints.apiRoot,
      timeoutMs: 50,
    });
    // The answer is held far past the 50 ms timeout: however slow the machine, the timeout fires first.
    emulator.faults.inject(account.id, { kind: 'LATENCY', ms: 20_000, requests: 1 });
    const error = await failure(provider.freeBusy({ start: hour(8), end: hour(9) }));
    expect(error.classification).toMatchObject({ code: 'NETWORK_UNREACHABLE', retryable: true });
  });
});

describe('GoogleCalendarProvider creates an event at most once', () => {
  it('an insert committed but whose answer was lost is replayed with the same id: 409 duplicate returns the event', async () => {
    const { provider, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'COMMIT_THEN_RESET', requests: 1 });
    const created = await provider.createEvent({ summary: 'Booked once', start: hour(9), end: hour(10) });
    expect(created).toMatchObject({ summary: 'Booked once', status: 'confirmed' });
    const listed = await provider.listEvents({ range: { start: hour(0), end: hour(23) } });
    expect(listed.events.filter((e) => e.summary === 'Booked once').map((e) => e.id)).toEqual([created.id]);
  });

  it("a caller's clientRequestId used twice yields the one event", async () => {
    const { provider } = await connect();
    const first = await provider.createEvent({
      summary: 'Same booking',
      start: hour(11),
      end: hour(12),
      clientRequestId: 'booking-42',
    });
    const again = await provider.createEvent({
      summary: 'Same booking',
      start: hour(11),
      end: hour(12),
      clientRequestId: 'booking-42',
    });
    expect(again.id).toBe(first.id);
    const listed = await provider.listEvents({ range: { start: hour(0), end: hour(23) } });
    expect(listed.events.filter((e) => e.summary === 'Same booking')).toHaveLength(1);
  });
});
