// Losing database connections fails operations, never the process. Real gateway processes on Postgres take
// mutations, reads, readiness probes and event subscriptions while every backend of their database is
// terminated again and again (pg_terminate_backend: a failover, a restart, an idle-connection reaper), and
// then while the database is unreachable altogether (a TCP proxy in front of Postgres resets everything).
// Every answer is a success or the typed, retryable DATABASE_UNAVAILABLE; afterwards the gateways serve
// again, subscriptions have delivered every event once and in order, and nothing is half-applied.
import {
  createDatabase,
  createOrganization,
  createStateService,
  createUser,
  type DatabaseHandle,
  parseKeyring,
  readEvents,
  storedEvaluation,
  systemActor,
} from '@tsunagi/db';
import { freshEvaluation, TcpProxy, terminateBackends } from '@tsunagi/db/testing';
import { afterEach, expect, it, vi } from 'vitest';
import { type GatewayProcess, startGatewayProcess } from '../test/gateway-process.js';
import { createPostgresDatabase, describePostgres } from '../test/harness.js';
import { subscribe, wsClient } from '../test/ws.js';
import { mintToken } from './auth/token.js';
import { gatewayConfig } from './env.js';

// Bounds of the termination loop: whichever comes first.
const TERMINATION_ROUNDS = 15;
const TERMINATION_BUDGET_MS = 5_000;
/** Answers the workers must get between two terminations, so each one lands on traffic in flight. */
const ANSWERS_PER_ROUND = 3;

type Outcome = 'success' | 'unavailable' | { unexpected: string };

/** Sorts one HTTP answer: a success, the typed retryable error, or anything else (which fails the test). */
function outcomeOf(status: number, text: string): Outcome {
  let body: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return { unexpected: `${status} ${text.slice(0, 200)}` };
  }
  if (status === 200 && body.errors === undefined && body.data != null) return 'success';
  const typed =
    status === 200 &&
    body.errors !== undefined &&
    body.errors.length > 0 &&
    body.errors.every(
      (e) => e.extensions?.code === 'DATABASE_UNAVAILABLE' && e.extensions.retryable === true,
    );
  return typed ? 'unavailable' : { unexpected: `${status} ${text.slice(0, 300)}` };
}

interface Tally {
  success: number;
  unavailable: number;
  unexpected: string[];
}

function record(tally: Tally, outcome: Outcome): Outcome {
  if (outcome === 'success') tally.success++;
  else if (outcome === 'unavailable') tally.unavailable++;
  else tally.unexpected.push(outcome.unexpected);
  return outcome;
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return { outcome: outcomeOf(response.status, text), text };
  } catch (error) {
    return { outcome: { unexpected: `no answer: ${(error as Error).message}` } as Outcome, text: '' };
  }
}

/** What one worker believes about its page: only acknowledged changes count. */
interface WorkerModel {
  pageId: string;
  enabled: boolean;
  locations: number;
  /** BOOKING_PAGE_UPDATED events its acknowledged changes must have written, no more, no fewer. */
  updates: number;
  titlePrefix: string;
  created: string[];
}

const TOGGLE =
  'mutation T($id: ID!, $on: Boolean!) { setBookingPageEnabled(pageId: $id, enabled: $on) { enabled } }';
const ADD = `mutation A($id: ID!) { addLocation(pageId: $id, location: { type: IN_PERSON, value: "Room" }) { id } }`;
const CLEAR = 'mutation C($id: ID!) { removeAllLocations(pageId: $id) { id } }';
const CREATE = 'mutation N($input: CreateBookingPageInput!) { createBookingPage(input: $input) { id } }';
const READ = '{ bookingPages(first: 5) { edges { node { id state acceptingBookings } } } }';
const EVENTS = 'subscription E($after: String) { events(after: $after) { id cursor type } }';
const STATE_CHANGES = 'subscription { bookingPageStateChanged { cursor state } }';

/** One step of a worker's loop; the model moves only on a success. */
async function step(url: string, token: string, model: WorkerModel, i: number, tally: Tally) {
  const id = model.pageId;
  if (i % 4 === 3) {
    const title = `${model.titlePrefix}${i}`;
    const { outcome } = await post(url, token, CREATE, { input: { title } });
    if (record(tally, outcome) === 'success') model.created.push(title);
  } else if (i % 2 === 0) {
    const { outcome } = await post(url, token, TOGGLE, { id, on: !model.enabled });
    if (record(tally, outcome) === 'success') {
      model.enabled = !model.enabled;
      model.updates++;
    }
  } else {
    const clear = model.locations >= 10;
    const { outcome } = await post(url, token, clear ? CLEAR : ADD, { id });
    if (record(tally, outcome) === 'success') {
      model.locations = clear ? 0 : model.locations + 1;
      model.updates++;
    }
  }
}

/** Follows the event log from `after`, resubscribing from its last cursor whenever a stream ends. */
function follow(url: string, token: string, after: number) {
  type Data = { events: { id: string } };
  const streams: ReturnType<typeof subscribe<Data>>[] = [];
  const ids = () => streams.flatMap((stream) => stream.received.map((data) => Number(data.events.id)));
  let stopped = false;
  const client = wsClient(url.replace(/^http/, 'ws'), token);
  const loop = (async () => {
    // Bounded: a stream refused at once (it should not be) must not spin; the gap check then fails.
    while (!stopped && streams.length < 50) {
      const stream = subscribe<Data>(client, EVENTS, { after: String(ids().at(-1) ?? after) });
      streams.push(stream);
      await stream.done;
    }
  })();
  return {
    ids,
    /** Streams that ended before the test stopped them (each resumed from its cursor). */
    interruptions: () => streams.length - 1,
    async stop() {
      stopped = true;
      await streams.at(-1)?.dispose();
      await client.dispose();
      await loop;
    },
  };
}

async function readiness(url: string): Promise<number> {
  try {
    return (await fetch(new URL('/readyz', url))).status;
  } catch {
    return -1;
  }
}

describePostgres('the gateway when its database connections die', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  }, 30_000);

  it.each([
    { gateways: 1, probes: false },
    { gateways: 2, probes: true },
  ])('$gateways gateway(s), probes $probes: stay up, answer typed errors, recover and lose nothing', async ({
    gateways,
    probes,
  }) => {
    const database = await createPostgresDatabase();
    cleanups.push(() => database.drop());
    const handle: DatabaseHandle = createDatabase({ databaseUrl: database.url, pool: { max: 2 } });
    cleanups.push(() => handle.close());
    await handle.migrate();
    const target = new URL(database.url);
    const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());

    // An organization with an admin whose calendar is linked, and one page per worker.
    const config = gatewayConfig();
    const state = createStateService({
      db: handle.db,
      keyring: parseKeyring(config.credentialsKeys),
      bus: handle.bus,
    });
    const organization = await createOrganization(handle.db, { name: 'Outage', slug: 'outage' });
    const system = systemActor(organization.id);
    const admin = await createUser(handle.db, {
      organizationId: organization.id,
      name: 'Ana',
      email: 'ana@example.test',
      role: 'ADMIN',
    });
    const linked = await state.createConnection(system, {
      userId: admin.id,
      provider: 'GOOGLE_CALENDAR',
      accountExternalId: 'ana-google',
    });
    expect(linked.ok).toBe(true);
    const models: WorkerModel[] = [];
    for (let k = 0; k < gateways * 2; k++) {
      const page = await state.createBookingPage(system, {
        title: `Worker ${k}`,
        ownerId: admin.id,
        locations: [{ type: 'IN_PERSON', value: 'Lobby' }],
      });
      if (!page.ok) throw new Error(page.error.message);
      models.push({
        pageId: page.value.id,
        enabled: true,
        locations: 1,
        updates: 0,
        titlePrefix: `w${k}-`,
        created: [],
      });
    }
    const token = await mintToken({
      ...config.jwt,
      userId: admin.id,
      organizationId: organization.id,
      role: 'ADMIN',
    });
    const start = (await readEvents(handle.db, organization.id, 0)).at(-1)?.id ?? 0;

    const processes = await Promise.all(
      Array.from({ length: gateways }, async () => {
        const started = await startGatewayProcess(
          {
            databaseUrl: proxy.route(database.url),
            jwt: config.jwt,
            credentialsKeys: config.credentialsKeys,
            ...(probes ? { probes: { enabled: true, intervalSeconds: 2, concurrencyPerProvider: 2 } } : {}),
          },
          { configuredProviders: probes },
        );
        cleanups.push(() => started.stop());
        return started;
      }),
    );
    const alive = () => processes.every((p) => p.exit() === null);
    const deaths = () =>
      processes
        .filter((p) => p.exit() !== null)
        .map((p) => `exit ${JSON.stringify(p.exit())}: ${p.stderr().split('\n').slice(0, 6).join('\n')}`);

    const followers = processes.map((p) => follow(p.url, token, start));
    cleanups.push(() => Promise.all(followers.map((f) => f.stop())));
    // A live subscription whose filter reads the database (may the viewer see the page?) for each event.
    const liveClient = wsClient((processes[0] as GatewayProcess).url.replace(/^http/, 'ws'), token);
    cleanups.push(async () => liveClient.dispose());
    const live = subscribe<{ bookingPageStateChanged: { cursor: string } }>(liveClient, STATE_CHANGES);
    const warmUp = models[0] as WorkerModel;
    while (live.received.length === 0) {
      // Live from when the server started it: change a page until the change arrives.
      const toggled = await state.setBookingPageEnabled(system, warmUp.pageId, !warmUp.enabled);
      if (!toggled.ok) throw new Error(toggled.error.message);
      warmUp.enabled = !warmUp.enabled;
      warmUp.updates++;
      await vi
        .waitFor(() => expect(live.received.length).toBeGreaterThan(0), { timeout: 1_000 })
        .catch(() => {});
    }
    const liveFrom = Number(live.received[0]?.bookingPageStateChanged.cursor);

    // ---- traffic: mutations, reads and readiness probes on every gateway until told to stop
    const mutations: Tally = { success: 0, unavailable: 0, unexpected: [] };
    const reads: Tally = { success: 0, unavailable: 0, unexpected: [] };
    const readyz: number[] = [];
    const healthz: number[] = [];
    let running = true;
    const workers = models.map(async (model, k) => {
      const url = (processes[k % processes.length] as GatewayProcess).url;
      for (let i = 0; running; i++) await step(url, token, model, i, mutations);
    });
    const observers = processes.map(async (p) => {
      while (running) {
        record(reads, (await post(p.url, token, READ, {})).outcome);
        readyz.push(await readiness(p.url));
        healthz.push(
          await fetch(new URL('/healthz', p.url)).then(
            (r) => r.status,
            () => -1,
          ),
        );
      }
    });
    const answered = () => mutations.success + mutations.unavailable + mutations.unexpected.length;

    // ---- every backend of the database terminated, again and again, while answers keep coming
    let terminated = 0;
    let rounds = 0;
    const loopStarted = Date.now();
    while (rounds < TERMINATION_ROUNDS && Date.now() - loopStarted < TERMINATION_BUDGET_MS && alive()) {
      const before = answered();
      await vi
        .waitFor(
          () => {
            if (answered() < before + ANSWERS_PER_ROUND && alive()) throw new Error('waiting for traffic');
          },
          { timeout: 2_000, interval: 5 },
        )
        .catch(() => {});
      terminated += await terminateBackends(database.name);
      rounds++;
    }
    expect(deaths()).toEqual([]);
    expect(terminated).toBeGreaterThan(rounds);

    // ---- the database unreachable: readiness says so, mutations fail typed; then it comes back
    proxy.cut();
    const unavailableBefore = mutations.unavailable;
    for (const p of processes) {
      await vi.waitFor(
        async () => {
          if ((await readiness(p.url)) !== 503) throw new Error('still ready');
        },
        { timeout: 10_000, interval: 20 },
      );
    }
    await vi.waitFor(
      () => {
        if (mutations.unavailable === unavailableBefore) throw new Error('no typed error yet');
      },
      { timeout: 10_000, interval: 20 },
    );
    proxy.restore();
    for (const p of processes) {
      await vi.waitFor(
        async () => {
          if ((await readiness(p.url)) !== 200) throw new Error('not ready again');
        },
        { timeout: 15_000, interval: 20 },
      );
    }
    running = false;
    await Promise.all([...workers, ...observers]);

    // ---- alive, and every answer was a success or the typed retryable error
    expect(deaths()).toEqual([]);
    expect(mutations.unexpected).toEqual([]);
    expect(reads.unexpected).toEqual([]);
    expect(mutations.success).toBeGreaterThan(0);
    expect(mutations.unavailable).toBeGreaterThan(0);
    expect(new Set(readyz)).toEqual(new Set([200, 503]));
    expect(new Set(healthz)).toEqual(new Set([200]));

    // ---- serving again: a mutation through every gateway succeeds
    for (const [g, p] of processes.entries()) {
      const model = models[g] as WorkerModel;
      const { outcome, text } = await post(p.url, token, TOGGLE, { id: model.pageId, on: !model.enabled });
      expect(outcome, text).toBe('success');
      model.enabled = !model.enabled;
      model.updates++;
    }

    // ---- subscriptions: every event after the start, once each, in order, on every gateway
    const log = (await readEvents(handle.db, organization.id, start, 10_000)).map((event) => event.id);
    const last = log.at(-1) ?? start;
    for (const follower of followers) {
      await vi.waitFor(
        () => {
          const at = follower.ids().at(-1) ?? start;
          if (at < last) throw new Error(`at ${at} of ${last}`);
        },
        { timeout: 10_000, interval: 20 },
      );
      expect(follower.ids(), `after ${follower.interruptions()} resubscriptions`).toEqual(log);
    }
    // The live subscription stayed open through it all and heard every state change once.
    const stateChanges = (await readEvents(handle.db, organization.id, liveFrom - 1, 10_000))
      .filter((event) => event.type === 'BOOKING_PAGE_STATE_CHANGED')
      .map((event) => event.id);
    await live.waitFor(stateChanges.length);
    expect(live.errors).toEqual([]);
    expect(live.received.map((data) => Number(data.bookingPageStateChanged.cursor))).toEqual(stateChanges);
    // …and a new subscriber replays the same from the cursor.
    const replayClient = wsClient(processes[0]?.url.replace(/^http/, 'ws') as string, token);
    const replay = subscribe<{ events: { id: string } }>(replayClient, EVENTS, { after: String(start) });
    expect((await replay.waitFor(log.length)).map((data) => Number(data.events.id))).toEqual(log);
    await replayClient.dispose();

    // ---- nothing half-applied: what was acknowledged is stored, what failed left no trace
    const events = await readEvents(handle.db, organization.id, 0, 10_000);
    const pages = await handle.db.query.bookingPages.findMany({
      where: (table, { eq }) => eq(table.organizationId, organization.id),
    });
    for (const model of models) {
      const page = pages.find((row) => row.id === model.pageId);
      expect(page?.enabled).toBe(model.enabled);
      const locations = await handle.db.query.bookingPageLocations.findMany({
        where: (table, { eq }) => eq(table.bookingPageId, model.pageId),
      });
      expect(locations).toHaveLength(model.locations);
      const updates = events.filter(
        (event) => event.type === 'BOOKING_PAGE_UPDATED' && event.bookingPageId === model.pageId,
      );
      expect(updates).toHaveLength(model.updates);
      const created = pages.filter((row) => row.title.startsWith(model.titlePrefix)).map((row) => row.title);
      expect(created.sort()).toEqual([...model.created].sort());
    }
    for (const page of pages) {
      expect(storedEvaluation(page)).toEqual(await freshEvaluation(handle.db, page.id));
      const creations = events.filter(
        (event) => event.type === 'BOOKING_PAGE_CREATED' && event.bookingPageId === page.id,
      );
      expect(creations).toHaveLength(1);
    }
  }, 90_000);
});
