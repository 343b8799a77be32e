import { describe, expect, it } from 'vitest';
import {
  type BookingPageEvaluation,
  decideAll,
  evaluateAll,
  evaluateBookingPage,
  type RemediationOption,
} from './index.js';
import { bookingPage, checkPlanLaws, connection, location } from './testing/index.js';

const describeOption = (option: RemediationOption): string =>
  option.actions.map((a) => [a.kind, a.connectionId ?? a.userId].filter(Boolean).join(' ')).join(' + ');
const optionsOf = (evaluation: BookingPageEvaluation): string[] =>
  (evaluation.plan[0]?.options ?? []).map(describeOption);

describe('evaluateBookingPage', () => {
  it('gives a healthy page an evaluation with empty reasons, plan and warnings, and every member as host', () => {
    const page = bookingPage({ memberIds: ['a', 'b'], locations: [location('ZOOM'), location('PHONE')] });
    const connections = [
      connection('a-g', 'a', 'GOOGLE_CALENDAR'),
      connection('b-g', 'b', 'GOOGLE_CALENDAR'),
    ];
    expect(evaluateBookingPage(page, connections)).toEqual({
      pageId: 'page',
      rule: 'ALL_MEMBERS',
      state: 'ACTIVE',
      acceptingBookings: true,
      reasons: [],
      plan: [],
      eligibleHostIds: ['a', 'b'],
      usableLocationIds: ['phone'],
      warnings: [],
    });
  });

  it('counts a repeated member once', () => {
    const page = bookingPage({ memberIds: ['a', 'b', 'a'], mode: 'ANY_MEMBER' });
    const connections = [
      connection('a-g', 'a', 'GOOGLE_CALENDAR'),
      connection('b-g', 'b', 'GOOGLE_CALENDAR', 'ERROR'),
    ];
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.eligibleHostIds).toEqual(['a']);
    expect(evaluation.warnings).toEqual([{ kind: 'HOSTS_UNAVAILABLE', userIds: ['b'], memberCount: 2 }]);
    const allMembers = evaluateBookingPage(
      { ...page, mode: 'ALL_MEMBERS', memberIds: ['b', 'a', 'b'] },
      connections,
    );
    expect(allMembers.reasons).toEqual([
      { kind: 'MEMBER_CALENDAR_ERROR', userId: 'b', connectionIds: ['b-g'] },
    ]);
    // Two ids that are the same member make a single-member page.
    expect(evaluateBookingPage({ ...page, memberIds: ['a', 'a'] }, connections).rule).toBe('ALL_MEMBERS');
  });

  it('orders reasons by page member order, then connection id, whatever the order of connections', () => {
    const page = bookingPage({ memberIds: ['z', 'a'] });
    const connections = [
      connection('a-2', 'a', 'EXCHANGE', 'ERROR'),
      connection('z-9', 'z', 'GOOGLE_CALENDAR', 'ERROR'),
      connection('a-1', 'a', 'GOOGLE_CALENDAR', 'ERROR'),
    ];
    const ids = (list: typeof connections) =>
      evaluateBookingPage(page, list).reasons.map((r) => r.connectionIds[0]);
    expect(ids(connections)).toEqual(['z-9', 'a-1', 'a-2']);
    expect(ids([...connections].reverse())).toEqual(['z-9', 'a-1', 'a-2']);
  });

  it('applies only the location rule to an owner who is not a member, and offers members as new owners', () => {
    const page = bookingPage({
      memberIds: ['a', 'b', 'c'],
      ownerId: 'boss',
      locations: [location('MICROSOFT_TEAMS')],
    });
    const connections = [
      connection('boss-g', 'boss', 'GOOGLE_CALENDAR', 'ERROR'),
      connection('boss-t', 'boss', 'MICROSOFT_TEAMS', 'ERROR'),
      connection('a-g', 'a', 'GOOGLE_CALENDAR'),
      connection('b-t', 'b', 'MICROSOFT_TEAMS'),
      connection('c-t', 'c', 'MICROSOFT_TEAMS', 'ERROR'),
    ];
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.reasons).toEqual([
      { kind: 'OWNER_LOCATION_ERROR', userId: 'boss', connectionIds: ['boss-t'] },
    ]);
    expect(optionsOf(evaluation)).toEqual([
      'RECONNECT boss-t',
      'ADD_VALID_LOCATION',
      'REMOVE_ALL_LOCATIONS',
      'CHANGE_OWNER b',
    ]);
    expect(checkPlanLaws(page, connections)).toEqual([]);
  });

  it('disables an owner without any connection for the page location, with no reconnect to offer', () => {
    const page = bookingPage({ memberIds: ['a', 'b'], locations: [location('ZOOM')] });
    const connections = [connection('a-g', 'a', 'GOOGLE_CALENDAR'), connection('b-z', 'b', 'ZOOM')];
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.reasons).toEqual([{ kind: 'OWNER_LOCATION_ERROR', userId: 'a', connectionIds: [] }]);
    expect(optionsOf(evaluation)).toEqual(['ADD_VALID_LOCATION', 'REMOVE_ALL_LOCATIONS', 'CHANGE_OWNER b']);
  });

  it('lists usable locations: for the owner (ALL_MEMBERS), for at least one eligible host (ANY_MEMBER)', () => {
    const locations = [location('ZOOM'), location('GOOGLE_MEET'), location('MICROSOFT_TEAMS')];
    const connections = [
      connection('a-g', 'a', 'GOOGLE_CALENDAR'),
      connection('b-m', 'b', 'MICROSOFT_CALENDAR'),
      connection('b-z', 'b', 'ZOOM'),
      connection('c-t', 'c', 'MICROSOFT_TEAMS'),
    ];
    const page = bookingPage({ memberIds: ['a', 'b', 'c'], locations });
    expect(evaluateBookingPage(page, connections).usableLocationIds).toEqual(['google_meet']);
    // c has no calendar, so c is no host and Teams is not usable.
    const anyMember = { ...page, mode: 'ANY_MEMBER' as const };
    expect(evaluateBookingPage(anyMember, connections).usableLocationIds).toEqual(['zoom', 'google_meet']);
  });

  it('treats a page without members: ALL_MEMBERS by its owner alone, ANY_MEMBER as having no host', () => {
    const owner = [connection('o-g', 'o', 'GOOGLE_CALENDAR')];
    expect(evaluateBookingPage(bookingPage({ memberIds: [], ownerId: 'o' }), owner).state).toBe('ACTIVE');
    const anyMember = evaluateBookingPage(
      bookingPage({ memberIds: [], ownerId: 'o', mode: 'ANY_MEMBER' }),
      owner,
    );
    expect(anyMember.reasons).toEqual([{ kind: 'NO_MEMBER_CALENDAR_AVAILABLE', connectionIds: [] }]);
    // Nothing in the plan's vocabulary adds a member: one step with no option says so.
    expect(anyMember.plan).toEqual([{ goal: 'MAKE_SOME_MEMBER_ELIGIBLE', options: [] }]);
  });
});

describe('ANY_MEMBER plans', () => {
  const page = bookingPage({ memberIds: ['a', 'b'], mode: 'ANY_MEMBER', roundRobin: true });

  it('offer reconnecting all broken calendars of a member, or unlinking them when another calendar works', () => {
    const connections = [
      connection('a-g', 'a', 'GOOGLE_CALENDAR'),
      connection('a-x', 'a', 'EXCHANGE', 'ERROR'),
      connection('a-m', 'a', 'MICROSOFT_CALENDAR', 'ERROR'),
    ];
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.reasons).toEqual([
      { kind: 'NO_MEMBER_CALENDAR_AVAILABLE', connectionIds: ['a-m', 'a-x'] },
    ]);
    expect(evaluation.plan[0]?.options).toEqual([
      {
        hostId: 'a',
        actions: [
          { kind: 'RECONNECT', connectionId: 'a-m', userId: 'a', provider: 'MICROSOFT_CALENDAR' },
          // EXCHANGE has no per-user OAuth: the admin fixes the organization's Interop settings.
          { kind: 'FIX_INTEROP_SETTINGS', connectionId: 'a-x', userId: 'a', provider: 'EXCHANGE' },
        ],
      },
      {
        hostId: 'a',
        actions: [
          { kind: 'UNLINK', connectionId: 'a-m', userId: 'a', provider: 'MICROSOFT_CALENDAR' },
          { kind: 'UNLINK', connectionId: 'a-x', userId: 'a', provider: 'EXCHANGE' },
        ],
      },
    ]);
    expect(checkPlanLaws(page, connections)).toEqual([]);
  });

  it('offer keeping one broken calendar and unlinking the others when none works', () => {
    const connections = [
      connection('a-1', 'a', 'GOOGLE_CALENDAR', 'ERROR'),
      connection('a-2', 'a', 'EXCHANGE', 'ERROR'),
    ];
    expect(optionsOf(evaluateBookingPage(page, connections))).toEqual([
      'RECONNECT a-1 + FIX_INTEROP_SETTINGS a-2',
      'RECONNECT a-1 + UNLINK a-2',
      'FIX_INTEROP_SETTINGS a-2 + UNLINK a-1',
    ]);
    expect(checkPlanLaws(page, connections)).toEqual([]);
  });

  it('let a reconnected Google account serve Google Meet too, without a second action', () => {
    const meet = { ...page, locations: [location('GOOGLE_MEET')] };
    const connections = [
      connection('a-g', 'a', 'GOOGLE_CALENDAR', 'ERROR'),
      connection('b-m', 'b', 'MICROSOFT_CALENDAR'),
    ];
    const evaluation = evaluateBookingPage(meet, connections);
    expect(evaluation.reasons).toEqual([{ kind: 'NO_MEMBER_LOCATION_AVAILABLE', connectionIds: ['a-g'] }]);
    expect(optionsOf(evaluation)).toEqual(['RECONNECT a-g', 'ADD_VALID_LOCATION', 'REMOVE_ALL_LOCATIONS']);
    expect(checkPlanLaws(meet, connections)).toEqual([]);
  });

  it('add a location change to a member option only when no member calendar works', () => {
    const zoom = { ...page, locations: [location('ZOOM')] };
    const connections = [
      connection('a-g', 'a', 'GOOGLE_CALENDAR', 'ERROR'),
      connection('b-m', 'b', 'MICROSOFT_CALENDAR', 'ERROR'),
    ];
    expect(optionsOf(evaluateBookingPage(zoom, connections))).toEqual([
      'RECONNECT a-g + ADD_VALID_LOCATION',
      'RECONNECT a-g + REMOVE_ALL_LOCATIONS',
      'RECONNECT b-m + ADD_VALID_LOCATION',
      'RECONNECT b-m + REMOVE_ALL_LOCATIONS',
    ]);
    expect(checkPlanLaws(zoom, connections)).toEqual([]);
  });

  it('offer nothing for a member with no calendar linked at all', () => {
    const connections = [
      connection('a-g', 'a', 'GOOGLE_CALENDAR', 'DISCONNECTED'),
      connection('b-m', 'b', 'ZOOM'),
    ];
    const evaluation = evaluateBookingPage(page, connections);
    expect(evaluation.reasons).toEqual([{ kind: 'NO_MEMBER_CALENDAR_AVAILABLE', connectionIds: [] }]);
    expect(evaluation.plan).toEqual([{ goal: 'MAKE_SOME_MEMBER_ELIGIBLE', options: [] }]);
  });
});

describe('evaluateAll', () => {
  it('returns one evaluation per page, in page order, equal to evaluating each', () => {
    const pages = [
      bookingPage({ id: 'p2', memberIds: ['a'] }),
      bookingPage({ id: 'p1', memberIds: ['b'], locations: [location('ZOOM')] }),
    ];
    const connections = [
      connection('a-g', 'a', 'GOOGLE_CALENDAR', 'ERROR'),
      connection('b-g', 'b', 'GOOGLE_CALENDAR'),
    ];
    expect(evaluateAll(pages, connections)).toEqual(pages.map((p) => evaluateBookingPage(p, connections)));
    expect(evaluateAll(pages, connections).map((e) => e.pageId)).toEqual(['p2', 'p1']);
  });
});

describe('decideAll', () => {
  const pages = [
    bookingPage({ id: 'healthy', memberIds: ['a', 'b'] }),
    bookingPage({ id: 'broken', memberIds: ['c'] }),
    bookingPage({ id: 'some-hosts', memberIds: ['a', 'c'], mode: 'ANY_MEMBER', roundRobin: true }),
    bookingPage({ id: 'off', memberIds: ['c'], enabled: false }),
  ];
  const connections = [
    connection('a-g', 'a', 'GOOGLE_CALENDAR'),
    connection('b-g', 'b', 'GOOGLE_CALENDAR'),
    connection('c-g', 'c', 'GOOGLE_CALENDAR', 'ERROR'),
  ];

  it('decides state, rule and hosts per page, and builds the full evaluation only when asked', () => {
    const decisions = decideAll(pages, connections);
    expect(pages.map((_, at) => decisions.state(at))).toEqual([
      'ACTIVE',
      'DISABLED_CONNECTION_ERROR',
      'ACTIVE',
      'INACTIVE',
    ]);
    expect(pages.map((_, at) => decisions.acceptingBookings(at))).toEqual([true, false, true, false]);
    expect(pages.map((_, at) => decisions.eligibleHostIds(at))).toEqual([['a', 'b'], [], ['a'], []]);
    expect(decisions.rule(2)).toBe('ANY_MEMBER');
    expect(decisions.evaluation(1)).toEqual(evaluateBookingPage(pages[1]!, connections));
    expect(decisions.evaluation(1).reasons).toEqual([
      { kind: 'MEMBER_CALENDAR_ERROR', userId: 'c', connectionIds: ['c-g'] },
    ]);
  });

  it('refuses a position outside the pages with a RangeError', () => {
    const decisions = decideAll(pages, connections);
    expect(() => decisions.state(4)).toThrow(RangeError);
    expect(() => decisions.evaluation(-1)).toThrow(RangeError);
    expect(() => decisions.eligibleHostIds(0.5)).toThrow(RangeError);
  });
});
