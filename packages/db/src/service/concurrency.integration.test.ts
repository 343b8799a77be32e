// Real concurrency needs real connections: these run on Postgres only, with calls spread over a pool.
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../../test/drivers.js';
import { connectionRow, freshEvaluation, pageRow } from '../../test/evaluation.js';
import {
  createTestOrganization,
  REVOKED,
  TestClock,
  testKeyring,
  UNAVAILABLE,
  value,
} from '../../test/fixtures.js';
import type { Database } from '../database.js';
import { readEvents } from '../events.js';
import { bookingPageLocations, bookingPages } from '../schema.js';
import { createStateService, type StateService, systemActor } from './state-service.js';

const PARALLEL = 20;

describePostgres('state service under concurrency on pg', () => {
  const database = useTestDatabase('pg');
  let db: Database;
  let service: StateService;

  beforeAll(() => {
    db = database().handle.db;
    service = createStateService({
      db,
      bus: database().handle.bus,
      keyring: testKeyring,
      now: new TestClock().now,
      // Keep transient failures below the ERROR threshold so every probe counts.
      hysteresis: { transientFailuresToError: 1000 },
    });
  });

  const names = (n: number) => Array.from({ length: n }, (_, i) => `user${i}`);

  it(`loses none of ${PARALLEL} parallel probe results on one connection`, async () => {
    const { organizationId, users } = await createTestOrganization(db, ['solo']);
    const actor = systemActor(organizationId);
    const { connection } = value(
      await service.createConnection(actor, { userId: users.solo, provider: 'ZOOM', accountExternalId: 'z' }),
    );
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        service.recordProbeResult(actor, connection.id, { ok: false, classification: UNAVAILABLE }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await connectionRow(db, connection.id)).toMatchObject({
      status: 'CONNECTED',
      health: 'DEGRADED',
      consecutiveFailures: PARALLEL,
      version: 1 + PARALLEL,
    });
    const events = await readEvents(db, organizationId, 0);
    expect(events.filter((e) => e.type === 'CONNECTION_HEALTH_CHANGED')).toHaveLength(1);
  });

  it(`re-evaluates one page exactly once per change when ${PARALLEL} members break at once`, async () => {
    const { organizationId, users } = await createTestOrganization(db, names(PARALLEL));
    const actor = systemActor(organizationId);
    const memberIds = Object.values(users) as string[];
    const linked = [];
    for (const userId of memberIds) {
      linked.push(
        value(
          await service.createConnection(actor, {
            userId,
            provider: 'GOOGLE_CALENDAR',
            accountExternalId: userId,
          }),
        ).connection,
      );
    }
    const page = value(
      await service.createBookingPage(actor, {
        title: 'Everyone',
        ownerId: memberIds[0],
        memberIds,
        mode: 'ANY_MEMBER',
        roundRobin: true,
      }),
    );
    const cursor = (await readEvents(db, organizationId, 0, 1000)).at(-1)?.id ?? 0;

    const results = await Promise.all(linked.map((c) => service.markConnectionError(actor, c.id, REVOKED)));
    expect(results.every((r) => r.ok)).toBe(true);

    const after = await pageRow(db, page.id);
    // Every break shrinks the set of eligible hosts, so each one changed the stored evaluation once.
    expect(after).toMatchObject({
      state: 'DISABLED_CONNECTION_ERROR',
      version: 1 + PARALLEL,
      eligibleHostIds: [],
    });
    const events = await readEvents(db, organizationId, cursor, 1000);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('CONNECTION_STATUS_CHANGED')).toBe(PARALLEL);
    expect(count('BOOKING_PAGE_EVALUATION_CHANGED')).toBe(PARALLEL - 1);
    expect(count('BOOKING_PAGE_STATE_CHANGED')).toBe(1);
    expect(events.at(-1)?.type).toBe('BOOKING_PAGE_STATE_CHANGED');
    expect(after.reasons).toEqual((await freshEvaluation(db, page.id)).reasons);
  });

  it(`loses none of ${PARALLEL} parallel edits of one page`, async () => {
    const { organizationId, users } = await createTestOrganization(db, ['owner']);
    const actor = systemActor(organizationId);
    const page = value(await service.createBookingPage(actor, { title: 'Busy', ownerId: users.owner }));
    const edits = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        service.updateBookingPage(actor, page.id, { title: `Busy ${i}` }),
      ),
    );
    expect(edits.every((r) => r.ok)).toBe(true);
    const versions = edits.map((r) => (r.ok ? r.value.version : 0)).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: PARALLEL }, (_, i) => i + 2));
    expect((await pageRow(db, page.id)).version).toBe(1 + PARALLEL);

    const added = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        service.addLocation(actor, page.id, { type: 'PHONE', value: `+1 555 01${i}0` }),
      ),
    );
    expect(added.every((r) => r.ok)).toBe(true);
    const positions = (
      await db
        .select({ position: bookingPageLocations.position })
        .from(bookingPageLocations)
        .where(eq(bookingPageLocations.bookingPageId, page.id))
        .orderBy(asc(bookingPageLocations.position))
    ).map((row) => row.position);
    expect(positions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The 11th is refused even under contention.
    expect(await service.addLocation(actor, page.id, { type: 'PHONE', value: '+1 555 0999' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT' },
    });
    const events = await readEvents(db, organizationId, 0, 1000);
    expect(events.filter((e) => e.type === 'BOOKING_PAGE_UPDATED')).toHaveLength(PARALLEL + 10);
  });

  it('never deadlocks or leaves a stale page when connection changes and membership edits interleave', async () => {
    const { organizationId, users } = await createTestOrganization(db, names(6));
    const actor = systemActor(organizationId);
    const ids = Object.values(users) as string[];
    const calendars = [];
    for (const userId of ids) {
      calendars.push(
        value(
          await service.createConnection(actor, {
            userId,
            provider: 'GOOGLE_CALENDAR',
            accountExternalId: userId,
          }),
        ).connection,
      );
    }
    const pages = [];
    for (let i = 0; i < 6; i++) {
      pages.push(
        value(
          await service.createBookingPage(actor, {
            title: `Page ${i}`,
            ownerId: ids[i],
            memberIds: [ids[i] as string, ids[(i + 1) % 6] as string],
            mode: i % 2 === 0 ? 'ALL_MEMBERS' : 'ANY_MEMBER',
          }),
        ),
      );
    }
    const operations: Promise<{ ok: boolean }>[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 6; i++) {
        const calendar = calendars[i];
        const page = pages[i];
        if (calendar === undefined || page === undefined) throw new Error('fixture');
        operations.push(
          round % 2 === 0
            ? service.markConnectionError(actor, calendar.id, REVOKED)
            : service.markReconnected(actor, calendar.id, { accessToken: `t${round}` }),
          service.updateBookingPage(actor, page.id, {
            memberIds: [
              ids[i] as string,
              ids[(i + round + 2) % 6] as string,
              ids[(i + 3) % 6] as string,
            ].filter((id, k, all) => all.indexOf(id) === k),
          }),
          service.changeOwner(actor, page.id, ids[(i + round) % 6] as string),
        );
      }
    }
    const results = await Promise.all(operations);
    expect(results.filter((r) => !r.ok)).toEqual([]);

    const stored = await db
      .select()
      .from(bookingPages)
      .where(and(eq(bookingPages.organizationId, organizationId)));
    for (const page of stored) {
      const fresh = await freshEvaluation(db, page.id);
      expect({ id: page.id, state: page.state, reasons: page.reasons, hosts: page.eligibleHostIds }).toEqual({
        id: page.id,
        state: fresh.state,
        reasons: fresh.reasons,
        hosts: fresh.eligibleHostIds,
      });
    }
    const events = await readEvents(db, organizationId, 0, 5000);
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => a - b));
  });
});
