// Break fan-out (issue 15 §2), on PostgreSQL (TEST_DATABASE_URL): a person who is a member of N booking pages
// (N = 10, 100, 1,000, 10,000) loses their calendar. The measured operation is what a probe does when the
// provider answers "revoked": `markConnectionError`, one transaction that writes the connection, re-evaluates
// every page the person is on, disables them and appends their events. Goal: at most linear in N, and
// 10,000 pages in at most 1 s.
//
// Baseline, in the same run: the floor Postgres itself sets for the same writes: one hand-written transaction
// that updates the same N page rows (state, evaluation, version) and inserts the same N event rows with
// set-based SQL, no engine and no row-by-row anything. The ratio service / floor says how much the service
// adds on top of the unavoidable I/O, and the ratio should stay flat as N grows (at most linear). A second
// reference is the engine evaluating the same N pages in memory (what the transaction computes).
//
// Answers are checked after every break: every page of the person is DISABLED_CONNECTION_ERROR with the
// connection named in its reasons, the transaction appended exactly one BOOKING_PAGE_STATE_CHANGED per page
// (plus the connection's CONNECTION_STATUS_CHANGED), and a reconnect brings every page back to ACTIVE.
import {
  type BookingPageInput,
  type ConnectionInput,
  evaluateBookingPage,
  groupConnectionsByUser,
} from '@tsunagi/booking-rules';
import {
  createDatabase,
  createKeyring,
  createOrganization,
  createStateService,
  generateKey,
  INPUT_LIMITS,
  latestEventId,
  readEvents,
  type StateService,
  systemActor,
} from '@tsunagi/db';
import { bookingPages } from '@tsunagi/db/schema';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { eq, sql } from 'drizzle-orm';
import { check, fmt, median, printTable } from './report.js';

const SIZES = (process.env.BENCH_FANOUT_SIZES ?? '10,100,1000,10000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 3);
const GOAL_MS = 1_000;
const REVOKED = {
  code: 'AUTH_REVOKED',
  action: 'REAUTHORIZE',
  retryable: false,
  connectionBroken: true,
  message: 'Token has been expired or revoked.',
} as const;

check(process.env.TEST_DATABASE_URL !== undefined, 'set TEST_DATABASE_URL to a PostgreSQL server');
const throwaway = await createThrowawayDatabase('tsunagi_bench_fanout');
let statements = 0;
const database = createDatabase({
  databaseUrl: throwaway.url,
  logger: { logQuery: () => void statements++ },
});

interface World {
  organizationId: string;
  /** The person who breaks: a member of every page. */
  breakerId: string;
  connectionId: string;
  pageIds: string[];
}

/**
 * One organization per N: the breaker and three colleagues, each with a healthy Google calendar, and N
 * ALL_MEMBERS pages owned by a colleague with the breaker as second member (a third member on every other
 * page), created by one directory sync (the product's bulk path), so every page starts ACTIVE.
 */
async function buildWorld(service: StateService, n: number): Promise<World> {
  const organization = await createOrganization(database.db, { name: `Fan-out ${n}`, slug: `fanout-${n}` });
  const actor = systemActor(organization.id);
  const people = ['breaker', 'ana', 'ben', 'chie'].map((name) => ({
    externalId: name,
    name,
    email: `${name}@fanout-${n}.example`,
  }));
  const synced = await service.syncDirectory(actor, { mode: 'UPSERT', users: people });
  check(synced.ok && synced.value.errors.length === 0, 'the people are created');
  const userIds = new Map(synced.ok ? synced.value.users.map((row) => [row.externalId, row.id]) : []);
  let connectionId = '';
  for (const [externalId, userId] of userIds) {
    const linked = await service.createConnection(actor, {
      userId,
      provider: 'GOOGLE_CALENDAR',
      accountExternalId: `google-${externalId}`,
    });
    check(linked.ok, `${externalId} links a calendar`);
    if (externalId === 'breaker' && linked.ok) connectionId = linked.value.connection.id;
  }
  const colleagues = ['ana', 'ben', 'chie'];
  const pageIds: string[] = [];
  // A call takes at most INPUT_LIMITS.directoryRowsPerList rows per list.
  for (let from = 0; from < n; from += INPUT_LIMITS.directoryRowsPerList) {
    const count = Math.min(INPUT_LIMITS.directoryRowsPerList, n - from);
    const pages = await service.syncDirectory(actor, {
      mode: 'UPSERT',
      pages: Array.from({ length: count }, (_, k) => {
        const i = from + k;
        const owner = colleagues[i % 3] as string;
        const third = colleagues[(i + 1) % 3] as string;
        return {
          externalId: `page-${i}`,
          title: `Team page ${i}`,
          ownerExternalId: owner,
          memberExternalIds: i % 2 === 0 ? [owner, 'breaker'] : [owner, 'breaker', third],
          mode: 'ALL_MEMBERS' as const,
        };
      }),
    });
    check(
      pages.ok && pages.value.errors.length === 0 && pages.value.counts.pagesCreated === count,
      'pages created',
    );
    if (pages.ok) pageIds.push(...pages.value.pages.map((row) => row.id));
  }
  await expectStates({ organizationId: organization.id, breakerId: '', connectionId, pageIds }, 'ACTIVE');
  return {
    organizationId: organization.id,
    breakerId: userIds.get('breaker') as string,
    connectionId,
    pageIds,
  };
}

async function expectStates(world: World, state: string): Promise<void> {
  const rows = await database.db
    .select({ id: bookingPages.id, state: bookingPages.state, reasons: bookingPages.reasons })
    .from(bookingPages)
    .where(eq(bookingPages.organizationId, world.organizationId));
  check(
    rows.length === world.pageIds.length,
    `${rows.length} pages stored, ${world.pageIds.length} expected`,
  );
  for (const row of rows) {
    check(row.state === state, `page ${row.id} is ${row.state}, expected ${state}`);
    if (state === 'DISABLED_CONNECTION_ERROR')
      check(JSON.stringify(row.reasons).includes(world.connectionId), `page ${row.id} names the connection`);
  }
}

/** The break, as a probe records it; checked: every page disabled, one state event per page, in one transaction. */
async function breakOnce(service: StateService, world: World): Promise<{ ms: number; statements: number }> {
  const before = await latestEventId(database.db, world.organizationId);
  statements = 0;
  const started = performance.now();
  const broken = await service.markConnectionError(
    systemActor(world.organizationId),
    world.connectionId,
    REVOKED,
  );
  const ms = performance.now() - started;
  const used = statements;
  check(broken.ok && broken.value.connection.status === 'ERROR', 'the connection is in ERROR');
  check(broken.ok && broken.value.pages.length === world.pageIds.length, 'the change names every page');
  await expectStates(world, 'DISABLED_CONNECTION_ERROR');
  const appended = await readEvents(database.db, world.organizationId, before, world.pageIds.length + 10);
  const stateEvents = appended.filter((event) => event.type === 'BOOKING_PAGE_STATE_CHANGED');
  check(
    appended.length === world.pageIds.length + 1,
    `${appended.length} events for ${world.pageIds.length} pages`,
  );
  check(appended[0]?.type === 'CONNECTION_STATUS_CHANGED', 'the connection event comes first');
  check(
    new Set(stateEvents.map((event) => event.bookingPageId)).size === world.pageIds.length &&
      stateEvents.every(
        (event) =>
          event.type === 'BOOKING_PAGE_STATE_CHANGED' &&
          event.payload.from === 'ACTIVE' &&
          event.payload.to === 'DISABLED_CONNECTION_ERROR' &&
          event.payload.causeConnectionId === world.connectionId &&
          event.createdAt.getTime() === appended[0]?.createdAt.getTime(),
      ),
    'one ACTIVE → DISABLED_CONNECTION_ERROR event per page, all from the one transaction',
  );
  return { ms, statements: used };
}

async function reconnect(service: StateService, world: World): Promise<void> {
  const back = await service.markReconnected(systemActor(world.organizationId), world.connectionId, {
    accessToken: 'fresh-token',
  });
  check(back.ok && back.value.connection.status === 'CONNECTED', 'the reconnect succeeds');
  await expectStates(world, 'ACTIVE');
}

/**
 * The floor: the same N page rows and N event rows written by set-based SQL in one transaction (the
 * evaluation columns set to the values the service stored, so the rows weigh the same), then undone.
 */
async function floorOnce(world: World): Promise<number> {
  const started = performance.now();
  await database.db
    .transaction(async (tx) => {
      await tx.execute(sql`
      WITH affected AS (
        SELECT p.id FROM booking_pages p
        WHERE p.organization_id = ${world.organizationId}
          AND EXISTS (SELECT 1 FROM booking_page_members m WHERE m.booking_page_id = p.id AND m.user_id = ${world.breakerId})
        ORDER BY p.id FOR UPDATE
      ), updated AS (
        UPDATE booking_pages p SET state = 'DISABLED_CONNECTION_ERROR', accepting_bookings = false,
          reasons = jsonb_build_array(jsonb_build_object('kind', 'CONNECTION_ERROR', 'userId', ${world.breakerId}::text,
            'connectionIds', jsonb_build_array(${world.connectionId}::text))),
          plan = '[]'::jsonb, eligible_host_ids = '{}', version = p.version + 1, state_changed_at = now(), updated_at = now()
        FROM affected a WHERE p.id = a.id
        RETURNING p.id, p.owner_id
      )
      INSERT INTO events (organization_id, type, booking_page_id, user_id, payload, created_at)
      SELECT ${world.organizationId}, 'BOOKING_PAGE_STATE_CHANGED', u.id, u.owner_id,
        jsonb_build_object('from', 'ACTIVE', 'to', 'DISABLED_CONNECTION_ERROR', 'acceptingBookings', false,
          'causeConnectionId', ${world.connectionId}::text, 'cause', 'markConnectionError'), now()
      FROM updated u ORDER BY u.id`);
      const written = await tx.execute(sql`
      SELECT count(*)::int AS n FROM booking_pages
      WHERE organization_id = ${world.organizationId} AND state = 'DISABLED_CONNECTION_ERROR'`);
      check(
        (written as unknown as { rows: { n: number }[] }).rows[0]?.n === world.pageIds.length,
        'the floor wrote every page',
      );
      throw new FloorDone();
    })
    .catch((error) => {
      if (!(error instanceof FloorDone)) throw error;
    });
  return performance.now() - started;
}

class FloorDone extends Error {}

/** The engine alone: the same N pages evaluated in memory with the calendar broken. */
function engineOnce(world: World, n: number): number {
  const connections: ConnectionInput[] = ['breaker', 'ana', 'ben', 'chie'].map((name, i) => ({
    id: name === 'breaker' ? world.connectionId : `con_${i}`,
    userId: name === 'breaker' ? world.breakerId : name,
    provider: 'GOOGLE_CALENDAR',
    status: name === 'breaker' ? 'ERROR' : 'CONNECTED',
  }));
  const inputs: BookingPageInput[] = world.pageIds.map((id, i) => ({
    id,
    ownerId: ['ana', 'ben', 'chie'][i % 3] as string,
    memberIds: [['ana', 'ben', 'chie'][i % 3] as string, world.breakerId],
    mode: 'ALL_MEMBERS',
    roundRobin: false,
    enabled: true,
    locations: [],
  }));
  const started = performance.now();
  const byUser = groupConnectionsByUser(connections);
  let disabled = 0;
  for (const input of inputs)
    if (evaluateBookingPage(input, byUser).state === 'DISABLED_CONNECTION_ERROR') disabled++;
  const ms = performance.now() - started;
  check(disabled === n, 'the engine disables every page');
  return ms;
}

try {
  await database.migrate();
  const service = createStateService({
    db: database.db,
    keyring: createKeyring({ activeKeyId: 'k1', keys: { k1: generateKey() } }),
  });
  const rows: { n: number; ms: number; floor: number; engine: number; statements: number; setup: number }[] =
    [];
  for (const n of SIZES) {
    const setupStarted = performance.now();
    const world = await buildWorld(service, n);
    const setup = performance.now() - setupStarted;
    const breaks: number[] = [];
    const floors: number[] = [];
    let used = 0;
    for (let round = 0; round < ROUNDS; round++) {
      floors.push(await floorOnce(world));
      const measured = await breakOnce(service, world);
      breaks.push(measured.ms);
      used = measured.statements;
      await reconnect(service, world);
    }
    const engine = median(Array.from({ length: ROUNDS }, () => engineOnce(world, n)));
    rows.push({ n, ms: median(breaks), floor: median(floors), engine, statements: used, setup });
    console.log(
      `N=${fmt(n)}: break ${breaks.map((ms) => fmt(ms, 1)).join(' / ')} ms, floor ${floors.map((ms) => fmt(ms, 1)).join(' / ')} ms, ${used} statements (setup ${fmt(setup)} ms)`,
    );
  }

  const largest = rows.at(-1)!;
  const previous = rows.at(-2);
  // Linear means the cost per page does not grow: compare the marginal cost of the last step with the one before.
  const slope = (a: (typeof rows)[number], b: (typeof rows)[number]) => (b.ms - a.ms) / (b.n - a.n);
  printTable(
    `break fan-out on PostgreSQL: markConnectionError for a member of N pages (median of ${ROUNDS}; load average ${(
      await import('node:os')
    )
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
    [
      ...rows.map((row): [string, string, string, string] => [
        `N = ${fmt(row.n)}`,
        `${fmt(row.ms, 1)} ms, ${fmt((row.ms / row.n) * 1000, 1)} µs/page, ${row.statements} SQL statements; floor ${fmt(row.floor, 1)} ms (${fmt(row.ms / row.floor, 2)}×), engine ${fmt(row.engine, 2)} ms`,
        row.n === 10_000 ? `≤ ${fmt(GOAL_MS)} ms` : '',
        row.n === 10_000 ? (row.ms <= GOAL_MS ? 'yes' : 'NO') : '',
      ]),
      ...(previous === undefined || rows.length < 3
        ? []
        : [
            [
              'marginal cost per page, last step / step before',
              `${fmt(slope(previous, largest) * 1000, 1)} / ${fmt(slope(rows.at(-3)!, previous) * 1000, 1)} µs (${fmt(slope(previous, largest) / slope(rows.at(-3)!, previous), 2)}×)`,
              '≤ ~1× (linear)',
              slope(previous, largest) <= 1.5 * slope(rows.at(-3)!, previous) ? 'yes' : 'NO',
            ] as [string, string, string, string],
          ]),
      [
        'service / set-based SQL floor, smallest → largest N',
        `${fmt(rows[0]!.ms / rows[0]!.floor, 2)}× → ${fmt(largest.ms / largest.floor, 2)}×`,
        'flat',
        '',
      ],
    ],
  );
} finally {
  await database.close().catch(() => {});
  await throwaway.drop();
}
