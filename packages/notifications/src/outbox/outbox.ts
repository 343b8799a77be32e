// The embedded gateway's outbox: the mail sink plus the last messages it accepted, newest first, in a bounded
// ring in memory. Demo mail is as short-lived as the demo's emulators (they forget their accounts on every
// start); what was sent, and that it was sent once, is recorded by the dispatcher's `notifications` rows.
import { randomBytes } from 'node:crypto';
import { type MailSink, type ReceivedEmail, startMailSink } from './mail-sink.js';

export interface OutboxMessage extends ReceivedEmail {
  /** `mail_<hex>`: names the message on `/outbox/<id>` and in GraphQL. */
  readonly id: string;
  /** Arrival order (1, 2, …): the page cursor. */
  readonly sequence: number;
  /** Whose mail it is, as `organizationOf` decided when it arrived; null when no one organization. */
  readonly organizationId: string | null;
}

export interface MailOutboxOptions {
  /** Messages kept; the oldest goes when one more arrives. Default 500. */
  readonly capacity?: number;
  /** The organization a message belongs to, decided once on arrival (the gateway reads its users). */
  readonly organizationOf?: (email: ReceivedEmail) => Promise<string | null>;
  /** Told of every message kept (tests, the benchmark). */
  readonly onStored?: (message: OutboxMessage) => void;
}

export interface OutboxPage {
  readonly messages: readonly OutboxMessage[];
  readonly hasNextPage: boolean;
}

export interface MailOutbox {
  /** The sink's `smtp://127.0.0.1:<port>`: the notification mailer's SMTP_URL. */
  readonly url: string;
  /** Newest first, those `include` accepts, after the message with sequence `after` (older ones). */
  list(options: {
    first: number;
    after?: number | null;
    include?: (message: OutboxMessage) => boolean;
  }): OutboxPage;
  get(id: string): OutboxMessage | null;
  /** How many messages arrived since start (kept or since dropped). */
  readonly received: number;
  stop(): Promise<void>;
}

export const DEFAULT_OUTBOX_CAPACITY = 500;

export async function startMailOutbox(options: MailOutboxOptions = {}): Promise<MailOutbox> {
  const capacity = options.capacity ?? DEFAULT_OUTBOX_CAPACITY;
  // Oldest first; `sequence` grows by one per message, so positions follow from it.
  const kept: OutboxMessage[] = [];
  let sequence = 0;
  const sink: MailSink = await startMailSink({
    async onMessage(email) {
      const organizationId = (await options.organizationOf?.(email)) ?? null;
      sequence += 1;
      const message: OutboxMessage = {
        ...email,
        id: `mail_${randomBytes(12).toString('hex')}`,
        sequence,
        organizationId,
      };
      kept.push(message);
      if (kept.length > capacity) kept.shift();
      options.onStored?.(message);
    },
  });
  return {
    url: sink.url,
    get received() {
      return sequence;
    },
    list({ first, after = null, include = () => true }) {
      const messages: OutboxMessage[] = [];
      for (let index = kept.length - 1; index >= 0; index -= 1) {
        const message = kept[index] as OutboxMessage;
        if (after !== null && message.sequence >= after) continue;
        if (!include(message)) continue;
        if (messages.length === first) return { messages, hasNextPage: true };
        messages.push(message);
      }
      return { messages, hasNextPage: false };
    },
    get(id) {
      return kept.find((message) => message.id === id) ?? null;
    },
    stop: () => sink.stop(),
  };
}
