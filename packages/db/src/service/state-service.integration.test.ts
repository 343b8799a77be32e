import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../../test/drivers.js';
import { connectionRow, freshEvaluation, pageRow } from '../../test/evaluation.js';
import {
  createTestOrganization,
  REVOKED,
  TestClock,
  testKeyring,
  UNAVAILABLE,
  value,
} from '../../test/fixtures.js';
import { createCredentialStore } from '../credentials.js';
import type { Database } from '../database.js';
import { type EventBus, InProcessEventBus } from '../event-bus.js';
import { latestEventId, readEvents, readPageHistory } from '../events.js';
import { bookingPageLocations, bookingPages, connectionCredentials } from '../schema.js';
import { storedEvaluation } from './page-evaluation.js';
import { type Actor, createStateService, type StateService, systemActor } from './state-service.js';

const MINUTE = 60_000;
describeEachDriver('state service on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let bus: EventBus;
  let clock: TestClock;
  let service: StateService;

  beforeAll(() => {
    db = database().handle.db;
    bus = new InProcessEventBus();
    clock = new TestClock();
    service = createStateService({ db, bus, keyring: testKeyring, now: clock.now });
  });

  async function world() {
    const org = await createTestOrganization(db, ['owner', 'member', 'other'], { owner: 'ADMIN' });
    const actor = systemActor(org.organizationId);
    const link = async (
      userId: string,
      provider: 'GOOGLE_CALENDAR' | 'ZOOM' | 'MICROSOFT_TEAMS',
      account: string,
    ) =>
      value(await service.createConnection(actor, { userId, provider, accountExternalId: account }))
        .connection;
    return { ...org, actor, link };
  }

  it('stores exactly what evaluateBookingPage returns, at version 1, with a BOOKING_PAGE_CREATED event', async () => {
    const { organizationId, users, actor, link } = await world();
    await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    await link(users.member, 'GOOGLE_CALENDAR', 'member-google');
    const page = value(
      await service.createBookingPage(actor, {
        title: 'Team sync',
        ownerId: users.owner,
        memberIds: [users.owner, users.member, users.other],
        mode: 'ANY_MEMBER',
        roundRobin: true,
        locations: [{ type: 'GOOGLE_MEET' }, { type: 'PHONE', value: '+81 3-1234-5678' }],
      }),
    );
    expect(page).toMatchObject({ slug: 'team-sync', version: 1, state: 'ACTIVE', acceptingBookings: true });
    expect(storedEvaluation(page)).toEqual(await freshEvaluation(db, page.id));
    expect(page.warnings.length).toBeGreaterThan(0);
    const events = await readEvents(db, organizationId, 0);
    expect(events.map((e) => e.type)).toEqual([
      'CONNECTION_CREATED',
      'CONNECTION_CREATED',
      'BOOKING_PAGE_CREATED',
    ]);
    expect(events.at(-1)?.payload).toMatchObject({ state: 'ACTIVE', acceptingBookings: true });
  });

  it('flips every affected page in the transaction that changes the connection, and back on reconnect', async () => {
    const { organizationId, users, actor, link } = await world();
    const ownerGoogle = await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    await link(users.member, 'GOOGLE_CALENDAR', 'member-google');
    const solo = value(await service.createBookingPage(actor, { title: 'Solo', ownerId: users.owner }));
    const team = value(
      await service.createBookingPage(actor, {
        title: 'Team',
        ownerId: users.member,
        memberIds: [users.member, users.owner],
        mode: 'ANY_MEMBER',
      }),
    );
    const unrelated = value(
      await service.createBookingPage(actor, { title: 'Other', ownerId: users.member }),
    );
    const cursor = await latestEventId(db, organizationId);

    const change = value(
      await service.recordProbeResult(actor, ownerGoogle.id, { ok: false, classification: REVOKED }),
    );
    expect(change.connection).toMatchObject({ status: 'ERROR', health: 'BROKEN', version: 2 });
    expect(change.connection.lastError).toMatchObject({
      code: 'AUTH_REVOKED',
      occurredAt: clock.now().toISOString(),
    });
    expect(change.pages.map((p) => p.id).sort()).toEqual([solo.id, team.id].sort());

    const soloAfter = await pageRow(db, solo.id);
    expect(soloAfter).toMatchObject({
      state: 'DISABLED_CONNECTION_ERROR',
      acceptingBookings: false,
      version: 2,
    });
    expect(soloAfter.reasons).toEqual([
      { kind: 'MEMBER_CALENDAR_ERROR', userId: users.owner, connectionIds: [ownerGoogle.id] },
    ]);
    expect(storedEvaluation(soloAfter)).toEqual(await freshEvaluation(db, solo.id));
    const teamAfter = await pageRow(db, team.id);
    expect(teamAfter).toMatchObject({ state: 'ACTIVE', eligibleHostIds: [users.member], version: 2 });
    expect(storedEvaluation(teamAfter)).toEqual(await freshEvaluation(db, team.id));
    expect((await pageRow(db, unrelated.id)).version).toBe(1);

    const events = await readEvents(db, organizationId, cursor);
    expect(events.map((e) => [e.type, e.connectionId ?? e.bookingPageId])).toEqual([
      ['CONNECTION_STATUS_CHANGED', ownerGoogle.id],
      ...[
        ['BOOKING_PAGE_STATE_CHANGED', solo.id],
        ['BOOKING_PAGE_EVALUATION_CHANGED', team.id],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ]);
    expect(events[0]?.payload).toMatchObject({ from: 'CONNECTED', to: 'ERROR', errorCode: 'AUTH_REVOKED' });
    expect(new Set(events.map((e) => e.createdAt.getTime()))).toEqual(new Set([clock.now().getTime()]));

    const reconnected = value(
      await service.markReconnected(actor, ownerGoogle.id, {
        accessToken: 'new-token',
        refreshToken: 'new-refresh',
      }),
    );
    expect(reconnected.connection).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
    expect(await pageRow(db, solo.id)).toMatchObject({
      state: 'ACTIVE',
      acceptingBookings: true,
      reasons: [],
    });
    const store = createCredentialStore(db, testKeyring);
    expect(await store.load(organizationId, ownerGoogle.id)).toMatchObject({
      accessToken: 'new-token',
      refreshToken: 'new-refresh',
    });
  });

  it('rolls back every row and event when the transaction fails', async () => {
    const { organizationId, users, actor, link } = await world();
    const google = await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    const page = value(await service.createBookingPage(actor, { title: 'Solo', ownerId: users.owner }));
    const cursor = await latestEventId(db, organizationId);
    const failing = createStateService({
      db,
      keyring: testKeyring,
      now: clock.now,
      bus: {
        ...new InProcessEventBus(),
        announce: async () => {
          throw new Error('boom at commit time');
        },
        publish: () => {},
        subscribe: () => () => {},
        ready: async () => {},
        close: async () => {},
      },
    });
    await expect(
      failing.recordProbeResult(actor, google.id, { ok: false, classification: REVOKED }),
    ).rejects.toThrow('boom at commit time');
    expect(await connectionRow(db, google.id)).toMatchObject({
      status: 'CONNECTED',
      version: 1,
      lastError: null,
    });
    expect(await pageRow(db, page.id)).toMatchObject({ state: 'ACTIVE', version: 1 });
    expect(await readEvents(db, organizationId, cursor)).toEqual([]);
  });

  it('applies hysteresis: transient failures degrade, only a long enough run errors, one success heals', async () => {
    const { organizationId, users, actor, link } = await world();
    const zoomOwner = await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    const page = value(await service.createBookingPage(actor, { title: 'Solo', ownerId: users.owner }));
    const cursor = await latestEventId(db, organizationId);
    const fail = () =>
      service.recordProbeResult(actor, zoomOwner.id, { ok: false, classification: UNAVAILABLE });

    const start = clock.now();
    for (const minutes of [0, 5, 10]) {
      clock.current = new Date(start.getTime() + minutes * MINUTE);
      const { connection } = value(await fail());
      expect(connection).toMatchObject({ status: 'CONNECTED', health: 'DEGRADED' });
      expect((await pageRow(db, page.id)).state).toBe('ACTIVE');
    }
    expect(await connectionRow(db, zoomOwner.id)).toMatchObject({
      consecutiveFailures: 3,
      failureRunStartedAt: start,
      lastCheckedAt: new Date(start.getTime() + 10 * MINUTE),
      version: 4,
    });
    clock.current = new Date(start.getTime() + 15 * MINUTE);
    expect(value(await fail()).connection).toMatchObject({ status: 'ERROR', health: 'BROKEN' });
    expect((await pageRow(db, page.id)).state).toBe('DISABLED_CONNECTION_ERROR');
    clock.advance(MINUTE);
    expect(
      value(await service.recordProbeResult(actor, zoomOwner.id, { ok: true })).connection,
    ).toMatchObject({
      status: 'CONNECTED',
      health: 'HEALTHY',
      consecutiveFailures: 0,
      failureRunStartedAt: null,
      lastError: null,
    });
    expect((await pageRow(db, page.id)).state).toBe('ACTIVE');
    expect((await readEvents(db, organizationId, cursor)).map((e) => e.type)).toEqual([
      'CONNECTION_HEALTH_CHANGED',
      'CONNECTION_STATUS_CHANGED',
      'BOOKING_PAGE_STATE_CHANGED',
      'CONNECTION_STATUS_CHANGED',
      'BOOKING_PAGE_STATE_CHANGED',
    ]);
  });

  it('takes hysteresis thresholds from the service options', async () => {
    const { users, actor, link } = await world();
    const google = await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    const strict = createStateService({
      db,
      keyring: testKeyring,
      now: clock.now,
      hysteresis: { transientFailuresToError: 2, minimumSpanMs: 0 },
    });
    const probe = () =>
      strict.recordProbeResult(actor, google.id, { ok: false, classification: UNAVAILABLE });
    expect(value(await probe()).connection.status).toBe('CONNECTED');
    expect(value(await probe()).connection.status).toBe('ERROR');
  });

  it("unlinking a location connection removes its locations from the owner's ALL_MEMBERS pages only", async () => {
    const { organizationId, users, actor, link } = await world();
    await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    await link(users.member, 'GOOGLE_CALENDAR', 'member-google');
    const zoom = await link(users.owner, 'ZOOM', 'owner-zoom');
    const solo = value(
      await service.createBookingPage(actor, {
        title: 'Zoom call',
        ownerId: users.owner,
        locations: [{ type: 'ZOOM' }, { type: 'PHONE', value: '+1 555 0100' }],
      }),
    );
    const zoomOnly = value(
      await service.createBookingPage(actor, {
        title: 'Zoom only',
        ownerId: users.owner,
        locations: [{ type: 'ZOOM' }],
      }),
    );
    const roundRobin = value(
      await service.createBookingPage(actor, {
        title: 'Round robin',
        ownerId: users.owner,
        memberIds: [users.owner, users.member],
        mode: 'ANY_MEMBER',
        roundRobin: true,
        locations: [{ type: 'ZOOM' }],
      }),
    );
    value(await service.markConnectionError(actor, zoom.id, { ...REVOKED, provider: 'zoom' }));
    expect((await pageRow(db, zoomOnly.id)).state).toBe('DISABLED_CONNECTION_ERROR');
    expect((await pageRow(db, zoomOnly.id)).reasons[0]?.kind).toBe('OWNER_LOCATION_ERROR');
    const cursor = await latestEventId(db, organizationId);

    const { connection, pages } = value(await service.unlinkConnection(actor, zoom.id));
    expect(connection).toMatchObject({ status: 'DISCONNECTED', lastError: null });
    expect(pages.map((p) => p.id).sort()).toEqual([solo.id, zoomOnly.id, roundRobin.id].sort());
    const types = async (pageId: string) =>
      (
        await db.select().from(bookingPageLocations).where(eq(bookingPageLocations.bookingPageId, pageId))
      ).map((l) => l.type);
    expect(await types(solo.id)).toEqual(['PHONE']);
    expect(await types(zoomOnly.id)).toEqual([]);
    expect(await types(roundRobin.id)).toEqual(['ZOOM']);
    expect(await pageRow(db, zoomOnly.id)).toMatchObject({ state: 'ACTIVE', reasons: [] });
    expect(
      await db.select().from(connectionCredentials).where(eq(connectionCredentials.connectionId, zoom.id)),
    ).toEqual([]);

    const history = await readPageHistory(db, organizationId, zoomOnly.id, { afterId: cursor });
    expect(history.map((e) => e.type)).toEqual(['LOCATIONS_REMOVED', 'BOOKING_PAGE_STATE_CHANGED']);
    expect(history[0]?.payload).toMatchObject({
      reason: 'CONNECTION_UNLINKED',
      connectionId: zoom.id,
      locationTypes: ['ZOOM'],
    });
    expect((await readEvents(db, organizationId, cursor))[0]?.type).toBe('CONNECTION_STATUS_CHANGED');
    // Unlinking again changes nothing.
    const settled = await latestEventId(db, organizationId);
    const again = value(await service.unlinkConnection(actor, zoom.id));
    expect(again.connection.version).toBe(connection.version);
    expect(await readEvents(db, organizationId, settled)).toEqual([]);
  });

  it('edits pages: one version step and one BOOKING_PAGE_UPDATED per edit, state events only on state changes', async () => {
    const { organizationId, users, actor, link } = await world();
    await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    const broken = await link(users.member, 'GOOGLE_CALENDAR', 'member-google');
    value(await service.markConnectionError(actor, broken.id, REVOKED));
    const page = value(await service.createBookingPage(actor, { title: 'Edits', ownerId: users.owner }));
    const cursor = await latestEventId(db, organizationId);

    let current = value(
      await service.updateBookingPage(actor, page.id, { title: 'Renamed', slug: 'renamed' }),
    );
    expect(current).toMatchObject({ title: 'Renamed', slug: 'renamed', version: 2 });
    current = value(
      await service.updateBookingPage(actor, page.id, { memberIds: [users.owner, users.member] }),
    );
    expect(current).toMatchObject({ state: 'DISABLED_CONNECTION_ERROR', version: 3 });
    current = value(await service.setBookingPageEnabled(actor, page.id, false));
    expect(current).toMatchObject({ state: 'INACTIVE', acceptingBookings: false, version: 4 });
    expect(current.reasons).toHaveLength(1);
    current = value(await service.changeOwner(actor, page.id, users.member));
    expect(current).toMatchObject({ ownerId: users.member, version: 5 });
    const { page: withLocation, location } = value(
      await service.addLocation(actor, page.id, { type: 'CUSTOM_URL', value: 'https://meet.example.test/x' }),
    );
    expect(withLocation.version).toBe(6);
    expect(location).toMatchObject({ label: 'Web conference', position: 0 });
    const second = value(
      await service.addLocation(actor, page.id, { type: 'IN_PERSON', value: 'Shibuya 1-2-3' }),
    );
    expect(second.location.position).toBe(1);
    expect(value(await service.removeLocation(actor, location.id)).version).toBe(8);
    expect(value(await service.removeAllLocations(actor, page.id)).version).toBe(9);
    // Nothing to change: no version step, no event.
    expect(value(await service.removeAllLocations(actor, page.id)).version).toBe(9);
    expect(value(await service.updateBookingPage(actor, page.id, { title: 'Renamed' })).version).toBe(9);
    expect(storedEvaluation(await pageRow(db, page.id))).toEqual(await freshEvaluation(db, page.id));

    const events = await readEvents(db, organizationId, cursor);
    expect(events.map((e) => e.type)).toEqual([
      'BOOKING_PAGE_UPDATED',
      'BOOKING_PAGE_UPDATED',
      'BOOKING_PAGE_STATE_CHANGED',
      'BOOKING_PAGE_UPDATED',
      'BOOKING_PAGE_STATE_CHANGED',
      'BOOKING_PAGE_UPDATED',
      // Locations move usableLocationIds even while the page is INACTIVE.
      ...Array(4).fill(['BOOKING_PAGE_UPDATED', 'BOOKING_PAGE_EVALUATION_CHANGED']).flat(),
    ]);
    expect(events[0]?.payload).toMatchObject({ fields: ['title', 'slug'], cause: 'updateBookingPage' });
    expect(events[5]?.payload).toMatchObject({ fields: ['ownerId'], previousOwnerId: users.owner });
  });

  it('rejects bad input, changing nothing', async () => {
    const { organizationId, users, actor, link } = await world();
    await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    const page = value(await service.createBookingPage(actor, { title: 'Solid', ownerId: users.owner }));
    value(await service.createBookingPage(actor, { title: 'Taken', slug: 'taken', ownerId: users.owner }));
    const cursor = await latestEventId(db, organizationId);

    const bad = [
      await service.createBookingPage(actor, { title: ' ', ownerId: users.owner }),
      await service.createBookingPage(actor, { title: 'RR', ownerId: users.owner, roundRobin: true }),
      await service.createBookingPage(actor, { title: 'Nobody', ownerId: users.owner, memberIds: [] }),
      await service.createBookingPage(actor, {
        title: 'Zoom link',
        ownerId: users.owner,
        locations: [{ type: 'ZOOM', value: 'https://zoom.us/j/1' }],
      }),
      await service.updateBookingPage(actor, page.id, { slug: 'Not A Slug' }),
      await service.updateBookingPage(actor, page.id, { title: 'x', roundRobin: true }),
      await service.addLocation(actor, page.id, { type: 'CUSTOM_URL', value: 'javascript:alert(1)' }),
      await service.addLocation(actor, page.id, { type: 'PHONE' }),
      await service.createConnection(actor, { userId: users.owner, provider: 'ZOOM', accountExternalId: '' }),
    ];
    for (const result of bad) expect(result).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });

    expect(await service.updateBookingPage(actor, page.id, { slug: 'taken' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'slug' },
    });
    expect(
      await service.updateBookingPage(actor, page.id, { title: 'New', expectedVersion: 7 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'expectedVersion' },
    });
    expect(
      await service.createConnection(actor, {
        userId: users.owner,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: 'owner-google',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    expect(await pageRow(db, page.id)).toMatchObject({ title: 'Solid', version: 1 });
    expect(await readEvents(db, organizationId, cursor)).toEqual([]);
    // An automatic slug steps around taken ones.
    expect(value(await service.createBookingPage(actor, { title: 'Taken', ownerId: users.owner })).slug).toBe(
      'taken-2',
    );
  });

  it('scopes every call to the acting organization and MEMBER actors to their own things', async () => {
    const a = await world();
    const b = await world();
    const aGoogle = await a.link(a.users.owner, 'GOOGLE_CALENDAR', 'a-google');
    const aPage = value(await service.createBookingPage(a.actor, { title: 'A', ownerId: a.users.owner }));
    const bCursor = await latestEventId(db, b.organizationId);

    const notFound = [
      await service.recordProbeResult(b.actor, aGoogle.id, { ok: false, classification: REVOKED }),
      await service.unlinkConnection(b.actor, aGoogle.id),
      await service.updateBookingPage(b.actor, aPage.id, { title: 'stolen' }),
      await service.createBookingPage(b.actor, {
        title: 'Cross',
        ownerId: b.users.owner,
        memberIds: [a.users.member],
      }),
      await service.changeOwner(a.actor, aPage.id, b.users.owner),
      await service.createConnection(b.actor, {
        userId: a.users.owner,
        provider: 'ZOOM',
        accountExternalId: 'z',
      }),
    ];
    for (const result of notFound) expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const member: Actor = { organizationId: a.organizationId, role: 'MEMBER', userId: a.users.member };
    const forbidden = [
      await service.updateBookingPage(member, aPage.id, { title: 'mine now' }),
      await service.unlinkConnection(member, aGoogle.id),
      await service.createBookingPage(member, { title: 'For the boss', ownerId: a.users.owner }),
      await service.createConnection(member, {
        userId: a.users.owner,
        provider: 'ZOOM',
        accountExternalId: 'z',
      }),
      await service.refreshEvaluations(member),
    ];
    for (const result of forbidden) expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // …but a member manages their own.
    const own = value(await service.createBookingPage(member, { title: 'Mine' }));
    expect(own.ownerId).toBe(a.users.member);
    expect(
      value(await service.createConnection(member, { provider: 'ZOOM', accountExternalId: 'z' })).connection
        .userId,
    ).toBe(a.users.member);

    expect(await connectionRow(db, aGoogle.id)).toMatchObject({ status: 'CONNECTED', version: 1 });
    expect(await readEvents(db, b.organizationId, bCursor)).toEqual([]);
    const bPages = await db
      .select()
      .from(bookingPages)
      .where(and(eq(bookingPages.organizationId, b.organizationId)));
    expect(bPages).toEqual([]);
  });

  it('relinks an unlinked connection on reconnect, unless the account is linked again meanwhile', async () => {
    const { users, actor, link } = await world();
    const first = await link(users.owner, 'ZOOM', 'owner-zoom');
    value(await service.unlinkConnection(actor, first.id));
    const second = await link(users.owner, 'ZOOM', 'owner-zoom');
    expect(await service.markReconnected(actor, first.id, { accessToken: 't' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    value(await service.unlinkConnection(actor, second.id));
    expect(
      value(await service.markReconnected(actor, first.id, { accessToken: 't' })).connection.status,
    ).toBe('CONNECTED');
    expect(await service.recordProbeResult(actor, second.id, { ok: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('refreshes stored evaluations that drifted from the engine', async () => {
    const { organizationId, users, actor, link } = await world();
    await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    const page = value(await service.createBookingPage(actor, { title: 'Drifted', ownerId: users.owner }));
    // As if an older engine had decided otherwise.
    await db
      .update(bookingPages)
      .set({ state: 'DISABLED_CONNECTION_ERROR', acceptingBookings: false })
      .where(eq(bookingPages.id, page.id));
    const cursor = await latestEventId(db, organizationId);
    const refreshed = value(await service.refreshEvaluations(actor));
    expect(refreshed.map((p) => [p.id, p.state, p.version])).toEqual([[page.id, 'ACTIVE', 2]]);
    expect((await readEvents(db, organizationId, cursor)).map((e) => e.payload)).toMatchObject([
      { from: 'DISABLED_CONNECTION_ERROR', to: 'ACTIVE', cause: 'refreshEvaluations' },
    ]);
  });

  it('publishes one coalesced notice per committed transaction, after commit', async () => {
    const { organizationId, users, actor, link } = await world();
    const notices: unknown[] = [];
    const unsubscribe = bus.subscribe((notice) => notices.push(notice));
    const google = await link(users.owner, 'GOOGLE_CALENDAR', 'owner-google');
    value(await service.createBookingPage(actor, { title: 'Solo', ownerId: users.owner }));
    value(await service.recordProbeResult(actor, google.id, { ok: false, classification: REVOKED }));
    value(await service.recordProbeResult(actor, google.id, { ok: false, classification: REVOKED }));
    unsubscribe();
    const last = await latestEventId(db, organizationId);
    // The second probe changed nothing visible: no events, so no notice.
    expect(notices).toHaveLength(3);
    expect(notices.at(-1)).toEqual({ kind: 'appended', organizationId, lastEventId: last });
  });
});
