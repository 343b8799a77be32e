// Subscribers at scale (issue 15 §4), on PostgreSQL: BENCH_SUBSCRIBERS (default 1,000) graphql-ws clients, each
// its own user, socket and `bookingPageStateChanged` subscription to one page, first all on one gateway, then
// split across two gateways on one database (the second hears the first's commits through LISTEN/NOTIFY).
// Each round toggles the page once through the first gateway and times mutation sent → the last subscriber's
// delivery; p99 goal ≤ 100 ms. The gateways run in Node processes of their own (gateway-child.mjs, the built
// package), as deployed: the 1,000 clients, in this process, do not share the gateways' event loop. Baseline, same run: the same round with one subscriber. Answers checked: every
// subscriber gets every round's event exactly once, with the state the round set, and nothing after the last.
import { createDatabase, createUser } from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { gatewayConfig, mintToken } from '@tsunagi/gateway';
import {
  BookingPageStateChangedSubscription,
  createTsunagiClient,
  SetBookingPageEnabledMutation,
  type TsunagiClient,
} from '@tsunagi/sdk';
import { adminPost } from './demo-pages.js';
import { type ChildGateway, startChildGateway } from './probe-world.js';
import { check, fmt, percentile, printTable } from './report.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const ROUNDS = Number(process.env.BENCH_SUBSCRIBER_ROUNDS ?? 60);
const GOAL_P99_MS = 100;

interface Subscriber {
  readonly client: TsunagiClient;
  /** Arrival time of each round's event (the first carrying the state the round set), by round. */
  readonly arrivals: Map<number, number>;
  /** Every event's cursor received: the same cursor twice is a duplicate. */
  readonly cursors: Set<string>;
  duplicates: number;
  /** Events during a round with a state it did not set, or a second one with its state: late or stray. */
  wrongState: number;
  stop(): Promise<void>;
}

const throwaway = await createThrowawayDatabase('tsunagi_bench_subscribers');
const setup = createDatabase({ databaseUrl: throwaway.url });
const gateways: ChildGateway[] = [];
/** Node options of the gateway processes (e.g. `--cpu-prof` to profile them), space-separated. */
const GATEWAY_NODE_OPTIONS = (process.env.BENCH_SUBSCRIBER_GATEWAY_NODE_OPTIONS ?? '')
  .split(' ')
  .filter(Boolean);
const subscribers: Subscriber[] = [];

/** The round being measured and the state it sets; subscribers file each event under it. */
let round: number | null = null;
let expected = '';
let waiting: { count: number; resolve: () => void } | null = null;
let arrivedThisRound = 0;

try {
  await setup.migrate();
  const config = gatewayConfig({ databaseUrl: throwaway.url });
  // Both processes verify the tokens this process mints and share one keyring.
  const overrides = { databaseUrl: throwaway.url, jwt: config.jwt, credentialsKeys: config.credentialsKeys };
  const first = await startChildGateway(overrides, null, GATEWAY_NODE_OPTIONS, { seedDemo: true });
  gateways.push(first);
  const second = await startChildGateway(overrides, null, GATEWAY_NODE_OPTIONS);
  gateways.push(second);
  const demo = first.demo!;
  const post = adminPost(first);
  const pageId = (
    (await post('{ bookingPages(first: 1, state: ACTIVE) { edges { node { id } } } }')) as {
      bookingPages: { edges: { node: { id: string } }[] };
    }
  ).bookingPages.edges[0]!.node.id;

  // One user (and token) per subscriber: the per-user delivery limit is a fairness rule between users.
  const tokens: string[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const user = await createUser(setup.db, {
      organizationId: demo.organizationId,
      name: `Watcher ${i}`,
      email: `watcher-${i}@bench.example.test`,
      role: 'ADMIN',
    });
    tokens.push(
      await mintToken({ ...config.jwt, userId: user.id, organizationId: demo.organizationId, role: 'ADMIN' }),
    );
  }
  const admin = createTsunagiClient({ url: first.url, token: demo.adminToken });
  let enabled = true;

  function subscribe(url: string, token: string): Subscriber {
    const client = createTsunagiClient({ url, token });
    const iterator = client.subscribe(BookingPageStateChangedSubscription, { pageId });
    const subscriber: Subscriber = {
      client,
      arrivals: new Map(),
      cursors: new Set(),
      duplicates: 0,
      wrongState: 0,
      async stop() {
        await iterator.return?.();
        await client.close();
      },
    };
    void listen(subscriber, iterator as AsyncIterable<StateChanged>);
    return subscriber;
  }

  type StateChanged = { bookingPageStateChanged: { cursor: string; state: string } };

  async function listen(subscriber: Subscriber, events: AsyncIterable<StateChanged>): Promise<void> {
    for await (const event of events) {
      const now = performance.now();
      const { cursor, state } = event.bookingPageStateChanged;
      if (subscriber.cursors.has(cursor)) subscriber.duplicates++;
      subscriber.cursors.add(cursor);
      if (round === null) continue;
      if (state !== expected || subscriber.arrivals.has(round)) {
        subscriber.wrongState++;
        continue;
      }
      subscriber.arrivals.set(round, now);
      // Subscribers reached, not messages: a late message cannot complete a round for someone else.
      arrivedThisRound++;
      if (waiting !== null && arrivedThisRound >= waiting.count) waiting.resolve();
    }
  }

  /** Toggles the page once; resolves when `count` subscribers have its event. Mutation sent → last arrival, in ms. */
  async function measureRound(index: number, count: number, timeoutMs = 30_000): Promise<number> {
    round = index;
    enabled = !enabled;
    expected = enabled ? 'ACTIVE' : 'INACTIVE';
    arrivedThisRound = 0;
    let timer: NodeJS.Timeout | undefined;
    const all = new Promise<void>((resolve, reject) => {
      waiting = { count, resolve };
      timer = setTimeout(
        () => reject(new Error(`round ${index}: ${arrivedThisRound}/${count} deliveries`)),
        timeoutMs,
      );
    });
    // The deadline may pass while the mutation is still answering: the rejection is taken below, not lost.
    all.catch(() => {});
    const start = performance.now();
    try {
      await admin.mutate(SetBookingPageEnabledMutation, { pageId, enabled });
      await all;
    } finally {
      clearTimeout(timer);
      waiting = null;
    }
    const last = Math.max(...subscribers.map((subscriber) => subscriber.arrivals.get(index) ?? 0));
    return last - start;
  }

  /** Subscribes everyone (live once a warm-up toggle reaches each), then measures ROUNDS rounds. */
  async function phase(name: string, urls: readonly string[], count: number) {
    for (const subscriber of subscribers.splice(0)) await subscriber.stop();
    for (let i = 0; i < count; i++) subscribers.push(subscribe(urls[i % urls.length]!, tokens[i]!));
    // Subscriptions start asynchronously: warm up until one toggle reaches every subscriber.
    for (let attempt = 0; ; attempt++) {
      check(attempt < 30, `${name}: subscribers never all live`);
      for (const subscriber of subscribers) subscriber.arrivals.clear();
      try {
        await measureRound(-2 - attempt, count, 2_000);
        break;
      } catch {
        waiting = null;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const subscriber of subscribers) {
      subscriber.arrivals.clear();
      // Warm-up rounds may straggle (a subscription still starting); duplicates count from the start.
      subscriber.wrongState = 0;
    }
    const latencies: number[] = [];
    for (let i = 0; i < ROUNDS; i++) latencies.push(await measureRound(i, count));
    round = null;
    // Nothing late: every subscriber holds exactly one arrival per round, and nothing more comes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const subscriber of subscribers) {
      check(
        subscriber.arrivals.size === ROUNDS,
        `${name}: a subscriber got ${subscriber.arrivals.size} rounds`,
      );
      check(subscriber.duplicates === 0, `${name}: a subscriber got an event twice`);
      check(
        subscriber.wrongState === 0,
        `${name}: a subscriber got an event late or with a state the round did not set`,
      );
    }
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  }

  const baseline = await phase('one subscriber', [first.url], 1);
  const one = await phase(`${SUBSCRIBERS} on one gateway`, [first.url], SUBSCRIBERS);
  const two = await phase(`${SUBSCRIBERS} on two gateways`, [first.url, second.url], SUBSCRIBERS);
  for (const subscriber of subscribers.splice(0)) await subscriber.stop();
  await admin.close();

  const verdict = (p99: number) => (p99 <= GOAL_P99_MS ? 'yes' : 'NO');
  printTable(
    `subscribers on PostgreSQL (${SUBSCRIBERS} graphql-ws clients, one user each, ${ROUNDS} rounds; mutation sent → last delivery)`,
    [
      ['1 subscriber p50 / p99 (baseline)', `${fmt(baseline.p50, 1)} / ${fmt(baseline.p99, 1)} ms`, '', ''],
      [
        `${SUBSCRIBERS} on one gateway p50 / p99`,
        `${fmt(one.p50, 1)} / ${fmt(one.p99, 1)} ms (${fmt(one.p99 / baseline.p99, 1)}× baseline)`,
        `p99 ≤ ${GOAL_P99_MS} ms`,
        verdict(one.p99),
      ],
      [
        `${SUBSCRIBERS} across two gateways p50 / p99`,
        `${fmt(two.p50, 1)} / ${fmt(two.p99, 1)} ms (${fmt(two.p99 / baseline.p99, 1)}× baseline)`,
        `p99 ≤ ${GOAL_P99_MS} ms`,
        verdict(two.p99),
      ],
      ['lost / duplicated / wrong-state deliveries', '0 / 0 / 0', '0', 'yes'],
    ],
  );
} finally {
  for (const subscriber of subscribers) await subscriber.stop().catch(() => {});
  for (const gateway of gateways.reverse()) await gateway.stop().catch(() => {});
  await setup.close().catch(() => {});
  await throwaway.drop();
}
