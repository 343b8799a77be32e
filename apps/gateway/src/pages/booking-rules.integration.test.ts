// The whole rule table of DESIGN §2, exercised through GraphQL on both drivers. Connection errors and
// completed reconnects are recorded through the state service (the provider adapters arrive later);
// everything a person does (unlink, add or remove locations, change owner, turn off) goes through mutations.
import { describe, expect, it } from 'vitest';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { type PageView, World } from '../../test/world.js';

const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);
const actionsOf = (page: PageView) =>
  page.remediation.map((step) =>
    step.options.map((option) => option.actions.map((action) => action.kind).join('+')),
  );

describeEachDriver('booking page rules through GraphQL (%s)', (driver) => {
  const t = useTestGateway(driver);

  /** Owner and member of an ALL_MEMBERS page with a Zoom location. */
  async function allMembersPage() {
    const w = await World.create(t(), ['owner', 'member']);
    const owner = { calendar: await w.link('owner', 'GOOGLE_CALENDAR'), zoom: await w.link('owner', 'ZOOM') };
    const member = {
      calendar: await w.link('member', 'MICROSOFT_CALENDAR'),
      zoom: await w.link('member', 'ZOOM'),
    };
    const page = await w.createPage('owner', {
      title: 'Interview panel',
      mode: 'ALL_MEMBERS',
      memberIds: [w.users.owner, w.users.member],
      locations: [{ type: 'ZOOM' }],
    });
    expect(page).toMatchObject({ state: 'ACTIVE', acceptingBookings: true, reasons: [], remediation: [] });
    return { w, owner, member, page };
  }

  describe('ALL_MEMBERS', () => {
    it('a member calendar error disables the page, with one reconnect-or-unlink step', async () => {
      const { w, member, page } = await allMembersPage();
      await w.fail(member.calendar);
      const disabled = await w.page('owner', page.id);
      expect(disabled).toMatchObject({
        state: 'DISABLED_CONNECTION_ERROR',
        acceptingBookings: false,
        eligibleHosts: [],
      });
      expect(disabled.reasons).toEqual([
        {
          kind: 'MEMBER_CALENDAR_ERROR',
          user: { id: w.users.member },
          // The owner may not read the member's connection rows (members see only their own).
          connections: [],
        },
      ]);
      expect(disabled.remediation).toHaveLength(1);
      expect(disabled.remediation[0]?.goal).toBe('CLEAR_CALENDAR_ERROR');
      expect(actionsOf(disabled)).toEqual([['RECONNECT', 'UNLINK']]);
      const reconnect = disabled.remediation[0]?.options[0]?.actions[0];
      expect(reconnect).toMatchObject({
        kind: 'RECONNECT',
        provider: 'MICROSOFT_CALENDAR',
        user: { id: w.users.member },
      });

      // The member, who owns the connection, sees it behind the reason.
      const asMember = await w.page('member', page.id);
      expect(asMember.reasons[0]?.connections).toEqual([
        { id: member.calendar, provider: 'MICROSOFT_CALENDAR', status: 'ERROR' },
      ]);

      await w.reconnect(member.calendar);
      expect(await w.page('owner', page.id)).toMatchObject({
        state: 'ACTIVE',
        acceptingBookings: true,
        reasons: [],
      });
    });

    it('unlinking the errored calendar clears the reason', async () => {
      const { w, member, page } = await allMembersPage();
      await w.fail(member.calendar);
      const data = await w.run<{ unlinkConnection: { id: string; status: string } }>(
        'member',
        'mutation Unlink($id: ID!) { unlinkConnection(connectionId: $id) { id status } }',
        { id: member.calendar },
      );
      expect(data.unlinkConnection).toEqual({ id: member.calendar, status: 'DISCONNECTED' });
      expect(await w.page('owner', page.id)).toMatchObject({ state: 'ACTIVE', reasons: [] });
    });

    it("an error on the owner's location disables the page; reconnecting it re-enables", async () => {
      const { w, owner, page } = await allMembersPage();
      await w.fail(owner.zoom);
      const disabled = await w.page('owner', page.id);
      expect(disabled.state).toBe('DISABLED_CONNECTION_ERROR');
      expect(disabled.reasons).toEqual([
        {
          kind: 'OWNER_LOCATION_ERROR',
          user: { id: w.users.owner },
          connections: [{ id: owner.zoom, provider: 'ZOOM', status: 'ERROR' }],
        },
      ]);
      expect(disabled.locations).toEqual([expect.objectContaining({ type: 'ZOOM', usable: false })]);
      expect(disabled.remediation.map((step) => step.goal)).toEqual(['RESTORE_OWNER_LOCATION']);
      expect(actionsOf(disabled)[0]).toEqual(
        expect.arrayContaining(['RECONNECT', 'ADD_VALID_LOCATION', 'REMOVE_ALL_LOCATIONS', 'CHANGE_OWNER']),
      );
      const changeOwner = disabled.remediation[0]?.options
        .flatMap((option) => option.actions)
        .find((action) => action.kind === 'CHANGE_OWNER');
      expect(changeOwner?.user).toEqual({ id: w.users.member });

      await w.reconnect(owner.zoom);
      expect(await w.page('owner', page.id)).toMatchObject({ state: 'ACTIVE', acceptingBookings: true });
    });

    it('adding a valid location re-enables the page', async () => {
      const { w, owner, page } = await allMembersPage();
      await w.fail(owner.zoom);
      const after = await w.mutatePage(
        'owner',
        'mutation Add($id: ID!, $location: LocationInput!) { addLocation(pageId: $id, location: $location) { ...PageFields } }',
        {
          id: page.id,
          location: { type: 'IN_PERSON', label: 'Tokyo office', value: '1-1 Marunouchi, Tokyo' },
        },
      );
      expect(after.state).toBe('ACTIVE');
      expect(after.locations.map(({ type, usable }) => ({ type, usable }))).toEqual([
        { type: 'ZOOM', usable: false },
        { type: 'IN_PERSON', usable: true },
      ]);
    });

    it('removing all locations re-enables the page', async () => {
      const { w, owner, page } = await allMembersPage();
      await w.fail(owner.zoom);
      const after = await w.mutatePage(
        'owner',
        'mutation Clear($id: ID!) { removeAllLocations(pageId: $id) { ...PageFields } }',
        { id: page.id },
      );
      expect(after).toMatchObject({ state: 'ACTIVE', locations: [], reasons: [] });
    });

    it('changing the owner to a member whose location works re-enables the page', async () => {
      const { w, owner, page } = await allMembersPage();
      await w.fail(owner.zoom);
      const after = await w.mutatePage(
        'owner',
        'mutation Owner($id: ID!, $user: ID!) { changeOwner(pageId: $id, userId: $user) { ...PageFields } }',
        { id: page.id, user: w.users.member },
      );
      expect(after).toMatchObject({ state: 'ACTIVE', owner: { id: w.users.member } });
    });

    it('unlinking the errored location connection removes the locations that needed it', async () => {
      const { w, owner, page } = await allMembersPage();
      await w.fail(owner.zoom);
      await w.run('owner', 'mutation Unlink($id: ID!) { unlinkConnection(connectionId: $id) { id } }', {
        id: owner.zoom,
      });
      expect(await w.page('owner', page.id)).toMatchObject({ state: 'ACTIVE', locations: [], reasons: [] });
    });

    it('an INACTIVE page still carries its reasons and plan', async () => {
      const { w, member, page } = await allMembersPage();
      await w.fail(member.calendar);
      const off = await w.mutatePage(
        'owner',
        'mutation Off($id: ID!) { setBookingPageEnabled(pageId: $id, enabled: false) { ...PageFields } }',
        { id: page.id },
      );
      expect(off).toMatchObject({ state: 'INACTIVE', enabled: false, acceptingBookings: false });
      expect(off.reasons.map((reason) => reason.kind)).toEqual(['MEMBER_CALENDAR_ERROR']);
      expect(off.remediation).toHaveLength(1);
      const on = await w.mutatePage(
        'owner',
        'mutation On($id: ID!) { setBookingPageEnabled(pageId: $id, enabled: true) { ...PageFields } }',
        { id: page.id },
      );
      expect(on).toMatchObject({ state: 'DISABLED_CONNECTION_ERROR', enabled: true });
    });
  });

  describe('ANY_MEMBER', () => {
    async function roundRobinPage() {
      const w = await World.create(t(), ['a', 'b', 'c']);
      const c = {} as Record<'a' | 'b' | 'c', { calendar: string; zoom: string }>;
      for (const name of ['a', 'b', 'c'] as const) {
        c[name] = { calendar: await w.link(name, 'GOOGLE_CALENDAR'), zoom: await w.link(name, 'ZOOM') };
      }
      const page = await w.createPage('a', {
        title: 'Sales demo',
        mode: 'ANY_MEMBER',
        roundRobin: true,
        memberIds: [w.users.a, w.users.b, w.users.c],
        locations: [{ type: 'ZOOM' }],
      });
      expect(ids(page.eligibleHosts)).toEqual([w.users.a, w.users.b, w.users.c]);
      return { w, c, page };
    }

    it('only members whose calendar and location work are eligible hosts; the rest are warnings', async () => {
      const { w, c, page } = await roundRobinPage();
      await w.fail(c.b.calendar);
      await w.fail(c.c.zoom);
      const view = await w.page('a', page.id);
      expect(view).toMatchObject({ state: 'ACTIVE', acceptingBookings: true, reasons: [] });
      expect(ids(view.eligibleHosts)).toEqual([w.users.a]);
      expect(view.warnings).toEqual([
        {
          kind: 'HOSTS_UNAVAILABLE',
          users: [{ id: w.users.b }, { id: w.users.c }],
          memberCount: 3,
          message: '2 of 3 hosts unavailable',
        },
      ]);
    });

    it('NO_MEMBER_CALENDAR_AVAILABLE until any member reconnects a calendar', async () => {
      const { w, c, page } = await roundRobinPage();
      for (const name of ['a', 'b', 'c'] as const) await w.fail(c[name].calendar);
      const disabled = await w.page('a', page.id);
      expect(disabled).toMatchObject({ state: 'DISABLED_CONNECTION_ERROR', eligibleHosts: [] });
      expect(disabled.reasons.map((reason) => reason.kind)).toEqual(['NO_MEMBER_CALENDAR_AVAILABLE']);
      expect(disabled.remediation.map((step) => step.goal)).toEqual(['MAKE_SOME_MEMBER_ELIGIBLE']);
      expect(disabled.remediation[0]?.options.map((option) => option.host?.id).sort()).toEqual(
        [w.users.a, w.users.b, w.users.c].sort(),
      );
      await w.reconnect(c.b.calendar);
      const back = await w.page('a', page.id);
      expect(back.state).toBe('ACTIVE');
      expect(ids(back.eligibleHosts)).toEqual([w.users.b]);
    });

    it('NO_MEMBER_LOCATION_AVAILABLE until any member reconnects the location', async () => {
      const { w, c, page } = await roundRobinPage();
      for (const name of ['a', 'b', 'c'] as const) await w.fail(c[name].zoom);
      const disabled = await w.page('a', page.id);
      expect(disabled.state).toBe('DISABLED_CONNECTION_ERROR');
      expect(disabled.reasons.map((reason) => reason.kind)).toEqual(['NO_MEMBER_LOCATION_AVAILABLE']);
      await w.reconnect(c.c.zoom);
      const back = await w.page('a', page.id);
      expect(back.state).toBe('ACTIVE');
      expect(ids(back.eligibleHosts)).toEqual([w.users.c]);
    });

    it('NO_ELIGIBLE_HOST when the working calendars and locations belong to different members', async () => {
      const { w, c, page } = await roundRobinPage();
      await w.fail(c.a.calendar);
      await w.fail(c.b.zoom);
      await w.fail(c.c.calendar);
      const disabled = await w.page('a', page.id);
      expect(disabled.state).toBe('DISABLED_CONNECTION_ERROR');
      expect(disabled.reasons.map((reason) => reason.kind)).toEqual(['NO_ELIGIBLE_HOST']);
      await w.reconnect(c.b.zoom);
      const back = await w.page('a', page.id);
      expect(back.state).toBe('ACTIVE');
      expect(ids(back.eligibleHosts)).toEqual([w.users.b]);
    });
  });

  describe('the booking page list', () => {
    it('lists pages disabled by a connection error first, with stable cursors and the banner counts', async () => {
      const w = await World.create(t(), ['admin', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'], { admin: 'ADMIN' });
      const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] as const;
      const calendars: Record<string, string> = {};
      const pages: Record<string, string> = {};
      for (const [index, name] of people.entries()) {
        calendars[name] = await w.link(name, 'GOOGLE_CALENDAR');
        // Titles in reverse alphabetical order of people, so the list order is visibly not creation order.
        pages[name] = (await w.createPage(name, { title: `Page ${String.fromCharCode(70 - index)}` })).id;
      }
      for (const name of ['p2', 'p5'] as const) await w.fail(calendars[name] as string);

      const LIST = `query List($after: String, $state: BookingPageState) {
        bookingPages(first: 2, after: $after, state: $state) {
          totalCount
          edges { cursor node { id title state } }
          pageInfo { endCursor hasNextPage }
        }
      }`;
      type List = {
        bookingPages: {
          totalCount: number;
          edges: { cursor: string; node: { id: string; title: string; state: string } }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
      const seen: { id: string; title: string; state: string }[] = [];
      let after: string | null = null;
      for (let round = 0; round < 10; round++) {
        const data: List = await w.run<List>('admin', LIST, { after });
        expect(data.bookingPages.totalCount).toBe(6);
        seen.push(...data.bookingPages.edges.map((edge) => edge.node));
        expect(data.bookingPages.pageInfo.endCursor).toBe(data.bookingPages.edges.at(-1)?.cursor ?? null);
        if (!data.bookingPages.pageInfo.hasNextPage) break;
        after = data.bookingPages.pageInfo.endCursor;
        if (round === 0) {
          // A page moves between groups mid-pagination: the cursor stays valid and nothing repeats.
          await w.fail(calendars.p6 as string);
        }
      }
      expect(seen.slice(0, 2).map((page) => page.title)).toEqual(['Page B', 'Page E']);
      expect(seen.slice(0, 2).every((page) => page.state === 'DISABLED_CONNECTION_ERROR')).toBe(true);
      expect(new Set(seen.map((page) => page.id)).size).toBe(seen.length);
      const unchanged = people.filter((name) => name !== 'p6').map((name) => pages[name]);
      expect(seen.map((page) => page.id)).toEqual(expect.arrayContaining(unchanged));

      const fresh = await w.run<List>('admin', LIST, {});
      expect(fresh.bookingPages.edges.map((edge) => edge.node.title)).toEqual(['Page A', 'Page B']);
      const onlyDisabled = await w.run<List>('admin', LIST, { state: 'DISABLED_CONNECTION_ERROR' });
      expect(onlyDisabled.bookingPages.totalCount).toBe(3);

      const alerts = await w.run<{
        connectionAlerts: { erroredConnections: number; disabledBookingPages: number };
      }>('admin', '{ connectionAlerts { erroredConnections disabledBookingPages } }');
      expect(alerts.connectionAlerts).toEqual({ erroredConnections: 3, disabledBookingPages: 3 });
      const mine = await w.run<{
        connectionAlerts: { erroredConnections: number; disabledBookingPages: number };
      }>('p2', '{ connectionAlerts { erroredConnections disabledBookingPages } }');
      expect(mine.connectionAlerts).toEqual({ erroredConnections: 1, disabledBookingPages: 1 });
    });

    it('a member lists the pages they own or belong to', async () => {
      const w = await World.create(t(), ['owner', 'member', 'stranger']);
      const shared = await w.createPage('owner', {
        title: 'Shared',
        memberIds: [w.users.owner, w.users.member],
      });
      await w.createPage('owner', { title: 'Private' });
      const own = await w.createPage('member', { title: 'Own' });
      const data = await w.run<{ bookingPages: { edges: { node: { id: string } }[] } }>(
        'member',
        '{ bookingPages { edges { node { id } } } }',
      );
      expect(data.bookingPages.edges.map((edge) => edge.node.id).sort()).toEqual([own.id, shared.id].sort());
      const none = await w.run<{ bookingPages: { totalCount: number } }>(
        'stranger',
        '{ bookingPages { totalCount } }',
      );
      expect(none.bookingPages.totalCount).toBe(0);
    });
  });

  describe('integrations and connections', () => {
    it('implements the All / Connected / Not connected tabs with per-provider status', async () => {
      const w = await World.create(t(), ['user']);
      const work = await w.link('user', 'GOOGLE_CALENDAR', 'work');
      await w.link('user', 'GOOGLE_CALENDAR', 'room');
      await w.link('user', 'ZOOM');
      const teams = await w.link('user', 'MICROSOFT_TEAMS');
      await w.fail(work);
      await w.run('user', 'mutation U($id: ID!) { unlinkConnection(connectionId: $id) { id } }', {
        id: teams,
      });

      const INTEGRATIONS = `query I($tab: IntegrationTab) {
        integrations(tab: $tab) { provider kind status accounts { id accountEmail status } }
      }`;
      type Rows = {
        integrations: { provider: string; kind: string; status: string; accounts: { id: string }[] }[];
      };
      const all = (await w.run<Rows>('user', INTEGRATIONS, { tab: 'ALL' })).integrations;
      expect(
        all.map(({ provider, kind, status, accounts }) => [provider, kind, status, accounts.length]),
      ).toEqual([
        ['GOOGLE_CALENDAR', 'CALENDAR', 'ERROR', 2],
        ['MICROSOFT_CALENDAR', 'CALENDAR', 'DISCONNECTED', 0],
        ['EXCHANGE', 'CALENDAR', 'DISCONNECTED', 0],
        ['ZOOM', 'LOCATION', 'CONNECTED', 1],
        ['MICROSOFT_TEAMS', 'LOCATION', 'DISCONNECTED', 0],
      ]);
      const connected = (await w.run<Rows>('user', INTEGRATIONS, { tab: 'CONNECTED' })).integrations;
      expect(connected.map((row) => [row.provider, row.status])).toEqual([
        ['GOOGLE_CALENDAR', 'ERROR'],
        ['ZOOM', 'CONNECTED'],
      ]);
      const notConnected = (await w.run<Rows>('user', INTEGRATIONS, { tab: 'NOT_CONNECTED' })).integrations;
      expect(notConnected.map((row) => row.provider)).toEqual([
        'MICROSOFT_CALENDAR',
        'EXCHANGE',
        'MICROSOFT_TEAMS',
      ]);
    });

    it('describes the last provider error in the requested locale and lists the pages it affects', async () => {
      const w = await World.create(t(), ['user']);
      const calendar = await w.link('user', 'GOOGLE_CALENDAR');
      const page = await w.createPage('user', { title: 'Office hours' });
      await w.fail(calendar);
      type View = {
        connection: {
          status: string;
          health: string;
          statusChangedAt: string;
          user: { id: string };
          lastError: {
            code: string;
            action: string;
            connectionBroken: boolean;
            httpStatus: number | null;
            providerReason: string | null;
            occurredAt: string;
            en: string;
            ja: string;
            remediation: string;
          };
          affectedBookingPages: { id: string; state: string }[];
        };
      };
      const data = await w.run<View>(
        'user',
        `query C($id: ID!) { connection(id: $id) {
          status health statusChangedAt user { id }
          lastError { code action connectionBroken httpStatus providerReason occurredAt
            en: title(locale: EN) ja: title(locale: JA) remediation(locale: PL) }
          affectedBookingPages { id state }
        } }`,
        { id: calendar },
      );
      const { connection } = data;
      expect(connection).toMatchObject({ status: 'ERROR', user: { id: w.users.user } });
      expect(connection.lastError).toMatchObject({
        code: 'AUTH_REVOKED',
        action: 'REAUTHORIZE',
        connectionBroken: true,
        httpStatus: 400,
        providerReason: 'invalid_grant',
      });
      expect(new Date(connection.lastError.occurredAt).toISOString()).toBe(connection.lastError.occurredAt);
      expect(connection.lastError.en).not.toBe(connection.lastError.ja);
      expect(connection.lastError.ja.length).toBeGreaterThan(0);
      expect(connection.lastError.remediation.length).toBeGreaterThan(0);
      expect(connection.affectedBookingPages).toEqual([{ id: page.id, state: 'DISABLED_CONNECTION_ERROR' }]);
    });

    it('provider mutations answer PROVIDER_ERROR while no adapter is configured, and change nothing', async () => {
      const w = await World.create(t(), ['user']);
      const calendar = await w.link('user', 'GOOGLE_CALENDAR');
      const calls = [
        [
          'mutation { connectAccount(provider: ZOOM, redirectUri: "https://app.example/cb") { authorizationUrl } }',
          'ZOOM',
        ],
        [`mutation { startReconnect(connectionId: "${calendar}") { authorizationUrl } }`, 'GOOGLE_CALENDAR'],
        ['mutation { completeAuthorization(state: "s", code: "c") { id } }', null],
        [`mutation { checkConnection(connectionId: "${calendar}") { id } }`, 'GOOGLE_CALENDAR'],
      ] as const;
      for (const [mutation, provider] of calls) {
        const response = await w.request('user', mutation);
        expect(response.body.data).toBeNull();
        const [error] = response.body.errors ?? [];
        expect(error?.extensions?.code).toBe('PROVIDER_ERROR');
        expect(error?.message).toMatch(/No provider adapter is configured/);
        if (provider !== null) expect(error?.message).toContain(provider);
      }
      const view = await w.run<{ connection: { status: string } }>(
        'user',
        'query C($id: ID!) { connection(id: $id) { status } }',
        { id: calendar },
      );
      expect(view.connection.status).toBe('CONNECTED');
    });
  });
});
