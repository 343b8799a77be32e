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

/**
 * The loaders of one request or subscription event. Each is made on first use: a live subscription gets a fresh
 * set for every event it considers (so it never serves a stale row), and most events use one or two of them —
 * 1,000 subscribers woken by one commit would otherwise build 10,000 loaders to use 1,000 (issue 15 §4).
 */
class RequestLoaders implements Loaders {
  #settled?: SettledRows;
  #user?: DataLoader<string, UserRow | null>;
  #connection?: DataLoader<string, ConnectionRow | null>;
  #connectionsByUser?: DataLoader<string, ConnectionRow[]>;
  #page?: DataLoader<string, BookingPageRow | null>;
  #memberIdsByPage?: DataLoader<string, string[]>;
  #locationsByPage?: DataLoader<string, BookingPageLocationRow[]>;
  #pagesByConnection?: DataLoader<string, BookingPageRow[]>;
  #userIdByExternalId?: DataLoader<string, string | null>;
  #pageIdByExternalId?: DataLoader<string, string | null>;

  constructor(
    private readonly reads: ReadRepository,
    private readonly scope: ReadScope,
  ) {}

  get settled(): SettledRows {
    this.#settled ??= { users: new Map(), connections: new Map(), memberIds: new Map() };
    return this.#settled;
  }

  get user(): DataLoader<string, UserRow | null> {
    this.#user ??= new DataLoader(async (ids: readonly string[]) =>
      remember(this.settled.users, ids, await this.reads.usersByIds(this.scope, ids)),
    );
    return this.#user;
  }

  get connection(): DataLoader<string, ConnectionRow | null> {
    this.#connection ??= new DataLoader(async (ids: readonly string[]) =>
      remember(this.settled.connections, ids, await this.reads.connectionsByIds(this.scope, ids)),
    );
    return this.#connection;
  }

  get page(): DataLoader<string, BookingPageRow | null> {
    this.#page ??= new DataLoader((ids: readonly string[]) => this.reads.pagesByIds(this.scope, ids));
    return this.#page;
  }

  get connectionsByUser(): DataLoader<string, ConnectionRow[]> {
    this.#connectionsByUser ??= new DataLoader(async (userIds: readonly string[]) => {
      const perUser = await this.reads.connectionsByUserIds(this.scope, userIds);
      primeAll(this.connection, perUser.flat());
      for (const row of perUser.flat()) this.settled.connections.set(row.id, row);
      return perUser;
    });
    return this.#connectionsByUser;
  }

  get memberIdsByPage(): DataLoader<string, string[]> {
    this.#memberIdsByPage ??= new DataLoader(async (pageIds: readonly string[]) =>
      remember(
        this.settled.memberIds,
        pageIds,
        (await this.reads.membersByPageIds(this.scope, pageIds)).map((members) =>
          members.map((member) => member.userId),
        ),
      ),
    );
    return this.#memberIdsByPage;
  }

  get locationsByPage(): DataLoader<string, BookingPageLocationRow[]> {
    this.#locationsByPage ??= new DataLoader((pageIds: readonly string[]) =>
      this.reads.locationsByPageIds(this.scope, pageIds),
    );
    return this.#locationsByPage;
  }

  get pagesByConnection(): DataLoader<string, BookingPageRow[]> {
    this.#pagesByConnection ??= new DataLoader(async (connectionIds: readonly string[]) => {
      const perConnection = await this.reads.pagesByConnectionIds(this.scope, connectionIds);
      primeAll(this.page, perConnection.flat());
      return perConnection;
    });
    return this.#pagesByConnection;
  }

  get userIdByExternalId(): DataLoader<string, string | null> {
    this.#userIdByExternalId ??= new DataLoader((externalIds: readonly string[]) =>
      this.reads.userIdsByExternalIds(this.scope.organizationId, externalIds),
    );
    return this.#userIdByExternalId;
  }

  get pageIdByExternalId(): DataLoader<string, string | null> {
    this.#pageIdByExternalId ??= new DataLoader((externalIds: readonly string[]) =>
      this.reads.pageIdsByExternalIds(this.scope.organizationId, externalIds),
    );
    return this.#pageIdByExternalId;
  }
}

function remember<V>(into: Map<string, V>, keys: readonly string[], values: V[]): V[] {
  for (const [index, key] of keys.entries()) into.set(key, values[index] as V);
  return values;
}

function primeAll<T extends { id: string }>(loader: DataLoader<string, T | null>, rows: Iterable<T>): void {
  for (const row of rows) loader.prime(row.id, row);
}

export function createLoaders(reads: ReadRepository, scope: ReadScope): Loaders {
  return new RequestLoaders(reads, scope);
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
