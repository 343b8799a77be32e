// When, and in how many messages: the policy between fan-out and delivery.
// - Escalation is driven by the clock, not by an event: a connection still ERROR once its organization's
//   escalation delay (default 24 h) has passed since it broke gets one CONNECTION_ESCALATED item per admin and
//   channel, once per breakage (the alert's `escalatedAt`).
// - Gathering turns a person's due items on one channel into one message. At most one message per person and
//   channel per digest window (default 15 min): the first goes at once, what follows inside the window waits
//   for its end and goes as one digest. Inside the person's quiet hours nothing goes; items wait until they end
//   (recovery notices and escalations too, each person by their own hours).
import { type Database, type Keyring, newId } from '@tsunagi/db';
import {
  connectionAlerts,
  connections,
  type NotificationChannel,
  type NotificationMessageKind,
  notificationMessages,
  notifications,
  organizationNotificationSettings,
  users,
} from '@tsunagi/db/schema';
import { and, asc, eq, inArray, isNull, lte, max, ne, sql } from 'drizzle-orm';
import { enqueueItems } from './fan-out.js';
import { quietUntil } from './quiet-hours.js';
import { channelsOf, DEFAULT_ESCALATION_DELAY_MINUTES, loadRecipients } from './settings.js';

const ESCALATION_BATCH = 100;
const GATHER_BATCH = 100;

export interface PolicyOptions {
  readonly db: Database;
  readonly keyring: Keyring;
  readonly now: () => Date;
}

/** Escalates every breakage whose delay has passed; how many items that made. */
export async function escalateDue(options: PolicyOptions): Promise<number> {
  const { db } = options;
  const now = options.now();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        connectionId: connectionAlerts.connectionId,
        organizationId: connectionAlerts.organizationId,
        eventId: connectionAlerts.eventId,
      })
      .from(connectionAlerts)
      .innerJoin(connections, eq(connections.id, connectionAlerts.connectionId))
      .leftJoin(
        organizationNotificationSettings,
        eq(organizationNotificationSettings.organizationId, connectionAlerts.organizationId),
      )
      .where(
        and(
          eq(connectionAlerts.state, 'BROKEN'),
          isNull(connectionAlerts.escalatedAt),
          eq(connections.status, 'ERROR'),
          sql`${connectionAlerts.since} + make_interval(mins => coalesce(${organizationNotificationSettings.escalationDelayMinutes}, ${DEFAULT_ESCALATION_DELAY_MINUTES})) <= ${now.toISOString()}::timestamptz`,
        ),
      )
      .limit(ESCALATION_BATCH)
      .for('update', { of: connectionAlerts, skipLocked: true });
    let made = 0;
    for (const alert of due) {
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organizationId, alert.organizationId), eq(users.role, 'ADMIN')));
      made += await enqueueItems(tx, options, alert.organizationId, {
        eventId: alert.eventId,
        kind: 'CONNECTION_ESCALATED',
        connectionId: alert.connectionId,
        recipientIds: admins.map((admin) => admin.id),
      });
      await tx
        .update(connectionAlerts)
        .set({ escalatedAt: now })
        .where(eq(connectionAlerts.connectionId, alert.connectionId));
    }
    return made;
  });
}

/** Gathers due items into messages; how many messages were made. */
export async function gatherDue(options: PolicyOptions): Promise<number> {
  const now = options.now();
  const waiting = await options.db
    .selectDistinct({
      organizationId: notifications.organizationId,
      recipientId: notifications.recipientId,
      channel: notifications.channel,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.status, 'PENDING'),
        isNull(notifications.messageId),
        lte(notifications.nextAttemptAt, now),
      ),
    )
    .limit(GATHER_BATCH);
  let made = 0;
  for (const group of waiting) {
    if (await gatherOne(options, now, group)) made += 1;
  }
  return made;
}

async function gatherOne(
  options: PolicyOptions,
  now: Date,
  group: { organizationId: string; recipientId: string; channel: NotificationChannel },
): Promise<boolean> {
  return options.db.transaction(async (tx) => {
    const mine = and(
      eq(notifications.recipientId, group.recipientId),
      eq(notifications.channel, group.channel),
      eq(notifications.status, 'PENDING'),
      isNull(notifications.messageId),
    );
    const items = await tx
      .select({ id: notifications.id, kind: notifications.kind })
      .from(notifications)
      .where(and(mine, lte(notifications.nextAttemptAt, now)))
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .for('update', { skipLocked: true });
    // Another process is gathering them.
    if (items.length === 0) return false;
    const ids = items.map((item) => item.id);
    const hold = (until: Date) =>
      tx.update(notifications).set({ nextAttemptAt: until }).where(inArray(notifications.id, ids));
    const profile = (
      await loadRecipients(tx, options.keyring, group.organizationId, [group.recipientId])
    ).get(group.recipientId);
    // The person left, or switched this channel off since: nobody to send it to here.
    if (profile === undefined || !channelsOf(profile).includes(group.channel)) {
      await tx
        .update(notifications)
        .set({ status: 'CANCELLED', lastError: 'CHANNEL_OFF' })
        .where(inArray(notifications.id, ids));
      return false;
    }
    const quietEnds = quietUntil(now, profile.quietHours);
    if (quietEnds !== null) {
      await hold(quietEnds);
      return false;
    }
    const [last] = await tx
      .select({ at: max(notificationMessages.createdAt) })
      .from(notificationMessages)
      .where(
        and(
          eq(notificationMessages.recipientId, group.recipientId),
          eq(notificationMessages.channel, group.channel),
          ne(notificationMessages.kind, 'TEST'),
        ),
      );
    const windowEnds =
      last?.at == null ? null : new Date(last.at.getTime() + profile.digestWindowMinutes * 60_000);
    if (windowEnds !== null && windowEnds > now) {
      await hold(windowEnds);
      return false;
    }
    const kind: NotificationMessageKind = items.length === 1 && items[0] ? items[0].kind : 'DIGEST';
    const messageId = newId('ntm');
    await tx.insert(notificationMessages).values({
      id: messageId,
      organizationId: group.organizationId,
      recipientId: group.recipientId,
      channel: group.channel,
      kind,
      nextAttemptAt: now,
      createdAt: now,
    });
    await tx.update(notifications).set({ messageId }).where(inArray(notifications.id, ids));
    return true;
  });
}
