import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeImpact, evaluateAll, ImpactAnalyzer, type ImpactChange, PROVIDERS } from './index.js';
import {
  applyImpactChange,
  bookingPage,
  connection,
  location,
  type World,
  worldArbitrary,
} from './testing/index.js';

function changeArbitrary(world: World): fc.Arbitrary<ImpactChange> {
  const status = fc.constantFrom('ERROR' as const, 'DISCONNECTED' as const);
  const ids = [...world.connections.map((c) => c.id), 'c-unknown'];
  const page = fc.constantFrom(...world.pages);
  const user = fc.constantFrom(...world.users);
  const withLocations = world.pages.filter((p) => p.locations.length > 0);
  const changes: fc.Arbitrary<ImpactChange>[] = [
    fc.record({
      kind: fc.constant('CONNECTIONS' as const),
      target: fc.oneof(
        fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 }).map((connectionIds) => ({ connectionIds })),
        user.map((userId) => ({ userId })),
        fc.constantFrom(...PROVIDERS).map((provider) => ({ provider })),
      ),
      status,
    }),
    fc.tuple(page, fc.nat()).map(([p, n]) => ({
      kind: 'REMOVE_MEMBER' as const,
      pageId: p.id,
      userId: p.memberIds[n % p.memberIds.length]!,
    })),
    fc.tuple(page, user).map(([p, userId]) => ({ kind: 'CHANGE_OWNER' as const, pageId: p.id, userId })),
  ];
  if (withLocations.length === 0) return fc.oneof(...changes);
  changes.push(
    fc.constantFrom(...withLocations).chain((p) =>
      fc.constantFrom(...p.locations).map((l) => ({
        kind: 'REMOVE_LOCATION' as const,
        pageId: p.id,
        locationId: l.id,
      })),
    ),
  );
  return fc.oneof(...changes);
}

describe('impact analysis', () => {
  it('equals evaluating the changed world from scratch, and lists every page whose evaluation changes', () => {
    fc.assert(
      fc.property(
        worldArbitrary({ maxUsers: 5, maxPages: 5 }).chain((world) =>
          fc.tuple(fc.constant(world), changeArbitrary(world)),
        ),
        ([world, change]) => {
          const result = analyzeImpact(world.pages, world.connections, change);
          const next = applyImpactChange(world, change);
          if (!result.ok) {
            // Only a page left with no member is refused.
            expect(result.error.code).toBe('LAST_MEMBER');
            expect(next.pages.some((p) => p.memberIds.length === 0)).toBe(true);
            return;
          }
          const before = evaluateAll(world.pages, world.connections);
          const after = evaluateAll(next.pages, next.connections);
          const reported = new Map(result.report.pages.map((p) => [p.pageId, p]));
          world.pages.forEach((page, at) => {
            const impact = reported.get(page.id);
            if (impact === undefined) {
              expect(after[at]).toEqual(before[at]);
              expect(next.pages[at]).toEqual(page);
              return;
            }
            expect(impact.before).toEqual(before[at]);
            expect(impact.after).toEqual(after[at]);
            expect(impact.removedLocationIds).toEqual(
              page.locations.filter((l) => !next.pages[at]!.locations.includes(l)).map((l) => l.id),
            );
            if (before[at]!.acceptingBookings && !after[at]!.acceptingBookings) {
              expect(impact.effect).toBe('DISABLED');
            }
            expect(impact.stayUpReason === null).toBe(!after[at]!.acceptingBookings);
          });
          const moved = next.connections.filter((c, i) => c.status !== world.connections[i]!.status);
          expect(result.report.connectionIds).toEqual(moved.map((c) => c.id).sort());
          // Nothing given was modified.
          expect(evaluateAll(world.pages, world.connections)).toEqual(before);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('answers repeated questions from one analyzer the same as one-shot ones', () => {
    fc.assert(
      fc.property(
        worldArbitrary({ maxUsers: 4, maxPages: 4 }).chain((world) =>
          fc.tuple(fc.constant(world), fc.array(changeArbitrary(world), { minLength: 2, maxLength: 5 })),
        ),
        ([world, changes]) => {
          const analyzer = new ImpactAnalyzer(world.pages, world.connections);
          for (const change of changes) {
            expect(analyzer.analyze(change)).toEqual(analyzeImpact(world.pages, world.connections, change));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  const hosts = ['a', 'b', 'c', 'd', 'e'];
  const calendars = hosts.map((h) => connection(`${h}-g`, h, 'GOOGLE_CALENDAR'));
  const zoom = connection('a-zoom', 'a', 'ZOOM');
  const roundRobin = bookingPage({ id: 'rr', memberIds: hosts, mode: 'ANY_MEMBER', roundRobin: true });
  const team = bookingPage({ id: 'team', memberIds: ['a', 'b'], locations: [location('ZOOM')] });
  const solo = bookingPage({ id: 'solo', memberIds: ['c'] });
  const pages = [roundRobin, team, solo];
  const connections = [...calendars, zoom];

  it("a user's failure disables their all-members pages and shrinks the round-robin pool", () => {
    const result = analyzeImpact(pages, connections, {
      kind: 'CONNECTIONS',
      target: { userId: 'a' },
      status: 'ERROR',
    });
    if (!result.ok) throw new Error(result.error.code);
    const { report } = result;
    expect(report.connectionIds).toEqual(['a-g', 'a-zoom']);
    expect(report.pages.map((p) => [p.pageId, p.effect])).toEqual([
      ['rr', 'HOSTS_REDUCED'],
      ['team', 'DISABLED'],
    ]);
    const pool = report.pages[0]!;
    expect([pool.hostsBefore, pool.hostsAfter, pool.lostHostIds, pool.stayUpReason]).toEqual([
      5,
      4,
      ['a'],
      'HOSTS_REMAIN',
    ]);
    expect(report.pages[1]!.after.reasons.map((r) => r.kind)).toEqual([
      'MEMBER_CALENDAR_ERROR',
      'OWNER_LOCATION_ERROR',
    ]);
    expect(report.counts).toMatchObject({ DISABLED: 1, HOSTS_REDUCED: 1, STAYS_UP: 0 });
  });

  it('says why a page stays up', () => {
    const unlinkZoom = analyzeImpact(pages, connections, {
      kind: 'CONNECTIONS',
      target: { connectionIds: ['a-zoom'] },
      status: 'DISCONNECTED',
    });
    if (!unlinkZoom.ok) throw new Error(unlinkZoom.error.code);
    // The unlink takes the Zoom location off the owner's all-members page: it needs no location then.
    const team = unlinkZoom.report.pages.find((p) => p.pageId === 'team')!;
    expect([team.effect, team.stayUpReason, team.removedLocationIds]).toEqual([
      'STAYS_UP',
      'NO_LOCATION_NEEDED',
      ['zoom'],
    ]);
    expect(unlinkZoom.report.pages.find((p) => p.pageId === 'rr')?.stayUpReason).toBe('HOSTS_REMAIN');

    const unlinkCalendar = analyzeImpact(pages, connections, {
      kind: 'CONNECTIONS',
      target: { connectionIds: ['c-g'] },
      status: 'DISCONNECTED',
    });
    if (!unlinkCalendar.ok) throw new Error(unlinkCalendar.error.code);
    expect(unlinkCalendar.report.pages.find((p) => p.pageId === 'solo')?.stayUpReason).toBe(
      'UNLINKED_CALENDAR_ONLY_WARNS',
    );

    const meet = bookingPage({
      id: 'meet',
      memberIds: ['b'],
      locations: [location('GOOGLE_MEET'), location('ZOOM')],
    });
    const other = analyzeImpact([meet], connections, {
      kind: 'REMOVE_LOCATION',
      pageId: 'meet',
      locationId: 'zoom',
    });
    if (!other.ok) throw new Error(other.error.code);
    expect(other.report.pages[0]).toMatchObject({
      effect: 'STAYS_UP',
      stayUpReason: 'LOCATION_STILL_USABLE',
    });
  });

  it('planned changes: a new owner with Zoom re-enables a page, removing the only eligible host disables one', () => {
    const broken = bookingPage({ id: 'zoom-page', memberIds: ['b', 'a'], locations: [location('ZOOM')] });
    const owner = analyzeImpact([broken], connections, {
      kind: 'CHANGE_OWNER',
      pageId: 'zoom-page',
      userId: 'a',
    });
    if (!owner.ok) throw new Error(owner.error.code);
    expect(owner.report.pages[0]).toMatchObject({ effect: 'ENABLED', stayUpReason: 'LOCATION_STILL_USABLE' });

    const pool = bookingPage({
      id: 'pool',
      memberIds: ['a', 'x', 'y'],
      mode: 'ANY_MEMBER',
      roundRobin: true,
    });
    const removal = analyzeImpact([pool], connections, {
      kind: 'REMOVE_MEMBER',
      pageId: 'pool',
      userId: 'a',
    });
    if (!removal.ok) throw new Error(removal.error.code);
    expect(removal.report.pages[0]).toMatchObject({ effect: 'DISABLED', hostsBefore: 1, hostsAfter: 0 });
  });

  it('refuses changes that name what the world does not have, as values', () => {
    const analyzer = new ImpactAnalyzer(pages, connections);
    expect(analyzer.analyze({ kind: 'REMOVE_MEMBER', pageId: 'nope', userId: 'a' })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_PAGE', pageId: 'nope' },
    });
    expect(analyzer.analyze({ kind: 'REMOVE_MEMBER', pageId: 'solo', userId: 'a' })).toMatchObject({
      error: { code: 'NOT_A_MEMBER' },
    });
    expect(analyzer.analyze({ kind: 'REMOVE_MEMBER', pageId: 'solo', userId: 'c' })).toMatchObject({
      error: { code: 'LAST_MEMBER' },
    });
    expect(analyzer.analyze({ kind: 'REMOVE_LOCATION', pageId: 'solo', locationId: 'zoom' })).toMatchObject({
      error: { code: 'UNKNOWN_LOCATION' },
    });
    // Unknown connections are no change at all.
    const none = analyzer.analyze({ kind: 'CONNECTIONS', target: { connectionIds: ['x'] }, status: 'ERROR' });
    expect(none).toMatchObject({ ok: true, report: { connectionIds: [], pages: [] } });
  });
});
