// One EWS GetUserAvailability round trip over node:https, with Basic auth (the Interop role account)
// or an app-only bearer token (Interop's OAuth mode for Exchange Online).
import { lookup } from 'node:dns/promises';
import https from 'node:https';
import { isIP } from 'node:net';
import tls from 'node:tls';

export interface HttpsTarget {
  readonly url: URL;
  /** Address to connect to (already resolved); the URL's host stays the TLS name and Host header. */
  readonly address: string;
  readonly trustedCa?: readonly string[] | undefined;
  /** Bounds the whole request: connect, TLS, request and answer. */
  readonly timeoutMs: number;
}

/** A server certificate that expires within this many days makes a working connection AT_RISK. */
export const CERTIFICATE_WARNING_DAYS = 14;

export interface HttpsResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** When the server's TLS certificate expires, as it presented it. */
  readonly certificateValidTo?: Date | undefined;
}

function certificateValidTo(socket: unknown): Date | undefined {
  const peer = (socket as { getPeerCertificate?: () => { valid_to?: string } }).getPeerCertificate?.();
  const at = peer?.valid_to === undefined ? Number.NaN : Date.parse(peer.valid_to);
  return Number.isFinite(at) ? new Date(at) : undefined;
}

/** Basic auth as the role account, or an app-only token with the mailbox it acts on. */
export type EwsAuth =
  | { readonly username: string; readonly password: string }
  | { readonly bearer: string; readonly anchorMailbox: string };

/** The host's address: an IP literal as is, a name through `resolveHost` (default: the system resolver). */
export async function resolveAddress(
  host: string,
  resolveHost?: (host: string) => Promise<string>,
): Promise<string> {
  if (isIP(host) !== 0) return host;
  return resolveHost === undefined ? (await lookup(host)).address : resolveHost(host);
}

/**
 * The Interop message for a transport failure's error code, or undefined when the code says
 * nothing about the network (the caller picks its own message).
 */
export function transportFailureMessage(
  errorCode: string | undefined,
): 'SSL error' | 'Connection error' | 'Host not found' | undefined {
  if (errorCode === undefined) return undefined;
  if (/CERT|SELF_SIGNED|ALTNAME|TLS|SSL|ISSUER/.test(errorCode)) return 'SSL error';
  if (/ENOTFOUND|EAI_AGAIN/.test(errorCode)) return 'Host not found';
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/.test(errorCode)) return 'Connection error';
  return undefined;
}

/**
 * The SOAP request; `impersonate` adds the ExchangeImpersonation header that app-only access to
 * Exchange Online requires.
 */
export function availabilityRequestXml(
  mailbox: string,
  start: Date,
  end: Date,
  impersonate?: string,
): string {
  const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const t = (d: Date) => d.toISOString().slice(0, 19);
  const impersonation =
    impersonate === undefined
      ? ''
      : `<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${esc(impersonate)}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
  <soap:Header><t:RequestServerVersion Version="Exchange2010"/>${impersonation}<t:TimeZoneContext><t:TimeZoneDefinition Id="UTC"/></t:TimeZoneContext></soap:Header>
  <soap:Body>
    <m:GetUserAvailabilityRequest>
      <m:MailboxDataArray><t:MailboxData><t:Email><t:Address>${esc(mailbox)}</t:Address></t:Email><t:AttendeeType>Required</t:AttendeeType></t:MailboxData></m:MailboxDataArray>
      <t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>${t(start)}</t:StartTime><t:EndTime>${t(end)}</t:EndTime></t:TimeWindow><t:MergedFreeBusyIntervalInMinutes>30</t:MergedFreeBusyIntervalInMinutes><t:RequestedView>FreeBusy</t:RequestedView></t:FreeBusyViewOptions>
    </m:GetUserAvailabilityRequest>
  </soap:Body>
</soap:Envelope>`;
}

export function ewsPost(
  target: HttpsTarget,
  body: string,
  auth: EwsAuth | undefined,
  signal?: AbortSignal,
): Promise<HttpsResponse> {
  const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
  if (auth !== undefined && 'bearer' in auth) {
    headers.authorization = `Bearer ${auth.bearer}`;
    headers['x-anchormailbox'] = auth.anchorMailbox;
  } else if (auth !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  }
  return httpsPost(target, headers, body, signal);
}

/**
 * One POST over node:https to an already resolved address, trusting `trustedCa` (when given) and
 * checking the certificate against the URL's host.
 */
export function httpsPost(
  target: HttpsTarget,
  headers: Record<string, string>,
  body: string,
  signal?: AbortSignal,
): Promise<HttpsResponse> {
  const { url } = target;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: target.address,
        port: url.port === '' ? 443 : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...headers, host: url.host, 'user-agent': 'Tsunagi-Exchange-Analyzer' },
        servername: isIP(host) === 0 ? host : undefined,
        ca: target.trustedCa === undefined ? undefined : [...target.trustedCa],
        checkServerIdentity: (_name, cert) => tls.checkServerIdentity(host, cert),
        timeout: target.timeoutMs,
        agent: false,
        signal,
      },
      (res) => {
        const validTo = certificateValidTo(res.socket);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= 1_000_000) chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            certificateValidTo: validTo,
          }),
        );
        res.on('error', reject);
      },
    );
    const timedOut = () =>
      req.destroy(Object.assign(new Error(`${url.host} did not answer in time`), { code: 'ETIMEDOUT' }));
    // `timeout` only watches an idle socket: a server that trickles bytes would hold the probe forever, so the
    // whole exchange (connect, TLS, request, answer) is bounded too.
    const deadline = setTimeout(timedOut, target.timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', timedOut);
    req.on('error', reject);
    req.end(body);
  });
}

export function isSoapEnvelope(body: string): boolean {
  return /<(?:\w+:)?Envelope[\s>][\s\S]*schemas\.xmlsoap\.org\/soap\/envelope/.test(body.slice(0, 4096));
}

export interface AvailabilityAnswer {
  readonly responseClass: string | undefined;
  readonly responseCode: string | undefined;
  readonly messageText: string | undefined;
  readonly busy: readonly { start: Date; end: Date }[];
}

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>([^<]*)</(?:\\w+:)?${name}>`).exec(xml)?.[1];
}

export function parseAvailability(body: string): AvailabilityAnswer {
  const responseClass = /<(?:\w+:)?ResponseMessage\s+ResponseClass="([^"]+)"/.exec(body)?.[1];
  const busy: { start: Date; end: Date }[] = [];
  const re = /<(?:\w+:)?CalendarEvent>([\s\S]*?)<\/(?:\w+:)?CalendarEvent>/g;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    const s = tag(m[1] ?? '', 'StartTime');
    const e = tag(m[1] ?? '', 'EndTime');
    if (s !== undefined && e !== undefined) busy.push({ start: new Date(`${s}Z`), end: new Date(`${e}Z`) });
  }
  return {
    responseClass,
    responseCode: tag(body, 'ResponseCode'),
    messageText: tag(body, 'MessageText'),
    busy,
  };
}
