export type { ReceivedEmail, SmtpSink } from './smtp-sink.js';
export { startSmtpSink } from './smtp-sink.js';
