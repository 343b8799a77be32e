// The shared execution of subscription payloads on a schema of its own: one execution per event, operation,
// scope and role, whoever else asks; a person's id never reaches a shared execution; source errors and the
// end of a subscription pass through.

import { makeExecutableSchema } from '@graphql-tools/schema';
import { type ExecutionResult, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.js';
import { createSharedSubscribe } from './shared-execution.js';

interface Tick {
  readonly n: number;
}

function world(ticks: readonly Tick[]) {
  let executions = 0;
  let closed = 0;
  const schema = makeExecutableSchema({
    typeDefs: `
      type Query { ok: Boolean }
      type Tick { n: Int!  executions: Int!  asker: String!  scope: String! }
      type Subscription { ticks(fail: Boolean): Tick! }
    `,
    resolvers: {
      Subscription: {
        ticks: {
          subscribe: (_parent: unknown, args: { fail?: boolean }) => {
            if (args.fail) throw new GraphQLError('refused', { extensions: { code: 'FORBIDDEN' } });
            return (async function* () {
              try {
                for (const tick of ticks) yield tick;
              } finally {
                closed++;
              }
            })();
          },
          resolve: (tick: Tick) => tick,
        },
      },
      Tick: {
        executions: () => ++executions,
        asker: (_tick: Tick, _args: unknown, context: GatewayContext) => context.viewer.userId,
        scope: (_tick: Tick, _args: unknown, context: GatewayContext) =>
          `${context.scope.organizationId}/${context.scope.viewerId ?? '*'}`,
      },
    },
  });
  return { schema, closed: () => closed };
}

function viewer(userId: string, role: 'ADMIN' | 'MEMBER' | 'SERVICE', organizationId = 'org_a') {
  const person = { userId, organizationId, role };
  return {
    claims: person,
    viewer: person,
    scope: role === 'MEMBER' ? { organizationId, viewerId: userId } : { organizationId },
    // Loaders are made on first use; these resolvers never use them.
    services: { reads: {} },
  } as unknown as GatewayContext;
}

const QUERY = 'subscription { ticks { n executions asker scope } }';

async function collect(
  subscribe: ReturnType<typeof createSharedSubscribe>,
  schema: ReturnType<typeof world>['schema'],
  contextValue: GatewayContext,
  query = QUERY,
  variableValues: Record<string, unknown> = {},
): Promise<ExecutionResult[]> {
  const stream = await subscribe({ schema, document: parse(query), contextValue, variableValues });
  if (!(Symbol.asyncIterator in stream)) return [stream];
  const results: ExecutionResult[] = [];
  for await (const result of stream) results.push(result);
  return results;
}

describe('shared subscription execution', () => {
  it('runs once per event for subscribers of one scope and role, and withholds who they are', async () => {
    const ticks = [{ n: 1 }, { n: 2 }];
    const { schema } = world(ticks);
    const subscribe = createSharedSubscribe();
    const [first, second] = await Promise.all([
      collect(subscribe, schema, viewer('usr_ann', 'ADMIN')),
      collect(subscribe, schema, viewer('usr_bob', 'ADMIN')),
    ]);
    expect(first?.map((result) => result.data)).toEqual([
      { ticks: { n: 1, executions: 1, asker: '', scope: 'org_a/*' } },
      { ticks: { n: 2, executions: 2, asker: '', scope: 'org_a/*' } },
    ]);
    // The same results, not executions of their own.
    expect(second).toEqual(first);
    expect(second?.[0]).toBe(first?.[0]);
  });

  it('keeps apart what could differ: scope, role, organization, operation and variables', async () => {
    const ticks = [{ n: 1 }];
    const { schema } = world(ticks);
    const subscribe = createSharedSubscribe();
    const results = await Promise.all([
      collect(subscribe, schema, viewer('usr_ann', 'ADMIN')),
      collect(subscribe, schema, viewer('usr_cat', 'MEMBER')),
      collect(subscribe, schema, viewer('usr_dan', 'MEMBER')),
      collect(subscribe, schema, viewer('svc', 'SERVICE')),
      collect(subscribe, schema, viewer('usr_eve', 'ADMIN', 'org_b')),
      collect(subscribe, schema, viewer('usr_fay', 'ADMIN'), 'subscription { ticks { n executions } }'),
      collect(
        subscribe,
        schema,
        viewer('usr_gus', 'ADMIN'),
        'subscription S($f: Boolean) { ticks(fail: $f) { n executions asker scope } }',
        { f: false },
      ),
    ]);
    const data = results.map((stream) => stream[0]?.data?.ticks as Record<string, unknown>);
    expect(data.map((tick) => tick.executions).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // A member's scope is the member: their own id is theirs to see.
    expect(data[1]).toMatchObject({ asker: 'usr_cat', scope: 'org_a/usr_cat' });
    expect(data[2]).toMatchObject({ asker: 'usr_dan', scope: 'org_a/usr_dan' });
    expect(data[3]).toMatchObject({ asker: '', scope: 'org_a/*' });
    expect(data[4]).toMatchObject({ asker: '', scope: 'org_b/*' });
  });

  it('answers a refused subscription with its errors, and ends the source when the subscriber leaves', async () => {
    const { schema, closed } = world([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const subscribe = createSharedSubscribe();
    const refused = await collect(
      subscribe,
      schema,
      viewer('usr_ann', 'ADMIN'),
      'subscription { ticks(fail: true) { n } }',
    );
    expect(refused).toEqual([
      { errors: [expect.objectContaining({ message: 'refused', extensions: { code: 'FORBIDDEN' } })] },
    ]);

    const stream = await subscribe({
      schema,
      document: parse(QUERY),
      contextValue: viewer('usr_ann', 'ADMIN'),
    });
    if (!(Symbol.asyncIterator in stream)) throw new Error('expected a stream');
    expect((await stream.next()).value).toMatchObject({ data: { ticks: { n: 1 } } });
    expect(await stream.return?.()).toEqual({ done: true, value: undefined });
    expect(closed()).toBe(1);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });
});
