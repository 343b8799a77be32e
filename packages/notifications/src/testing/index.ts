export type { SlackPost, SlackReceiver } from './slack-receiver.js';
export { startSlackReceiver } from './slack-receiver.js';
export type { ReceivedEmail, SmtpSink } from './smtp-sink.js';
export { startSmtpSink } from './smtp-sink.js';
