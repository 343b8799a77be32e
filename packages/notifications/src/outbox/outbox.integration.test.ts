// The outbox's SMTP server on 127.0.0.1, fed by nodemailer as the dispatcher feeds it: messages come back parsed
// (addresses, language, links), newest first, a page at a time, the oldest dropped beyond the capacity.
import { createTransport } from 'nodemailer';
import { afterEach, expect, it } from 'vitest';
import { SmtpMailer } from '../mailer.js';
import { renderNotification } from '../messages.js';
import { type MailOutbox, startMailOutbox } from './outbox.js';

let outbox: MailOutbox | undefined;

afterEach(async () => {
  await outbox?.stop();
  outbox = undefined;
});

const FROM = 'Tsunagi <notify@tsunagi.example>';

async function send(url: string, index: number) {
  const mailer = new SmtpMailer({ smtpUrl: url, from: FROM });
  await mailer.send({
    to: `user${index}@example.com`,
    subject: `Message ${index}`,
    text: `Number ${index}: https://tsunagi.example/reconnect/rcl_${index}.sig`,
    html: `<!doctype html><html lang="it"><body><a href="https://tsunagi.example/reconnect/rcl_${index}.sig?a=1&amp;b=2">x</a></body></html>`,
    messageId: `<ntf_${index}@notifications.tsunagi>`,
  });
  mailer.close();
}

it('keeps what a recipient reads: addresses, language, text, HTML and each link once', async () => {
  const attributed: string[] = [];
  outbox = await startMailOutbox({
    organizationOf: async (email) => {
      attributed.push(email.messageId ?? '');
      return 'org_1';
    },
  });
  expect(outbox.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
  const email = renderNotification({
    locale: 'pl',
    items: [
      {
        kind: 'CONNECTION_BROKEN',
        audience: 'OWNER',
        account: 'zofia@example.com',
        failure: { code: 'AUTH_REVOKED', provider: 'google' },
        stoppedPages: ['Demo <b>'],
        reconnectUrl: 'https://tsunagi.example/reconnect/rcl_9.abc',
        failingCheck: null,
      },
    ],
  });
  const mailer = new SmtpMailer({ smtpUrl: outbox.url, from: FROM });
  await mailer.send({ ...email, to: 'zofia@example.com', messageId: '<ntf_9@notifications.tsunagi>' });
  mailer.close();

  const { messages, hasNextPage } = outbox.list({ first: 10 });
  expect(hasNextPage).toBe(false);
  expect(messages).toHaveLength(1);
  const [message] = messages;
  expect(message).toMatchObject({
    to: ['zofia@example.com'],
    from: 'notify@tsunagi.example',
    subject: email.subject,
    language: 'pl',
    links: ['https://tsunagi.example/reconnect/rcl_9.abc'],
    organizationId: 'org_1',
    sequence: 1,
  });
  expect(message?.id).toMatch(/^mail_[0-9a-f]{24}$/);
  expect(message?.html).toContain('Demo &lt;b&gt;');
  expect(message?.text).toBe(email.text);
  expect(outbox.get(message?.id ?? '')).toBe(message);
  expect(attributed).toEqual(['<ntf_9@notifications.tsunagi>']);
});

it('lists newest first a page at a time, and drops the oldest beyond its capacity', async () => {
  outbox = await startMailOutbox({ capacity: 3 });
  for (const index of [1, 2, 3, 4, 5]) await send(outbox.url, index);
  expect(outbox.received).toBe(5);

  const first = outbox.list({ first: 2 });
  expect(first.messages.map((m) => m.subject)).toEqual(['Message 5', 'Message 4']);
  expect(first.hasNextPage).toBe(true);
  const second = outbox.list({ first: 2, after: first.messages.at(-1)?.sequence ?? null });
  expect(second.messages.map((m) => m.subject)).toEqual(['Message 3']);
  expect(second.hasNextPage).toBe(false);
  // The link in the HTML's href (entities undone) is another link than the text's.
  expect(first.messages[0]?.links).toEqual([
    'https://tsunagi.example/reconnect/rcl_5.sig',
    'https://tsunagi.example/reconnect/rcl_5.sig?a=1&b=2',
  ]);
  expect(
    outbox.list({ first: 10, include: (m) => m.to.includes('user4@example.com') }).messages,
  ).toHaveLength(1);
  expect(outbox.list({ first: 10 }).messages.find((m) => m.subject === 'Message 1')).toBeUndefined();
});

it('refuses a message over its size limit, and one its owner could not attribute, keeping neither', async () => {
  let refuse = false;
  outbox = await startMailOutbox({
    organizationOf: async () => {
      if (refuse) throw new Error('database unavailable');
      return null;
    },
  });
  const transport = createTransport(outbox.url);
  try {
    const big = transport.sendMail({
      from: FROM,
      to: 'a@example.com',
      subject: 'big',
      text: 'x'.repeat(1_100_000),
    });
    await expect(big).rejects.toMatchObject({ responseCode: 552 });
    refuse = true;
    const failing = transport.sendMail({
      from: FROM,
      to: 'a@example.com',
      subject: 'later',
      text: 'retry me',
    });
    await expect(failing).rejects.toMatchObject({ responseCode: expect.any(Number) });
    expect(outbox.received).toBe(0);
    refuse = false;
    await transport.sendMail({ from: FROM, to: 'a@example.com', subject: 'later', text: 'retry me' });
    expect(outbox.list({ first: 5 }).messages.map((m) => [m.subject, m.organizationId])).toEqual([
      ['later', null],
    ]);
  } finally {
    transport.close();
  }
});
