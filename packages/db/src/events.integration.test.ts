import { sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { describeEachDriver, describePostgres, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, TestClock, testKeyring, value } from '../test/fixtures.js';
import { createDatabase, type DatabaseHandle } from './database.js';
import { type EventNotice, PgNotifyEventBus } from './event-bus.js';
import { followEvents, latestEventId, readEvents, type TsunagiEvent } from './events.js';
import { createStateService, type StateService, systemActor } from './service/state-service.js';

/** Collects what `followEvents` yields until `stop` aborts it. */
function follow(handle: DatabaseHandle, organizationId: string, after: number | null, batchSize?: number) {
  const controller = new AbortController();
  const seen: TsunagiEvent[] = [];
  const done = (async () => {
    for await (const event of followEvents({
      db: handle.db,
      bus: handle.bus,
      organizationId,
      after,
      signal: controller.signal,
      ...(batchSize === undefined ? {} : { batchSize }),
    })) {
      seen.push(event);
    }
  })();
  return {
    seen,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

describeEachDriver('event log on %s', (driver) => {
  const database = useTestDatabase(driver);
  let service: StateService;

  beforeAll(() => {
    const { handle } = database();
    service = createStateService({
      db: handle.db,
      bus: handle.bus,
      keyring: testKeyring,
      now: new TestClock().now,
    });
  });

  async function organizationWithHistory(pages: number) {
    const org = await createTestOrganization(database().handle.db, ['owner']);
    const actor = systemActor(org.organizationId);
    for (let i = 0; i < pages; i++) {
      value(await service.createBookingPage(actor, { title: `Page ${i}`, ownerId: org.users.owner }));
    }
    return { ...org, actor };
  }

  it('replays from a cursor, then goes live, with no gap and no duplicate while writers race it', async () => {
    const { handle } = database();
    const { organizationId, users, actor } = await organizationWithHistory(6);
    // A small batch makes the replay take several reads, during which the writers commit.
    const follower = follow(handle, organizationId, 0, 2);
    const writes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        service.createBookingPage(actor, { title: `Live ${i}`, ownerId: users.owner }),
      ),
    );
    expect(writes.every((w) => w.ok)).toBe(true);
    const all = await readEvents(handle.db, organizationId, 0, 1000);
    expect(all).toHaveLength(18);
    await vi.waitFor(() => expect(follower.seen).toHaveLength(18), { timeout: 10_000 });
    value(await service.createBookingPage(actor, { title: 'Late', ownerId: users.owner }));
    await vi.waitFor(() => expect(follower.seen).toHaveLength(19), { timeout: 10_000 });
    await follower.stop();
    expect(follower.seen.map((e) => e.id)).toEqual(
      (await readEvents(handle.db, organizationId, 0, 1000)).map((e) => e.id),
    );
  });

  it('starts live from the newest event when given no cursor, and ignores other organizations', async () => {
    const { handle } = database();
    const { organizationId, users, actor } = await organizationWithHistory(3);
    const other = await organizationWithHistory(0);
    const issued = database().queries.length;
    const follower = follow(handle, organizationId, null);
    // Nothing new commits until the follower has its starting cursor: it reads the newest id, then its
    // first batch after it (that read's statement is the sign the cursor is set).
    await vi.waitFor(
      () =>
        expect(
          database()
            .queries.slice(issued)
            .some((q) => /from "events".*"events"\."id" >/s.test(q)),
        ).toBe(true),
      { timeout: 10_000, interval: 5 },
    );
    value(await service.createBookingPage(other.actor, { title: 'Elsewhere', ownerId: other.users.owner }));
    value(await service.createBookingPage(actor, { title: 'New', ownerId: users.owner }));
    await vi.waitFor(() => expect(follower.seen).toHaveLength(1), { timeout: 10_000 });
    await follower.stop();
    expect(follower.seen[0]).toMatchObject({
      id: await latestEventId(handle.db, organizationId),
      type: 'BOOKING_PAGE_CREATED',
      payload: { title: 'New' },
    });
  });

  it('reads an organization’s events in order, after a cursor, up to a limit', async () => {
    const { handle } = database();
    const { organizationId } = await organizationWithHistory(5);
    const all = await readEvents(handle.db, organizationId, 0);
    expect(all.map((e) => e.type)).toEqual(Array(5).fill('BOOKING_PAGE_CREATED'));
    const first = all[0]?.id ?? 0;
    expect((await readEvents(handle.db, organizationId, first, 2)).map((e) => e.id)).toEqual(
      all.slice(1, 3).map((e) => e.id),
    );
  });
});

describePostgres('PgNotifyEventBus between two clients', () => {
  const database = useTestDatabase('pg');

  it('delivers a commit on one pool to the LISTENer of another, and followEvents on it sees the events', async () => {
    const first = database().handle;
    const url = database().url;
    if (url === null) throw new Error('pg database expected');
    const second = createDatabase({ databaseUrl: url });
    try {
      const notices: EventNotice[] = [];
      second.bus.subscribe((notice) => notices.push(notice));
      await second.bus.ready();
      const org = await createTestOrganization(first.db, ['owner']);
      const writer = createStateService({ db: first.db, bus: first.bus, keyring: testKeyring });
      const follower = follow(second, org.organizationId, 0);

      const page = value(
        await writer.createBookingPage(systemActor(org.organizationId), {
          title: 'Shared',
          ownerId: org.users.owner,
        }),
      );
      const lastEventId = await latestEventId(first.db, org.organizationId);
      await vi.waitFor(() =>
        expect(notices).toContainEqual({ kind: 'appended', organizationId: org.organizationId, lastEventId }),
      );
      await vi.waitFor(() => expect(follower.seen.map((e) => e.bookingPageId)).toEqual([page.id]));
      await follower.stop();
    } finally {
      await second.close();
    }
  });

  it('serves the live followers of one organization with one read of the log per change, gap-free', async () => {
    const first = database().handle;
    const url = database().url;
    if (url === null) throw new Error('pg database expected');
    let logReads = 0;
    const second = createDatabase({
      databaseUrl: url,
      logger: {
        logQuery: (query) => {
          if (/^select .* from "events" where/i.test(query)) logReads++;
        },
      },
    });
    try {
      await second.bus.ready();
      const org = await createTestOrganization(first.db, ['owner']);
      const actor = systemActor(org.organizationId);
      const writer = createStateService({ db: first.db, bus: first.bus, keyring: testKeyring });
      // Followers at the newest event, as live subscribers are.
      const start = await latestEventId(first.db, org.organizationId);
      const followers = Array.from({ length: 20 }, () => follow(second, org.organizationId, start));
      const before = followers.map(() => 0);
      // Let each make its first (empty) read, so what follows is the live path.
      await new Promise((resolve) => setTimeout(resolve, 200));

      logReads = 0;
      const pages = [];
      for (let i = 0; i < 5; i++) {
        pages.push(
          value(await writer.createBookingPage(actor, { title: `Live ${i}`, ownerId: org.users.owner })),
        );
        const count = await latestEventId(first.db, org.organizationId);
        await vi.waitFor(() => expect(followers.every((f) => (f.seen.at(-1)?.id ?? 0) >= count)).toBe(true));
      }
      // Each follower got every event once, in order; 20 followers cost far fewer than 20 reads per change.
      const expected = followers[0]!.seen.slice(before[0]);
      expect(expected.filter((e) => e.type === 'BOOKING_PAGE_CREATED').map((e) => e.bookingPageId)).toEqual(
        pages.map((page) => page.id),
      );
      followers.forEach((f, i) => {
        expect(f.seen.slice(before[i]).map((e) => e.id)).toEqual(expected.map((e) => e.id));
      });
      expect(logReads).toBeLessThanOrEqual(5 * 4);
      for (const f of followers) await f.stop();
    } finally {
      await second.close();
    }
  });

  it('re-LISTENs after losing its connection and tells subscribers to resync', async () => {
    const { handle, url } = database();
    if (url === null) throw new Error('pg database expected');
    const bus = new PgNotifyEventBus({
      connectionString: url,
      channel: 'tsunagi_resync_test',
      reconnectDelayMs: 20,
    });
    try {
      const notices: EventNotice[] = [];
      bus.subscribe((notice) => notices.push(notice));
      await bus.ready();
      await handle.db.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN tsunagi_resync_test'`,
      );
      await vi.waitFor(() => expect(notices).toContainEqual({ kind: 'resync' }), { timeout: 5000 });
      await handle.db.execute(sql`SELECT pg_notify('tsunagi_resync_test', 'org_x:42')`);
      await vi.waitFor(() =>
        expect(notices).toContainEqual({ kind: 'appended', organizationId: 'org_x', lastEventId: 42 }),
      );
    } finally {
      await bus.close();
    }
  });
});
