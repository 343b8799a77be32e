// Connection health benchmarks (issue 4 §7), against the provider emulators on 127.0.0.1:
//  1. probe throughput: 10,000 Google Calendar connections probed through the production adapter
//     (`GoogleCalendarProvider.probe`: authorized session, retries, classification — events.list plus
//     tokeninfo) with 32 in flight, against a bare `fetch` client sending the same two requests with the same
//     tokens and concurrency (the baseline);
//  2. reconnect → page ACTIVE latency p50/p99: a gateway on in-memory PGlite, a page whose only member's grant
//     is revoked and probed (page disabled), then `startReconnect` → authorize → gateway callback → the page's
//     ACTIVE event on a graphql-ws subscriber; baseline: the same authorize + code exchange straight against
//     the emulator (the provider's own share of the round trip).
// The emulators run in this process, so adapter and baseline share one event loop with them alike.
import {
  createDatabase,
  createOrganization,
  createStateService,
  createUser,
  type DatabaseHandle,
  parseKeyring,
  systemActor,
} from '@tsunagi/db';
import { startGoogleEmulator } from '@tsunagi/emulators';
import {
  createEmulatedProviderRegistry,
  createGateway,
  type Gateway,
  gatewayConfig,
  mintToken,
} from '@tsunagi/gateway';
import { GoogleCalendarProvider, GoogleOAuthFlow, type OAuthTokens } from '@tsunagi/providers';
import { BookingPageStateChangedSubscription, createTsunagiClient } from '@tsunagi/sdk';
import { issueTokens, pool } from './probe-world.js';
import { check, fmt, median, percentile, printTable } from './report.js';

const ACCOUNTS = Number(process.env.BENCH_PROBE_ACCOUNTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_PROBE_CONCURRENCY ?? 32);
const RECONNECTS = Number(process.env.BENCH_RECONNECT_SAMPLES ?? 30);

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const google = await startGoogleEmulator({ port: 0 });
let gateway: Gateway | null = null;
let database: DatabaseHandle | null = null;
try {
  // ── 1. Probe throughput ──────────────────────────────────────────────────────────────────────────────
  const oauth = new GoogleOAuthFlow({
    clientId: google.client.clientId,
    clientSecret: google.client.clientSecret,
    endpoints: google.endpoints,
  });
  const setupStart = performance.now();
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) =>
    google.accounts.create({ email: `probe-${i}@bench.example` }),
  );
  const tokens: OAuthTokens[] = new Array(ACCOUNTS);
  await pool([0, ACCOUNTS], 64, async (i) => {
    tokens[i] = await issueTokens(google, oauth, accounts[i]!.id);
  });
  const setupSeconds = (performance.now() - setupStart) / 1000;

  const probeAll = async (range: readonly [number, number]) => {
    let ok = 0;
    await pool(range, CONCURRENCY, async (i) => {
      let stored = tokens[i]!;
      const provider = new GoogleCalendarProvider({
        context: {
          oauth,
          tokens: {
            load: async () => stored,
            save: async (next) => {
              stored = next;
            },
          },
        },
        apiRoot: google.endpoints.apiRoot,
      });
      const result = await provider.probe();
      check(
        result.ok && result.missingScopes.length === 0 && result.account?.externalId === accounts[i]!.id,
        `probe ${i}: ${JSON.stringify(result)}`,
      );
      ok++;
    });
    return ok;
  };

  // The same two requests a probe sends, from a bare client.
  const eventsUrl = (from: number) => {
    const url = new URL('calendar/v3/calendars/primary/events', google.endpoints.apiRoot);
    url.search = new URLSearchParams({
      maxResults: '1',
      singleEvents: 'true',
      timeMin: new Date(from).toISOString(),
      timeMax: new Date(from + 60_000).toISOString(),
      fields: 'summary,timeZone',
    }).toString();
    return url;
  };
  const bareAll = async (range: readonly [number, number]) => {
    let ok = 0;
    await pool(range, CONCURRENCY, async (i) => {
      const accessToken = tokens[i]!.accessToken;
      const events = await fetch(eventsUrl(Date.now()), {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const listed = (await events.json()) as { timeZone?: string };
      const info = await fetch(google.endpoints.tokeninfoUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ access_token: accessToken }).toString(),
      });
      const granted = (await info.json()) as { sub?: string };
      check(
        events.status === 200 && typeof listed.timeZone === 'string' && granted.sub === accounts[i]!.id,
        `bare request ${i}: ${events.status} / ${info.status}`,
      );
      ok++;
    });
    return ok;
  };

  // Warm both paths (JIT, keep-alive sockets) on the first 1,000; then the two alternate over slices of
  // 1,000 connections (so drift on a shared machine hits both alike), every connection once each.
  const warm: [number, number] = [0, Math.min(ACCOUNTS, 1_000)];
  check((await bareAll(warm)) === warm[1] && (await probeAll(warm)) === warm[1], 'warm-up answers');
  let bareOk = 0;
  let probeOk = 0;
  let bareMs = 0;
  let probeMs = 0;
  for (let from = 0; from < ACCOUNTS; from += 1_000) {
    const slice = [from, Math.min(ACCOUNTS, from + 1_000)] as const;
    bareMs += await timed(async () => {
      bareOk += await bareAll(slice);
    });
    probeMs += await timed(async () => {
      probeOk += await probeAll(slice);
    });
  }
  check(probeOk === ACCOUNTS, `${probeOk} of ${ACCOUNTS} probes ok`);
  check(bareOk === ACCOUNTS, `${bareOk} of ${ACCOUNTS} bare requests ok`);
  const probeRate = ACCOUNTS / (probeMs / 1000);
  const bareRate = ACCOUNTS / (bareMs / 1000);
  const probeRatio = probeRate / bareRate;

  // ── 2. Reconnect → page ACTIVE latency ───────────────────────────────────────────────────────────────
  database = createDatabase({});
  await database.migrate();
  const config = gatewayConfig();
  gateway = await createGateway(config, {
    database,
    providers: createEmulatedProviderRegistry({ google }),
  });
  const organization = await createOrganization(database.db, { name: 'Bench', slug: 'bench' });
  const email = 'reconnect@bench.example';
  const user = await createUser(database.db, {
    organizationId: organization.id,
    name: 'Reconnect',
    email,
    role: 'ADMIN',
  });
  const account = google.accounts.create({ email });
  const token = await mintToken({
    ...config.jwt,
    userId: user.id,
    organizationId: organization.id,
    role: 'ADMIN',
  });
  const url = gateway.url;
  const post = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    check(body.errors === undefined && body.data != null, `gateway answered ${JSON.stringify(body.errors)}`);
    return body.data as T;
  };
  /**
   * The starting browser's part of a reconnect: opens the gateway's binding URL with the bearer token (keeps
   * the binding cookie), follows the emulator's consent back to the gateway callback and calls it with the
   * cookie. Returns the connection id the callback answered.
   */
  const consentAndCallback = async (authorizationUrl: string) => {
    const bound = await fetch(authorizationUrl, {
      redirect: 'manual',
      headers: { authorization: `Bearer ${token}` },
    });
    check(bound.status === 303, `the binding URL answered ${bound.status}`);
    const cookie = bound.headers
      .getSetCookie()
      .map((line) => line.split(';')[0] ?? '')
      .filter((pair) => pair.startsWith('tsunagi_oauth_'))
      .join('; ');
    const consent = await fetch(bound.headers.get('location') ?? '', { redirect: 'manual' });
    check(consent.status === 302, `authorize answered ${consent.status}`);
    const done = await fetch(consent.headers.get('location') ?? '', { headers: { cookie } });
    const body = (await done.json()) as { connectionId?: string };
    check(done.status === 200, `callback answered ${done.status}: ${JSON.stringify(body)}`);
    return String(body.connectionId);
  };

  // The connection is seeded with the emulator's tokens sealed under the gateway's keyring, as a finished
  // connectAccount leaves it (the browser-bound flow is what the reconnect rounds below time).
  const state = createStateService({
    db: database.db,
    keyring: parseKeyring(config.credentialsKeys),
    bus: database.bus,
  });
  const granted = await issueTokens(google, oauth, account.id);
  const seeded = await state.createConnection(systemActor(organization.id), {
    userId: user.id,
    provider: 'GOOGLE_CALENDAR',
    accountExternalId: account.id,
    accountEmail: email,
    credentials: {
      accessToken: granted.accessToken,
      refreshToken: granted.refreshToken ?? null,
      expiresAt: granted.expiresAt === undefined ? null : new Date(granted.expiresAt),
      scopes: granted.scopes,
    },
  });
  check(seeded.ok, 'the connection was seeded');
  const connectionId = seeded.ok ? seeded.value.connection.id : '';
  const created = await post<{ createBookingPage: { id: string; state: string } }>(
    'mutation($input: CreateBookingPageInput!) { createBookingPage(input: $input) { id state } }',
    { input: { title: 'Reconnect bench' } },
  );
  const pageId = created.createBookingPage.id;
  check(created.createBookingPage.state === 'ACTIVE', 'the page starts ACTIVE');

  const client = createTsunagiClient({ url, token });
  const events = client.subscribe(BookingPageStateChangedSubscription, { pageId });
  type StateEvent = IteratorResult<{ bookingPageStateChanged: { state: string } }>;
  let pending = events.next() as Promise<StateEvent>;
  // A live subscription only promises events committed after it started: wait until it streams.
  for (let waited = 0; ; waited += 10) {
    check(waited < 10_000, 'the subscription never started');
    const { values } = await gateway.metrics.subscriptionsActive.get();
    if ((values.find((v) => v.labels.subscription === 'bookingPageStateChanged')?.value ?? 0) > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const nextState = async (expected: string) => {
    const event = await Promise.race([
      pending,
      new Promise<null>((resolve) => setTimeout(resolve, 10_000, null)),
    ]);
    check(event !== null && !event.done, `no ${expected} event within 10 s`);
    const state = (event as StateEvent & { done: false }).value.bookingPageStateChanged.state;
    check(state === expected, `expected ${expected}, got ${state}`);
    pending = events.next() as Promise<StateEvent>;
  };

  const reconnectMs: number[] = [];
  const callbackMs: number[] = [];
  const WARMUP = 3;
  for (let i = 0; i < WARMUP + RECONNECTS; i++) {
    google.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    const checked = await post<{ checkConnection: { status: string; lastError: { code: string } | null } }>(
      'mutation($id: ID!) { checkConnection(connectionId: $id) { status lastError { code } } }',
      { id: connectionId },
    );
    check(
      checked.checkConnection.status === 'ERROR' &&
        checked.checkConnection.lastError?.code === 'AUTH_REVOKED',
      `revoked grant probed as ${JSON.stringify(checked.checkConnection)}`,
    );
    await nextState('DISABLED_CONNECTION_ERROR');

    const start = performance.now();
    const session = await post<{ startReconnect: { authorizationUrl: string } }>(
      'mutation($id: ID!) { startReconnect(connectionId: $id) { authorizationUrl } }',
      { id: connectionId },
    );
    const same = await consentAndCallback(session.startReconnect.authorizationUrl);
    const calledBack = performance.now();
    await nextState('ACTIVE');
    const active = performance.now();
    check(same === connectionId, 'the reconnect kept the connection id');
    if (i >= WARMUP) {
      reconnectMs.push(active - start);
      callbackMs.push(calledBack - start);
    }
  }
  const read = await post<{ bookingPage: { state: string; acceptingBookings: boolean } }>(
    'query($id: ID!) { bookingPage(id: $id) { state acceptingBookings } }',
    { id: pageId },
  );
  check(read.bookingPage.state === 'ACTIVE' && read.bookingPage.acceptingBookings, 'the page reads ACTIVE');
  await events.return?.();
  await client.close();

  // Baseline: the provider's share, authorize + code exchange straight against the emulator.
  const bareOAuthMs: number[] = [];
  for (let i = 0; i < WARMUP + RECONNECTS; i++) {
    const ms = await timed(async () => {
      await issueTokens(google, oauth, account.id);
    });
    if (i >= WARMUP) bareOAuthMs.push(ms);
  }

  const p50 = percentile(reconnectMs, 50);
  const p99 = percentile(reconnectMs, 99);
  const oauthP50 = percentile(bareOAuthMs, 50);
  printTable(
    `connection probes (${fmt(ACCOUNTS)} Google connections, ${CONCURRENCY} in flight; setup ${fmt(setupSeconds, 1)} s)`,
    [
      ['adapter probes (events.list + tokeninfo)', `${fmt(probeRate)} probes/s`, '', ''],
      ['bare fetch, same 2 requests (baseline)', `${fmt(bareRate)} probes/s`, '', ''],
      ['ratio adapter / bare fetch', fmt(probeRatio, 2), '', ''],
      ['emulator requests/s via adapter', `${fmt(probeRate * 2)} req/s`, '', ''],
      ['probes ok', `${fmt(probeOk)} / ${fmt(ACCOUNTS)}`, 'all', probeOk === ACCOUNTS ? 'yes' : 'NO'],
    ],
  );
  printTable(`reconnect → page ACTIVE on PGlite (${RECONNECTS} revoke → check → reconnect rounds)`, [
    [
      'startReconnect → ACTIVE event p50',
      `${fmt(p50, 1)} ms (median ${fmt(median(reconnectMs), 1)})`,
      '',
      '',
    ],
    ['startReconnect → ACTIVE event p99', `${fmt(p99, 1)} ms`, '', ''],
    ['startReconnect → callback answered p50', `${fmt(percentile(callbackMs, 50), 1)} ms`, '', ''],
    ['bare authorize + exchange p50 (baseline)', `${fmt(oauthP50, 1)} ms`, '', ''],
    ['ratio reconnect p50 / bare OAuth p50', fmt(p50 / oauthP50, 1), '', ''],
  ]);
} finally {
  await gateway?.stop();
  await database?.close();
  await google.stop();
}
