// Delivery: claims due messages (SKIP LOCKED, a lease on `nextAttemptAt`), composes them in the recipient's
// locale, sends them over their channel and marks them and their items SENT; a failed attempt is retried with
// exponential backoff, a permanent failure or the last attempt marks them FAILED.
// At least once, not exactly once: if the process dies after the server accepted a message and before it was
// marked SENT, the lease runs out and the message is sent again, with the same Message-ID (`<ntm_…@…>`), which
// mail clients use to thread or drop the copy. SMTP and Slack's webhooks offer no idempotency key to do better.
import type { Database, Keyring } from '@tsunagi/db';
import { type NotificationStatus, notificationMessages, notifications } from '@tsunagi/db/schema';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { ChannelOutcome, ChannelSenders, Destination } from './channels.js';
import type { MessageComposer } from './compose.js';
import { loadRecipients, type RecipientProfile } from './settings.js';

const CLAIM_BATCH = 20;

/** Exponential backoff: 10 s doubling, at most an hour. */
export const retryDelayMs = (attempts: number) =>
  Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));

/** What the dispatcher logs through (pino's shape). */
export interface NotificationLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface DeliveryOptions {
  readonly db: Database;
  readonly keyring: Keyring;
  readonly channels: ChannelSenders;
  readonly composer: MessageComposer;
  readonly now: () => Date;
  readonly logger?: NotificationLogger | undefined;
  readonly leaseMs: number;
  readonly maxAttempts: number;
}

type Claimed = typeof notificationMessages.$inferSelect;

export function destinationOf(
  profile: RecipientProfile,
  channel: Destination['channel'],
): Destination | null {
  if (channel === 'EMAIL') return profile.emailEnabled ? { channel, address: profile.email } : null;
  return profile.slackUrl === null ? null : { channel, address: profile.slackUrl };
}

export class Delivery {
  readonly #options: DeliveryOptions;

  constructor(options: DeliveryOptions) {
    this.#options = options;
  }

  /** Sends every due message, a claimed batch at a time; how many were sent. */
  async deliverDue(stopped: () => boolean): Promise<number> {
    let sent = 0;
    while (!stopped()) {
      const claimed = await this.#claim();
      for (const message of claimed) {
        if (await this.#send(message)) sent += 1;
      }
      if (claimed.length < CLAIM_BATCH) break;
    }
    return sent;
  }

  async #claim(): Promise<Claimed[]> {
    const { db } = this.#options;
    const now = this.#options.now();
    const due = db
      .select({ id: notificationMessages.id })
      .from(notificationMessages)
      .where(and(eq(notificationMessages.status, 'PENDING'), lte(notificationMessages.nextAttemptAt, now)))
      .limit(CLAIM_BATCH)
      .for('update', { skipLocked: true });
    return db
      .update(notificationMessages)
      .set({
        attempts: sql`${notificationMessages.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + this.#options.leaseMs),
      })
      .where(inArray(notificationMessages.id, due))
      .returning();
  }

  /** Composes and sends one claimed message; also used for a test message, sent at once. */
  async send(message: Claimed): Promise<ChannelOutcome> {
    const { db } = this.#options;
    const items = await db
      .select({ kind: notifications.kind, connectionId: notifications.connectionId })
      .from(notifications)
      .where(eq(notifications.messageId, message.id))
      .orderBy(asc(notifications.createdAt), asc(notifications.id));
    const profile = (
      await loadRecipients(db, this.#options.keyring, message.organizationId, [message.recipientId])
    ).get(message.recipientId);
    const destination = profile === undefined ? null : destinationOf(profile, message.channel);
    if (profile === undefined || destination === null) {
      return { ok: false, error: 'NO_RECIPIENT_ADDRESS', permanent: true };
    }
    const composed = await this.#options.composer.compose(message.organizationId, profile, items);
    // Every item's connection is gone (deleted): there is nothing left to say.
    if (composed.items.length === 0) return { ok: false, error: 'NOTHING_TO_SAY', permanent: true };
    return this.#options.channels[message.channel].send(destination, composed, message.id);
  }

  async #send(message: Claimed): Promise<boolean> {
    let outcome: ChannelOutcome;
    try {
      outcome = await this.send(message);
    } catch (error) {
      // A database or rendering fault: tried again like a failed send.
      this.#options.logger?.warn({ err: error, messageId: message.id }, 'notification could not be prepared');
      outcome = { ok: false, error: 'PREPARE_FAILED', permanent: false };
    }
    const now = this.#options.now();
    if (outcome.ok) {
      await this.mark(message.id, 'SENT', { sentAt: now, lastError: null });
      return true;
    }
    const failed = outcome.permanent || message.attempts >= this.#options.maxAttempts;
    this.#options.logger?.warn(
      {
        messageId: message.id,
        channel: message.channel,
        attempts: message.attempts,
        error: outcome.error,
        failed,
      },
      'notification was not sent',
    );
    if (failed) {
      await this.mark(message.id, 'FAILED', { lastError: outcome.error });
    } else {
      await this.#options.db
        .update(notificationMessages)
        .set({
          lastError: outcome.error,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
        })
        .where(eq(notificationMessages.id, message.id));
    }
    return false;
  }

  /** Records the end of a message and its items, in one transaction. */
  async mark(
    messageId: string,
    status: Exclude<NotificationStatus, 'PENDING' | 'CANCELLED'>,
    details: { sentAt?: Date; lastError: string | null },
  ): Promise<void> {
    await this.#options.db.transaction(async (tx) => {
      await tx
        .update(notificationMessages)
        .set({ status, ...details })
        .where(eq(notificationMessages.id, messageId));
      await tx
        .update(notifications)
        .set({ status, ...details })
        .where(eq(notifications.messageId, messageId));
    });
  }
}
