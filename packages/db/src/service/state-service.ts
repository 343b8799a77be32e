// Every state change, one transaction each: the rows, the re-evaluation of exactly the affected booking
// pages, and the events — committed together or not at all, then announced on the bus.
//
// Locking (what keeps concurrent calls from losing updates or deadlocking). Every call takes its row locks
// in this order, each group sorted by id:
//   1. users whose connections it changes, or whom it adds to a page (FOR NO KEY UPDATE),
//   2. the connection it changes (FOR UPDATE),
//   3. the booking pages it changes or re-evaluates (FOR UPDATE),
//   4. the organization's event-append lock (appendEvents).
// (1) closes the one race row locks on pages alone leave open: a page gaining a member while that member's
// connection changes. Either the page edit waits for the connection change or the connection change then
// finds the page among the member's pages.
import { connectionKind, removeLocationsForUnlinkedConnection } from '@tsunagi/booking-rules';
import { and, asc, count, eq, inArray, like, max, ne, or } from 'drizzle-orm';
import { type ConnectionCredentials, deleteCredentials, writeCredentials } from '../credentials.js';
import type { Keyring } from '../crypto.js';
import type { Database } from '../database.js';
import { type EventBus, NoopEventBus } from '../event-bus.js';
import { appendEvents, type BookingPageField, type EventCause, type EventPayloads } from '../events.js';
import {
  applyConnectionError,
  applyProbeResult,
  type ConnectionHealthState,
  DEFAULT_HYSTERESIS_POLICY,
  type HysteresisPolicy,
  type ProbeResult,
  type ProviderErrorClassificationLike,
} from '../hysteresis.js';
import { newId } from '../ids.js';
import { fail, ok, type Result, type ServiceError, type ServiceErrorCode } from '../result.js';
import {
  type BookingPageLocationRow,
  type BookingPageMode,
  type BookingPageRow,
  bookingPageLocations,
  bookingPageMembers,
  bookingPages,
  type ConnectionProvider,
  type ConnectionRow,
  connections,
  type LocationType,
  users,
} from '../schema.js';
import { databaseUnavailable } from '../unavailable.js';
import {
  loadPages,
  pageIdsInvolvingUser,
  readPages,
  reevaluatePages,
  TxContext,
  toConnectionInput,
} from './pages.js';
import {
  checkAccount,
  checkLocation,
  checkMembers,
  checkModeAndRoundRobin,
  checkSlug,
  checkTitle,
  type FieldError,
  isProvider,
  INPUT_LIMITS as LIMITS,
  type LocationDraft,
  slugify,
} from './validation.js';

/** Who is acting, in which organization. SYSTEM is the probe scheduler and other internal jobs. */
export type Actor =
  | { organizationId: string; role: 'ADMIN' | 'MEMBER'; userId: string }
  | { organizationId: string; role: 'SYSTEM' };

export const systemActor = (organizationId: string): Actor => ({ organizationId, role: 'SYSTEM' });

export interface ConnectionChange {
  connection: ConnectionRow;
  /** The pages the connection's user owns or belongs to, as stored after the change (re-evaluated when the status moved). */
  pages: BookingPageRow[];
}

export interface CreateConnectionInput {
  /** Defaults to the acting user. */
  userId?: string;
  provider: ConnectionProvider;
  accountExternalId: string;
  accountEmail?: string | null;
  credentials?: ConnectionCredentials;
}

export interface LocationInputDraft {
  type: LocationType;
  /** Defaults to the type's name ("Zoom", "In person"…). */
  label?: string;
  /** Address, phone number or URL for IN_PERSON, PHONE, CUSTOM_URL; none for conferencing types. */
  value?: string | null;
}

export interface CreateBookingPageInput {
  title: string;
  /** Derived from the title when omitted. */
  slug?: string;
  /** Defaults to the acting user. */
  ownerId?: string;
  /** Defaults to `[ownerId]`. */
  memberIds?: string[];
  mode?: BookingPageMode;
  roundRobin?: boolean;
  enabled?: boolean;
  locations?: LocationInputDraft[];
}

export interface UpdateBookingPageInput {
  title?: string;
  slug?: string;
  memberIds?: string[];
  mode?: BookingPageMode;
  roundRobin?: boolean;
  /** Optimistic concurrency: CONFLICT unless the page is still at this version. */
  expectedVersion?: number;
}

export interface StateServiceOptions {
  db: Database;
  keyring: Keyring;
  bus?: EventBus;
  now?: () => Date;
  hysteresis?: Partial<HysteresisPolicy>;
  /**
   * Attempts for a transaction that Postgres aborted as a deadlock or serialization failure, or that lost
   * its connection before anything was applied (then with a growing pause: the database may be restarting).
   */
  maxAttempts?: number;
}

export interface StateService {
  createConnection(actor: Actor, input: CreateConnectionInput): Promise<Result<ConnectionChange>>;
  recordProbeResult(
    actor: Actor,
    connectionId: string,
    result: ProbeResult,
  ): Promise<Result<ConnectionChange>>;
  markConnectionError(
    actor: Actor,
    connectionId: string,
    classification: ProviderErrorClassificationLike,
  ): Promise<Result<ConnectionChange>>;
  /** Stores new credentials and marks the connection CONNECTED (an unlinked one is linked again), unless
   * `startedAt` is given and the connection was unlinked since then: an unlink wins over a reconnect that was
   * already under way (CONFLICT). */
  markReconnected(
    actor: Actor,
    connectionId: string,
    credentials: ConnectionCredentials,
    options?: { startedAt?: Date },
  ): Promise<Result<ConnectionChange>>;
  unlinkConnection(actor: Actor, connectionId: string): Promise<Result<ConnectionChange>>;
  createBookingPage(actor: Actor, input: CreateBookingPageInput): Promise<Result<BookingPageRow>>;
  updateBookingPage(
    actor: Actor,
    pageId: string,
    input: UpdateBookingPageInput,
  ): Promise<Result<BookingPageRow>>;
  addLocation(
    actor: Actor,
    pageId: string,
    input: LocationInputDraft,
  ): Promise<Result<{ page: BookingPageRow; location: BookingPageLocationRow }>>;
  removeLocation(actor: Actor, locationId: string): Promise<Result<BookingPageRow>>;
  removeAllLocations(actor: Actor, pageId: string): Promise<Result<BookingPageRow>>;
  changeOwner(actor: Actor, pageId: string, newOwnerId: string): Promise<Result<BookingPageRow>>;
  setBookingPageEnabled(actor: Actor, pageId: string, enabled: boolean): Promise<Result<BookingPageRow>>;
  /** Re-evaluates every page of the organization (e.g. after an engine upgrade). ADMIN or SYSTEM. */
  refreshEvaluations(actor: Actor): Promise<Result<BookingPageRow[]>>;
}

/** Thrown inside a transaction to roll it back and return `error` as a value. */
class Abort extends Error {
  override readonly name = 'ServiceAbort';
  constructor(readonly error: ServiceError) {
    super(error.message);
  }
}

const abort = (code: ServiceErrorCode, message: string, field?: string): never => {
  throw new Abort(fail(code, message, field).error);
};
const badInput = (error: FieldError): never => abort('BAD_USER_INPUT', error.message, error.field);

// SQLSTATEs: a retry of the whole transaction succeeds where these failed.
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
const UNIQUE_VIOLATION = '23505';
const CONFLICT_CONSTRAINTS: Record<string, string> = {
  booking_pages_org_slug_key: 'Another booking page of the organization has this slug',
  connections_live_account_key: 'This account is already linked',
};

function sqlState(error: unknown): { code: string; constraint?: string } | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const constraint = (e as { constraint?: unknown }).constraint;
      return typeof constraint === 'string' ? { code, constraint } : { code };
    }
  }
  return null;
}

function canManageUser(actor: Actor, userId: string): boolean {
  return actor.role !== 'MEMBER' || actor.userId === userId;
}

export function createStateService(options: StateServiceOptions): StateService {
  const { db, keyring } = options;
  const bus = options.bus ?? new NoopEventBus();
  const clock = options.now ?? (() => new Date());
  const policy: HysteresisPolicy = { ...DEFAULT_HYSTERESIS_POLICY, ...options.hysteresis };
  const maxAttempts = options.maxAttempts ?? 5;

  async function run<T>(
    actor: Actor,
    cause: EventCause,
    body: (ctx: TxContext) => Promise<T>,
  ): Promise<Result<T>> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { value, notice } = await db.transaction(async (tx) => {
          const ctx = new TxContext(tx, actor.organizationId, clock(), cause);
          const value = await body(ctx);
          const notice = await appendEvents(tx, bus, ctx.organizationId, ctx.events, ctx.now);
          return { value, notice };
        });
        if (notice !== null) bus.publish(notice);
        return ok(value);
      } catch (error) {
        if (error instanceof Abort) return { ok: false, error: error.error };
        const unavailable = databaseUnavailable(error);
        if (unavailable !== null) {
          // Safe to run again only when nothing was applied; an unknown outcome goes to the caller.
          if (!unavailable.retryable || attempt >= maxAttempts) throw unavailable;
          await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt * (0.5 + Math.random())));
          continue;
        }
        const state = sqlState(error);
        if (state !== null && RETRYABLE_SQLSTATES.has(state.code) && attempt < maxAttempts) continue;
        if (state?.code === UNIQUE_VIOLATION && state.constraint !== undefined) {
          const message = CONFLICT_CONSTRAINTS[state.constraint];
          if (message !== undefined) return fail('CONFLICT', message);
        }
        throw error;
      }
    }
  }

  /** Locks the organization's users in id order; NOT_FOUND if one is not in it. */
  async function lockUsers(ctx: TxContext, userIds: readonly string[]): Promise<void> {
    const ids = [...new Set(userIds)].sort();
    if (ids.length === 0) return;
    const found = await ctx.tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organizationId, ctx.organizationId), inArray(users.id, ids)))
      .orderBy(asc(users.id))
      .for('no key update');
    const missing = ids.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) abort('NOT_FOUND', `No user ${missing.join(', ')} in this organization`);
  }

  /** Finds, authorizes and locks a connection of the acting organization. */
  async function openConnection(ctx: TxContext, actor: Actor, connectionId: string): Promise<ConnectionRow> {
    const where = and(eq(connections.organizationId, ctx.organizationId), eq(connections.id, connectionId));
    const [peek] = await ctx.tx.select({ userId: connections.userId }).from(connections).where(where);
    if (peek === undefined) return abort('NOT_FOUND', `No connection ${connectionId}`);
    if (!canManageUser(actor, peek.userId))
      return abort('FORBIDDEN', 'Members manage only their own connections');
    await lockUsers(ctx, [peek.userId]);
    const [connection] = await ctx.tx.select().from(connections).where(where).for('update');
    return connection ?? abort('NOT_FOUND', `No connection ${connectionId}`);
  }

  /** Finds, authorizes and locks a page, after locking `usersToLock` (people the call adds to the page). */
  async function openPage(
    ctx: TxContext,
    actor: Actor,
    pageId: string,
    usersToLock: readonly string[] = [],
  ): Promise<BookingPageRow> {
    const where = and(eq(bookingPages.organizationId, ctx.organizationId), eq(bookingPages.id, pageId));
    const [peek] = await ctx.tx.select({ ownerId: bookingPages.ownerId }).from(bookingPages).where(where);
    if (peek === undefined) return abort('NOT_FOUND', `No booking page ${pageId}`);
    if (!canManageUser(actor, peek.ownerId))
      return abort('FORBIDDEN', 'Members edit only the pages they own');
    await lockUsers(ctx, usersToLock);
    const [page] = await ctx.tx.select().from(bookingPages).where(where).for('update');
    if (page === undefined) return abort('NOT_FOUND', `No booking page ${pageId}`);
    if (!canManageUser(actor, page.ownerId))
      return abort('FORBIDDEN', 'Members edit only the pages they own');
    return page;
  }

  /** Writes a connection's new status and records the change. */
  async function writeConnectionState(
    ctx: TxContext,
    before: ConnectionRow,
    next: ConnectionHealthState,
    checked: boolean,
  ): Promise<ConnectionRow> {
    const statusChanged = before.status !== next.status;
    const [connection] = await ctx.tx
      .update(connections)
      .set({
        ...next,
        lastCheckedAt: checked ? ctx.now : before.lastCheckedAt,
        statusChangedAt: statusChanged ? ctx.now : before.statusChangedAt,
        version: before.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(connections.id, before.id))
      .returning();
    if (connection === undefined) throw new Error(`Connection ${before.id} vanished under its lock`);
    if (statusChanged) {
      ctx.emit({
        type: 'CONNECTION_STATUS_CHANGED',
        connectionId: before.id,
        userId: before.userId,
        payload: {
          from: before.status,
          to: next.status,
          health: next.health,
          errorCode: next.lastError?.code ?? null,
          cause: ctx.cause,
        },
      });
    } else if (before.health !== next.health) {
      ctx.emit({
        type: 'CONNECTION_HEALTH_CHANGED',
        connectionId: before.id,
        userId: before.userId,
        payload: {
          status: next.status,
          from: before.health,
          to: next.health,
          consecutiveFailures: next.consecutiveFailures,
          errorCode: next.lastError?.code ?? null,
          cause: ctx.cause,
        },
      });
    }
    return connection;
  }

  /** …and re-evaluates the user's pages when the status moved (the engine reads only the status). */
  async function saveConnectionState(
    ctx: TxContext,
    before: ConnectionRow,
    next: ConnectionHealthState,
    checked: boolean,
  ): Promise<ConnectionChange> {
    const connection = await writeConnectionState(ctx, before, next, checked);
    const pageIds = await pageIdsInvolvingUser(ctx, before.userId);
    const pages =
      // The engine reads the status, and the error's sub-reason (the check an Interop settings fix names).
      before.status !== next.status || before.lastError?.subReason !== next.lastError?.subReason
        ? await reevaluatePages(ctx, pageIds, before.id)
        : await readPages(ctx, pageIds);
    return { connection, pages };
  }

  function healthState(connection: ConnectionRow): ConnectionHealthState {
    return {
      status: connection.status,
      health: connection.health,
      lastError: connection.lastError,
      consecutiveFailures: connection.consecutiveFailures,
      failureRunStartedAt: connection.failureRunStartedAt,
    };
  }

  function requireLinked(connection: ConnectionRow): void {
    if (connection.status === 'DISCONNECTED') abort('CONFLICT', `Connection ${connection.id} is unlinked`);
  }

  function checkCredentials(credentials: ConnectionCredentials | undefined): void {
    if (credentials === undefined) return;
    if (typeof credentials.accessToken !== 'string' || credentials.accessToken.length === 0) {
      abort('BAD_USER_INPUT', 'An access token is required', 'credentials.accessToken');
    }
  }

  async function assertAccountNotLinked(
    ctx: TxContext,
    account: { userId: string; provider: ConnectionProvider; accountExternalId: string },
    exceptId: string | null,
  ): Promise<void> {
    const [live] = await ctx.tx
      .select({ id: connections.id })
      .from(connections)
      .where(
        and(
          eq(connections.userId, account.userId),
          eq(connections.provider, account.provider),
          eq(connections.accountExternalId, account.accountExternalId),
          ne(connections.status, 'DISCONNECTED'),
          exceptId === null ? undefined : ne(connections.id, exceptId),
        ),
      );
    if (live !== undefined) abort('CONFLICT', `This account is already linked as ${live.id}`);
  }

  async function slugTaken(ctx: TxContext, slug: string, exceptPageId: string | null): Promise<boolean> {
    const [row] = await ctx.tx
      .select({ id: bookingPages.id })
      .from(bookingPages)
      .where(
        and(
          eq(bookingPages.organizationId, ctx.organizationId),
          eq(bookingPages.slug, slug),
          exceptPageId === null ? undefined : ne(bookingPages.id, exceptPageId),
        ),
      );
    return row !== undefined;
  }

  /** `base`, or `base-2`, `base-3`… whichever is free first. */
  async function freeSlug(ctx: TxContext, base: string): Promise<string> {
    const rows = await ctx.tx
      .select({ slug: bookingPages.slug })
      .from(bookingPages)
      .where(
        and(
          eq(bookingPages.organizationId, ctx.organizationId),
          or(eq(bookingPages.slug, base), like(bookingPages.slug, `${base}-%`)),
        ),
      );
    const taken = new Set(rows.map((row) => row.slug));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) {
      const suffix = `-${n}`;
      const candidate = `${base.slice(0, LIMITS.slugLength - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (!taken.has(candidate)) return candidate;
    }
  }

  async function pageMembers(ctx: TxContext, pageId: string): Promise<string[]> {
    const rows = await ctx.tx
      .select({ userId: bookingPageMembers.userId })
      .from(bookingPageMembers)
      .where(eq(bookingPageMembers.bookingPageId, pageId))
      .orderBy(asc(bookingPageMembers.position));
    return rows.map((row) => row.userId);
  }

  async function insertLocations(
    ctx: TxContext,
    pageId: string,
    drafts: readonly LocationDraft[],
    from: number,
  ) {
    if (drafts.length === 0) return [];
    return ctx.tx
      .insert(bookingPageLocations)
      .values(
        drafts.map((draft, i) => ({
          id: newId('loc'),
          bookingPageId: pageId,
          ...draft,
          position: from + i,
          createdAt: ctx.now,
        })),
      )
      .returning();
  }

  /** Records a page edit made in this transaction, then re-evaluates the page. */
  async function finishPageEdit(
    ctx: TxContext,
    page: BookingPageRow,
    fields: BookingPageField[],
    details: Pick<
      EventPayloads['BOOKING_PAGE_UPDATED'],
      'previousOwnerId' | 'addedMemberIds' | 'addedLocationIds' | 'removedLocationIds'
    > = {},
  ): Promise<BookingPageRow> {
    ctx.touchedPages.add(page.id);
    ctx.emit({
      type: 'BOOKING_PAGE_UPDATED',
      bookingPageId: page.id,
      userId: page.ownerId,
      payload: { fields, cause: ctx.cause, ...details },
    });
    const [updated] = await reevaluatePages(ctx, [page.id], null);
    if (updated === undefined) throw new Error(`Page ${page.id} vanished under its lock`);
    return updated;
  }

  function checkedLocation(input: LocationInputDraft, field: string): LocationDraft {
    const checked = checkLocation(input, field);
    return 'field' in checked ? badInput(checked) : checked;
  }

  return {
    createConnection(actor, input) {
      return run(actor, 'createConnection', async (ctx) => {
        const userId = input.userId ?? (actor.role === 'SYSTEM' ? undefined : actor.userId);
        if (userId === undefined) return abort('BAD_USER_INPUT', 'userId is required', 'userId');
        if (!isProvider(input.provider)) return abort('BAD_USER_INPUT', 'Unknown provider', 'provider');
        const accountError = checkAccount(input);
        if (accountError !== null) badInput(accountError);
        checkCredentials(input.credentials);
        if (!canManageUser(actor, userId)) return abort('FORBIDDEN', 'Members link only their own accounts');
        await lockUsers(ctx, [userId]);
        await assertAccountNotLinked(ctx, { ...input, userId }, null);
        const [connection] = await ctx.tx
          .insert(connections)
          .values({
            id: newId('con'),
            organizationId: ctx.organizationId,
            userId,
            provider: input.provider,
            kind: connectionKind(input.provider),
            accountExternalId: input.accountExternalId,
            accountEmail: input.accountEmail ?? null,
            status: 'CONNECTED',
            health: 'HEALTHY',
            statusChangedAt: ctx.now,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        if (connection === undefined) throw new Error('Insert returned no connection');
        if (input.credentials !== undefined) {
          await writeCredentials(ctx.tx, keyring, connection.id, input.credentials, ctx.now);
        }
        ctx.emit({
          type: 'CONNECTION_CREATED',
          connectionId: connection.id,
          userId,
          payload: {
            provider: connection.provider,
            kind: connection.kind,
            status: connection.status,
            health: connection.health,
          },
        });
        const pages = await reevaluatePages(ctx, await pageIdsInvolvingUser(ctx, userId), connection.id);
        return { connection, pages };
      });
    },

    recordProbeResult(actor, connectionId, result) {
      return run(actor, 'recordProbeResult', async (ctx) => {
        if (!result.ok && result.classification === undefined) {
          abort('BAD_USER_INPUT', 'A failed probe needs its classification', 'classification');
        }
        const connection = await openConnection(ctx, actor, connectionId);
        requireLinked(connection);
        return saveConnectionState(
          ctx,
          connection,
          applyProbeResult(healthState(connection), result, ctx.now, policy),
          true,
        );
      });
    },

    markConnectionError(actor, connectionId, classification) {
      return run(actor, 'markConnectionError', async (ctx) => {
        const connection = await openConnection(ctx, actor, connectionId);
        requireLinked(connection);
        return saveConnectionState(
          ctx,
          connection,
          applyConnectionError(healthState(connection), classification, ctx.now),
          false,
        );
      });
    },

    markReconnected(actor, connectionId, credentials, options = {}) {
      return run(actor, 'markReconnected', async (ctx) => {
        checkCredentials(credentials);
        const connection = await openConnection(ctx, actor, connectionId);
        if (connection.status === 'DISCONNECTED') {
          const { startedAt } = options;
          if (startedAt !== undefined && connection.statusChangedAt.getTime() >= startedAt.getTime()) {
            return abort('CONFLICT', 'The connection was unlinked after this reconnect started');
          }
          await assertAccountNotLinked(ctx, connection, connection.id);
        }
        await writeCredentials(ctx.tx, keyring, connection.id, credentials, ctx.now);
        const next: ConnectionHealthState = {
          status: 'CONNECTED',
          health: 'HEALTHY',
          lastError: null,
          consecutiveFailures: 0,
          failureRunStartedAt: null,
        };
        return saveConnectionState(ctx, connection, next, true);
      });
    },

    unlinkConnection(actor, connectionId) {
      return run(actor, 'unlinkConnection', async (ctx) => {
        const before = await openConnection(ctx, actor, connectionId);
        const pageIds = await pageIdsInvolvingUser(ctx, before.userId);
        if (before.status === 'DISCONNECTED')
          return { connection: before, pages: await readPages(ctx, pageIds) };
        await deleteCredentials(ctx.tx, before.id);
        const connection = await writeConnectionState(
          ctx,
          before,
          {
            status: 'DISCONNECTED',
            health: 'BROKEN',
            lastError: null,
            consecutiveFailures: 0,
            failureRunStartedAt: null,
          },
          false,
        );
        // DESIGN §2: the owner's ALL_MEMBERS pages lose the locations that needed this connection.
        const { inputs, connectionsByUser } = await loadPages(ctx, pageIds);
        const removal = removeLocationsForUnlinkedConnection(
          toConnectionInput(connection),
          inputs.values(),
          connectionsByUser,
        );
        for (const page of removal.pages) {
          const removed = removal.removed.filter((r) => r.pageId === page.id);
          const locationIds = removed.map((r) => r.locationId);
          await ctx.tx
            .delete(bookingPageLocations)
            .where(
              and(
                eq(bookingPageLocations.bookingPageId, page.id),
                inArray(bookingPageLocations.id, locationIds),
              ),
            );
          ctx.touchedPages.add(page.id);
          ctx.emit({
            type: 'LOCATIONS_REMOVED',
            bookingPageId: page.id,
            connectionId: connection.id,
            userId: connection.userId,
            payload: {
              locationIds,
              locationTypes: removed.map((r) => r.locationType),
              reason: 'CONNECTION_UNLINKED',
              connectionId: connection.id,
            },
          });
        }
        return { connection, pages: await reevaluatePages(ctx, pageIds, connection.id) };
      });
    },

    createBookingPage(actor, input) {
      return run(actor, 'createBookingPage', async (ctx) => {
        const ownerId = input.ownerId ?? (actor.role === 'SYSTEM' ? undefined : actor.userId);
        if (ownerId === undefined) return abort('BAD_USER_INPUT', 'ownerId is required', 'ownerId');
        const memberIds = input.memberIds ?? [ownerId];
        const mode = input.mode ?? 'ALL_MEMBERS';
        const roundRobin = input.roundRobin ?? false;
        const enabled = input.enabled ?? true;
        for (const error of [
          checkTitle(input.title),
          input.slug === undefined ? null : checkSlug(input.slug),
          checkMembers(memberIds),
          checkModeAndRoundRobin(mode, roundRobin),
        ]) {
          if (error !== null) badInput(error);
        }
        if (typeof enabled !== 'boolean') abort('BAD_USER_INPUT', 'enabled is a boolean', 'enabled');
        const locationInputs = input.locations ?? [];
        if (locationInputs.length > LIMITS.locationsPerPage) {
          abort('BAD_USER_INPUT', `A page has at most ${LIMITS.locationsPerPage} locations`, 'locations');
        }
        const locations = locationInputs.map((location, i) => checkedLocation(location, `locations.${i}`));
        if (!canManageUser(actor, ownerId)) return abort('FORBIDDEN', 'Members create pages they own');

        await lockUsers(ctx, [ownerId, ...memberIds]);
        let slug: string;
        if (input.slug === undefined) slug = await freeSlug(ctx, slugify(input.title));
        else if (await slugTaken(ctx, input.slug, null))
          return abort('CONFLICT', `Slug "${input.slug}" is taken`, 'slug');
        else slug = input.slug;
        const id = newId('pg');
        await ctx.tx.insert(bookingPages).values({
          id,
          organizationId: ctx.organizationId,
          title: input.title,
          slug,
          ownerId,
          mode,
          roundRobin,
          enabled,
          // Placeholder evaluation, replaced below in this transaction.
          appliedRule: 'ALL_MEMBERS',
          state: 'INACTIVE',
          acceptingBookings: false,
          reasons: [],
          plan: [],
          eligibleHostIds: [],
          usableLocationIds: [],
          warnings: [],
          stateChangedAt: ctx.now,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await ctx.tx
          .insert(bookingPageMembers)
          .values(memberIds.map((userId, position) => ({ bookingPageId: id, userId, position })));
        await insertLocations(ctx, id, locations, 0);
        ctx.createdPages.add(id);
        const [page] = await reevaluatePages(ctx, [id], null);
        if (page === undefined) throw new Error(`Page ${id} vanished in its own transaction`);
        ctx.emit({
          type: 'BOOKING_PAGE_CREATED',
          bookingPageId: id,
          userId: ownerId,
          payload: { title: page.title, slug, state: page.state, acceptingBookings: page.acceptingBookings },
        });
        return page;
      });
    },

    updateBookingPage(actor, pageId, input) {
      return run(actor, 'updateBookingPage', async (ctx) => {
        for (const error of [
          input.title === undefined ? null : checkTitle(input.title),
          input.slug === undefined ? null : checkSlug(input.slug),
          input.memberIds === undefined ? null : checkMembers(input.memberIds),
        ]) {
          if (error !== null) badInput(error);
        }
        const page = await openPage(ctx, actor, pageId, input.memberIds ?? []);
        if (input.expectedVersion !== undefined && input.expectedVersion !== page.version) {
          abort(
            'CONFLICT',
            `The page is at version ${page.version}, not ${input.expectedVersion}`,
            'expectedVersion',
          );
        }
        const mode = input.mode ?? page.mode;
        const roundRobin = input.roundRobin ?? page.roundRobin;
        const modeError = checkModeAndRoundRobin(mode, roundRobin);
        if (modeError !== null) badInput(modeError);

        const fields: BookingPageField[] = [];
        const set: Partial<typeof bookingPages.$inferInsert> = {};
        if (input.title !== undefined && input.title !== page.title) {
          set.title = input.title;
          fields.push('title');
        }
        if (input.slug !== undefined && input.slug !== page.slug) {
          if (await slugTaken(ctx, input.slug, page.id))
            abort('CONFLICT', `Slug "${input.slug}" is taken`, 'slug');
          set.slug = input.slug;
          fields.push('slug');
        }
        if (mode !== page.mode) {
          set.mode = mode;
          fields.push('mode');
        }
        if (roundRobin !== page.roundRobin) {
          set.roundRobin = roundRobin;
          fields.push('roundRobin');
        }
        const membersChanged =
          input.memberIds !== undefined &&
          (await pageMembers(ctx, page.id)).join('\n') !== input.memberIds.join('\n');
        if (membersChanged) fields.push('memberIds');
        if (fields.length === 0) return page;

        if (Object.keys(set).length > 0) {
          await ctx.tx.update(bookingPages).set(set).where(eq(bookingPages.id, page.id));
        }
        if (membersChanged && input.memberIds !== undefined) {
          await ctx.tx.delete(bookingPageMembers).where(eq(bookingPageMembers.bookingPageId, page.id));
          await ctx.tx
            .insert(bookingPageMembers)
            .values(
              input.memberIds.map((userId, position) => ({ bookingPageId: page.id, userId, position })),
            );
        }
        return finishPageEdit(ctx, page, fields);
      });
    },

    addLocation(actor, pageId, input) {
      return run(actor, 'addLocation', async (ctx) => {
        const draft = checkedLocation(input, 'location');
        const page = await openPage(ctx, actor, pageId);
        const [{ existing, last } = { existing: 0, last: null }] = await ctx.tx
          .select({ existing: count(), last: max(bookingPageLocations.position) })
          .from(bookingPageLocations)
          .where(eq(bookingPageLocations.bookingPageId, page.id));
        if (existing >= LIMITS.locationsPerPage) {
          abort('BAD_USER_INPUT', `A page has at most ${LIMITS.locationsPerPage} locations`, 'location');
        }
        const [location] = await insertLocations(ctx, page.id, [draft], (last ?? -1) + 1);
        if (location === undefined) throw new Error('Insert returned no location');
        const updated = await finishPageEdit(ctx, page, ['locations'], { addedLocationIds: [location.id] });
        return { page: updated, location };
      });
    },

    removeLocation(actor, locationId) {
      return run(actor, 'removeLocation', async (ctx) => {
        const [peek] = await ctx.tx
          .select({ pageId: bookingPageLocations.bookingPageId })
          .from(bookingPageLocations)
          .innerJoin(bookingPages, eq(bookingPages.id, bookingPageLocations.bookingPageId))
          .where(
            and(eq(bookingPages.organizationId, ctx.organizationId), eq(bookingPageLocations.id, locationId)),
          );
        if (peek === undefined) return abort('NOT_FOUND', `No location ${locationId}`);
        const page = await openPage(ctx, actor, peek.pageId);
        const removed = await ctx.tx
          .delete(bookingPageLocations)
          .where(
            and(eq(bookingPageLocations.bookingPageId, page.id), eq(bookingPageLocations.id, locationId)),
          )
          .returning({ id: bookingPageLocations.id });
        if (removed.length === 0) return abort('NOT_FOUND', `No location ${locationId}`);
        return finishPageEdit(ctx, page, ['locations'], { removedLocationIds: [locationId] });
      });
    },

    removeAllLocations(actor, pageId) {
      return run(actor, 'removeAllLocations', async (ctx) => {
        const page = await openPage(ctx, actor, pageId);
        const removed = await ctx.tx
          .delete(bookingPageLocations)
          .where(eq(bookingPageLocations.bookingPageId, page.id))
          .returning({ id: bookingPageLocations.id, position: bookingPageLocations.position });
        if (removed.length === 0) return page;
        removed.sort((a, b) => a.position - b.position);
        return finishPageEdit(ctx, page, ['locations'], { removedLocationIds: removed.map((r) => r.id) });
      });
    },

    changeOwner(actor, pageId, newOwnerId) {
      return run(actor, 'changeOwner', async (ctx) => {
        if (typeof newOwnerId !== 'string' || newOwnerId.length === 0) {
          abort('BAD_USER_INPUT', 'newOwnerId is required', 'newOwnerId');
        }
        const page = await openPage(ctx, actor, pageId, [newOwnerId]);
        if (page.ownerId === newOwnerId) return page;
        // The owner is always a member: a new owner who was not one joins, at the end of the list.
        const members = await pageMembers(ctx, page.id);
        const joins = !members.includes(newOwnerId);
        if (joins && members.length >= LIMITS.membersPerPage) {
          abort('BAD_USER_INPUT', `A page has at most ${LIMITS.membersPerPage} members`, 'userId');
        }
        await ctx.tx.update(bookingPages).set({ ownerId: newOwnerId }).where(eq(bookingPages.id, page.id));
        if (!joins) return finishPageEdit(ctx, page, ['ownerId'], { previousOwnerId: page.ownerId });
        await ctx.tx
          .insert(bookingPageMembers)
          .values({ bookingPageId: page.id, userId: newOwnerId, position: members.length });
        return finishPageEdit(ctx, page, ['ownerId', 'memberIds'], {
          previousOwnerId: page.ownerId,
          addedMemberIds: [newOwnerId],
        });
      });
    },

    setBookingPageEnabled(actor, pageId, enabled) {
      return run(actor, 'setBookingPageEnabled', async (ctx) => {
        if (typeof enabled !== 'boolean') abort('BAD_USER_INPUT', 'enabled is a boolean', 'enabled');
        const page = await openPage(ctx, actor, pageId);
        if (page.enabled === enabled) return page;
        await ctx.tx.update(bookingPages).set({ enabled }).where(eq(bookingPages.id, page.id));
        return finishPageEdit(ctx, page, ['enabled']);
      });
    },

    refreshEvaluations(actor) {
      return run(actor, 'refreshEvaluations', async (ctx) => {
        if (actor.role === 'MEMBER') abort('FORBIDDEN', 'Only admins refresh every page');
        const rows = await ctx.tx
          .select({ id: bookingPages.id })
          .from(bookingPages)
          .where(eq(bookingPages.organizationId, ctx.organizationId));
        return reevaluatePages(
          ctx,
          rows.map((row) => row.id),
          null,
        );
      });
    },
  };
}
