// Rendered per locale and sent over real SMTP to a loopback server: what arrives is what the recipient reads.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SmtpMailer } from './mailer.js';
import { NOTIFICATION_LOCALES, renderNotification } from './messages.js';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink.js';

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
});

const broken = {
  kind: 'CONNECTION_BROKEN',
  audience: 'OWNER',
  account: 'aiko@example.com',
  failure: { code: 'AUTH_REVOKED', provider: 'google' },
  stoppedPages: ['Intro <call> & demo'],
  reconnectUrl: 'https://tsunagi.example/reconnect/rcl_1.abc',
  failingCheck: null,
} as const;

it('sends each locale as HTML and text, with the classified title, the pages and the link', async () => {
  const mailer = new SmtpMailer({ smtpUrl: sink.url, from: 'Tsunagi <notify@tsunagi.example>' });
  for (const [i, locale] of NOTIFICATION_LOCALES.entries()) {
    await mailer.send({
      ...renderNotification({ locale, items: [broken] }),
      to: 'aiko@example.com',
      messageId: `<n${i}@tsunagi.example>`,
    });
  }
  mailer.close();
  const mails = await sink.waitFor(NOTIFICATION_LOCALES.length);
  expect(mails.map((mail) => mail.language)).toEqual([...NOTIFICATION_LOCALES]);
  expect(new Set(mails.map((mail) => mail.subject)).size).toBe(NOTIFICATION_LOCALES.length);
  const ja = mails[1];
  expect(ja?.subject).toBe('対応が必要です: カレンダー連携 aiko@example.com が停止しました');
  expect(ja?.messageId).toBe('<n1@tsunagi.example>');
  for (const mail of mails) {
    expect(mail.to).toEqual(['aiko@example.com']);
    expect(mail.text).toContain('https://tsunagi.example/reconnect/rcl_1.abc');
    expect(mail.text).toContain('- Intro <call> & demo');
    expect(mail.html).toContain('<a href="https://tsunagi.example/reconnect/rcl_1.abc">');
    expect(mail.html).toContain('<li>Intro &lt;call&gt; &amp; demo</li>');
  }
});

it('tells admins of an Exchange failure its failing check, with no link; recovery is short', () => {
  const admin = renderNotification({
    locale: 'it',
    items: [
      {
        ...broken,
        audience: 'ADMIN',
        account: 'room-1@contoso.example',
        failure: { code: 'PERMISSION_DENIED', provider: 'google-interop' },
        reconnectUrl: null,
        failingCheck: 'EWS_IMPERSONATION',
      },
    ],
  });
  expect(admin.text).toContain('Controllo non superato: EWS_IMPERSONATION');
  expect(admin.text).not.toContain('/reconnect/');
  expect(admin.text).toContain('Exchange');
  const recovered = renderNotification({
    locale: 'pl',
    items: [{ kind: 'CONNECTION_RECOVERED', account: 'a@b.example' }],
  });
  expect(recovered.subject).toBe('Naprawione: połączenie z kalendarzem a@b.example znów działa');
});
