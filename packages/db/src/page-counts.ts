// An organization's page counts without counting its pages: booking_page_counts holds signed deltas that
// statement-level triggers on booking_pages append (migration 0014), so `totalCount` of an organization's
// list is a sum over a handful of rows instead of a scan of up to 100,000 index entries. The triggers see every
// write, whichever code path (or cascade) made it, so the counts cannot drift from the rows. Counts scoped to a
// member's own pages are not kept here; those lists count their rows.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { type BookingPageState, bookingPageCounts } from './schema.js';

/** The organization's pages (in `states`, when given): the sum of its delta rows. */
export async function countPages(
  db: Executor,
  organizationId: string,
  states?: readonly BookingPageState[],
): Promise<number> {
  const [row] = await db
    .select({ pages: sql<string | null>`sum(${bookingPageCounts.pages})` })
    .from(bookingPageCounts)
    .where(
      and(
        eq(bookingPageCounts.organizationId, organizationId),
        states === undefined ? undefined : inArray(bookingPageCounts.state, [...states]),
      ),
    );
  return Number(row?.pages ?? 0);
}

/**
 * Folds each organization's delta rows into one row per state (none for a state at zero), for organizations
 * with more than `threshold` rows. One statement per organization: the DELETE removes the rows its snapshot
 * sees and the INSERT puts back their sum, so a delta committed meanwhile is neither removed nor counted twice.
 * Returns how many organizations were folded.
 */
export async function compactPageCounts(db: Executor, options: { threshold?: number } = {}): Promise<number> {
  const threshold = options.threshold ?? 32;
  const crowded = await db
    .select({ organizationId: bookingPageCounts.organizationId })
    .from(bookingPageCounts)
    .groupBy(bookingPageCounts.organizationId)
    .having(sql`count(*) > ${threshold}`);
  for (const { organizationId } of crowded) {
    await db.execute(sql`
      WITH folded AS (
        DELETE FROM ${bookingPageCounts} WHERE ${bookingPageCounts.organizationId} = ${organizationId}
        RETURNING ${bookingPageCounts.organizationId} AS organization_id, ${bookingPageCounts.state} AS state,
          ${bookingPageCounts.pages} AS pages
      )
      INSERT INTO ${bookingPageCounts} (organization_id, state, pages)
        SELECT organization_id, state, sum(pages) FROM folded GROUP BY organization_id, state
        HAVING sum(pages) <> 0`);
  }
  return crowded.length;
}
