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
}

export function createLoaders(reads: ReadRepository, scope: ReadScope): Loaders {
  const user = new DataLoader((ids: readonly string[]) => reads.usersByIds(scope, ids));
  const connection = new DataLoader((ids: readonly string[]) => reads.connectionsByIds(scope, ids));
  const page = new DataLoader((ids: readonly string[]) => reads.pagesByIds(scope, ids));
  const primeAll = <T extends { id: string }>(loader: DataLoader<string, T | null>, rows: Iterable<T>) => {
    for (const row of rows) loader.prime(row.id, row);
  };
  return {
    user,
    connection,
    page,
    connectionsByUser: new DataLoader(async (userIds: readonly string[]) => {
      const perUser = await reads.connectionsByUserIds(scope, userIds);
      primeAll(connection, perUser.flat());
      return perUser;
    }),
    memberIdsByPage: new DataLoader(async (pageIds: readonly string[]) =>
      (await reads.membersByPageIds(scope, pageIds)).map((members) => members.map((member) => member.userId)),
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
