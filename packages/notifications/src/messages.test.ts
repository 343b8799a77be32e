// The message model: a digest lists each item under its own subject; a warning prints its "breaks at" line
// when a prediction is given; Slack's form escapes mrkdwn and links the reconnect URL.
import { describeError } from '@tsunagi/errors';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_LOCALES, type NotificationItem, renderNotification } from './messages.js';
import { renderSlack } from './slack.js';

const broken = (account: string): NotificationItem => ({
  kind: 'CONNECTION_BROKEN',
  audience: 'OWNER',
  account,
  failure: { code: 'AUTH_REVOKED', provider: 'google' },
  stoppedPages: ['Intro <call>'],
  reconnectUrl: `https://tsunagi.example/reconnect/${account}`,
  failingCheck: null,
});

describe('notification messages', () => {
  it('combines several items into one digest, each connection with its failure and link', () => {
    for (const locale of NOTIFICATION_LOCALES) {
      const mail = renderNotification({
        locale,
        items: [
          broken('a@x.example'),
          broken('b@x.example'),
          { kind: 'CONNECTION_RECOVERED', account: 'c@x.example' },
        ],
      });
      const single = renderNotification({ locale, items: [broken('a@x.example')] });
      expect(mail.subject).not.toBe(single.subject);
      expect(mail.subject).toContain('3');
      const { title } = describeError('AUTH_REVOKED', locale, { provider: 'google' });
      expect(mail.text.split(title).length - 1).toBe(2);
      expect(mail.text).toContain('https://tsunagi.example/reconnect/a@x.example');
      expect(mail.text).toContain('https://tsunagi.example/reconnect/b@x.example');
      expect(mail.text).toContain(single.subject);
      expect(mail.html.match(/<h2>/g)?.length).toBe(3);
    }
  });

  it('warns of a connection at risk with the reason, and prints "breaks at" only when predicted', () => {
    const warning: NotificationItem = {
      kind: 'CONNECTION_AT_RISK',
      audience: 'OWNER',
      account: 'a@x.example',
      failure: { code: 'INSUFFICIENT_SCOPE', provider: 'google' },
      reconnectUrl: 'https://tsunagi.example/reconnect/t',
      failingCheck: null,
    };
    const plain = renderNotification({ locale: 'en', items: [warning] });
    expect(plain.subject).toBe('Warning: your calendar connection a@x.example will stop working soon');
    expect(plain.text).toContain(describeError('INSUFFICIENT_SCOPE', 'en', { provider: 'google' }).title);
    expect(plain.text).not.toContain('Expected to stop at');
    const predicted = renderNotification({
      locale: 'en',
      timeZone: 'Asia/Tokyo',
      items: [{ ...warning, breaksAt: new Date('2026-12-24T00:00:00Z') }],
    });
    expect(predicted.text).toContain('Expected to stop at: Dec 24, 2026, 9:00 AM (Asia/Tokyo)');
  });

  it('says when and why a predicted break happens, in every locale, with the reconnect link', () => {
    const predicted: NotificationItem = {
      kind: 'CONNECTION_AT_RISK',
      audience: 'OWNER',
      account: 'a@x.example',
      failure: null,
      reconnectUrl: 'https://tsunagi.example/reconnect/t',
      failingCheck: null,
      breaksAt: new Date('2026-12-13T09:00:00Z'),
      atRiskReason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY',
    };
    const why = {
      en: 'Why: Google ends sign-ins to apps still in testing 7 days after they were made.',
      ja: '理由: Google はテスト中のアプリへのサインインを 7 日後に終了します。',
      it: 'Motivo: Google chiude gli accessi alle app ancora in fase di test 7 giorni dopo che sono stati fatti.',
      pl: 'Powód: Google kończy logowania do aplikacji w fazie testów 7 dni po ich wykonaniu.',
    } as const;
    const when = {
      en: 'Expected to stop at',
      ja: '停止予定',
      it: 'Smetterà di funzionare il',
      pl: 'Przestanie działać',
    };
    for (const locale of NOTIFICATION_LOCALES) {
      const mail = renderNotification({ locale, items: [predicted] });
      expect(mail.text).toContain(why[locale]);
      expect(mail.text).toContain(`${when[locale]}: `);
      expect(mail.text).toMatch(/2026/);
      expect(mail.text).toContain('https://tsunagi.example/reconnect/t');
    }
    // An unknown code (a newer gateway's) prints no "why" line rather than a wrong one.
    const unknown = renderNotification({
      locale: 'en',
      items: [{ ...predicted, atRiskReason: 'SOMETHING_NEW' }],
    });
    expect(unknown.text).not.toContain('Why:');
  });

  it('renders Slack mrkdwn with escaped values and a <url|label> link, text as the fallback', () => {
    const payload = renderSlack({ locale: 'en', items: [broken('a&b@x.example')] });
    expect(payload.text).toContain('a&amp;b@x.example');
    expect(payload.text).toContain('• Intro &lt;call&gt;');
    expect(payload.text).toContain('<https://tsunagi.example/reconnect/a&amp;b@x.example|Reconnect>');
    expect(payload.blocks[0]).toMatchObject({ type: 'header' });
    const digest = renderSlack({ locale: 'ja', items: [broken('a@x.example'), broken('b@x.example')] });
    expect(digest.blocks.filter((block) => block.type === 'divider')).toHaveLength(2);
  });
});
