// The event log: append inside a service transaction, read from a cursor, follow live.
import type { BookingPageEvaluation } from '@tsunagi/booking-rules';
import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { Distinct } from './distinct.js';
import type { EventBus, EventNotice } from './event-bus.js';
import { assertCursorRetained, expiredThrough } from './event-retention.js';
import { inIds } from './id-lists.js';
import {
  type BookingPageState,
  bookingPages,
  type ConnectionHealth,
  type ConnectionKind,
  type ConnectionProvider,
  type ConnectionStatus,
  connections,
  events,
  type LocationType,
  type StoredConnectionError,
} from './schema.js';
import { retryWhileUnavailable } from './unavailable.js';

export const EVENT_TYPES = [
  'CONNECTION_CREATED',
  'CONNECTION_STATUS_CHANGED',
  'CONNECTION_HEALTH_CHANGED',
  'BOOKING_PAGE_CREATED',
  'BOOKING_PAGE_UPDATED',
  'BOOKING_PAGE_STATE_CHANGED',
  'BOOKING_PAGE_EVALUATION_CHANGED',
  'LOCATIONS_REMOVED',
  'BOOKING_PAGE_DELETED',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The service operation behind an event, so page history can say why a page changed. */
export type EventCause =
  | 'createConnection'
  | 'recordProbeResult'
  | 'markConnectionError'
  | 'markReconnected'
  | 'unlinkConnection'
  | 'recordForesight'
  | 'createBookingPage'
  | 'updateBookingPage'
  | 'addLocation'
  | 'removeLocation'
  | 'removeAllLocations'
  | 'changeOwner'
  | 'setBookingPageEnabled'
  | 'refreshEvaluations'
  | 'syncDirectory';

export type BookingPageField =
  | 'title'
  | 'slug'
  | 'memberIds'
  | 'mode'
  | 'roundRobin'
  | 'enabled'
  | 'ownerId'
  | 'locations';

export interface EventPayloads {
  CONNECTION_CREATED: {
    provider: ConnectionProvider;
    kind: ConnectionKind;
    status: ConnectionStatus;
    health: ConnectionHealth;
  };
  CONNECTION_STATUS_CHANGED: {
    from: ConnectionStatus;
    to: ConnectionStatus;
    health: ConnectionHealth;
    /** `lastError.code` after the change. */
    errorCode: string | null;
    cause: EventCause;
  };
  CONNECTION_HEALTH_CHANGED: {
    status: ConnectionStatus;
    from: ConnectionHealth;
    to: ConnectionHealth;
    consecutiveFailures: number;
    errorCode: string | null;
    cause: EventCause;
    /** AT_RISK: when it is predicted to stop working (ISO 8601) and the rule that says so; null otherwise. */
    breaksAt?: string | null;
    atRiskReason?: string | null;
  };
  BOOKING_PAGE_CREATED: { title: string; slug: string; state: BookingPageState; acceptingBookings: boolean };
  BOOKING_PAGE_UPDATED: {
    fields: BookingPageField[];
    cause: EventCause;
    previousOwnerId?: string;
    /** changeOwner: the new owner was not a member and joined (the owner is always a member). */
    addedMemberIds?: string[];
    /** syncDirectory: members who left the page (removed from the directory, or dropped from its row). */
    removedMemberIds?: string[];
    addedLocationIds?: string[];
    removedLocationIds?: string[];
  };
  BOOKING_PAGE_STATE_CHANGED: {
    from: BookingPageState;
    to: BookingPageState;
    acceptingBookings: boolean;
    reasons: BookingPageEvaluation['reasons'];
    cause: EventCause;
    /** The connection whose change caused it, if any. */
    causeConnectionId: string | null;
  };
  /** Same state, but reasons, plan, hosts, usable locations or warnings moved. */
  BOOKING_PAGE_EVALUATION_CHANGED: {
    state: BookingPageState;
    acceptingBookings: boolean;
    reasons: BookingPageEvaluation['reasons'];
    eligibleHostIds: string[];
    cause: EventCause;
    causeConnectionId: string | null;
  };
  /** Locations taken off a page because the connection they needed was unlinked. */
  LOCATIONS_REMOVED: {
    locationIds: string[];
    locationTypes: LocationType[];
    reason: 'CONNECTION_UNLINKED';
    connectionId: string;
  };
  /** A page removed by directory sync (named in its delete list, or missing from a FULL list). */
  BOOKING_PAGE_DELETED: {
    externalId: string | null;
    title: string;
    slug: string;
    cause: EventCause;
  };
}

/** The event's connection as it was when the event happened (an event is a fact, not a view of the row). */
export interface ConnectionSnapshot {
  status: ConnectionStatus;
  health: ConnectionHealth;
  lastError: StoredConnectionError | null;
}

/** The event's booking page as it was when the event happened. */
export interface BookingPageSnapshot {
  state: BookingPageState;
  acceptingBookings: boolean;
  enabled: boolean;
}

/**
 * What `appendEvents` adds to every payload: the state of the event's connection and page as the
 * transaction that appended it left them. Absent on events stored before snapshots were recorded.
 */
export interface EventSnapshots {
  connectionState?: ConnectionSnapshot;
  pageState?: BookingPageSnapshot;
}

export interface EventDraft<K extends EventType = EventType> {
  type: K;
  connectionId?: string | null;
  bookingPageId?: string | null;
  userId?: string | null;
  payload: EventPayloads[K];
}

export type TsunagiEvent = {
  [K in EventType]: {
    id: number;
    organizationId: string;
    type: K;
    connectionId: string | null;
    bookingPageId: string | null;
    userId: string | null;
    payload: EventPayloads[K] & EventSnapshots;
    createdAt: Date;
  };
}[EventType];

// Namespace for pg_advisory_xact_lock(int, int); the second int is hashtext(organization id).
const EVENT_APPEND_LOCK = 7_453_002;

/**
 * Appends events inside `tx` and announces them on the bus. Appends are serialized per organization
 * (a transaction-scoped advisory lock held until commit), so an organization's ids are committed in id
 * order: a reader that saw id N will never later find a smaller id appear. Call it last in a transaction.
 */
export async function appendEvents(
  tx: Executor,
  bus: EventBus,
  organizationId: string,
  drafts: readonly EventDraft[],
  createdAt: Date,
): Promise<(EventNotice & { kind: 'appended' }) | null> {
  if (drafts.length === 0) return null;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${EVENT_APPEND_LOCK}, hashtext(${organizationId}))`);
  const { connectionStates, pageStates } = await snapshotsOf(tx, organizationId, drafts);
  // A fan-out appends thousands of events with the same payload and snapshots (a break disabling 10,000 pages:
  // the same reasons, cause and page state for each): each distinct payload travels once, as JSON, and a row
  // names it by index. Drafts may share a payload object (the page re-evaluation does): it is serialized once.
  const jsonOf = new Distinct<object, string>();
  const draftPayloads = new Distinct<string, string>();
  const payloads = new Distinct<string, string>();
  const rows = drafts.map((draft) => {
    const connectionState = draft.connectionId == null ? undefined : connectionStates.get(draft.connectionId);
    const pageState = draft.bookingPageId == null ? undefined : pageStates.get(draft.bookingPageId);
    const json = jsonOf.valueOf(draft.payload, () => JSON.stringify(draft.payload));
    const draftPayload = draftPayloads.numberOf(json, () => json);
    const key = `${draftPayload}:${connectionState?.index ?? ''}:${pageState?.index ?? ''}`;
    const index = payloads.numberOf(key, () => {
      const payload: EventPayloads[EventType] & EventSnapshots = {
        ...draft.payload,
        ...(connectionState === undefined ? {} : { connectionState: connectionState.snapshot }),
        ...(pageState === undefined ? {} : { pageState: pageState.snapshot }),
      };
      return JSON.stringify(payload);
    });
    return {
      type: draft.type,
      connectionId: draft.connectionId ?? null,
      bookingPageId: draft.bookingPageId ?? null,
      userId: draft.userId ?? null,
      payload: index,
    };
  });
  // One statement whatever the count (the rows and the payloads travel as two jsonb parameters; bind parameters
  // are capped at 65,535, and a break fanned out to 10,000 pages appends 10,001 events). Ids follow the drafts'
  // order. Spelled as Drizzle spells an insert (`insert into "events"`), which the connection-loss tests
  // recognise.
  const inserted = await tx.execute(sql`insert into ${events}
    (organization_id, type, connection_id, booking_page_id, user_id, payload, created_at)
    select ${organizationId}, d.value->>'type', d.value->>'connectionId', d.value->>'bookingPageId',
      d.value->>'userId', ${`[${payloads.values.join(',')}]`}::jsonb -> (d.value->>'payload')::integer,
      ${createdAt.toISOString()}::timestamptz
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as d(value, position)
    order by d.position
    returning id`);
  const notice = {
    kind: 'appended' as const,
    organizationId,
    // bigint ids arrive as strings from pg, as numbers from PGlite.
    lastEventId: (inserted as unknown as { rows: { id: string | number }[] }).rows.reduce(
      (last, row) => Math.max(last, Number(row.id)),
      0,
    ),
  };
  await bus.announce(tx, notice);
  return notice;
}

/** A snapshot, and its index among the distinct snapshots of its kind. */
interface InternedSnapshot<T> {
  snapshot: T;
  index: number;
}

/**
 * The rows the drafts name, read inside the appending transaction: every change the transaction made is in
 * them, and no later change can be, so the snapshot is what was true when the events happened. Equal snapshots
 * are one object: a fan-out's 10,000 pages have a handful of distinct states.
 */
async function snapshotsOf(tx: Executor, organizationId: string, drafts: readonly EventDraft[]) {
  const connectionIds = [...new Set(drafts.flatMap((draft) => draft.connectionId ?? []))];
  const pageIds = [...new Set(drafts.flatMap((draft) => draft.bookingPageId ?? []))];
  const [connectionRows, pageRows] = await Promise.all([
    connectionIds.length === 0
      ? []
      : tx
          .select({
            id: connections.id,
            status: connections.status,
            health: connections.health,
            lastError: connections.lastError,
          })
          .from(connections)
          .where(and(eq(connections.organizationId, organizationId), inIds(connections.id, connectionIds))),
    pageIds.length === 0
      ? []
      : tx
          .select({
            id: bookingPages.id,
            state: bookingPages.state,
            acceptingBookings: bookingPages.acceptingBookings,
            enabled: bookingPages.enabled,
          })
          .from(bookingPages)
          .where(and(eq(bookingPages.organizationId, organizationId), inIds(bookingPages.id, pageIds))),
  ]);
  const connectionSnapshots = interned<ConnectionSnapshot>();
  const pageSnapshots = interned<BookingPageSnapshot>();
  return {
    connectionStates: new Map(
      connectionRows.map(({ id, status, health, lastError }) => [
        id,
        connectionSnapshots({ status, health, lastError: lastError ?? null }),
      ]),
    ),
    pageStates: new Map(
      pageRows.map(({ id, state, acceptingBookings, enabled }) => [
        id,
        pageSnapshots({ state, acceptingBookings, enabled }),
      ]),
    ),
  };
}

/** Hands out one object per distinct value (equal JSON), with its number. */
function interned<T>(): (value: T) => InternedSnapshot<T> {
  const distinct = new Distinct<string, T>();
  return (value) => {
    const index = distinct.numberOf(JSON.stringify(value), () => value);
    return { snapshot: distinct.values[index] as T, index };
  };
}

/**
 * Events of one organization with id > `afterId`, oldest first. Throws EventsExpiredError when retention has
 * deleted some of the organization's events after `afterId`: the answer would have a gap.
 */
export async function readEvents(
  db: Executor,
  organizationId: string,
  afterId: number,
  limit = 100,
): Promise<TsunagiEvent[]> {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.organizationId, organizationId), gt(events.id, afterId)))
    .orderBy(asc(events.id))
    .limit(limit);
  // After the read, not before: see assertCursorRetained.
  await assertCursorRetained(db, organizationId, afterId);
  return rows as unknown as TsunagiEvent[];
}

/** The history of one booking page: every event about it, oldest first. */
export async function readPageHistory(
  db: Executor,
  organizationId: string,
  bookingPageId: string,
  options: { afterId?: number; limit?: number } = {},
): Promise<TsunagiEvent[]> {
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.organizationId, organizationId),
        eq(events.bookingPageId, bookingPageId),
        gt(events.id, options.afterId ?? 0),
      ),
    )
    .orderBy(asc(events.id))
    .limit(options.limit ?? 100);
  return rows as unknown as TsunagiEvent[];
}

/**
 * The newest event id of an organization (0 when it has none): the cursor for "live from now". Never below the
 * highest id retention deleted, so that following from it is never refused as expired.
 */
export async function latestEventId(db: Executor, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(events.id) })
    .from(events)
    .where(eq(events.organizationId, organizationId));
  return Math.max(row?.id ?? 0, await expiredThrough(db, organizationId));
}

export interface FollowEventsOptions {
  db: Executor;
  bus: EventBus;
  organizationId: string;
  /** Replay events after this id, then go live. Omit (or null) to start live from the newest event. */
  after?: number | null;
  signal?: AbortSignal;
  /** Rows per read. */
  batchSize?: number;
}

/**
 * Replays an organization's events after a cursor, then yields new ones as they commit, with no gap and
 * no duplicate: it subscribes before the first read, so a commit during replay still wakes it, and it
 * only ever yields ids above the last one yielded. A lost database connection pauses it until the
 * database answers again. Ends when `signal` aborts.
 */
export async function* followEvents(
  options: FollowEventsOptions,
): AsyncGenerator<TsunagiEvent, void, undefined> {
  for await (const batch of followEventBatches(options)) {
    for (const event of batch) {
      if (options.signal?.aborted) return;
      yield event;
    }
  }
}

/**
 * `followEvents` one read at a time: each batch (at most `batchSize` events, never empty) was read from the
 * database after the previous one was taken, so a consumer that checks something once per batch — the
 * reader's rights — checks it after every event it is about to deliver had committed. Throws
 * EventsExpiredError when the cursor (`after`, or one it reached) falls behind what retention keeps.
 */
/** A process-wide order of "learnt of a change" and "started a read" moments (strictly increasing). */
let moments = 0;
const tick = () => ++moments;

interface InFlightRead {
  readonly startedAt: number;
  readonly events: Promise<TsunagiEvent[]>;
}

/** Reads of the log in flight, by database and (organization, cursor, size). */
const readsInFlight = new WeakMap<Executor, Map<string, InFlightRead>>();

/**
 * `readEvents`, shared by the followers of one organization that ask for the same cursor and size at the same
 * time: the live subscribers of a process all stand at the newest event, and one notice wakes them together,
 * so one query serves them all instead of one each. A follower joins a read only if the read started after the
 * follower learnt of the change (`since`): such a read sees every event committed before that notice. Otherwise
 * it starts its own.
 */
function sharedRead(
  db: Executor,
  organizationId: string,
  cursor: number,
  batchSize: number,
  since: number,
): Promise<TsunagiEvent[]> {
  const reads = readsInFlight.get(db) ?? new Map<string, InFlightRead>();
  readsInFlight.set(db, reads);
  const key = `${organizationId}:${cursor}:${batchSize}`;
  const current = reads.get(key);
  if (current !== undefined && current.startedAt > since) return current.events;
  const read: InFlightRead = {
    startedAt: tick(),
    events: readEvents(db, organizationId, cursor, batchSize).finally(() => {
      if (reads.get(key) === read) reads.delete(key);
    }),
  };
  reads.set(key, read);
  return read.events;
}

export async function* followEventBatches(
  options: FollowEventsOptions,
): AsyncGenerator<TsunagiEvent[], void, undefined> {
  const { db, bus, organizationId, signal } = options;
  const batchSize = options.batchSize ?? 100;
  let cursor = 0;
  let dirty = true;
  /** When the follower last learnt there may be more to read (see sharedRead). */
  let dirtySince = tick();
  let wake: (() => void) | null = null;
  const poke = () => {
    dirty = true;
    dirtySince = tick();
    wake?.();
  };
  const unsubscribe = bus.subscribe((notice) => {
    if (notice.kind === 'resync') poke();
    else if (notice.organizationId === organizationId && notice.lastEventId > cursor) poke();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    // The database may be unreachable for a while: a follower waits for it as it waits for events.
    await retryWhileUnavailable(() => bus.ready(), signal);
    cursor = options.after ?? (await retryWhileUnavailable(() => latestEventId(db, organizationId), signal));
    while (!signal?.aborted) {
      if (!dirty) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (dirty || signal?.aborted) resolve();
        });
        wake = null;
        continue;
      }
      dirty = false;
      const since = dirtySince;
      const read = await retryWhileUnavailable(
        () => sharedRead(db, organizationId, cursor, batchSize, since),
        signal,
      );
      if (read.length === batchSize) poke();
      const batch = read.filter((event) => event.id > cursor);
      if (batch.length === 0 || signal?.aborted) continue;
      cursor = (batch.at(-1) as TsunagiEvent).id;
      yield batch;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
