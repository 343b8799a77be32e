// The tests' SMTP sink: the outbox's mail server (`startMailSink`, a real `smtp-server` on 127.0.0.1) keeping
// every message it accepts, so tests read what a recipient would: subject, text, HTML and links.
import { type ReceivedEmail, startMailSink } from '../outbox/mail-sink.js';

export type { ReceivedEmail } from '../outbox/mail-sink.js';

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>` for the mailer. */
  readonly url: string;
  readonly received: ReceivedEmail[];
  /** Waits until `count` messages arrived (or throws after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  stop(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const sink = await startMailSink({ onMessage: (email) => void received.push(email) });
  return {
    url: sink.url,
    received,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`Expected ${count} messages, the sink has ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received.slice(0, count);
    },
    stop: () => sink.stop(),
  };
}
