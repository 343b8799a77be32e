import https from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExchangeEmulator, startExchangeEmulator } from './index.js';

const running: ExchangeEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

function post(e: ExchangeEmulator, body: string, auth?: string) {
  return send(e, new URL(e.url).pathname, body, {
    'content-type': 'text/xml',
    ...(auth === undefined ? {} : { authorization: auth }),
  });
}

function send(e: ExchangeEmulator, path: string, body: string, headers: Record<string, string>) {
  const url = new URL(e.url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          servername: 'localhost',
          port: url.port,
          path,
          method: 'POST',
          ca: [e.caPem],
          headers,
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

describe('the identity platform token endpoint (client credentials)', () => {
  const tokenRequest = (e: ExchangeEmulator, form: Record<string, string>) =>
    send(e, '/contoso.test/oauth2/v2.0/token', new URLSearchParams(form).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
  const grant = (e: ExchangeEmulator) => ({
    grant_type: 'client_credentials',
    client_id: e.application.clientId,
    client_secret: e.application.clientSecret,
    scope: 'https://outlook.office365.com/.default',
  });

  it('issues an app-only bearer token that EWS accepts, and records the auth scheme', async () => {
    const e = await startExchangeEmulator({ tls: 'valid' });
    running.push(e);
    expect(e.identityAuthority).toBe(`https://localhost:${e.port}`);
    const res = await tokenRequest(e, grant(e));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const token = JSON.parse(res.body) as { token_type: string; expires_in: number; access_token: string };
    expect(token.token_type).toBe('Bearer');
    expect(token.expires_in).toBe(3599);
    expect(token.access_token.split('.')).toHaveLength(3);

    const ok = await send(e, '/EWS/Exchange.asmx', request(e.credentials.username), {
      'content-type': 'text/xml',
      authorization: `Bearer ${token.access_token}`,
      'x-anchormailbox': e.credentials.username,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('ResponseClass="Success"');

    const forged = await post(e, request(e.credentials.username), 'Bearer eyJ0eXAi.forged.token');
    expect(forged.status).toBe(401);
    expect(forged.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);

    expect(e.requests.map((r) => [r.auth, r.authorized])).toEqual([
      ['none', false],
      ['bearer', true],
      ['bearer', false],
    ]);
    expect(e.requests[1]?.anchorMailbox).toBe(e.credentials.username);
  });

  // Bodies as Entra ID sends them: learn.microsoft.com/entra/identity-platform/reference-error-codes
  it('answers a wrong application id, secret or grant like Entra ID', async () => {
    const e = await startExchangeEmulator({ tls: 'valid' });
    running.push(e);
    const cases = [
      [{ client_id: '00000000-0000-0000-0000-000000000000' }, 400, 'unauthorized_client', 700016],
      [{ client_secret: 'not-the-secret' }, 401, 'invalid_client', 7000215],
      [{ client_secret: '' }, 401, 'invalid_client', 7000216],
      [{ grant_type: 'password' }, 400, 'unsupported_grant_type', 70003],
      [{ scope: 'https://graph.microsoft.com/.default' }, 400, 'invalid_scope', 1002012],
    ] as const;
    for (const [over, status, error, code] of cases) {
      const res = await tokenRequest(e, { ...grant(e), ...over });
      expect(res.status).toBe(status);
      const body = JSON.parse(res.body) as {
        error: string;
        error_description: string;
        error_codes: number[];
      };
      expect(body.error).toBe(error);
      expect(body.error_codes).toEqual([code]);
      expect(body.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
      expect(body.error_description).not.toContain(e.application.clientSecret);
    }
    const unknown = await tokenRequest(e, { ...grant(e), client_id: 'wrong-app' });
    expect(JSON.parse(unknown.body).error_description).toContain(
      "Application with identifier 'wrong-app' was not found in the directory 'contoso.test'",
    );
    expect(e.requests.every((r) => r.path === '/contoso.test/oauth2/v2.0/token')).toBe(true);
  });
});
