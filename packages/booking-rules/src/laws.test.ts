// Property tests: the engine's laws on random worlds (see src/testing for the arbitraries and the law checker).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BookingRulesIndex,
  type ConnectionInput,
  decideAll,
  evaluateAll,
  evaluateBookingPage,
  groupConnectionsByUser,
  type PageEvaluationChange,
  pickRoundRobinHost,
  removeLocationsForUnlinkedConnection,
} from './index.js';
import {
  applyWorldChange,
  checkPlanLaws,
  referenceEvaluate,
  type World,
  worldArbitrary,
  worldWithChangesArbitrary,
} from './testing/index.js';

const runs = (numRuns: number) => ({ numRuns });

describe('remediation plans', () => {
  it('are sufficient and minimal: one option of every step re-enables the page, and no action can be dropped', () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        for (const page of world.pages) expect(checkPlanLaws(page, world.connections)).toEqual([]);
      }),
      runs(400),
    );
  });

  it('are sufficient and minimal on ANY_MEMBER pages with more members (one step, options per member)', () => {
    const anyMember = worldArbitrary({ modes: ['ANY_MEMBER'], maxUsers: 6, maxMembers: 5, maxPages: 2 });
    fc.assert(
      fc.property(anyMember, (world) => {
        for (const page of world.pages) expect(checkPlanLaws(page, world.connections)).toEqual([]);
      }),
      runs(400),
    );
  });

  it('have one step per reason with one-action options (ALL_MEMBERS) or a single step (ANY_MEMBER)', () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        for (const evaluation of evaluateAll(world.pages, world.connections)) {
          if (evaluation.reasons.length === 0) continue;
          if (evaluation.rule === 'ALL_MEMBERS') {
            expect(evaluation.plan).toHaveLength(evaluation.reasons.length);
            for (const step of evaluation.plan)
              for (const o of step.options) expect(o.actions).toHaveLength(1);
          } else {
            expect(evaluation.plan).toHaveLength(1);
          }
        }
      }),
      runs(300),
    );
  });
});

describe('the lazy bulk path (decideAll)', () => {
  it('decides every page as the reference evaluator does, and materialises exactly what evaluateAll returns', () => {
    fc.assert(
      fc.property(worldArbitrary({ maxPages: 5, maxMembers: 4 }), fc.boolean(), (world, grouped) => {
        const source = grouped ? groupConnectionsByUser(world.connections) : world.connections;
        const decisions = decideAll(world.pages, source);
        const expected = evaluateAll(world.pages, world.connections);
        expect(decisions.length).toBe(world.pages.length);
        world.pages.forEach((page, at) => {
          const reference = referenceEvaluate(page, world.connections);
          expect({
            pageId: decisions.pageId(at),
            rule: decisions.rule(at),
            state: decisions.state(at),
            acceptingBookings: decisions.acceptingBookings(at),
            eligibleHostIds: decisions.eligibleHostIds(at),
          }).toEqual({
            pageId: page.id,
            rule: reference.rule,
            state: reference.state,
            acceptingBookings: reference.state === 'ACTIVE',
            eligibleHostIds: reference.eligibleHostIds,
          });
          const evaluation = decisions.evaluation(at);
          expect(evaluation).toEqual(expected[at]);
          expect({
            rule: evaluation.rule,
            state: evaluation.state,
            reasons: evaluation.reasons,
            eligibleHostIds: evaluation.eligibleHostIds,
            usableLocationIds: evaluation.usableLocationIds,
          }).toEqual(reference);
        });
        expect([...decisions.evaluations()]).toEqual(expected);
      }),
      runs(500),
    );
  });
});

describe('evaluation', () => {
  it('agrees with the plain reading of DESIGN §2 (the reference evaluator)', () => {
    fc.assert(
      fc.property(worldArbitrary({ maxPages: 4 }), (world) => {
        for (const page of world.pages) {
          const fast = evaluateBookingPage(page, world.connections);
          const reference = referenceEvaluate(page, world.connections);
          expect({
            rule: fast.rule,
            state: fast.state,
            reasons: fast.reasons,
            eligibleHostIds: fast.eligibleHostIds,
            usableLocationIds: fast.usableLocationIds,
          }).toEqual(reference);
        }
      }),
      runs(500),
    );
  });

  it('never disables an active page when a connection is reconnected (ERROR → CONNECTED)', () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        const before = evaluateAll(world.pages, world.connections);
        for (const errored of world.connections.filter((c) => c.status === 'ERROR')) {
          const connections = world.connections.map((c) =>
            c === errored ? { ...c, status: 'CONNECTED' as const } : c,
          );
          const after = evaluateAll(world.pages, connections);
          before.forEach((evaluation, i) => {
            if (evaluation.reasons.length === 0) expect(after[i]!.reasons).toEqual([]);
          });
        }
      }),
      runs(300),
    );
  });

  it('computes reasons, plan and hosts for INACTIVE pages exactly as for enabled ones', () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        for (const page of world.pages) {
          const on = evaluateBookingPage({ ...page, enabled: true }, world.connections);
          const off = evaluateBookingPage({ ...page, enabled: false }, world.connections);
          expect(off).toEqual({ ...on, state: 'INACTIVE', acceptingBookings: false });
        }
      }),
      runs(300),
    );
  });

  it('accepts bookings exactly when ACTIVE, and is INACTIVE exactly when turned off', () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        world.pages.forEach((page, i) => {
          const evaluation = evaluateAll(world.pages, world.connections)[i]!;
          expect(evaluation.acceptingBookings).toBe(evaluation.state === 'ACTIVE');
          expect(evaluation.state === 'INACTIVE').toBe(!page.enabled);
          if (page.enabled) expect(evaluation.state === 'ACTIVE').toBe(evaluation.reasons.length === 0);
        });
      }),
      runs(200),
    );
  });

  it('does not depend on the order of connections nor on how they are passed', () => {
    fc.assert(
      fc.property(
        worldArbitrary().chain((world) =>
          fc.tuple(
            fc.constant(world),
            fc.shuffledSubarray([...world.connections], { minLength: world.connections.length }),
          ),
        ),
        ([world, shuffled]) => {
          const expected = world.pages.map((p) => evaluateBookingPage(p, world.connections));
          expect(world.pages.map((p) => evaluateBookingPage(p, shuffled))).toEqual(expected);
          expect(world.pages.map((p) => evaluateBookingPage(p, groupConnectionsByUser(shuffled)))).toEqual(
            expected,
          );
          expect(evaluateAll(world.pages, shuffled)).toEqual(expected);
          expect(evaluateAll(world.pages, groupConnectionsByUser(world.connections))).toEqual(expected);
        },
      ),
      runs(200),
    );
  });

  it('never throws on input outside the types (unknown providers, statuses, location types)', () => {
    const text = fc.oneof(
      fc.constantFrom('ZOOM', 'GOOGLE_CALENDAR', 'ERROR', 'CONNECTED', 'IN_PERSON'),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ id: fc.string(), userId: fc.constantFrom('a', 'b', ''), provider: text, status: text }),
        ),
        fc.record({
          id: fc.string(),
          ownerId: fc.constantFrom('a', 'b', 'c'),
          memberIds: fc.array(fc.constantFrom('a', 'b', 'c', '')),
          mode: fc.constantFrom('ALL_MEMBERS', 'ANY_MEMBER'),
          roundRobin: fc.boolean(),
          enabled: fc.boolean(),
          locations: fc.array(fc.record({ id: fc.string(), type: text })),
        }),
        (connections, page) => {
          // biome-ignore lint/suspicious/noExplicitAny: deliberately outside the declared types
          const evaluation = evaluateBookingPage(page as any, connections as any);
          expect(evaluation.acceptingBookings).toBe(evaluation.state === 'ACTIVE');
          // biome-ignore lint/suspicious/noExplicitAny: deliberately outside the declared types
          const decisions = decideAll([page as any], connections as any);
          expect(decisions.state(0)).toBe(evaluation.state);
          expect(decisions.eligibleHostIds(0)).toEqual(evaluation.eligibleHostIds);
        },
      ),
      runs(300),
    );
  });

  it("never disables an ALL_MEMBERS page by removing the locations of its owner's unlinked connection", () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        for (const target of world.connections) {
          const connections = world.connections.map((c) =>
            c === target ? { ...c, status: 'DISCONNECTED' as const } : c,
          );
          const removal = removeLocationsForUnlinkedConnection(target, world.pages, connections);
          for (const updated of removal.pages) {
            const original = world.pages.find((p) => p.id === updated.id)!;
            const before = evaluateBookingPage(original, connections).reasons;
            const after = evaluateBookingPage(updated, connections).reasons;
            expect(after.filter((r) => !before.some((b) => JSON.stringify(b) === JSON.stringify(r)))).toEqual(
              [],
            );
          }
        }
      }),
      runs(300),
    );
  });
});

describe('round robin', () => {
  it('only ever picks eligible hosts of a page that accepts bookings', () => {
    fc.assert(
      fc.property(
        worldArbitrary(),
        fc.array(fc.constantFrom('u0', 'u1', 'u2', 'u3', 'u4', 'zz')),
        (world, history) => {
          for (const page of world.pages) {
            const evaluation = evaluateBookingPage(page, world.connections);
            const host = pickRoundRobinHost(evaluation, history);
            if (!evaluation.acceptingBookings || evaluation.eligibleHostIds.length === 0)
              expect(host).toBeNull();
            else expect(evaluation.eligibleHostIds).toContain(host);
            if (page.mode === 'ANY_MEMBER') {
              // Eligible means calendar-usable and a usable location, by the plain reading.
              expect(evaluation.eligibleHostIds).toEqual(
                referenceEvaluate(page, world.connections).eligibleHostIds,
              );
            }
          }
        },
      ),
      runs(300),
    );
  });

  it('rotates: over as many picks as there are eligible hosts, each is picked once', () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        for (const evaluation of evaluateAll(world.pages, world.connections)) {
          if (!evaluation.acceptingBookings) continue;
          const picks: string[] = [];
          for (const _ of evaluation.eligibleHostIds) picks.push(pickRoundRobinHost(evaluation, picks)!);
          expect([...picks].sort()).toEqual([...evaluation.eligibleHostIds].sort());
        }
      }),
      runs(200),
    );
  });
});

describe('BookingRulesIndex', () => {
  const snapshot = (index: BookingRulesIndex) =>
    new Map([...index.evaluations()].map((e) => [e.pageId, e] as const));

  it('always equals full evaluation, and reports exactly the pages whose evaluation changed', () => {
    fc.assert(
      fc.property(worldWithChangesArbitrary(), ({ world, changes }) => {
        const index = new BookingRulesIndex({ pages: world.pages, connections: world.connections });
        let truth: World = world;
        expectIndexEquals(index, truth);
        for (const change of changes) {
          const before = snapshot(index);
          let reported: readonly PageEvaluationChange[];
          switch (change.kind) {
            case 'UPSERT_CONNECTION':
              reported = index.applyConnectionChange(change.connection);
              break;
            case 'REMOVE_CONNECTION':
              reported = index.removeConnection(change.connectionId);
              break;
            case 'UPSERT_PAGE':
              reported = index.upsertPage(change.page);
              break;
            case 'REMOVE_PAGE':
              reported = index.removePage(change.pageId);
              break;
          }
          truth = applyWorldChange(truth, change);
          expectIndexEquals(index, truth);
          const after = snapshot(index);
          const changedIds = [...new Set([...before.keys(), ...after.keys()])]
            .filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)))
            .sort();
          expect(reported.map((c) => c.pageId)).toEqual(changedIds);
          for (const c of reported) {
            expect(c.before).toEqual(before.get(c.pageId) ?? null);
            expect(c.after).toEqual(after.get(c.pageId) ?? null);
          }
        }
      }),
      runs(300),
    );
  });

  function expectIndexEquals(index: BookingRulesIndex, truth: World) {
    const expected = evaluateAll(truth.pages, truth.connections);
    expect(index.pageCount).toBe(truth.pages.length);
    truth.pages.forEach((page, i) => {
      expect(index.getEvaluation(page.id)).toEqual(expected[i]);
    });
    const users = new Set(truth.users);
    for (const u of users) {
      const own: ConnectionInput[] = truth.connections.filter((c) => c.userId === u);
      expect([...index.connectionsOfUser(u)].sort(byId)).toEqual(own.sort(byId));
      const pagesOfUser = truth.pages
        .filter((p) => p.ownerId === u || p.memberIds.includes(u))
        .map((p) => p.id);
      expect(
        index
          .pagesOfUser(u)
          .map((p) => p.id)
          .sort(),
      ).toEqual(pagesOfUser.sort());
    }
  }
});

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
