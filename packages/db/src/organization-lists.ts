// The administrator's lists of the whole organization: its people and its connections, a page at a time
// (keyset pagination, keyset.ts), filtered in SQL. Both read with the caller's scope, so a MEMBER scope
// still sees only what a member may; the gateway offers them to admins and services only.
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { checkPageSize, decodeCursor, encodeCursor, type ListPage, toListPage } from './keyset.js';
import { connectionVisibility, type ReadScope } from './read-scope.js';
import { fail, ok, type Result } from './result.js';
import {
  type ConnectionHealth,
  type ConnectionProvider,
  type ConnectionRow,
  type ConnectionStatus,
  connections,
  type UserRole,
  type UserRow,
  users,
} from './schema.js';
import { INPUT_LIMITS } from './service/validation.js';

export interface UserListFilter {
  /** Only users with one of these roles. */
  roles?: readonly UserRole[];
  /** Only users whose name or email starts with this, ignoring case. */
  search?: string;
}

export interface UserListOptions {
  /** Page size, 1 to MAX_PAGE_SIZE (default 50). */
  first?: number;
  /** `endCursor` of the previous page. */
  after?: string | null;
  filter?: UserListFilter;
}

/** Each list narrows to rows having one of its values; an empty list matches nothing. */
export interface ConnectionListFilter {
  statuses?: readonly ConnectionStatus[];
  healths?: readonly ConnectionHealth[];
  providers?: readonly ConnectionProvider[];
  /** Only this user's connections. */
  userId?: string;
}

export interface ConnectionListOptions {
  /** Page size, 1 to MAX_PAGE_SIZE (default 50). */
  first?: number;
  /** `endCursor` of the previous page. */
  after?: string | null;
  filter?: ConnectionListFilter;
}

const DEFAULT_PAGE_SIZE = 50;

/** People by name; the id breaks ties. */
const USER_CURSOR = 'us1';
/** Connections oldest first; the id breaks ties. The time is kept to the microsecond, as stored. */
const CONNECTION_CURSOR = 'cn1';

/** `first` and `after` checked, `after` decoded by `decode`. */
function pageRequest<K>(
  options: { first?: number; after?: string | null },
  decode: (cursor: string) => K | null,
  what: string,
): Result<{ first: number; after: K | null }> {
  const size = checkPageSize(options.first ?? DEFAULT_PAGE_SIZE);
  if (!size.ok) return size;
  if (options.after == null) return ok({ first: size.value, after: null });
  const after = decode(options.after);
  if (after === null) return fail('BAD_USER_INPUT', `Not a cursor of the ${what} list`, 'after');
  return ok({ first: size.value, after });
}

/** `value` as a LIKE pattern matching itself literally, followed by anything. */
function prefixPattern(value: string): string {
  return `${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export async function listOrganizationUsers(
  db: Executor,
  scope: ReadScope,
  options: UserListOptions,
): Promise<Result<ListPage<UserRow>>> {
  const request = pageRequest(
    options,
    (cursor) => decodeCursor(USER_CURSOR, cursor, ['string', 'string']) as [string, string] | null,
    'users',
  );
  if (!request.ok) return request;
  const { first, after } = request.value;
  const { roles, search } = options.filter ?? {};
  if (search !== undefined && search.length > INPUT_LIMITS.emailLength) {
    return fail('BAD_USER_INPUT', `search is at most ${INPUT_LIMITS.emailLength} characters`, 'search');
  }
  const pattern = search === undefined || search === '' ? null : prefixPattern(search);
  const filter = and(
    eq(users.organizationId, scope.organizationId),
    roles === undefined ? undefined : inArray(users.role, [...roles]),
    pattern === null ? undefined : or(ilike(users.name, pattern), ilike(users.email, pattern)),
  );
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        filter,
        after === null
          ? undefined
          : sql`(${users.name}, ${users.id}) > (${after[0]}::text, ${after[1]}::text)`,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(first + 1);
  const [total] = await db.select({ total: count() }).from(users).where(filter);
  return ok(
    toListPage(
      rows,
      first,
      total?.total ?? 0,
      (row) => row,
      (row) => encodeCursor(USER_CURSOR, [row.name, row.id]),
    ),
  );
}

export async function listOrganizationConnections(
  db: Executor,
  scope: ReadScope,
  options: ConnectionListOptions,
): Promise<Result<ListPage<ConnectionRow>>> {
  const request = pageRequest(
    options,
    (cursor) => {
      const key = decodeCursor(CONNECTION_CURSOR, cursor, ['string', 'string']) as [string, string] | null;
      return key !== null && Number.isFinite(Date.parse(key[0])) ? key : null;
    },
    'connections',
  );
  if (!request.ok) return request;
  const { first, after } = request.value;
  const { statuses, healths, providers, userId } = options.filter ?? {};
  const filter = and(
    connectionVisibility(scope),
    statuses === undefined ? undefined : inArray(connections.status, [...statuses]),
    healths === undefined ? undefined : inArray(connections.health, [...healths]),
    providers === undefined ? undefined : inArray(connections.provider, [...providers]),
    userId === undefined ? undefined : eq(connections.userId, userId),
  );
  const rows = await db
    .select({
      connection: connections,
      // The stored time to the microsecond: a JavaScript Date would drop the last three digits.
      createdAt: sql<string>`to_char(${connections.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(connections)
    .where(
      and(
        filter,
        after === null
          ? undefined
          : sql`(${connections.createdAt}, ${connections.id}) > (${after[0]}::timestamptz, ${after[1]}::text)`,
      ),
    )
    .orderBy(asc(connections.createdAt), asc(connections.id))
    .limit(first + 1);
  const [total] = await db.select({ total: count() }).from(connections).where(filter);
  return ok(
    toListPage(
      rows,
      first,
      total?.total ?? 0,
      (row) => row.connection,
      (row) => encodeCursor(CONNECTION_CURSOR, [row.createdAt, row.connection.id]),
    ),
  );
}
