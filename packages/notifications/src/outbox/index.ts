// `@tsunagi/notifications/outbox`: a loopback SMTP server that reads what it accepts as a recipient would, and
// the embedded gateway's outbox built on it (the tests' sink in `./testing` is the same server).

export { mailOrganization, recipientAddresses } from './audience.js';
export type { MailSink, MailSinkOptions, ReceivedEmail } from './mail-sink.js';
export { linksIn, startMailSink } from './mail-sink.js';
export type { MailOutbox, MailOutboxOptions, OutboxMessage, OutboxPage } from './outbox.js';
export { DEFAULT_OUTBOX_CAPACITY, startMailOutbox } from './outbox.js';
