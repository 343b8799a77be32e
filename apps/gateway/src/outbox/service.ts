// The embedded gateway's mail outbox (issue 12 §2): the local SMTP sink the notification dispatcher sends to,
// read back per viewer. Each message belongs to one organization, decided when it arrives (`mailOrganization`);
// a reader sees only that organization's messages, and of those a member only mail to their own address and an
// admin mail to any of the organization's users. A message no organization claims is shown to nobody here.
import type { Database } from '@tsunagi/db';
import {
  type MailOutbox,
  mailOrganization,
  type OutboxMessage,
  recipientAddresses,
  startMailOutbox,
} from '@tsunagi/notifications/outbox';
import type { Viewer } from '../auth/token.js';
import type { NotificationConfig } from '../env.js';

export interface GatewayMailOutbox {
  readonly outbox: MailOutbox;
  /** What `viewer` may read: their own mail (MEMBER), or mail to their organization's users (ADMIN). */
  visibleTo(viewer: Viewer): Promise<(message: OutboxMessage) => boolean>;
  stop(): Promise<void>;
}

const OUTBOX_MAIL_FROM = 'Tsunagi <notifications@localhost>';

/** The notification settings that send to the outbox when it runs (turning notifications on), else `configured`. */
export function notificationsVia(
  outbox: GatewayMailOutbox | null,
  configured: NotificationConfig | undefined,
): NotificationConfig | undefined {
  if (outbox === null) return configured;
  return { enabled: true, smtpUrl: outbox.outbox.url, from: configured?.from ?? OUTBOX_MAIL_FROM };
}

export async function startGatewayMailOutbox(
  db: Database,
  options: { capacity?: number } = {},
): Promise<GatewayMailOutbox> {
  const outbox = await startMailOutbox({
    ...options,
    organizationOf: (email) => mailOrganization(db, email),
  });
  return {
    outbox,
    async visibleTo(viewer) {
      if (viewer.role === 'SERVICE') return () => false;
      const addresses = await recipientAddresses(
        db,
        viewer.organizationId,
        viewer.role === 'ADMIN' ? null : viewer.userId,
      );
      return (message) =>
        message.organizationId === viewer.organizationId &&
        message.to.some((address) => addresses.has(address.toLowerCase()));
    },
    stop: () => outbox.stop(),
  };
}
