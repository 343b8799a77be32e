// Issue 15 §1 and §7: the probe pipeline end to end on PostgreSQL — pg-boss planner and workers → the
// Google adapter (events.list + tokeninfo) → the Google emulator on 127.0.0.1 → classification → recorded
// (healthy probes that change nothing batched into one UPDATE per group) — over an organization of
// Google Calendar connections seeded with real emulator-issued tokens, sealed as the gateway seals them.
//  §1 one gateway in this process probes a round of BENCH_PIPELINE_CONNECTIONS (default 100,000), all due at
//     once; baseline: a bare `fetch` client sending the same two requests per connection with the same
//     concurrency and no database, measured before and after the round (the mean is the baseline). Also
//     counted: SQL round trips on the gateway's pool per probe.
//  §7 the provider answers every request 200 ms late (the emulator's LATENCY fault): one gateway process
//     probes a round of BENCH_SCALEOUT_CONNECTIONS (default 20,000), then three processes on the same database
//     probe the next round together; goal ≤ 0.45× one process's time, each connection probed exactly once per
//     round (each recorded probe bumps the connection's version by one).
// Each phase has a throwaway database (TEST_DATABASE_URL's server); the gateways probe every connection of it.
import { createDatabase, type DatabaseHandle, parseKeyring } from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { createEmulatedProviderRegistry, createGateway, type Gateway, gatewayConfig } from '@tsunagi/gateway';
import pg from 'pg';
import {
  type ChildGateway,
  forgetProbeRound,
  pool,
  probeCounts,
  seedProbeWorld,
  startChildGateway,
} from './probe-world.js';
import { check, fmt, printTable } from './report.js';

const CONNECTIONS = Number(process.env.BENCH_PIPELINE_CONNECTIONS ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_PIPELINE_CONCURRENCY ?? 64);
/** Emulator accounts behind the connections (each its own OAuth grant, issued at setup); default one each. */
const ACCOUNTS = Number(process.env.BENCH_PIPELINE_ACCOUNTS ?? CONNECTIONS);
const SCALE_ACCOUNTS = Number(process.env.BENCH_SCALEOUT_ACCOUNTS ?? 20_000);
const SCALE_CONNECTIONS = Number(process.env.BENCH_SCALEOUT_CONNECTIONS ?? 20_000);
const SCALE_CONCURRENCY = Number(process.env.BENCH_SCALEOUT_CONCURRENCY ?? 50);
const LATENCY_MS = Number(process.env.BENCH_SCALEOUT_LATENCY_MS ?? 200);
const PHASES = new Set((process.env.BENCH_PIPELINE_PHASES ?? 'pipeline,scaleout').split(','));
const ROUND_TIMEOUT_MS = Number(process.env.BENCH_ROUND_TIMEOUT_SECONDS ?? 3_600) * 1000;

/** Probe settings for a benchmark round: one long interval (one round), every probe due at its start. */
const probeConfig = (concurrency: number) => ({
  enabled: true,
  intervalSeconds: 43_200,
  concurrencyPerProvider: concurrency,
  spread: 0,
});

async function seconds(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/** Waits until every connection of the organization was recorded `round` times. */
async function roundDone(bare: pg.Pool, organizationId: string, round: number, total: number): Promise<void> {
  const deadline = Date.now() + ROUND_TIMEOUT_MS;
  for (;;) {
    const counts = await probeCounts(bare, organizationId, round);
    if (counts.exactly === total) return;
    check(Date.now() < deadline, `round ${round}: ${counts.exactly} of ${total} probed after the timeout`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Seconds from the round's first recorded probe to its last (what the probing took, without process start
 * and planning). */
async function recordedSpan(bare: pg.Pool, organizationId: string): Promise<number> {
  const { rows } = await bare.query(
    `SELECT extract(epoch FROM max(last_checked_at) - min(last_checked_at))::float8 AS span
     FROM connections WHERE organization_id = $1`,
    [organizationId],
  );
  return Number(rows[0].span);
}

/** The same two requests the adapter's probe sends, from a bare client, for connections `range`. */
async function bareProbes(
  google: GoogleEmulator,
  tokens: readonly { accessToken: string }[],
  accountIds: readonly string[],
  concurrency: number,
): Promise<number> {
  let ok = 0;
  await pool([0, tokens.length], concurrency, async (i) => {
    const accessToken = tokens[i]!.accessToken;
    const url = new URL('calendar/v3/calendars/primary/events', google.endpoints.apiRoot);
    const from = Date.now();
    url.search = new URLSearchParams({
      maxResults: '1',
      singleEvents: 'true',
      timeMin: new Date(from).toISOString(),
      timeMax: new Date(from + 60_000).toISOString(),
      fields: 'summary,timeZone',
    }).toString();
    const events = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` } });
    const listed = (await events.json()) as { timeZone?: string };
    const info = await fetch(google.endpoints.tokeninfoUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: accessToken }).toString(),
    });
    const granted = (await info.json()) as { sub?: string };
    check(
      events.status === 200 && typeof listed.timeZone === 'string' && granted.sub === accountIds[i],
      `bare request ${i}: ${events.status} / ${info.status}`,
    );
    ok++;
  });
  return ok;
}

const google = await startGoogleEmulator({ port: 0, accessTokenTtlSeconds: 86_400 });
const cleanups: (() => Promise<unknown>)[] = [];
try {
  if (PHASES.has('pipeline')) {
    // ── §1: one gateway, in this process, a round all due at once ─────────────────────────────────────
    const throwaway = await createThrowawayDatabase('bench_pipeline');
    cleanups.push(throwaway.drop);
    const bare = new pg.Pool({ connectionString: throwaway.url, max: 2 });
    cleanups.push(() => bare.end());
    const credentialsKeys = gatewayConfig().credentialsKeys;
    const database: DatabaseHandle = createDatabase({ databaseUrl: throwaway.url });
    await database.migrate();
    const setup = performance.now();
    const world = await seedProbeWorld({
      bare,
      db: database.db,
      keyring: parseKeyring(credentialsKeys),
      google,
      connections: CONNECTIONS,
      accounts: ACCOUNTS,
    });
    const setupSeconds = (performance.now() - setup) / 1000;

    const bareBefore = await seconds(async () => {
      check((await bareProbes(google, world.tokens, world.accountIds, CONCURRENCY)) === CONNECTIONS, 'bare');
    });

    // Every statement the gateway sends on its pool (drizzle outside transactions, pg-boss), counted.
    const client = (database.db as unknown as { $client: pg.Pool }).$client;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    let statements = 0;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
    let gateway: Gateway | null = null;
    const roundSeconds = await seconds(async () => {
      gateway = await createGateway(
        gatewayConfig({ databaseUrl: throwaway.url, credentialsKeys, probes: probeConfig(CONCURRENCY) }),
        { database, providers: createEmulatedProviderRegistry({ google }) },
      );
      await roundDone(bare, world.organizationId, 1, CONNECTIONS);
    });
    const roundStatements = statements;
    await (gateway as Gateway | null)?.stop();
    await database.close();
    const probingSeconds = await recordedSpan(bare, world.organizationId);
    const counts = await probeCounts(bare, world.organizationId, 1);
    check(
      counts.exactly === CONNECTIONS && counts.over === 0 && counts.under === 0,
      `probed once each: ${JSON.stringify(counts)}`,
    );
    check(counts.notHealthy === 0, `${counts.notHealthy} connections not healthy after the round`);

    const bareAfter = await seconds(async () => {
      check((await bareProbes(google, world.tokens, world.accountIds, CONCURRENCY)) === CONNECTIONS, 'bare');
    });
    const pipelineRate = CONNECTIONS / probingSeconds;
    const bareRate = CONNECTIONS / ((bareBefore + bareAfter) / 2);
    printTable(
      `§1 probe pipeline on PostgreSQL: ${fmt(CONNECTIONS)} Google connections, ${CONCURRENCY} in flight (setup ${fmt(setupSeconds, 1)} s, load ${fmt(
        (await import('node:os')).loadavg()[0]!,
        1,
      )})`,
      [
        [
          'gateway start → round recorded (start, plan, probe, record)',
          `${fmt(roundSeconds, 1)} s: ${fmt(CONNECTIONS / roundSeconds)} connections/s`,
          '',
          '',
        ],
        [
          'probing: first to last recorded probe',
          `${fmt(probingSeconds, 1)} s: ${fmt(pipelineRate)} connections/s`,
          '≥ 1,000/s',
          pipelineRate >= 1000 ? 'yes' : 'NO',
        ],
        [
          'bare fetch, same 2 requests, no database (baseline)',
          `${fmt(bareRate)} connections/s (${fmt(CONNECTIONS / bareBefore)} before, ${fmt(CONNECTIONS / bareAfter)} after)`,
          '',
          '',
        ],
        [
          'ratio pipeline / bare fetch',
          fmt(pipelineRate / bareRate, 2),
          '≥ 0.5',
          pipelineRate / bareRate >= 0.5 ? 'yes' : 'NO',
        ],
        [
          'SQL round trips on the pool per probe',
          `${fmt(roundStatements / CONNECTIONS, 3)} (${fmt(roundStatements)} in the round)`,
          '≤ 1',
          roundStatements / CONNECTIONS <= 1 ? 'yes' : 'NO',
        ],
        [
          'connections recorded exactly once, healthy',
          `${fmt(counts.exactly)} / ${fmt(CONNECTIONS)}`,
          'all',
          'yes',
        ],
      ],
    );
  }

  if (PHASES.has('scaleout')) {
    // ── §7: one process, then three, with a 200 ms provider ──────────────────────────────────────────
    const throwaway = await createThrowawayDatabase('bench_scaleout');
    cleanups.push(throwaway.drop);
    const bare = new pg.Pool({ connectionString: throwaway.url, max: 2 });
    cleanups.push(() => bare.end());
    const credentialsKeys = gatewayConfig().credentialsKeys;
    const setupDb = createDatabase({ databaseUrl: throwaway.url });
    await setupDb.migrate();
    const world = await seedProbeWorld({
      bare,
      db: setupDb.db,
      keyring: parseKeyring(credentialsKeys),
      google,
      connections: SCALE_CONNECTIONS,
      accounts: SCALE_ACCOUNTS,
    });
    await setupDb.close();
    for (const account of new Set(world.accountIds))
      google.faults.inject(account, { kind: 'LATENCY', ms: LATENCY_MS });
    const config = {
      databaseUrl: throwaway.url,
      credentialsKeys,
      probes: probeConfig(SCALE_CONCURRENCY),
    };
    const round = async (processes: number, n: number) => {
      const gateways: ChildGateway[] = [];
      const time = await seconds(async () => {
        gateways.push(
          ...(await Promise.all(Array.from({ length: processes }, () => startChildGateway(config, google)))),
        );
        await roundDone(bare, world.organizationId, n, SCALE_CONNECTIONS);
      });
      await Promise.all(gateways.map((gateway) => gateway.stop()));
      const span = await recordedSpan(bare, world.organizationId);
      const counts = await probeCounts(bare, world.organizationId, n);
      check(
        counts.exactly === SCALE_CONNECTIONS && counts.over === 0 && counts.under === 0,
        `round ${n}: each connection once: ${JSON.stringify(counts)}`,
      );
      check(counts.notHealthy === 0, `round ${n}: ${counts.notHealthy} connections not healthy`);
      await forgetProbeRound(bare);
      return { time, span };
    };
    const one = await round(1, 1);
    const three = await round(3, 2);
    const ratio = three.span / one.span;
    printTable(
      `§7 scale-out: ${fmt(SCALE_CONNECTIONS)} connections, provider ${LATENCY_MS} ms late, ${SCALE_CONCURRENCY} in flight per process`,
      [
        [
          'one gateway process: first to last recorded probe (baseline)',
          `${fmt(one.span, 1)} s (${fmt(SCALE_CONNECTIONS / one.span)} /s; ${fmt(one.time, 1)} s from spawn)`,
          '',
          '',
        ],
        [
          'three gateway processes, the next round',
          `${fmt(three.span, 1)} s (${fmt(SCALE_CONNECTIONS / three.span)} /s; ${fmt(three.time, 1)} s from spawn)`,
          '',
          '',
        ],
        ['ratio three / one', fmt(ratio, 2), '≤ 0.45', ratio <= 0.45 ? 'yes' : 'NO'],
        ['each connection probed exactly once per round', 'both rounds', 'all', 'yes'],
      ],
    );
  }
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  await google.stop();
}
