// Whose mail an outbox message is, read from the database: the organization it belongs to (decided once, when
// it arrives) and the addresses a reader may see mail for. The dispatcher's Message-ID names its
// `notifications` row (`<ntf_…@notifications.tsunagi>`, see dispatcher.ts); any other message belongs to the
// organization whose users hold its recipient addresses — only when exactly one does. A message no one
// organization claims belongs to none.
import type { Database } from '@tsunagi/db';
import { notifications, users } from '@tsunagi/db/schema';
import { and, eq, inArray, sql } from 'drizzle-orm';

const NOTIFICATION_MESSAGE_ID = /^<(ntf_[A-Za-z0-9_-]{1,64})@/;

const lower = (addresses: readonly string[]) => addresses.map((address) => address.toLowerCase());

export async function mailOrganization(
  db: Database,
  email: { readonly to: readonly string[]; readonly messageId: string | undefined },
): Promise<string | null> {
  const notificationId = NOTIFICATION_MESSAGE_ID.exec(email.messageId ?? '')?.[1];
  if (notificationId !== undefined) {
    const [row] = await db
      .select({ organizationId: notifications.organizationId })
      .from(notifications)
      .where(eq(notifications.id, notificationId));
    if (row !== undefined) return row.organizationId;
  }
  if (email.to.length === 0) return null;
  const owners = await db
    .selectDistinct({ organizationId: users.organizationId })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, lower(email.to)));
  return owners.length === 1 ? (owners[0]?.organizationId ?? null) : null;
}

/** Lower-cased addresses of one user of the organization, or (userId null) of all its users. */
export async function recipientAddresses(
  db: Database,
  organizationId: string,
  userId: string | null,
): Promise<Set<string>> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(
      userId === null
        ? eq(users.organizationId, organizationId)
        : and(eq(users.organizationId, organizationId), eq(users.id, userId)),
    );
  return new Set(lower(rows.map((row) => row.email).filter((email) => email !== '')));
}
