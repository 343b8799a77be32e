// Issue 4 §7, end to end: an organization whose people link real (emulated) Google and Microsoft accounts
// through the OAuth flow, a provider revoking a grant, the probe noticing, pages turning off and on again in
// the same transaction, subscribers hearing about it over graphql-ws, and the reconnect flow healing it —
// on PGlite and on PostgreSQL (required under CI). Transient provider faults never disable a page by
// themselves; a run of them past the hysteresis threshold (3 failed probes spanning ≥ 15 minutes) does. The
// probes' clock is moved forward through the registry factory's own state service (same database and bus).
import { createStateService } from '@tsunagi/db';
import {
  type Fault,
  type GoogleEmulator,
  type MicrosoftEmulator,
  startGoogleEmulator,
  startMicrosoftEmulator,
} from '@tsunagi/emulators';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { authorize, callback } from '../../test/oauth.js';
import { type PageView, World } from '../../test/world.js';
import { type Subscription, subscribe, waitForSubscribers, wsClient } from '../../test/ws.js';
import { createEmulatedProviderRegistry } from '../providers/adapters.js';

let microsoft: MicrosoftEmulator;
let google: GoogleEmulator;
/** Added to the probes' clock: a run of transient failures spans minutes without waiting for them. */
let skewMs = 0;

beforeAll(async () => {
  [microsoft, google] = await Promise.all([
    startMicrosoftEmulator({ port: 0 }),
    startGoogleEmulator({ port: 0 }),
  ]);
});

afterAll(async () => {
  await Promise.all([microsoft?.stop(), google?.stop()]);
});

beforeEach(() => {
  skewMs = 0;
  microsoft.faults.clearAll();
  google.faults.clearAll();
});

type Name = 'a' | 'b' | 'c';
type CalendarProvider = 'GOOGLE_CALENDAR' | 'MICROSOFT_CALENDAR';
type LinkedProvider = CalendarProvider | 'MICROSOFT_TEAMS';

interface ConnectionView {
  id: string;
  status: string;
  health: string;
  lastError: { code: string; connectionBroken: boolean } | null;
}

const CONNECTION = 'id status health lastError { code connectionBroken }';

interface Session {
  authorizationUrl: string;
  state: string;
  connection: { id: string } | null;
}

interface StateEvent {
  bookingPageStateChanged: {
    previousState: string | null;
    state: string;
    acceptingBookings: boolean;
    page: { id: string };
  };
}

interface LogEvent {
  events: {
    type: string;
    page: { id: string } | null;
    connection: { id: string } | null;
    payload: Record<string, unknown>;
  };
}

/** Polls until `predicate` holds for a result (subscribers hear about commits asynchronously). */
async function until<T>(
  sub: Subscription<T>,
  predicate: (item: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sub.received.find(predicate);
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      throw new Error(`No matching result in ${JSON.stringify(sub.received)}; ${JSON.stringify(sub.errors)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeEachDriver('revoke → probe → page disabled → reconnect → page active (%s)', (driver) => {
  const t = useTestGateway(driver, {
    gateway: {
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          microsoft,
          google,
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
          // Far from both latencies below, so a busy machine cannot move a probe to the other side of it.
          probeTimeoutMs: 2_000,
        })({
          ...dependencies,
          // The gateway's own service with a clock the test moves (hysteresis spans minutes).
          state: createStateService({
            db: dependencies.database.db,
            keyring: dependencies.keyring,
            bus: dependencies.database.bus,
            now: () => new Date(Date.now() + skewMs),
          }),
        }),
    },
  });

  /** A (ADMIN, page owner), B, C; each has accounts of the same email in both emulators. */
  async function organization() {
    const w = await World.create(t(), ['a', 'b', 'c'] as const, { a: 'ADMIN' });
    const emails = {} as Record<Name, string>;
    const accounts = {} as Record<Name, { google: string; microsoft: string }>;
    for (const name of ['a', 'b', 'c'] as const) {
      const user = await t().handle.db.query.users.findFirst({
        where: (u, { eq }) => eq(u.id, w.users[name]),
      });
      emails[name] = user?.email ?? '';
      accounts[name] = {
        google: google.accounts.create({ email: emails[name] }).id,
        microsoft: microsoft.accounts.create({ email: emails[name] }).id,
      };
    }
    return { w, accounts };
  }

  async function link(w: World<Name>, name: Name, provider: LinkedProvider): Promise<string> {
    const data = await w.run<{ connectAccount: Session }>(
      name,
      'mutation L($p: Provider!) { connectAccount(provider: $p) { authorizationUrl state connection { id } } }',
      { p: provider },
    );
    const done = await callback(await authorize(data.connectAccount.authorizationUrl));
    expect(done).toMatchObject({ status: 200, body: { status: 'connected', provider } });
    return String(done.body.connectionId);
  }

  async function check(w: World<Name>, id: string): Promise<ConnectionView> {
    const data = await w.run<{ checkConnection: ConnectionView }>(
      'a',
      `mutation K($id: ID!) { checkConnection(connectionId: $id) { ${CONNECTION} } }`,
      { id },
    );
    return data.checkConnection;
  }

  async function reconnect(w: World<Name>, as: Name, id: string): Promise<void> {
    const data = await w.run<{ startReconnect: Session }>(
      as,
      'mutation R($id: ID!) { startReconnect(connectionId: $id) { authorizationUrl state connection { id } } }',
      { id },
    );
    expect(data.startReconnect.connection).toEqual({ id });
    const done = await callback(await authorize(data.startReconnect.authorizationUrl));
    expect(done).toMatchObject({ status: 200, body: { connectionId: id } });
  }

  async function listen(w: World<Name>) {
    const client = wsClient(t().wsUrl, await t().token(w.caller('a')));
    const states = subscribe<StateEvent>(
      client,
      'subscription { bookingPageStateChanged { previousState state acceptingBookings page { id } } }',
    );
    const log = subscribe<LogEvent>(
      client,
      'subscription { events { type page { id } connection { id } payload } }',
    );
    await waitForSubscribers(t().gateway, 'bookingPageStateChanged');
    await waitForSubscribers(t().gateway, 'events');
    return {
      states,
      log,
      async close() {
        await states.dispose();
        await log.dispose();
        await client.dispose();
      },
    };
  }

  const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

  it('links through OAuth, breaks on a revoked grant, and heals through reconnect', async () => {
    const { w, accounts } = await organization();
    const calendars: Record<Name, { provider: CalendarProvider; account: string }> = {
      a: { provider: 'GOOGLE_CALENDAR', account: accounts.a.google },
      b: { provider: 'MICROSOFT_CALENDAR', account: accounts.b.microsoft },
      c: { provider: 'GOOGLE_CALENDAR', account: accounts.c.google },
    };
    const faults = (name: Name) =>
      (calendars[name].provider === 'GOOGLE_CALENDAR' ? google : microsoft).faults;
    const calendar = {} as Record<Name, string>;
    for (const name of ['a', 'b', 'c'] as const)
      calendar[name] = await link(w, name, calendars[name].provider);
    const teams = await link(w, 'a', 'MICROSOFT_TEAMS');
    expect(new Set([...Object.values(calendar), teams]).size).toBe(4);

    const team = await w.createPage('a', {
      title: 'Team sync',
      mode: 'ALL_MEMBERS',
      memberIds: [w.users.a, w.users.b],
      locations: [{ type: 'MICROSOFT_TEAMS' }],
    });
    const robin = await w.createPage('a', {
      title: 'Round robin intro',
      mode: 'ANY_MEMBER',
      roundRobin: true,
      memberIds: [w.users.a, w.users.b, w.users.c],
    });
    expect(team).toMatchObject({ state: 'ACTIVE', acceptingBookings: true, reasons: [] });
    expect(team.locations).toMatchObject([{ type: 'MICROSOFT_TEAMS', usable: true }]);
    expect(robin).toMatchObject({ state: 'ACTIVE', mode: 'ANY_MEMBER', roundRobin: true, warnings: [] });
    expect(ids(robin.eligibleHosts)).toEqual(ids([{ id: w.users.a }, { id: w.users.b }, { id: w.users.c }]));
    for (const id of [...Object.values(calendar), teams]) {
      expect(await check(w, id)).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
    }

    const live = await listen(w);
    try {
      // B's provider revokes the grant; the next probe sees it.
      faults('b').inject(calendars.b.account, { kind: 'REVOKE_GRANT' });
      expect(await check(w, calendar.b)).toMatchObject({
        id: calendar.b,
        status: 'ERROR',
        lastError: { code: 'AUTH_REVOKED', connectionBroken: true },
      });

      const disabled = await w.page('a', team.id);
      expect(disabled).toMatchObject({ state: 'DISABLED_CONNECTION_ERROR', acceptingBookings: false });
      expect(disabled.reasons).toEqual([
        {
          kind: 'MEMBER_CALENDAR_ERROR',
          user: { id: w.users.b },
          connections: [{ id: calendar.b, provider: 'MICROSOFT_CALENDAR', status: 'ERROR' }],
        },
      ]);
      expect(disabled.remediation).toHaveLength(1);
      expect(disabled.remediation[0]?.goal).toBe('CLEAR_CALENDAR_ERROR');
      expect(
        disabled.remediation[0]?.options.map((option) =>
          option.actions.map((action) => [action.kind, action.connection?.id]),
        ),
      ).toEqual(expect.arrayContaining([[['RECONNECT', calendar.b]], [['UNLINK', calendar.b]]]));
      expect(disabled.remediation[0]?.options).toHaveLength(2);

      const stillActive = await w.page('a', robin.id);
      expect(stillActive).toMatchObject({ state: 'ACTIVE', acceptingBookings: true, reasons: [] });
      expect(ids(stillActive.eligibleHosts)).toEqual(ids([{ id: w.users.a }, { id: w.users.c }]));
      expect(stillActive.warnings).toHaveLength(1);
      expect(stillActive.warnings[0]).toMatchObject({ users: [{ id: w.users.b }], memberCount: 3 });

      // Subscribers hear it: the page's state change, and the log's connection + page events.
      expect(await until(live.states, (e) => e.bookingPageStateChanged.page.id === team.id)).toEqual({
        bookingPageStateChanged: {
          previousState: 'ACTIVE',
          state: 'DISABLED_CONNECTION_ERROR',
          acceptingBookings: false,
          page: { id: team.id },
        },
      });
      await until(
        live.log,
        (e) => e.events.type === 'CONNECTION_STATUS_CHANGED' && e.events.connection?.id === calendar.b,
      );
      await until(
        live.log,
        (e) =>
          e.events.type === 'BOOKING_PAGE_STATE_CHANGED' &&
          e.events.page?.id === team.id &&
          e.events.payload.to === 'DISABLED_CONNECTION_ERROR',
      );
      expect(live.states.received.some((e) => e.bookingPageStateChanged.page.id === robin.id)).toBe(false);

      // B reconnects the same connection.
      await reconnect(w, 'b', calendar.b);
      const healed = await w.run<{ connection: ConnectionView }>(
        'a',
        `query C($id: ID!) { connection(id: $id) { ${CONNECTION} } }`,
        { id: calendar.b },
      );
      expect(healed.connection).toMatchObject({ id: calendar.b, status: 'CONNECTED', lastError: null });
      expect(await w.page('a', team.id)).toMatchObject({ id: team.id, state: 'ACTIVE', reasons: [] });
      expect(
        await until(
          live.states,
          (e) =>
            e.bookingPageStateChanged.page.id === team.id && e.bookingPageStateChanged.state === 'ACTIVE',
        ),
      ).toMatchObject({
        bookingPageStateChanged: { previousState: 'DISABLED_CONNECTION_ERROR', acceptingBookings: true },
      });
      const all = await w.page('a', robin.id);
      expect(ids(all.eligibleHosts)).toEqual(ids([{ id: w.users.a }, { id: w.users.b }, { id: w.users.c }]));
      expect(all.warnings).toEqual([]);
      // The new grant works.
      expect(await check(w, calendar.b)).toMatchObject({ status: 'CONNECTED', lastError: null });

      // A's and C's calendars are revoked: B, connected again, is the only host left; the round robin stays
      // up with a warning. Then B's goes too: no member has a usable calendar.
      for (const name of ['a', 'c'] as const) {
        faults(name).inject(calendars[name].account, { kind: 'REVOKE_GRANT' });
        expect(await check(w, calendar[name])).toMatchObject({
          status: 'ERROR',
          lastError: { code: 'AUTH_REVOKED' },
        });
      }
      const lastHost = await w.page('a', robin.id);
      expect(lastHost).toMatchObject({ state: 'ACTIVE', acceptingBookings: true, reasons: [] });
      expect(ids(lastHost.eligibleHosts)).toEqual([w.users.b]);
      expect(ids(lastHost.warnings[0]?.users ?? [])).toEqual(ids([{ id: w.users.a }, { id: w.users.c }]));
      // The ALL_MEMBERS page is down again, for A's calendar this time.
      expect(await w.page('a', team.id)).toMatchObject({
        state: 'DISABLED_CONNECTION_ERROR',
        reasons: [{ kind: 'MEMBER_CALENDAR_ERROR', user: { id: w.users.a } }],
      });

      faults('b').inject(calendars.b.account, { kind: 'REVOKE_GRANT' });
      expect(await check(w, calendar.b)).toMatchObject({
        status: 'ERROR',
        lastError: { code: 'AUTH_REVOKED' },
      });
      const none = await w.page('a', robin.id);
      expect(none).toMatchObject({
        state: 'DISABLED_CONNECTION_ERROR',
        acceptingBookings: false,
        eligibleHosts: [],
      });
      expect(none.reasons).toHaveLength(1);
      expect(none.reasons[0]?.kind).toBe('NO_MEMBER_CALENDAR_AVAILABLE');
      expect(none.remediation.map((step) => step.goal)).toEqual(['MAKE_SOME_MEMBER_ELIGIBLE']);
      expect(ids(none.remediation[0]?.options.map((option) => option.host ?? { id: '' }) ?? [])).toEqual(
        ids([{ id: w.users.a }, { id: w.users.b }, { id: w.users.c }]),
      );
      expect(
        await until(
          live.states,
          (e) =>
            e.bookingPageStateChanged.page.id === robin.id &&
            e.bookingPageStateChanged.state === 'DISABLED_CONNECTION_ERROR',
        ),
      ).toMatchObject({ bookingPageStateChanged: { previousState: 'ACTIVE' } });

      // Any one member reconnecting brings the round robin back.
      await reconnect(w, 'c', calendar.c);
      const back = await w.page('a', robin.id);
      expect(back).toMatchObject({ state: 'ACTIVE', acceptingBookings: true });
      expect(ids(back.eligibleHosts)).toEqual([w.users.c]);
    } finally {
      await live.close();
    }
  });

  it('never disables a page on transient faults; a run past the hysteresis threshold does', async () => {
    const { w, accounts } = await organization();
    const calendar = await link(w, 'b', 'GOOGLE_CALENDAR');
    await link(w, 'a', 'MICROSOFT_CALENDAR');
    const page = await w.createPage('a', {
      title: 'Flaky provider',
      mode: 'ALL_MEMBERS',
      memberIds: [w.users.a, w.users.b],
    });
    expect(page.state).toBe('ACTIVE');
    const account = accounts.b.google;

    // Each fault outlasts the adapter's retries, so the probe fails — transiently.
    const transient: Fault[] = [
      { kind: 'RATE_LIMIT', requests: 20, retryAfterSeconds: 1 },
      { kind: 'SERVER_ERROR_BURST', requests: 20, status: 503 },
      { kind: 'SERVER_ERROR_BURST', requests: 20, status: 500 },
      { kind: 'RESET_CONNECTION', requests: 20 },
    ];
    for (const fault of transient) {
      google.faults.clear(account);
      google.faults.inject(account, fault);
      const checked = await check(w, calendar);
      expect(checked, fault.kind).toMatchObject({ status: 'CONNECTED', health: 'DEGRADED' });
      expect(checked.lastError?.connectionBroken, fault.kind).toBe(false);
      expect((await w.page('a', page.id)).state, fault.kind).toBe('ACTIVE');
    }
    // One success ends the run; a slow provider (within the probe timeout) is a success.
    google.faults.clear(account);
    google.faults.inject(account, { kind: 'LATENCY', ms: 150 });
    expect(await check(w, calendar)).toMatchObject({
      status: 'CONNECTED',
      health: 'HEALTHY',
      lastError: null,
    });
    expect((await w.page('a', page.id)).state).toBe('ACTIVE');
    google.faults.clear(account);

    // A sustained outage: 3 failed probes within 15 minutes keep it up; the one past 15 minutes does not.
    google.faults.inject(account, { kind: 'SERVER_ERROR_BURST', requests: 10_000, status: 503 });
    for (const minutes of [0, 5, 14]) {
      skewMs = minutes * 60_000;
      expect(await check(w, calendar), `${minutes} min`).toMatchObject({
        status: 'CONNECTED',
        health: 'DEGRADED',
      });
      expect((await w.page('a', page.id)).state).toBe('ACTIVE');
    }
    skewMs = 15 * 60_000;
    const broken = await check(w, calendar);
    expect(broken).toMatchObject({ status: 'ERROR', lastError: { connectionBroken: false } });
    const down: PageView = await w.page('a', page.id);
    expect(down).toMatchObject({
      state: 'DISABLED_CONNECTION_ERROR',
      reasons: [{ kind: 'MEMBER_CALENDAR_ERROR', user: { id: w.users.b }, connections: [{ id: calendar }] }],
    });

    // The provider recovers: one successful probe brings it back, with no reconnect.
    google.faults.clear(account);
    skewMs = 16 * 60_000;
    expect(await check(w, calendar)).toMatchObject({
      status: 'CONNECTED',
      health: 'HEALTHY',
      lastError: null,
    });
    expect((await w.page('a', page.id)).state).toBe('ACTIVE');
  });

  // The probe's deadline aborts the provider call; the abort is recorded as what it is, a transient network
  // failure (NETWORK_UNREACHABLE, connection not broken), and the page keeps taking bookings.
  it('records a probe that outlasts the probe timeout as a transient failure', async () => {
    const { w, accounts } = await organization();
    const calendar = await link(w, 'c', 'GOOGLE_CALENDAR');
    const page = await w.createPage('c', { title: 'Slow provider' });
    google.faults.inject(accounts.c.google, { kind: 'LATENCY', ms: 20_000, requests: 1 });
    expect(await check(w, calendar)).toMatchObject({
      status: 'CONNECTED',
      health: 'DEGRADED',
      lastError: { code: 'NETWORK_UNREACHABLE', connectionBroken: false },
    });
    expect((await w.page('c', page.id)).state).toBe('ACTIVE');
  });
});
