// Issue 15 §6: a gateway serving one organization of BENCH_MEMORY_CONNECTIONS (default 100,000) Google
// Calendar connections and BENCH_MEMORY_PAGES (default 1,000,000) booking pages in PostgreSQL stays under
// 512 MiB RSS during a probe round and the dashboard load. The gateway runs in a Node process of its own
// (gateway-child.mjs, the built package, default heap settings); its RSS is read from /proc every 100 ms:
//  1. idle after start (the baseline);
//  2. a probe round of every connection (all due at once, BENCH_MEMORY_CONCURRENCY in flight) while
//     BENCH_MEMORY_DASHBOARD_CLIENTS clients walk the dashboard (`bookingPages(first: 50)` with the SDK's full
//     screen selection) page after page from the first, over HTTP;
//  3. the dashboard load alone for BENCH_MEMORY_DASHBOARD_REQUESTS more requests.
// Seeding is SQL (generate_series, one statement per table); connection i belongs to person i; page j is
// owned by person j mod N, its only member, cloned from one page the state service created and evaluated.
// BENCH_MEMORY_ACCOUNTS (default 1,000) emulator accounts back the connections (connection i uses account
// i mod A: each connection still has its own row, sealed credentials and requests).
import { loadavg } from 'node:os';
import {
  createDatabase,
  createOrganization,
  createStateService,
  createUser,
  parseKeyring,
  sealSecret,
  systemActor,
} from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { startGoogleEmulator } from '@tsunagi/emulators';
import { gatewayConfig, mintToken } from '@tsunagi/gateway';
import { BookingPagesQuery } from '@tsunagi/sdk';
import pg from 'pg';
import { emulatorOAuth, issueTokens, pool, probeCounts, startChildGateway } from './probe-world.js';
import { check, fmt, printTable } from './report.js';

const CONNECTIONS = Number(process.env.BENCH_MEMORY_CONNECTIONS ?? 100_000);
const PAGES = Number(process.env.BENCH_MEMORY_PAGES ?? 1_000_000);
const ACCOUNTS = Math.min(CONNECTIONS, Number(process.env.BENCH_MEMORY_ACCOUNTS ?? 1_000));
const CONCURRENCY = Number(process.env.BENCH_MEMORY_CONCURRENCY ?? 64);
const DASHBOARD_CLIENTS = Number(process.env.BENCH_MEMORY_DASHBOARD_CLIENTS ?? 4);
const DASHBOARD_REQUESTS = Number(process.env.BENCH_MEMORY_DASHBOARD_REQUESTS ?? 400);
/** Stop sampling the round after this long (the planning and the first part of the round); default: the
 * whole round. */
const ROUND_SECONDS = Number(process.env.BENCH_MEMORY_ROUND_SECONDS ?? Number.POSITIVE_INFINITY);
const GOAL_BYTES = 512 * 1024 * 1024;
const MiB = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MiB`;
const QUERY = BookingPagesQuery.toString();

const google = await startGoogleEmulator({ port: 0, accessTokenTtlSeconds: 86_400 });
const throwaway = await createThrowawayDatabase('bench_memory');
const bare = new pg.Pool({ connectionString: throwaway.url, max: 2 });
const config = gatewayConfig({ databaseUrl: throwaway.url });
const keyring = parseKeyring(config.credentialsKeys);
try {
  const setupStart = performance.now();
  const setup = createDatabase({ databaseUrl: throwaway.url });
  await setup.migrate();
  const state = createStateService({ db: setup.db, keyring });
  const organizationId = (await createOrganization(setup.db, { name: 'Memory bench', slug: 'memory' })).id;
  const admin = await createUser(setup.db, {
    organizationId,
    name: 'Admin',
    email: 'admin@memory.example',
    role: 'ADMIN',
  });
  // Emulator accounts and their tokens.
  const oauth = emulatorOAuth(google);
  const accountIds = Array.from(
    { length: ACCOUNTS },
    (_, i) => google.accounts.create({ email: `a${i}@memory.example` }).id,
  );
  const tokens = new Array<Awaited<ReturnType<typeof issueTokens>>>(ACCOUNTS);
  await pool([0, ACCOUNTS], 64, async (i) => {
    tokens[i] = await issueTokens(google, oauth, accountIds[i]!);
  });
  // Person 0 and their connection through the state service, and the page template they own (evaluated).
  const first = await createUser(setup.db, { organizationId, name: 'Person 0', email: 'p0@memory.example' });
  const linked = await state.createConnection(systemActor(organizationId), {
    userId: first.id,
    provider: 'GOOGLE_CALENDAR',
    accountExternalId: `${accountIds[0]}#0`,
    credentials: {
      accessToken: tokens[0]!.accessToken,
      refreshToken: tokens[0]!.refreshToken ?? null,
      scopes: tokens[0]!.scopes,
    },
  });
  check(linked.ok, 'person 0 linked');
  const template = await state.createBookingPage(systemActor(organizationId), {
    title: 'Page 0',
    ownerId: first.id,
  });
  check(template.ok && template.value.state === 'ACTIVE', 'the template page is ACTIVE');
  const templateId = template.ok ? template.value.id : '';
  await setup.close();
  // People 1 … N-1 and their connections, then the sealed credentials 5,000 a statement.
  await bare.query(
    `INSERT INTO users (id, organization_id, name, email, role)
     SELECT 'usr_m' || g, $1, 'Person ' || g, 'p' || g || '@memory.example', 'MEMBER' FROM generate_series(1, $2::int - 1) g`,
    [organizationId, CONNECTIONS],
  );
  await bare.query(
    `INSERT INTO connections (id, organization_id, user_id, provider, kind, account_external_id, status, health)
     SELECT 'con_m' || g, $1, 'usr_m' || g, 'GOOGLE_CALENDAR', 'CALENDAR', ($3::text[])[g % $4 + 1] || '#' || g,
       'CONNECTED', 'HEALTHY'
     FROM generate_series(1, $2::int - 1) g`,
    [organizationId, CONNECTIONS, accountIds, ACCOUNTS],
  );
  for (let from = 1; from < CONNECTIONS; from += 5_000) {
    const ids: string[] = [];
    const sealed: string[] = [];
    for (let g = from; g < Math.min(CONNECTIONS, from + 5_000); g++) {
      const t = tokens[g % ACCOUNTS]!;
      ids.push(`con_m${g}`);
      sealed.push(
        sealSecret(
          keyring,
          JSON.stringify({ accessToken: t.accessToken, refreshToken: t.refreshToken }),
          `connection_credentials:con_m${g}`,
        ),
      );
    }
    await bare.query(
      `INSERT INTO connection_credentials (connection_id, key_id, ciphertext, access_token_expires_at, scopes)
       SELECT c.id, $2, c.ciphertext, now() + interval '1 day', $4::text[] FROM unnest($1::text[], $3::text[]) AS c(id, ciphertext)`,
      [ids, keyring.activeKeyId, sealed, tokens[0]!.scopes],
    );
  }
  // Pages 1 … M-1: the template's evaluation, owned by (and with the only member) person j mod N.
  const person = (expr: string) =>
    `CASE WHEN (${expr}) % $3 = 0 THEN $4 ELSE 'usr_m' || ((${expr}) % $3) END`;
  await bare.query(
    `INSERT INTO booking_pages (id, organization_id, title, slug, owner_id, mode, round_robin, enabled,
       applied_rule, state, accepting_bookings, reasons, plan, eligible_host_ids, usable_location_ids, warnings,
       state_changed_at, version, created_at, updated_at)
     SELECT 'pg_m' || g, p.organization_id, 'Page ' || lpad(g::text, 7, '0'), 'page-' || g, ${person('g')},
       p.mode, p.round_robin, p.enabled, p.applied_rule, p.state, p.accepting_bookings, p.reasons, p.plan,
       array_replace(p.eligible_host_ids, p.owner_id, ${person('g')}), p.usable_location_ids, p.warnings,
       p.state_changed_at, p.version, p.created_at, p.updated_at
     FROM booking_pages p, generate_series(1, $2::int - 1) g WHERE p.id = $1`,
    [templateId, PAGES, CONNECTIONS, first.id],
  );
  await bare.query(
    `INSERT INTO booking_page_members (booking_page_id, user_id, position)
     SELECT 'pg_m' || g, ${person('g')}, 0 FROM generate_series(1, $2::int - 1) g WHERE $1::text IS NOT NULL`,
    [templateId, PAGES, CONNECTIONS, first.id],
  );
  for (const table of [
    'users',
    'connections',
    'connection_credentials',
    'booking_pages',
    'booking_page_members',
  ])
    await bare.query(`VACUUM (ANALYZE) ${table}`);
  const { rows: sizes } = await bare.query(
    `SELECT (SELECT count(*) FROM connections)::int AS connections, (SELECT count(*) FROM booking_pages)::int AS pages`,
  );
  check(
    sizes[0].connections === CONNECTIONS && sizes[0].pages === PAGES,
    `seeded ${JSON.stringify(sizes[0])}`,
  );
  const setupSeconds = (performance.now() - setupStart) / 1000;

  // ── The gateway process ──────────────────────────────────────────────────────────────────────────────
  const gateway = await startChildGateway(
    {
      databaseUrl: throwaway.url,
      jwt: config.jwt,
      credentialsKeys: config.credentialsKeys,
      probes: { enabled: true, intervalSeconds: 43_200, concurrencyPerProvider: CONCURRENCY, spread: 0 },
    },
    google,
  );
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, gateway.rss().now);
  };
  const sampler = setInterval(sample, 100);
  try {
    const idle = gateway.rss().now;
    const token = await mintToken({ ...config.jwt, userId: admin.id, organizationId, role: 'ADMIN' });
    let dashboardRequests = 0;
    let lastTotal = -1;
    /** One client walking the dashboard from the first page, `after` cursor by cursor. */
    const walk = async (stop: () => boolean) => {
      let after: string | null = null;
      while (!stop()) {
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: QUERY,
            variables: after === null ? { first: 50 } : { first: 50, after },
          }),
        });
        const body = (await response.json()) as {
          data?: {
            bookingPages: { totalCount: number; edges: unknown[]; pageInfo: { endCursor: string | null } };
          };
          errors?: unknown;
        };
        check(
          response.status === 200 && body.errors === undefined,
          `dashboard answered ${JSON.stringify(body.errors)}`,
        );
        const pages = body.data!.bookingPages;
        check(pages.edges.length === 50, `a full page of 50, got ${pages.edges.length}`);
        lastTotal = pages.totalCount;
        after = pages.pageInfo.endCursor;
        dashboardRequests++;
      }
    };

    // 2. The probe round, with the dashboard walked meanwhile.
    let roundDone = false;
    const roundStart = performance.now();
    const walkers = Array.from({ length: DASHBOARD_CLIENTS }, () => walk(() => roundDone));
    let probed = 0;
    for (;;) {
      const counts = await probeCounts(bare, organizationId, 1);
      probed = counts.exactly;
      check(counts.over === 0, `a connection probed twice: ${JSON.stringify(counts)}`);
      if (counts.exactly === CONNECTIONS) break;
      if ((performance.now() - roundStart) / 1000 >= ROUND_SECONDS) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    roundDone = true;
    await Promise.all(walkers);
    const roundSeconds = (performance.now() - roundStart) / 1000;
    const roundPeak = peak;
    const duringRound = dashboardRequests;
    if (probed === CONNECTIONS) {
      const counts = await probeCounts(bare, organizationId, 1);
      check(counts.notHealthy === 0, `round: ${JSON.stringify(counts)}`);
    }

    // 3. The dashboard alone.
    peak = 0;
    const target = dashboardRequests + DASHBOARD_REQUESTS;
    await Promise.all(
      Array.from({ length: DASHBOARD_CLIENTS }, () => walk(() => dashboardRequests >= target)),
    );
    check(lastTotal === PAGES, `totalCount ${lastTotal}`);
    sample();
    const dashboardPeak = peak;
    const hwm = Math.max(gateway.rss().peak, roundPeak, dashboardPeak);

    printTable(
      `§6 gateway memory: ${fmt(CONNECTIONS)} connections, ${fmt(PAGES)} pages in one organization (setup ${fmt(setupSeconds, 0)} s, load ${fmt(loadavg()[0]!, 1)})`,
      [
        ['idle after start (baseline)', MiB(idle), '', ''],
        [
          `probe round (${fmt(probed)} of ${fmt(CONNECTIONS)} probed in ${fmt(roundSeconds, 0)} s) + ${DASHBOARD_CLIENTS} dashboard clients (${fmt(duringRound)} requests): peak RSS`,
          MiB(roundPeak),
          '< 512 MiB',
          roundPeak < GOAL_BYTES ? 'yes' : 'NO',
        ],
        [
          `dashboard alone, ${fmt(DASHBOARD_REQUESTS)} requests: peak RSS`,
          MiB(dashboardPeak),
          '< 512 MiB',
          dashboardPeak < GOAL_BYTES ? 'yes' : 'NO',
        ],
        ['process peak (VmHWM)', MiB(hwm), '< 512 MiB', hwm < GOAL_BYTES ? 'yes' : 'NO'],
        ['ratio peak / idle', fmt(hwm / idle, 2), '', ''],
      ],
    );
  } finally {
    clearInterval(sampler);
    await gateway.stop();
  }
} finally {
  await bare.end();
  await throwaway.drop();
  await google.stop();
}
