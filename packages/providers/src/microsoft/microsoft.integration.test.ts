// Real HTTP against the Microsoft emulator on 127.0.0.1: identity platform v2.0 + Graph v1.0, every fault.
import { randomBytes } from 'node:crypto';
import { type MicrosoftEmulator, startMicrosoftEmulator } from '@tsunagi/emulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure, MemoryTokenStore, pkce, RecordingClock } from '../../test/doubles.js';
import { createAuthorizedSession } from '../authorized-call.js';
import type { AdapterContext } from '../contract.js';
import { MicrosoftCalendarProvider, MicrosoftOAuthFlow, TeamsMeetingProvider } from './index.js';

const REDIRECT_URI = 'http://127.0.0.1/callback/microsoft';

let emulator: MicrosoftEmulator;
let flow: MicrosoftOAuthFlow;

beforeAll(async () => {
  emulator = await startMicrosoftEmulator({ port: 0 });
  flow = new MicrosoftOAuthFlow({
    authority: emulator.endpoints.authority,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    graphBaseUrl: emulator.endpoints.graphBaseUrl,
  });
});

afterAll(async () => {
  await emulator.stop();
});

let counter = 0;

async function authorize(email: string, oauth = flow) {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString('hex');
  const url = oauth.authorizationUrl({
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
  const code = location.searchParams.get('code');
  expect(code).toBeTruthy();
  return { code: code ?? '', verifier };
}

async function connect(scopes?: readonly string[]) {
  const email = `user${++counter}@contoso.example`;
  const account = emulator.accounts.create({ email });
  const oauth = scopes
    ? new MicrosoftOAuthFlow({
        authority: emulator.endpoints.authority,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        scopes,
      })
    : flow;
  const { code, verifier } = await authorize(email, oauth);
  const result = await oauth.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
  const store = new MemoryTokenStore(result.tokens);
  const clock = new RecordingClock();
  const context: AdapterContext = { tokens: store, oauth, clock, retry: { baseDelayMs: 1, maxDelayMs: 5 } };
  const graphOptions = { graphBaseUrl: emulator.endpoints.graphBaseUrl };
  return {
    email,
    account,
    result,
    store,
    clock,
    context,
    calendar: new MicrosoftCalendarProvider(context, graphOptions),
    teams: new TeamsMeetingProvider(context, graphOptions),
  };
}

const HOUR = 3_600_000;
const base = Date.UTC(2030, 0, 7, 9, 0, 0);
const range = { start: new Date(base - 24 * HOUR), end: new Date(base + 7 * 24 * HOUR) };

beforeEach(() => {
  emulator.faults.clearAll();
});

describe('Microsoft OAuth (identity platform v2.0)', () => {
  it('builds an authorization URL with PKCE S256, state, offline_access and login_hint', () => {
    const url = new URL(
      flow.authorizationUrl({
        state: 'st-1',
        codeChallenge: 'challenge',
        redirectUri: REDIRECT_URI,
        loginHint: 'a@contoso.example',
        scopes: ['Mail.Read'],
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(emulator.endpoints.authorizeUrl);
    expect(url.searchParams.get('client_id')).toBe(emulator.clientId);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge')).toBe('challenge');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe('st-1');
    expect(url.searchParams.get('login_hint')).toBe('a@contoso.example');
    const scopes = url.searchParams.get('scope')?.split(' ') ?? [];
    expect(scopes).toEqual(expect.arrayContaining(['offline_access', 'Calendars.ReadWrite', 'Mail.Read']));
  });

  it('authorizes, exchanges the code and reads the account (oid + email)', async () => {
    const { account, result } = await connect();
    expect(result.account).toEqual({ externalId: account.id, email: account.email });
    expect(result.tokens.refreshToken).toBeTruthy();
    expect(result.tokens.expiresAt).toBeGreaterThan(Date.now());
    expect(result.tokens.scopes).toEqual(expect.arrayContaining(['Calendars.ReadWrite', 'User.Read']));
  });

  it('reads the account from /me when no id_token comes back', async () => {
    const email = `noid${++counter}@contoso.example`;
    const account = emulator.accounts.create({ email });
    const oauth = new MicrosoftOAuthFlow({
      authority: emulator.endpoints.authority,
      clientId: emulator.clientId,
      scopes: ['offline_access', 'User.Read', 'Calendars.ReadWrite'],
      graphBaseUrl: emulator.endpoints.graphBaseUrl,
    });
    const { code, verifier } = await authorize(email, oauth);
    const result = await oauth.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
    expect(result.account).toEqual({ externalId: account.id, email });
  });

  it('classifies a PKCE mismatch and a wrong client secret as token-endpoint failures', async () => {
    const email = `pkce${++counter}@contoso.example`;
    emulator.accounts.create({ email });
    const { code } = await authorize(email);
    const bad = await failure(
      flow.exchangeCode({ code, codeVerifier: 'not-the-verifier', redirectUri: REDIRECT_URI }),
    );
    expect(bad.classification).toMatchObject({
      provider: 'microsoft-identity',
      providerReason: 'invalid_grant',
    });

    const wrongSecret = new MicrosoftOAuthFlow({
      authority: emulator.endpoints.authority,
      clientId: emulator.clientId,
      clientSecret: 'wrong',
    });
    const misconfigured = await failure(wrongSecret.refresh('anything'));
    expect(misconfigured.classification).toMatchObject({
      provider: 'microsoft-identity',
      code: 'MISCONFIGURED',
      action: 'FIX_CONFIGURATION',
      providerCode: 'AADSTS7000215',
    });
  });

  it('rotates the refresh token on refresh and persists it before use', async () => {
    const { result, store, calendar, context } = await connect();
    const session = createAuthorizedSession(context);
    const fresh = await session.refresh();
    expect(fresh.refreshToken).toBeTruthy();
    expect(fresh.refreshToken).not.toBe(result.tokens.refreshToken);
    expect(store.saved.at(-1)?.refreshToken).toBe(fresh.refreshToken);
    // The old refresh token no longer works: only the persisted one does.
    const old = await failure(flow.refresh(result.tokens.refreshToken ?? ''));
    expect(old.classification).toMatchObject({ provider: 'microsoft-identity', code: 'AUTH_REVOKED' });
    await expect(calendar.probe()).resolves.toMatchObject({ ok: true });
  });

  it('revoke forgets locally (the identity platform has no revocation endpoint)', async () => {
    await expect(flow.revoke('token')).resolves.toBeUndefined();
  });
});

describe('Microsoft calendar and Teams (Graph v1.0)', () => {
  it('probes /me/calendar and reports account and scopes', async () => {
    const { calendar, teams, account } = await connect();
    const probe = await calendar.probe();
    expect(probe).toMatchObject({
      ok: true,
      account: { externalId: account.id, email: account.email },
      missingScopes: [],
    });
    expect(probe.grantedScopes).toContain('Calendars.ReadWrite');
    await expect(teams.probe()).resolves.toMatchObject({ ok: true, missingScopes: [] });
  });

  it('breaks a Teams connection whose grant lacks OnlineMeetings.ReadWrite: no meeting can be created', async () => {
    const { teams } = await connect([
      'openid',
      'email',
      'offline_access',
      'User.Read',
      'Calendars.ReadWrite',
    ]);
    const probed = await failure(teams.probe());
    expect(probed.classification).toMatchObject({
      code: 'INSUFFICIENT_SCOPE',
      connectionBroken: true,
      httpStatus: 403,
    });
    expect(probed.classification.message).toContain('OnlineMeetings.ReadWrite');
    const denied = await failure(
      teams.createMeeting({ subject: 'x', start: new Date(base), end: new Date(base + HOUR) }),
    );
    expect(denied.classification).toMatchObject({
      code: 'PERMISSION_DENIED',
      connectionBroken: true,
      httpStatus: 403,
    });
  });

  it('creates, patches and deletes events (with a Teams link) and is idempotent on clientRequestId', async () => {
    const { calendar } = await connect();
    const created = await calendar.createEvent({
      summary: 'Intro call',
      start: new Date(base),
      end: new Date(base + HOUR),
      attendees: ['guest@fabrikam.example'],
      onlineMeeting: true,
      clientRequestId: 'booking-1',
    });
    expect(created).toMatchObject({ status: 'confirmed', summary: 'Intro call' });
    expect(created.start?.getTime()).toBe(base);
    expect(created.end?.getTime()).toBe(base + HOUR);
    expect(created.meetingUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(created.etag).toBeTruthy();
    const again = await calendar.createEvent({
      summary: 'Intro call',
      start: new Date(base),
      end: new Date(base + HOUR),
      clientRequestId: 'booking-1',
    });
    expect(again.id).toBe(created.id);

    const patched = await calendar.patchEvent(created.id, {
      summary: 'Moved',
      end: new Date(base + 2 * HOUR),
    });
    expect(patched).toMatchObject({ id: created.id, summary: 'Moved' });
    expect(patched.end?.getTime()).toBe(base + 2 * HOUR);
    expect(patched.etag).not.toBe(created.etag);

    await calendar.deleteEvent(created.id);
    const gone = await failure(calendar.deleteEvent(created.id));
    expect(gone.classification).toMatchObject({
      code: 'NOT_FOUND',
      providerReason: 'ErrorItemNotFound',
      httpStatus: 404,
    });
  });

  it('reads free/busy through getSchedule, including per-schedule errors', async () => {
    const { calendar, context } = await connect();
    await calendar.createEvent({ summary: 'a', start: new Date(base), end: new Date(base + HOUR) });
    await calendar.createEvent({
      summary: 'b',
      start: new Date(base + 3 * HOUR),
      end: new Date(base + 4 * HOUR),
    });
    const result = await calendar.freeBusy(range);
    expect(result.errors).toEqual([]);
    expect(result.busy.map((b) => [b.start.getTime(), b.end.getTime()])).toEqual([
      [base, base + HOUR],
      [base + 3 * HOUR, base + 4 * HOUR],
    ]);

    const ghost = new MicrosoftCalendarProvider(context, {
      graphBaseUrl: emulator.endpoints.graphBaseUrl,
      mailbox: 'ghost@contoso.example',
    });
    await expect(ghost.freeBusy(range)).resolves.toEqual({
      busy: [],
      errors: [{ calendarId: 'ghost@contoso.example', reason: 'ErrorInvalidUser' }],
    });
  });

  it('syncs with calendarView delta: full (paged), incremental, and a dead token means resync', async () => {
    const { calendar: seed, context } = await connect();
    const calendar = new MicrosoftCalendarProvider(context, {
      graphBaseUrl: emulator.endpoints.graphBaseUrl,
      pageSize: 2,
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const event = await seed.createEvent({
        summary: `e${i}`,
        start: new Date(base + i * HOUR),
        end: new Date(base + i * HOUR + 1_800_000),
      });
      ids.push(event.id);
    }
    const requestsBefore = emulator.requests.length;
    const full = await calendar.listEvents({ range });
    expect(full.events.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(emulator.requests.slice(requestsBefore).filter((r) => r.includes('delta'))).toHaveLength(3);
    expect(full.syncToken).toContain('$deltatoken=');

    const quiet = await calendar.listEvents({ syncToken: full.syncToken });
    expect(quiet.events).toEqual([]);

    await seed.patchEvent(ids[0]!, { summary: 'changed' });
    await seed.deleteEvent(ids[1]!);
    const added = await seed.createEvent({
      summary: 'new',
      start: new Date(base + 30 * HOUR),
      end: new Date(base + 31 * HOUR),
    });
    const changes = await calendar.listEvents({ syncToken: quiet.syncToken });
    const byId = new Map(changes.events.map((e) => [e.id, e]));
    expect(byId.size).toBe(3);
    expect(byId.get(ids[0]!)).toMatchObject({ status: 'confirmed', summary: 'changed' });
    expect(byId.get(ids[1]!)).toMatchObject({ status: 'cancelled' });
    expect(byId.get(added.id)).toMatchObject({ status: 'confirmed', summary: 'new' });

    const dead = await failure(calendar.listEvents({ syncToken: `${full.syncToken}x` }));
    expect(dead.classification).toMatchObject({
      code: 'SYNC_TOKEN_INVALID',
      action: 'FULL_RESYNC',
      httpStatus: 410,
    });
    const bare = await failure(calendar.listEvents({ syncToken: 'garbage' }));
    expect(bare.classification.code).toBe('SYNC_TOKEN_INVALID');
  });

  it('creates and deletes Teams meetings', async () => {
    const { teams } = await connect();
    const meeting = await teams.createMeeting({
      subject: 'Standup',
      start: new Date(base),
      end: new Date(base + HOUR),
    });
    expect(meeting.id).toBeTruthy();
    expect(meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    await teams.deleteMeeting(meeting.id);
    const gone = await failure(teams.deleteMeeting(meeting.id));
    expect(gone.classification).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
  });
});

describe('Microsoft faults', () => {
  it('REVOKE_GRANT: the 401 triggers one refresh, which fails as AUTH_REVOKED from the identity platform', async () => {
    const { calendar, account, store } = await connect();
    emulator.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    const error = await failure(calendar.probe());
    expect(error.classification).toMatchObject({
      provider: 'microsoft-identity',
      code: 'AUTH_REVOKED',
      action: 'REAUTHORIZE',
      connectionBroken: true,
      providerCode: 'AADSTS50173',
      subReason: 'MS_GRANT_REVOKED',
    });
    expect(store.saved).toHaveLength(0);
  });

  it('EXPIRE_ACCESS_TOKEN: refreshes once, saves the rotated tokens, retries and succeeds', async () => {
    const { calendar, account, store, result } = await connect();
    emulator.faults.inject(account.id, { kind: 'EXPIRE_ACCESS_TOKEN' });
    await expect(calendar.probe()).resolves.toMatchObject({ ok: true });
    expect(store.saved).toHaveLength(1);
    expect(store.saved[0]?.accessToken).not.toBe(result.tokens.accessToken);
    expect(store.saved[0]?.refreshToken).not.toBe(result.tokens.refreshToken);
  });

  it('refreshes ahead of a known access-token expiry', async () => {
    const { calendar, store, result } = await connect();
    store.tokens = { ...result.tokens, expiresAt: Date.now() + 1_000 };
    await calendar.probe();
    expect(store.saved).toHaveLength(1);
  });

  it('DROP_SCOPE: 403 ErrorAccessDenied breaks the connection', async () => {
    const { calendar, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'DROP_SCOPE', scope: 'Calendars.ReadWrite' });
    const error = await failure(
      calendar.createEvent({ summary: 'x', start: new Date(base), end: new Date(base + HOUR) }),
    );
    expect(error.classification).toMatchObject({
      provider: 'microsoft',
      code: 'PERMISSION_DENIED',
      providerReason: 'ErrorAccessDenied',
      connectionBroken: true,
      retryable: false,
    });
  });

  it('DELETE_ACCOUNT: Graph says MailboxNotEnabledForRESTAPI, the token endpoint AADSTS50034', async () => {
    const { calendar, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'DELETE_ACCOUNT' });
    const error = await failure(calendar.probe());
    expect(error.classification).toMatchObject({
      code: 'ACCOUNT_UNAVAILABLE',
      // An administrator licenses or restores the mailbox; reconnecting the same account cannot fix it.
      action: 'FIX_CONFIGURATION',
      connectionBroken: true,
      subReason: 'MS_MAILBOX_NOT_ENABLED',
    });
    const sync = await failure(calendar.listEvents({ range }));
    expect(sync.classification.code).toBe('ACCOUNT_UNAVAILABLE');
  });

  it('DELETE_ACCOUNT on refresh is classified from the AADSTS code', async () => {
    const { account, result } = await connect();
    emulator.faults.inject(account.id, { kind: 'DELETE_ACCOUNT' });
    const error = await failure(flow.refresh(result.tokens.refreshToken ?? ''));
    expect(error.classification).toMatchObject({
      provider: 'microsoft-identity',
      code: 'ACCOUNT_UNAVAILABLE',
      providerCode: 'AADSTS50034',
      subReason: 'MS_USER_NOT_IN_TENANT',
    });
  });

  it('RATE_LIMIT: honours Retry-After, then succeeds', async () => {
    const { calendar, account, clock } = await connect();
    emulator.faults.inject(account.id, { kind: 'RATE_LIMIT', requests: 2, retryAfterSeconds: 7 });
    await expect(calendar.freeBusy(range)).resolves.toMatchObject({ errors: [] });
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps.every((ms) => ms >= 7_000)).toBe(true);
  });

  it('RATE_LIMIT beyond the attempts: RATE_LIMITED with retryAfterSeconds', async () => {
    const { calendar, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'RATE_LIMIT', requests: 10, retryAfterSeconds: 3 });
    const error = await failure(calendar.probe());
    expect(error.classification).toMatchObject({
      code: 'RATE_LIMITED',
      action: 'RETRY_WITH_BACKOFF',
      retryAfterSeconds: 3,
      providerReason: 'TooManyRequests',
    });
  });

  it('SERVER_ERROR_BURST: 503 serviceNotAvailable and HTML 502 pages are retried', async () => {
    const { calendar, account, clock } = await connect();
    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 2, status: 503 });
    const event = await calendar.createEvent({
      summary: 'retry me',
      start: new Date(base),
      end: new Date(base + HOUR),
      clientRequestId: 'burst-1',
    });
    expect(event.summary).toBe('retry me');
    expect(clock.sleeps.filter((ms) => ms >= 1_000)).toHaveLength(2);

    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 1, status: 502 });
    await expect(calendar.probe()).resolves.toMatchObject({ ok: true });
  });

  it('RESET_CONNECTION: NETWORK_UNREACHABLE is retried; without attempts left it surfaces', async () => {
    const { calendar, account, context } = await connect();
    emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 1 });
    await expect(calendar.probe()).resolves.toMatchObject({ ok: true });

    const once = new MicrosoftCalendarProvider(
      { ...context, retry: { maxAttempts: 1 } },
      { graphBaseUrl: emulator.endpoints.graphBaseUrl },
    );
    emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 1 });
    const error = await failure(once.probe());
    expect(error.classification).toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      retryable: true,
      provider: 'microsoft',
    });
  });

  it('LATENCY: slow answers still succeed', async () => {
    const { calendar, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'LATENCY', ms: 150, requests: 1 });
    const started = Date.now();
    await expect(calendar.probe()).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('aborting a call rejects promptly', async () => {
    const { calendar, account } = await connect();
    // Held far longer than the abort takes to arrive, so the call cannot finish before it on a busy machine.
    emulator.faults.inject(account.id, { kind: 'LATENCY', ms: 20_000, requests: 1 });
    const controller = new AbortController();
    const pending = calendar.probe(controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('Graph creates an event or a Teams meeting at most once', () => {
  it('POST /me/events committed but whose answer was lost: the replay carries the transactionId, one event exists', async () => {
    const { calendar, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'COMMIT_THEN_RESET', requests: 1 });
    const created = await calendar.createEvent({
      summary: 'Booked once',
      start: new Date(base),
      end: new Date(base + HOUR),
    });
    const listed = await calendar.listEvents({ range });
    expect(listed.events.filter((e) => e.summary === 'Booked once').map((e) => e.id)).toEqual([created.id]);
  });

  it('createOrGet committed but whose answer was lost: the replay with the same externalId gets that meeting', async () => {
    const { teams, account } = await connect();
    emulator.faults.inject(account.id, { kind: 'COMMIT_THEN_RESET', requests: 1 });
    const meeting = await teams.createMeeting({
      subject: 'Teams once',
      start: new Date(base),
      end: new Date(base + HOUR),
    });
    expect(emulator.onlineMeetings(account.id).map((m) => m.id)).toEqual([meeting.id]);
    // The caller's own id twice: still one meeting.
    const again = await teams.createMeeting({
      subject: 'Teams once',
      start: new Date(base),
      end: new Date(base + HOUR),
      clientRequestId: 'booking-7',
    });
    const same = await teams.createMeeting({
      subject: 'Teams once',
      start: new Date(base),
      end: new Date(base + HOUR),
      clientRequestId: 'booking-7',
    });
    expect(same.id).toBe(again.id);
    expect(emulator.onlineMeetings(account.id)).toHaveLength(2);
  });
});

describe('Graph calls are bounded', () => {
  it('a Graph answer held past timeoutMs fails the request as a transient ETIMEDOUT, promptly', async () => {
    const { account, context } = await connect();
    const slow = new MicrosoftCalendarProvider(
      { ...context, retry: { maxAttempts: 1 } },
      { graphBaseUrl: emulator.endpoints.graphBaseUrl, timeoutMs: 150 },
    );
    emulator.faults.inject(account.id, { kind: 'LATENCY', ms: 5_000, requests: 1 });
    const started = Date.now();
    const error = await failure(slow.probe());
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error.classification).toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      retryable: true,
      provider: 'microsoft',
      providerCode: 'ETIMEDOUT',
    });
  });

  it('the retry deadline bounds the whole call: retries of a held answer stop at it', async () => {
    const { account, context } = await connect();
    const bounded = new MicrosoftCalendarProvider(
      { ...context, retry: { maxAttempts: 10, deadlineMs: 400, baseDelayMs: 1, maxDelayMs: 5 } },
      { graphBaseUrl: emulator.endpoints.graphBaseUrl, timeoutMs: 10_000 },
    );
    emulator.faults.inject(account.id, { kind: 'LATENCY', ms: 5_000, requests: 10 });
    const started = Date.now();
    const error = await failure(bounded.probe());
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error.classification).toMatchObject({ code: 'NETWORK_UNREACHABLE', providerCode: 'ETIMEDOUT' });
  });
});

describe('a deleted item is not retried', () => {
  it('patching a deleted event fails at once as NOT_FOUND, without backoff retries', async () => {
    const { calendar, clock } = await connect();
    const event = await calendar.createEvent({
      summary: 'Soon gone',
      start: new Date(base),
      end: new Date(base + HOUR),
    });
    await calendar.deleteEvent(event.id);
    const before = emulator.requests.length;
    const error = await failure(calendar.patchEvent(event.id, { summary: 'too late' }));
    expect(error.classification).toMatchObject({ code: 'NOT_FOUND', action: 'NONE', retryable: false });
    expect(emulator.requests.slice(before)).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});
