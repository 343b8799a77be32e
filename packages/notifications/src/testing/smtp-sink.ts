// A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps every message it accepts, parsed
// (`mailparser`), so tests read what a recipient would: subject, text, HTML and links.
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  readonly to: readonly string[];
  readonly messageId: string | undefined;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: string | null;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>` for the mailer. */
  readonly url: string;
  readonly received: ReceivedEmail[];
  /** Waits until `count` messages arrived (or throws after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  stop(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const all = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return all.flatMap((object) => object.value.map((entry) => entry.address ?? ''));
}

function toReceived(mail: ParsedMail): ReceivedEmail {
  const html = typeof mail.html === 'string' ? mail.html : '';
  return {
    to: addresses(mail.to),
    messageId: mail.messageId,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html,
    language: /<html lang="([^"]+)"/.exec(html)?.[1] ?? null,
  };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(toReceived(mail));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The SMTP sink did not listen');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
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
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
