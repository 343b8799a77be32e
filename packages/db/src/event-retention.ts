// Event retention: old events are deleted in small batches, and a consumer whose cursor points into what was
// deleted is told so (EventsExpiredError), never handed a log with a silent gap.
import { eq, max, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { eventRetention, events } from './schema.js';

/** Default retention of the event log. */
export const DEFAULT_EVENT_RETENTION_DAYS = 30;

const DAY_MS = 86_400_000;

/** How a consumer whose cursor has expired gets back in step. */
export const EVENTS_RESYNC_HINT =
  'resync: read the current state (bookingPages, connections), then follow events from resyncCursor';

/**
 * The events after `cursor` are no longer all kept: some were removed by retention. Following on would skip
 * them silently, so the read refuses. `oldestCursor` is the oldest cursor still gap-free; `resyncCursor` (the
 * newest event when this was raised, at least `oldestCursor`) is where to follow from after re-reading state.
 */
export class EventsExpiredError extends Error {
  override readonly name = 'EventsExpiredError';
  constructor(
    readonly organizationId: string,
    readonly cursor: number,
    readonly oldestCursor: number,
    readonly resyncCursor: number,
  ) {
    super(
      `Events after cursor ${cursor} are no longer kept (retention removed them up to ${oldestCursor}); ${EVENTS_RESYNC_HINT}`,
    );
  }
}

/** Recognised by name, so a second copy of this package still knows it. */
export function isEventsExpiredError(error: unknown): error is EventsExpiredError {
  return error instanceof Error && error.name === 'EventsExpiredError';
}

/** The highest event id of the organization that retention deleted (0: none). A cursor at or above it is whole. */
export async function expiredThrough(db: Executor, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ id: eventRetention.expiredThrough })
    .from(eventRetention)
    .where(eq(eventRetention.organizationId, organizationId));
  return row?.id ?? 0;
}

/**
 * Throws EventsExpiredError when retention deleted an event of the organization after `cursor`. Call it after
 * reading the events: a sweep that committed before the read is then always seen here (its watermark commits
 * with its deletes), and one that committed after the read took nothing the read returned.
 */
export async function assertCursorRetained(
  db: Executor,
  organizationId: string,
  cursor: number,
): Promise<void> {
  const oldestCursor = await expiredThrough(db, organizationId);
  if (cursor >= oldestCursor) return;
  const [latest] = await db
    .select({ id: max(events.id) })
    .from(events)
    .where(eq(events.organizationId, organizationId));
  throw new EventsExpiredError(organizationId, cursor, oldestCursor, Math.max(oldestCursor, latest?.id ?? 0));
}

export interface EventSweepOptions {
  /** Events created before this instant are deleted. */
  readonly olderThan: Date;
  /** Rows per batch (one short transaction each). Default 1,000. */
  readonly batchSize?: number;
  /** Pause between batches, so writers and readers get the disk between them. Default 20 ms. */
  readonly pauseMs?: number;
  /** Stop after this many batches (the next sweep goes on). Default: until nothing is left. */
  readonly maxBatches?: number;
  readonly signal?: AbortSignal;
  /** Called after each committed batch with how many rows it deleted (metrics, tests). */
  readonly onBatch?: (deleted: number) => void;
}

export interface EventSweepResult {
  readonly deleted: number;
  readonly batches: number;
}

/** `olderThan` for a retention of `days` days at `now`. */
export function retentionCutoff(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * Deletes events created before `olderThan`, oldest first, in batches of `batchSize`, each in its own statement
 * with the organizations' watermarks, pausing between batches. Appends never wait for it: it deletes other rows
 * than they insert and takes no lock they take. Sweepers in several processes share the work (SKIP LOCKED).
 */
export async function sweepExpiredEvents(
  db: Executor,
  options: EventSweepOptions,
): Promise<EventSweepResult> {
  const batchSize = options.batchSize ?? 1_000;
  const pauseMs = options.pauseMs ?? 20;
  let deleted = 0;
  let batches = 0;
  while (!options.signal?.aborted && (options.maxBatches === undefined || batches < options.maxBatches)) {
    const count = await deleteExpiredEventBatch(db, options.olderThan, batchSize);
    if (count === 0) break;
    deleted += count;
    batches++;
    options.onBatch?.(count);
    if (count < batchSize) break;
    if (pauseMs > 0) await pause(pauseMs, options.signal);
  }
  return { deleted, batches };
}

/**
 * One batch: up to `limit` of the oldest expired events, deleted together with the raise of each
 * organization's watermark to the highest id deleted — one statement, so no reader sees one without the other.
 */
export async function deleteExpiredEventBatch(db: Executor, olderThan: Date, limit: number): Promise<number> {
  const result = await db.execute<{ deleted: number }>(sql`
    WITH doomed AS (
      SELECT ${events.id} AS id FROM ${events}
      WHERE ${events.createdAt} < ${olderThan.toISOString()}::timestamptz
      ORDER BY ${events.createdAt}, ${events.id}
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), removed AS (
      DELETE FROM ${events} WHERE ${events.id} IN (SELECT id FROM doomed)
      RETURNING ${events.id} AS id, ${events.organizationId} AS organization_id
    ), marked AS (
      INSERT INTO ${eventRetention} (organization_id, expired_through, updated_at)
      SELECT organization_id, max(id), now() FROM removed GROUP BY organization_id
      ON CONFLICT (organization_id) DO UPDATE
        SET expired_through = GREATEST(${eventRetention.expiredThrough}, EXCLUDED.expired_through),
            updated_at = EXCLUDED.updated_at
      RETURNING 1
    )
    SELECT count(*)::int AS deleted FROM removed`);
  const rows = (result as unknown as { rows: { deleted: number }[] }).rows;
  return Number(rows[0]?.deleted ?? 0);
}

/** Waits `ms`, or less if `signal` aborts (a sweep's pause between batches). */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
