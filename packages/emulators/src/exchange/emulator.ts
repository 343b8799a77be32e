// An Exchange Web Services endpoint on loopback, as Google Calendar Interop reaches it: SOAP
// GetUserAvailability behind Basic auth, over HTTPS with a test-time certificate (valid, expired,
// self-signed or for the wrong name), over plain HTTP, or an ordinary web server that is not EWS.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { testCertificates } from './certificates.js';

export type ExchangeEmulatorTls = 'valid' | 'expired' | 'self-signed' | 'wrong-name' | 'none';

export interface ExchangeEmulatorOptions {
  readonly tls: ExchangeEmulatorTls;
  /** `not-ews` answers every request with an ordinary HTML page. Default `ews`. */
  readonly kind?: 'ews' | 'not-ews';
  readonly credentials?: { readonly username: string; readonly password: string };
}

export interface ExchangeBusyBlock {
  readonly start: Date;
  readonly end: Date;
}

export interface ExchangeEmulatorUsers {
  add(email: string, busy?: readonly ExchangeBusyBlock[]): void;
  has(email: string): boolean;
}

export interface ExchangeEmulator {
  /** https://localhost:PORT/EWS/Exchange.asmx (or http:// for `tls: 'none'`). */
  readonly url: string;
  readonly port: number;
  /** The test CA that signs the `valid`, `expired` and `wrong-name` leaves. */
  readonly caPem: string;
  readonly users: ExchangeEmulatorUsers;
  readonly credentials: { readonly username: string; readonly password: string };
  /** Requests received, newest last. */
  readonly requests: readonly { method: string; path: string; authorized: boolean }[];
  stop(): Promise<void>;
}

export const EXCHANGE_EMULATOR_CREDENTIALS = Object.freeze({
  username: 'interop-role@contoso.test',
  password: 'Interop-Pa55!',
});

const EWS_PATH = '/ews/exchange.asmx';

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function mailboxes(body: string): string[] {
  const out: string[] = [];
  const re =
    /<(?:\w+:)?Email>\s*(?:<(?:\w+:)?Name>[^<]*<\/(?:\w+:)?Name>\s*)?<(?:\w+:)?Address>([^<]+)<\/(?:\w+:)?Address>/g;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) out.push((m[1] ?? '').trim());
  return out;
}

function soapEnvelope(inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <h:ServerVersionInfo MajorVersion="15" MinorVersion="2" MajorBuildNumber="1544" MinorBuildNumber="4" Version="V2017_07_11" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" xmlns="http://schemas.microsoft.com/exchange/services/2006/types"/>
  </s:Header>
  <s:Body>${inner}</s:Body>
</s:Envelope>`;
}

function soapFault(message: string): string {
  return soapEnvelope(
    `<s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorSchemaValidation</faultcode><faultstring xml:lang="en-US">${xmlEscape(message)}</faultstring></s:Fault>`,
  );
}

function availabilityResponse(
  requested: readonly string[],
  users: Map<string, readonly ExchangeBusyBlock[]>,
): string {
  const items = requested.map((email) => {
    const busy = users.get(email.toLowerCase());
    if (busy === undefined) {
      return `<FreeBusyResponse><ResponseMessage ResponseClass="Error"><MessageText>Invalid participant: no mailbox or user was found for ${xmlEscape(email)}.</MessageText><ResponseCode>ErrorMailRecipientNotFound</ResponseCode><DescriptiveLinkKey>0</DescriptiveLinkKey></ResponseMessage><FreeBusyView><FreeBusyViewType xmlns="http://schemas.microsoft.com/exchange/services/2006/types">None</FreeBusyViewType></FreeBusyView></FreeBusyResponse>`;
    }
    const events = busy
      .map(
        (b) =>
          `<CalendarEvent><StartTime>${b.start.toISOString().slice(0, 19)}</StartTime><EndTime>${b.end.toISOString().slice(0, 19)}</EndTime><BusyType>Busy</BusyType></CalendarEvent>`,
      )
      .join('');
    return `<FreeBusyResponse><ResponseMessage ResponseClass="Success"><ResponseCode>NoError</ResponseCode></ResponseMessage><FreeBusyView><FreeBusyViewType xmlns="http://schemas.microsoft.com/exchange/services/2006/types">FreeBusy</FreeBusyViewType><CalendarEventArray xmlns="http://schemas.microsoft.com/exchange/services/2006/types">${events}</CalendarEventArray></FreeBusyView></FreeBusyResponse>`;
  });
  return soapEnvelope(
    `<GetUserAvailabilityResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><FreeBusyResponseArray>${items.join('')}</FreeBusyResponseArray></GetUserAvailabilityResponse>`,
  );
}

const NOT_EWS_PAGE = `<!DOCTYPE html>
<html><head><title>Welcome to nginx!</title></head>
<body><h1>Welcome to nginx!</h1><p>If you see this page, the web server is successfully installed and working.</p></body></html>`;

export async function startExchangeEmulator(options: ExchangeEmulatorOptions): Promise<ExchangeEmulator> {
  const kind = options.kind ?? 'ews';
  const credentials = options.credentials ?? EXCHANGE_EMULATOR_CREDENTIALS;
  const userMap = new Map<string, readonly ExchangeBusyBlock[]>();
  userMap.set(credentials.username.toLowerCase(), []);
  const requests: { method: string; path: string; authorized: boolean }[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const authorized = req.headers.authorization === expectedAuth;
      requests.push({ method: req.method ?? 'GET', path, authorized });
      if (kind === 'not-ews') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', server: 'nginx' });
        res.end(NOT_EWS_PAGE);
        return;
      }
      if (path.toLowerCase() !== EWS_PATH) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body>404 - File or directory not found.</body></html>');
        return;
      }
      if (!authorized) {
        res.writeHead(401, {
          'www-authenticate': 'Basic realm="mail.contoso.test"',
          'x-feserver': 'EXCH01',
          'content-length': '0',
        });
        res.end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method !== 'POST' || !/GetUserAvailabilityRequest/.test(body)) {
        res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(soapFault('The request failed schema validation.'));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'x-feserver': 'EXCH01' });
      res.end(availabilityResponse(mailboxes(body), userMap));
    });
  };

  let caPem = '';
  let server: http.Server;
  if (options.tls === 'none') {
    server = http.createServer(handler);
  } else {
    const certs = await testCertificates();
    caPem = certs.caPem;
    const leaf = {
      valid: certs.valid,
      expired: certs.expired,
      'self-signed': certs.selfSigned,
      'wrong-name': certs.wrongName,
    }[options.tls];
    server = https.createServer({ cert: leaf.certPem, key: leaf.keyPem }, handler);
  }
  // A client that fails the handshake leaves sockets behind; keep stop() prompt.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls === 'none' ? 'http' : 'https';

  return {
    url: `${scheme}://localhost:${port}/EWS/Exchange.asmx`,
    port,
    caPem,
    credentials,
    requests,
    users: {
      add(email, busy = []) {
        userMap.set(email.toLowerCase(), busy);
      },
      has(email) {
        return userMap.has(email.toLowerCase());
      },
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
