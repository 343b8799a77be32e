// Impact analysis through GraphQL on both drivers: what a failure or a planned change would do, answered from
// the stored state without writing anything, for admins only, within their organization.
import { expect, it } from 'vitest';
import { snapshot } from '../../test/database.js';
import { codes, describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';

const REPORT = `connections { id }
  disabledPages enabledPages shrunkPools pagesStayingUp
  pages {
    bookingPage { id title }
    effect stateBefore stateAfter hostsBefore hostsAfter
    lostHosts { id } gainedHosts { id }
    stayUpReason removedLocationIds
    reasonsAfter { kind connections { id } }
    remediationAfter { goal options { actions { kind } } }
  }`;
const CONNECTION_IMPACT = `query Q($input: ConnectionImpactInput!) { connectionImpact(input: $input) { ${REPORT} } }`;
const PLANNED_IMPACT = `query Q($input: PlannedPageChangeInput!) { plannedChangeImpact(input: $input) { ${REPORT} } }`;

interface PageImpactView {
  bookingPage: { id: string; title: string };
  effect: string;
  stateBefore: string;
  stateAfter: string;
  hostsBefore: number;
  hostsAfter: number;
  lostHosts: { id: string }[];
  gainedHosts: { id: string }[];
  stayUpReason: string | null;
  removedLocationIds: string[];
  reasonsAfter: { kind: string; connections: { id: string }[] }[];
  remediationAfter: { goal: string }[];
}
interface ReportView {
  connections: { id: string }[];
  disabledPages: number;
  enabledPages: number;
  shrunkPools: number;
  pagesStayingUp: number;
  pages: PageImpactView[];
}

describeEachDriver('impact analysis through GraphQL (%s)', (driver) => {
  const t = useTestGateway(driver);

  /** A five-host round robin, an interview panel with a Zoom location, and one person's page. */
  async function organization() {
    const w = await World.create(t(), ['admin', 'a', 'b', 'c', 'd', 'e'], { admin: 'ADMIN' });
    const hosts = ['a', 'b', 'c', 'd', 'e'] as const;
    const calendars: Record<string, string> = {};
    for (const host of hosts) calendars[host] = await w.link(host, 'GOOGLE_CALENDAR');
    const zoom = await w.link('a', 'ZOOM');
    const pool = await w.createPage('admin', {
      title: 'Sales round robin',
      mode: 'ANY_MEMBER',
      roundRobin: true,
      ownerId: w.users.a,
      memberIds: hosts.map((h) => w.users[h]),
    });
    const panel = await w.createPage('admin', {
      title: 'Interview panel',
      mode: 'ALL_MEMBERS',
      ownerId: w.users.a,
      memberIds: [w.users.a, w.users.b],
      locations: [{ type: 'ZOOM' }],
    });
    const solo = await w.createPage('admin', {
      title: 'Office hours',
      ownerId: w.users.c,
      memberIds: [w.users.c],
    });
    return { w, calendars, zoom, pool, panel, solo };
  }

  const byTitle = (report: ReportView) =>
    Object.fromEntries(report.pages.map((p) => [p.bookingPage.title, p]));

  it("a user's failure: which pages stop, which pools shrink, which stay up and why — and nothing is written", async () => {
    const { w, calendars, zoom } = await organization();
    const before = await snapshot(t().handle);

    const { connectionImpact } = await w.run<{ connectionImpact: ReportView }>('admin', CONNECTION_IMPACT, {
      input: { userId: w.users.a, status: 'ERROR' },
    });
    expect(connectionImpact.connections.map((c) => c.id).sort()).toEqual([calendars.a, zoom].sort());
    const pages = byTitle(connectionImpact);
    expect(Object.keys(pages).sort()).toEqual(['Interview panel', 'Sales round robin']);
    expect(pages['Interview panel']).toMatchObject({
      effect: 'DISABLED',
      stateBefore: 'ACTIVE',
      stateAfter: 'DISABLED_CONNECTION_ERROR',
      stayUpReason: null,
      reasonsAfter: [
        { kind: 'MEMBER_CALENDAR_ERROR', connections: [{ id: calendars.a }] },
        { kind: 'OWNER_LOCATION_ERROR', connections: [{ id: zoom }] },
      ],
    });
    expect(pages['Interview panel']?.remediationAfter.map((s) => s.goal)).toEqual([
      'CLEAR_CALENDAR_ERROR',
      'RESTORE_OWNER_LOCATION',
    ]);
    expect(pages['Sales round robin']).toMatchObject({
      effect: 'HOSTS_REDUCED',
      hostsBefore: 5,
      hostsAfter: 4,
      lostHosts: [{ id: w.users.a }],
      stayUpReason: 'HOSTS_REMAIN',
    });
    expect(connectionImpact).toMatchObject({ disabledPages: 1, shrunkPools: 1, pagesStayingUp: 1 });

    // The whole provider failing for the organization: every page stops.
    const google = await w.run<{ connectionImpact: ReportView }>('admin', CONNECTION_IMPACT, {
      input: { provider: 'GOOGLE_CALENDAR', status: 'ERROR' },
    });
    expect(google.connectionImpact.disabledPages).toBe(3);
    expect(byTitle(google.connectionImpact)['Sales round robin']).toMatchObject({ hostsAfter: 0 });

    // An unlinked Zoom account takes the location off the panel, which then needs none.
    const unlink = await w.run<{ connectionImpact: ReportView }>('admin', CONNECTION_IMPACT, {
      input: { connectionIds: [zoom], status: 'DISCONNECTED' },
    });
    expect(byTitle(unlink.connectionImpact)['Interview panel']).toMatchObject({
      effect: 'STAYS_UP',
      stayUpReason: 'NO_LOCATION_NEEDED',
    });
    expect(byTitle(unlink.connectionImpact)['Interview panel']?.removedLocationIds).toHaveLength(1);

    expect(await snapshot(t().handle)).toEqual(before);
  });

  it('planned changes: removing a member, changing the owner, removing a location', async () => {
    const { w, calendars, pool, panel, solo } = await organization();
    await w.fail(calendars.b!);
    const before = await snapshot(t().handle);

    const removal = await w.run<{ plannedChangeImpact: ReportView }>('admin', PLANNED_IMPACT, {
      input: { kind: 'REMOVE_MEMBER', pageId: panel.id, userId: w.users.b },
    });
    // b's calendar error is what stops the panel: without b it takes bookings again.
    expect(removal.plannedChangeImpact.pages).toEqual([
      expect.objectContaining({ effect: 'ENABLED', stateAfter: 'ACTIVE', stayUpReason: 'NOT_RELIED_ON' }),
    ]);

    const owner = await w.run<{ plannedChangeImpact: ReportView }>('admin', PLANNED_IMPACT, {
      input: { kind: 'CHANGE_OWNER', pageId: solo.id, userId: w.users.d },
    });
    expect(owner.plannedChangeImpact.pages[0]).toMatchObject({
      effect: 'STAYS_UP',
      hostsAfter: 2,
      gainedHosts: [{ id: w.users.d }],
    });

    const [zoomLocation] = panel.locations;
    const location = await w.run<{ plannedChangeImpact: ReportView }>('admin', PLANNED_IMPACT, {
      input: { kind: 'REMOVE_LOCATION', pageId: panel.id, locationId: zoomLocation?.id },
    });
    expect(location.plannedChangeImpact.pages[0]?.removedLocationIds).toEqual([zoomLocation?.id]);

    // A change the page cannot take is the caller's mistake; nothing is written either way.
    const last = await w.request('admin', PLANNED_IMPACT, {
      input: { kind: 'REMOVE_MEMBER', pageId: solo.id, userId: w.users.c },
    });
    expect(codes(last)).toEqual(['BAD_USER_INPUT']);
    const stranger = await w.request('admin', PLANNED_IMPACT, {
      input: { kind: 'REMOVE_MEMBER', pageId: pool.id, userId: w.users.admin },
    });
    expect(codes(stranger)).toEqual(['BAD_USER_INPUT']);
    const noUser = await w.request('admin', PLANNED_IMPACT, {
      input: { kind: 'CHANGE_OWNER', pageId: pool.id },
    });
    expect(codes(noUser)).toEqual(['BAD_USER_INPUT']);
    const twoTargets = await w.request('admin', CONNECTION_IMPACT, {
      input: { userId: w.users.a, provider: 'ZOOM', status: 'ERROR' },
    });
    expect(codes(twoTargets)).toEqual(['BAD_USER_INPUT']);

    expect(await snapshot(t().handle)).toEqual(before);
  });

  it('is for admins, and sees only their organization', async () => {
    const { w, calendars, pool } = await organization();
    const other = await organizationElsewhere();

    const member = await w.request('a', CONNECTION_IMPACT, { input: { userId: w.users.a, status: 'ERROR' } });
    expect(codes(member)).toEqual(['FORBIDDEN']);
    const memberPlanned = await w.request('a', PLANNED_IMPACT, {
      input: { kind: 'REMOVE_MEMBER', pageId: pool.id, userId: w.users.a },
    });
    expect(codes(memberPlanned)).toEqual(['FORBIDDEN']);

    // Another organization's connection, user and page are unknown here.
    for (const input of [
      { connectionIds: [calendars.a, other.calendar], status: 'ERROR' },
      { userId: other.w.users.x, status: 'DISCONNECTED' },
    ]) {
      expect(codes(await w.request('admin', CONNECTION_IMPACT, { input }))).toEqual(['NOT_FOUND']);
    }
    const foreignPage = await w.request('admin', PLANNED_IMPACT, {
      input: { kind: 'REMOVE_MEMBER', pageId: other.page, userId: other.w.users.x },
    });
    expect(codes(foreignPage)).toEqual(['NOT_FOUND']);

    // A provider failing in this organization says nothing of the other's pages.
    const zoom = await w.run<{ connectionImpact: ReportView }>('admin', CONNECTION_IMPACT, {
      input: { provider: 'GOOGLE_CALENDAR', status: 'ERROR' },
    });
    expect(zoom.connectionImpact.pages.map((p) => p.bookingPage.id)).not.toContain(other.page);
    expect(zoom.connectionImpact.connections.map((c) => c.id)).not.toContain(other.calendar);
  });

  async function organizationElsewhere() {
    const w = await World.create(t(), ['x'], { x: 'ADMIN' });
    const calendar = await w.link('x', 'GOOGLE_CALENDAR');
    const page = await w.createPage('x', { title: 'Elsewhere', memberIds: [w.users.x] });
    return { w, calendar, page: page.id };
  }
});
