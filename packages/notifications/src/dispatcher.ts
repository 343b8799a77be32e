// Tells the people who must act (issue 12 §1–§2). The event log is the outbox: the CONNECTION_STATUS_CHANGED
// event commits with the change that caused it, and this dispatcher reads the log afterwards, like the webhook
// dispatcher (docs/DESIGN.md §4.2, §4.4):
// 1. fan-out: per organization, one transaction locks its cursor row (SKIP LOCKED), reads the events after
//    it, inserts one `notifications` row per event and recipient (unique, so a second fan-out of the same
//    events adds nothing) and moves the cursor. A connection that turns ERROR tells its owner (an Exchange
//    connection: the organization's admins); one that turns CONNECTED from ERROR sends a recovery notice.
// 2. delivery: claims due rows (SKIP LOCKED, a lease on `next_attempt_at`), renders them in the recipient's
//    locale with the stopped pages and a fresh reconnect link, sends them over SMTP and marks them SENT.
// A crash between commit and send loses nothing (the row waits); a row marked SENT is never sent again.
import { type Database, type EventBus, newId, readEvents, Wakeup } from '@tsunagi/db';
import {
  bookingPages,
  connections,
  type NotificationKind,
  notificationCursors,
  notifications,
  organizations,
  users,
} from '@tsunagi/db/schema';
import { and, eq, inArray, lte, min, sql } from 'drizzle-orm';
import type { Mailer } from './mailer.js';
import { isNotificationLocale, type NotificationMessage, renderNotification } from './messages.js';

/** What the dispatcher logs through (pino's shape). */
export interface NotificationLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

/** Mints the one-click reconnect link for a connection (the gateway's `GET /reconnect/<token>`). */
export interface ReconnectLinkIssuer {
  issue(organizationId: string, connectionId: string): Promise<{ url: string } | null>;
}

export interface NotificationDispatcherOptions {
  readonly db: Database;
  readonly bus?: EventBus | undefined;
  readonly mailer: Mailer;
  readonly links: ReconnectLinkIssuer;
  readonly logger?: NotificationLogger | undefined;
  readonly now?: (() => Date) | undefined;
  /** How often the loops look again without being woken, default 5 s. */
  readonly sweepMs?: number | undefined;
  /** How long a claimed row is left to its sender before another may take it, default 60 s. */
  readonly leaseMs?: number | undefined;
  /** Sends given up after this many attempts (FAILED), default 10. */
  readonly maxAttempts?: number | undefined;
}

const FAN_OUT_BATCH = 200;
const CLAIM_BATCH = 20;

type Claimed = typeof notifications.$inferSelect;

/** Exponential backoff: 10 s doubling, at most an hour. */
const retryDelayMs = (attempts: number) => Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));

export class NotificationDispatcher {
  readonly #options: NotificationDispatcherOptions;
  readonly #db: Database;
  readonly #now: () => Date;
  readonly #work = new Wakeup();
  #loop: Promise<void> | null = null;
  #unsubscribe: (() => void) | null = null;
  #stopped = false;

  constructor(options: NotificationDispatcherOptions) {
    this.#options = options;
    this.#db = options.db;
    this.#now = options.now ?? (() => new Date());
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

  /** Stops the loop and waits for the pass in flight; call before the database closes. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#work.poke();
    await this.#loop;
    this.#options.mailer.close();
  }

  /** Fans out, then sends everything due (tests and tools; the loop does this). */
  async runOnce(): Promise<{ enqueued: number; sent: number }> {
    const enqueued = await this.fanOut();
    const sent = await this.deliverDue();
    return { enqueued, sent };
  }

  /** Enqueues the notifications of every organization's new events; how many rows were offered. */
  async fanOut(): Promise<number> {
    // A new organization starts at the beginning of its log.
    await this.#db
      .insert(notificationCursors)
      .select(
        this.#db
          .select({ organizationId: organizations.id, cursor: sql<number>`0`.as('cursor') })
          .from(organizations),
      )
      .onConflictDoNothing();
    const cursors = await this.#db
      .select({ organizationId: notificationCursors.organizationId })
      .from(notificationCursors);
    let made = 0;
    for (const { organizationId } of cursors) {
      for (;;) {
        const step = await this.#fanOutOrganization(organizationId);
        made += step.made;
        if (step.read < FAN_OUT_BATCH) break;
      }
    }
    return made;
  }

  async #fanOutOrganization(organizationId: string): Promise<{ read: number; made: number }> {
    return this.#db.transaction(async (tx) => {
      const [row] = await tx
        .select({ cursor: notificationCursors.cursor })
        .from(notificationCursors)
        .where(eq(notificationCursors.organizationId, organizationId))
        .for('update', { skipLocked: true });
      // Another process is fanning this organization out.
      if (row === undefined) return { read: 0, made: 0 };
      const read = await readEvents(tx, organizationId, row.cursor, FAN_OUT_BATCH);
      const last = read.at(-1);
      if (last === undefined) return { read: 0, made: 0 };
      const changes = read.flatMap((event) => {
        if (event.type !== 'CONNECTION_STATUS_CHANGED' || event.connectionId === null) return [];
        const { from, to } = event.payload as { from?: string; to?: string };
        const kind: NotificationKind | null =
          to === 'ERROR'
            ? 'CONNECTION_BROKEN'
            : from === 'ERROR' && to === 'CONNECTED'
              ? 'CONNECTION_RECOVERED'
              : null;
        return kind === null ? [] : [{ event, kind, connectionId: event.connectionId }];
      });
      const rows: (typeof notifications.$inferInsert)[] = [];
      if (changes.length > 0) {
        const owners = await tx
          .select({ id: connections.id, userId: connections.userId, provider: connections.provider })
          .from(connections)
          .where(
            and(
              eq(connections.organizationId, organizationId),
              inArray(
                connections.id,
                changes.map((change) => change.connectionId),
              ),
            ),
          );
        const admins = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.organizationId, organizationId), eq(users.role, 'ADMIN')));
        const now = this.#now();
        for (const change of changes) {
          const connection = owners.find((owner) => owner.id === change.connectionId);
          if (connection === undefined) continue;
          // Exchange is fixed in the organization's Interop settings, which only admins can change.
          const recipients =
            connection.provider === 'EXCHANGE' ? admins.map((admin) => admin.id) : [connection.userId];
          for (const recipientId of recipients) {
            rows.push({
              id: newId('ntf'),
              organizationId,
              eventId: change.event.id,
              recipientId,
              kind: change.kind,
              connectionId: connection.id,
              nextAttemptAt: now,
              createdAt: now,
            });
          }
        }
        if (rows.length > 0) await tx.insert(notifications).values(rows).onConflictDoNothing();
      }
      await tx
        .update(notificationCursors)
        .set({ cursor: last.id })
        .where(eq(notificationCursors.organizationId, organizationId));
      return { read: read.length, made: rows.length };
    });
  }

  /** Sends every due notification, a claimed batch at a time; how many were sent. */
  async deliverDue(): Promise<number> {
    let sent = 0;
    while (!this.#stopped) {
      const claimed = await this.#claim();
      for (const notification of claimed) {
        if (await this.#send(notification)) sent += 1;
      }
      if (claimed.length < CLAIM_BATCH) break;
    }
    return sent;
  }

  /** When the next pending row comes due (a retry), for tools. */
  async nextDue(): Promise<Date | null> {
    const [row] = await this.#db
      .select({ due: min(notifications.nextAttemptAt) })
      .from(notifications)
      .where(eq(notifications.status, 'PENDING'));
    return row?.due ?? null;
  }

  async #claim(): Promise<Claimed[]> {
    const now = this.#now();
    const due = this.#db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.status, 'PENDING'), lte(notifications.nextAttemptAt, now)))
      .limit(CLAIM_BATCH)
      .for('update', { skipLocked: true });
    return this.#db
      .update(notifications)
      .set({
        attempts: sql`${notifications.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + (this.#options.leaseMs ?? 60_000)),
      })
      .where(inArray(notifications.id, due))
      .returning();
  }

  async #send(notification: Claimed): Promise<boolean> {
    try {
      const email = await this.#compose(notification);
      if (email === null) {
        // Nobody to tell any more (no address): done, nothing sent.
        await this.#mark(notification.id, { status: 'FAILED', lastError: 'NO_RECIPIENT_ADDRESS' });
        return false;
      }
      await this.#options.mailer.send(email);
    } catch (error) {
      const failed = notification.attempts >= (this.#options.maxAttempts ?? 10);
      // The SMTP reply's code only: a server's text may echo addresses or credentials.
      const code =
        (error as { responseCode?: number; code?: string }).responseCode ?? (error as { code?: string }).code;
      this.#options.logger?.warn(
        { notificationId: notification.id, attempts: notification.attempts, code, failed },
        'notification e-mail was not sent',
      );
      await this.#mark(notification.id, {
        ...(failed ? { status: 'FAILED' } : {}),
        lastError: String(code ?? 'SEND_FAILED'),
        nextAttemptAt: new Date(this.#now().getTime() + retryDelayMs(notification.attempts)),
      });
      return false;
    }
    await this.#mark(notification.id, { status: 'SENT', sentAt: this.#now(), lastError: null });
    return true;
  }

  async #mark(id: string, set: Partial<typeof notifications.$inferInsert>): Promise<void> {
    await this.#db.update(notifications).set(set).where(eq(notifications.id, id));
  }

  async #compose(notification: Claimed) {
    const { organizationId, connectionId } = notification;
    const [recipient, connection] = await Promise.all([
      this.#db.query.users.findFirst({
        where: (t, { and, eq }) =>
          and(eq(t.organizationId, organizationId), eq(t.id, notification.recipientId)),
      }),
      this.#db.query.connections.findFirst({
        where: (t, { and, eq }) => and(eq(t.organizationId, organizationId), eq(t.id, connectionId)),
      }),
    ]);
    if (recipient === undefined || connection === undefined || recipient.email === '') return null;
    const locale = isNotificationLocale(recipient.locale) ? recipient.locale : 'en';
    const account = connection.accountEmail ?? connection.provider;
    let message: NotificationMessage;
    if (notification.kind === 'CONNECTION_RECOVERED') {
      message = { kind: 'CONNECTION_RECOVERED', locale, account };
    } else {
      const exchange = connection.provider === 'EXCHANGE';
      const error = connection.lastError;
      const link =
        exchange || recipient.id !== connection.userId
          ? null
          : await this.#options.links.issue(organizationId, connectionId);
      message = {
        kind: 'CONNECTION_BROKEN',
        locale,
        audience: exchange ? 'ADMIN' : 'OWNER',
        account,
        failure: {
          code: error?.code ?? 'UNKNOWN',
          subReason: error?.subReason ?? null,
          provider: error?.provider ?? null,
        },
        stoppedPages: await this.#stoppedPages(organizationId, connectionId),
        reconnectUrl: link?.url ?? null,
        failingCheck: exchange ? (error?.subReason ?? error?.providerReason ?? null) : null,
      };
    }
    return {
      ...renderNotification(message),
      to: recipient.email,
      messageId: `<${notification.id}@notifications.tsunagi>`,
    };
  }

  /** The pages this connection's error disabled (their remediation plan has a step clearing it). */
  async #stoppedPages(organizationId: string, connectionId: string): Promise<string[]> {
    const pages = await this.#db
      .select({ title: bookingPages.title, plan: bookingPages.plan })
      .from(bookingPages)
      .where(
        and(
          eq(bookingPages.organizationId, organizationId),
          eq(bookingPages.state, 'DISABLED_CONNECTION_ERROR'),
        ),
      )
      .orderBy(bookingPages.title);
    return pages
      .filter((page) =>
        page.plan.some((step) => step.goal === 'CLEAR_CALENDAR_ERROR' && step.connectionId === connectionId),
      )
      .map((page) => page.title);
  }
}
