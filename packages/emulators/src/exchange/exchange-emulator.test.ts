import https from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExchangeEmulator, startExchangeEmulator } from './index.js';

const running: ExchangeEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

function post(e: ExchangeEmulator, body: string, auth?: string) {
  const url = new URL(e.url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          servername: 'localhost',
          port: url.port,
          path: url.pathname,
          method: 'POST',
          ca: [e.caPem],
          headers: { 'content-type': 'text/xml', ...(auth === undefined ? {} : { authorization: auth }) },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

const request = (mailbox: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="t" xmlns:m="m"><soap:Body><m:GetUserAvailabilityRequest><m:MailboxDataArray><t:MailboxData><t:Email><t:Address>${mailbox}</t:Address></t:Email></t:MailboxData></m:MailboxDataArray></m:GetUserAvailabilityRequest></soap:Body></soap:Envelope>`;

describe('startExchangeEmulator', () => {
  it('answers GetUserAvailability with a FreeBusyView behind Basic auth, over HTTPS from the test CA', async () => {
    const e = await startExchangeEmulator({ tls: 'valid' });
    running.push(e);
    e.users.add('a@contoso.test', [
      { start: new Date('2026-01-01T09:00:00Z'), end: new Date('2026-01-01T10:00:00Z') },
    ]);
    const auth = `Basic ${Buffer.from(`${e.credentials.username}:${e.credentials.password}`).toString('base64')}`;

    const unauth = await post(e, request('a@contoso.test'));
    expect(unauth.status).toBe(401);
    expect(unauth.headers['www-authenticate']).toMatch(/^Basic/);

    const ok = await post(e, request('a@contoso.test'), auth);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('ResponseClass="Success"');
    expect(ok.body).toContain('<StartTime>2026-01-01T09:00:00</StartTime>');

    const missing = await post(e, request('ghost@contoso.test'), auth);
    expect(missing.body).toContain('<ResponseCode>ErrorMailRecipientNotFound</ResponseCode>');
  });

  it('serves http:// for tls none and an HTML page for not-ews', async () => {
    const plain = await startExchangeEmulator({ tls: 'none' });
    running.push(plain);
    expect(plain.url).toMatch(/^http:\/\/localhost:\d+\/EWS\/Exchange\.asmx$/);
    const web = await startExchangeEmulator({ tls: 'valid', kind: 'not-ews' });
    running.push(web);
    const page = await post(web, request('a@contoso.test'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html>');
  });
});
