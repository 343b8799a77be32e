// One scenario per rule of docs/DESIGN.md §2 (block "DESIGN §1.1": its §2.1; "DESIGN §2": its §2.2), named after it.
// Where a sentence is about another layer (database, subscriptions), the test checks what this engine gives it.
import { describe, expect, it } from 'vitest';
import {
  applyRemediation,
  type BookingPageEvaluation,
  type BookingPageInput,
  BookingRulesIndex,
  CALENDAR_PROVIDERS,
  type ConnectionInput,
  compareForBookingPageList,
  connectionKind,
  connectionStatusState,
  DEFAULT_HYSTERESIS_POLICY,
  describeWarning,
  evaluateBookingPage,
  integrationList,
  isCalendarUsable,
  isLocationUsable,
  LOCATION_PROVIDERS,
  LOCATION_REQUIRED_PROVIDER,
  type LocationType,
  nextConnectionStatus,
  type ProbeOutcome,
  pickRoundRobinHost,
  RECONNECT_SCOPE,
  type RemediationAction,
  type RemediationOption,
  removeLocationsForUnlinkedConnection,
  summarizeConnectionErrors,
} from './index.js';
import { bookingPage, checkPlanLaws, connection, location } from './testing/index.js';

const describeOption = (option: RemediationOption): string =>
  option.actions.map((a) => [a.kind, a.connectionId ?? a.userId].filter(Boolean).join(' ')).join(' + ');
const optionsOf = (evaluation: BookingPageEvaluation, step = 0): string[] =>
  (evaluation.plan[step]?.options ?? []).map(describeOption);
const kinds = (evaluation: BookingPageEvaluation) => evaluation.reasons.map((r) => r.kind);

function afterActions(
  page: BookingPageInput,
  connections: readonly ConnectionInput[],
  actions: readonly RemediationAction[],
): BookingPageEvaluation {
  const world = applyRemediation(page, connections, actions);
  return evaluateBookingPage(world.page, world.connections);
}

/** The one option of the plan whose description is `text`, as actions. */
function chosen(evaluation: BookingPageEvaluation, ...texts: string[]): RemediationAction[] {
  return texts.flatMap((text) => {
    const option = evaluation.plan.flatMap((s) => s.options).find((o) => describeOption(o) === text);
    if (option === undefined)
      throw new Error(`the plan has no option "${text}": ${JSON.stringify(evaluation.plan)}`);
    return option.actions;
  });
}

// A team of three: Aiko owns the pages, Marco and Ola are members.
const aikoGoogle = connection('aiko-google', 'aiko', 'GOOGLE_CALENDAR');
const aikoZoom = connection('aiko-zoom', 'aiko', 'ZOOM');
const marcoMicrosoft = connection('marco-ms', 'marco', 'MICROSOFT_CALENDAR');
const marcoZoom = connection('marco-zoom', 'marco', 'ZOOM');
const olaGoogle = connection('ola-google', 'ola', 'GOOGLE_CALENDAR');
const healthy = [aikoGoogle, aikoZoom, marcoMicrosoft, marcoZoom, olaGoogle];
const broken = (c: ConnectionInput): ConnectionInput => ({ ...c, status: 'ERROR' });
const unlinked = (c: ConnectionInput): ConnectionInput => ({ ...c, status: 'DISCONNECTED' });
const replace = (connections: readonly ConnectionInput[], ...changed: ConnectionInput[]) =>
  connections.map((c) => changed.find((x) => x.id === c.id) ?? c);

const team = ['aiko', 'marco', 'ola'];
const allMembersPage = bookingPage({ id: 'intro', memberIds: team, locations: [location('ZOOM')] });
const roundRobinPage = bookingPage({
  id: 'support',
  memberIds: team,
  mode: 'ANY_MEMBER',
  roundRobin: true,
  locations: [location('ZOOM')],
});

describe('DESIGN §1.1 Booking pages and connection errors', () => {
  it('A booking page is disabled, and stops accepting new bookings, when its connection-error conditions hold.', () => {
    const evaluation = evaluateBookingPage(allMembersPage, replace(healthy, broken(marcoMicrosoft)));
    expect(evaluation.state).toBe('DISABLED_CONNECTION_ERROR');
    expect(evaluation.acceptingBookings).toBe(false);
    expect(evaluation.eligibleHostIds).toEqual([]);
    expect(pickRoundRobinHost(evaluation)).toBeNull();
    expect(evaluateBookingPage(allMembersPage, healthy).acceptingBookings).toBe(true);
  });

  it('In the booking page list, pages disabled by a connection error are sorted first.', () => {
    const pages = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ ...allMembersPage, id }));
    const worlds: Record<string, { enabled: boolean; connections: ConnectionInput[] }> = {
      a: { enabled: true, connections: healthy },
      b: { enabled: false, connections: replace(healthy, broken(aikoZoom)) },
      c: { enabled: true, connections: replace(healthy, broken(marcoMicrosoft)) },
      d: { enabled: true, connections: healthy },
      e: { enabled: true, connections: replace(healthy, broken(aikoZoom)) },
    };
    const list = pages.map((p) =>
      evaluateBookingPage({ ...p, enabled: worlds[p.id]!.enabled }, worlds[p.id]!.connections),
    );
    expect([...list].sort(compareForBookingPageList).map((e) => e.pageId)).toEqual(['c', 'e', 'a', 'b', 'd']);
  });

  it('Default conditions (single member, or "all members must attend"): any member has a calendar connection error; or, when the page has locations, the owner\'s location has a connection error.', () => {
    const single = bookingPage({ id: 'solo', memberIds: ['marco'], mode: 'ANY_MEMBER' });
    const soloEvaluation = evaluateBookingPage(single, replace(healthy, broken(marcoMicrosoft)));
    expect(soloEvaluation).toMatchObject({ rule: 'ALL_MEMBERS', state: 'DISABLED_CONNECTION_ERROR' });
    expect(soloEvaluation.reasons).toEqual([
      { kind: 'MEMBER_CALENDAR_ERROR', userId: 'marco', connectionIds: ['marco-ms'] },
    ]);

    const ownerZoomBroken = replace(healthy, broken(aikoZoom));
    expect(evaluateBookingPage(allMembersPage, ownerZoomBroken).reasons).toEqual([
      { kind: 'OWNER_LOCATION_ERROR', userId: 'aiko', connectionIds: ['aiko-zoom'] },
    ]);
    // Without locations the owner's location integration does not matter.
    expect(evaluateBookingPage({ ...allMembersPage, locations: [] }, ownerZoomBroken).state).toBe('ACTIVE');
  });

  it('A banner at the top of the app and a button on the affected page both lead to the integrations list (the API must give what both need: counts, and per page the exact connections to fix).', () => {
    const connections = replace(healthy, broken(marcoMicrosoft), broken(aikoZoom));
    const evaluations = [
      evaluateBookingPage(allMembersPage, connections),
      evaluateBookingPage({ ...allMembersPage, id: 'no-locations', locations: [] }, connections),
      evaluateBookingPage(roundRobinPage, connections),
      evaluateBookingPage({ ...allMembersPage, id: 'off', enabled: false }, connections),
    ];
    // The round-robin page is down too: Aiko's Zoom, Marco's calendar, and Ola has no Zoom.
    expect(summarizeConnectionErrors(evaluations)).toEqual({
      disabledPageCount: 3,
      connectionIds: ['aiko-zoom', 'marco-ms'],
      pages: [
        { pageId: 'intro', connectionIds: ['aiko-zoom', 'marco-ms'] },
        { pageId: 'no-locations', connectionIds: ['marco-ms'] },
        { pageId: 'support', connectionIds: ['aiko-zoom', 'marco-ms'] },
      ],
    });
  });

  it('The integrations list has tabs All / Connected / Not connected.', () => {
    const mine = [aikoGoogle, unlinked(aikoZoom)];
    const providersIn = (tab: 'ALL' | 'CONNECTED' | 'NOT_CONNECTED') =>
      integrationList(mine, tab).map((row) => row.provider);
    expect(providersIn('ALL')).toEqual([
      'GOOGLE_CALENDAR',
      'MICROSOFT_CALENDAR',
      'EXCHANGE',
      'ZOOM',
      'MICROSOFT_TEAMS',
    ]);
    expect(providersIn('CONNECTED')).toEqual(['GOOGLE_CALENDAR']);
    expect(providersIn('NOT_CONNECTED')).toEqual([
      'MICROSOFT_CALENDAR',
      'EXCHANGE',
      'ZOOM',
      'MICROSOFT_TEAMS',
    ]);
  });

  it('An integration (Google, Zoom, Teams, Microsoft) in connection error appears under All and Connected, flagged "connection error".', () => {
    const errored = (['GOOGLE_CALENDAR', 'ZOOM', 'MICROSOFT_TEAMS', 'MICROSOFT_CALENDAR'] as const).map(
      (provider) => connection(`mine-${provider}`, 'aiko', provider, 'ERROR'),
    );
    for (const c of errored) {
      const inTab = (tab: 'ALL' | 'CONNECTED' | 'NOT_CONNECTED') =>
        integrationList(errored, tab).find((row) => row.provider === c.provider);
      expect(inTab('ALL')).toMatchObject({ state: 'CONNECTION_ERROR', errorConnectionIds: [c.id] });
      expect(inTab('CONNECTED')).toMatchObject({ state: 'CONNECTION_ERROR', tabs: ['ALL', 'CONNECTED'] });
      expect(inTab('NOT_CONNECTED')).toBeUndefined();
    }
  });

  it('When the error is resolved, disabled pages are re-enabled automatically and take bookings again.', () => {
    const index = new BookingRulesIndex({
      pages: [allMembersPage],
      connections: replace(healthy, broken(aikoZoom)),
    });
    expect(index.getEvaluation('intro')?.acceptingBookings).toBe(false);
    const changes = index.applyConnectionChange(aikoZoom);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      pageId: 'intro',
      before: { state: 'DISABLED_CONNECTION_ERROR' },
      after: { state: 'ACTIVE', acceptingBookings: true },
    });
  });

  it("The seed's own product needs minutes to update the list but resumes bookings at once; we do both at once.", () => {
    const index = new BookingRulesIndex({
      pages: [allMembersPage],
      connections: replace(healthy, broken(aikoZoom)),
    });
    const changes = index.applyConnectionChange(aikoZoom);
    // The same call gives what updates the list (the change) and what takes bookings (the stored evaluation).
    expect(changes[0]?.after).toBe(index.getEvaluation('intro'));
    expect(summarizeConnectionErrors(index.evaluations()).disabledPageCount).toBe(0);
  });

  it('Reconnect flows: Google and Microsoft per account ("calendar / resource accounts": a user may link several accounts); Zoom and Teams per user.', () => {
    const work = connection('ola-google-work', 'ola', 'GOOGLE_CALENDAR', 'ERROR');
    const evaluation = evaluateBookingPage(allMembersPage, [...healthy, work]);
    expect(evaluation.reasons).toEqual([
      { kind: 'MEMBER_CALENDAR_ERROR', userId: 'ola', connectionIds: [work.id] },
    ]);
    expect(evaluation.plan[0]?.options[0]?.actions).toEqual([
      { kind: 'RECONNECT', connectionId: work.id, userId: 'ola', provider: 'GOOGLE_CALENDAR' },
    ]);
    expect(RECONNECT_SCOPE).toEqual({
      GOOGLE_CALENDAR: 'ACCOUNT',
      MICROSOFT_CALENDAR: 'ACCOUNT',
      EXCHANGE: 'ACCOUNT',
      ZOOM: 'USER',
      MICROSOFT_TEAMS: 'USER',
    });
  });

  describe('All-members pages are re-enabled by any of:', () => {
    const bothBroken = replace(healthy, broken(marcoMicrosoft), broken(olaGoogle));

    it('connecting/reconnecting the calendars of all members;', () => {
      const evaluation = evaluateBookingPage(allMembersPage, bothBroken);
      expect(evaluation.plan.map((s) => s.connectionId)).toEqual(['marco-ms', 'ola-google']);
      const one = afterActions(allMembersPage, bothBroken, chosen(evaluation, 'RECONNECT marco-ms'));
      expect(one.state).toBe('DISABLED_CONNECTION_ERROR');
      const all = afterActions(
        allMembersPage,
        bothBroken,
        chosen(evaluation, 'RECONNECT marco-ms', 'RECONNECT ola-google'),
      );
      expect(all.state).toBe('ACTIVE');
    });

    it("reconnecting the owner's location integration (Zoom, Teams…);", () => {
      for (const [type, provider] of [
        ['ZOOM', 'ZOOM'],
        ['MICROSOFT_TEAMS', 'MICROSOFT_TEAMS'],
      ] as const) {
        const ownerLocation = connection(`aiko-${type}`, 'aiko', provider, 'ERROR');
        const page = { ...allMembersPage, locations: [location(type)] };
        const connections = [aikoGoogle, ownerLocation, marcoMicrosoft, olaGoogle];
        const evaluation = evaluateBookingPage(page, connections);
        expect(optionsOf(evaluation)).toContain(`RECONNECT ${ownerLocation.id}`);
        expect(
          afterActions(page, connections, chosen(evaluation, `RECONNECT ${ownerLocation.id}`)).state,
        ).toBe('ACTIVE');
      }
    });

    it('adding a valid location;', () => {
      const connections = replace(healthy, broken(aikoZoom));
      const evaluation = evaluateBookingPage(allMembersPage, connections);
      const fixed = applyRemediation(allMembersPage, connections, chosen(evaluation, 'ADD_VALID_LOCATION'));
      expect(fixed.page.locations.map((l) => l.type)).toEqual(['ZOOM', 'IN_PERSON']);
      expect(evaluateBookingPage(fixed.page, fixed.connections).state).toBe('ACTIVE');
    });

    it('removing all locations;', () => {
      const connections = replace(healthy, broken(aikoZoom));
      const evaluation = evaluateBookingPage(allMembersPage, connections);
      expect(
        afterActions(allMembersPage, connections, chosen(evaluation, 'REMOVE_ALL_LOCATIONS')).state,
      ).toBe('ACTIVE');
    });

    it('unlinking the integration that is in error;', () => {
      const evaluation = evaluateBookingPage(allMembersPage, bothBroken);
      const unlinkedBoth = afterActions(
        allMembersPage,
        bothBroken,
        chosen(evaluation, 'UNLINK marco-ms', 'UNLINK ola-google'),
      );
      expect(unlinkedBoth.state).toBe('ACTIVE');
      // The members now have no calendar at all: the page takes bookings, and says so.
      expect(unlinkedBoth.warnings).toEqual([
        { kind: 'MEMBERS_WITHOUT_CALENDAR', userIds: ['marco', 'ola'], memberCount: 3 },
      ]);

      // The owner's errored location integration: unlinking it removes the locations that depended on it.
      const zoomBroken = replace(healthy, broken(aikoZoom));
      const unlinkedZoom = applyRemediation(allMembersPage, zoomBroken, [
        { kind: 'UNLINK', connectionId: 'aiko-zoom' },
      ]);
      const removal = removeLocationsForUnlinkedConnection(
        aikoZoom,
        [unlinkedZoom.page],
        unlinkedZoom.connections,
      );
      expect(evaluateBookingPage(removal.pages[0]!, unlinkedZoom.connections).state).toBe('ACTIVE');
    });

    it('changing the owner (pages with locations).', () => {
      const connections = replace(healthy, broken(aikoZoom));
      const evaluation = evaluateBookingPage(allMembersPage, connections);
      // Marco has a working Zoom; Ola has none, so the owner cannot become Ola.
      expect(optionsOf(evaluation)).toEqual([
        'RECONNECT aiko-zoom',
        'ADD_VALID_LOCATION',
        'REMOVE_ALL_LOCATIONS',
        'CHANGE_OWNER marco',
      ]);
      const changed = applyRemediation(allMembersPage, connections, chosen(evaluation, 'CHANGE_OWNER marco'));
      expect(changed.page.ownerId).toBe('marco');
      expect(evaluateBookingPage(changed.page, changed.connections).state).toBe('ACTIVE');
    });
  });

  it('Round-robin pages ("any one member", automatic host assignment) are disabled only when no member\'s calendar can be used, or no member\'s location can be used.', () => {
    // Two of three members broken: still active.
    const twoBroken = replace(healthy, broken(marcoMicrosoft), broken(olaGoogle));
    expect(evaluateBookingPage(roundRobinPage, twoBroken)).toMatchObject({
      state: 'ACTIVE',
      eligibleHostIds: ['aiko'],
    });

    const noCalendar = replace(healthy, broken(aikoGoogle), broken(marcoMicrosoft), broken(olaGoogle));
    expect(kinds(evaluateBookingPage(roundRobinPage, noCalendar))).toEqual(['NO_MEMBER_CALENDAR_AVAILABLE']);

    const noLocation = replace(healthy, broken(aikoZoom), unlinked(marcoZoom));
    expect(kinds(evaluateBookingPage(roundRobinPage, noLocation))).toEqual(['NO_MEMBER_LOCATION_AVAILABLE']);
  });

  it("Reconnecting any member's calendar or location re-enables them.", () => {
    const calendars = [aikoGoogle, marcoMicrosoft, olaGoogle];
    const noCalendar = replace(healthy, ...calendars.map(broken));
    const page = { ...roundRobinPage, locations: [] };
    for (const c of calendars) {
      expect(afterActions(page, noCalendar, [{ kind: 'RECONNECT', connectionId: c.id }]).state).toBe(
        'ACTIVE',
      );
    }
    const zoomForAll = [...healthy, connection('ola-zoom', 'ola', 'ZOOM')];
    const zooms = zoomForAll.filter((c) => c.provider === 'ZOOM');
    const noLocation = replace(zoomForAll, ...zooms.map(broken));
    for (const c of zooms) {
      expect(
        afterActions(roundRobinPage, noLocation, [{ kind: 'RECONNECT', connectionId: c.id }]).state,
      ).toBe('ACTIVE');
    }
  });

  it('Only members whose calendar connection and location work are assigned as hosts.', () => {
    // Aiko: both work. Marco: calendar broken. Ola: no Zoom. Pia: both work.
    const connections = [...replace(healthy, broken(marcoMicrosoft)), ...pia];
    const page = { ...roundRobinPage, memberIds: [...team, 'pia'] };
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.eligibleHostIds).toEqual(['aiko', 'pia']);
    const assigned: string[] = [];
    for (let i = 0; i < 6; i++) assigned.push(pickRoundRobinHost(evaluation, assigned)!);
    expect(assigned).toEqual(['aiko', 'pia', 'aiko', 'pia', 'aiko', 'pia']);
  });
});

const pia = [connection('pia-exchange', 'pia', 'EXCHANGE'), connection('pia-zoom', 'pia', 'ZOOM')];

describe('DESIGN §2 Domain model and rules', () => {
  it('Connection: one linked account of one user with one provider.', () => {
    // Each reason names one user's one account; other users' connections are ignored.
    const stranger = connection('stranger-google', 'stranger', 'GOOGLE_CALENDAR', 'ERROR');
    const evaluation = evaluateBookingPage(allMembersPage, [
      ...replace(healthy, broken(olaGoogle)),
      stranger,
    ]);
    expect(evaluation.reasons).toEqual([
      { kind: 'MEMBER_CALENDAR_ERROR', userId: 'ola', connectionIds: ['ola-google'] },
    ]);
  });

  it('`kind` CALENDAR (GOOGLE_CALENDAR, MICROSOFT_CALENDAR, EXCHANGE) or LOCATION (ZOOM, MICROSOFT_TEAMS).', () => {
    expect(CALENDAR_PROVIDERS.map(connectionKind)).toEqual(['CALENDAR', 'CALENDAR', 'CALENDAR']);
    expect(LOCATION_PROVIDERS.map(connectionKind)).toEqual(['LOCATION', 'LOCATION']);
    const page = bookingPage({ memberIds: ['pia'] });
    expect(kinds(evaluateBookingPage(page, [{ ...pia[0]!, status: 'ERROR' }]))).toEqual([
      'MEMBER_CALENDAR_ERROR',
    ]);
    // A location connection in error is no calendar error.
    expect(evaluateBookingPage(page, [pia[0]!, { ...pia[1]!, status: 'ERROR' }]).state).toBe('ACTIVE');
  });

  it('Google Meet links are created through the Google Calendar API, so a GOOGLE_MEET location rides on a Google Calendar connection.', () => {
    expect(LOCATION_REQUIRED_PROVIDER.GOOGLE_MEET).toBe('GOOGLE_CALENDAR');
    const page = bookingPage({ memberIds: ['aiko'], locations: [location('GOOGLE_MEET')] });
    expect(evaluateBookingPage(page, [aikoGoogle]).usableLocationIds).toEqual(['google_meet']);
    const microsoftOnly = connection('aiko-ms', 'aiko', 'MICROSOFT_CALENDAR');
    expect(evaluateBookingPage(page, [microsoftOnly]).reasons).toEqual([
      { kind: 'OWNER_LOCATION_ERROR', userId: 'aiko', connectionIds: [] },
    ]);
  });

  it('`status`: CONNECTED (works), ERROR (a connection error: needs a person), DISCONNECTED (unlinked).', () => {
    const page = bookingPage({ memberIds: ['aiko'], locations: [location('ZOOM')] });
    expect(evaluateBookingPage(page, [aikoGoogle, aikoZoom]).state).toBe('ACTIVE');
    const errored = evaluateBookingPage(page, [aikoGoogle, broken(aikoZoom)]);
    expect(errored.reasons[0]?.connectionIds).toEqual(['aiko-zoom']);
    expect(optionsOf(errored)).toContain('RECONNECT aiko-zoom');
    // Unlinked: no longer works, and there is nothing to reconnect.
    const gone = evaluateBookingPage(page, [aikoGoogle, unlinked(aikoZoom)]);
    expect(gone.reasons).toEqual([{ kind: 'OWNER_LOCATION_ERROR', userId: 'aiko', connectionIds: [] }]);
    expect(optionsOf(gone)).toEqual(['ADD_VALID_LOCATION', 'REMOVE_ALL_LOCATIONS']);
  });

  it('`health` refines CONNECTED: HEALTHY, DEGRADED (recent transient failures; still counts as working), AT_RISK (works now but will break: secret or token near expiry, missing scope).', () => {
    const page = bookingPage({ memberIds: ['aiko'], locations: [location('ZOOM')] });
    for (const health of ['HEALTHY', 'DEGRADED', 'AT_RISK'] as const) {
      const evaluation = evaluateBookingPage(page, [
        { ...aikoGoogle, health },
        { ...aikoZoom, health },
      ]);
      expect(evaluation.state).toBe('ACTIVE');
    }
    const probe: ProbeOutcome = { ok: true, at: 0, atRisk: true };
    expect(nextConnectionStatus(connectionStatusState('CONNECTED'), probe)).toMatchObject({
      status: 'CONNECTED',
      health: 'AT_RISK',
    });
  });

  it('Hysteresis: a classified failure with `connectionBroken: true` (revoked grant, deleted account, missing scope, wrong secret…) moves the connection to ERROR at once.', () => {
    const next = nextConnectionStatus(connectionStatusState('CONNECTED'), {
      ok: false,
      at: 0,
      connectionBroken: true,
    });
    expect(next.status).toBe('ERROR');
  });

  it('Transient failures (429, 5xx, timeouts) never do by themselves; only a configurable run of them (default: 3 consecutive failed probes spanning ≥ 15 minutes) does.', () => {
    const minute = 60_000;
    const failAt = (at: number): ProbeOutcome => ({ ok: false, at, connectionBroken: false });
    const run = (times: number[], policy = DEFAULT_HYSTERESIS_POLICY) =>
      times.reduce(
        (state, at) => nextConnectionStatus(state, failAt(at), policy),
        connectionStatusState('CONNECTED'),
      );

    expect(run([0])).toMatchObject({ status: 'CONNECTED', health: 'DEGRADED' });
    expect(run([0, 5 * minute, 10 * minute]).status).toBe('CONNECTED'); // three, but only 10 minutes
    expect(run([0, 14 * minute, 15 * minute - 1]).status).toBe('CONNECTED');
    expect(run([0, 7 * minute, 15 * minute]).status).toBe('ERROR');
    expect(run([0, 20 * minute]).status).toBe('CONNECTED'); // long, but only two
    // Consecutive: a success in between starts the run again.
    const interrupted = [0, 7 * minute].reduce(
      (state, at) => nextConnectionStatus(state, failAt(at)),
      connectionStatusState('CONNECTED'),
    );
    const afterSuccess = nextConnectionStatus(interrupted, { ok: true, at: 8 * minute });
    expect(nextConnectionStatus(afterSuccess, failAt(16 * minute)).status).toBe('CONNECTED');
    // Configurable.
    expect(run([0, minute], { transientFailuresToError: 2, minimumSpanMs: minute }).status).toBe('ERROR');
  });

  it('One success returns it to CONNECTED.', () => {
    const errored = connectionStatusState('ERROR');
    expect(nextConnectionStatus(errored, { ok: true, at: 0 })).toEqual(connectionStatusState('CONNECTED'));
    // An unlinked account is not brought back by a probe: only its owner relinks it.
    expect(nextConnectionStatus(connectionStatusState('DISCONNECTED'), { ok: true, at: 0 }).status).toBe(
      'DISCONNECTED',
    );
  });

  it("Location: ZOOM and MICROSOFT_TEAMS need the host's connection of that provider, GOOGLE_MEET the host's Google Calendar connection; IN_PERSON, PHONE, CUSTOM_URL need none.", () => {
    const usableWith = (connections: ConnectionInput[]) =>
      (
        ['ZOOM', 'MICROSOFT_TEAMS', 'GOOGLE_MEET', 'IN_PERSON', 'PHONE', 'CUSTOM_URL'] as LocationType[]
      ).filter((t) => isLocationUsable(t, connections));
    expect(usableWith([])).toEqual(['IN_PERSON', 'PHONE', 'CUSTOM_URL']);
    expect(usableWith([aikoZoom])).toEqual(['ZOOM', 'IN_PERSON', 'PHONE', 'CUSTOM_URL']);
    expect(usableWith([connection('t', 'aiko', 'MICROSOFT_TEAMS')])).toEqual([
      'MICROSOFT_TEAMS',
      'IN_PERSON',
      'PHONE',
      'CUSTOM_URL',
    ]);
    expect(usableWith([aikoGoogle])).toEqual(['GOOGLE_MEET', 'IN_PERSON', 'PHONE', 'CUSTOM_URL']);
    expect(usableWith([connection('m', 'aiko', 'MICROSOFT_CALENDAR')])).toEqual([
      'IN_PERSON',
      'PHONE',
      'CUSTOM_URL',
    ]);
  });

  it('A location is *usable for user U* when it needs none or U has a CONNECTED connection for it.', () => {
    expect(isLocationUsable('ZOOM', [aikoZoom])).toBe(true);
    expect(isLocationUsable('ZOOM', [broken(aikoZoom)])).toBe(false);
    expect(isLocationUsable('ZOOM', [unlinked(aikoZoom)])).toBe(false);
    expect(isLocationUsable('ZOOM', [broken(aikoZoom), connection('aiko-zoom-2', 'aiko', 'ZOOM')])).toBe(
      true,
    );
    expect(isLocationUsable('PHONE', [])).toBe(true);
  });

  it('**Calendar-usable(U)**: U has at least one CONNECTED calendar connection and none in ERROR.', () => {
    expect(isCalendarUsable([])).toBe(false);
    expect(isCalendarUsable([aikoGoogle])).toBe(true);
    expect(isCalendarUsable([aikoGoogle, connection('x', 'aiko', 'EXCHANGE', 'ERROR')])).toBe(false);
    expect(isCalendarUsable([aikoGoogle, connection('x', 'aiko', 'EXCHANGE', 'DISCONNECTED')])).toBe(true);
    expect(isCalendarUsable([unlinked(aikoGoogle)])).toBe(false);
    expect(isCalendarUsable([aikoZoom])).toBe(false);
  });

  it('**ALL_MEMBERS pages** (also single-member pages) are disabled iff either holds:', () => {
    const single = bookingPage({ memberIds: ['ola'], mode: 'ANY_MEMBER', roundRobin: true });
    expect(evaluateBookingPage(single, [olaGoogle]).rule).toBe('ALL_MEMBERS');
    // Neither holds: active, even for a member with no calendar at all (only errors disable; a warning says so).
    const noCalendar = evaluateBookingPage(allMembersPage, [aikoGoogle, aikoZoom, marcoZoom]);
    expect(noCalendar.state).toBe('ACTIVE');
    expect(noCalendar.warnings).toEqual([
      { kind: 'MEMBERS_WITHOUT_CALENDAR', userIds: ['marco', 'ola'], memberCount: 3 },
    ]);
    expect(describeWarning(noCalendar.warnings[0]!)).toBe('2 of 3 members have no connected calendar');
  });

  it('1. some member has a calendar connection in ERROR — one reason per such connection; any one of *reconnect it* / *unlink it* clears that reason;', () => {
    const second = connection('marco-exchange', 'marco', 'EXCHANGE', 'ERROR');
    const connections = [...replace(healthy, broken(marcoMicrosoft)), second];
    const evaluation = evaluateBookingPage(allMembersPage, connections);
    expect(evaluation.reasons).toEqual([
      { kind: 'MEMBER_CALENDAR_ERROR', userId: 'marco', connectionIds: ['marco-exchange'] },
      { kind: 'MEMBER_CALENDAR_ERROR', userId: 'marco', connectionIds: ['marco-ms'] },
    ]);
    expect(evaluation.plan.map((_, step) => optionsOf(evaluation, step))).toEqual([
      // EXCHANGE has no per-user OAuth: its calendar comes back when an admin fixes the Interop settings.
      ['FIX_INTEROP_SETTINGS marco-exchange', 'UNLINK marco-exchange'],
      ['RECONNECT marco-ms', 'UNLINK marco-ms'],
    ]);
    for (const action of ['RECONNECT', 'UNLINK'] as const) {
      const after = afterActions(allMembersPage, connections, [{ kind: action, connectionId: 'marco-ms' }]);
      expect(after.reasons).toEqual([evaluation.reasons[0]]);
    }
    // The owner's calendar counts only when the owner is a member (DESIGN: "some member").
    const ownerOutside = { ...allMembersPage, memberIds: ['marco', 'ola'] };
    expect(evaluateBookingPage(ownerOutside, replace(healthy, broken(aikoGoogle))).state).toBe('ACTIVE');
  });

  it("2. the page has locations and none is usable for the owner — cleared by any one of: reconnect one of the owner's errored location connections, add a usable location, remove all locations, change the owner to a member for whom a location is usable.", () => {
    const page = { ...allMembersPage, locations: [location('ZOOM'), location('MICROSOFT_TEAMS')] };
    const aikoTeams = connection('aiko-teams', 'aiko', 'MICROSOFT_TEAMS', 'ERROR');
    const connections = [...replace(healthy, broken(aikoZoom)), aikoTeams];
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.reasons).toEqual([
      { kind: 'OWNER_LOCATION_ERROR', userId: 'aiko', connectionIds: ['aiko-teams', 'aiko-zoom'] },
    ]);
    const options = optionsOf(evaluation);
    expect(options).toEqual([
      'RECONNECT aiko-teams',
      'RECONNECT aiko-zoom',
      'ADD_VALID_LOCATION',
      'REMOVE_ALL_LOCATIONS',
      'CHANGE_OWNER marco',
    ]);
    for (const option of options)
      expect(afterActions(page, connections, chosen(evaluation, option)).state).toBe('ACTIVE');
    // One location usable is enough.
    expect(
      evaluateBookingPage(page, [...connections, connection('aiko-teams-ok', 'aiko', 'MICROSOFT_TEAMS')])
        .state,
    ).toBe('ACTIVE');
  });

  it("Unlinking a location connection removes the locations that depended on it from that owner's ALL_MEMBERS pages (recorded in the page history).", () => {
    const zoomAndPhone = { ...allMembersPage, locations: [location('ZOOM'), location('PHONE')] };
    const anyMember = { ...roundRobinPage, id: 'rr' };
    const marcosPage = { ...allMembersPage, id: 'marcos', ownerId: 'marco' };
    const after = replace(healthy, unlinked(aikoZoom));
    const removal = removeLocationsForUnlinkedConnection(
      aikoZoom,
      [zoomAndPhone, anyMember, marcosPage],
      after,
    );
    expect(removal.pages).toEqual([{ ...zoomAndPhone, locations: [location('PHONE')] }]);
    expect(removal.removed).toEqual([
      { pageId: 'intro', locationId: 'zoom', locationType: 'ZOOM', connectionId: 'aiko-zoom' },
    ]);
    // Google Meet rides on a Google account; another linked one (even in error) still serves it.
    const meetPage = { ...allMembersPage, locations: [location('GOOGLE_MEET')] };
    const second = connection('aiko-google-2', 'aiko', 'GOOGLE_CALENDAR', 'ERROR');
    expect(
      removeLocationsForUnlinkedConnection(aikoGoogle, [meetPage], [aikoGoogle, second]).removed,
    ).toEqual([]);
    expect(removeLocationsForUnlinkedConnection(aikoGoogle, [meetPage], [aikoGoogle]).removed).toHaveLength(
      1,
    );
  });

  it('**ANY_MEMBER pages** (round robin or not): a member is an *eligible host* iff calendar-usable and (the page has no locations or one is usable for them).', () => {
    const connections = [...replace(healthy, broken(marcoMicrosoft)), ...pia];
    for (const roundRobin of [true, false]) {
      const page = { ...roundRobinPage, roundRobin, memberIds: [...team, 'pia'] };
      expect(evaluateBookingPage(page, connections).eligibleHostIds).toEqual(['aiko', 'pia']);
      expect(evaluateBookingPage({ ...page, locations: [] }, connections).eligibleHostIds).toEqual([
        'aiko',
        'ola',
        'pia',
      ]);
      const zoomOrPhone = { ...page, locations: [location('ZOOM'), location('PHONE')] };
      expect(evaluateBookingPage(zoomOrPhone, connections).eligibleHostIds).toEqual(['aiko', 'ola', 'pia']);
    }
  });

  it('The page is disabled iff no member is eligible, with reason NO_MEMBER_CALENDAR_AVAILABLE, NO_MEMBER_LOCATION_AVAILABLE, or NO_ELIGIBLE_HOST (each half is met by some member, never by the same one).', () => {
    const page = { ...roundRobinPage, memberIds: ['marco', 'ola'] };
    // Marco: Zoom works, calendar broken. Ola: calendar works, no Zoom.
    const halves = evaluateBookingPage(page, [broken(marcoMicrosoft), marcoZoom, olaGoogle]);
    expect(halves.reasons).toEqual([{ kind: 'NO_ELIGIBLE_HOST', connectionIds: ['marco-ms'] }]);
    const neither = evaluateBookingPage(page, [broken(marcoMicrosoft), broken(marcoZoom), broken(olaGoogle)]);
    expect(neither.reasons).toEqual([
      { kind: 'NO_MEMBER_CALENDAR_AVAILABLE', connectionIds: ['marco-ms', 'ola-google'] },
      { kind: 'NO_MEMBER_LOCATION_AVAILABLE', connectionIds: ['marco-zoom'] },
    ]);
    expect(evaluateBookingPage(page, [marcoMicrosoft, marcoZoom, olaGoogle]).state).toBe('ACTIVE');
  });

  it('Round-robin assignment only ever picks eligible hosts.', () => {
    const connections = [...replace(healthy, broken(marcoMicrosoft)), ...pia];
    const evaluation = evaluateBookingPage({ ...roundRobinPage, memberIds: [...team, 'pia'] }, connections);
    expect(pickRoundRobinHost(evaluation, [])).toBe('aiko');
    expect(pickRoundRobinHost(evaluation, ['marco', 'aiko'])).toBe('pia');
    expect(pickRoundRobinHost(evaluation, ['pia', 'ola', 'aiko'])).toBe('pia');
    const disabled = evaluateBookingPage(
      roundRobinPage,
      replace(healthy, broken(aikoZoom), unlinked(marcoZoom)),
    );
    expect(pickRoundRobinHost(disabled, [])).toBeNull();
  });

  it('An active page with ineligible members carries warnings ("2 of 5 hosts unavailable").', () => {
    const members = [...team, 'pia', 'quinn'];
    // Marco's calendar is broken, Pia's Zoom too; Ola and Quinn host through Google Meet.
    const quinn = connection('quinn-g', 'quinn', 'GOOGLE_CALENDAR');
    const connections = [...replace(healthy, broken(marcoMicrosoft)), pia[0]!, broken(pia[1]!), quinn];
    const page = {
      ...roundRobinPage,
      memberIds: members,
      locations: [location('ZOOM'), location('GOOGLE_MEET')],
    };
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.state).toBe('ACTIVE');
    expect(evaluation.warnings).toEqual([
      { kind: 'HOSTS_UNAVAILABLE', userIds: ['marco', 'pia'], memberCount: 5 },
    ]);
    expect(describeWarning(evaluation.warnings[0]!)).toBe('2 of 5 hosts unavailable');
    expect(evaluateBookingPage({ ...page, memberIds: ['aiko', 'ola'] }, connections).warnings).toEqual([]);
  });

  it('**State**: INACTIVE (turned off by its owner) > DISABLED_CONNECTION_ERROR > ACTIVE.', () => {
    const errored = replace(healthy, broken(marcoMicrosoft));
    const off = { ...allMembersPage, enabled: false };
    expect(evaluateBookingPage(off, errored)).toMatchObject({ state: 'INACTIVE', acceptingBookings: false });
    expect(evaluateBookingPage(off, healthy)).toMatchObject({ state: 'INACTIVE', acceptingBookings: false });
    expect(evaluateBookingPage(allMembersPage, errored).state).toBe('DISABLED_CONNECTION_ERROR');
    expect(evaluateBookingPage(allMembersPage, healthy).state).toBe('ACTIVE');
  });

  it('Reasons and the remediation plan are computed even when INACTIVE.', () => {
    const errored = replace(healthy, broken(marcoMicrosoft), broken(aikoZoom));
    const on = evaluateBookingPage(allMembersPage, errored);
    const off = evaluateBookingPage({ ...allMembersPage, enabled: false }, errored);
    expect(off.reasons).toEqual(on.reasons);
    expect(off.plan).toEqual(on.plan);
    expect(off.reasons).toHaveLength(2);
  });

  it('The plan says exactly what re-enables the page: every **step** must be done; a step is done by any one of its **options**; an option is a short list of **actions** (RECONNECT a connection, UNLINK a connection, ADD_VALID_LOCATION, REMOVE_ALL_LOCATIONS, CHANGE_OWNER to a user), all of which are needed.', () => {
    // Every step: two reasons, two steps; one of them alone is not enough.
    const errored = replace(healthy, broken(marcoMicrosoft), broken(aikoZoom));
    const evaluation = evaluateBookingPage(allMembersPage, errored);
    expect(evaluation.plan).toHaveLength(2);
    expect(afterActions(allMembersPage, errored, chosen(evaluation, 'RECONNECT marco-ms')).state).not.toBe(
      'ACTIVE',
    );
    expect(
      afterActions(allMembersPage, errored, chosen(evaluation, 'RECONNECT marco-ms', 'REMOVE_ALL_LOCATIONS'))
        .state,
    ).toBe('ACTIVE');
    // All actions of an option: a lone host with two broken calendar accounts needs both reconnected.
    const twoAccounts = [broken(olaGoogle), connection('ola-google-2', 'ola', 'GOOGLE_CALENDAR', 'ERROR')];
    const page = { ...roundRobinPage, memberIds: ['ola', 'marco'], locations: [] };
    const anyMember = evaluateBookingPage(page, [...twoAccounts, broken(marcoMicrosoft)]);
    expect(optionsOf(anyMember)).toContain('RECONNECT ola-google + RECONNECT ola-google-2');
    const reconnectOne = [{ kind: 'RECONNECT', connectionId: 'ola-google' }] as const;
    expect(afterActions(page, [...twoAccounts, broken(marcoMicrosoft)], reconnectOne).state).not.toBe(
      'ACTIVE',
    );
  });

  it('Two laws hold and are tested: applying one option of every step makes the page ACTIVE (sufficient), and no action can be dropped from an option (minimal).', () => {
    // The hard case: the owner's broken Google account is both a calendar error and the only way to Google Meet,
    // so "unlink it" (calendar step) meets "reconnect it" (location step). Properties in laws.test.ts cover the rest.
    const page = { ...allMembersPage, locations: [location('GOOGLE_MEET')] };
    const connections = replace(healthy, broken(aikoGoogle), broken(marcoMicrosoft));
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.plan.map((_, step) => optionsOf(evaluation, step))).toEqual([
      ['RECONNECT aiko-google', 'UNLINK aiko-google'],
      ['RECONNECT marco-ms', 'UNLINK marco-ms'],
      ['RECONNECT aiko-google', 'ADD_VALID_LOCATION', 'REMOVE_ALL_LOCATIONS', 'CHANGE_OWNER ola'],
    ]);
    expect(checkPlanLaws(page, connections)).toEqual([]);
    expect(
      checkPlanLaws(
        roundRobinPage,
        replace(healthy, broken(aikoGoogle), broken(marcoMicrosoft), broken(olaGoogle)),
      ),
    ).toEqual([]);
  });

  it("ALL_MEMBERS pages get one step per reason, with one-action options (the seed's list).", () => {
    const errored = replace(healthy, broken(marcoMicrosoft), broken(olaGoogle), broken(aikoZoom));
    const evaluation = evaluateBookingPage(allMembersPage, errored);
    expect(evaluation.plan.map((s) => s.goal)).toEqual([
      'CLEAR_CALENDAR_ERROR',
      'CLEAR_CALENDAR_ERROR',
      'RESTORE_OWNER_LOCATION',
    ]);
    expect(evaluation.plan).toHaveLength(evaluation.reasons.length);
    for (const step of evaluation.plan)
      for (const option of step.options) expect(option.actions).toHaveLength(1);
  });

  it('ANY_MEMBER pages get one step, "make some member eligible", with one option per way of fixing one member.', () => {
    // Aiko: Google broken (Zoom fine). Marco: calendar broken and Zoom broken. Ola: calendar fine, no Zoom.
    const connections = replace(healthy, broken(aikoGoogle), broken(marcoMicrosoft), broken(marcoZoom));
    const evaluation = evaluateBookingPage(roundRobinPage, connections);
    expect(evaluation.reasons).toEqual([
      { kind: 'NO_ELIGIBLE_HOST', connectionIds: ['aiko-google', 'marco-ms', 'marco-zoom'] },
    ]);
    expect(evaluation.plan).toHaveLength(1);
    expect(evaluation.plan[0]?.goal).toBe('MAKE_SOME_MEMBER_ELIGIBLE');
    expect(evaluation.plan[0]?.options.map((o) => [o.hostId, describeOption(o)])).toEqual([
      ['aiko', 'RECONNECT aiko-google'],
      [undefined, 'ADD_VALID_LOCATION'], // Ola's calendar works: any valid location makes her eligible
      [undefined, 'REMOVE_ALL_LOCATIONS'],
      ['marco', 'RECONNECT marco-ms + RECONNECT marco-zoom'],
    ]);
  });

  it('**Consistency**: the page state changes in the same database transaction as the connection status that causes it; `acceptingBookings` is never stale.', () => {
    const index = new BookingRulesIndex({ pages: [allMembersPage, roundRobinPage], connections: healthy });
    // The call that records the connection change returns the page changes, for the caller's same transaction…
    const changes = index.applyConnectionChange(broken(aikoZoom));
    // (The round-robin page keeps taking bookings, with Marco as its only host: its evaluation changed too.)
    expect(changes.map((c) => [c.pageId, c.after?.acceptingBookings, c.after?.eligibleHostIds])).toEqual([
      ['intro', false, []],
      ['support', true, ['marco']],
    ]);
    // …and what bookings read is already current.
    expect(index.getEvaluation('intro')?.acceptingBookings).toBe(false);
    expect(index.getEvaluation('support')?.acceptingBookings).toBe(true);
    for (const evaluation of index.evaluations()) {
      expect(evaluation.acceptingBookings).toBe(evaluation.state === 'ACTIVE');
    }
  });

  it('Every change appends to an ordered event log (connection events, page state changes) that subscriptions deliver and that a consumer can replay from a cursor after a disconnect, so internal services lose nothing.', () => {
    const pages = ['c', 'a', 'b'].map((id) => ({ ...allMembersPage, id }));
    const index = new BookingRulesIndex({ pages, connections: healthy });
    const log: { pageId: string; after: BookingPageEvaluation | null }[] = [];
    const snapshot = new Map([...index.evaluations()].map((e) => [e.pageId, e] as const));
    const cursor = log.length;
    log.push(...index.applyConnectionChange(broken(aikoZoom)));
    log.push(...index.applyConnectionChange(broken(marcoMicrosoft)));
    log.push(...index.removePage('b'));
    log.push(...index.applyConnectionChange(aikoZoom));
    // Deterministic order within one change: by page id.
    expect(log.slice(0, 3).map((c) => c.pageId)).toEqual(['a', 'b', 'c']);
    // A consumer that replays from its cursor reaches exactly the index's state.
    for (const change of log.slice(cursor)) {
      if (change.after === null) snapshot.delete(change.pageId);
      else snapshot.set(change.pageId, change.after);
    }
    expect(snapshot).toEqual(new Map([...index.evaluations()].map((e) => [e.pageId, e] as const)));
  });
});
