export type { ChannelOutcome, ChannelSender, Destination, SlackChannelOptions } from './channels.js';
export { EmailChannel, SlackChannel } from './channels.js';
export type { ReconnectLinkIssuer } from './compose.js';
export type { NotificationLogger } from './delivery.js';
export type { NotificationDispatcherOptions, PassResult, TestOutcome } from './dispatcher.js';
export { NotificationDispatcher } from './dispatcher.js';
export type { NotificationRecord } from './history.js';
export { recentNotifications } from './history.js';
export type { Mailer, MailerOptions, OutgoingEmail } from './mailer.js';
export { SmtpMailer } from './mailer.js';
export type {
  ConnectionAtRiskItem,
  ConnectionBrokenItem,
  ConnectionEscalatedItem,
  ConnectionRecoveredItem,
  FailureDescription,
  NotificationItem,
  NotificationLocale,
  NotificationMessage,
  RenderedEmail,
  TestItem,
} from './messages.js';
export {
  describeFailure,
  escapeHtml,
  isNotificationLocale,
  NOTIFICATION_LOCALES,
  renderNotification,
} from './messages.js';
export type { QuietHours } from './quiet-hours.js';
export { isTimeZone, parseClock, quietUntil } from './quiet-hours.js';
export type {
  NotificationSettingsStoreOptions,
  OrganizationNotificationSettings,
  OrganizationSettingsChange,
  RecipientProfile,
  SettingsCheck,
  UserNotificationSettings,
  UserSettingsChange,
} from './settings.js';
export {
  AT_RISK_WARNING_LIMITS,
  checkOrganizationSettings,
  checkQuietHours,
  DEFAULT_AT_RISK_WARNING_DAYS,
  DEFAULT_DIGEST_WINDOW_MINUTES,
  DEFAULT_ESCALATION_DELAY_MINUTES,
  DIGEST_WINDOW_LIMITS,
  ESCALATION_DELAY_LIMITS,
  NotificationSettingsStore,
  slackUrlHint,
} from './settings.js';
export type { SlackPayload } from './slack.js';
export { renderSlack } from './slack.js';
