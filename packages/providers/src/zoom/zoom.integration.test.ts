// Real HTTP against the Zoom emulator on 127.0.0.1: Zoom OAuth + REST API v2, every fault.
import { createHash, randomBytes } from 'node:crypto';
import { startZoomEmulator, type ZoomEmulator } from '@tsunagi/emulators';
import { isOutcomeUnknownError } from '@tsunagi/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure, MemoryTokenStore, RecordingClock } from '../../test/doubles.js';
import { createAuthorizedSession } from '../authorized-call.js';
import type { AdapterContext, OAuthTokens } from '../contract.js';
import { ZoomMeetingProvider, ZoomOAuthFlow } from './index.js';

const REDIRECT_URI = 'http://127.0.0.1/callback/zoom';

let emulator: ZoomEmulator;
let flow: ZoomOAuthFlow;

beforeAll(async () => {
  emulator = await startZoomEmulator({ port: 0 });
  flow = new ZoomOAuthFlow({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    authorizeUrl: emulator.endpoints.authorizeUrl,
    tokenUrl: emulator.endpoints.tokenUrl,
    revokeUrl: emulator.endpoints.revokeUrl,
    apiBaseUrl: emulator.endpoints.apiBaseUrl,
  });
});

afterAll(async () => {
  await emulator.stop();
});

beforeEach(() => {
  emulator.faults.clearAll();
});

/** Records the order of saves against the requests the emulator saw, to prove "persisted before use". */
class RequestTrackingTokenStore extends MemoryTokenStore {
  readonly requestsAtSave: number[] = [];
  constructor(tokens: OAuthTokens) {
    super(tokens, () => this.requestsAtSave.push(emulator.requests.length));
  }
}

let counter = 0;

async function authorize(email: string) {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const url = flow.authorizationUrl({
    state,
    codeChallenge: challenge,
    redirectUri: REDIRECT_URI,
    loginHint: email,
  });
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  expect(location.searchParams.get('state')).toBe(state);
  return { code: location.searchParams.get('code') ?? '', verifier };
}

async function connect() {
  const email = `user${++counter}@zoom.example`;
  const account = emulator.accounts.create({ email });
  const { code, verifier } = await authorize(email);
  const result = await flow.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
  const store = new RequestTrackingTokenStore(result.tokens);
  const clock = new RecordingClock();
  const context: AdapterContext = {
    tokens: store,
    oauth: flow,
    clock,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  };
  const zoom = new ZoomMeetingProvider(context, { apiBaseUrl: emulator.endpoints.apiBaseUrl });
  return { email, account, result, store, clock, context, zoom };
}

const start = new Date(Date.UTC(2030, 0, 7, 9, 0, 0));
const end = new Date(Date.UTC(2030, 0, 7, 9, 45, 0));

describe('Zoom OAuth', () => {
  it('builds an authorization URL with PKCE S256, state and login_hint', () => {
    const url = new URL(
      flow.authorizationUrl({
        state: 'st',
        codeChallenge: 'ch',
        redirectUri: REDIRECT_URI,
        loginHint: 'a@b.c',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(emulator.endpoints.authorizeUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: emulator.clientId,
      redirect_uri: REDIRECT_URI,
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      login_hint: 'a@b.c',
    });
  });

  it('exchanges the code (Basic auth + PKCE) and reads the account from /users/me', async () => {
    const { result, account, email } = await connect();
    expect(result.account).toEqual({ externalId: account.id, email });
    expect(result.tokens.refreshToken).toBeTruthy();
    expect(result.tokens.scopes).toEqual(
      expect.arrayContaining(['user:read:user', 'meeting:write:meeting', 'meeting:delete:meeting']),
    );
    expect(result.tokens.expiresAt).toBeGreaterThan(Date.now());
  });

  it('classifies a PKCE mismatch and a wrong client secret as token-endpoint failures', async () => {
    emulator.accounts.create({ email: 'pkce@zoom.example' });
    const { code } = await authorize('pkce@zoom.example');
    const pkce = await failure(flow.exchangeCode({ code, codeVerifier: 'wrong', redirectUri: REDIRECT_URI }));
    expect(pkce.classification).toMatchObject({ provider: 'zoom', code: 'INVALID_REQUEST' });

    const bad = new ZoomOAuthFlow({
      clientId: emulator.clientId,
      clientSecret: 'nope',
      tokenUrl: emulator.endpoints.tokenUrl,
      apiBaseUrl: emulator.endpoints.apiBaseUrl,
    });
    const { code: code2, verifier } = await authorize('pkce@zoom.example');
    const client = await failure(
      bad.exchangeCode({ code: code2, codeVerifier: verifier, redirectUri: REDIRECT_URI }),
    );
    expect(client.classification).toMatchObject({
      provider: 'zoom',
      code: 'MISCONFIGURED',
      action: 'FIX_CONFIGURATION',
      providerReason: 'invalid_client',
    });
  });

  it('rotates the refresh token on refresh, persists it before any use, and the old one is dead', async () => {
    const { result, store, zoom, context } = await connect();
    const session = createAuthorizedSession(context);
    const before = emulator.requests.length;
    const fresh = await session.refresh();
    expect(fresh.refreshToken).toBeTruthy();
    expect(fresh.refreshToken).not.toBe(result.tokens.refreshToken);
    expect(store.saved.at(-1)?.refreshToken).toBe(fresh.refreshToken);
    expect(store.requestsAtSave.at(-1)).toBe(before);
    const old = await failure(flow.refresh(result.tokens.refreshToken ?? ''));
    expect(old.classification).toMatchObject({
      provider: 'zoom',
      code: 'AUTH_REVOKED',
      providerReason: 'invalid_grant',
      connectionBroken: true,
    });
    await expect(zoom.probe()).resolves.toMatchObject({ ok: true });
  });

  it('revokes the grant at /oauth/revoke', async () => {
    const { result, zoom } = await connect();
    await flow.revoke(result.tokens.accessToken);
    const error = await failure(zoom.probe());
    expect(error.classification).toMatchObject({ provider: 'zoom', code: 'AUTH_REVOKED' });
  });
});

describe('Zoom meetings (LocationProvider)', () => {
  it('probes GET /users/me and reports the account and scopes', async () => {
    const { zoom, account, email } = await connect();
    const probe = await zoom.probe();
    expect(probe).toMatchObject({ ok: true, account: { externalId: account.id, email }, missingScopes: [] });
    expect(emulator.requests.at(-1)).toBe('GET /users/me');
  });

  it('creates and deletes a meeting for a booking', async () => {
    const { zoom, account } = await connect();
    const meeting = await zoom.createMeeting({ subject: 'Intro call', start, end });
    expect(meeting.id).toMatch(/^\d+$/);
    expect(meeting.joinUrl).toMatch(/^https:\/\/us06web\.zoom\.us\/j\/\d+/);
    expect(emulator.meetings(account.id)).toEqual([
      { id: Number(meeting.id), topic: 'Intro call', join_url: meeting.joinUrl },
    ]);
    await zoom.deleteMeeting(meeting.id);
    expect(emulator.meetings(account.id)).toEqual([]);
    const gone = await failure(zoom.deleteMeeting(meeting.id));
    expect(gone.classification).toMatchObject({ provider: 'zoom', code: 'NOT_FOUND', providerCode: '3001' });
  });

  it('REVOKE_GRANT: 124 triggers one refresh, which fails as AUTH_REVOKED', async () => {
    const { zoom, account, store } = await connect();
    emulator.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    const error = await failure(zoom.probe());
    expect(error.classification).toMatchObject({
      provider: 'zoom',
      code: 'AUTH_REVOKED',
      action: 'REAUTHORIZE',
      connectionBroken: true,
    });
    expect(store.saved).toHaveLength(0);
  });

  it('EXPIRE_ACCESS_TOKEN: 124 → refresh, rotated tokens saved before the retry, then success', async () => {
    const { zoom, account, store, result } = await connect();
    emulator.faults.inject(account.id, { kind: 'EXPIRE_ACCESS_TOKEN' });
    const before = emulator.requests.length;
    await expect(zoom.createMeeting({ subject: 'after refresh', start, end })).resolves.toMatchObject({
      joinUrl: expect.any(String),
    });
    expect(store.saved).toHaveLength(1);
    expect(store.saved[0]?.accessToken).not.toBe(result.tokens.accessToken);
    expect(store.saved[0]?.refreshToken).not.toBe(result.tokens.refreshToken);
    expect(store.requestsAtSave[0]).toBe(before);
    expect(emulator.requests.length).toBe(before + 1);
  });

  it('refreshes ahead of a known access-token expiry', async () => {
    const { zoom, store, result } = await connect();
    store.tokens = { ...result.tokens, expiresAt: Date.now() + 1_000 };
    await zoom.probe();
    expect(store.saved).toHaveLength(1);
  });

  it('DROP_SCOPE: 4711 is INSUFFICIENT_SCOPE and breaks the connection', async () => {
    const { zoom, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'DROP_SCOPE', scope: 'meeting:write:meeting' });
    const error = await failure(zoom.createMeeting({ subject: 'x', start, end }));
    expect(error.classification).toMatchObject({
      provider: 'zoom',
      code: 'INSUFFICIENT_SCOPE',
      providerCode: '4711',
      connectionBroken: true,
      retryable: false,
    });
  });

  it('DELETE_ACCOUNT: 1001 is ACCOUNT_UNAVAILABLE', async () => {
    const { zoom, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'DELETE_ACCOUNT' });
    const error = await failure(zoom.probe());
    expect(error.classification).toMatchObject({
      provider: 'zoom',
      code: 'ACCOUNT_UNAVAILABLE',
      providerCode: '1001',
      connectionBroken: true,
    });
  });

  it('RATE_LIMIT: honours Retry-After with the injected clock, then succeeds', async () => {
    const { zoom, account, clock } = await connect();
    emulator.faults.inject(account.id, { kind: 'RATE_LIMIT', requests: 2, retryAfterSeconds: 7 });
    await expect(zoom.probe()).resolves.toMatchObject({ ok: true });
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps.every((ms) => ms >= 7_000)).toBe(true);
  });

  it('RATE_LIMIT beyond the attempts: RATE_LIMITED with retryAfterSeconds and the X-RateLimit-Type', async () => {
    const { zoom, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'RATE_LIMIT', requests: 10, retryAfterSeconds: 3 });
    const error = await failure(zoom.probe());
    expect(error.classification).toMatchObject({
      provider: 'zoom',
      code: 'RATE_LIMITED',
      action: 'RETRY_WITH_BACKOFF',
      retryAfterSeconds: 3,
      providerCode: '429',
      providerReason: 'QPS',
    });
  });

  it('SERVER_ERROR_BURST: 5xx pages are retried', async () => {
    const { zoom, account, clock } = await connect();
    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 2, status: 503 });
    await expect(zoom.createMeeting({ subject: 'retry me', start, end })).resolves.toMatchObject({
      joinUrl: expect.any(String),
    });
    expect(clock.sleeps).toHaveLength(2);
    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 1, status: 502 });
    await expect(zoom.probe()).resolves.toMatchObject({ ok: true });
  });

  it('RESET_CONNECTION: NETWORK_UNREACHABLE is retried; without attempts left it surfaces', async () => {
    const { zoom, account, context } = await connect();
    emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 1 });
    await expect(zoom.probe()).resolves.toMatchObject({ ok: true });
    const once = new ZoomMeetingProvider(
      { ...context, retry: { maxAttempts: 1 } },
      { apiBaseUrl: emulator.endpoints.apiBaseUrl },
    );
    emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 1 });
    const error = await failure(once.probe());
    expect(error.classification).toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      retryable: true,
      provider: 'zoom',
    });
  });

  it('LATENCY: slow answers still succeed; aborting rejects promptly', async () => {
    const { zoom, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'LATENCY', ms: 150, requests: 1 });
    const started = Date.now();
    await expect(zoom.probe()).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    // Held far longer than the abort takes to arrive, so the call cannot finish before it on a busy machine.
    emulator.faults.inject(account.id, { kind: 'LATENCY', ms: 20_000, requests: 1 });
    const controller = new AbortController();
    const pending = zoom.probe(controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('Zoom creates a meeting at most once (no idempotency key: reconcile by marker)', () => {
  it('a create committed but whose answer was lost is found again by its marker, not created twice', async () => {
    const { zoom, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'COMMIT_THEN_RESET', requests: 1 });
    const meeting = await zoom.createMeeting({ subject: 'Zoom once', start, end });
    expect(emulator.meetings(account.id).map((m) => String(m.id))).toEqual([meeting.id]);
  });

  it('a create that never landed (reset before Zoom acted) is created after the lookup finds nothing', async () => {
    const { zoom, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 1 });
    const before = emulator.requests.length;
    const meeting = await zoom.createMeeting({ subject: 'Zoom after reset', start, end });
    expect(emulator.meetings(account.id).map((m) => String(m.id))).toEqual([meeting.id]);
    expect(emulator.requests.slice(before)).toEqual(['GET /users/me/meetings', 'POST /users/me/meetings']);
  });

  it('when no lookup can tell, the create fails with OutcomeUnknownError naming the request id', async () => {
    const { account, context } = await connect();
    // Every lookup meets a connection the emulator cuts (the fault is armed as the lookup leaves).
    const cutLookups: typeof fetch = (input, init) => {
      if (String(input).includes('/users/me/meetings?')) {
        emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 1 });
      }
      return fetch(input, init);
    };
    const zoom = new ZoomMeetingProvider(context, {
      apiBaseUrl: emulator.endpoints.apiBaseUrl,
      fetch: cutLookups,
    });
    emulator.faults.inject(account.id, { kind: 'COMMIT_THEN_RESET', requests: 1 });
    const before = emulator.requests.length;
    const error = await zoom
      .createMeeting({ subject: 'Zoom unknown', start, end, clientRequestId: 'booking-9' })
      .catch((x: unknown) => x);
    expect(isOutcomeUnknownError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'OutcomeUnknownError',
      provider: 'ZOOM',
      operation: 'createMeeting',
      clientRequestId: 'booking-9',
    });
    // One meeting, and no second create was sent.
    expect(emulator.meetings(account.id)).toHaveLength(1);
    expect(emulator.requests.slice(before).filter((r) => r === 'POST /users/me/meetings')).toHaveLength(1);
  });
});

describe('Zoom calls are bounded', () => {
  it('a Zoom answer held past timeoutMs fails the request as a transient ETIMEDOUT, promptly', async () => {
    const { account, context } = await connect();
    const slow = new ZoomMeetingProvider(
      { ...context, retry: { maxAttempts: 1 } },
      { apiBaseUrl: emulator.endpoints.apiBaseUrl, timeoutMs: 150 },
    );
    emulator.faults.inject(account.id, { kind: 'LATENCY', ms: 5_000, requests: 1 });
    const started = Date.now();
    const error = await failure(slow.probe());
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error.classification).toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      retryable: true,
      provider: 'zoom',
      providerCode: 'ETIMEDOUT',
    });
  });
});
