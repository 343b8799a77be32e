// What the notification resolvers use: the settings store (Slack URLs sealed), the Slack URL check under this
// gateway's target policy (WEBHOOK_ALLOW_PRIVATE_TARGETS: public addresses only in production), the recent
// notifications, and this process's dispatcher for test messages. The dispatcher runs when notifications are
// on and an SMTP server is configured (NOTIFICATIONS_ENABLED, SMTP_URL, MAIL_FROM).
import type { DatabaseHandle, Keyring } from '@tsunagi/db';
import {
  NotificationDispatcher,
  type NotificationLogger,
  type NotificationRecord,
  NotificationSettingsStore,
  type ReconnectLinkIssuer,
  recentNotifications,
  SmtpMailer,
  type TestOutcome,
} from '@tsunagi/notifications';
import { checkWebhookUrl, type TargetPolicy, type UrlCheck } from '@tsunagi/webhooks';
import type { NotificationConfig } from '../env.js';

export interface GatewayNotifications {
  readonly settings: NotificationSettingsStore;
  /** The Slack URL's form and, in production, that it reaches only public addresses. */
  checkSlackUrl(url: string): Promise<UrlCheck>;
  recent(organizationId: string, userId: string, limit: number): Promise<NotificationRecord[]>;
  /** Null when the person is not in the organization; every channel fails with NOTIFICATIONS_OFF when off. */
  sendTest(organizationId: string, userId: string): Promise<TestOutcome[] | null>;
}

export interface Notifications {
  readonly service: GatewayNotifications;
  /** Null when this process sends nothing (notifications off or no SMTP server). */
  readonly dispatcher: NotificationDispatcher | null;
}

export function createNotifications(options: {
  database: DatabaseHandle;
  keyring: Keyring;
  config: NotificationConfig | undefined;
  allowPrivateTargets: boolean;
  links: ReconnectLinkIssuer;
  logger: NotificationLogger;
  /** Events before this are old news (see NotificationDispatcherOptions.enabledAt). */
  enabledAt: Date;
  /** The policy's clock (escalation, warnings ahead of a predicted break); default the system's. */
  now?: (() => Date) | undefined;
}): Notifications {
  const { database, keyring, config } = options;
  const db = database.db;
  const targets: TargetPolicy = options.allowPrivateTargets ? 'any' : 'public-only';
  const settings = new NotificationSettingsStore({ db, keyring });
  const dispatcher =
    config?.enabled && config.smtpUrl !== null
      ? new NotificationDispatcher({
          db,
          bus: database.bus,
          keyring,
          mailer: new SmtpMailer({ smtpUrl: config.smtpUrl, from: config.from }),
          slackTargets: targets,
          links: options.links,
          logger: options.logger,
          enabledAt: options.enabledAt,
          now: options.now,
        })
      : null;
  return {
    dispatcher,
    service: {
      settings,
      checkSlackUrl: (url) => checkWebhookUrl(url, targets),
      recent: (organizationId, userId, limit) => recentNotifications(db, organizationId, userId, limit),
      async sendTest(organizationId, userId) {
        if (dispatcher !== null) return dispatcher.sendTest(organizationId, userId);
        const profile = await settings.recipient(organizationId, userId);
        if (profile === null) return null;
        const channels = [
          ...(profile.emailEnabled ? (['EMAIL'] as const) : []),
          ...(profile.slackUrl === null ? [] : (['SLACK'] as const)),
        ];
        return channels.map((channel) => ({ channel, ok: false, error: 'NOTIFICATIONS_OFF' }));
      },
    },
  };
}
