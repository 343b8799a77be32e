// Issue 11 §4: an administrator sees the whole organization — its people and its connections, a page at a
// time, filtered — and the banner's count of errored connections expands to exactly those connections, each
// with the pages it stops, at a constant number of SQL round trips.
import { beforeAll, expect, it } from 'vitest';
import { codes, describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';

const CONNECTIONS = /* GraphQL */ `
  query Connections($first: Int, $after: String, $filter: ConnectionFilter) {
    connections(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges {
        cursor
        node { id provider status health user { id name } affectedBookingPages { id title state } }
      }
    }
  }
`;

const USERS = /* GraphQL */ `
  query Users($first: Int, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges { cursor node { id name email role } }
    }
  }
`;

interface Page<Node> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { cursor: string; node: Node }[];
}

interface ConnectionNode {
  id: string;
  provider: string;
  status: string;
  health: string;
  user: { id: string; name: string };
  affectedBookingPages: { id: string; title: string; state: string }[];
}

const NAMES = ['admin', 'ada', 'ben', 'cy', 'dee'] as const;
type Name = (typeof NAMES)[number];

describeEachDriver('the organization lists for admins (%s)', (driver) => {
  const t = useTestGateway(driver);
  let w: World<Name>;
  let other: World<'boss' | 'eve'>;
  /** Connection ids in creation order, and the four put in error. */
  const created: string[] = [];
  const errored: string[] = [];

  const connections = async (as: Name | 'service', variables: Record<string, unknown>) =>
    (
      await w.run<{ connections: Page<ConnectionNode> }>(
        as === 'service'
          ? { userId: 'svc_dashboard', organizationId: w.organizationId, role: 'SERVICE' }
          : as,
        CONNECTIONS,
        variables,
      )
    ).connections;

  beforeAll(async () => {
    w = await World.create(t(), NAMES, { admin: 'ADMIN' });
    for (const name of NAMES) {
      created.push(await w.link(name, 'GOOGLE_CALENDAR'));
      created.push(await w.link(name, 'ZOOM'));
    }
    await w.createPage('ada', { title: 'Ada and Ben', memberIds: [w.users.ada, w.users.ben] });
    await w.createPage('cy', { title: 'Cy alone' });
    await w.createPage('dee', { title: 'Dee and Ada', memberIds: [w.users.dee, w.users.ada] });
    // Ada's and Ben's calendars, Cy's calendar and Dee's Zoom: the banner's four.
    for (const index of [2, 4, 6, 9]) errored.push(created[index] as string);
    for (const id of errored) await w.fail(id);
    other = await World.create(t(), ['boss', 'eve'] as const, { boss: 'ADMIN' });
    await other.link('eve', 'GOOGLE_CALENDAR');
    await other.fail(await other.link('eve', 'ZOOM'));
  }, 60_000);

  it('pages through every connection, oldest first, without gaps or duplicates', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page<ConnectionNode> = await connections('admin', { first: 3, after });
      pages++;
      expect(page.totalCount).toBe(10);
      seen.push(...page.edges.map((edge) => edge.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(created);
  });

  it("expands the banner's errored count to those connections, each with the pages it stops", async () => {
    const banner = await w.run<{ connectionAlerts: { erroredConnections: number } }>(
      'admin',
      '{ connectionAlerts { erroredConnections } }',
    );
    const list = await connections('admin', { filter: { status: ['ERROR'] } });
    expect(banner.connectionAlerts.erroredConnections).toBe(4);
    expect(list.totalCount).toBe(banner.connectionAlerts.erroredConnections);
    expect(list.edges.map((edge) => edge.node.id)).toEqual(errored);
    const stops = Object.fromEntries(
      list.edges.map(({ node }) => [
        `${node.user.name} ${node.provider}`,
        node.affectedBookingPages.map((page) => `${page.title} ${page.state}`).sort(),
      ]),
    );
    expect(stops).toEqual({
      'ada GOOGLE_CALENDAR': [
        'Ada and Ben DISABLED_CONNECTION_ERROR',
        'Dee and Ada DISABLED_CONNECTION_ERROR',
      ],
      'ben GOOGLE_CALENDAR': ['Ada and Ben DISABLED_CONNECTION_ERROR'],
      'cy GOOGLE_CALENDAR': ['Cy alone DISABLED_CONNECTION_ERROR'],
      // Zoom is no location of Dee's page, so its error stops nothing.
      'dee ZOOM': [],
    });
    // A member's banner counts their own errored connections; an admin's list filtered to them agrees.
    const ada = await w.run<{ connectionAlerts: { erroredConnections: number } }>(
      'ada',
      '{ connectionAlerts { erroredConnections } }',
    );
    const adas = await connections('admin', { filter: { status: ['ERROR'], userId: w.users.ada } });
    expect(adas.totalCount).toBe(ada.connectionAlerts.erroredConnections);
  });

  it('costs the same SQL round trips for ten connections and their pages as for three', async () => {
    const roundTrips = async (first: number) => {
      t().queries.length = 0;
      const page = await connections('admin', { first });
      expect(page.edges).toHaveLength(first);
      return t().queries.length;
    };
    // Both pages hold a user other than the viewer (whose row the request already has), so both need the
    // same batches: the viewer, the list and its count, the users, and the pages of the connections' users.
    const [three, ten] = [await roundTrips(3), await roundTrips(10)];
    expect(ten).toBe(three);
    expect(ten).toBeLessThanOrEqual(8);
  });

  it('filters by health, provider and user, and combines them', async () => {
    const ids = async (filter: Record<string, unknown>) =>
      (await connections('admin', { first: 100, filter })).edges.map((edge) => edge.node.id);
    expect(await ids({ health: ['BROKEN'] })).toEqual(errored);
    expect(await ids({ health: ['HEALTHY'] })).toEqual(created.filter((id) => !errored.includes(id)));
    expect(await ids({ provider: ['ZOOM'] })).toEqual(created.filter((_id, index) => index % 2 === 1));
    expect(await ids({ userId: w.users.cy })).toEqual(created.slice(6, 8));
    expect(await ids({ provider: ['ZOOM'], status: ['ERROR'] })).toEqual([created[9]]);
    expect(await ids({ provider: ['ZOOM'], status: ['CONNECTED'], userId: w.users.dee })).toEqual([]);
    expect(await ids({ status: [] })).toEqual([]);
  });

  it('lists the people by name, filtered by role and by a name or email prefix', async () => {
    const users = async (variables: Record<string, unknown>) =>
      (
        await w.run<{ users: Page<{ id: string; name: string; email: string; role: string }> }>(
          'admin',
          USERS,
          variables,
        )
      ).users;
    const firstPage = await users({ first: 3 });
    const secondPage = await users({ first: 3, after: firstPage.pageInfo.endCursor });
    expect([firstPage.totalCount, secondPage.totalCount]).toEqual([5, 5]);
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    expect([...firstPage.edges, ...secondPage.edges].map((edge) => edge.node.name)).toEqual([
      'ada',
      'admin',
      'ben',
      'cy',
      'dee',
    ]);
    const admins = await users({ filter: { role: ['ADMIN'] } });
    expect(admins.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ id: w.users.admin, role: 'ADMIN' }),
    ]);
    expect((await users({ filter: { search: 'AD' } })).edges.map((edge) => edge.node.name)).toEqual([
      'ada',
      'admin',
    ]);
    expect(
      (await users({ filter: { search: 'ben-', role: ['MEMBER'] } })).edges.map((edge) => edge.node.name),
    ).toEqual(['ben']);
  });

  it('is for admins and service tokens: a member is FORBIDDEN', async () => {
    const service = await connections('service', { first: 1, filter: { status: ['ERROR'] } });
    expect(service.totalCount).toBe(4);
    for (const query of [CONNECTIONS, USERS]) {
      const refused = await w.request('ada', query, {});
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.body.data).toBeNull();
    }
  });

  it("never shows another organization's people or connections", async () => {
    const theirs = await other.run<{ connections: Page<ConnectionNode> }>('boss', CONNECTIONS, {});
    expect(theirs.connections.totalCount).toBe(2);
    expect(theirs.connections.edges.every((edge) => edge.node.user.id === other.users.eve)).toBe(true);
    const ours = new Set(created);
    expect(theirs.connections.edges.some((edge) => ours.has(edge.node.id))).toBe(false);
    const theirUsers = await other.run<{ users: Page<{ id: string }> }>('boss', USERS, {});
    expect(theirUsers.users.edges.map((edge) => edge.node.id).sort()).toEqual(
      [other.users.boss, other.users.eve].sort(),
    );
    // Another organization's user is nobody here: the filter says so rather than list nothing.
    const foreign = await w.request('admin', CONNECTIONS, { filter: { userId: other.users.eve } });
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(foreign.body)).not.toContain(other.users.boss);
    // A cursor carries no organization: theirs, used here, only says where to start in our list.
    const theirCursor = theirs.connections.edges[0]?.cursor;
    const fromTheirs = await connections('admin', { first: 100, after: theirCursor });
    expect(fromTheirs.edges.every((edge) => ours.has(edge.node.id))).toBe(true);
  });

  it('refuses a bad page size, cursor or filter with BAD_USER_INPUT and no data', async () => {
    const usersCursor = (await w.run<{ users: Page<unknown> }>('admin', USERS, { first: 1 })).users.pageInfo
      .endCursor;
    const refusals = [
      [CONNECTIONS, { first: 0 }],
      [CONNECTIONS, { first: 101 }],
      [CONNECTIONS, { after: 'not-a-cursor' }],
      [CONNECTIONS, { after: usersCursor }],
      [CONNECTIONS, { after: 'x'.repeat(2000) }],
      [CONNECTIONS, { filter: { userId: 'not an id!' } }],
      [USERS, { first: -1 }],
      [USERS, { after: 'eyJub3QiOiJhIGN1cnNvciJ9' }],
      [USERS, { filter: { search: 'a'.repeat(321) } }],
    ] as const;
    for (const [query, variables] of refusals) {
      const refused = await w.request('admin', query, variables);
      expect({ variables, codes: codes(refused) }).toEqual({ variables, codes: ['BAD_USER_INPUT'] });
      expect(refused.body.data ?? null).toBeNull();
    }
  });
});
