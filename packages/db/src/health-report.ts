// What a customer asks about their organization's connection health over a period, read from the event log
// and the notification records: how long a break went unnoticed, until its owner was told, until it was
// reconnected, and how many minutes booking pages stood disabled.
//
// A break is a connection's CONNECTED → ERROR status change (its detection: the moment the product declared it
// broken and disabled what depended on it). It began at the start of the failure run that led to it: the
// health change into DEGRADED with no recovery since (transient failures below the hysteresis threshold), or
// at the detection itself when the first failure was already conclusive (a revoked grant). The owner was told
// when the first message carrying an item for that break event to the connection's owner was SENT.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { events, notificationMessages, notifications } from './schema.js';

export interface DurationFigures {
  /** How many breaks the figure covers. */
  readonly count: number;
  readonly averageSeconds: number | null;
  readonly medianSeconds: number | null;
  readonly maxSeconds: number | null;
}

export interface OrganizationHealthReport {
  readonly since: Date;
  readonly until: Date;
  /** Breaks detected in [since, until). */
  readonly breaks: number;
  /** Of those, not reconnected by `until`. */
  readonly unresolved: number;
  /** From the break to its detection. */
  readonly detection: DurationFigures;
  /** From the break to the owner being told (breaks whose owner was told by `until`). */
  readonly ownerNotified: DurationFigures;
  /** From the break to the reconnect (breaks reconnected by `until`). */
  readonly reconnect: DurationFigures;
  /** Booking pages disabled by a connection error, times the minutes each stood so, within [since, until). */
  readonly pageDisabledMinutes: number;
}

export interface HealthReportPeriod {
  readonly since: Date;
  readonly until: Date;
}

/** The longest period one report may cover (the event log's retention bounds what it can see anyway). */
export const MAX_HEALTH_REPORT_DAYS = 366;

const DISABLED = 'DISABLED_CONNECTION_ERROR';

interface EventRow {
  id: number;
  type: string;
  connectionId: string | null;
  bookingPageId: string | null;
  userId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export function summarizeDurations(seconds: readonly number[]): DurationFigures {
  if (seconds.length === 0) return { count: 0, averageSeconds: null, medianSeconds: null, maxSeconds: null };
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    count: sorted.length,
    averageSeconds: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    medianSeconds: median,
    maxSeconds: sorted[sorted.length - 1] as number,
  };
}

const secondsBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

function isBreak(event: EventRow, period: HealthReportPeriod): boolean {
  return (
    event.type === 'CONNECTION_STATUS_CHANGED' &&
    event.payload.from === 'CONNECTED' &&
    event.payload.to === 'ERROR' &&
    event.createdAt >= period.since &&
    event.createdAt < period.until
  );
}

/** When the failure run that `detection` ended began: see the file's header. */
function breakStart(history: readonly EventRow[], detection: EventRow): Date {
  let start = detection.createdAt;
  for (let i = history.indexOf(detection) - 1; i >= 0; i--) {
    const event = history[i] as EventRow;
    if (event.type === 'CONNECTION_STATUS_CHANGED') break;
    if (event.type !== 'CONNECTION_HEALTH_CHANGED') continue;
    if (event.payload.to !== 'DEGRADED') break;
    start = event.createdAt;
    if (event.payload.from !== 'DEGRADED') break;
  }
  return start;
}

export async function organizationHealthReport(
  db: Executor,
  organizationId: string,
  period: HealthReportPeriod,
): Promise<OrganizationHealthReport> {
  const breaks = await db
    .select({ id: events.id, connectionId: events.connectionId })
    .from(events)
    .where(
      and(
        eq(events.organizationId, organizationId),
        eq(events.type, 'CONNECTION_STATUS_CHANGED'),
        gte(events.createdAt, period.since),
        lt(events.createdAt, period.until),
        sql`${events.payload}->>'from' = 'CONNECTED' AND ${events.payload}->>'to' = 'ERROR'`,
      ),
    );
  const brokenIds = [...new Set(breaks.map((row) => row.connectionId).filter((id) => id !== null))];
  // The broken connections' status and health history up to `until` (oldest first).
  const history: EventRow[] =
    brokenIds.length === 0
      ? []
      : await db
          .select({
            id: events.id,
            type: events.type,
            connectionId: events.connectionId,
            bookingPageId: events.bookingPageId,
            userId: events.userId,
            payload: events.payload,
            createdAt: events.createdAt,
          })
          .from(events)
          .where(
            and(
              eq(events.organizationId, organizationId),
              inArray(events.connectionId, brokenIds),
              inArray(events.type, ['CONNECTION_STATUS_CHANGED', 'CONNECTION_HEALTH_CHANGED']),
              lt(events.createdAt, period.until),
            ),
          )
          .orderBy(asc(events.id));
  const told = await ownerToldAt(
    db,
    organizationId,
    breaks.map((row) => row.id),
    period.until,
  );

  const detection: number[] = [];
  const notified: number[] = [];
  const reconnect: number[] = [];
  let unresolved = 0;
  const byConnection = new Map<string, EventRow[]>();
  for (const event of history) {
    const id = event.connectionId as string;
    const list = byConnection.get(id);
    if (list === undefined) byConnection.set(id, [event]);
    else list.push(event);
  }
  for (const connectionHistory of byConnection.values()) {
    connectionHistory.forEach((event, index) => {
      if (!isBreak(event, period)) return;
      const start = breakStart(connectionHistory, event);
      detection.push(secondsBetween(start, event.createdAt));
      const toldAt = told.get(event.id);
      if (toldAt !== undefined) notified.push(secondsBetween(start, toldAt));
      const back = connectionHistory
        .slice(index + 1)
        .find((later) => later.type === 'CONNECTION_STATUS_CHANGED' && later.payload.to === 'CONNECTED');
      if (back === undefined) unresolved += 1;
      else reconnect.push(secondsBetween(start, back.createdAt));
    });
  }
  return {
    since: period.since,
    until: period.until,
    breaks: detection.length,
    unresolved,
    detection: summarizeDurations(detection),
    ownerNotified: summarizeDurations(notified),
    reconnect: summarizeDurations(reconnect),
    pageDisabledMinutes: await pageDisabledMinutes(db, organizationId, period),
  };
}

/**
 * Organizations with something to report since `since`: a connection or page state change since then, or a
 * page disabled now (at most `limit`).
 */
export async function organizationsWithHealthActivity(
  db: Executor,
  since: Date,
  limit: number,
): Promise<string[]> {
  const result = await db.execute<{ organization_id: string }>(sql`
    SELECT organization_id FROM ${events}
    WHERE created_at >= ${since.toISOString()}::timestamptz
      AND type IN ('CONNECTION_STATUS_CHANGED', 'BOOKING_PAGE_STATE_CHANGED')
    UNION
    SELECT organization_id FROM booking_pages WHERE state = 'DISABLED_CONNECTION_ERROR'
    LIMIT ${limit}`);
  return (result as unknown as { rows: { organization_id: string }[] }).rows.map(
    (row) => row.organization_id,
  );
}

/** Per break event: when the first message to the connection's owner carrying an item for it was sent. */
async function ownerToldAt(
  db: Executor,
  organizationId: string,
  breakEventIds: readonly number[],
  until: Date,
): Promise<Map<number, Date>> {
  if (breakEventIds.length === 0) return new Map();
  const rows = await db
    .select({
      eventId: notifications.eventId,
      sentAt: sql<Date>`min(${notificationMessages.sentAt})`.mapWith(notificationMessages.sentAt),
    })
    .from(notifications)
    .innerJoin(notificationMessages, eq(notificationMessages.id, notifications.messageId))
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(
      and(
        eq(notifications.organizationId, organizationId),
        inArray(notifications.eventId, [...breakEventIds]),
        eq(notifications.recipientId, events.userId),
        eq(notificationMessages.status, 'SENT'),
        lt(notificationMessages.sentAt, until),
      ),
    )
    .groupBy(notifications.eventId);
  return new Map(rows.flatMap((row) => (row.eventId === null ? [] : [[row.eventId, new Date(row.sentAt)]])));
}

/** Each page's stretches in DISABLED_CONNECTION_ERROR, clipped to the period, summed in minutes. */
async function pageDisabledMinutes(
  db: Executor,
  organizationId: string,
  period: HealthReportPeriod,
): Promise<number> {
  // Where each page stood when the period began: its last state-setting event before it.
  const before = await db.execute<{ booking_page_id: string; state: string | null }>(sql`
    SELECT DISTINCT ON (booking_page_id) booking_page_id,
      CASE WHEN type = 'BOOKING_PAGE_DELETED' THEN NULL ELSE COALESCE(payload->>'to', payload->>'state') END AS state
    FROM ${events}
    WHERE organization_id = ${organizationId}
      AND type IN ('BOOKING_PAGE_STATE_CHANGED', 'BOOKING_PAGE_CREATED', 'BOOKING_PAGE_DELETED')
      AND created_at < ${period.since.toISOString()}::timestamptz
      AND booking_page_id IS NOT NULL
    ORDER BY booking_page_id, id DESC`);
  const disabledSince = new Map<string, number>();
  const rows = (before as unknown as { rows: { booking_page_id: string; state: string | null }[] }).rows;
  for (const row of rows)
    if (row.state === DISABLED) disabledSince.set(row.booking_page_id, period.since.getTime());
  // BOOKING_PAGE_CREATED carries `state`, a state change `to`; a deleted page stands no longer.
  const changes = await db
    .select({
      bookingPageId: events.bookingPageId,
      type: events.type,
      payload: events.payload,
      createdAt: events.createdAt,
    })
    .from(events)
    .where(
      and(
        eq(events.organizationId, organizationId),
        inArray(events.type, ['BOOKING_PAGE_STATE_CHANGED', 'BOOKING_PAGE_CREATED', 'BOOKING_PAGE_DELETED']),
        gte(events.createdAt, period.since),
        lt(events.createdAt, period.until),
      ),
    )
    .orderBy(asc(events.id));
  let totalMs = 0;
  for (const change of changes) {
    const pageId = change.bookingPageId;
    if (pageId === null) continue;
    const state =
      change.type === 'BOOKING_PAGE_CREATED'
        ? change.payload.state
        : change.type === 'BOOKING_PAGE_DELETED'
          ? null
          : change.payload.to;
    const at = change.createdAt.getTime();
    const since = disabledSince.get(pageId);
    if (since !== undefined && state !== DISABLED) {
      totalMs += at - since;
      disabledSince.delete(pageId);
    } else if (since === undefined && state === DISABLED) {
      disabledSince.set(pageId, at);
    }
  }
  for (const since of disabledSince.values()) totalMs += period.until.getTime() - since;
  return totalMs / 60_000;
}
