// What a message says: its items, read back with the connection's current state (failure, stopped pages,
// account) and, for owners of OAuth connections, a fresh one-click reconnect link.
import type { Database } from '@tsunagi/db';
import { bookingPages, type connections, type NotificationKind } from '@tsunagi/db/schema';
import { and, eq } from 'drizzle-orm';
import {
  type FailureDescription,
  isNotificationLocale,
  type NotificationItem,
  type NotificationMessage,
} from './messages.js';
import type { RecipientProfile } from './settings.js';

/** Mints the one-click reconnect link for a connection (the gateway's `GET /reconnect/<token>`). */
export interface ReconnectLinkIssuer {
  issue(organizationId: string, connectionId: string): Promise<{ url: string } | null>;
}

type ConnectionRow = typeof connections.$inferSelect;

export interface ItemToCompose {
  readonly kind: NotificationKind;
  readonly connectionId: string | null;
}

/** When foresight predicts the connection will break (stored while it is AT_RISK), and why. */
function predictedBreak(connection: ConnectionRow): Date | null {
  return connection.breaksAt;
}

function failureOf(connection: ConnectionRow): FailureDescription {
  const error = connection.lastError;
  return {
    code: error?.code ?? 'UNKNOWN',
    subReason: error?.subReason ?? null,
    provider: error?.provider ?? null,
  };
}

export class MessageComposer {
  readonly #db: Database;
  readonly #links: ReconnectLinkIssuer;
  readonly #now: () => Date;

  constructor(db: Database, links: ReconnectLinkIssuer, now: () => Date) {
    this.#db = db;
    this.#links = links;
    this.#now = now;
  }

  async compose(
    organizationId: string,
    recipient: RecipientProfile,
    items: readonly ItemToCompose[],
  ): Promise<NotificationMessage> {
    const composed: NotificationItem[] = [];
    for (const item of items) {
      const one = await this.#item(organizationId, recipient, item);
      if (one !== null) composed.push(one);
    }
    return {
      locale: isNotificationLocale(recipient.locale) ? recipient.locale : 'en',
      items: composed,
      timeZone: recipient.quietHours?.timeZone ?? null,
    };
  }

  async #item(
    organizationId: string,
    recipient: RecipientProfile,
    item: ItemToCompose,
  ): Promise<NotificationItem | null> {
    if (item.kind === 'TEST') return { kind: 'TEST' };
    if (item.connectionId === null) return null;
    const connectionId = item.connectionId;
    const connection = await this.#db.query.connections.findFirst({
      where: (t, { and, eq }) => and(eq(t.organizationId, organizationId), eq(t.id, connectionId)),
    });
    if (connection === undefined) return null;
    const account = connection.accountEmail ?? connection.provider;
    const exchange = connection.provider === 'EXCHANGE';
    const audience = exchange ? 'ADMIN' : 'OWNER';
    const failingCheck = exchange
      ? (connection.lastError?.subReason ?? connection.lastError?.providerReason ?? null)
      : null;
    // Only the owner can reconnect an OAuth account; Exchange is fixed in the organization's settings.
    const link = async () =>
      exchange || recipient.userId !== connection.userId
        ? null
        : ((await this.#links.issue(organizationId, connectionId))?.url ?? null);
    switch (item.kind) {
      case 'CONNECTION_RECOVERED':
        return { kind: 'CONNECTION_RECOVERED', account };
      case 'CONNECTION_AT_RISK':
        return {
          kind: 'CONNECTION_AT_RISK',
          audience,
          account,
          failure: connection.lastError === null ? null : failureOf(connection),
          reconnectUrl: await link(),
          failingCheck,
          breaksAt: predictedBreak(connection),
          atRiskReason: connection.breaksAt === null ? null : connection.atRiskReason,
        };
      case 'CONNECTION_BROKEN':
        return {
          kind: 'CONNECTION_BROKEN',
          audience,
          account,
          failure: failureOf(connection),
          stoppedPages: await this.#stoppedPages(organizationId, connectionId),
          reconnectUrl: await link(),
          failingCheck,
        };
      case 'CONNECTION_ESCALATED': {
        const owner = await this.#db.query.users.findFirst({
          where: (t, { eq }) => eq(t.id, connection.userId),
          columns: { name: true },
        });
        return {
          kind: 'CONNECTION_ESCALATED',
          account,
          ownerName: owner?.name ?? account,
          failure: failureOf(connection),
          stoppedPages: await this.#stoppedPages(organizationId, connectionId),
          brokenForHours: Math.floor(
            (this.#now().getTime() - connection.statusChangedAt.getTime()) / 3_600_000,
          ),
          failingCheck,
        };
      }
    }
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
