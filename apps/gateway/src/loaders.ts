// One set of DataLoaders per request (and per subscription event): every relation is fetched in one batched,
// scoped query however many parents ask for it, and each row is fetched once per request.
import type {
  BookingPageLocationRow,
  BookingPageRow,
  ConnectionRow,
  ReadRepository,
  ReadScope,
  UserRow,
} from '@tsunagi/db';
import DataLoader from 'dataloader';

export interface Loaders {
  readonly user: DataLoader<string, UserRow | null>;
  readonly connection: DataLoader<string, ConnectionRow | null>;
  readonly connectionsByUser: DataLoader<string, ConnectionRow[]>;
  readonly page: DataLoader<string, BookingPageRow | null>;
  /** Member user ids of each page, in page order. */
  readonly memberIdsByPage: DataLoader<string, string[]>;
  readonly locationsByPage: DataLoader<string, BookingPageLocationRow[]>;
  /** The pages each connection's user owns or belongs to. */
  readonly pagesByConnection: DataLoader<string, BookingPageRow[]>;
  /** Our id of the organization's user with each external id (src/references resolves `ext:` arguments). */
  readonly userIdByExternalId: DataLoader<string, string | null>;
  /** Our id of the organization's page with each external id, visible to the viewer or not. */
  readonly pageIdByExternalId: DataLoader<string, string | null>;
  /** What `user`, `connection` and `memberIdsByPage` have answered so far, readable without a promise. */
  readonly settled: SettledRows;
}

/**
 * Rows a request has already loaded, by key (null: looked up, not there or not visible). Relation resolvers
 * answer from here when they can: graphql-js completes a tree of plain values several times faster than one
 * where every field is a promise, which is what a list screen of 50 pages × a dozen relations is (issue 15 §3).
 */
export interface SettledRows {
  readonly users: Map<string, UserRow | null>;
  readonly connections: Map<string, ConnectionRow | null>;
  readonly memberIds: Map<string, string[]>;
}

export function createLoaders(reads: ReadRepository, scope: ReadScope): Loaders {
  const settled: SettledRows = { users: new Map(), connections: new Map(), memberIds: new Map() };
  const remember = <V>(into: Map<string, V>, keys: readonly string[], values: V[]) => {
    for (const [index, key] of keys.entries()) into.set(key, values[index] as V);
    return values;
  };
  const user = new DataLoader(async (ids: readonly string[]) =>
    remember(settled.users, ids, await reads.usersByIds(scope, ids)),
  );
  const connection = new DataLoader(async (ids: readonly string[]) =>
    remember(settled.connections, ids, await reads.connectionsByIds(scope, ids)),
  );
  const page = new DataLoader((ids: readonly string[]) => reads.pagesByIds(scope, ids));
  const primeAll = <T extends { id: string }>(loader: DataLoader<string, T | null>, rows: Iterable<T>) => {
    for (const row of rows) loader.prime(row.id, row);
  };
  return {
    user,
    connection,
    page,
    settled,
    connectionsByUser: new DataLoader(async (userIds: readonly string[]) => {
      const perUser = await reads.connectionsByUserIds(scope, userIds);
      primeAll(connection, perUser.flat());
      for (const row of perUser.flat()) settled.connections.set(row.id, row);
      return perUser;
    }),
    memberIdsByPage: new DataLoader(async (pageIds: readonly string[]) =>
      remember(
        settled.memberIds,
        pageIds,
        (await reads.membersByPageIds(scope, pageIds)).map((members) =>
          members.map((member) => member.userId),
        ),
      ),
    ),
    locationsByPage: new DataLoader((pageIds: readonly string[]) => reads.locationsByPageIds(scope, pageIds)),
    pagesByConnection: new DataLoader(async (connectionIds: readonly string[]) => {
      const perConnection = await reads.pagesByConnectionIds(scope, connectionIds);
      primeAll(page, perConnection.flat());
      return perConnection;
    }),
    userIdByExternalId: new DataLoader((externalIds: readonly string[]) =>
      reads.userIdsByExternalIds(scope.organizationId, externalIds),
    ),
    pageIdByExternalId: new DataLoader((externalIds: readonly string[]) =>
      reads.pageIdsByExternalIds(scope.organizationId, externalIds),
    ),
  };
}

/** Member ids known to this request (listed with the page), primed where a resolver reads them. */
export function primeMemberIds(loaders: Loaders, pageId: string, memberIds: string[]): void {
  loaders.memberIdsByPage.prime(pageId, memberIds);
  loaders.settled.memberIds.set(pageId, memberIds);
}

/**
 * The rows of `ids` the viewer may see, in order: at once when every one is settled, else through the loader.
 * Either way the answer is the same; only the promise is saved.
 */
export function settledOrLoad<T>(
  settled: Map<string, T | null>,
  loader: DataLoader<string, T | null>,
  ids: readonly string[],
): T[] | Promise<T[]> {
  const rows: T[] = [];
  for (const id of ids) {
    const row = settled.get(id);
    if (row === undefined) return loadVisible(loader, ids);
    if (row !== null) rows.push(row);
  }
  return rows;
}

/** Loads many keys and drops the ones the viewer may not see (or that no longer exist). */
export async function loadVisible<T>(
  loader: DataLoader<string, T | null>,
  ids: readonly string[],
): Promise<T[]> {
  const visible: T[] = [];
  for (const row of await loader.loadMany(ids)) {
    if (row instanceof Error) throw row;
    if (row !== null) visible.push(row);
  }
  return visible;
}
