// Rows as stored, and (from the testing entry point, shared with the gateway's tests) the ground truth:
// what the engine says about a page, computed from scratch from those rows.
import { eq } from 'drizzle-orm';
import type { Database } from '../src/database.js';
import { bookingPages, connections } from '../src/schema.js';

export { freshEvaluation } from '../src/testing/evaluation.js';

export async function pageRow(db: Database, pageId: string) {
  const [page] = await db.select().from(bookingPages).where(eq(bookingPages.id, pageId));
  if (page === undefined) throw new Error(`no page ${pageId}`);
  return page;
}

export async function connectionRow(db: Database, connectionId: string) {
  const [row] = await db.select().from(connections).where(eq(connections.id, connectionId));
  if (row === undefined) throw new Error(`no connection ${connectionId}`);
  return row;
}
