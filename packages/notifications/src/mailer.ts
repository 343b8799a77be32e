// Sends rendered e-mail over SMTP with nodemailer (https://nodemailer.com/smtp/). The caller gives each
// message a stable Message-ID, so a message sent again after a crash reads as the same message.
import { createTransport, type Transporter } from 'nodemailer';
import type { RenderedEmail } from './messages.js';

export interface MailerOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` (nodemailer's connection URL). */
  readonly smtpUrl: string;
  /** The From header, e.g. `Tsunagi <notifications@example.com>`. */
  readonly from: string;
}

export interface OutgoingEmail extends RenderedEmail {
  readonly to: string;
  /** `<id@domain>`: stable per notification. */
  readonly messageId: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;
  readonly #from: string;

  constructor(options: MailerOptions) {
    this.#transport = createTransport(options.smtpUrl);
    this.#from = options.from;
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.#transport.sendMail({
      from: this.#from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
    });
  }

  close(): void {
    this.#transport.close();
  }
}
