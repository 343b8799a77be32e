// Gateway benchmarks (issue 3 §6), on PostgreSQL:
//  1. HTTP throughput of bookingPages(first: 50) with owners, members, reasons and remediation, against an
//     in-process graphql-js execute of the same schema over the same data (the baseline); ratio target ≥ 0.4;
//  2. SQL round trips per request (DataLoader batching: constant, whatever the page count);
//  3. mutation-to-subscriber latency p50/p99 over graphql-ws; target p99 ≤ 50 ms on loopback.
import { randomUUID } from 'node:crypto';
import { createDatabase, type DatabaseHandle } from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import {
  createContext,
  createGateway,
  createSchema,
  type GatewayServices,
  gatewayConfig,
} from '@tsunagi/gateway';
import {
  BookingPageStateChangedSubscription,
  createTsunagiClient,
  SetBookingPageEnabledMutation,
} from '@tsunagi/sdk';
import autocannon from 'autocannon';
import { execute, parse } from 'graphql';
import { adminPost, growDemoPages } from './demo-pages.js';
import { check, fmt, median, percentile, printTable } from './report.js';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 8);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 300);
const PAGES = 60;

const LIST_QUERY = /* GraphQL */ `
  query BenchPages {
    bookingPages(first: 50) {
      totalCount
      edges {
        cursor
        node {
          id title state acceptingBookings
          owner { id name }
          members { id name }
          reasons { kind user { id name } connections { id provider status } }
          remediation { goal options { actions { kind connection { id } user { id } } } }
          eligibleHosts { id }
        }
      }
    }
  }
`;

const throwaway = await createThrowawayDatabase('tsunagi_bench');
let queries = 0;
const database: DatabaseHandle = createDatabase({
  databaseUrl: throwaway.url,
  logger: { logQuery: () => void queries++ },
});

try {
  await database.migrate();
  const config = gatewayConfig({ databaseUrl: throwaway.url });
  const gateway = await createGateway(config, { database, seedDemo: true });
  const demo = gateway.demo!;
  const token = demo.adminToken;
  const post = adminPost(gateway);
  await growDemoPages(gateway, post, PAGES);

  // Answers first: the HTTP response equals the in-process execution.
  const schema = createSchema();
  const document = parse(LIST_QUERY);
  const services = gateway.services as GatewayServices;
  const viewer = { userId: demo.users.aiko, organizationId: demo.organizationId, role: 'ADMIN' as const };
  const inProcess = async () => {
    const contextValue = await createContext(services, viewer, randomUUID(), gateway.logger);
    const result = await execute({ schema, document, contextValue });
    check(!result.errors, `in-process execute errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
  const overHttp = await post(LIST_QUERY);
  check(JSON.stringify(overHttp) === JSON.stringify(await inProcess()), 'HTTP and in-process answers differ');
  const pageCount = (overHttp as { bookingPages: { edges: unknown[] } }).bookingPages.edges.length;
  check(pageCount === 50, `expected 50 pages, got ${pageCount}`);

  // SQL round trips for one request.
  queries = 0;
  await post(LIST_QUERY);
  const roundTrips = queries;

  // Baseline: in-process execute with CONNECTIONS operations in flight, for SECONDS.
  for (let i = 0; i < 20; i++) await inProcess();
  let executed = 0;
  const baselineEnd = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < baselineEnd) {
        await inProcess();
        executed++;
      }
    }),
  );
  const baselineRate = executed / SECONDS;

  // HTTP through autocannon (its own HTTP/1.1 client, keep-alive), every response checked for status 200.
  const body = JSON.stringify({ query: LIST_QUERY });
  let non2xx = 0;
  const http = await autocannon({
    url: gateway.url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  non2xx = http.non2xx;
  check(non2xx === 0 && http.errors === 0, `HTTP load: ${non2xx} non-2xx, ${http.errors} errors`);
  const httpRate = http.requests.total / SECONDS;

  // Mutation-to-subscriber latency over graphql-ws.
  const client = createTsunagiClient({ url: gateway.url, token });
  const pageId = (
    (await post('{ bookingPages(first: 1, state: ACTIVE) { edges { node { id } } } }')) as {
      bookingPages: { edges: { node: { id: string } }[] };
    }
  ).bookingPages.edges[0]!.node.id;
  const subscription = client.subscribe(BookingPageStateChangedSubscription, { pageId });
  type StateEvent = IteratorResult<{ bookingPageStateChanged: { state: string } }>;
  let enabled = true;
  const toggle = () => {
    enabled = !enabled;
    return client.mutate(SetBookingPageEnabledMutation, { pageId, enabled });
  };
  // Warm up until the subscription is live (its start is asynchronous): toggle until an event arrives.
  let pending = subscription.next() as Promise<StateEvent>;
  for (let attempt = 0; ; attempt++) {
    check(attempt < 20, 'the subscription never delivered an event');
    await toggle();
    const arrived = await Promise.race([
      pending,
      new Promise<null>((resolve) => setTimeout(resolve, 1000, null)),
    ]);
    if (arrived !== null) break;
  }
  // Drain events of warm-up toggles that may still be in flight, then measure.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  pending = subscription.next() as Promise<StateEvent>;
  let drained = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(resolve, 200, null))]);
  while (drained !== null) {
    pending = subscription.next() as Promise<StateEvent>;
    drained = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(resolve, 200, null))]);
  }
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const start = performance.now();
    const mutation = toggle();
    const event = await pending;
    latencies.push(performance.now() - start);
    await mutation;
    check(!event.done, 'subscription ended');
    check(event.value.bookingPageStateChanged.state === (enabled ? 'ACTIVE' : 'INACTIVE'), 'event state');
    pending = subscription.next() as Promise<StateEvent>;
  }
  await subscription.return?.();
  await client.close();
  await gateway.stop();

  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const ratio = httpRate / baselineRate;
  printTable(`gateway on PostgreSQL (bookingPages(first: 50), ${CONNECTIONS} in flight, ${SECONDS} s each)`, [
    ['HTTP throughput', `${fmt(httpRate)} req/s`, '', ''],
    ['in-process execute (baseline)', `${fmt(baselineRate)} ops/s`, '', ''],
    ['ratio HTTP / in-process', `${fmt(ratio, 2)}`, '≥ 0.40', ratio >= 0.4 ? 'yes' : 'NO'],
    ['HTTP latency p50 / p99', `${fmt(http.latency.p50, 1)} / ${fmt(http.latency.p99, 1)} ms`, '', ''],
    ['SQL round trips per request', `${roundTrips}`, 'constant', ''],
    ['mutation → subscriber p50', `${fmt(p50, 1)} ms (median ${fmt(median(latencies), 1)})`, '', ''],
    ['mutation → subscriber p99', `${fmt(p99, 1)} ms`, '≤ 50 ms', p99 <= 50 ? 'yes' : 'NO'],
  ]);
} finally {
  await database.close().catch(() => {});
  await throwaway.drop();
}
