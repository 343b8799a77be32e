import { describe, expect, it } from 'vitest';
import {
  applyRemediation,
  evaluateBookingPage,
  groupConnectionsByUser,
  removeLocationsForUnlinkedConnection,
} from './index.js';
import { bookingPage, connection, location } from './testing/index.js';

const page = bookingPage({ id: 'p', memberIds: ['a', 'b'], locations: [location('ZOOM')] });
const aGoogle = connection('a-g', 'a', 'GOOGLE_CALENDAR', 'ERROR');
const aZoom = connection('a-z', 'a', 'ZOOM', 'ERROR');
const bGoogle = connection('b-g', 'b', 'GOOGLE_CALENDAR');
const connections = [aGoogle, aZoom, bGoogle];

describe('applyRemediation', () => {
  it('reconnects (CONNECTED) and unlinks (DISCONNECTED), leaving other connections and the inputs untouched', () => {
    const world = applyRemediation(page, connections, [
      { kind: 'RECONNECT', connectionId: 'a-z' },
      { kind: 'UNLINK', connectionId: 'a-g' },
    ]);
    expect(world.connections.map((c) => c.status)).toEqual(['DISCONNECTED', 'CONNECTED', 'CONNECTED']);
    expect(world.connections[2]).toBe(bGoogle);
    expect(world.page).toBe(page);
    expect(connections.map((c) => c.status)).toEqual(['ERROR', 'ERROR', 'CONNECTED']);
  });

  it('lets RECONNECT win over UNLINK of the same connection, in any order (unlinked, then relinked)', () => {
    for (const kinds of [
      ['UNLINK', 'RECONNECT'],
      ['RECONNECT', 'UNLINK'],
    ] as const) {
      const world = applyRemediation(
        page,
        connections,
        kinds.map((kind) => ({ kind, connectionId: 'a-g' })),
      );
      expect(world.connections[0]?.status).toBe('CONNECTED');
    }
  });

  it('adds one IN_PERSON location with a fresh id, after removing all locations when both are asked', () => {
    const added = applyRemediation(page, [], [{ kind: 'ADD_VALID_LOCATION' }]);
    expect(added.page.locations).toEqual([location('ZOOM'), { id: 'p:in-person', type: 'IN_PERSON' }]);
    const again = applyRemediation(added.page, [], [{ kind: 'ADD_VALID_LOCATION' }]);
    expect(again.page.locations.map((l) => l.id)).toEqual(['zoom', 'p:in-person', 'p:in-person-2']);
    expect(applyRemediation(page, [], [{ kind: 'REMOVE_ALL_LOCATIONS' }]).page.locations).toEqual([]);
    const both = applyRemediation(
      page,
      [],
      [{ kind: 'ADD_VALID_LOCATION' }, { kind: 'REMOVE_ALL_LOCATIONS' }],
    );
    expect(both.page.locations).toEqual([{ id: 'p:in-person', type: 'IN_PERSON' }]);
  });

  it('changes the owner (the last CHANGE_OWNER wins)', () => {
    expect(applyRemediation(page, [], [{ kind: 'CHANGE_OWNER', userId: 'b' }]).page.ownerId).toBe('b');
    const twice = applyRemediation(
      page,
      [],
      [
        { kind: 'CHANGE_OWNER', userId: 'b' },
        { kind: 'CHANGE_OWNER', userId: 'a' },
      ],
    );
    expect(twice.page.ownerId).toBe('a');
  });

  it('throws on an action that cannot be applied: that is a bug in the caller', () => {
    expect(() => applyRemediation(page, connections, [{ kind: 'RECONNECT', connectionId: 'nope' }])).toThrow(
      RangeError,
    );
    expect(() => applyRemediation(page, connections, [{ kind: 'UNLINK' }])).toThrow(TypeError);
    expect(() => applyRemediation(page, connections, [{ kind: 'CHANGE_OWNER' }])).toThrow(TypeError);
  });

  it('re-enables the page with the first option of every step', () => {
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.plan).toHaveLength(2);
    const actions = evaluation.plan.flatMap((step) => step.options[0]?.actions ?? []);
    const world = applyRemediation(page, connections, actions);
    expect(evaluateBookingPage(world.page, world.connections).state).toBe('ACTIVE');
  });
});

describe('removeLocationsForUnlinkedConnection', () => {
  const teamsPage = bookingPage({
    id: 't',
    memberIds: ['a', 'b'],
    locations: [location('MICROSOFT_TEAMS'), location('ZOOM')],
  });
  const aTeams = connection('a-t', 'a', 'MICROSOFT_TEAMS', 'DISCONNECTED');

  it('removes only the locations of the unlinked provider, from pages owned by its user under ALL_MEMBERS rules', () => {
    const single = bookingPage({
      id: 's',
      memberIds: ['a'],
      mode: 'ANY_MEMBER',
      locations: [location('MICROSOFT_TEAMS')],
    });
    const shared = { ...teamsPage, id: 'shared', mode: 'ANY_MEMBER' as const };
    const removal = removeLocationsForUnlinkedConnection(aTeams, [teamsPage, single, shared], [aTeams]);
    expect(removal.pages.map((p) => [p.id, p.locations.map((l) => l.type)])).toEqual([
      ['t', ['ZOOM']],
      ['s', []],
    ]);
    expect(removal.removed.map((r) => `${r.pageId}/${r.locationId}`)).toEqual([
      't/microsoft_teams',
      's/microsoft_teams',
    ]);
  });

  it('removes nothing for a calendar provider that serves no location, or while another account is linked', () => {
    const microsoft = connection('a-m', 'a', 'MICROSOFT_CALENDAR', 'DISCONNECTED');
    expect(removeLocationsForUnlinkedConnection(microsoft, [teamsPage], [microsoft]).pages).toEqual([]);
    const otherTeams = connection('a-t2', 'a', 'MICROSOFT_TEAMS');
    const grouped = groupConnectionsByUser([aTeams, otherTeams]);
    expect(removeLocationsForUnlinkedConnection(aTeams, [teamsPage], grouped).removed).toEqual([]);
    const unlinkedToo = groupConnectionsByUser([aTeams, { ...otherTeams, status: 'DISCONNECTED' }]);
    expect(removeLocationsForUnlinkedConnection(aTeams, [teamsPage], unlinkedToo).removed).toHaveLength(1);
  });
});
