// Reads for the GraphQL layer. Every method is scoped to one organization; with `viewerId` set it is also
// scoped to what that MEMBER may see (their own connections; pages they own or belong to). Batch methods
// take a list of keys and return one entry per key, in key order, ready for DataLoader. None of them can
// reach connection credentials: that table is never joined here.
import { type IntegrationRow, type IntegrationTab, integrationList } from '@tsunagi/booking-rules';
import { and, asc, count, eq, exists, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { readEvents, type TsunagiEvent } from './events.js';
import { inIds } from './id-lists.js';
import { checkPageSize, decodeCursor, encodeCursor, type ListPage } from './keyset.js';
import {
  type ConnectionListOptions,
  listOrganizationConnections,
  listOrganizationUsers,
  type UserListOptions,
} from './organization-lists.js';
import { countPages } from './page-counts.js';
import { connectionVisibility, type ReadScope } from './read-scope.js';
import { fail, ok, type Result } from './result.js';
import {
  type BookingPageLocationRow,
  type BookingPageMemberRow,
  type BookingPageRow,
  type BookingPageState,
  bookingPageLocations,
  bookingPageMembers,
  bookingPages,
  type ConnectionRow,
  connections,
  type OrganizationRow,
  organizations,
  type UserRow,
  users,
} from './schema.js';
import { toConnectionInput } from './service/page-evaluation.js';

export interface ListBookingPagesOptions {
  /** Page size, 1 to MAX_PAGE_SIZE (default 20). */
  first?: number;
  /** `endCursor` of the previous page. */
  after?: string | null;
  /** Only pages in these states. */
  states?: readonly BookingPageState[];
}

export interface BookingPageList {
  nodes: BookingPageRow[];
  /**
   * The member user ids of every listed page, in page order, read in the list's own statement: a screen that
   * shows the members needs no second round trip for them (issue 15 §3).
   */
  memberIds: ReadonlyMap<string, string[]>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface AlertCounts {
  /** Linked connections in ERROR. */
  erroredConnections: number;
  /** Connections that work but will break (AT_RISK). */
  atRiskConnections: number;
  /** The soonest an AT_RISK connection is predicted to break (foresight), null when none says. */
  earliestBreaksAt: Date | null;
  /** Pages disabled by a connection error (not the ones their owner turned off). */
  disabledPages: number;
}

/** One row of a user's integrations list, with the connection rows behind it. */
export interface Integration extends IntegrationRow {
  connections: ConnectionRow[];
}

/** List order: pages disabled by a connection error first, then by title; the id breaks ties. */
type ListKey = [rank: number, title: string, id: string];

export function encodePageCursor(page: Pick<BookingPageRow, 'listRank' | 'title' | 'id'>): string {
  return encodeCursor('bp1', [page.listRank, page.title, page.id]);
}

export function decodePageCursor(cursor: string): ListKey | null {
  const key = decodeCursor('bp1', cursor, ['number', 'string', 'string']);
  if (key === null || (key[0] !== 0 && key[0] !== 1)) return null;
  return key as ListKey;
}

function groupBy<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const byKey = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [row]);
    else list.push(row);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

function pick<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

export class ReadRepository {
  constructor(private readonly db: Executor) {}

  /** Pages the viewer may see: all of the organization's, or those a MEMBER owns or belongs to. */
  private pageVisibility(scope: ReadScope): SQL | undefined {
    const orgCondition = eq(bookingPages.organizationId, scope.organizationId);
    if (!scope.viewerId) return orgCondition;
    return and(
      orgCondition,
      or(
        eq(bookingPages.ownerId, scope.viewerId),
        exists(
          this.db
            .select({ one: bookingPageMembers.userId })
            .from(bookingPageMembers)
            .where(
              and(
                eq(bookingPageMembers.bookingPageId, bookingPages.id),
                eq(bookingPageMembers.userId, scope.viewerId),
              ),
            ),
        ),
      ),
    );
  }

  async organization(organizationId: string): Promise<OrganizationRow | null> {
    const [row] = await this.db.select().from(organizations).where(eq(organizations.id, organizationId));
    return row ?? null;
  }

  /**
   * Our ids of the organization's users the product knows by these external ids, one per key (null when none
   * has it). Only the organization bounds it: what the viewer may do with the user is decided afterwards.
   */
  async userIdsByExternalIds(
    organizationId: string,
    externalIds: readonly string[],
  ): Promise<(string | null)[]> {
    if (externalIds.length === 0) return [];
    const rows = await this.db
      .select({ id: users.id, externalId: users.externalId })
      .from(users)
      .where(
        and(eq(users.organizationId, organizationId), inArray(users.externalId, [...new Set(externalIds)])),
      );
    return pick(externalIds, rows, (row) => row.externalId ?? '').map((row) => row?.id ?? null);
  }

  /**
   * Our ids of the organization's pages the product knows by these external ids, one per key (null when none
   * has it). Tenant-wide for every scope, like a page id a member names: the page's own checks (visible,
   * owned) then answer exactly as they do for that id.
   */
  async pageIdsByExternalIds(
    organizationId: string,
    externalIds: readonly string[],
  ): Promise<(string | null)[]> {
    if (externalIds.length === 0) return [];
    const rows = await this.db
      .select({ id: bookingPages.id, externalId: bookingPages.externalId })
      .from(bookingPages)
      .where(
        and(
          eq(bookingPages.organizationId, organizationId),
          inArray(bookingPages.externalId, [...new Set(externalIds)]),
        ),
      );
    return pick(externalIds, rows, (row) => row.externalId ?? '').map((row) => row?.id ?? null);
  }

  /** Everyone in the organization can see its people (names of fellow members). */
  async usersByIds(scope: ReadScope, ids: readonly string[]): Promise<(UserRow | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select()
      .from(users)
      .where(and(eq(users.organizationId, scope.organizationId), inIds(users.id, ids)));
    return pick(ids, rows, (row) => row.id);
  }

  /** The organization's people by name, a page at a time, filtered by role and a name or email prefix. */
  async listUsers(scope: ReadScope, options: UserListOptions = {}): Promise<Result<ListPage<UserRow>>> {
    return listOrganizationUsers(this.db, scope, options);
  }

  /**
   * The connections the viewer may see (for an admin, the organization's), oldest first, a page at a time,
   * filtered by status, health, provider and user. `alertCounts` counts what some of these filters list.
   */
  async listConnections(
    scope: ReadScope,
    options: ConnectionListOptions = {},
  ): Promise<Result<ListPage<ConnectionRow>>> {
    return listOrganizationConnections(this.db, scope, options);
  }

  async connectionsByIds(scope: ReadScope, ids: readonly string[]): Promise<(ConnectionRow | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select()
      .from(connections)
      .where(and(connectionVisibility(scope), inIds(connections.id, ids)));
    return pick(ids, rows, (row) => row.id);
  }

  /** Each user's connections, unlinked ones included, oldest first. */
  async connectionsByUserIds(scope: ReadScope, userIds: readonly string[]): Promise<ConnectionRow[][]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .select()
      .from(connections)
      .where(and(connectionVisibility(scope), inIds(connections.userId, userIds)))
      .orderBy(asc(connections.createdAt), asc(connections.id));
    return groupBy(userIds, rows, (row) => row.userId);
  }

  /** Each user's integrations list (one row per provider), filtered to a tab of the UI. */
  async integrationsByUserIds(
    scope: ReadScope,
    userIds: readonly string[],
    tab: IntegrationTab = 'ALL',
  ): Promise<Integration[][]> {
    const perUser = await this.connectionsByUserIds(scope, userIds);
    return perUser.map((rows) => {
      const byId = new Map(rows.map((row) => [row.id, row]));
      return integrationList(rows.map(toConnectionInput), tab).map((integration) => ({
        ...integration,
        connections: integration.connectionIds.flatMap((id) => byId.get(id) ?? []),
      }));
    });
  }

  async pagesByIds(scope: ReadScope, ids: readonly string[]): Promise<(BookingPageRow | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select()
      .from(bookingPages)
      .where(and(this.pageVisibility(scope), inIds(bookingPages.id, ids)));
    return pick(ids, rows, (row) => row.id);
  }

  /** Members of each page, in page order. Pages the viewer may not see come back empty. */
  async membersByPageIds(scope: ReadScope, pageIds: readonly string[]): Promise<BookingPageMemberRow[][]> {
    if (pageIds.length === 0) return [];
    const rows = await this.db
      .select({
        bookingPageId: bookingPageMembers.bookingPageId,
        userId: bookingPageMembers.userId,
        position: bookingPageMembers.position,
      })
      .from(bookingPageMembers)
      .innerJoin(bookingPages, eq(bookingPages.id, bookingPageMembers.bookingPageId))
      .where(and(this.pageVisibility(scope), inIds(bookingPageMembers.bookingPageId, pageIds)))
      .orderBy(asc(bookingPageMembers.bookingPageId), asc(bookingPageMembers.position));
    return groupBy(pageIds, rows, (row) => row.bookingPageId);
  }

  async locationsByPageIds(
    scope: ReadScope,
    pageIds: readonly string[],
  ): Promise<BookingPageLocationRow[][]> {
    if (pageIds.length === 0) return [];
    const rows = await this.db
      .select({
        id: bookingPageLocations.id,
        bookingPageId: bookingPageLocations.bookingPageId,
        type: bookingPageLocations.type,
        label: bookingPageLocations.label,
        value: bookingPageLocations.value,
        position: bookingPageLocations.position,
        createdAt: bookingPageLocations.createdAt,
      })
      .from(bookingPageLocations)
      .innerJoin(bookingPages, eq(bookingPages.id, bookingPageLocations.bookingPageId))
      .where(and(this.pageVisibility(scope), inIds(bookingPageLocations.bookingPageId, pageIds)))
      .orderBy(
        asc(bookingPageLocations.bookingPageId),
        asc(bookingPageLocations.position),
        asc(bookingPageLocations.id),
      );
    return groupBy(pageIds, rows, (row) => row.bookingPageId);
  }

  /**
   * The pages each connection affects: those its user owns or belongs to, in list order. A connection
   * outside the scope affects nothing visible.
   */
  async pagesByConnectionIds(
    scope: ReadScope,
    connectionIds: readonly string[],
  ): Promise<BookingPageRow[][]> {
    if (connectionIds.length === 0) return [];
    const owners = await this.db
      .select({ id: connections.id, userId: connections.userId })
      .from(connections)
      .where(and(eq(connections.organizationId, scope.organizationId), inIds(connections.id, connectionIds)));
    const userIds = [...new Set(owners.map((owner) => owner.userId))];
    if (userIds.length === 0) return connectionIds.map(() => []);
    const memberships = await this.db
      .select({ pageId: bookingPageMembers.bookingPageId, userId: bookingPageMembers.userId })
      .from(bookingPageMembers)
      .innerJoin(bookingPages, eq(bookingPages.id, bookingPageMembers.bookingPageId))
      .where(and(this.pageVisibility(scope), inIds(bookingPageMembers.userId, userIds)));
    const pages = await this.db
      .select()
      .from(bookingPages)
      .where(
        and(
          this.pageVisibility(scope),
          or(
            inIds(bookingPages.ownerId, userIds),
            inIds(
              bookingPages.id,
              memberships.map((m) => m.pageId),
            ),
          ),
        ),
      )
      .orderBy(asc(bookingPages.listRank), asc(bookingPages.title), asc(bookingPages.id));
    const userOf = new Map(owners.map((owner) => [owner.id, owner.userId]));
    return connectionIds.map((connectionId) => {
      const userId = userOf.get(connectionId);
      if (userId === undefined) return [];
      const memberOf = new Set(memberships.filter((m) => m.userId === userId).map((m) => m.pageId));
      return pages.filter((page) => page.ownerId === userId || memberOf.has(page.id));
    });
  }

  /**
   * The booking page list: pages disabled by a connection error first, then the rest, each part by
   * title. Keyset pagination; the cursor is opaque and stays valid while pages change.
   */
  async listBookingPages(
    scope: ReadScope,
    options: ListBookingPagesOptions = {},
  ): Promise<Result<BookingPageList>> {
    const size = checkPageSize(options.first ?? 20);
    if (!size.ok) return size;
    const first = size.value;
    let after: ListKey | null = null;
    if (options.after != null) {
      after = decodePageCursor(options.after);
      if (after === null) return fail('BAD_USER_INPUT', 'Not a booking page cursor', 'after');
    }
    const filter = and(
      this.pageVisibility(scope),
      options.states === undefined ? undefined : inArray(bookingPages.state, [...options.states]),
    );
    const listed = this.db
      .select({
        page: getTableColumns(bookingPages),
        memberIds: sql<string[]>`ARRAY(SELECT ${bookingPageMembers.userId} FROM ${bookingPageMembers}
          WHERE ${bookingPageMembers.bookingPageId} = ${bookingPages.id} ORDER BY ${bookingPageMembers.position})`,
      })
      .from(bookingPages)
      .where(
        and(
          filter,
          after === null
            ? undefined
            : sql`(${bookingPages.listRank}, ${bookingPages.title}, ${bookingPages.id}) > (${after[0]}::smallint, ${after[1]}::text, ${after[2]}::text)`,
        ),
      )
      .orderBy(asc(bookingPages.listRank), asc(bookingPages.title), asc(bookingPages.id))
      .limit(first + 1);
    // Two statements in flight at once (on separate pool connections; queued on one inside a transaction).
    const [rows, total] = await Promise.all([listed, this.countBookingPages(scope, filter, options.states)]);
    const listedRows = rows.slice(0, first);
    const nodes = listedRows.map((row) => row.page);
    const last = nodes.at(-1);
    return ok({
      nodes,
      memberIds: new Map(listedRows.map((row) => [row.page.id, row.memberIds])),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last === undefined ? null : encodePageCursor(last),
      },
      totalCount: total,
    });
  }

  /**
   * An organization-wide count is read from the kept counts (page-counts.ts); a member's own pages are
   * counted row by row.
   */
  private async countBookingPages(
    scope: ReadScope,
    filter: SQL | undefined,
    states: readonly BookingPageState[] | undefined,
  ): Promise<number> {
    if (!scope.viewerId) return countPages(this.db, scope.organizationId, states);
    const [row] = await this.db.select({ total: count() }).from(bookingPages).where(filter);
    return row?.total ?? 0;
  }

  /**
   * What the app-wide banner needs. Each count is the `totalCount` of a `listConnections` filter:
   * errored is `status: ['ERROR']`, at risk is `status: ['CONNECTED'], health: ['AT_RISK']`.
   */
  async alertCounts(scope: ReadScope): Promise<AlertCounts> {
    const [connectionCounts] = await this.db
      .select({
        errored: sql<number>`count(*) filter (where ${connections.status} = 'ERROR')`.mapWith(Number),
        atRisk:
          sql<number>`count(*) filter (where ${connections.status} = 'CONNECTED' and ${connections.health} = 'AT_RISK')`.mapWith(
            Number,
          ),
        earliestBreaksAt: sql<
          string | null
        >`min(${connections.breaksAt}) filter (where ${connections.status} = 'CONNECTED' and ${connections.health} = 'AT_RISK')`,
      })
      .from(connections)
      .where(connectionVisibility(scope));
    const disabledPages = await this.countBookingPages(
      scope,
      and(this.pageVisibility(scope), eq(bookingPages.state, 'DISABLED_CONNECTION_ERROR')),
      ['DISABLED_CONNECTION_ERROR'],
    );
    return {
      erroredConnections: connectionCounts?.errored ?? 0,
      atRiskConnections: connectionCounts?.atRisk ?? 0,
      earliestBreaksAt:
        connectionCounts?.earliestBreaksAt == null ? null : new Date(connectionCounts.earliestBreaksAt),
      disabledPages,
    };
  }

  /** The organization's events after a cursor (see also followEvents). */
  async eventsAfter(scope: ReadScope, afterId: number, limit = 100): Promise<TsunagiEvent[]> {
    return readEvents(this.db, scope.organizationId, afterId, limit);
  }
}

export function createReadRepository(db: Executor): ReadRepository {
  return new ReadRepository(db);
}
