// A connection change fanned out to more pages than one statement used to carry: the re-evaluation stores
// them with one UPDATE and appends their events with one INSERT, and must say exactly what per-page writes said.
import { asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../../test/drivers.js';
import { freshEvaluation } from '../../test/evaluation.js';
import { createTestOrganization, REVOKED, TestClock, testKeyring, value } from '../../test/fixtures.js';
import type { Database } from '../database.js';
import { latestEventId, readEvents } from '../events.js';
import { type BookingPageRow, bookingPages } from '../schema.js';
import { storedEvaluation } from './page-evaluation.js';
import type { CreateBookingPageInput } from './page-operations.js';
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

  // The re-evaluation sends each distinct evaluation once and the events each distinct payload once: pages whose
  // evaluations differ must still each get their own.
  it('stores each page its own evaluation and appends each its own payload when the evaluations differ', async () => {
    const { organizationId, users } = await createTestOrganization(db, ['shared', 'owner', 'other']);
    const actor = systemActor(organizationId);
    const link = async (userId: string, account: string) =>
      value(
        await service.createConnection(actor, {
          userId,
          provider: 'GOOGLE_CALENDAR',
          accountExternalId: account,
        }),
      ).connection;
    const connection = await link(users.shared, 'shared');
    await link(users.owner, 'owner');
    await link(users.other, 'other');
    const kinds: Omit<CreateBookingPageInput, 'title' | 'ownerId'>[] = [
      // Disabled by the break (two alike, so a body is shared).
      { mode: 'ALL_MEMBERS', memberIds: [users.owner, users.shared] },
      { mode: 'ALL_MEMBERS', memberIds: [users.owner, users.shared] },
      // Disabled too, but their locations are their own: a body each.
      { mode: 'ALL_MEMBERS', memberIds: [users.owner, users.shared], locations: [{ type: 'GOOGLE_MEET' }] },
      { mode: 'ALL_MEMBERS', memberIds: [users.owner, users.shared], locations: [{ type: 'GOOGLE_MEET' }] },
      // Stay up without the shared calendar, with different hosts left.
      { mode: 'ANY_MEMBER', memberIds: [users.owner, users.shared] },
      { mode: 'ANY_MEMBER', memberIds: [users.owner, users.shared] },
      { mode: 'ANY_MEMBER', memberIds: [users.shared, users.other, users.owner] },
      // Switched off: the break changes its reasons, not its state.
      { mode: 'ALL_MEMBERS', memberIds: [users.owner, users.shared], enabled: false },
    ];
    for (const [i, kind] of kinds.entries()) {
      value(await service.createBookingPage(actor, { title: `Page ${i}`, ownerId: users.owner, ...kind }));
    }
    const before = new Map((await storedPages(organizationId)).map((page) => [page.id, page]));
    const cursor = await latestEventId(db, organizationId);
    const at = clock.advance(60_000);

    const change = value(await service.markConnectionError(actor, connection.id, REVOKED));

    const after = await storedPages(organizationId);
    expect(change.pages).toEqual(after);
    const body = (page: BookingPageRow) => JSON.stringify({ ...storedEvaluation(page), pageId: null });
    const changed = after.filter((page) => body(page) !== body(before.get(page.id)!));
    // Every page moved, to several distinct evaluations, some shared.
    expect(changed).toHaveLength(kinds.length);
    expect(new Set(changed.map(body)).size).toBeGreaterThan(3);
    expect(new Set(changed.map(body)).size).toBeLessThan(kinds.length);
    for (const page of after) {
      const previous = before.get(page.id)!;
      expect(storedEvaluation(page)).toEqual(await freshEvaluation(db, page.id));
      expect(page.version).toBe(previous.version + 1);
      expect(page.stateChangedAt).toEqual(page.state === previous.state ? previous.stateChangedAt : at);
    }
    expect(new Set(after.map((page) => page.state))).toEqual(
      new Set(['DISABLED_CONNECTION_ERROR', 'ACTIVE', 'INACTIVE']),
    );

    const appended = await readEvents(db, organizationId, cursor, 100);
    expect(appended[0]).toMatchObject({
      type: 'CONNECTION_STATUS_CHANGED',
      payload: { to: 'ERROR', connectionState: { status: 'ERROR', health: 'BROKEN' } },
    });
    const common = { cause: 'markConnectionError', causeConnectionId: connection.id };
    expect(
      appended
        .slice(1)
        .map(({ type, bookingPageId, userId, payload }) => ({ type, bookingPageId, userId, payload })),
    ).toEqual(
      after.map((page) => {
        const previous = before.get(page.id)!;
        const pageState = {
          state: page.state,
          acceptingBookings: page.acceptingBookings,
          enabled: page.enabled,
        };
        return page.state === previous.state
          ? {
              type: 'BOOKING_PAGE_EVALUATION_CHANGED',
              bookingPageId: page.id,
              userId: users.owner,
              payload: {
                state: page.state,
                acceptingBookings: page.acceptingBookings,
                reasons: page.reasons,
                eligibleHostIds: page.eligibleHostIds,
                ...common,
                pageState,
              },
            }
          : {
              type: 'BOOKING_PAGE_STATE_CHANGED',
              bookingPageId: page.id,
              userId: users.owner,
              payload: {
                from: previous.state,
                to: page.state,
                acceptingBookings: page.acceptingBookings,
                reasons: page.reasons,
                ...common,
                pageState,
              },
            };
      }),
    );
  });
});
