// Ground truth for tests: what the engine says about a page, computed from scratch from the stored rows.
import { evaluateBookingPage } from '@tsunagi/booking-rules';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../database.js';
import { bookingPageLocations, bookingPageMembers, bookingPages, connections } from '../schema.js';

export async function freshEvaluation(db: Database, pageId: string) {
  const [page] = await db.select().from(bookingPages).where(eq(bookingPages.id, pageId));
  if (page === undefined) throw new Error(`no page ${pageId}`);
  const members = await db
    .select()
    .from(bookingPageMembers)
    .where(eq(bookingPageMembers.bookingPageId, pageId))
    .orderBy(asc(bookingPageMembers.position));
  const locations = await db
    .select()
    .from(bookingPageLocations)
    .where(eq(bookingPageLocations.bookingPageId, pageId))
    .orderBy(asc(bookingPageLocations.position));
  const all = await db.select().from(connections).where(eq(connections.organizationId, page.organizationId));
  return evaluateBookingPage(
    {
      id: page.id,
      ownerId: page.ownerId,
      memberIds: members.map((m) => m.userId),
      mode: page.mode,
      roundRobin: page.roundRobin,
      enabled: page.enabled,
      locations: locations.map((l) => ({ id: l.id, type: l.type })),
    },
    all.map((c) => ({
      id: c.id,
      userId: c.userId,
      provider: c.provider,
      status: c.status,
      ...(c.status === 'CONNECTED' && c.health !== 'BROKEN' ? { health: c.health } : {}),
      // An errored EXCHANGE calendar's plan names the failing check (FIX_INTEROP_SETTINGS) by this.
      ...(c.status === 'ERROR' && c.lastError?.subReason ? { errorSubReason: c.lastError.subReason } : {}),
    })),
  );
}
