// The dashboard (issue 15 §3), on PostgreSQL (TEST_DATABASE_URL): `bookingPages(first: 50)` with the SDK's full
// screen selection (BookingPagesQuery: owners, members, reasons with their connections and errors, remediation
// plan, warnings, messages in a locale).
//  1. In process (graphql-js `execute` against the gateway's schema with a real request context, then
//     JSON.stringify) against the baseline: hand-written SQL over a bare `pg` pool and plain code that builds
//     the IDENTICAL JSON (checked byte for byte). Goal ≥ 0.7×.
//  2. Over HTTP (keep-alive, CONCURRENCY in flight) against in process with the same concurrency. Goal ≥ 0.5×.
//  3. An organization with BENCH_DASHBOARD_PAGES (default 100,000) pages: the first page and a page 50,000 rows
//     deep (keyset cursor), each under 20 ms, with EXPLAIN (ANALYZE, BUFFERS) of the SQL the resolver runs.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { ACTION_PERFORMER, describeReason, describeWarning } from '@tsunagi/booking-rules';
import {
  createApiKey,
  createDatabase,
  createOrganization,
  createUser,
  type DatabaseHandle,
  encodePageCursor,
} from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { describeError, isErrorCode, isSubReason } from '@tsunagi/errors';
import {
  createContext,
  createGateway,
  createSchema,
  type GatewayServices,
  gatewayConfig,
} from '@tsunagi/gateway';
import { BookingPagesQuery } from '@tsunagi/sdk';
import { execute, parse } from 'graphql';
import pg from 'pg';
import { adminPost, growDemoPages } from './demo-pages.js';
import { check, fmt, median, percentile, printTable } from './report.js';

const SAMPLES = Number(process.env.BENCH_DASHBOARD_SAMPLES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_DASHBOARD_CONCURRENCY ?? 4);
const DEMO_PAGES = Number(process.env.BENCH_DASHBOARD_DEMO_PAGES ?? 120);
const LARGE_PAGES = Number(process.env.BENCH_DASHBOARD_PAGES ?? 100_000);
const DEEP = Math.min(50_000, Math.floor(LARGE_PAGES / 2));
const DEEP_GOAL_MS = 20;

check(process.env.TEST_DATABASE_URL !== undefined, 'set TEST_DATABASE_URL to a PostgreSQL server');
const throwaway = await createThrowawayDatabase('tsunagi_bench_dashboard');
let statements = 0;
const database: DatabaseHandle = createDatabase({
  databaseUrl: throwaway.url,
  logger: { logQuery: () => void statements++ },
});
const bare = new pg.Pool({ connectionString: throwaway.url, max: 10 });

const QUERY = BookingPagesQuery.toString();
const DOCUMENT = parse(QUERY);
const VARIABLES = { first: 50 };

// ---------------------------------------------------------------------------------------------------------------
// The baseline: the same answer from hand-written SQL and plain code. Five statements: the page rows and the
// count together, then members, then the users and connections everything refers to together.

interface StoredError {
  code: string;
  provider?: string | null;
  subReason?: string | null;
}
interface Reason {
  kind: string;
  userId?: string | null;
  connectionIds: string[];
}
interface Action {
  kind: keyof typeof ACTION_PERFORMER;
  check?: string;
  provider?: string;
  connectionId?: string;
  userId?: string;
}

function errorText(error: StoredError) {
  const code = isErrorCode(error.code) ? error.code : 'UNKNOWN';
  const text = describeError(code, 'en', {
    ...(error.provider == null ? {} : { provider: error.provider }),
    ...(error.subReason == null ? {} : { subReason: error.subReason }),
  } as Parameters<typeof describeError>[2]);
  return { code, title: text.title, remediation: text.remediation };
}

const PAGE_COLUMNS = `id, title, slug, mode, round_robin, state, accepting_bookings, state_changed_at, owner_id,
  list_rank, reasons, plan, eligible_host_ids, warnings`;

async function baseline(organizationId: string, after: [number, string, string] | null): Promise<string> {
  const [pages, total] = await Promise.all([
    after === null
      ? bare.query(
          `SELECT ${PAGE_COLUMNS} FROM booking_pages WHERE organization_id = $1
           ORDER BY list_rank, title, id LIMIT 51`,
          [organizationId],
        )
      : bare.query(
          `SELECT ${PAGE_COLUMNS} FROM booking_pages WHERE organization_id = $1
             AND (list_rank, title, id) > ($2::smallint, $3::text, $4::text)
           ORDER BY list_rank, title, id LIMIT 51`,
          [organizationId, ...after],
        ),
    bare.query('SELECT count(*)::int AS n FROM booking_pages WHERE organization_id = $1', [organizationId]),
  ]);
  const rows = pages.rows.slice(0, 50);
  const pageIds = rows.map((row) => row.id as string);
  const members = await bare.query(
    'SELECT booking_page_id, user_id FROM booking_page_members WHERE booking_page_id = ANY($1) ORDER BY booking_page_id, position',
    [pageIds],
  );
  const userIds = new Set<string>();
  const connectionIds = new Set<string>();
  for (const row of rows) {
    userIds.add(row.owner_id);
    for (const id of row.eligible_host_ids as string[]) userIds.add(id);
    for (const reason of row.reasons as Reason[]) {
      if (reason.userId != null) userIds.add(reason.userId);
      for (const id of reason.connectionIds) connectionIds.add(id);
    }
    for (const step of row.plan as { options: { actions: Action[] }[] }[])
      for (const option of step.options)
        for (const action of option.actions) {
          if (action.userId !== undefined) userIds.add(action.userId);
          if (action.connectionId !== undefined) connectionIds.add(action.connectionId);
        }
  }
  for (const member of members.rows) userIds.add(member.user_id);
  const [usersResult, connectionsResult] = await Promise.all([
    bare.query('SELECT id, name FROM users WHERE organization_id = $1 AND id = ANY($2)', [
      organizationId,
      [...userIds],
    ]),
    bare.query(
      'SELECT id, provider, account_email, last_error FROM connections WHERE organization_id = $1 AND id = ANY($2)',
      [organizationId, [...connectionIds]],
    ),
  ]);
  const users = new Map(usersResult.rows.map((row) => [row.id as string, { id: row.id, name: row.name }]));
  const connections = new Map(connectionsResult.rows.map((row) => [row.id as string, row]));
  const membersOf = new Map<string, string[]>();
  for (const { booking_page_id: pageId, user_id: userId } of members.rows) {
    const list = membersOf.get(pageId);
    if (list === undefined) membersOf.set(pageId, [userId]);
    else list.push(userId);
  }
  const known = (ids: readonly string[]) => ids.flatMap((id) => users.get(id) ?? []);
  const edges = rows.map((row) => {
    const cursor = encodePageCursor({ listRank: row.list_rank, title: row.title, id: row.id });
    return {
      cursor,
      node: {
        id: row.id,
        title: row.title,
        slug: row.slug,
        mode: row.mode,
        roundRobin: row.round_robin,
        state: row.state,
        acceptingBookings: row.accepting_bookings,
        stateChangedAt: (row.state_changed_at as Date).toISOString(),
        owner: users.get(row.owner_id),
        members: known(membersOf.get(row.id) ?? []),
        eligibleHosts: known(row.eligible_host_ids).map(({ id }) => ({ id })),
        reasons: (row.reasons as Reason[]).map((reason) => ({
          kind: reason.kind,
          message: describeReason(reason as Parameters<typeof describeReason>[0], 'en'),
          user: reason.userId == null ? null : (users.get(reason.userId) ?? null),
          connections: reason.connectionIds.flatMap((id) => {
            const connection = connections.get(id);
            if (connection === undefined) return [];
            return [
              {
                id: connection.id,
                provider: connection.provider,
                accountEmail: connection.account_email,
                lastError: connection.last_error === null ? null : errorText(connection.last_error),
              },
            ];
          }),
        })),
        remediation: (row.plan as { goal: string; options: { actions: Action[] }[] }[]).map((step) => ({
          goal: step.goal,
          options: step.options.map((option) => ({
            actions: option.actions.map((action) => ({
              kind: action.kind,
              performedBy: ACTION_PERFORMER[action.kind],
              check: isSubReason(action.check) ? action.check : null,
              provider: action.provider ?? null,
              connection:
                action.connectionId === undefined || !connections.has(action.connectionId)
                  ? null
                  : { id: action.connectionId },
              user: action.userId === undefined ? null : (users.get(action.userId) ?? null),
            })),
          })),
        })),
        warnings: (row.warnings as { kind: string }[]).map((warning) => ({
          kind: warning.kind,
          message: describeWarning(warning as Parameters<typeof describeWarning>[0], 'en'),
        })),
      },
    };
  });
  return JSON.stringify({
    data: {
      bookingPages: {
        totalCount: total.rows[0].n,
        pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: pages.rows.length > 50 },
        edges,
      },
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------

async function timed(run: () => Promise<unknown>, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

/** Operations per second with `concurrency` in flight for `samples` operations in all. */
async function throughput(
  run: () => Promise<unknown>,
  samples: number,
  concurrency: number,
): Promise<number> {
  let left = samples;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await run();
    }),
  );
  return samples / ((performance.now() - started) / 1000);
}

/** Grows an organization to `pages` pages by cloning the ones it has (evaluations, members and all) in SQL. */
async function cloneOrganizationPages(organizationId: string, pages: number): Promise<void> {
  const { rows } = await bare.query(
    'SELECT count(*)::int AS n FROM booking_pages WHERE organization_id = $1',
    [organizationId],
  );
  const have = rows[0].n as number;
  const copies = Math.ceil((pages - have) / have);
  const client = await bare.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE clone_map ON COMMIT DROP AS
       SELECT p.id AS source, 'pg_' || md5(p.id || ':' || g) AS id, g
       FROM booking_pages p, generate_series(1, $2::int) g
       WHERE p.organization_id = $1`,
      [organizationId, copies],
    );
    await client.query(
      `DELETE FROM clone_map WHERE ctid IN (SELECT ctid FROM clone_map ORDER BY g, source OFFSET $1)`,
      [pages - have],
    );
    await client.query(
      `INSERT INTO booking_pages (id, organization_id, title, slug, owner_id, mode, round_robin, enabled,
         applied_rule, state, accepting_bookings, reasons, plan, eligible_host_ids, usable_location_ids, warnings,
         state_changed_at, version, created_at, updated_at)
       SELECT c.id, p.organization_id, p.title || ' #' || lpad(c.g::text, 6, '0'), p.slug || '-' || c.g, p.owner_id,
         p.mode, p.round_robin, p.enabled, p.applied_rule, p.state, p.accepting_bookings, p.reasons, p.plan,
         p.eligible_host_ids, p.usable_location_ids, p.warnings, p.state_changed_at, p.version, p.created_at, p.updated_at
       FROM clone_map c JOIN booking_pages p ON p.id = c.source`,
    );
    await client.query(
      `INSERT INTO booking_page_members (booking_page_id, user_id, position)
       SELECT c.id, m.user_id, m.position FROM clone_map c JOIN booking_page_members m ON m.booking_page_id = c.source`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  // As autovacuum leaves a table that is not being bulk-loaded: statistics current, visibility map set (so the
  // count can be an index-only scan).
  await bare.query('VACUUM (ANALYZE) booking_pages');
  await bare.query('VACUUM (ANALYZE) booking_page_members');
}

try {
  await database.migrate();
  const config = gatewayConfig({ databaseUrl: throwaway.url });
  const gateway = await createGateway(config, { database, seedDemo: true });
  const demo = gateway.demo!;
  const post = adminPost(gateway);
  await growDemoPages(gateway, post, DEMO_PAGES);
  const schema = createSchema();
  const services = gateway.services as GatewayServices;

  const inProcessAs =
    (viewer: { userId: string; organizationId: string; role: 'ADMIN' }, variables: Record<string, unknown>) =>
    async () => {
      const contextValue = await createContext(services, viewer, randomUUID(), gateway.logger);
      const result = await execute({ schema, document: DOCUMENT, contextValue, variableValues: variables });
      check(!result.errors, `in-process execute errors: ${JSON.stringify(result.errors)}`);
      return JSON.stringify(result);
    };
  const overHttpAs = (token: string, variables: Record<string, unknown>) => async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables }),
    });
    const text = await response.text();
    check(response.status === 200, `HTTP ${response.status}: ${text.slice(0, 200)}`);
    return text.endsWith('\n') ? text.slice(0, -1) : text; // the server ends its body with a newline
  };

  // 1 + 2: the demo organization.
  const demoViewer = {
    userId: demo.users.aiko!,
    organizationId: demo.organizationId,
    role: 'ADMIN' as const,
  };
  const inProcess = inProcessAs(demoViewer, VARIABLES);
  const overHttp = overHttpAs(demo.adminToken, VARIABLES);
  const reference = await inProcess();
  check(reference === (await baseline(demo.organizationId, null)), 'the baseline answers differently');
  check(reference === (await overHttp()), 'HTTP answers differently');
  const answer = JSON.parse(reference) as {
    data: { bookingPages: { edges: { node: { reasons: unknown[]; remediation: unknown[] } }[] } };
  };
  const edges = answer.data.bookingPages.edges;
  check(edges.length === 50, `expected 50 pages, got ${edges.length}`);
  check(
    edges.some((edge) => edge.node.reasons.length > 0 && edge.node.remediation.length > 0),
    'some pages have reasons and a remediation plan',
  );
  statements = 0;
  await inProcess();
  const roundTrips = statements;

  for (let i = 0; i < 30; i++)
    await Promise.all([inProcess(), baseline(demo.organizationId, null), overHttp()]);
  // Interleaved rounds so a change of machine load hits both sides alike.
  const gatewayTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    gatewayTimes.push(...(await timed(inProcess, SAMPLES / 5)));
    baselineTimes.push(...(await timed(() => baseline(demo.organizationId, null), SAMPLES / 5)));
  }
  const httpRates: number[] = [];
  const inProcessRates: number[] = [];
  for (let round = 0; round < 3; round++) {
    inProcessRates.push(await throughput(inProcess, SAMPLES / 3, CONCURRENCY));
    httpRates.push(await throughput(overHttp, SAMPLES / 3, CONCURRENCY));
  }

  // 3: a large organization.
  const organization = await createOrganization(database.db, { name: 'Large', slug: 'large' });
  const admin = await createUser(database.db, {
    organizationId: organization.id,
    name: 'Admin',
    email: 'admin@large.example',
    role: 'ADMIN',
  });
  const people = [admin.id];
  for (let i = 0; i < 20; i++)
    people.push(
      (
        await createUser(database.db, {
          organizationId: organization.id,
          name: `Person ${i}`,
          email: `person-${i}@large.example`,
        })
      ).id,
    );
  const actor = { organizationId: organization.id, role: 'ADMIN' as const, userId: admin.id };
  // A few real pages (the state service evaluates them), some broken by a revoked calendar; then cloned.
  for (let i = 0; i < 20; i++) {
    const linked = await services.state.createConnection(actor, {
      userId: people[i]!,
      provider: 'GOOGLE_CALENDAR',
      accountExternalId: `google-${i}`,
    });
    check(linked.ok, 'a calendar links');
    if (i % 4 === 0 && linked.ok) {
      const broken = await services.state.markConnectionError(actor, linked.value.connection.id, {
        code: 'AUTH_REVOKED',
        action: 'REAUTHORIZE',
        retryable: false,
        connectionBroken: true,
        message: 'revoked',
      });
      check(broken.ok, 'a calendar breaks');
    }
  }
  for (let i = 0; i < 40; i++) {
    const created = await services.state.createBookingPage(actor, {
      title: `Consultation ${String.fromCharCode(65 + (i % 26))}${i}`,
      ownerId: people[i % 20]!,
      memberIds: [people[i % 20]!, people[(i + 1) % 20]!, people[(i + 7) % 21]!],
      mode: i % 3 === 0 ? 'ANY_MEMBER' : 'ALL_MEMBERS',
    });
    check(created.ok, 'a page is created');
  }
  const seedStarted = performance.now();
  await cloneOrganizationPages(organization.id, LARGE_PAGES);
  const seedMs = performance.now() - seedStarted;
  const { secret } = await createApiKey(database.db, {
    organizationId: organization.id,
    userId: admin.id,
    role: 'ADMIN',
    name: 'bench',
  });
  const deepKey = (
    await bare.query(
      `SELECT list_rank, title, id FROM booking_pages WHERE organization_id = $1
       ORDER BY list_rank, title, id OFFSET $2 LIMIT 1`,
      [organization.id, DEEP - 1],
    )
  ).rows[0];
  const deepCursor = encodePageCursor({ listRank: deepKey.list_rank, title: deepKey.title, id: deepKey.id });
  const largeViewer = { userId: admin.id, organizationId: organization.id, role: 'ADMIN' as const };
  const largeRows: [string, string, string, string][] = [];
  for (const [label, after] of [
    ['first page', null],
    [`${fmt(DEEP)} rows deep`, deepCursor],
  ] as const) {
    const variables = after === null ? VARIABLES : { ...VARIABLES, after };
    const key: [number, string, string] | null =
      after === null ? null : [deepKey.list_rank, deepKey.title, deepKey.id];
    const run = inProcessAs(largeViewer, variables);
    const http = overHttpAs(secret, variables);
    const answerText = await run();
    check(
      answerText === (await baseline(organization.id, key)),
      `${label}: the baseline answers differently`,
    );
    check(answerText === (await http()), `${label}: HTTP answers differently`);
    const parsed = JSON.parse(answerText) as {
      data: { bookingPages: { totalCount: number; edges: unknown[] } };
    };
    check(parsed.data.bookingPages.totalCount === LARGE_PAGES, `${label}: totalCount`);
    check(parsed.data.bookingPages.edges.length === 50, `${label}: 50 pages`);
    for (let i = 0; i < 10; i++) await http();
    const httpTimes = await timed(http, SAMPLES / 3);
    const inTimes = await timed(run, SAMPLES / 3);
    const p50 = median(httpTimes);
    largeRows.push([
      `${fmt(LARGE_PAGES)} pages, ${label}: HTTP p50 / p95 (in process p50)`,
      `${fmt(p50, 1)} / ${fmt(percentile(httpTimes, 95), 1)} ms (${fmt(median(inTimes), 1)} ms)`,
      `< ${DEEP_GOAL_MS} ms`,
      p50 < DEEP_GOAL_MS ? 'yes' : 'NO',
    ]);
    // The plan of the SQL the resolver runs (ReadRepository.listBookingPages), with this cursor.
    const plan = await bare.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT *, ARRAY(SELECT m.user_id FROM booking_page_members m
         WHERE m.booking_page_id = booking_pages.id ORDER BY m.position) AS member_ids
       FROM booking_pages WHERE organization_id = $1
       ${key === null ? '' : 'AND (list_rank, title, id) > ($2::smallint, $3::text, $4::text)'}
       ORDER BY list_rank, title, id LIMIT 51`,
      key === null ? [organization.id] : [organization.id, ...key],
    );
    console.log(`\nEXPLAIN, ${label}:\n${plan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
  }
  // totalCount as the resolver reads it (the kept per-state counts, @tsunagi/db page-counts.ts), and what
  // counting the rows would cost instead.
  for (const [label, statement] of [
    ['totalCount (kept counts)', 'SELECT sum(pages) FROM booking_page_counts WHERE organization_id = $1'],
    ['counting the rows instead', 'SELECT count(*) FROM booking_pages WHERE organization_id = $1'],
  ] as const) {
    const countPlan = await bare.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement}`, [organization.id]);
    console.log(`\nEXPLAIN, ${label}:\n${countPlan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
  }
  await gateway.stop();

  const gatewayMs = median(gatewayTimes);
  const baselineMs = median(baselineTimes);
  const ratio = baselineMs / gatewayMs;
  const httpRate = median(httpRates);
  const inProcessRate = median(inProcessRates);
  const httpRatio = httpRate / inProcessRate;
  printTable(
    `dashboard on PostgreSQL: bookingPages(first: 50), SDK BookingPagesQuery (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
    [
      [
        'in process: execute + JSON, p50 (p95)',
        `${fmt(gatewayMs, 2)} ms (${fmt(percentile(gatewayTimes, 95), 2)})`,
        '',
        '',
      ],
      [
        'baseline: hand-written SQL + JSON, p50 (p95)',
        `${fmt(baselineMs, 2)} ms (${fmt(percentile(baselineTimes, 95), 2)})`,
        '',
        '',
      ],
      ['ratio baseline / in process', fmt(ratio, 2), '≥ 0.70', ratio >= 0.7 ? 'yes' : 'NO'],
      ['SQL statements per request (in process)', `${roundTrips} (baseline 5)`, 'constant', ''],
      [
        `HTTP / in process, ${CONCURRENCY} in flight`,
        `${fmt(httpRate)} / ${fmt(inProcessRate)} per s = ${fmt(httpRatio, 2)}`,
        '≥ 0.50',
        httpRatio >= 0.5 ? 'yes' : 'NO',
      ],
      ...largeRows,
      ['seeding the large organization (SQL clone)', `${fmt(seedMs)} ms`, '', ''],
    ],
  );
} finally {
  await bare.end().catch(() => {});
  await database.close().catch(() => {});
  await throwaway.drop();
}
