// The one transaction runner every state-service operation goes through: it opens the transaction, appends
// the events the operation drafted, publishes them after the commit, and retries where that is safe.
//
// Locking (what keeps concurrent calls from losing updates or deadlocking). Every call takes its row locks
// in this order, each group sorted by id:
//   0. directory sync only: the organization's directory lock (a transaction-scoped advisory lock), so two
//      syncs of one organization run one after the other,
//   1. users whose connections it changes, or whom it adds to a page (FOR NO KEY UPDATE),
//   2. the connection it changes (FOR UPDATE),
//   3. the booking pages it changes or re-evaluates (FOR UPDATE),
//   4. the organization's event-append lock (appendEvents).
// (1) closes the one race row locks on pages alone leave open: a page gaining a member while that member's
// connection changes. Either the page edit waits for the connection change or the connection change then
// finds the page among the member's pages.

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Keyring } from '../crypto.js';
import type { Database } from '../database.js';
import { type EventBus, NoopEventBus } from '../event-bus.js';
import { appendEvents, type EventCause } from '../events.js';
import { DEFAULT_HYSTERESIS_POLICY, type HysteresisPolicy } from '../hysteresis.js';
import { fail, ok, type Result, type ServiceError, type ServiceErrorCode } from '../result.js';
import { type BookingPageRow, bookingPages, type ConnectionRow, connections, users } from '../schema.js';
import { databaseUnavailable } from '../unavailable.js';
import { TxContext } from './page-evaluation.js';
import type { FieldError } from './validation.js';

/** Who is acting, in which organization. SYSTEM is the probe scheduler and other internal jobs. */
export type Actor =
  | { organizationId: string; role: 'ADMIN' | 'MEMBER'; userId: string }
  | { organizationId: string; role: 'SYSTEM' };

export const systemActor = (organizationId: string): Actor => ({ organizationId, role: 'SYSTEM' });

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

/** Thrown inside a transaction to roll it back and return `error` as a value. */
class Abort extends Error {
  override readonly name = 'ServiceAbort';
  constructor(readonly error: ServiceError) {
    super(error.message);
  }
}

/** Thrown inside a transaction to roll it back and still return `value` (a dry run, per-row refusals). */
class Rollback extends Error {
  override readonly name = 'ServiceRollback';
  constructor(readonly value: unknown) {
    super('rolled back');
  }
}

/** Rolls the call's transaction back; `run` answers `ok(value)` (so `value` must have the body's type). */
export const rollBackWith = <T>(value: T): never => {
  throw new Rollback(value);
};

export const abort = (code: ServiceErrorCode, message: string, field?: string): never => {
  throw new Abort(fail(code, message, field).error);
};
export const badInput = (error: FieldError): never => abort('BAD_USER_INPUT', error.message, error.field);

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

export function canManageUser(actor: Actor, userId: string): boolean {
  return actor.role !== 'MEMBER' || actor.userId === userId;
}

/** One transaction per call, retried where that is safe; the operations of every aggregate run through it. */
export interface TransactionRunner {
  readonly keyring: Keyring;
  readonly policy: HysteresisPolicy;
  run<T>(actor: Actor, cause: EventCause, body: (ctx: TxContext) => Promise<T>): Promise<Result<T>>;
}

export function createTransactionRunner(options: StateServiceOptions): TransactionRunner {
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
        if (error instanceof Rollback) return ok(error.value as T);
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

  return { keyring, policy, run };
}

/** Locks the organization's users in id order; NOT_FOUND if one is not in it. */
export async function lockUsers(ctx: TxContext, userIds: readonly string[]): Promise<void> {
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
export async function openConnection(
  ctx: TxContext,
  actor: Actor,
  connectionId: string,
): Promise<ConnectionRow> {
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
export async function openPage(
  ctx: TxContext,
  actor: Actor,
  pageId: string,
  usersToLock: readonly string[] = [],
): Promise<BookingPageRow> {
  const where = and(eq(bookingPages.organizationId, ctx.organizationId), eq(bookingPages.id, pageId));
  const [peek] = await ctx.tx.select({ ownerId: bookingPages.ownerId }).from(bookingPages).where(where);
  if (peek === undefined) return abort('NOT_FOUND', `No booking page ${pageId}`);
  if (!canManageUser(actor, peek.ownerId)) return abort('FORBIDDEN', 'Members edit only the pages they own');
  await lockUsers(ctx, usersToLock);
  const [page] = await ctx.tx.select().from(bookingPages).where(where).for('update');
  if (page === undefined) return abort('NOT_FOUND', `No booking page ${pageId}`);
  if (!canManageUser(actor, page.ownerId)) return abort('FORBIDDEN', 'Members edit only the pages they own');
  return page;
}
