// Subscription abuse benchmark (issue 10 §4), on PostgreSQL: the latency of a health query while one client
// misbehaves — one socket asking for ABUSE_SUBSCRIPTIONS replaying `events(after: "0")` subscriptions of a
// long event log, and a second socket with the same token asking for more — against the same query on the
// idle gateway (the baseline, measured first in the same run). Target: p95 < 50 ms while the client misbehaves.
// Before the caps, 1,000 such subscriptions pushed this query from 22 ms to 1.8 s (p50) and the process to
// 780 MB.
import { createDatabase, type DatabaseHandle, systemActor } from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { createGateway, DEFAULT_SUBSCRIPTION_LIMITS, gatewayConfig } from '@tsunagi/gateway';
import {
  ConnectionAlertsQuery,
  createTsunagiClient,
  EventsSubscription,
  isTsunagiClientError,
} from '@tsunagi/sdk';
import { check, fmt, median, percentile, printTable } from './report.js';

const LOG_TOGGLES = Number(process.env.BENCH_ABUSE_TOGGLES ?? 1500);
const ABUSE_SUBSCRIPTIONS = Number(process.env.BENCH_ABUSE_SUBSCRIPTIONS ?? 1000);
const HEALTH_SAMPLES = Number(process.env.BENCH_HEALTH_SAMPLES ?? 200);

const throwaway = await createThrowawayDatabase('tsunagi_bench');
const database: DatabaseHandle = createDatabase({ databaseUrl: throwaway.url });

try {
  await database.migrate();
  const limits = DEFAULT_SUBSCRIPTION_LIMITS;
  const config = gatewayConfig({ databaseUrl: throwaway.url, subscriptionLimits: limits });
  const gateway = await createGateway(config, { database, seedDemo: true });
  const demo = gateway.demo!;
  const client = () => createTsunagiClient({ url: gateway.url, token: demo.adminToken });
  const http = client();

  // A long log: each toggle of a page's `enabled` appends its events.
  const system = systemActor(demo.organizationId);
  const pages = await gateway.services.reads.listBookingPages(
    { organizationId: demo.organizationId },
    { first: 1, states: ['ACTIVE'] },
  );
  const pageId = pages.ok ? pages.value.nodes[0]?.id : undefined;
  check(pageId !== undefined, 'the demo has an ACTIVE page to toggle');
  for (let i = 0; i < LOG_TOGGLES; i++) {
    const toggled = await gateway.services.state.setBookingPageEnabled(system, pageId as string, i % 2 === 1);
    check(toggled.ok, 'toggling the page');
  }
  const logLength = (
    await gateway.services.reads.eventsAfter({ organizationId: demo.organizationId }, 0, 1e6)
  ).length;

  const healthQuery = async (samples: number) => {
    const latencies: number[] = [];
    let answer = '';
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      const data = await http.query(ConnectionAlertsQuery);
      latencies.push(performance.now() - start);
      answer ||= JSON.stringify(data);
      check(JSON.stringify(data) === answer, 'the health query answered differently under load');
    }
    return { latencies, answer };
  };

  // Baseline: the idle gateway.
  await healthQuery(20);
  const idle = await healthQuery(HEALTH_SAMPLES);

  // The misbehaving client: one socket asks for ABUSE_SUBSCRIPTIONS replays, a second (same token) for more.
  let rssPeak = process.memoryUsage().rss;
  const memory = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  const sockets = [client(), client()];
  const refused: string[] = [];
  const replayed: number[][] = [];
  const asked = [ABUSE_SUBSCRIPTIONS, Math.ceil(ABUSE_SUBSCRIPTIONS / 10)] as const;
  const replays = sockets.flatMap((socket, index) =>
    Array.from({ length: asked[index] ?? 0 }, async () => {
      const cursors: number[] = [];
      const events = socket.subscribe(EventsSubscription, { after: '0' });
      try {
        for await (const { events: event } of events) {
          cursors.push(Number(event.cursor));
          if (cursors.length === logLength) break;
        }
        replayed.push(cursors);
      } catch (error) {
        check(isTsunagiClientError(error), `a refused subscription fails with a typed error: ${error}`);
        const extensions = (error as { errors: { extensions?: { code?: string; limit?: string } }[] })
          .errors[0]?.extensions;
        check(extensions?.code === 'BAD_USER_INPUT', `refused with ${JSON.stringify(extensions)}`);
        refused.push(String(extensions?.limit));
      } finally {
        await events.return?.();
      }
    }),
  );
  const underAbuse = await healthQuery(HEALTH_SAMPLES);
  await Promise.all(replays);
  clearInterval(memory);
  await Promise.all(sockets.map((socket) => socket.close()));
  await http.close();
  await gateway.stop();

  // Answers: the caps held, and every accepted replay delivered the whole log in order.
  const acceptedAtMost = Math.min(limits.maxPerToken, limits.maxPerSocket * 2);
  check(replayed.length > 0 && replayed.length <= acceptedAtMost, `${replayed.length} replays accepted`);
  check(
    replayed.length + refused.length === asked[0] + asked[1],
    'every subscription was accepted or refused',
  );
  check(
    refused.every((limit) => limit === 'SUBSCRIPTIONS_PER_SOCKET' || limit === 'SUBSCRIPTIONS_PER_TOKEN'),
    'refusals name the cap',
  );
  for (const cursors of replayed) {
    check(cursors.length === logLength, `a replay delivered ${cursors.length} of ${logLength} events`);
    check(
      cursors.every((cursor, i) => i === 0 || cursor > (cursors[i - 1] as number)),
      'a replay is in log order',
    );
  }

  const idleP95 = percentile(idle.latencies, 95);
  const abuseP95 = percentile(underAbuse.latencies, 95);
  printTable(
    `health query (connectionAlerts) while one client asks for ${asked[0]} + ${asked[1]} replays of ${fmt(logLength)} events (PostgreSQL)`,
    [
      ['idle p50 / p95 (baseline)', `${fmt(median(idle.latencies), 1)} / ${fmt(idleP95, 1)} ms`, '', ''],
      [
        'misbehaving client p50 / p95',
        `${fmt(median(underAbuse.latencies), 1)} / ${fmt(abuseP95, 1)} ms`,
        'p95 < 50 ms',
        abuseP95 < 50 ? 'yes' : 'NO',
      ],
      ['ratio p95 abuse / idle', `${fmt(abuseP95 / idleP95, 2)}×`, '', ''],
      [
        'replays accepted / refused',
        `${replayed.length} / ${refused.length}`,
        `≤ ${acceptedAtMost} accepted`,
        replayed.length <= acceptedAtMost ? 'yes' : 'NO',
      ],
      ['process RSS peak', `${fmt(rssPeak / 2 ** 20)} MB`, '', ''],
    ],
  );
} finally {
  await database.close();
  await throwaway.drop();
}
