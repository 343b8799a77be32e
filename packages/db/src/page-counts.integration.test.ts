// The kept page counts (page-counts.ts, migration 0014) against counting the rows: after every kind of write
// — pages created, a break disabling them in one statement, a reconnect, edits that change no state, deletes,
// a cascade from a deleted organization — and after folding, concurrently with writers.
import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, REVOKED, TestClock, testKeyring, value } from '../test/fixtures.js';
import type { Database } from './database.js';
import { compactPageCounts, countPages } from './page-counts.js';
import { createReadRepository } from './repositories.js';
import { bookingPageCounts, bookingPages, organizations } from './schema.js';
import { createStateService, type StateService, systemActor } from './service/state-service.js';

describeEachDriver('kept page counts on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let service: StateService;

  beforeAll(() => {
    db = database().handle.db;
    service = createStateService({
      db,
      bus: database().handle.bus,
      keyring: testKeyring,
      now: new TestClock().now,
    });
  });

  /** What counting the rows says, per state, for the organization. */
  async function counted(organizationId: string): Promise<Record<string, number>> {
    const rows = await db
      .select({ state: bookingPages.state, pages: count() })
      .from(bookingPages)
      .where(eq(bookingPages.organizationId, organizationId))
      .groupBy(bookingPages.state);
    return Object.fromEntries(rows.map((row) => [row.state, row.pages]));
  }

  async function expectKeptEqualsCounted(organizationId: string): Promise<void> {
    const rows = await counted(organizationId);
    const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
    expect(await countPages(db, organizationId)).toBe(total);
    for (const state of ['ACTIVE', 'DISABLED_CONNECTION_ERROR', 'INACTIVE'] as const)
      expect(await countPages(db, organizationId, [state])).toBe(rows[state] ?? 0);
  }

  it('equals counting the rows after creates, a break, a reconnect, edits and deletes, and after folding', async () => {
    const org = await createTestOrganization(db, ['owner', 'member'], { owner: 'ADMIN' });
    const other = await createTestOrganization(db, ['solo']);
    const actor = systemActor(org.organizationId);
    const { connection } = value(
      await service.createConnection(actor, {
        userId: org.users.member,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: 'member-google',
      }),
    );
    const pages = [];
    for (let i = 0; i < 12; i += 1)
      pages.push(
        value(
          await service.createBookingPage(actor, {
            title: `Page ${i}`,
            ownerId: org.users.owner,
            memberIds: i % 2 === 0 ? [org.users.member] : [org.users.owner],
            mode: 'ALL_MEMBERS',
          }),
        ),
      );
    value(
      await service.createBookingPage(systemActor(other.organizationId), {
        title: 'Elsewhere',
        ownerId: other.users.solo,
      }),
    );
    await expectKeptEqualsCounted(org.organizationId);
    expect(await countPages(db, other.organizationId)).toBe(1);

    // One statement disables the member's six pages.
    value(await service.markConnectionError(actor, connection.id, REVOKED));
    expect(await countPages(db, org.organizationId, ['DISABLED_CONNECTION_ERROR'])).toBe(6);
    await expectKeptEqualsCounted(org.organizationId);

    const deltasBefore = await deltaRows(org.organizationId);
    value(await service.updateBookingPage(actor, pages[1]!.id, { title: 'Renamed' }));
    expect(await deltaRows(org.organizationId)).toBe(deltasBefore);
    value(await service.setBookingPageEnabled(actor, pages[3]!.id, false));
    value(await service.markReconnected(actor, connection.id, { accessToken: 'again' }));
    await expectKeptEqualsCounted(org.organizationId);

    await db.delete(bookingPages).where(eq(bookingPages.id, pages[0]!.id));
    await expectKeptEqualsCounted(org.organizationId);

    expect(await compactPageCounts(db, { threshold: 1 })).toBeGreaterThanOrEqual(1);
    expect(await deltaRows(org.organizationId)).toBeLessThanOrEqual(3);
    await expectKeptEqualsCounted(org.organizationId);
    expect(await countPages(db, other.organizationId)).toBe(1);

    const reads = createReadRepository(db);
    const list = value(await reads.listBookingPages({ organizationId: org.organizationId }, { first: 5 }));
    expect(list.totalCount).toBe(11);
    const own = value(
      await reads.listBookingPages(
        { organizationId: org.organizationId, viewerId: org.users.member },
        { first: 5 },
      ),
    );
    expect(own.totalCount).toBe(5);
    expect((await reads.alertCounts({ organizationId: org.organizationId })).disabledPages).toBe(0);

    // A deleted organization's pages go by cascade; its count goes with them.
    await db.delete(organizations).where(eq(organizations.id, other.organizationId));
    expect(await countPages(db, other.organizationId)).toBe(0);
  });

  it('keeps every delta committed while it folds', async () => {
    const org = await createTestOrganization(db, ['owner']);
    const actor = systemActor(org.organizationId);
    const creates = Array.from({ length: 20 }, (_, i) =>
      service.createBookingPage(actor, { title: `Concurrent ${i}`, ownerId: org.users.owner }),
    );
    const folds = Array.from({ length: 8 }, () => compactPageCounts(db, { threshold: 1 }));
    await Promise.all([...creates, ...folds]);
    await compactPageCounts(db, { threshold: 1 });
    expect(await countPages(db, org.organizationId)).toBe(20);
    await expectKeptEqualsCounted(org.organizationId);
  });

  async function deltaRows(organizationId: string): Promise<number> {
    const [row] = await db
      .select({ rows: sql<number>`count(*)`.mapWith(Number) })
      .from(bookingPageCounts)
      .where(eq(bookingPageCounts.organizationId, organizationId));
    return row?.rows ?? 0;
  }
});
