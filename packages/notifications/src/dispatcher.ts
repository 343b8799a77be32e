// Tells the people who must act (issue 12 §1–§2): the front door over fan-out (fan-out.ts), the policy of who
// and when (policy.ts: escalation, digest window, quiet hours) and delivery per channel (delivery.ts,
// channels.ts). One loop runs them in order, woken by the event bus and by a sweep, and reads time from the
// injectable `now`, so escalations and held digests come due by the clock alone.
import type { Database, EventBus, Keyring } from '@tsunagi/db';
import { newId, Wakeup } from '@tsunagi/db';
import { type NotificationChannel, notificationMessages, notifications } from '@tsunagi/db/schema';
import type { TargetPolicy } from '@tsunagi/webhooks';
import { eq, min } from 'drizzle-orm';
import { type ChannelSenders, EmailChannel, SlackChannel } from './channels.js';
import { MessageComposer, type ReconnectLinkIssuer } from './compose.js';
import { Delivery, type NotificationLogger } from './delivery.js';
import { fanOut } from './fan-out.js';
import type { Mailer } from './mailer.js';
import { escalateDue, gatherDue } from './policy.js';
import { channelsOf, loadRecipients } from './settings.js';
import { warnAheadDue } from './warn-ahead.js';

export type { ReconnectLinkIssuer } from './compose.js';
export type { NotificationLogger } from './delivery.js';

export interface NotificationDispatcherOptions {
  readonly db: Database;
  readonly bus?: EventBus | undefined;
  /** Opens the sealed Slack URLs. */
  readonly keyring: Keyring;
  readonly mailer: Mailer;
  /** Where Slack posts may go: `public-only` in production. */
  readonly slackTargets: TargetPolicy;
  readonly links: ReconnectLinkIssuer;
  readonly logger?: NotificationLogger | undefined;
  readonly now?: (() => Date) | undefined;
  /** How often the loop looks again without being woken, default 5 s (escalations and held digests). */
  readonly sweepMs?: number | undefined;
  /** How long a claimed message is left to its sender before another may take it, default 60 s. */
  readonly leaseMs?: number | undefined;
  /** Sends given up after this many attempts (FAILED), default 10. */
  readonly maxAttempts?: number | undefined;
  /**
   * Events committed before this are old news for an organization fan-out has not seen yet; default: when the
   * dispatcher is made. A gateway passes the moment it started, so what it seeded while starting is news.
   */
  readonly enabledAt?: Date | undefined;
}

export interface PassResult {
  /** Items made from new events. */
  readonly enqueued: number;
  /** Escalation items made by the clock. */
  readonly escalated: number;
  /** Warnings made by the clock: a predicted break came within the warning horizon. */
  readonly warned: number;
  /** Messages sent. */
  readonly sent: number;
}

/** How a test message went on one channel. */
export interface TestOutcome {
  readonly channel: NotificationChannel;
  readonly ok: boolean;
  readonly error: string | null;
}

export class NotificationDispatcher {
  readonly #options: NotificationDispatcherOptions;
  readonly #now: () => Date;
  readonly #enabledAt: Date;
  readonly #channels: ChannelSenders;
  readonly #delivery: Delivery;
  readonly #work = new Wakeup();
  #loop: Promise<void> | null = null;
  #unsubscribe: (() => void) | null = null;
  #stopped = false;

  constructor(options: NotificationDispatcherOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#enabledAt = options.enabledAt ?? this.#now();
    this.#channels = {
      EMAIL: new EmailChannel(options.mailer),
      SLACK: new SlackChannel({ targets: options.slackTargets }),
    };
    this.#delivery = new Delivery({
      db: options.db,
      keyring: options.keyring,
      channels: this.#channels,
      composer: new MessageComposer(options.db, options.links, this.#now),
      now: this.#now,
      logger: options.logger,
      leaseMs: options.leaseMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 10,
    });
  }

  start(): void {
    if (this.#loop !== null) return;
    this.#unsubscribe = this.#options.bus?.subscribe(() => this.#work.poke()) ?? null;
    const sweepMs = this.#options.sweepMs ?? 5_000;
    this.#loop = (async () => {
      while (!this.#stopped) {
        this.#work.clear();
        try {
          await this.runOnce();
        } catch (error) {
          // Losing the database fails this pass, not the process: the next pass starts from the tables.
          this.#options.logger?.warn({ err: error }, 'notification pass failed');
        }
        if (!this.#stopped) await this.#work.wait(sweepMs);
      }
    })();
  }

  /** Something may be due now (a settings change, a test): run a pass soon. */
  poke(): void {
    this.#work.poke();
  }

  /** Stops the loop and waits for the pass in flight; call before the database closes. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#work.poke();
    await this.#loop;
    this.#channels.EMAIL.close();
    this.#channels.SLACK.close();
  }

  /** One pass: fan out new events, escalate what is due, gather due items into messages, send them. */
  async runOnce(): Promise<PassResult> {
    const { db, keyring } = this.#options;
    const enqueued = await fanOut({ db, keyring, now: this.#now, enabledAt: this.#enabledAt });
    const escalated = await escalateDue({ db, keyring, now: this.#now });
    const warned = await warnAheadDue({ db, keyring, now: this.#now });
    await gatherDue({ db, keyring, now: this.#now });
    const sent = await this.#delivery.deliverDue(() => this.#stopped);
    return { enqueued, escalated, warned, sent };
  }

  /** When the next waiting item or message comes due (a held digest, quiet hours, a retry), for tools. */
  async nextDue(): Promise<Date | null> {
    const { db } = this.#options;
    const [[item], [message]] = await Promise.all([
      db
        .select({ due: min(notifications.nextAttemptAt) })
        .from(notifications)
        .where(eq(notifications.status, 'PENDING')),
      db
        .select({ due: min(notificationMessages.nextAttemptAt) })
        .from(notificationMessages)
        .where(eq(notificationMessages.status, 'PENDING')),
    ]);
    const dues = [item?.due, message?.due].filter((due): due is Date => due instanceof Date);
    return dues.length === 0 ? null : new Date(Math.min(...dues.map((due) => due.getTime())));
  }

  /**
   * Sends a test message to this person on each channel they receive on, now (quiet hours and the digest
   * window do not hold a test the person asked for), and says how each went. Recorded like any message.
   */
  async sendTest(organizationId: string, userId: string): Promise<TestOutcome[] | null> {
    const { db, keyring } = this.#options;
    const profile = (await loadRecipients(db, keyring, organizationId, [userId])).get(userId);
    if (profile === undefined) return null;
    const outcomes: TestOutcome[] = [];
    for (const channel of channelsOf(profile)) {
      const now = this.#now();
      const messageId = newId('ntm');
      const [message] = await db.transaction(async (tx) => {
        const rows = await tx
          .insert(notificationMessages)
          .values({
            id: messageId,
            organizationId,
            recipientId: userId,
            channel,
            kind: 'TEST',
            status: 'PENDING',
            attempts: 1,
            // Leased to this call: the loop leaves it alone unless this process dies mid-send.
            nextAttemptAt: new Date(now.getTime() + (this.#options.leaseMs ?? 60_000)),
            createdAt: now,
          })
          .returning();
        await tx.insert(notifications).values({
          id: newId('ntf'),
          organizationId,
          recipientId: userId,
          kind: 'TEST',
          channel,
          messageId,
          nextAttemptAt: now,
          createdAt: now,
        });
        return rows;
      });
      if (message === undefined) continue;
      const outcome = await this.#delivery.send(message).catch(() => ({
        ok: false as const,
        error: 'PREPARE_FAILED',
        permanent: true,
      }));
      // A test is tried once: the caller sees the answer and may try again.
      await this.#delivery.mark(
        messageId,
        outcome.ok ? 'SENT' : 'FAILED',
        outcome.ok ? { sentAt: this.#now(), lastError: null } : { lastError: outcome.error },
      );
      outcomes.push({ channel, ok: outcome.ok, error: outcome.ok ? null : outcome.error });
    }
    return outcomes;
  }
}
