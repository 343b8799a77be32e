// A list of ids as one bind parameter. Drizzle's `inArray` spells one parameter per id: for the 10,000 pages of a
// fan-out, building and binding those parameters cost more than the query they filter (issue 15 §2), and the
// merged reads of a thousand live subscribers (coalesced-reads.ts) ask for a thousand ids at once (§4).
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * `column = any($1::text[])`: true when the column's value is one of `ids` (never, when `ids` is empty). Each id
 * is sent once, however often it is listed.
 */
export function inIds(column: AnyColumn, ids: Iterable<string>): SQL {
  return sql`${column} = any(${sql.param([...new Set(ids)])}::text[])`;
}
