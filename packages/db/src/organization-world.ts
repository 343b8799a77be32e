// One organization's pages and connections as engine input, read in one read-only transaction (a consistent
// snapshot): what impact analysis ("what if") evaluates in memory. Nothing is locked or written.
import type { BookingPageInput, ConnectionInput } from '@tsunagi/booking-rules';
import { asc, eq } from 'drizzle-orm';
import type { Database } from './database.js';
import { bookingPageLocations, bookingPageMembers, bookingPages, connections } from './schema.js';
import { toConnectionInput } from './service/page-evaluation.js';

export interface OrganizationWorld {
  /** In id order; members and locations in page order. */
  readonly pages: BookingPageInput[];
  /** In id order. */
  readonly connections: ConnectionInput[];
}

export async function readOrganizationWorld(
  db: Database,
  organizationId: string,
): Promise<OrganizationWorld> {
  return db.transaction(
    async (tx) => {
      const pageRows = await tx
        .select({
          id: bookingPages.id,
          ownerId: bookingPages.ownerId,
          mode: bookingPages.mode,
          roundRobin: bookingPages.roundRobin,
          enabled: bookingPages.enabled,
        })
        .from(bookingPages)
        .where(eq(bookingPages.organizationId, organizationId))
        .orderBy(asc(bookingPages.id));
      const members = await tx
        .select({ pageId: bookingPageMembers.bookingPageId, userId: bookingPageMembers.userId })
        .from(bookingPageMembers)
        .innerJoin(bookingPages, eq(bookingPages.id, bookingPageMembers.bookingPageId))
        .where(eq(bookingPages.organizationId, organizationId))
        .orderBy(asc(bookingPageMembers.bookingPageId), asc(bookingPageMembers.position));
      const locations = await tx
        .select({
          pageId: bookingPageLocations.bookingPageId,
          id: bookingPageLocations.id,
          type: bookingPageLocations.type,
        })
        .from(bookingPageLocations)
        .innerJoin(bookingPages, eq(bookingPages.id, bookingPageLocations.bookingPageId))
        .where(eq(bookingPages.organizationId, organizationId))
        .orderBy(
          asc(bookingPageLocations.bookingPageId),
          asc(bookingPageLocations.position),
          asc(bookingPageLocations.id),
        );
      const connectionRows = await tx
        .select({
          id: connections.id,
          userId: connections.userId,
          provider: connections.provider,
          status: connections.status,
          health: connections.health,
          lastError: connections.lastError,
        })
        .from(connections)
        .where(eq(connections.organizationId, organizationId))
        .orderBy(asc(connections.id));

      const membersOf = new Map<string, string[]>();
      for (const { pageId, userId } of members) {
        const list = membersOf.get(pageId);
        if (list === undefined) membersOf.set(pageId, [userId]);
        else list.push(userId);
      }
      const locationsOf = new Map<
        string,
        { id: string; type: BookingPageInput['locations'][number]['type'] }[]
      >();
      for (const { pageId, id, type } of locations) {
        const list = locationsOf.get(pageId);
        if (list === undefined) locationsOf.set(pageId, [{ id, type }]);
        else list.push({ id, type });
      }
      return {
        pages: pageRows.map((page) => ({
          ...page,
          memberIds: membersOf.get(page.id) ?? [],
          locations: locationsOf.get(page.id) ?? [],
        })),
        connections: connectionRows.map(toConnectionInput),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
