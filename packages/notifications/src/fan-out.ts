// Fan-out: the event log is the outbox. Per organization, one transaction locks its cursor row (SKIP LOCKED),
// reads the events after it, turns connection changes into items (one per person and channel, unique, so a
// second fan-out of the same events adds nothing) and moves the cursor. Who is told:
// - ERROR: the owner (an Exchange connection: the organization's admins, who alone can fix its settings);
//   once per breakage: an ERROR reported again while the connection's alert is BROKEN tells nobody.
// - AT_RISK (health): the same people, warned once until it is healthy again; a predicted break (breaksAt)
//   further off than the organization's warning horizon is warned when it comes within it (warn-ahead.ts).
// - ERROR → CONNECTED: a recovery notice to whoever was told (the break or its escalation went into a
//   message). Items of the breakage not yet gathered into a message are cancelled instead: a break that
//   healed before anyone was told is news to nobody, and so is its recovery.
// - HEALTHY again after AT_RISK: an unsent warning is cancelled; no notice follows a warning.
// - DISCONNECTED (unlinked): whatever was still waiting about it is cancelled.
import {
  type Database,
  type Executor,
  isEventsExpiredError,
  type Keyring,
  newId,
  readEvents,
  type TsunagiEvent,
} from '@tsunagi/db';
import {
  connectionAlerts,
  connections,
  type NotificationKind,
  notificationCursors,
  notifications,
  organizations,
  users,
} from '@tsunagi/db/schema';
import { and, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { channelsOf, loadRecipients } from './settings.js';
import { warningDaysOf, warnNow } from './warn-ahead.js';

const FAN_OUT_BATCH = 200;

type Connection = Pick<typeof connections.$inferSelect, 'id' | 'userId' | 'provider'>;

export interface FanOutOptions {
  readonly db: Database;
  readonly keyring: Keyring;
  readonly now: () => Date;
  /**
   * When notifications were switched on in this process. An organization without a cursor starts after its
   * newest event older than this: switching notifications on for an existing database does not send its old
   * news, while an organization created since is read from its first event.
   */
  readonly enabledAt: Date;
}

/** Enqueues the items of every organization's new events; how many were offered. */
export async function fanOut(options: FanOutOptions): Promise<number> {
  const { db } = options;
  await db
    .insert(notificationCursors)
    .select(
      db
        .select({
          organizationId: organizations.id,
          // Qualified by hand: drizzle prints the columns of a sub-select without their table.
          cursor:
            sql<number>`coalesce((select max(e.id) from events e where e.organization_id = "organizations"."id" and e.created_at < ${options.enabledAt.toISOString()}::timestamptz), 0)`.as(
              'cursor',
            ),
        })
        .from(organizations),
    )
    .onConflictDoNothing();
  const cursors = await db
    .select({ organizationId: notificationCursors.organizationId })
    .from(notificationCursors);
  let made = 0;
  for (const { organizationId } of cursors) {
    for (;;) {
      const step = await fanOutOrganization(options, organizationId);
      made += step.made;
      if (step.read < FAN_OUT_BATCH) break;
    }
  }
  return made;
}

async function fanOutOrganization(
  options: FanOutOptions,
  organizationId: string,
): Promise<{ read: number; made: number }> {
  return options.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ cursor: notificationCursors.cursor })
      .from(notificationCursors)
      .where(eq(notificationCursors.organizationId, organizationId))
      .for('update', { skipLocked: true });
    // Another process is fanning this organization out.
    if (row === undefined) return { read: 0, made: 0 };
    let read: TsunagiEvent[];
    try {
      read = await readEvents(tx, organizationId, row.cursor, FAN_OUT_BATCH);
    } catch (error) {
      if (!isEventsExpiredError(error)) throw error;
      // Retention removed events this fan-out never read (no dispatcher ran for longer than the retention):
      // news that old is not worth sending, and stalling here would stop every organization after this one.
      await tx
        .update(notificationCursors)
        .set({ cursor: error.oldestCursor })
        .where(eq(notificationCursors.organizationId, organizationId));
      return { read: FAN_OUT_BATCH, made: 0 };
    }
    const last = read.at(-1);
    if (last === undefined) return { read: 0, made: 0 };
    const step = new OrganizationStep(tx, options, organizationId);
    let made = 0;
    for (const event of read) made += await step.apply(event);
    await tx
      .update(notificationCursors)
      .set({ cursor: last.id })
      .where(eq(notificationCursors.organizationId, organizationId));
    return { read: read.length, made };
  });
}

/** What one event means for notifications, inside the fan-out transaction. */
class OrganizationStep {
  readonly #tx: Executor;
  readonly #options: FanOutOptions;
  readonly #organizationId: string;
  #admins: string[] | null = null;

  constructor(tx: Executor, options: FanOutOptions, organizationId: string) {
    this.#tx = tx;
    this.#options = options;
    this.#organizationId = organizationId;
  }

  async apply(event: TsunagiEvent): Promise<number> {
    if (event.connectionId === null) return 0;
    if (event.type === 'CONNECTION_STATUS_CHANGED') {
      const { from, to } = event.payload;
      if (to === 'ERROR') return this.#broken(event, event.connectionId);
      if (from === 'ERROR' && to === 'CONNECTED') return this.#recovered(event, event.connectionId);
      if (to === 'DISCONNECTED') await this.#closed(event.connectionId);
      return 0;
    }
    if (event.type === 'CONNECTION_HEALTH_CHANGED') {
      if (event.payload.to === 'AT_RISK') return this.#atRisk(event, event.connectionId);
      if (event.payload.to === 'HEALTHY') await this.#healthy(event.connectionId);
    }
    return 0;
  }

  async #broken(event: TsunagiEvent, connectionId: string): Promise<number> {
    const connection = await this.#connection(connectionId);
    if (connection === undefined) return 0;
    const alert = await this.#alert(connectionId);
    // The same breakage reported again: its people were told (or will be) once.
    if (alert?.state === 'BROKEN') return 0;
    // A warning not yet sent is overtaken by the break itself.
    if (alert?.state === 'AT_RISK') await this.#cancelPending(connectionId, ['CONNECTION_AT_RISK']);
    const opened = { state: 'BROKEN' as const, eventId: event.id, since: event.createdAt, escalatedAt: null };
    await this.#tx
      .insert(connectionAlerts)
      .values({ connectionId, organizationId: this.#organizationId, ...opened })
      .onConflictDoUpdate({ target: connectionAlerts.connectionId, set: opened });
    return this.#enqueue(event.id, 'CONNECTION_BROKEN', connectionId, await this.#responsible(connection));
  }

  async #atRisk(event: TsunagiEvent, connectionId: string): Promise<number> {
    const connection = await this.#connection(connectionId);
    if (connection === undefined) return 0;
    // Already warned (or waiting to be), or already broken: nothing new to say.
    if ((await this.#alert(connectionId)) !== undefined) return 0;
    // A predicted break further off than the warning horizon waits for it (warn-ahead.ts warns it then).
    const payload = event.type === 'CONNECTION_HEALTH_CHANGED' ? event.payload : null;
    const breaksAt = payload?.breaksAt == null ? null : new Date(payload.breaksAt);
    const now = this.#options.now();
    const warnedNow =
      breaksAt === null || warnNow(breaksAt, now, await warningDaysOf(this.#tx, this.#organizationId));
    await this.#tx.insert(connectionAlerts).values({
      connectionId,
      organizationId: this.#organizationId,
      state: 'AT_RISK',
      eventId: event.id,
      since: event.createdAt,
      warnedAt: warnedNow ? now : null,
    });
    if (!warnedNow) return 0;
    return this.#enqueue(event.id, 'CONNECTION_AT_RISK', connectionId, await this.#responsible(connection));
  }

  async #recovered(event: TsunagiEvent, connectionId: string): Promise<number> {
    const alert = await this.#alert(connectionId);
    if (alert?.state !== 'BROKEN') return 0;
    const breakage = and(
      eq(notifications.connectionId, connectionId),
      inArray(notifications.kind, ['CONNECTION_BROKEN', 'CONNECTION_ESCALATED']),
      gte(notifications.eventId, alert.eventId),
    );
    await this.#cancelPending(connectionId, ['CONNECTION_BROKEN', 'CONNECTION_ESCALATED']);
    const told = await this.#tx
      .selectDistinct({ recipientId: notifications.recipientId, channel: notifications.channel })
      .from(notifications)
      .where(and(breakage, isNotNull(notifications.messageId)));
    await this.#tx.delete(connectionAlerts).where(eq(connectionAlerts.connectionId, connectionId));
    if (told.length === 0) return 0;
    const now = this.#options.now();
    const rows = told.map(({ recipientId, channel }) => ({
      id: newId('ntf'),
      organizationId: this.#organizationId,
      eventId: event.id,
      recipientId,
      kind: 'CONNECTION_RECOVERED' as const,
      channel,
      connectionId,
      nextAttemptAt: now,
      createdAt: now,
    }));
    await this.#tx.insert(notifications).values(rows).onConflictDoNothing();
    return rows.length;
  }

  async #healthy(connectionId: string): Promise<void> {
    const alert = await this.#alert(connectionId);
    if (alert?.state !== 'AT_RISK') return;
    await this.#cancelPending(connectionId, ['CONNECTION_AT_RISK']);
    await this.#tx.delete(connectionAlerts).where(eq(connectionAlerts.connectionId, connectionId));
  }

  async #closed(connectionId: string): Promise<void> {
    await this.#cancelPending(connectionId, [
      'CONNECTION_BROKEN',
      'CONNECTION_AT_RISK',
      'CONNECTION_ESCALATED',
    ]);
    await this.#tx.delete(connectionAlerts).where(eq(connectionAlerts.connectionId, connectionId));
  }

  /** Items about this connection that wait to be gathered: nobody has been told yet, and nobody will be. */
  async #cancelPending(connectionId: string, kinds: NotificationKind[]): Promise<void> {
    await this.#tx
      .update(notifications)
      .set({ status: 'CANCELLED' })
      .where(
        and(
          eq(notifications.connectionId, connectionId),
          inArray(notifications.kind, kinds),
          eq(notifications.status, 'PENDING'),
          isNull(notifications.messageId),
        ),
      );
  }

  #connection(connectionId: string): Promise<Connection | undefined> {
    return this.#tx
      .select({ id: connections.id, userId: connections.userId, provider: connections.provider })
      .from(connections)
      .where(and(eq(connections.organizationId, this.#organizationId), eq(connections.id, connectionId)))
      .then((rows) => rows[0]);
  }

  #alert(connectionId: string) {
    return this.#tx
      .select()
      .from(connectionAlerts)
      .where(eq(connectionAlerts.connectionId, connectionId))
      .for('update')
      .then((rows) => rows[0]);
  }

  /** Exchange is fixed in the organization's Interop settings, which only admins can change. */
  async #responsible(connection: Connection): Promise<string[]> {
    return connection.provider === 'EXCHANGE' ? this.#adminIds() : [connection.userId];
  }

  async #adminIds(): Promise<string[]> {
    this.#admins ??= (
      await this.#tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organizationId, this.#organizationId), eq(users.role, 'ADMIN')))
    ).map((admin) => admin.id);
    return this.#admins;
  }

  async #enqueue(
    eventId: number,
    kind: NotificationKind,
    connectionId: string,
    recipientIds: string[],
  ): Promise<number> {
    return enqueueItems(this.#tx, this.#options, this.#organizationId, {
      eventId,
      kind,
      connectionId,
      recipientIds,
    });
  }
}

/** One item per person and channel they receive on; a repeat of the same (event, person, kind, channel) adds nothing. */
export async function enqueueItems(
  tx: Executor,
  options: Pick<FanOutOptions, 'keyring' | 'now'>,
  organizationId: string,
  what: { eventId: number; kind: NotificationKind; connectionId: string; recipientIds: readonly string[] },
): Promise<number> {
  const profiles = await loadRecipients(tx, options.keyring, organizationId, what.recipientIds);
  const now = options.now();
  const rows = [...profiles.values()].flatMap((profile) =>
    channelsOf(profile).map((channel) => ({
      id: newId('ntf'),
      organizationId,
      eventId: what.eventId,
      recipientId: profile.userId,
      kind: what.kind,
      channel,
      connectionId: what.connectionId,
      nextAttemptAt: now,
      createdAt: now,
    })),
  );
  if (rows.length > 0) await tx.insert(notifications).values(rows).onConflictDoNothing();
  return rows.length;
}
