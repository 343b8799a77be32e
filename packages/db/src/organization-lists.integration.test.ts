import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { TestClock, testKeyring, value } from '../test/fixtures.js';
import type { Database } from './database.js';
import type { ListPage } from './keyset.js';
import type { ReadScope } from './read-scope.js';
import { createReadRepository, encodePageCursor, type ReadRepository } from './repositories.js';
import type { ConnectionRow, UserRow } from './schema.js';
import { type DemoSeed, seedDemo } from './seed.js';

/** Every row of a list, page by page, with the totalCount each page reported. */
async function walk<T extends { id: string }>(
  read: (after: string | null) => Promise<ListPage<T>>,
): Promise<{ ids: string[]; totals: number[]; pages: number }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const page: ListPage<T> = await read(after);
    ids.push(...page.edges.map((edge) => edge.node.id));
    totals.push(page.totalCount);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) return { ids, totals, pages };
    after = page.pageInfo.endCursor;
  }
}

describeEachDriver('organization lists on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let seed: DemoSeed;
  let repo: ReadRepository;
  let admin: ReadScope;
  let everyUser: UserRow[];
  let everyConnection: ConnectionRow[];

  beforeAll(async () => {
    db = database().handle.db;
    seed = await seedDemo(db, { keyring: testKeyring, now: new TestClock().now });
    repo = createReadRepository(db);
    admin = { organizationId: seed.organizationId };
    everyUser = value(await repo.listUsers(admin, { first: 100 })).edges.map((edge) => edge.node);
    everyConnection = value(await repo.listConnections(admin, { first: 100 })).edges.map((edge) => edge.node);
  });

  describe('users', () => {
    it('lists the organization by name and pages through it without gaps or duplicates', async () => {
      expect(everyUser.map((user) => user.name)).toEqual([
        'Aiko Tanaka',
        'Ben Carter',
        'Lucas Martin',
        'Marco Rossi',
        'Priya Shah',
        'Zofia Nowak',
      ]);
      const walked = await walk(async (after) => value(await repo.listUsers(admin, { first: 4, after })));
      expect(walked.pages).toBe(2);
      expect(walked.ids).toEqual(everyUser.map((user) => user.id));
      expect(walked.totals).toEqual([6, 6]);
    });

    it('filters by role and by a name or email prefix, ignoring case', async () => {
      const admins = value(await repo.listUsers(admin, { filter: { roles: ['ADMIN'] } }));
      expect(admins.edges.map((edge) => edge.node.id)).toEqual([seed.users.aiko]);
      expect(admins.totalCount).toBe(1);
      const members = value(await repo.listUsers(admin, { first: 2, filter: { roles: ['MEMBER'] } }));
      expect(members.totalCount).toBe(5);
      expect(members.pageInfo.hasNextPage).toBe(true);
      const byName = value(await repo.listUsers(admin, { filter: { search: 'ma' } }));
      expect(byName.edges.map((edge) => edge.node.id)).toEqual([seed.users.marco]);
      const byEmail = value(await repo.listUsers(admin, { filter: { search: 'LUCAS@' } }));
      expect(byEmail.edges.map((edge) => edge.node.id)).toEqual([seed.users.lucas]);
      // The search is a prefix, not a pattern: LIKE's wildcards match only themselves.
      expect(value(await repo.listUsers(admin, { filter: { search: '%' } })).totalCount).toBe(0);
      expect(value(await repo.listUsers(admin, { filter: { search: '_iko' } })).totalCount).toBe(0);
      expect(value(await repo.listUsers(admin, { filter: { search: 'Tanaka' } })).totalCount).toBe(0);
      expect(value(await repo.listUsers(admin, { filter: { roles: [] } })).totalCount).toBe(0);
    });

    it("never shows another organization's people", async () => {
      const globex = value(await repo.listUsers({ organizationId: seed.otherOrganizationId }));
      expect(globex.edges.map((edge) => edge.node.id).sort()).toEqual(
        [seed.users.hana, seed.users.olek].sort(),
      );
      expect(value(await repo.listUsers(admin, { filter: { search: 'hana' } })).totalCount).toBe(0);
    });
  });

  describe('connections', () => {
    it('lists oldest first and pages through them without gaps or duplicates', async () => {
      expect(everyConnection.length).toBeGreaterThan(6);
      expect(new Set(everyConnection.map((row) => row.id)).size).toBe(everyConnection.length);
      const walked = await walk(async (after) =>
        value(await repo.listConnections(admin, { first: 3, after })),
      );
      expect(walked.pages).toBe(Math.ceil(everyConnection.length / 3));
      expect(walked.ids).toEqual(everyConnection.map((row) => row.id));
      expect(new Set(walked.totals)).toEqual(new Set([everyConnection.length]));
    });

    it('filters by status, health, provider and user, each as the rows say', async () => {
      const ids = async (filter: Parameters<ReadRepository['listConnections']>[1]) =>
        value(await repo.listConnections(admin, { first: 100, ...filter })).edges.map((edge) => edge.node.id);
      const where = (test: (row: ConnectionRow) => boolean) =>
        everyConnection.filter(test).map((row) => row.id);
      const errored = await ids({ filter: { statuses: ['ERROR'] } });
      expect(errored.length).toBeGreaterThan(1);
      expect(errored).toEqual(where((row) => row.status === 'ERROR'));
      expect(await ids({ filter: { healths: ['DEGRADED', 'AT_RISK'] } })).toEqual(
        where((row) => row.health === 'DEGRADED' || row.health === 'AT_RISK'),
      );
      expect(await ids({ filter: { providers: ['ZOOM'] } })).toEqual(where((row) => row.provider === 'ZOOM'));
      expect(await ids({ filter: { userId: seed.users.marco } })).toEqual(
        where((row) => row.userId === seed.users.marco),
      );
      expect(
        await ids({ filter: { statuses: ['ERROR'], providers: ['GOOGLE_CALENDAR', 'MICROSOFT_CALENDAR'] } }),
      ).toEqual(
        where(
          (row) =>
            row.status === 'ERROR' &&
            (row.provider === 'GOOGLE_CALENDAR' || row.provider === 'MICROSOFT_CALENDAR'),
        ),
      );
      expect(await ids({ filter: { statuses: [] } })).toEqual([]);
    });

    it("counts in alertCounts are the totalCount of the banner's filters", async () => {
      const counts = await repo.alertCounts(admin);
      const total = async (filter: Parameters<ReadRepository['listConnections']>[1]) =>
        value(await repo.listConnections(admin, filter)).totalCount;
      expect(counts.erroredConnections).toBeGreaterThan(0);
      expect(await total({ first: 1, filter: { statuses: ['ERROR'] } })).toBe(counts.erroredConnections);
      expect(await total({ first: 1, filter: { statuses: ['CONNECTED'], healths: ['AT_RISK'] } })).toBe(
        counts.atRiskConnections,
      );
      const marco = { organizationId: seed.organizationId, viewerId: seed.users.marco };
      expect(value(await repo.listConnections(marco, { filter: { statuses: ['ERROR'] } })).totalCount).toBe(
        (await repo.alertCounts(marco)).erroredConnections,
      );
    });

    it("keeps a member to their own connections and never shows another organization's", async () => {
      const marco = { organizationId: seed.organizationId, viewerId: seed.users.marco };
      const own = value(await repo.listConnections(marco, { first: 100 }));
      expect(own.edges.map((edge) => edge.node.userId)).toEqual(own.edges.map(() => seed.users.marco));
      expect(own.totalCount).toBeGreaterThan(0);
      const globex = value(await repo.listConnections({ organizationId: seed.otherOrganizationId }));
      expect(globex.edges.map((edge) => edge.node.organizationId)).toEqual(
        globex.edges.map(() => seed.otherOrganizationId),
      );
      const acmeIds = new Set(everyConnection.map((row) => row.id));
      expect(globex.edges.some((edge) => acmeIds.has(edge.node.id))).toBe(false);
      expect(
        value(await repo.listConnections(admin, { filter: { userId: seed.users.olek } })).totalCount,
      ).toBe(0);
    });
  });

  it('refuses a page size out of bounds and a cursor that is not its own list', async () => {
    const [anyConnection] = everyConnection;
    const pageCursor = encodePageCursor({ listRank: 0, title: 'x', id: 'pg_x' });
    const userCursor = value(await repo.listUsers(admin, { first: 1 })).pageInfo.endCursor;
    const refusals = [
      await repo.listUsers(admin, { first: 0 }),
      await repo.listUsers(admin, { first: 101 }),
      await repo.listUsers(admin, { after: 'not a cursor' }),
      await repo.listUsers(admin, { after: pageCursor }),
      await repo.listUsers(admin, { filter: { search: 'a'.repeat(321) } }),
      await repo.listConnections(admin, { first: 1.5 }),
      await repo.listConnections(admin, { after: userCursor }),
      await repo.listConnections(admin, {
        after: Buffer.from(JSON.stringify(['cn1', 'yesterday', anyConnection?.id])).toString('base64url'),
      }),
    ];
    expect(
      refusals.map((result) => (result.ok ? 'ok' : `${result.error.code}:${result.error.field}`)),
    ).toEqual([
      'BAD_USER_INPUT:first',
      'BAD_USER_INPUT:first',
      'BAD_USER_INPUT:after',
      'BAD_USER_INPUT:after',
      'BAD_USER_INPUT:search',
      'BAD_USER_INPUT:first',
      'BAD_USER_INPUT:after',
      'BAD_USER_INPUT:after',
    ]);
  });
});
