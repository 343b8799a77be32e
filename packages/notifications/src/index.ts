export type {
  NotificationDispatcherOptions,
  NotificationLogger,
  ReconnectLinkIssuer,
} from './dispatcher.js';
export { NotificationDispatcher } from './dispatcher.js';
export type { Mailer, MailerOptions, OutgoingEmail } from './mailer.js';
export { SmtpMailer } from './mailer.js';
export type {
  ConnectionBrokenMessage,
  ConnectionRecoveredMessage,
  FailureDescription,
  NotificationLocale,
  NotificationMessage,
  RenderedEmail,
} from './messages.js';
export {
  describeFailure,
  escapeHtml,
  isNotificationLocale,
  NOTIFICATION_LOCALES,
  renderNotification,
} from './messages.js';
