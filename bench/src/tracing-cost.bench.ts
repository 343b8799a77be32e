// What OpenTelemetry costs the dashboard (issue 15 "Operators see it"; goal: at most 10 %), on PostgreSQL
// (TEST_DATABASE_URL): `bookingPages(first: 50)` with the SDK's full screen selection over HTTP, through a
// gateway without telemetry (no SDK registered: the libraries' API calls are no-ops) and through one exporting
// every span and metric over OTLP/HTTP to a receiver on loopback (HTTP → resolver → SQL spans per request).
// Rounds alternate the two gateways on one database, so a change of machine load hits both alike; both must
// give the identical answer, and the receiver must have received the traced requests' spans.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { createDatabase } from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { createGateway, type Gateway, gatewayConfig, signalUrl, TELEMETRY_OFF } from '@tsunagi/gateway';
import { BookingPagesQuery } from '@tsunagi/sdk';
import { adminPost, growDemoPages } from './demo-pages.js';
import { check, fmt, median, percentile, printTable } from './report.js';

const SAMPLES = Number(process.env.BENCH_TRACING_SAMPLES ?? 300);
const ROUNDS = Number(process.env.BENCH_TRACING_ROUNDS ?? 6);
const DEMO_PAGES = Number(process.env.BENCH_DASHBOARD_DEMO_PAGES ?? 120);
const GOAL = 0.1;

check(process.env.TEST_DATABASE_URL !== undefined, 'set TEST_DATABASE_URL to a PostgreSQL server');
const throwaway = await createThrowawayDatabase('tsunagi_bench_tracing');
const database = createDatabase({ databaseUrl: throwaway.url });

// The OTLP/HTTP receiver: reads each JSON export and counts its spans.
let spansReceived = 0;
let exports = 0;
const receiver = createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[];
  };
  exports += 1;
  for (const resource of body.resourceSpans ?? [])
    for (const scope of resource.scopeSpans ?? []) spansReceived += scope.spans?.length ?? 0;
  response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

const QUERY = BookingPagesQuery.toString();
const BODY = JSON.stringify({ query: QUERY, variables: { first: 50 } });

async function dashboard(gateway: Gateway, token: string): Promise<string> {
  const response = await fetch(gateway.url, {
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
  const traced = {
    ...base,
    telemetry: {
      ...TELEMETRY_OFF,
      tracesUrl: signalUrl(endpoint, 'traces'),
      metricsUrl: signalUrl(endpoint, 'metrics'),
      metricExportIntervalMs: 10_000,
    },
  };
  // Metrics alone register no context manager: what the spans' context propagation costs shows apart.
  const metricsOnly = { ...traced, telemetry: { ...traced.telemetry, tracesUrl: null } };
  const seeding = await createGateway(base, { database, seedDemo: true });
  const token = seeding.demo!.adminToken;
  await growDemoPages(seeding, adminPost(seeding), DEMO_PAGES);
  const reference = await dashboard(seeding, token);
  const edges = (JSON.parse(reference) as { data: { bookingPages: { edges: unknown[] } } }).data.bookingPages
    .edges;
  check(edges.length === 50, `expected 50 pages, got ${edges.length}`);
  await seeding.stop();

  const times = { off: [] as number[], metrics: [] as number[], on: [] as number[] };
  let spansPerRequest = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const order = ['off', 'metrics', 'on'] as const;
    for (const mode of round % 2 === 0 ? order : [...order].reverse()) {
      const gateway = await createGateway(mode === 'on' ? traced : mode === 'metrics' ? metricsOnly : base, {
        database,
      });
      check(
        (gateway.telemetry !== null) === (mode !== 'off'),
        `${mode}: telemetry ${gateway.telemetry ? 'on' : 'off'}`,
      );
      const run = () => dashboard(gateway, token);
      check((await run()) === reference, `${mode}: the answer differs`);
      for (let i = 0; i < 20; i++) await run();
      if (mode === 'on') {
        await gateway.telemetry?.flush();
        const before = spansReceived;
        await run();
        await gateway.telemetry?.flush();
        spansPerRequest = spansReceived - before;
      }
      times[mode].push(...(await timed(run, Math.ceil(SAMPLES / ROUNDS))));
      await gateway.stop();
    }
  }
  check(spansPerRequest >= 3, `a traced request exports its spans (got ${spansPerRequest})`);
  const offMs = median(times.off);
  const onMs = median(times.on);
  const metricsMs = median(times.metrics);
  const cost = onMs / offMs - 1;
  printTable(
    `tracing cost on the dashboard over HTTP, PostgreSQL: bookingPages(first: 50), SDK BookingPagesQuery (load average ${loadavg()
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
        `${fmt(metricsMs, 2)} ms (cost ${fmt((metricsMs / offMs - 1) * 100, 1)} %)`,
        '',
        '',
      ],
      ['ratio off / on', fmt(offMs / onMs, 2), '≥ 0.91', cost <= GOAL ? 'yes' : 'NO'],
      [
        'cost of tracing (on / off − 1)',
        `${fmt(cost * 100, 1)} %`,
        `≤ ${GOAL * 100} %`,
        cost <= GOAL ? 'yes' : 'NO',
      ],
      ['spans exported per request', `${spansPerRequest} (${exports} OTLP exports in all)`, '', ''],
    ],
  );
} finally {
  receiver.close();
  await database.close().catch(() => {});
  await throwaway.drop();
}
