import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCATION_REQUIRED_PROVIDER } from '../index.js';
import { generateWorld, worldArbitrary, worldWithChangesArbitrary } from './index.js';

describe('generateWorld', () => {
  const world = generateWorld({ pages: 20_000, seed: 7 });

  it('is deterministic for a seed', () => {
    expect(generateWorld({ pages: 200, seed: 7 })).toEqual(generateWorld({ pages: 200, seed: 7 }));
    expect(generateWorld({ pages: 200, seed: 8 })).not.toEqual(generateWorld({ pages: 200, seed: 7 }));
  });

  it('shares one user per five pages, each with 1–3 uniquely named connections', () => {
    expect(world.users).toHaveLength(4_000);
    const perUser = new Map<string, number>();
    for (const c of world.connections) perUser.set(c.userId, (perUser.get(c.userId) ?? 0) + 1);
    expect(perUser.size).toBe(4_000);
    expect(Math.min(...perUser.values())).toBe(1);
    expect(Math.max(...perUser.values())).toBe(3);
    expect(new Set(world.connections.map((c) => c.id)).size).toBe(world.connections.length);
  });

  it('makes most connections CONNECTED and a few per cent ERROR', () => {
    const share = (status: string) =>
      world.connections.filter((c) => c.status === status).length / world.connections.length;
    expect(share('CONNECTED')).toBeGreaterThan(0.9);
    expect(share('ERROR')).toBeGreaterThan(0.01);
    expect(share('ERROR')).toBeLessThan(0.06);
  });

  it('gives pages 1–8 distinct members and 0–3 locations their owner had set up', () => {
    const providersOf = new Map<string, Set<string>>();
    for (const c of world.connections) {
      const set = providersOf.get(c.userId) ?? new Set<string>();
      set.add(c.provider);
      providersOf.set(c.userId, set);
    }
    const memberCounts = new Set<number>();
    const problems: string[] = [];
    for (const page of world.pages) {
      memberCounts.add(page.memberIds.length);
      if (new Set(page.memberIds).size !== page.memberIds.length)
        problems.push(`${page.id}: repeated member`);
      if (page.locations.length > 3) problems.push(`${page.id}: ${page.locations.length} locations`);
      for (const l of page.locations) {
        const needed = LOCATION_REQUIRED_PROVIDER[l.type];
        if (needed !== null && !providersOf.get(page.ownerId)?.has(needed))
          problems.push(`${page.id}: ${l.type}`);
      }
    }
    expect(problems).toEqual([]);
    expect([...memberCounts].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(world.pages.filter((p) => p.mode === 'ANY_MEMBER').length / world.pages.length).toBeCloseTo(
      0.4,
      1,
    );
  });
});

describe('world arbitraries', () => {
  it('draw consistent worlds: unique ids, members and owners among the users', () => {
    fc.assert(
      fc.property(worldWithChangesArbitrary(), ({ world, changes }) => {
        expect(new Set(world.connections.map((c) => c.id)).size).toBe(world.connections.length);
        expect(new Set(world.pages.map((p) => p.id)).size).toBe(world.pages.length);
        for (const page of world.pages) {
          expect(page.memberIds.length).toBeGreaterThan(0);
          for (const u of [...page.memberIds, page.ownerId]) expect(world.users).toContain(u);
          if (page.mode === 'ALL_MEMBERS') expect(page.roundRobin).toBe(false);
        }
        expect(changes.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
    expect(
      fc.sample(worldArbitrary({ modes: ['ANY_MEMBER'] }), 20).flatMap((w) => w.pages.map((p) => p.mode)),
    ).not.toContain('ALL_MEMBERS');
  });
});
