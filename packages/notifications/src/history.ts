// A person's recent notifications, newest first, for them and their admins: one line per item (what it was
// about, on which channel, how it went).
import type { Database } from '@tsunagi/db';
import {
  type NotificationChannel,
  type NotificationKind,
  type NotificationStatus,
  notifications,
} from '@tsunagi/db/schema';
import { and, desc, eq } from 'drizzle-orm';

export interface NotificationRecord {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly status: NotificationStatus;
  readonly connectionId: string | null;
  /** The message that carried it (one id per e-mail or Slack post; a digest carries several items). */
  readonly messageId: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
  /** Why it failed or was cancelled, without secrets. */
  readonly lastError: string | null;
}

export async function recentNotifications(
  db: Database,
  organizationId: string,
  userId: string,
  limit: number,
): Promise<NotificationRecord[]> {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      channel: notifications.channel,
      status: notifications.status,
      connectionId: notifications.connectionId,
      messageId: notifications.messageId,
      createdAt: notifications.createdAt,
      sentAt: notifications.sentAt,
      lastError: notifications.lastError,
    })
    .from(notifications)
    .where(and(eq(notifications.organizationId, organizationId), eq(notifications.recipientId, userId)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}
