import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../env.js';
import { createSchema } from '../schema/index.js';
import { BATCHED_FIELDS } from './cost-weights.js';
import { checkQueryLimits, measureOperation } from './query-limits.js';

const schema = buildSchema(`
  type Query { items(first: Int = 20): ItemConnection! item: Item tags: [String!]! }
  type ItemConnection { edges: [ItemEdge!]! totalCount: Int! }
  type ItemEdge { node: Item! }
  type Item { id: ID! children: [Item!]! parent: Item }
`);

const measure = (query: string, variables: Record<string, unknown> = {}) =>
  measureOperation(schema, parse(query), undefined, variables, 5);

describe('query limits', () => {
  // Root fields: one round trip (10) each; objects 1 per instance, times the lists above; leaves free.
  it('counts objects per instance, multiplied by first or the default size, and root queries once', () => {
    expect(measure('{ item { id } }')).toEqual({ depth: 2, aliases: 0, cost: 10 + 1 });
    // items(first: 3): 3 × (ItemConnection's items 1 + edges 1 + node 1) — edges add no multiplier of their own.
    expect(measure('{ items(first: 3) { totalCount edges { node { id } } } }')?.cost).toBe(10 + 3 * 3);
    expect(measure('query Q($n: Int) { items(first: $n) { totalCount } }', { n: 7 })?.cost).toBe(10 + 7);
    expect(measure('{ items { totalCount } }')?.cost).toBe(10 + 20);
    // children has no `first`: the default multiplier.
    expect(measure('{ item { children { id } } }')?.cost).toBe(10 + 1 + 5);
  });

  it('follows fragments and counts aliases and depth', () => {
    const query = `
      query { a: item { ...F } b: item { parent { parent { id } } } }
      fragment F on Item { id inner: parent { id } }
    `;
    expect(measure(query)).toEqual({ depth: 4, aliases: 3, cost: 10 + 1 + 1 + (10 + 1 + 1 + 1) });
  });

  it('survives fragment cycles (validation reports them)', () => {
    const query =
      '{ item { ...A } } fragment A on Item { parent { ...B } } fragment B on Item { parent { ...A } }';
    expect(measure(query)?.depth).toBeGreaterThan(0);
  });

  it('reports each limit broken', () => {
    const deep = `{ item { ${'parent { '.repeat(20)}id${' }'.repeat(20)} } }`;
    const aliased = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: tags`).join(' ')} }`;
    const costly = '{ items(first: 10000) { edges { node { children { children { id } } } } } }';
    const limits = (query: string) =>
      checkQueryLimits(schema, parse(query), undefined, {}, DEFAULT_LIMITS).map(
        (error) => error.extensions.limit,
      );
    expect(limits(deep)).toEqual(['DEPTH']);
    expect(limits(aliased)).toEqual(['ALIASES']);
    expect(limits(costly)).toEqual(['COST']);
    expect(limits('{ items(first: 50) { edges { node { id } } } }')).toEqual([]);
  });
});

describe('cost weights', () => {
  it('name only fields the gateway’s schema has', () => {
    const schema = createSchema();
    for (const path of BATCHED_FIELDS) {
      const [typeName, fieldName] = path.split('.') as [string, string];
      const type = schema.getType(typeName) as { getFields?: () => Record<string, unknown> } | undefined;
      expect(type?.getFields?.()[fieldName], path).toBeDefined();
    }
  });
});
