// Event retention benchmark (issue 15, "Months of running"), on PostgreSQL:
//  1. the dashboard query (bookingPages(first: 50) with reasons and remediation, over HTTP) and a recorded probe
//     (state.recordProbeResult: hysteresis, page re-evaluation and event append in one transaction), measured
//     on a fresh log (the baseline), then with BENCH_OLD_EVENTS (default 10,000,000) old events in the log;
//  2. the retention sweep deleting them in batches: rows/s, and the same two operations while it runs.
import {
  createDatabase,
  type DatabaseHandle,
  retentionCutoff,
  sweepExpiredEvents,
  systemActor,
} from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { classifyProviderError } from '@tsunagi/errors';
import { createGateway, gatewayConfig } from '@tsunagi/gateway';
import { adminPost, growDemoPages } from './demo-pages.js';
import { check, fmt, percentile, printTable } from './report.js';

const OLD_EVENTS = Number(process.env.BENCH_OLD_EVENTS ?? 10_000_000);
const SAMPLES = Number(process.env.BENCH_RETENTION_SAMPLES ?? 200);
const SWEEP_SECONDS = Number(process.env.BENCH_SWEEP_SECONDS ?? 60);
const SWEEP_BATCH = Number(process.env.BENCH_SWEEP_BATCH ?? 5_000);
const PAGES = 60;
const SEED_CHUNK = 1_000_000;

const DASHBOARD = /* GraphQL */ `
  query Dashboard {
    bookingPages(first: 50) {
      totalCount
      edges {
        node {
          id title state acceptingBookings
          owner { id name }
          reasons { kind user { id } connections { id provider status } }
          remediation { goal options { actions { kind connection { id } user { id } } } }
          eligibleHosts { id }
        }
      }
    }
  }
`;

/** A revoked Google grant, classified from the wire body Google's token endpoint sends (RFC 6749 §5.2). */
const REVOKED = classifyProviderError({
  provider: 'google-oauth',
  status: 400,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: '{\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}',
});

const throwaway = await createThrowawayDatabase('tsunagi_bench_retention');
const database: DatabaseHandle = createDatabase({ databaseUrl: throwaway.url });
const rows = async <T>(text: string): Promise<T[]> =>
  ((await database.db.execute(text)) as unknown as { rows: T[] }).rows;

try {
  await database.migrate();
  // Ids 1…OLD_EVENTS are left for the history seeded later, below every recent event, as months of running
  // would have left them.
  await database.db.execute(`ALTER TABLE events ALTER COLUMN id RESTART WITH ${OLD_EVENTS + 1}`);
  // Retention off in the gateway: the benchmark runs the sweep itself, when it wants to measure it.
  const config = gatewayConfig({
    databaseUrl: throwaway.url,
    eventRetention: { days: 0, recordDays: 0, batchSize: 1, sweepIntervalSeconds: 0 },
  });
  const gateway = await createGateway(config, { database, seedDemo: true });
  const demo = gateway.demo!;
  const post = adminPost(gateway);
  await growDemoPages(gateway, post, PAGES);
  const [probed] = await rows<{ id: string }>(
    `SELECT id FROM connections WHERE organization_id = '${demo.organizationId}' AND provider = 'GOOGLE_CALENDAR' AND status = 'CONNECTED' ORDER BY id LIMIT 1`,
  );
  check(probed !== undefined, 'the demo organization has a connected Google calendar');
  const actor = systemActor(demo.organizationId);

  const expectedDashboard = JSON.stringify(await post(DASHBOARD));
  const dashboard = async () => {
    const started = performance.now();
    const answer = await post(DASHBOARD);
    const ms = performance.now() - started;
    check(JSON.stringify(answer) === expectedDashboard, 'the dashboard answers the same');
    return ms;
  };
  // A broken failure then a success: the calendar goes ERROR and back, each one re-evaluating its pages and
  // appending events; an even number of them leaves the dashboard as it was.
  let probes = 0;
  const probe = async () => {
    const started = performance.now();
    const result = await gateway.services.state.recordProbeResult(
      actor,
      probed!.id,
      probes++ % 2 === 0 ? { ok: false, classification: REVOKED } : { ok: true },
    );
    const ms = performance.now() - started;
    check(result.ok, `probe recorded: ${JSON.stringify(result)}`);
    return ms;
  };
  const measure = async (samples: number) => {
    const dashboardMs: number[] = [];
    const probeMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      dashboardMs.push(await dashboard());
      probeMs.push(await probe());
      probeMs.push(await probe());
    }
    return { dashboardMs, probeMs };
  };

  await measure(20); // warm-up
  const fresh = await measure(SAMPLES);
  const [{ recent }] = (await rows<{ recent: number }>('SELECT count(*)::int AS recent FROM events')) as [
    { recent: number },
  ];

  // Months of history: OLD_EVENTS events 40 to 400 days old, half the demo organization's, half another's.
  const seedStarted = performance.now();
  for (let from = 0; from < OLD_EVENTS; from += SEED_CHUNK) {
    const count = Math.min(SEED_CHUNK, OLD_EVENTS - from);
    await database.db.execute(`
      INSERT INTO events (id, organization_id, type, booking_page_id, payload, created_at)
      OVERRIDING SYSTEM VALUE
      SELECT n, CASE WHEN n % 2 = 0 THEN '${demo.organizationId}' ELSE '${demo.otherOrganizationId}' END,
             'BOOKING_PAGE_EVALUATION_CHANGED', 'page_old_' || (n % 5000),
             '{"state":"ACTIVE","acceptingBookings":true,"reasons":[],"eligibleHostIds":[],"cause":"refreshEvaluations","causeConnectionId":null}'::jsonb,
             now() - interval '400 days' + (n::double precision / ${OLD_EVENTS}) * interval '360 days'
      FROM generate_series(${from + 1}, ${from + count}) AS n`);
    process.stdout.write(`seeded ${fmt(from + count)} old events\n`);
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await database.db.execute('ANALYZE events');
  await measure(20);
  const withOld = await measure(SAMPLES);

  // The sweep, bounded in time; the same two operations run while it does.
  const cutoff = retentionCutoff(30);
  const controller = new AbortController();
  const sweepStarted = performance.now();
  const sweeping = sweepExpiredEvents(database.db, {
    olderThan: cutoff,
    batchSize: SWEEP_BATCH,
    pauseMs: 20,
    signal: controller.signal,
  });
  const stopTimer = setTimeout(() => controller.abort(), SWEEP_SECONDS * 1000);
  let sweepDone = false;
  void sweeping.finally(() => {
    sweepDone = true;
  });
  const during = { dashboardMs: [] as number[], probeMs: [] as number[] };
  while (!sweepDone && during.dashboardMs.length < SAMPLES) {
    during.dashboardMs.push(await dashboard());
    during.probeMs.push(await probe());
    during.probeMs.push(await probe());
  }
  const swept = await sweeping;
  clearTimeout(stopTimer);
  const sweepSeconds = (performance.now() - sweepStarted) / 1000;
  const [{ remainingOld }] = (await rows<{ remainingOld: number }>(
    `SELECT count(*)::int AS "remainingOld" FROM events WHERE created_at < '${cutoff.toISOString()}'`,
  )) as [{ remainingOld: number }];
  const [{ kept }] = (await rows<{ kept: number }>(
    `SELECT count(*)::int AS kept FROM events WHERE created_at >= '${cutoff.toISOString()}'`,
  )) as [{ kept: number }];
  check(swept.deleted + remainingOld === OLD_EVENTS, 'the sweep deleted only old events, each once');
  check(kept >= recent, 'no recent event was deleted');
  const [watermark] = await rows<{ expired_through: string }>(
    `SELECT expired_through FROM event_retention WHERE organization_id = '${demo.organizationId}'`,
  );
  check(
    swept.deleted === 0 || (watermark !== undefined && Number(watermark.expired_through) <= OLD_EVENTS),
    'the sweep recorded the organization watermark, below every recent event',
  );

  const p = (values: number[], q: number) => (values.length === 0 ? Number.NaN : percentile(values, q));
  const ratio = (a: number, b: number) => `${fmt(b / a, 2)}×`;
  const rate = swept.deleted / sweepSeconds;
  printTable(`event retention (${fmt(OLD_EVENTS)} old events, ${fmt(recent)} recent, ${SAMPLES} samples)`, [
    [
      'dashboard p50: fresh / with old events',
      `${fmt(p(fresh.dashboardMs, 50), 1)} / ${fmt(p(withOld.dashboardMs, 50), 1)} ms`,
      'same speed',
      ratio(p(fresh.dashboardMs, 50), p(withOld.dashboardMs, 50)),
    ],
    [
      'dashboard p95: fresh / with old events',
      `${fmt(p(fresh.dashboardMs, 95), 1)} / ${fmt(p(withOld.dashboardMs, 95), 1)} ms`,
      '',
      ratio(p(fresh.dashboardMs, 95), p(withOld.dashboardMs, 95)),
    ],
    [
      'recorded probe p50: fresh / with old events',
      `${fmt(p(fresh.probeMs, 50), 1)} / ${fmt(p(withOld.probeMs, 50), 1)} ms`,
      'same speed',
      ratio(p(fresh.probeMs, 50), p(withOld.probeMs, 50)),
    ],
    [
      'recorded probe p95: fresh / with old events',
      `${fmt(p(fresh.probeMs, 95), 1)} / ${fmt(p(withOld.probeMs, 95), 1)} ms`,
      '',
      ratio(p(fresh.probeMs, 95), p(withOld.probeMs, 95)),
    ],
    ['seeding the old events', `${fmt(seedSeconds, 1)} s (${fmt(OLD_EVENTS / seedSeconds)} rows/s)`, '', ''],
    [
      'sweep',
      `${fmt(swept.deleted)} rows in ${fmt(sweepSeconds, 1)} s, ${fmt(swept.batches)} batches of ${fmt(SWEEP_BATCH)}`,
      '',
      '',
    ],
    [
      'sweep throughput',
      `${fmt(rate)} rows/s (all ${fmt(OLD_EVENTS)}: ~${fmt(OLD_EVENTS / rate / 60, 1)} min)`,
      '',
      '',
    ],
    [
      'dashboard p50 / p95 during the sweep',
      `${fmt(p(during.dashboardMs, 50), 1)} / ${fmt(p(during.dashboardMs, 95), 1)} ms (${during.dashboardMs.length} samples)`,
      '',
      ratio(p(fresh.dashboardMs, 50), p(during.dashboardMs, 50)),
    ],
    [
      'recorded probe p50 / p95 during the sweep',
      `${fmt(p(during.probeMs, 50), 1)} / ${fmt(p(during.probeMs, 95), 1)} ms`,
      'writers not blocked',
      ratio(p(fresh.probeMs, 50), p(during.probeMs, 50)),
    ],
    ['answers', 'dashboard identical in every phase; every probe recorded; only old rows deleted', '', 'yes'],
  ]);
  await gateway.stop();
} finally {
  await database.close();
  await throwaway.drop();
}
