// Reads by id that many viewers make at the same moment — above all the live subscribers of a process, whom
// one commit wakes together, each re-reading its user and the page an event names — merged into one query.
// Calls made in the same turn of the event loop for the same group (what the query's WHERE depends on
// besides the ids) become one call over the union of their ids, flushed on the next turn (setImmediate).
// Nothing is cached: every call still reads the database as it is now.
import type { ReadScope } from './read-scope.js';
import { ReadRepository } from './repositories.js';
import type { BookingPageRow, UserRow } from './schema.js';

type Load<Row> = (scope: ReadScope, ids: readonly string[]) => Promise<(Row | null)[]>;

interface Group<Row> {
  readonly scope: ReadScope;
  readonly ids: Set<string>;
  readonly waiters: {
    readonly ids: readonly string[];
    resolve(rows: (Row | null)[]): void;
    reject(error: unknown): void;
  }[];
}

/** `load`, with the calls of one turn merged per `groupOf(scope)`. */
export function coalesceLoads<Row>(groupOf: (scope: ReadScope) => string, load: Load<Row>): Load<Row> {
  let pending: Map<string, Group<Row>> | null = null;
  const flush = () => {
    const groups = pending ?? new Map<string, Group<Row>>();
    pending = null;
    for (const group of groups.values()) {
      const ids = [...group.ids];
      load(group.scope, ids).then(
        (rows) => {
          const byId = new Map(ids.map((id, index) => [id, rows[index] ?? null]));
          for (const waiter of group.waiters) waiter.resolve(waiter.ids.map((id) => byId.get(id) ?? null));
        },
        (error: unknown) => {
          for (const waiter of group.waiters) waiter.reject(error);
        },
      );
    }
  };
  return (scope, ids) => {
    if (ids.length === 0) return Promise.resolve([]);
    if (pending === null) {
      pending = new Map();
      setImmediate(flush);
    }
    const key = groupOf(scope);
    let group = pending.get(key);
    if (group === undefined) {
      group = { scope, ids: new Set(), waiters: [] };
      pending.set(key, group);
    }
    for (const id of ids) group.ids.add(id);
    const waiters = group.waiters;
    return new Promise((resolve, reject) => waiters.push({ ids, resolve, reject }));
  };
}

/** The read repository with `usersByIds` and `pagesByIds` merged across concurrent viewers. */
export class CoalescedReadRepository extends ReadRepository {
  // People are visible organization-wide: one group per organization.
  readonly #users: Load<UserRow> = coalesceLoads(
    (scope) => scope.organizationId,
    (scope, ids) => super.usersByIds(scope, ids),
  );
  // Pages depend on who looks (a MEMBER sees their own): one group per scope.
  readonly #pages: Load<BookingPageRow> = coalesceLoads(
    (scope) => `${scope.organizationId}/${scope.viewerId ?? ''}`,
    (scope, ids) => super.pagesByIds(scope, ids),
  );

  override usersByIds(scope: ReadScope, ids: readonly string[]): Promise<(UserRow | null)[]> {
    return this.#users(scope, ids);
  }

  override pagesByIds(scope: ReadScope, ids: readonly string[]): Promise<(BookingPageRow | null)[]> {
    return this.#pages(scope, ids);
  }
}
