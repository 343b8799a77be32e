// What OpenTelemetry costs the dashboard (issue 15 "Operators see it"; goal: at most 10 %), on PostgreSQL
// (TEST_DATABASE_URL): `bookingPages(first: 50)` with the SDK's full screen selection over HTTP, through three
// gateways on one database, each in a Node process of its own: one without telemetry (no SDK registered: the
// libraries' API calls are no-ops), one exporting metrics only, and one exporting every span and metric over
// OTLP/HTTP to a receiver in this process (HTTP → resolver → SQL spans per request). In processes of their own,
// so what is measured is the gateway's cost, not this client's (an SDK registered here would make the client's
// own promises pay for context propagation too). The three stay up for the whole run and take turns, rounds in
// alternating order, so a change of machine load hits all alike; all must give the identical answer, and the
// receiver must get each traced request's spans.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { createDatabase } from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { createGateway, gatewayConfig, signalUrl, TELEMETRY_OFF } from '@tsunagi/gateway';
import { BookingPagesQuery } from '@tsunagi/sdk';
import { adminPost, growDemoPages } from './demo-pages.js';
import { startChildGateway } from './probe-world.js';
import { check, fmt, median, percentile, printTable } from './report.js';

const SAMPLES = Number(process.env.BENCH_TRACING_SAMPLES ?? 1200);
const ROUNDS = Number(process.env.BENCH_TRACING_ROUNDS ?? 24);
const DEMO_PAGES = Number(process.env.BENCH_DASHBOARD_DEMO_PAGES ?? 120);
const GOAL = 0.1;

check(process.env.TEST_DATABASE_URL !== undefined, 'set TEST_DATABASE_URL to a PostgreSQL server');
const throwaway = await createThrowawayDatabase('tsunagi_bench_tracing');
const database = createDatabase({ databaseUrl: throwaway.url });

// The OTLP/HTTP receiver: reads each JSON export and counts its spans, and the traces they belong to.
let spansReceived = 0;
let exports = 0;
const traces = new Set<string>();
const receiver = createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    resourceSpans?: { scopeSpans?: { spans?: { traceId: string }[] }[] }[];
  };
  exports += 1;
  for (const resource of body.resourceSpans ?? [])
    for (const scope of resource.scopeSpans ?? [])
      for (const span of scope.spans ?? []) {
        spansReceived += 1;
        traces.add(span.traceId);
      }
  response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

const QUERY = BookingPagesQuery.toString();
const BODY = JSON.stringify({ query: QUERY, variables: { first: 50 } });

async function dashboard(url: string, token: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: BODY,
  });
  const text = await response.text();
  check(response.status === 200, `HTTP ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

async function timed(run: () => Promise<unknown>, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

try {
  await database.migrate();
  // One configuration (the same secrets, so the demo's admin token works on every gateway), with and without
  // an OTLP endpoint.
  const base = gatewayConfig({ databaseUrl: throwaway.url });
  const shared = { databaseUrl: throwaway.url, jwt: base.jwt, credentialsKeys: base.credentialsKeys };
  const tracedTelemetry = {
    ...TELEMETRY_OFF,
    tracesUrl: signalUrl(endpoint, 'traces'),
    metricsUrl: signalUrl(endpoint, 'metrics'),
    metricExportIntervalMs: 10_000,
  };
  const seeding = await createGateway(base, { database, seedDemo: true });
  const token = seeding.demo!.adminToken;
  await growDemoPages(seeding, adminPost(seeding), DEMO_PAGES);
  const reference = await dashboard(seeding.url, token);
  const edges = (JSON.parse(reference) as { data: { bookingPages: { edges: unknown[] } } }).data.bookingPages
    .edges;
  check(edges.length === 50, `expected 50 pages, got ${edges.length}`);
  await seeding.stop();

  // Metrics alone register no context manager: what the spans' context propagation costs shows apart.
  const modes = ['off', 'metrics', 'on'] as const;
  const [off, metricsOnly, on] = await Promise.all([
    startChildGateway(shared, null),
    startChildGateway({ ...shared, telemetry: { ...tracedTelemetry, tracesUrl: null } }, null),
    startChildGateway({ ...shared, telemetry: tracedTelemetry }, null),
  ]);
  const gateways = { off, metrics: metricsOnly, on };
  const times = { off: [] as number[], metrics: [] as number[], on: [] as number[] };
  // Each round's own medians, paired: the machine's load drifts over a run (2 shared cores), a round's three
  // turns see nearly the same machine.
  const roundCosts = { on: [] as number[], metrics: [] as number[] };
  let tracedRequests = 0;
  try {
    for (const mode of modes) {
      const run = () => dashboard(gateways[mode].url, token);
      check((await run()) === reference, `${mode}: the answer differs`);
      for (let i = 0; i < 100; i++) await run();
    }
    for (let round = 0; round < ROUNDS; round++) {
      const round_ = { off: 0, metrics: 0, on: 0 };
      for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
        const run = () => dashboard(gateways[mode].url, token);
        const sampled = await timed(run, Math.ceil(SAMPLES / ROUNDS));
        times[mode].push(...sampled);
        round_[mode] = median(sampled);
      }
      roundCosts.on.push(round_.on / round_.off - 1);
      roundCosts.metrics.push(round_.metrics / round_.off - 1);
    }
    tracedRequests = 101 + times.on.length;
  } finally {
    // Stopping flushes what the traced gateway still buffers.
    await Promise.all([off.stop(), metricsOnly.stop(), on.stop()]);
  }
  const spansPerRequest = spansReceived / traces.size;
  check(traces.size >= tracedRequests, `every traced request exported (${traces.size} of ${tracedRequests})`);
  check(spansPerRequest >= 3, `a traced request exports its spans (got ${spansPerRequest})`);
  const offMs = median(times.off);
  const onMs = median(times.on);
  const metricsMs = median(times.metrics);
  // The verdict: the median over rounds of each round's cost (the pooled medians are printed too).
  const cost = median(roundCosts.on);
  printTable(
    `tracing cost on the dashboard over HTTP, PostgreSQL, gateways in processes of their own: bookingPages(first: 50), SDK BookingPagesQuery, ${times.off.length} requests each (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
    [
      [
        'tracing off (no SDK): p50 (p95)',
        `${fmt(offMs, 2)} ms (${fmt(percentile(times.off, 95), 2)})`,
        '',
        '',
      ],
      [
        'tracing on, OTLP/HTTP to loopback: p50 (p95)',
        `${fmt(onMs, 2)} ms (${fmt(percentile(times.on, 95), 2)})`,
        '',
        '',
      ],
      [
        'metrics only (no spans, no context manager): p50',
        `${fmt(metricsMs, 2)} ms (cost per round, median ${fmt(median(roundCosts.metrics) * 100, 1)} %)`,
        '',
        '',
      ],
      ['pooled p50 ratio off / on', fmt(offMs / onMs, 2), '', ''],
      [
        `cost of tracing: median over ${ROUNDS} rounds of (on / off − 1) (quartiles)`,
        `${fmt(cost * 100, 1)} % (${fmt(percentile(roundCosts.on, 25) * 100, 1)} … ${fmt(percentile(roundCosts.on, 75) * 100, 1)})`,
        `≤ ${GOAL * 100} %`,
        cost <= GOAL ? 'yes' : 'NO',
      ],
      [
        'spans exported per request',
        `${fmt(spansPerRequest, 1)} (${traces.size} traces, ${exports} OTLP exports in all)`,
        '',
        '',
      ],
    ],
  );
} finally {
  receiver.close();
  await database.close().catch(() => {});
  await throwaway.drop();
}
