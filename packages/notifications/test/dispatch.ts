// A dispatcher wired to real parts: the loopback SMTP sink, a reconnect-link store over the test database,
// the caller's clock. Mail is read back per recipient, so tests sharing one database do not count each other's.
import { createReconnectLinkStore } from '@tsunagi/db';
import { NotificationDispatcher, type ReconnectLinkIssuer } from '../src/dispatcher.js';
import { type Mailer, SmtpMailer } from '../src/mailer.js';
import type { SmtpSink } from '../src/testing/smtp-sink.js';
import { type TestDatabase, testKeyring } from './world.js';

export function testDispatcher(
  database: TestDatabase,
  sink: SmtpSink,
  options: { now?: () => Date; mailer?: Mailer; leaseMs?: number } = {},
) {
  const { handle } = database;
  const store = createReconnectLinkStore(handle.db, testKeyring);
  const links: ReconnectLinkIssuer = {
    async issue(organizationId, connectionId) {
      const issued = await store.issue({ organizationId, connectionId });
      return issued === null ? null : { url: `http://127.0.0.1:9/reconnect/${issued.token}` };
    },
  };
  const dispatcher = new NotificationDispatcher({
    db: handle.db,
    keyring: testKeyring,
    mailer: options.mailer ?? new SmtpMailer({ smtpUrl: sink.url, from: 'Tsunagi <notify@tsunagi.example>' }),
    slackTargets: 'any',
    links,
    now: options.now,
    leaseMs: options.leaseMs,
  });
  return { dispatcher, store };
}

/** The mail the sink holds for this address, in arrival order. */
export const mailTo = (sink: SmtpSink, address: string) =>
  sink.received.filter((mail) => mail.to.includes(address));

/** Waits for `count` messages to this address. */
export async function waitForMail(sink: SmtpSink, address: string, count: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (mailTo(sink, address).length < count) {
    if (Date.now() > deadline)
      throw new Error(`Expected ${count} mails to ${address}, got ${mailTo(sink, address).length}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return mailTo(sink, address);
}
