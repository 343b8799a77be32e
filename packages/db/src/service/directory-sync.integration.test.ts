import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../../test/drivers.js';
import { freshEvaluation } from '../../test/evaluation.js';
import { createTestOrganization, REVOKED, TestClock, testKeyring, value } from '../../test/fixtures.js';
import { snapshot } from '../../test/snapshot.js';
import type { Database } from '../database.js';
import { createOrganization, setUserExternalId } from '../directory.js';
import { latestEventId, readEvents } from '../events.js';
import { bookingPages, connections, users } from '../schema.js';
import type { DirectoryPage, DirectorySyncInput, DirectoryUser } from './directory-rows.js';
import { type Actor, createStateService, type StateService, systemActor } from './state-service.js';

describeEachDriver('directory sync on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let clock: TestClock;
  let service: StateService;

  beforeAll(() => {
    db = database().handle.db;
    clock = new TestClock();
    service = createStateService({ db, keyring: testKeyring, now: clock.now });
  });

  async function organization() {
    const suffix = randomBytes(5).toString('hex');
    const org = await createOrganization(db, { name: `Sync ${suffix}`, slug: `sync-${suffix}` });
    return { organizationId: org.id, actor: systemActor(org.id), suffix };
  }

  const person = (key: string, suffix: string, extra: Partial<DirectoryUser> = {}): DirectoryUser => ({
    externalId: `p-${key}`,
    name: `Person ${key}`,
    email: `${key}-${suffix}@example.test`,
    ...extra,
  });

  const sync = async (actor: Actor, input: DirectorySyncInput) =>
    value(await service.syncDirectory(actor, input));
  const idOf = (mapping: { externalId: string; id: string }[], externalId: string) => {
    const found = mapping.find((row) => row.externalId === externalId);
    if (found === undefined) throw new Error(`no ${externalId}`);
    return found.id;
  };
  const pageByExternalId = async (organizationId: string, externalId: string) => {
    const rows = await db.select().from(bookingPages).where(eq(bookingPages.organizationId, organizationId));
    return rows.find((row) => row.externalId === externalId);
  };

  it('creates, updates and leaves unchanged by external id; the same call twice changes nothing', async () => {
    const { organizationId, actor, suffix } = await organization();
    const people = [
      person('a', suffix, { role: 'ADMIN', locale: 'ja' }),
      person('b', suffix),
      person('c', suffix),
    ];
    const pages: DirectoryPage[] = [
      {
        externalId: 'pg-solo',
        title: 'Solo call',
        ownerExternalId: 'p-a',
        locations: [{ type: 'GOOGLE_MEET' }],
      },
      {
        externalId: 'pg-team',
        title: 'Team call',
        slug: 'team',
        ownerExternalId: 'p-b',
        memberExternalIds: ['p-b', 'p-c'],
        mode: 'ANY_MEMBER',
        roundRobin: true,
      },
    ];
    const first = await sync(actor, { mode: 'UPSERT', users: people, pages });
    expect(first).toMatchObject({ applied: true, dryRun: false, errors: [] });
    expect(first.counts).toEqual({
      usersCreated: 3,
      usersUpdated: 0,
      usersUnchanged: 0,
      usersDeleted: 0,
      pagesCreated: 2,
      pagesUpdated: 0,
      pagesUnchanged: 0,
      pagesDeleted: 0,
      pagesReevaluated: 2,
    });
    const stored = await db.select().from(users).where(eq(users.organizationId, organizationId));
    expect(stored.find((u) => u.externalId === 'p-a')).toMatchObject({
      role: 'ADMIN',
      locale: 'ja',
      name: 'Person a',
    });
    expect(stored.find((u) => u.externalId === 'p-b')).toMatchObject({ role: 'MEMBER', locale: null });
    const solo = await pageByExternalId(organizationId, 'pg-solo');
    expect(solo).toMatchObject({ slug: 'solo-call', version: 1, ownerId: idOf(first.users, 'p-a') });
    expect(solo?.id).toBe(idOf(first.pages, 'pg-solo'));
    const team = await pageByExternalId(organizationId, 'pg-team');
    expect(team).toMatchObject({ slug: 'team', mode: 'ANY_MEMBER', roundRobin: true });
    for (const page of [solo, team]) {
      if (page === undefined) throw new Error('page missing');
      expect({ state: page.state, reasons: page.reasons }).toMatchObject({
        state: (await freshEvaluation(db, page.id)).state,
      });
    }
    const events = await readEvents(db, organizationId, 0);
    expect(events.map((e) => e.type)).toEqual(['BOOKING_PAGE_CREATED', 'BOOKING_PAGE_CREATED']);

    // The same call again: nothing moves, not even a version or an event.
    const before = await snapshot(db);
    const again = await sync(actor, { mode: 'UPSERT', users: people, pages });
    expect(again.counts).toMatchObject({
      usersUnchanged: 3,
      pagesUnchanged: 2,
      usersCreated: 0,
      pagesCreated: 0,
      pagesReevaluated: 0,
    });
    expect(again.users).toEqual(first.users);
    expect(again.pages).toEqual(first.pages);
    expect(await snapshot(db)).toEqual(before);

    // A real change: one page's members and a person's name.
    const changed = await sync(actor, {
      mode: 'UPSERT',
      users: [person('c', suffix, { name: 'Chiara' })],
      pages: [{ ...(pages[1] as DirectoryPage), memberExternalIds: ['p-b', 'p-a'] }],
    });
    expect(changed.counts).toMatchObject({ usersUpdated: 1, pagesUpdated: 1, pagesReevaluated: 1 });
    const updated = await pageByExternalId(organizationId, 'pg-team');
    expect(updated?.version).toBe((team?.version ?? 0) + 1);
    const latest = await readEvents(db, organizationId, events.at(-1)?.id ?? 0);
    expect(latest.map((e) => [e.type, e.bookingPageId])).toEqual([['BOOKING_PAGE_UPDATED', team?.id]]);
    expect(latest[0]?.payload).toMatchObject({
      fields: ['memberIds'],
      cause: 'syncDirectory',
      addedMemberIds: [idOf(first.users, 'p-a')],
      removedMemberIds: [idOf(first.users, 'p-c')],
    });
  });

  it('re-evaluates exactly the affected pages: a name, e-mail, role or locale change appends no page event', async () => {
    const { organizationId, actor, suffix } = await organization();
    const people = [person('a', suffix), person('b', suffix)];
    const pages: DirectoryPage[] = [
      { externalId: 'pg-1', title: 'One', ownerExternalId: 'p-a' },
      { externalId: 'pg-2', title: 'Two', ownerExternalId: 'p-b' },
    ];
    await sync(actor, { mode: 'UPSERT', users: people, pages });
    const cursor = await latestEventId(db, organizationId);
    const renamed = await sync(actor, {
      mode: 'UPSERT',
      users: [
        person('a', suffix, {
          name: 'Aiko',
          email: `aiko-${suffix}@example.test`,
          role: 'ADMIN',
          locale: 'it',
        }),
      ],
    });
    expect(renamed.counts).toMatchObject({ usersUpdated: 1, pagesReevaluated: 0 });
    expect(await readEvents(db, organizationId, cursor)).toEqual([]);

    // A title change moves the page's version without re-evaluating it; an enabled change re-evaluates.
    const titled = await sync(actor, {
      mode: 'UPSERT',
      pages: [
        { ...(pages[0] as DirectoryPage), title: 'One, renamed' },
        { ...(pages[1] as DirectoryPage), enabled: false },
      ],
    });
    expect(titled.counts).toMatchObject({ pagesUpdated: 2, pagesReevaluated: 1 });
    const events = await readEvents(db, organizationId, cursor);
    expect(events.slice(0, 2).map((e) => [e.type, e.payload])).toEqual([
      ['BOOKING_PAGE_UPDATED', expect.objectContaining({ fields: ['title'] })],
      ['BOOKING_PAGE_UPDATED', expect.objectContaining({ fields: ['enabled'] })],
    ]);
    // Past the two edits, only the disabled page's evaluation moved.
    const two = await pageByExternalId(organizationId, 'pg-2');
    expect(events.slice(2).map((e) => e.bookingPageId)).toEqual([two?.id]);
    expect(await pageByExternalId(organizationId, 'pg-1')).toMatchObject({
      title: 'One, renamed',
      version: 2,
    });
    expect(await pageByExternalId(organizationId, 'pg-2')).toMatchObject({ enabled: false, version: 2 });
  });

  it('refuses bad rows with every error typed per row, and the call changes nothing', async () => {
    const { organizationId, actor, suffix } = await organization();
    const outsider = await createTestOrganization(db, ['x']);
    await setUserExternalId(db, {
      organizationId: outsider.organizationId,
      userId: outsider.users.x,
      externalId: 'p-x',
    });
    await sync(actor, {
      mode: 'UPSERT',
      users: [person('a', suffix), person('b', suffix), person('owner', suffix)],
      pages: [
        { externalId: 'pg-kept', title: 'Kept', slug: 'kept', ownerExternalId: 'p-owner' },
        { externalId: 'pg-other', title: 'Other', slug: 'other', ownerExternalId: 'p-b' },
      ],
    });
    const before = await snapshot(db);
    const result = await sync(actor, {
      mode: 'UPSERT',
      users: [
        person('new', suffix, { email: 'not-an-address' }),
        person('a', suffix),
        person('a', suffix, { email: `again-${suffix}@example.test` }),
        person('c', suffix, { email: `a-${suffix}@example.test` }),
        person('d', suffix, { email: `b-${suffix}@example.test` }),
        person('z', suffix),
      ],
      pages: [
        { externalId: 'pg-1', title: 'One', ownerExternalId: 'p-a', memberExternalIds: ['p-a', 'p-x'] },
        { externalId: 'pg-2', title: 'Two', slug: 'kept', ownerExternalId: 'p-a' },
        { externalId: 'pg-3', title: '', ownerExternalId: 'p-a' },
        { externalId: 'pg-3', title: 'Three', ownerExternalId: 'p-a' },
        { externalId: 'pg-4', title: 'Four', ownerExternalId: 'p-owner' },
      ],
      deleteUsers: ['p-owner', 'p-z'],
      deletePages: ['pg-4'],
    });
    expect(result).toMatchObject({
      applied: false,
      counts: { usersCreated: 0, pagesCreated: 0 },
      users: [],
      pages: [],
    });
    expect(
      result.errors.map(({ list, index, externalId, field, code }) => ({
        list,
        index,
        externalId,
        field,
        code,
      })),
    ).toEqual([
      { list: 'USERS', index: 0, externalId: 'p-new', field: 'email', code: 'INVALID' },
      { list: 'USERS', index: 2, externalId: 'p-a', field: 'externalId', code: 'DUPLICATE_EXTERNAL_ID' },
      { list: 'USERS', index: 3, externalId: 'p-c', field: 'email', code: 'DUPLICATE_EMAIL' },
      { list: 'USERS', index: 4, externalId: 'p-d', field: 'email', code: 'EMAIL_TAKEN' },
      { list: 'PAGES', index: 0, externalId: 'pg-1', field: 'memberExternalIds.1', code: 'UNKNOWN_USER' },
      { list: 'PAGES', index: 1, externalId: 'pg-2', field: 'slug', code: 'SLUG_TAKEN' },
      { list: 'PAGES', index: 2, externalId: 'pg-3', field: 'title', code: 'INVALID' },
      { list: 'PAGES', index: 3, externalId: 'pg-3', field: 'externalId', code: 'DUPLICATE_EXTERNAL_ID' },
      { list: 'PAGES', index: 4, externalId: 'pg-4', field: 'ownerExternalId', code: 'UNKNOWN_USER' },
      { list: 'DELETE_USERS', index: 0, externalId: 'p-owner', field: null, code: 'USER_OWNS_PAGES' },
      { list: 'DELETE_USERS', index: 1, externalId: 'p-z', field: null, code: 'UPSERTED_AND_DELETED' },
      { list: 'DELETE_PAGES', index: 0, externalId: 'pg-4', field: null, code: 'UPSERTED_AND_DELETED' },
    ]);
    expect(result.errors.every((error) => error.message.length > 0)).toBe(true);
    expect(await snapshot(db)).toEqual(before);
    expect(await readEvents(db, organizationId, 0)).toHaveLength(2);
  });

  it('refuses a FULL sync that would leave a page without members, and one without both lists', async () => {
    const { actor, suffix } = await organization();
    await sync(actor, { mode: 'UPSERT', users: [person('a', suffix), person('b', suffix)] });
    // A page made through Tsunagi's own API (no external id) owned by a person without an external id.
    const org = await db
      .select()
      .from(users)
      .where(eq(users.email, `a-${suffix}@example.test`));
    const owner = org[0];
    if (owner === undefined) throw new Error('no owner');
    await setUserExternalId(db, { organizationId: owner.organizationId, userId: owner.id, externalId: null });
    const b = (
      await db
        .select()
        .from(users)
        .where(eq(users.email, `b-${suffix}@example.test`))
    )[0];
    value(
      await service.createBookingPage(actor, {
        title: 'Hosted by B only',
        ownerId: owner.id,
        memberIds: [b?.id ?? ''],
      }),
    );
    const before = await snapshot(db);
    const result = await sync(actor, { mode: 'FULL', users: [], pages: [] });
    expect(result.errors.map((e) => [e.list, e.index, e.externalId, e.code])).toEqual([
      ['USERS', null, 'p-b', 'LAST_MEMBER'],
    ]);
    expect(await snapshot(db)).toEqual(before);
    const missing = await service.syncDirectory(actor, { mode: 'FULL', users: [] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('FULL mode removes people and pages it no longer lists, unlinks their connections and re-evaluates their pages', async () => {
    const { organizationId, actor, suffix } = await organization();
    const first = await sync(actor, {
      mode: 'UPSERT',
      users: [person('a', suffix), person('b', suffix), person('c', suffix)],
    });
    const [a, b, c] = ['p-a', 'p-b', 'p-c'].map((id) => idOf(first.users, id)) as [string, string, string];
    const link = async (userId: string, provider: 'GOOGLE_CALENDAR' | 'ZOOM', account: string) =>
      value(
        await service.createConnection(actor, {
          userId,
          provider,
          accountExternalId: account,
          credentials: { accessToken: `access-${account}`, refreshToken: `refresh-${account}` },
        }),
      ).connection;
    await link(a, 'GOOGLE_CALENDAR', `a-${suffix}`);
    const cGoogle = await link(c, 'GOOGLE_CALENDAR', `c-${suffix}`);
    await link(c, 'ZOOM', `c-zoom-${suffix}`);
    const bGoogle = await link(b, 'GOOGLE_CALENDAR', `b-${suffix}`);
    value(await service.markConnectionError(actor, bGoogle.id, REVOKED));
    const everyone = [person('a', suffix), person('b', suffix), person('c', suffix)];
    await sync(actor, {
      mode: 'FULL',
      users: everyone,
      pages: [
        // ALL_MEMBERS with b (errored): disabled until b leaves.
        { externalId: 'pg-team', title: 'Team', ownerExternalId: 'p-a', memberExternalIds: ['p-a', 'p-b'] },
        { externalId: 'pg-c', title: 'C hosts', ownerExternalId: 'p-c', locations: [{ type: 'ZOOM' }] },
        { externalId: 'pg-gone', title: 'Gone', ownerExternalId: 'p-a' },
      ],
    });
    const team = await pageByExternalId(organizationId, 'pg-team');
    expect(team?.state).toBe('DISABLED_CONNECTION_ERROR');
    const cursor = await latestEventId(db, organizationId);

    // b and c leave the directory; pg-c goes to a, pg-gone is no longer listed.
    const result = await sync(actor, {
      mode: 'FULL',
      users: [person('a', suffix)],
      pages: [
        { externalId: 'pg-team', title: 'Team', ownerExternalId: 'p-a', memberExternalIds: ['p-a'] },
        { externalId: 'pg-c', title: 'C hosts', ownerExternalId: 'p-a', locations: [{ type: 'ZOOM' }] },
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.counts).toMatchObject({
      usersDeleted: 2,
      usersUnchanged: 1,
      pagesDeleted: 1,
      pagesUpdated: 2,
      pagesReevaluated: 2,
    });
    const unlinked = result.unlinkedConnections.map((u) => [u.provider, u.credentials?.refreshToken]);
    expect(unlinked.sort()).toEqual([
      ['GOOGLE_CALENDAR', `refresh-b-${suffix}`],
      ['GOOGLE_CALENDAR', `refresh-c-${suffix}`],
      ['ZOOM', `refresh-c-zoom-${suffix}`],
    ]);
    expect(result.unlinkedConnections.map((u) => u.connectionId)).toEqual(
      expect.arrayContaining([bGoogle.id, cGoogle.id]),
    );
    const remaining = await db.select().from(users).where(eq(users.organizationId, organizationId));
    expect(remaining.map((u) => u.externalId)).toEqual(['p-a']);
    expect(await db.select().from(connections).where(eq(connections.userId, b))).toEqual([]);
    const after = await pageByExternalId(organizationId, 'pg-team');
    expect(after?.state).toBe('ACTIVE');
    expect(after?.state).toBe((await freshEvaluation(db, after?.id ?? '')).state);
    expect(await pageByExternalId(organizationId, 'pg-gone')).toBeUndefined();
    const events = await readEvents(db, organizationId, cursor);
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'BOOKING_PAGE_DELETED')).toHaveLength(1);
    expect(types.filter((t) => t === 'CONNECTION_STATUS_CHANGED')).toHaveLength(3);
    expect(events.find((e) => e.type === 'BOOKING_PAGE_DELETED')?.payload).toMatchObject({
      externalId: 'pg-gone',
      slug: 'gone',
      cause: 'syncDirectory',
    });
    expect(events.filter((e) => e.type === 'CONNECTION_STATUS_CHANGED').map((e) => e.payload)).toEqual(
      Array(3).fill(expect.objectContaining({ to: 'DISCONNECTED', cause: 'syncDirectory' })),
    );
    expect(
      events.find((e) => e.type === 'BOOKING_PAGE_STATE_CHANGED' && e.bookingPageId === team?.id)?.payload,
    ).toMatchObject({
      from: 'DISABLED_CONNECTION_ERROR',
      cause: 'syncDirectory',
    });
  });

  it('removes people named in deleteUsers from the pages they were members of, and ignores unknown ids', async () => {
    const { organizationId, actor, suffix } = await organization();
    const first = await sync(actor, {
      mode: 'UPSERT',
      users: [person('a', suffix), person('b', suffix)],
      pages: [{ externalId: 'pg', title: 'Pair', ownerExternalId: 'p-a', memberExternalIds: ['p-a', 'p-b'] }],
    });
    const page = await pageByExternalId(organizationId, 'pg');
    const result = await sync(actor, {
      mode: 'UPSERT',
      deleteUsers: ['p-b', 'p-nobody'],
      deletePages: ['pg-nothing'],
    });
    expect(result.counts).toMatchObject({ usersDeleted: 1, pagesDeleted: 0, pagesReevaluated: 1 });
    const events = await readEvents(db, organizationId, 0);
    expect(events.find((e) => e.type === 'BOOKING_PAGE_UPDATED')).toMatchObject({
      type: 'BOOKING_PAGE_UPDATED',
      bookingPageId: page?.id,
      payload: { fields: ['memberIds'], removedMemberIds: [idOf(first.users, 'p-b')] },
    });
    expect((await pageByExternalId(organizationId, 'pg'))?.version).toBe((page?.version ?? 0) + 1);
  });

  it('a dry run reports what it would do and changes nothing', async () => {
    const { organizationId, actor, suffix } = await organization();
    await sync(actor, { mode: 'UPSERT', users: [person('a', suffix)] });
    const before = await snapshot(db);
    const dry = await sync(actor, {
      mode: 'FULL',
      dryRun: true,
      users: [person('b', suffix)],
      pages: [{ externalId: 'pg', title: 'B', ownerExternalId: 'p-b' }],
    });
    expect(dry).toMatchObject({ applied: false, dryRun: true, errors: [], unlinkedConnections: [] });
    expect(dry.counts).toMatchObject({
      usersCreated: 1,
      usersDeleted: 1,
      pagesCreated: 1,
      pagesReevaluated: 1,
    });
    expect(dry.users.map((u) => u.externalId)).toEqual(['p-b']);
    expect(await snapshot(db)).toEqual(before);
    expect(await latestEventId(db, organizationId)).toBe(0);
  });

  it('is for admins and services: a member is FORBIDDEN', async () => {
    const org = await createTestOrganization(db, ['admin', 'member'], { admin: 'ADMIN' });
    const before = await snapshot(db);
    const member: Actor = { organizationId: org.organizationId, role: 'MEMBER', userId: org.users.member };
    const input: DirectorySyncInput = { mode: 'UPSERT', users: [person('m', 'member')] };
    expect(await service.syncDirectory(member, input)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await snapshot(db)).toEqual(before);
    const admin: Actor = { organizationId: org.organizationId, role: 'ADMIN', userId: org.users.admin };
    expect((await sync(admin, input)).counts.usersCreated).toBe(1);
  });

  it('never touches another organization, even one using the same external ids', async () => {
    const one = await organization();
    const two = await organization();
    await sync(two.actor, {
      mode: 'UPSERT',
      users: [person('a', two.suffix)],
      pages: [{ externalId: 'pg', title: 'Theirs', ownerExternalId: 'p-a' }],
    });
    const theirs = await db.select().from(users).where(eq(users.organizationId, two.organizationId));
    const theirPages = await db
      .select()
      .from(bookingPages)
      .where(eq(bookingPages.organizationId, two.organizationId));
    const result = await sync(one.actor, {
      mode: 'FULL',
      users: [person('a', one.suffix)],
      pages: [{ externalId: 'pg', title: 'Ours', slug: 'theirs', ownerExternalId: 'p-a' }],
    });
    expect(result.counts).toMatchObject({
      usersCreated: 1,
      pagesCreated: 1,
      usersDeleted: 0,
      pagesDeleted: 0,
    });
    expect(await db.select().from(users).where(eq(users.organizationId, two.organizationId))).toEqual(theirs);
    expect(
      await db.select().from(bookingPages).where(eq(bookingPages.organizationId, two.organizationId)),
    ).toEqual(theirPages);
    // Their people are unknown here.
    const refused = await sync(one.actor, {
      mode: 'UPSERT',
      pages: [{ externalId: 'pg-x', title: 'X', ownerExternalId: 'p-zz' }],
    });
    expect(refused.errors.map((e) => e.code)).toEqual(['UNKNOWN_USER']);
  });

  it('concurrent syncs of one organization run one after the other, without deadlock or lost rows', async () => {
    const { organizationId, actor, suffix } = await organization();
    const base = Array.from({ length: 20 }, (_, i) => person(`u${i}`, suffix));
    await sync(actor, { mode: 'UPSERT', users: base });
    const calls = Array.from({ length: 6 }, (_, n) =>
      service.syncDirectory(actor, {
        mode: 'UPSERT',
        users: base.map((row) => ({ ...row, name: `${row.name} v${n}` })),
        pages: base.map((row, i) => ({
          externalId: `pg-${i}`,
          title: `Page ${i}`,
          ownerExternalId: row.externalId,
          memberExternalIds: [row.externalId, (base[(i + n + 1) % base.length] as DirectoryUser).externalId],
        })),
      }),
    );
    const results = await Promise.all(calls);
    expect(results.map((r) => r.ok)).toEqual(Array(6).fill(true));
    const pages = await db.select().from(bookingPages).where(eq(bookingPages.organizationId, organizationId));
    expect(pages).toHaveLength(20);
    for (const page of pages) expect(page.state).toBe((await freshEvaluation(db, page.id)).state);
  });

  it('a sync removing a person and edits adding them to a page settle one way or the other, never half', async () => {
    const { organizationId, actor, suffix } = await organization();
    for (let round = 0; round < 4; round++) {
      const first = await sync(actor, {
        mode: 'UPSERT',
        users: [person(`a${round}`, suffix), person(`b${round}`, suffix)],
        pages: [{ externalId: `pg-${round}`, title: `Round ${round}`, ownerExternalId: `p-a${round}` }],
      });
      const b = idOf(first.users, `p-b${round}`);
      const pageId = idOf(first.pages, `pg-${round}`);
      const [removal, edit, link] = await Promise.all([
        service.syncDirectory(actor, { mode: 'UPSERT', deleteUsers: [`p-b${round}`] }),
        service.updateBookingPage(actor, pageId, { memberIds: [idOf(first.users, `p-a${round}`), b] }),
        service.createConnection(actor, {
          userId: b,
          provider: 'GOOGLE_CALENDAR',
          accountExternalId: `b-${round}`,
        }),
      ]);
      // The removal always lands (the page is not b's): it either came first (the edit and the link then
      // find no such person) or it removed b from the page the edit had added them to.
      expect(removal.ok && removal.value.errors).toEqual([]);
      expect([edit.ok, edit.ok ? null : edit.error.code]).toEqual(
        edit.ok ? [true, null] : [false, 'NOT_FOUND'],
      );
      expect([link.ok, link.ok ? null : link.error.code]).toEqual(
        link.ok ? [true, null] : [false, 'NOT_FOUND'],
      );
      const page = await pageByExternalId(organizationId, `pg-${round}`);
      expect(page?.state).toBe((await freshEvaluation(db, pageId)).state);
      expect(await db.select().from(users).where(eq(users.id, b))).toEqual([]);
      expect(await db.select().from(connections).where(eq(connections.userId, b))).toEqual([]);
    }
  });
});
