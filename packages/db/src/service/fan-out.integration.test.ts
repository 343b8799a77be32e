// A connection change fanned out to more pages than one statement used to carry: the re-evaluation stores
// them with one UPDATE and appends their events with one INSERT, and must say exactly what per-page writes said.
import { asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../../test/drivers.js';
import { createTestOrganization, REVOKED, TestClock, testKeyring, value } from '../../test/fixtures.js';
import type { Database } from '../database.js';
import { latestEventId, readEvents } from '../events.js';
import { bookingPages } from '../schema.js';
import { createStateService, type StateService, systemActor } from './state-service.js';

const PAGES = 1_200;

describeEachDriver('a break fanned out to many pages on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let clock: TestClock;
  let service: StateService;

  beforeAll(() => {
    db = database().handle.db;
    clock = new TestClock();
    service = createStateService({ db, bus: database().handle.bus, keyring: testKeyring, now: clock.now });
  });

  const storedPages = (organizationId: string) =>
    db
      .select()
      .from(bookingPages)
      .where(eq(bookingPages.organizationId, organizationId))
      .orderBy(asc(bookingPages.id));

  it(`disables ${PAGES} pages in one transaction, with one state event per page in page order`, async () => {
    const { organizationId } = await createTestOrganization(db, []);
    const actor = systemActor(organizationId);
    const people = value(
      await service.syncDirectory(actor, {
        mode: 'UPSERT',
        users: ['shared', 'owner'].map((name) => ({ externalId: name, name, email: `${name}@fan-out.test` })),
      }),
    );
    const [shared, owner] = people.users.map((row) => row.id);
    const users = { shared: shared!, owner: owner! };
    const { connection } = value(
      await service.createConnection(actor, {
        userId: users.shared,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: 'shared',
      }),
    );
    value(
      await service.createConnection(actor, {
        userId: users.owner,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: 'o',
      }),
    );
    // Half the pages need everyone (they are disabled), half any member (the owner's calendar keeps them up).
    const synced = value(
      await service.syncDirectory(actor, {
        mode: 'UPSERT',
        pages: Array.from({ length: PAGES }, (_, i) => ({
          externalId: `page-${i}`,
          title: `Page ${i}`,
          ownerExternalId: 'owner',
          memberExternalIds: ['owner', 'shared'],
          mode: i % 2 === 0 ? ('ALL_MEMBERS' as const) : ('ANY_MEMBER' as const),
        })),
      }),
    );
    expect(synced.errors).toEqual([]);
    const before = await storedPages(organizationId);
    expect(before.every((page) => page.state === 'ACTIVE')).toBe(true);
    const cursor = await latestEventId(db, organizationId);
    const at = clock.advance(60_000);

    const change = value(await service.markConnectionError(actor, connection.id, REVOKED));

    const after = await storedPages(organizationId);
    // What the call answers is exactly what is stored.
    expect(change.pages).toEqual(after);
    for (const [i, page] of after.entries()) {
      const previous = before[i]!;
      expect(page.id).toBe(previous.id);
      const disabled = page.mode === 'ALL_MEMBERS';
      expect(page.state).toBe(disabled ? 'DISABLED_CONNECTION_ERROR' : 'ACTIVE');
      expect(page.listRank).toBe(disabled ? 0 : 1);
      // Every page's evaluation moved (the ANY_MEMBER ones lost a host): one version step each.
      expect(page.version).toBe(previous.version + 1);
      expect(page.updatedAt).toEqual(at);
      expect(page.stateChangedAt).toEqual(disabled ? at : previous.stateChangedAt);
    }
    const appended = await readEvents(db, organizationId, cursor, PAGES + 10);
    expect(appended.map((event) => [event.type, event.bookingPageId])).toEqual([
      ['CONNECTION_STATUS_CHANGED', null],
      ...after.map((page) => [
        page.mode === 'ALL_MEMBERS' ? 'BOOKING_PAGE_STATE_CHANGED' : 'BOOKING_PAGE_EVALUATION_CHANGED',
        page.id,
      ]),
    ]);
    const ids = appended.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const first = appended.find((event) => event.type === 'BOOKING_PAGE_STATE_CHANGED')!;
    expect(first.payload).toMatchObject({
      from: 'ACTIVE',
      to: 'DISABLED_CONNECTION_ERROR',
      acceptingBookings: false,
      cause: 'markConnectionError',
      causeConnectionId: connection.id,
      pageState: { state: 'DISABLED_CONNECTION_ERROR', acceptingBookings: false, enabled: true },
    });
    expect(first.userId).toBe(users.owner);
    expect(first.createdAt).toEqual(at);
  });
});
