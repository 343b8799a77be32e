// Directory sync (issue 11 §1): 1,000 people and 1,000 booking pages in one `syncDirectory` call, against the
// baseline of the same rows created one by one (createUser, then createBookingPage per page) in the same run,
// on in-memory PGlite (or PostgreSQL at BENCH_DATABASE_URL). Answers are checked first: both ways give every
// page the same state, and the sync, sent again, changes nothing.
import {
  createDatabase,
  createKeyring,
  createOrganization,
  createStateService,
  createUser,
  type DatabaseHandle,
  type DirectoryPage,
  type DirectoryUser,
  generateKey,
  readEvents,
  type StateService,
  systemActor,
} from '@tsunagi/db';
import { check, fmt, printTable } from './report.js';

const ROWS = Number(process.env.BENCH_DIRECTORY_ROWS ?? 1_000);
const DATABASE_URL = process.env.BENCH_DATABASE_URL;

/** Person i links Google when i % 3 is 0 (healthy) or 1 (then it breaks), among the first 300. */
async function linkCalendars(service: StateService, organizationId: string, userIds: readonly string[]) {
  const actor = systemActor(organizationId);
  for (let i = 0; i < Math.min(300, userIds.length); i++) {
    if (i % 3 === 2) continue;
    const linked = await service.createConnection(actor, {
      userId: userIds[i] as string,
      provider: 'GOOGLE_CALENDAR',
      accountExternalId: `google-${i}`,
    });
    if (!linked.ok) throw new Error(linked.error.message);
    if (i % 3 === 1) {
      const broken = await service.markConnectionError(actor, linked.value.connection.id, {
        code: 'AUTH_REVOKED',
        action: 'REAUTHORIZE',
        retryable: false,
        connectionBroken: true,
        message: 'revoked',
      });
      if (!broken.ok) throw new Error(broken.error.message);
    }
  }
}

const people = (tag: string): DirectoryUser[] =>
  Array.from({ length: ROWS }, (_, i) => ({
    externalId: `person-${i}`,
    name: `Person ${i}`,
    email: `person-${i}@${tag}.example`,
  }));

const pages = (): DirectoryPage[] =>
  Array.from({ length: ROWS }, (_, j) => ({
    externalId: `page-${j}`,
    title: `Consultation ${j}`,
    ownerExternalId: `person-${j}`,
    memberExternalIds: [`person-${j}`, `person-${(j + 1) % ROWS}`],
    ...(j % 2 === 0 ? { locations: [{ type: 'GOOGLE_MEET' as const }] } : {}),
  }));

async function statesByTitle(database: DatabaseHandle, organizationId: string): Promise<Map<string, string>> {
  const rows = await database.db.query.bookingPages.findMany({
    where: (page, { eq }) => eq(page.organizationId, organizationId),
    columns: { title: true, state: true },
  });
  return new Map(rows.map((row) => [row.title, row.state]));
}

const database = createDatabase(DATABASE_URL === undefined ? {} : { databaseUrl: DATABASE_URL });
await database.migrate();
const service = createStateService({
  db: database.db,
  keyring: createKeyring({ activeKeyId: 'k1', keys: { k1: generateKey() } }),
});
const tag = Date.now().toString(36);

// Baseline: the same rows one by one.
const baselineOrg = await createOrganization(database.db, { name: 'Baseline', slug: `baseline-${tag}` });
const baselineUsers: string[] = [];
const baselineStarted = performance.now();
for (const person of people(`baseline-${tag}`)) {
  const { externalId: _externalId, ...row } = person;
  baselineUsers.push((await createUser(database.db, { organizationId: baselineOrg.id, ...row })).id);
}
const baselineUsersMs = performance.now() - baselineStarted;
await linkCalendars(service, baselineOrg.id, baselineUsers);
const baselinePagesStarted = performance.now();
for (const [j, page] of pages().entries()) {
  const created = await service.createBookingPage(systemActor(baselineOrg.id), {
    title: page.title,
    ownerId: baselineUsers[j] as string,
    memberIds: [baselineUsers[j] as string, baselineUsers[(j + 1) % ROWS] as string],
    ...(page.locations === undefined ? {} : { locations: page.locations }),
  });
  if (!created.ok) throw new Error(created.error.message);
}
const baselineMs = baselineUsersMs + (performance.now() - baselinePagesStarted);

// Directory sync: the people first (the calendars need them), then people and pages in one call.
const syncOrg = await createOrganization(database.db, { name: 'Synced', slug: `synced-${tag}` });
const actor = systemActor(syncOrg.id);
const usersStarted = performance.now();
const first = await service.syncDirectory(actor, { mode: 'UPSERT', users: people(`synced-${tag}`) });
const usersMs = performance.now() - usersStarted;
check(first.ok && first.value.counts.usersCreated === ROWS, 'the people are created');
const synced = first.ok ? first.value.users.map((row) => row.id) : [];
await linkCalendars(service, syncOrg.id, synced);
const input = { mode: 'UPSERT' as const, users: people(`synced-${tag}`), pages: pages() };
const syncStarted = performance.now();
const result = await service.syncDirectory(actor, input);
const syncMs = performance.now() - syncStarted;
check(result.ok && result.value.errors.length === 0, 'the sync has no row errors');
check(result.ok && result.value.counts.pagesCreated === ROWS, 'every page is created');

// Answers: the same state for every page both ways; the same call again changes nothing.
const expected = await statesByTitle(database, baselineOrg.id);
const actual = await statesByTitle(database, syncOrg.id);
check(expected.size === ROWS && actual.size === ROWS, 'both organizations have every page');
for (const [title, state] of expected)
  check(actual.get(title) === state, `${title}: ${actual.get(title)} ≠ ${state}`);
const disabled = [...actual.values()].filter((state) => state === 'DISABLED_CONNECTION_ERROR').length;
check(disabled > 0, 'some pages are disabled by the broken calendars');
const eventsBefore = (await readEvents(database.db, syncOrg.id, 0, 100_000)).length;
const againStarted = performance.now();
const again = await service.syncDirectory(actor, input);
const againMs = performance.now() - againStarted;
check(again.ok && again.value.counts.pagesUnchanged === ROWS, 'a repeated sync leaves every page unchanged');
check(
  (await readEvents(database.db, syncOrg.id, 0, 100_000)).length === eventsBefore,
  'and appends no event',
);

const driver = DATABASE_URL === undefined ? 'PGlite (in memory)' : 'PostgreSQL';
printTable(
  `directory sync, ${fmt(ROWS)} people + ${fmt(ROWS)} pages, ${driver}, ${disabled} pages disabled`,
  [
    ['baseline: createUser + createBookingPage, one by one', `${fmt(baselineMs)} ms`, '', ''],
    ['syncDirectory: people only (one call)', `${fmt(usersMs)} ms`, '', ''],
    [
      'syncDirectory: people + pages (one call)',
      `${fmt(syncMs)} ms`,
      'seconds',
      syncMs < 60_000 ? 'yes' : 'no',
    ],
    ['syncDirectory: the same call again (no change)', `${fmt(againMs)} ms`, '', ''],
    ['ratio one by one / one call (people + pages)', `${fmt(baselineMs / (usersMs + syncMs), 2)}×`, '', ''],
  ],
);
await database.close();
