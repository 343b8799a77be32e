// Connections: link, probe results, provider errors, reconnect and unlink. Each operation is one transaction
// of the shared runner; a status change re-evaluates the user's pages in it.
import { connectionKind, removeLocationsForUnlinkedConnection } from '@tsunagi/booking-rules';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { type ConnectionCredentials, deleteCredentials, writeCredentials } from '../credentials.js';
import { forgetGrants, recordGrantIssued } from '../grant-facts.js';
import {
  applyConnectionError,
  applyProbeResult,
  type BreakagePrediction,
  type ConnectionHealthState,
  type ProbeResult,
  type ProviderErrorClassificationLike,
} from '../hysteresis.js';
import { newId } from '../ids.js';
import type { Result } from '../result.js';
import {
  type BookingPageRow,
  bookingPageLocations,
  type ConnectionProvider,
  type ConnectionRow,
  connections,
} from '../schema.js';
import {
  loadPages,
  pageIdsInvolvingUser,
  readPages,
  reevaluatePages,
  type TxContext,
  toConnectionInput,
} from './page-evaluation.js';
import {
  type Actor,
  abort,
  badInput,
  canManageUser,
  lockUsers,
  openConnection,
  type TransactionRunner,
} from './runner.js';
import { checkAccount, isProvider } from './validation.js';

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

export interface ConnectionOperations {
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
  /**
   * Foresight's prediction for a working connection: AT_RISK with when and why it will break, or (null) no
   * foreseeable break, which clears a stored prediction. Only a CONNECTED connection that is HEALTHY or AT_RISK
   * takes it; nothing is written (and no event emitted) when the stored prediction is the same.
   */
  recordForesight(
    actor: Actor,
    connectionId: string,
    prediction: BreakagePrediction | null,
  ): Promise<Result<ConnectionRow>>;
}

/** The state a prediction leads to, or null when it changes nothing (or does not apply to this connection). */
export function foresightState(
  connection: ConnectionRow,
  prediction: BreakagePrediction | null,
): ConnectionHealthState | null {
  if (connection.status !== 'CONNECTED' || connection.health === 'DEGRADED' || connection.health === 'BROKEN')
    return null;
  const stored = connection.breaksAt === null ? null : connection.breaksAt.getTime();
  if (prediction === null) {
    if (stored === null) return null;
    // A probe's own warning (lastError) keeps the connection AT_RISK without the prediction.
    return {
      ...healthState(connection),
      health: connection.lastError === null ? 'HEALTHY' : 'AT_RISK',
      breaksAt: null,
      atRiskReason: null,
    };
  }
  if (
    connection.health === 'AT_RISK' &&
    stored === prediction.breaksAt.getTime() &&
    connection.atRiskReason === prediction.reason
  )
    return null;
  return {
    ...healthState(connection),
    health: 'AT_RISK',
    breaksAt: prediction.breaksAt,
    atRiskReason: prediction.reason,
  };
}

/** Writes a connection's new status and records the change. */
export async function writeConnectionState(
  ctx: TxContext,
  before: ConnectionRow,
  next: ConnectionHealthState,
  checked: boolean,
): Promise<ConnectionRow> {
  const statusChanged = before.status !== next.status;
  // Foresight's prediction holds only while AT_RISK.
  const breaksAt = next.status === 'CONNECTED' && next.health === 'AT_RISK' ? (next.breaksAt ?? null) : null;
  const atRiskReason = breaksAt === null ? null : (next.atRiskReason ?? null);
  const predictionChanged =
    before.breaksAt?.getTime() !== breaksAt?.getTime() || before.atRiskReason !== atRiskReason;
  const [connection] = await ctx.tx
    .update(connections)
    .set({
      ...next,
      breaksAt,
      atRiskReason,
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
  } else if (before.health !== next.health || predictionChanged) {
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
        breaksAt: breaksAt?.toISOString() ?? null,
        atRiskReason,
      },
    });
  }
  return connection;
}

/** …and re-evaluates the user's pages when the status moved (the engine reads only the status). */
export async function saveConnectionState(
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

export function healthState(connection: ConnectionRow): ConnectionHealthState {
  return {
    status: connection.status,
    health: connection.health,
    lastError: connection.lastError,
    consecutiveFailures: connection.consecutiveFailures,
    failureRunStartedAt: connection.failureRunStartedAt,
    breaksAt: connection.breaksAt,
    atRiskReason: connection.atRiskReason,
  };
}

export function requireLinked(connection: ConnectionRow): void {
  if (connection.status === 'DISCONNECTED') abort('CONFLICT', `Connection ${connection.id} is unlinked`);
}

export function checkCredentials(credentials: ConnectionCredentials | undefined): void {
  if (credentials === undefined) return;
  if (typeof credentials.accessToken !== 'string' || credentials.accessToken.length === 0) {
    abort('BAD_USER_INPUT', 'An access token is required', 'credentials.accessToken');
  }
}

export async function assertAccountNotLinked(
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

/**
 * Unlinks a live connection inside the caller's transaction, without re-evaluating (the caller does, once):
 * deletes its credentials, marks it DISCONNECTED, and takes off the locations that needed it from the pages
 * among `pageIds` (DESIGN §2: the owner's ALL_MEMBERS pages), marking those pages touched.
 */
export async function unlinkInTransaction(
  ctx: TxContext,
  before: ConnectionRow,
  pageIds: readonly string[],
): Promise<ConnectionRow> {
  await deleteCredentials(ctx.tx, before.id);
  await forgetGrants(ctx.tx, before.id);
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
        and(eq(bookingPageLocations.bookingPageId, page.id), inArray(bookingPageLocations.id, locationIds)),
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
  return connection;
}

export function connectionOperations(runner: TransactionRunner): ConnectionOperations {
  const { run, keyring, policy } = runner;
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
          await recordGrantIssued(ctx.tx, connection, ctx.now);
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
        await recordGrantIssued(ctx.tx, connection, ctx.now);
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
        const connection = await unlinkInTransaction(ctx, before, pageIds);
        return { connection, pages: await reevaluatePages(ctx, pageIds, connection.id) };
      });
    },

    recordForesight(actor, connectionId, prediction) {
      return run(actor, 'recordForesight', async (ctx) => {
        const connection = await openConnection(ctx, actor, connectionId);
        const next = foresightState(connection, prediction);
        if (next === null) return connection;
        // The status does not move (AT_RISK disables no page): no re-evaluation.
        return writeConnectionState(ctx, connection, next, false);
      });
    },
  };
}
