// The root-field wrapper: only Query and Mutation fields are wrapped (nested fields keep their own resolvers,
// so a list of thousands of fields pays nothing per field), and every call is timed once it settles, whether
// it answered, threw or rejected.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { instrumentRootResolvers } from './resolvers.js';

const typeDefs = /* GraphQL */ `
  type Query { item: Item, slow: Int, broken: Int, failing: Int }
  type Mutation { touch: Int }
  type Item { name: String }
`;

function schemaWith() {
  const schema = makeExecutableSchema({
    typeDefs,
    resolvers: {
      Query: {
        item: () => ({ name: 'one' }),
        slow: () => new Promise((resolve) => setTimeout(() => resolve(7), 20)),
        broken: () => {
          throw new Error('thrown');
        },
        failing: () => Promise.reject(new Error('rejected')),
      },
      Mutation: { touch: () => 1 },
      Item: { name: (item: { name: string }) => item.name },
    },
  });
  return { schema };
}

describe('instrumentRootResolvers', () => {
  it('wraps root fields only and times each call once it settles', async () => {
    const { schema } = schemaWith();
    const observed: [string, number][] = [];
    const item = schema.getType('Item') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
    const query = schema.getQueryType()!.getFields();
    const [nested, root] = [item.getFields().name?.resolve, query.item?.resolve];
    expect(nested).toBeTypeOf('function');
    instrumentRootResolvers(schema, { tracing: false, observe: (field, s) => observed.push([field, s]) });
    expect(item.getFields().name?.resolve).toBe(nested);
    expect(query.item?.resolve).not.toBe(root);

    const answer = await graphql({ schema, source: '{ item { name } slow broken failing }' });
    expect(answer.data).toEqual({ item: { name: 'one' }, slow: 7, broken: null, failing: null });
    expect(answer.errors?.map((error) => error.message).sort()).toEqual(['rejected', 'thrown']);
    expect(observed.map(([field]) => field).sort()).toEqual([
      'Query.broken',
      'Query.failing',
      'Query.item',
      'Query.slow',
    ]);
    const slow = observed.find(([field]) => field === 'Query.slow')?.[1] ?? 0;
    expect(slow).toBeGreaterThanOrEqual(0.015);

    await graphql({ schema, source: 'mutation { touch }' });
    expect(observed.at(-1)?.[0]).toBe('Mutation.touch');
  });

  it('answers the same with tracing on (spans are no-ops without an SDK)', async () => {
    const { schema } = schemaWith();
    const observed: string[] = [];
    instrumentRootResolvers(schema, { tracing: true, observe: (field) => observed.push(field) });
    const answer = await graphql({ schema, source: '{ item { name } slow }' });
    expect(answer).toEqual({ data: { item: { name: 'one' }, slow: 7 } });
    expect(observed.sort()).toEqual(['Query.item', 'Query.slow']);
  });
});
