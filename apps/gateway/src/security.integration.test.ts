// Tenants never see each other; roles limit what a token may do; bad input gets typed errors. Every
// refused request is checked to have changed nothing in the database.
import { describe, expect, it } from 'vitest';
import { snapshot } from '../test/database.js';
import {
  codes,
  describeEachDriver,
  type GraphQLResponse,
  type TestGateway,
  useTestGateway,
} from '../test/harness.js';
import { World } from '../test/world.js';

async function tenant(t: TestGateway) {
  const w = await World.create(t, ['admin', 'member'], { admin: 'ADMIN' });
  const calendar = await w.link('member', 'GOOGLE_CALENDAR');
  const zoom = await w.link('admin', 'ZOOM');
  await w.link('admin', 'GOOGLE_CALENDAR');
  const page = await w.createPage('admin', {
    title: 'Team page',
    memberIds: [w.users.admin, w.users.member],
    locations: [{ type: 'ZOOM' }],
  });
  await w.fail(calendar);
  return { w, calendar, zoom, page, location: page.locations[0]?.id as string };
}

/** No stack traces, SQL or tokens in anything a client reads. */
function expectNothingLeaked(response: GraphQLResponse, token?: string) {
  expect(response.text).not.toMatch(
    /stacktrace|"stack"|\bat \S+ \(|select |insert |update |from "|node_modules/i,
  );
  if (token !== undefined) expect(response.text).not.toContain(token);
}

describeEachDriver('tenant isolation (%s)', (driver) => {
  const t = useTestGateway(driver);

  it('ids of organization B used with a token of organization A are NOT_FOUND and change nothing', async () => {
    const a = await tenant(t());
    const b = await tenant(t());
    const before = await snapshot(t().handle);

    const operations: [string, Record<string, unknown>][] = [
      ['query Q($id: ID!) { connection(id: $id) { id } }', { id: b.calendar }],
      ['query Q($id: ID!) { bookingPage(id: $id) { id } }', { id: b.page.id }],
      ['query Q($id: ID!) { integrations(userId: $id) { provider } }', { id: b.w.users.member }],
      ['mutation M($id: ID!) { startReconnect(connectionId: $id) { state } }', { id: b.calendar }],
      ['mutation M($id: ID!) { checkConnection(connectionId: $id) { id } }', { id: b.calendar }],
      ['mutation M($id: ID!) { unlinkConnection(connectionId: $id) { id } }', { id: b.zoom }],
      [
        'mutation M($id: ID!) { updateBookingPage(id: $id, input: { title: "Mine now" }) { id } }',
        { id: b.page.id },
      ],
      [
        'mutation M($id: ID!) { addLocation(pageId: $id, location: { type: PHONE, value: "+81 3 1234 5678" }) { id } }',
        { id: b.page.id },
      ],
      [
        'mutation M($id: ID!, $l: ID!) { removeLocation(pageId: $id, locationId: $l) { id } }',
        { id: b.page.id, l: b.location },
      ],
      [
        'mutation M($id: ID!, $l: ID!) { removeLocation(pageId: $id, locationId: $l) { id } }',
        { id: a.page.id, l: b.location },
      ],
      ['mutation M($id: ID!) { removeAllLocations(pageId: $id) { id } }', { id: b.page.id }],
      [
        'mutation M($id: ID!, $u: ID!) { changeOwner(pageId: $id, userId: $u) { id } }',
        { id: b.page.id, u: a.w.users.admin },
      ],
      [
        'mutation M($id: ID!, $u: ID!) { changeOwner(pageId: $id, userId: $u) { id } }',
        { id: a.page.id, u: b.w.users.admin },
      ],
      [
        'mutation M($id: ID!) { setBookingPageEnabled(pageId: $id, enabled: false) { id } }',
        { id: b.page.id },
      ],
      [
        'mutation M($u: ID!) { createBookingPage(input: { title: "Theirs", ownerId: $u }) { id } }',
        { u: b.w.users.member },
      ],
      [
        'mutation M($u: ID!, $me: ID!) { createBookingPage(input: { title: "Mixed", memberIds: [$me, $u] }) { id } }',
        { u: b.w.users.member, me: a.w.users.admin },
      ],
    ];
    for (const [query, variables] of operations) {
      const response = await a.w.request('admin', query, variables);
      expect(codes(response), query).toEqual(['NOT_FOUND']);
      expectNothingLeaked(response);
    }
    expect(await snapshot(t().handle)).toEqual(before);

    // Lists and counts show organization A only.
    const lists = await a.w.run<{
      viewer: { id: string };
      bookingPages: { totalCount: number; edges: { node: { id: string } }[] };
      connectionAlerts: { erroredConnections: number; disabledBookingPages: number };
      events: { edges: { node: { page: { id: string } | null; connection: { id: string } | null } }[] };
    }>(
      'admin',
      `{ viewer { id } bookingPages { totalCount edges { node { id } } }
         connectionAlerts { erroredConnections disabledBookingPages }
         events(first: 500) { edges { node { page { id } connection { id } } } } }`,
    );
    expect(lists.viewer.id).toBe(a.w.users.admin);
    expect(lists.bookingPages.edges.map((edge) => edge.node.id)).toEqual([a.page.id]);
    expect(lists.connectionAlerts).toEqual({ erroredConnections: 1, disabledBookingPages: 1 });
    const mentioned = lists.events.edges.flatMap(({ node }) => [node.page?.id, node.connection?.id]);
    expect(mentioned).not.toContain(b.page.id);
    expect(mentioned).not.toContain(b.calendar);
    expect(lists.events.edges.length).toBeGreaterThan(0);
  });

  it('roles: members their own things, admins their organization, service tokens read only', async () => {
    const { w, calendar, zoom, page } = await tenant(t());
    const before = await snapshot(t().handle);

    // A member cannot read the admin's connection, edit the page they only belong to, or read the event log.
    expect(
      codes(await w.request('member', 'query Q($id: ID!) { connection(id: $id) { id } }', { id: zoom })),
    ).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await w.request('member', 'query Q($id: ID!) { integrations(userId: $id) { provider } }', {
          id: w.users.admin,
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await w.request(
          'member',
          'mutation M($id: ID!) { setBookingPageEnabled(pageId: $id, enabled: false) { id } }',
          {
            id: page.id,
          },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await w.request('member', '{ events { edges { cursor } } }'))).toEqual(['FORBIDDEN']);
    // …but sees the page they belong to.
    expect((await w.page('member', page.id)).id).toBe(page.id);

    // A service token reads the whole organization and changes nothing.
    const service = { userId: 'svc_billing', organizationId: w.organizationId, role: 'SERVICE' as const };
    const read = await w.run<{ bookingPages: { totalCount: number }; integrations: { provider: string }[] }>(
      service,
      'query Q($u: ID!) { bookingPages { totalCount } integrations(userId: $u) { provider } }',
      { u: w.users.member },
    );
    expect(read.bookingPages.totalCount).toBe(1);
    expect(read.integrations).toHaveLength(5);
    expect(codes(await w.request(service, '{ viewer { id } }'))).toEqual(['FORBIDDEN']);
    for (const mutation of [
      `mutation { unlinkConnection(connectionId: "${calendar}") { id } }`,
      `mutation { setBookingPageEnabled(pageId: "${page.id}", enabled: false) { id } }`,
      'mutation { createBookingPage(input: { title: "Robot page" }) { id } }',
      'mutation { connectAccount(provider: ZOOM) { state } }',
    ]) {
      expect(codes(await w.request(service, mutation)), mutation).toEqual(['FORBIDDEN']);
    }
    // An ADMIN token for a user the database knows as a member acts as a member.
    expect(
      codes(
        await w.request(w.caller('member', 'ADMIN'), 'query Q($id: ID!) { connection(id: $id) { id } }', {
          id: zoom,
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(await snapshot(t().handle)).toEqual(before);
  });
});

/** One query per limit, checked in this order (limits below: depth 8, cost 5000, aliases 5). */
const EXPENSIVE = {
  DEPTH:
    '{ viewer { connections { user { connections { user { connections { user { connections { user { id } } } } } } } } } }',
  COST: '{ bookingPages(first: 100) { edges { node { members { connections { affectedBookingPages { members { id name email } } } } } } } }',
  ALIASES:
    '{ a: viewer { id } b: viewer { id } c: viewer { id } d: viewer { id } e: viewer { id } f: viewer { id } }',
};

describe('bad input and hostile requests (pglite)', () => {
  const t = useTestGateway('pglite', {
    config: {
      introspection: false,
      limits: {
        maxDepth: 8,
        maxCost: 5000,
        maxAliases: 5,
        defaultListSize: 5,
        maxBodyBytes: 16 * 1024,
        directorySyncMaxBodyBytes: 16 * 1024,
      },
    },
  });

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(t().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: JSON.parse(text),
    } as GraphQLResponse;
  }

  it('answers typed errors for wrong ids, wrong types, huge strings and expensive queries, changing nothing', async () => {
    const { w, page } = await tenant(t());
    const token = await t().token(w.caller('admin'));
    const before = await snapshot(t().handle);
    const cases: [string, Record<string, unknown>, string][] = [
      // Wrong ids: malformed is BAD_USER_INPUT, well-formed but unknown is NOT_FOUND.
      ['query Q($id: ID!) { bookingPage(id: $id) { id } }', { id: "pg_1' OR 1=1 --" }, 'BAD_USER_INPUT'],
      ['query Q($id: ID!) { bookingPage(id: $id) { id } }', { id: 'x'.repeat(500) }, 'BAD_USER_INPUT'],
      [
        'query Q($id: ID!) { bookingPage(id: $id) { id } }',
        { id: 'pg_00000000000000000000000000000000' },
        'NOT_FOUND',
      ],
      ['query Q($id: ID!) { connection(id: $id) { id } }', { id: page.id }, 'NOT_FOUND'],
      // Wrong types, in variables and in literals.
      ['query Q($n: Int!) { bookingPages(first: $n) { totalCount } }', { n: 'many' }, 'BAD_USER_INPUT'],
      ['{ bookingPages(first: "ten") { totalCount } }', {}, 'BAD_USER_INPUT'],
      ['{ bookingPages(state: SOMETIMES) { totalCount } }', {}, 'BAD_USER_INPUT'],
      ['{ bookingPages(first: 100000) { totalCount } }', {}, 'BAD_USER_INPUT'],
      ['{ bookingPages(after: "not-a-cursor") { totalCount } }', {}, 'BAD_USER_INPUT'],
      ['{ events(after: "-1") { edges { cursor } } }', {}, 'BAD_USER_INPUT'],
      ['{ nope }', {}, 'BAD_USER_INPUT'],
      // Introspection is off in this gateway's configuration.
      ['{ __schema { types { name } } }', {}, 'BAD_USER_INPUT'],
      ['{ viewer { id ', {}, 'BAD_USER_INPUT'],
      // Huge or invalid strings.
      [
        'mutation M($t: String!) { createBookingPage(input: { title: $t }) { id } }',
        { t: 'x'.repeat(5000) },
        'BAD_USER_INPUT',
      ],
      [
        'mutation M($t: String!) { createBookingPage(input: { title: $t }) { id } }',
        { t: 'x'.repeat(201) },
        'BAD_USER_INPUT',
      ],
      [
        'mutation M($t: String!) { createBookingPage(input: { title: $t }) { id } }',
        { t: '   ' },
        'BAD_USER_INPUT',
      ],
      [
        'mutation M($id: ID!, $v: String!) { addLocation(pageId: $id, location: { type: CUSTOM_URL, value: $v }) { id } }',
        { id: page.id, v: 'javascript:alert(1)' },
        'BAD_USER_INPUT',
      ],
      [
        'mutation M($id: ID!) { updateBookingPage(id: $id, input: { slug: "Not A Slug" }) { id } }',
        { id: page.id },
        'BAD_USER_INPUT',
      ],
      [
        'mutation M($id: ID!) { updateBookingPage(id: $id, input: { memberIds: [] }) { id } }',
        { id: page.id },
        'BAD_USER_INPUT',
      ],
      // Deep, wide and aliased queries.
      ...Object.values(EXPENSIVE).map((query): [string, Record<string, unknown>, string] => [
        query,
        {},
        'BAD_USER_INPUT',
      ]),
    ];
    for (const [query, variables, code] of cases) {
      const response = await t().graphql(query, { token, variables });
      expect(codes(response), query).toEqual([code]);
      expectNothingLeaked(response, token);
    }
    for (const [limit, query] of Object.entries(EXPENSIVE)) {
      const response = await t().graphql(query, { token });
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.limit).toBe(limit);
    }
    expect(await snapshot(t().handle)).toEqual(before);
  });

  it('refuses missing, malformed, forged and expired tokens, oversized bodies and CSRF-prone requests', async () => {
    const { w } = await tenant(t());
    const before = await snapshot(t().handle);
    const query = JSON.stringify({
      query: 'mutation { createBookingPage(input: { title: "Sneaky" }) { id } }',
    });
    const forged = await (async () => {
      const genuine = await t().token(w.caller('admin'));
      const [header, payload] = genuine.split('.');
      return `${header}.${payload}.${'A'.repeat(43)}`;
    })();
    const expired = await t().token(w.caller('admin'), -60);
    const ghost = await t().token({ userId: 'usr_gone', organizationId: w.organizationId, role: 'ADMIN' });
    for (const authorization of [
      undefined,
      'Basic abc',
      'Bearer',
      `Bearer ${forged}`,
      `Bearer ${expired}`,
      `Bearer ${ghost}`,
    ]) {
      const response = await post(query, authorization === undefined ? {} : { authorization });
      expect(response.status, authorization).toBe(401);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expectNothingLeaked(response, forged);
    }
    expect((await post(query, { authorization: `Bearer ${expired}` })).body.errors?.[0]?.message).toMatch(
      /expired/,
    );

    const token = await t().token(w.caller('admin'));
    const huge = JSON.stringify({ query: '{ viewer { id } }', variables: { pad: 'x'.repeat(20 * 1024) } });
    const tooLarge = await post(huge, { authorization: `Bearer ${token}` });
    expect(tooLarge.status).toBe(413);
    expect(codes(tooLarge)).toEqual(['BAD_USER_INPUT']);

    const notJson = await post('{"query": ', { authorization: `Bearer ${token}` });
    expect(notJson.status).toBe(400);
    expect(codes(notJson)).toEqual(['BAD_USER_INPUT']);

    // A form post (a "simple" request a browser sends cross-site without preflight) is blocked.
    const csrf = await fetch(t().url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: query,
    });
    expect(csrf.status).toBe(400);
    expect(codes({ body: JSON.parse(await csrf.text()) } as GraphQLResponse)).toEqual(['BAD_USER_INPUT']);
    expect(await snapshot(t().handle)).toEqual(before);
  });
});
