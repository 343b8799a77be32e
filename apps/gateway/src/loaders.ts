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
  /**
   * What `user`, `connection`, `page` and `memberIdsByPage` know so far (loaded or primed), readable without a
   * promise. Priming writes here only; those loaders answer a settled key from here without SQL.
   */
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
  readonly pages: Map<string, BookingPageRow | null>;
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
    this.#settled ??= { users: new Map(), connections: new Map(), pages: new Map(), memberIds: new Map() };
    return this.#settled;
  }

  get user(): DataLoader<string, UserRow | null> {
    this.#user ??= settledLoader(this.settled.users, (ids) => this.reads.usersByIds(this.scope, ids));
    return this.#user;
  }

  get connection(): DataLoader<string, ConnectionRow | null> {
    this.#connection ??= settledLoader(this.settled.connections, (ids) =>
      this.reads.connectionsByIds(this.scope, ids),
    );
    return this.#connection;
  }

  get page(): DataLoader<string, BookingPageRow | null> {
    this.#page ??= settledLoader(this.settled.pages, (ids) => this.reads.pagesByIds(this.scope, ids));
    return this.#page;
  }

  get connectionsByUser(): DataLoader<string, ConnectionRow[]> {
    this.#connectionsByUser ??= new DataLoader(async (userIds: readonly string[]) => {
      const perUser = await this.reads.connectionsByUserIds(this.scope, userIds);
      settle(this.settled.connections, perUser.flat());
      return perUser;
    });
    return this.#connectionsByUser;
  }

  get memberIdsByPage(): DataLoader<string, string[]> {
    this.#memberIdsByPage ??= settledLoader(this.settled.memberIds, async (pageIds) =>
      (await this.reads.membersByPageIds(this.scope, pageIds)).map((members) =>
        members.map((member) => member.userId),
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
      settle(this.settled.pages, perConnection.flat());
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

/**
 * A loader over `settled`: keys already there are answered from it without SQL, the rest are fetched in one
 * batch and settled. (DataLoader's own `prime` costs a promise per key; a list primes hundreds.)
 */
function settledLoader<V>(
  settled: Map<string, V>,
  fetch: (keys: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  return new DataLoader(async (keys: readonly string[]) => {
    const missing = keys.filter((key) => !settled.has(key));
    if (missing.length > 0) {
      const values = await fetch(missing);
      for (const [index, key] of missing.entries()) settled.set(key, values[index] as V);
    }
    return keys.map((key) => settled.get(key) as V);
  });
}

function settle<T extends { id: string }>(settled: Map<string, T | null>, rows: Iterable<T>): void {
  for (const row of rows) settled.set(row.id, row);
}

export function createLoaders(reads: ReadRepository, scope: ReadScope): Loaders {
  return new RequestLoaders(reads, scope);
}

/** Users known to this request (the viewer, a listed user): `user` and the relation resolvers answer them. */
export function primeUsers(loaders: Loaders, users: Iterable<UserRow>): void {
  settle(loaders.settled.users, users);
}

export function primeConnections(loaders: Loaders, connections: Iterable<ConnectionRow>): void {
  settle(loaders.settled.connections, connections);
}

export function primePages(loaders: Loaders, pages: Iterable<BookingPageRow>): void {
  settle(loaders.settled.pages, pages);
}

/** Member ids known to this request (listed with the page), primed where a resolver reads them. */
export function primeMemberIds(loaders: Loaders, pageId: string, memberIds: string[]): void {
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
