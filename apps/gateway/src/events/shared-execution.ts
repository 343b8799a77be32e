// Subscription payloads, executed once per event for all the subscribers who would get the same answer.
//
// graphql-js runs a subscription's selection set once per event and subscriber. One commit wakes every live
// subscriber of an organization together, and they mostly hold the same operation (the console's, the SDK's):
// 1,000 admins watching a page cost 1,000 executions of one selection over one event (issue 15 §4). Here the
// result is shared by the subscribers whose answer cannot differ:
//   - the same event object (the log read that woke them is shared: @tsunagi/db followEventBatches), and
//   - the same operation (document, operation name, variables), and
//   - the same read scope and role: what the loaders may read, and what role checks see.
// The shared execution runs with a context that carries that scope and role but no person: an admin's or a
// service's user id is withheld (a member's scope is the member), so a field that reads who is asking finds
// nobody instead of the first subscriber. No field of an event payload does today (they read through the
// scoped loaders); docs/DESIGN.md §6 ("Subscriptions") states the rule. Each subscriber still decides alone
// whether it receives the event (its own, freshly read rights: stream.ts), and formats the errors with its own
// request id.
import { createSourceEventStream, type ExecutionArgs, type ExecutionResult, execute, print } from 'graphql';
import type { GatewayContext } from '../context.js';
import { createLoaders } from '../loaders.js';

type Results = Map<string, Promise<ExecutionResult>>;

const MAX_REMEMBERED_OPERATIONS = 10_000;

/** A graphql-ws `subscribe` that shares each event's execution between the subscribers of one server. */
export function createSharedSubscribe(): (
  args: ExecutionArgs,
) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  // Per event object: gone with the event once every subscriber has taken it.
  const executions = new WeakMap<object, Results>();
  // Operations by their text, named by a number never reused: the per-event key stays short to build and to
  // hash. Forgotten past a bound (a new subscription to a forgotten text gets a new number: only less sharing).
  const operations = new Map<string, number>();
  let named = 0;

  return async (args) => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const text = `${print(args.document)}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(
      args.variableValues ?? {},
    )}`;
    let operation = operations.get(text);
    if (operation === undefined) {
      if (operations.size >= MAX_REMEMBERED_OPERATIONS) operations.clear();
      operation = named++;
      operations.set(text, operation);
    }
    const run = (event: unknown): Promise<ExecutionResult> => {
      const context = args.contextValue as GatewayContext;
      if (typeof event !== 'object' || event === null) {
        return Promise.resolve(execute({ ...args, rootValue: event }));
      }
      const { scope, viewer } = context;
      const key = `${operation}\u0000${scope.organizationId}\u0000${scope.viewerId ?? ''}\u0000${viewer.role}`;
      let results = executions.get(event);
      if (results === undefined) {
        results = new Map();
        executions.set(event, results);
      }
      let result = results.get(key);
      if (result === undefined) {
        result = Promise.resolve(execute({ ...args, rootValue: event, contextValue: anonymous(context) }));
        results.set(key, result);
      }
      return result;
    };
    const events = source[Symbol.asyncIterator]();
    const results: AsyncIterableIterator<ExecutionResult> = {
      next: async () => {
        const item = await events.next();
        return item.done ? item : { done: false, value: await run(item.value) };
      },
      return: async () => {
        await events.return?.();
        return { done: true, value: undefined };
      },
      throw: async (error: unknown) => {
        await events.return?.();
        throw error;
      },
      [Symbol.asyncIterator]: () => results,
    };
    return results;
  };
}

/** The context a shared execution runs with: the subscriber's scope and role, fresh loaders, and no person. */
function anonymous(context: GatewayContext): GatewayContext {
  const userId = context.scope.viewerId ?? '';
  const viewer = { organizationId: context.viewer.organizationId, role: context.viewer.role, userId };
  return {
    ...context,
    claims: viewer,
    viewer,
    loaders: createLoaders(context.services.reads, context.scope),
  };
}

function isAsyncIterable<T>(value: T | AsyncIterable<unknown>): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
