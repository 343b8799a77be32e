// Delivery per channel: one rendered message to one person over e-mail or a Slack-compatible incoming webhook.
// Each answers what became of the attempt; `permanent` failures are not retried.
import type { NotificationChannel } from '@tsunagi/db/schema';
import { type TargetPolicy, WebhookSender } from '@tsunagi/webhooks';
import type { Mailer } from './mailer.js';
import { type NotificationMessage, renderNotification } from './messages.js';
import { renderSlack } from './slack.js';

export type ChannelOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: string; readonly permanent: boolean };

/** Where one person's message goes on one channel. */
export interface Destination {
  readonly channel: NotificationChannel;
  /** The e-mail address, or the Slack incoming-webhook URL (a secret: never logged). */
  readonly address: string;
}

export interface ChannelSender {
  send(destination: Destination, message: NotificationMessage, messageId: string): Promise<ChannelOutcome>;
  close(): void;
}

/** E-mail over SMTP. The Message-ID is the message row's id, the same on every attempt. */
export class EmailChannel implements ChannelSender {
  readonly #mailer: Mailer;

  constructor(mailer: Mailer) {
    this.#mailer = mailer;
  }

  async send(
    destination: Destination,
    message: NotificationMessage,
    messageId: string,
  ): Promise<ChannelOutcome> {
    try {
      await this.#mailer.send({
        ...renderNotification(message),
        to: destination.address,
        messageId: `<${messageId}@notifications.tsunagi>`,
      });
      return { ok: true };
    } catch (error) {
      // The SMTP reply's code only: a server's text may echo addresses or credentials. A 5xx reply is
      // permanent (RFC 5321 §4.2.1), anything else is tried again.
      const responseCode = (error as { responseCode?: number }).responseCode;
      const code = responseCode ?? (error as { code?: string }).code;
      return {
        ok: false,
        error: String(code ?? 'SEND_FAILED'),
        permanent: responseCode !== undefined && responseCode >= 500,
      };
    }
  }

  close(): void {
    this.#mailer.close();
  }
}

export interface SlackChannelOptions {
  /** `public-only` in production (no loopback, private or link-local targets, checked again at connect time). */
  readonly targets: TargetPolicy;
  readonly timeoutMs?: number | undefined;
}

/**
 * Slack's incoming webhooks answer 200 with the body `ok`; a request Slack cannot use gets 400
 * (`invalid_payload`), 403 (`action_prohibited`), 404 (`channel_not_found`) or 410 (`channel_is_archived`),
 * which no retry changes; 5xx and 429 are worth another try
 * (https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks). A compatible receiver
 * (Mattermost, Rocket.Chat…) may answer any 2xx, which counts as accepted.
 */
const PERMANENT_SLACK_STATUSES: ReadonlySet<number> = new Set([400, 403, 404, 410]);

export class SlackChannel implements ChannelSender {
  readonly #sender: WebhookSender;

  constructor(options: SlackChannelOptions) {
    // The webhook sender: no redirects followed, addresses checked when each connection opens (DNS rebinding).
    this.#sender = new WebhookSender({ policy: options.targets, timeoutMs: options.timeoutMs ?? 10_000 });
  }

  async send(destination: Destination, message: NotificationMessage): Promise<ChannelOutcome> {
    const outcome = await this.#sender.send(destination.address, {}, JSON.stringify(renderSlack(message)));
    if (outcome.kind === 'failed') return { ok: false, error: outcome.error, permanent: false };
    if (outcome.status >= 200 && outcome.status < 300) return { ok: true };
    return {
      ok: false,
      error: `HTTP ${outcome.status}`,
      permanent: PERMANENT_SLACK_STATUSES.has(outcome.status),
    };
  }

  close(): void {
    this.#sender.close();
  }
}

/** The senders by channel. */
export type ChannelSenders = Readonly<Record<NotificationChannel, ChannelSender>>;
