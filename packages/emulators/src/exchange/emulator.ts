// An Exchange Web Services endpoint on loopback, as Google Calendar Interop reaches it: SOAP
// GetUserAvailability behind Basic auth, over HTTPS with a test-time certificate (valid, expired,
// self-signed or for the wrong name), over plain HTTP, or an ordinary web server that is not EWS.
// The same server plays the Microsoft identity platform's token endpoint for Interop's OAuth mode
// (client credentials of an Entra ID app registration → app-only bearer token for EWS).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { identityError, sendJson } from '../microsoft/wire.js';
import { testCertificates } from './certificates.js';

/** `expiring`: valid and trusted, but the certificate expires in 5 days. */
export type ExchangeEmulatorTls = 'valid' | 'expired' | 'self-signed' | 'wrong-name' | 'expiring' | 'none';

export interface ExchangeEmulatorOptions {
  readonly tls: ExchangeEmulatorTls;
  /** `not-ews` answers every request with an ordinary HTML page. Default `ews`. */
  readonly kind?: 'ews' | 'not-ews';
  readonly credentials?: { readonly username: string; readonly password: string };
  /** The Entra ID app registration whose client credentials the token endpoint accepts. */
  readonly application?: ExchangeEmulatorApplication;
}

export interface ExchangeEmulatorApplication {
  readonly clientId: string;
  readonly clientSecret: string;
}

export type ExchangeEmulatorAuth = 'basic' | 'bearer' | 'none';

export interface ExchangeEmulatorRequest {
  readonly method: string;
  readonly path: string;
  /** Valid Basic credentials, or a bearer token this emulator issued. */
  readonly authorized: boolean;
  /** The scheme of the Authorization header, whether or not it was valid. */
  readonly auth: ExchangeEmulatorAuth;
  readonly anchorMailbox: string | undefined;
}

export interface ExchangeBusyBlock {
  readonly start: Date;
  readonly end: Date;
}

export interface ExchangeEmulatorUsers {
  add(email: string, busy?: readonly ExchangeBusyBlock[]): void;
  has(email: string): boolean;
}

/**
 * Passing trouble as Exchange answers it: EWS faults with HTTP 500 whose detail carries the response code
 * (and, for throttling, BackOffMilliseconds), or a connection cut before the answer. Each applies to the next
 * `requests` EWS requests.
 */
export type ExchangeFault =
  | {
      readonly kind: 'EWS_FAULT';
      readonly responseCode: ExchangeTransientCode;
      readonly requests: number;
      readonly backOffMilliseconds?: number;
    }
  | { readonly kind: 'RESET_CONNECTION'; readonly requests: number }
  /** The answer comes `ms` late, trickled a byte at a time (a server that holds it without going idle). */
  | { readonly kind: 'LATENCY'; readonly ms: number; readonly requests: number };

/** Response codes Exchange uses for trouble that passes (ews-throttling-in-exchange; EWS ResponseCodeType). */
export type ExchangeTransientCode =
  | 'ErrorServerBusy'
  | 'ErrorTimeoutExpired'
  | 'ErrorInternalServerTransientError'
  | 'ErrorMailboxStoreUnavailable';

const TRANSIENT_MESSAGES: Readonly<Record<ExchangeTransientCode, string>> = {
  ErrorServerBusy: 'The server cannot service this request right now. Try again later.',
  ErrorTimeoutExpired: 'The operation timed out while waiting for a response from the mailbox server.',
  ErrorInternalServerTransientError: 'An internal server error occurred. Try again later.',
  ErrorMailboxStoreUnavailable: 'The mailbox database is temporarily unavailable.',
};

export interface ExchangeEmulatorFaults {
  inject(fault: ExchangeFault): void;
  clear(): void;
}

export interface ExchangeEmulator {
  /** https://localhost:PORT/EWS/Exchange.asmx (or http:// for `tls: 'none'`). */
  readonly url: string;
  readonly port: number;
  /** The test CA that signs the `valid`, `expired` and `wrong-name` leaves. */
  readonly caPem: string;
  readonly users: ExchangeEmulatorUsers;
  readonly credentials: { readonly username: string; readonly password: string };
  /** Origin of the token endpoint `POST {identityAuthority}/{tenant}/oauth2/v2.0/token` (this server). */
  readonly identityAuthority: string;
  readonly application: ExchangeEmulatorApplication;
  /** Requests received (token requests included), newest last. */
  readonly requests: readonly ExchangeEmulatorRequest[];
  readonly faults: ExchangeEmulatorFaults;
  stop(): Promise<void>;
}

export const EXCHANGE_EMULATOR_CREDENTIALS = Object.freeze({
  username: 'interop-role@contoso.test',
  password: 'Interop-Pa55!',
});

export const EXCHANGE_EMULATOR_APPLICATION: ExchangeEmulatorApplication = Object.freeze({
  clientId: '5b1f2c3d-8e4a-4f6b-9c7d-0e1f2a3b4c5d',
  clientSecret: 'Qk8~emulator.Interop-Secret_01',
});

const EWS_PATH = '/ews/exchange.asmx';
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const EXCHANGE_ONLINE_SCOPE = 'https://outlook.office365.com/.default';
// Entra's token endpoint sends plain JSON (no OData parameters, unlike Graph).
const IDENTITY_JSON = { 'content-type': 'application/json; charset=utf-8' };

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

/**
 * The SOAP fault Exchange sends with HTTP 500 for passing trouble: the code in `faultcode` and again in
 * `detail/ResponseCode`, the wait in `detail/MessageXml/Value[@Name="BackOffMilliseconds"]`
 * (https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange).
 */
function transientFault(code: ExchangeTransientCode, backOffMilliseconds: number | undefined): string {
  const message = TRANSIENT_MESSAGES[code];
  const backOff =
    backOffMilliseconds === undefined
      ? ''
      : `<t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:Value Name="BackOffMilliseconds">${backOffMilliseconds}</t:Value></t:MessageXml>`;
  return soapEnvelope(
    `<s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:${code}</faultcode><faultstring xml:lang="en-US">${message}</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${code}</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${message}</e:Message>${backOff}</detail></s:Fault>`,
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

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An opaque JWT-shaped app-only token for Exchange Online (unsigned: only this emulator checks it). */
function appOnlyToken(tenant: string, clientId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ typ: 'JWT', alg: 'RS256' });
  const claims = base64url({
    aud: 'https://outlook.office365.com',
    iss: `https://sts.windows.net/${tenant}/`,
    iat: now,
    exp: now + 3600,
    appid: clientId,
    roles: ['full_access_as_app'],
    tid: tenant,
  });
  return `${header}.${claims}.${randomBytes(32).toString('base64url')}`;
}

/**
 * The client-credentials grant as Entra ID answers it (v2.0 token endpoint): the documented
 * `error` / `error_description` (AADSTS code) / `error_codes` body and status for each failure.
 */
function tokenEndpoint(
  tenant: string,
  form: URLSearchParams,
  application: ExchangeEmulatorApplication,
  issued: Set<string>,
  res: http.ServerResponse,
): void {
  const grantType = form.get('grant_type');
  if (grantType !== 'client_credentials') {
    identityError(
      res,
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type.',
      IDENTITY_JSON,
    );
    return;
  }
  const clientId = form.get('client_id') ?? '';
  if (clientId !== application.clientId) {
    identityError(
      res,
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      IDENTITY_JSON,
    );
    return;
  }
  const secret = form.get('client_secret');
  if (secret === null || secret === '') {
    identityError(
      res,
      401,
      'invalid_client',
      7000216,
      "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
      IDENTITY_JSON,
    );
    return;
  }
  if (secret !== application.clientSecret) {
    identityError(
      res,
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${application.clientId}'.`,
      IDENTITY_JSON,
    );
    return;
  }
  if (form.get('scope') !== EXCHANGE_ONLINE_SCOPE) {
    identityError(
      res,
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${form.get('scope') ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      IDENTITY_JSON,
    );
    return;
  }
  const accessToken = appOnlyToken(tenant, clientId);
  issued.add(accessToken);
  sendJson(
    res,
    200,
    { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken },
    { ...IDENTITY_JSON, 'cache-control': 'no-store, no-cache' },
  );
}

function authScheme(header: string | undefined): ExchangeEmulatorAuth {
  if (header === undefined) return 'none';
  if (/^basic\s/i.test(header)) return 'basic';
  if (/^bearer\s/i.test(header)) return 'bearer';
  return 'none';
}

export async function startExchangeEmulator(options: ExchangeEmulatorOptions): Promise<ExchangeEmulator> {
  const kind = options.kind ?? 'ews';
  const credentials = options.credentials ?? EXCHANGE_EMULATOR_CREDENTIALS;
  const application = options.application ?? EXCHANGE_EMULATOR_APPLICATION;
  const userMap = new Map<string, readonly ExchangeBusyBlock[]>();
  userMap.set(credentials.username.toLowerCase(), []);
  const requests: ExchangeEmulatorRequest[] = [];
  const issuedTokens = new Set<string>();
  const pending: { fault: ExchangeFault; remaining: number }[] = [];
  const takeFault = (): ExchangeFault | undefined => {
    while (pending.length > 0 && (pending[0]?.remaining ?? 0) <= 0) pending.shift();
    const head = pending[0];
    if (head === undefined) return undefined;
    head.remaining--;
    return head.fault;
  };
  const expectedAuth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const header = req.headers.authorization;
      const auth = authScheme(header);
      const authorized =
        header === expectedAuth || (auth === 'bearer' && issuedTokens.has(header?.slice(7).trim() ?? ''));
      const anchor = req.headers['x-anchormailbox'];
      requests.push({
        method: req.method ?? 'GET',
        path,
        authorized,
        auth,
        anchorMailbox: typeof anchor === 'string' ? anchor : undefined,
      });
      if (kind === 'not-ews') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', server: 'nginx' });
        res.end(NOT_EWS_PAGE);
        return;
      }
      const tenant = TOKEN_PATH.exec(path)?.[1];
      if (tenant !== undefined && req.method === 'POST') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        tokenEndpoint(tenant, form, application, issuedTokens, res);
        return;
      }
      if (path.toLowerCase() !== EWS_PATH) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body>404 - File or directory not found.</body></html>');
        return;
      }
      if (!authorized) {
        // Exchange Online answers a bad bearer with a Bearer challenge naming its resource.
        const challenge =
          auth === 'bearer'
            ? 'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*", token_types="app_asserted_user_v1 service_asserted_app_v1", error="invalid_token"'
            : 'Basic realm="mail.contoso.test"';
        res.writeHead(401, {
          'www-authenticate': challenge,
          'x-feserver': 'EXCH01',
          'content-length': '0',
        });
        res.end();
        return;
      }
      const fault = takeFault();
      if (fault?.kind === 'RESET_CONNECTION') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'LATENCY') {
        // Trickled, not silent: a byte every 50 ms keeps the socket busy, so only a bound on the whole
        // request (not an idle timeout) ends the wait.
        const answer = availabilityResponse(mailboxes(Buffer.concat(chunks).toString('utf8')), userMap);
        const split = answer.indexOf('<s:Body>');
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'x-feserver': 'EXCH01' });
        res.write(answer.slice(0, split));
        const trickle = setInterval(() => res.write(' '), 50);
        const timer = setTimeout(() => {
          clearInterval(trickle);
          res.end(answer.slice(split));
        }, fault.ms);
        res.on('close', () => {
          clearInterval(trickle);
          clearTimeout(timer);
        });
        return;
      }
      if (fault?.kind === 'EWS_FAULT') {
        res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8', 'x-feserver': 'EXCH01' });
        res.end(transientFault(fault.responseCode, fault.backOffMilliseconds));
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
      expiring: certs.expiringSoon,
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
    identityAuthority: `${scheme}://localhost:${port}`,
    application,
    requests,
    faults: {
      inject(fault) {
        pending.push({ fault, remaining: fault.requests });
      },
      clear() {
        pending.length = 0;
      },
    },
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
