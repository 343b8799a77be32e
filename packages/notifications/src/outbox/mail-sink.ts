// A real SMTP server on loopback (the `smtp-server` package) that parses every message it accepts
// (`mailparser`) into what a recipient reads: addresses, subject, language, text, HTML and the links in them.
// The embedded gateway's outbox and the tests' sink are this one server; what each keeps is its own business.
import type { AddressInfo } from 'node:net';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  readonly to: readonly string[];
  readonly from: string;
  readonly messageId: string | undefined;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `<html lang="…">` of the HTML part (how the notifications say their locale); null without one. */
  readonly language: string | null;
  /** Every http(s) link in the text and HTML parts, each once, in order of appearance. */
  readonly links: readonly string[];
  readonly receivedAt: Date;
}

export interface MailSinkOptions {
  /** Called with each parsed message before SMTP accepts it; a rejection refuses the message (4xx/5xx). */
  readonly onMessage: (email: ReceivedEmail) => void | Promise<void>;
  /** Loopback only; default 127.0.0.1. */
  readonly host?: '127.0.0.1' | '::1';
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** Largest message accepted, default 1 MiB (smtp-server answers 552 beyond it). */
  readonly maxBytes?: number;
}

export interface MailSink {
  /** `smtp://127.0.0.1:<port>`, nodemailer's connection URL. */
  readonly url: string;
  stop(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const all = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return all.flatMap((object) => object.value.flatMap((entry) => (entry.address ? [entry.address] : [])));
}

// Quotes and angle brackets end a link in HTML attributes and text alike; `&amp;` is undone below.
const LINK = /https?:\/\/[^\s"'<>]+/g;

/** The http(s) links of a message, each once: the text part's first, then any only the HTML has. */
export function linksIn(text: string, html: string): string[] {
  const found = [...text.matchAll(LINK), ...html.matchAll(LINK)].map((match) =>
    match[0].replaceAll('&amp;', '&').replace(/[.,;:)]+$/, ''),
  );
  return [...new Set(found)];
}

export function toReceivedEmail(mail: ParsedMail, receivedAt: Date): ReceivedEmail {
  const html = typeof mail.html === 'string' ? mail.html : '';
  const text = mail.text ?? '';
  return {
    to: addresses(mail.to),
    from: addresses(mail.from)[0] ?? '',
    messageId: mail.messageId,
    subject: mail.subject ?? '',
    text,
    html,
    language: /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? null,
    links: linksIn(text, html),
    receivedAt,
  };
}

export async function startMailSink(options: MailSinkOptions): Promise<MailSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A loopback peer has no name worth a reverse DNS lookup on every connection
    // (https://nodemailer.com/extras/smtp-server/#options: `disableReverseLookup`).
    disableReverseLookup: true,
    // https://nodemailer.com/extras/smtp-server/#handling-errors: `size` is announced in EHLO and the stream
    // says `sizeExceeded` once a larger message was read.
    size: options.maxBytes ?? 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          // smtp-server marks a message over `size` only once it has read it all.
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
            callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
            return;
          }
          await options.onMessage(toReceivedEmail(mail, new Date()));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A socket error after listening (a client resetting) is the client's; it must not end the process.
  server.on('error', () => undefined);
  const address = server.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `smtp://${host}:${address.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
