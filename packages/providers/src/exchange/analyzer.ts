// testExchangeConnection: a step-by-step connectivity report for an Exchange (EWS) calendar
// connection, in the spirit of Microsoft's Remote Connectivity Analyzer. Every failure carries the
// Calendar Interop message of seeds/calendar-interop-errors.it.txt, classified by @tsunagi/errors
// (provider 'google-interop') so its subReason and localized remediation apply.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import { classifyProviderError, type ProviderErrorClassification } from '@tsunagi/errors';
import {
  availabilityRequestXml,
  CERTIFICATE_WARNING_DAYS,
  type EwsAuth,
  ewsPost,
  isSoapEnvelope,
  parseAvailability,
} from './ews.js';
import { parseEwsUrl } from './ews-url.js';
import { requestAppOnlyToken, tenantOf } from './identity.js';

export type ExchangeStepId =
  | 'URL_FORMAT'
  | 'HTTPS'
  | 'DNS'
  | 'TCP'
  | 'TLS'
  | 'EWS_ENDPOINT'
  | 'APPLICATION'
  | 'CREDENTIALS'
  | 'AVAILABILITY';

export const EXCHANGE_STEP_IDS: readonly ExchangeStepId[] = [
  'URL_FORMAT',
  'HTTPS',
  'DNS',
  'TCP',
  'TLS',
  'EWS_ENDPOINT',
  'APPLICATION',
  'CREDENTIALS',
  'AVAILABILITY',
];

export type ExchangeStepStatus = 'PASSED' | 'FAILED' | 'SKIPPED';

export interface ExchangeStep {
  readonly id: ExchangeStepId;
  readonly status: ExchangeStepStatus;
  readonly detail: string;
  readonly classification?: ProviderErrorClassification;
}

export interface ExchangeConnectionReport {
  readonly ok: boolean;
  readonly steps: readonly ExchangeStep[];
}

export interface AnalyzeExchangeConnectionInput {
  readonly ewsUrl: string;
  /** The Exchange role account (an email address); its domain is the tenant in application mode. */
  readonly username: string;
  /** The role account's password, or the application's client secret when `applicationId` is given. */
  readonly password: string;
  /**
   * Application (client) id of an Entra ID app registration: Interop's OAuth mode for Exchange
   * Online (app-only token by client credentials, EWS with a bearer). Without it, Basic auth.
   */
  readonly applicationId?: string;
  /** Origin of the Microsoft identity platform; default `https://login.microsoftonline.com`. */
  readonly identityAuthority?: string;
  /** Mailbox whose availability is looked up in the last step. */
  readonly participant: string;
  /** PEM CAs to trust instead of the system store. */
  readonly trustedCa?: readonly string[];
  readonly resolveHost?: (host: string) => Promise<string>;
  readonly timeoutMs?: number;
  readonly now?: () => Date;
  /**
   * Called with each step as soon as it has finished (SKIPPED ones included), in order, before the next one
   * starts: a caller streams the report as it runs. It must not throw.
   */
  readonly onStep?: (step: ExchangeStep) => void;
}

/** The Interop status messages, in English as Google shows them. */
export const INTEROP_MESSAGES = Object.freeze({
  MALFORMED_URL: 'Malformed Exchange URL',
  EWS_COMMUNICATION: 'Exchange Web Services (EWS) communication error',
  HOST_NOT_FOUND: 'Host not found',
  CONNECTION: 'Connection error',
  SSL: 'SSL error',
  EWS_RESPONSE: 'EWS response error',
  USERNAME_NOT_EMAIL: 'Exchange username is not an email address',
  INVALID_PARTICIPANT: 'Invalid participant',
  BAD_REQUEST: '400 Bad request',
  UNAUTHORIZED: '401 Unauthorized',
});

/** A check either passes with a detail or does not apply (`skipped`), which is no failure. */
type StepOutcome = string | { readonly skipped: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class StepFailure extends Error {
  constructor(
    readonly detail: string,
    readonly classification: ProviderErrorClassification,
  ) {
    super(detail);
  }
}

function fail(
  detail: string,
  body: string,
  endpoint: string,
  extra: { status?: number; errorCode?: string } = {},
): StepFailure {
  return new StepFailure(
    detail,
    classifyProviderError({ provider: 'google-interop', body, endpoint, ...extra }),
  );
}

function errorCodeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Explains a TLS verification failure in the terms of the seed's "SSL error". */
function tlsExplanation(code: string | undefined, message: string, host: string): string {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return `The SSL certificate of ${host} has expired.`;
    case 'CERT_NOT_YET_VALID':
      return `The SSL certificate of ${host} is not valid yet.`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return `The SSL certificate of ${host} is self-signed: it does not come from a trusted root certification authority.`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return `The SSL certificate of ${host} comes from an untrusted root certification authority.`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The SSL certificate does not match the host name ${host} (the URL may use an alias the certificate does not name).`;
    default:
      return `The TLS handshake with ${host} failed: ${message}`;
  }
}

function tlsHandshake(
  address: string,
  port: number,
  host: string,
  trustedCa: readonly string[] | undefined,
  timeoutMs: number,
): Promise<{ subject: string; validTo: string }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: address,
      port,
      servername: host,
      ca: trustedCa === undefined ? undefined : [...trustedCa],
      checkServerIdentity: (_name, cert) => tls.checkServerIdentity(host, cert),
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve({ subject: String(cert.subject?.CN ?? ''), validTo: cert.valid_to ?? '' });
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error('TLS handshake timed out'), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', (e) => {
      socket.destroy();
      reject(e);
    });
  });
}

function tcpConnect(address: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port });
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', (e) => {
      socket.destroy();
      reject(e);
    });
  });
}

async function defaultResolve(host: string): Promise<string> {
  return (await lookup(host)).address;
}

export async function analyzeExchangeConnection(
  input: AnalyzeExchangeConnectionInput,
): Promise<ExchangeConnectionReport> {
  const steps: ExchangeStep[] = [];
  const timeoutMs = input.timeoutMs ?? 10_000;
  const endpoint = input.ewsUrl;
  const state: {
    url?: URL;
    host?: string;
    port?: number;
    address?: string;
    answer?: string;
    /** HTTP status of the authenticated availability answer. */
    status?: number;
    bearer?: string;
  } = {};
  const { applicationId } = input;

  const checks: Record<ExchangeStepId, () => Promise<StepOutcome>> = {
    URL_FORMAT: async () => {
      const checked = parseEwsUrl(input.ewsUrl);
      if (!checked.ok) throw fail(checked.problem, INTEROP_MESSAGES.MALFORMED_URL, endpoint);
      const { url } = checked;
      state.url = url;
      state.host = url.hostname.replace(/^\[|\]$/g, '');
      state.port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
      const ews = /\/ews\/exchange\.asmx$/i.test(url.pathname);
      return ews
        ? `${url.href} is a well-formed EWS URL.`
        : `${url.href} is well-formed (EWS URLs usually end in /EWS/Exchange.asmx).`;
    },
    HTTPS: async () => {
      if (state.url?.protocol !== 'https:') {
        throw fail(
          'The Exchange URL uses http:// instead of https://; HTTP is not a secure protocol.',
          INTEROP_MESSAGES.EWS_COMMUNICATION,
          endpoint,
        );
      }
      return 'The Exchange URL uses https://.';
    },
    DNS: async () => {
      const host = state.host ?? '';
      if (net.isIP(host) !== 0) {
        state.address = host;
        return `${host} is an IP address; no DNS lookup needed.`;
      }
      try {
        state.address = await (input.resolveHost ?? defaultResolve)(host);
      } catch (e) {
        const errorCode = errorCodeOf(e);
        throw fail(
          `No DNS record for ${host}${errorCode === undefined ? '' : ` (${errorCode})`}.`,
          INTEROP_MESSAGES.HOST_NOT_FOUND,
          endpoint,
          errorCode === undefined ? {} : { errorCode },
        );
      }
      return `${host} resolves to ${state.address}.`;
    },
    TCP: async () => {
      const target = `${state.address}:${state.port}`;
      try {
        await tcpConnect(state.address ?? '', state.port ?? 443, timeoutMs);
      } catch (e) {
        const errorCode = errorCodeOf(e);
        throw fail(
          `Could not connect to ${target}${errorCode === undefined ? '' : ` (${errorCode})`}: a firewall may block access, or the host or port is wrong.`,
          INTEROP_MESSAGES.CONNECTION,
          endpoint,
          errorCode === undefined ? {} : { errorCode },
        );
      }
      return `Connected to ${target}.`;
    },
    TLS: async () => {
      const host = state.host ?? '';
      if (net.isIP(host) !== 0) {
        throw fail(
          `The Exchange URL gives the IP address ${host} instead of a host name; the SSL certificate names a host, so it cannot match.`,
          INTEROP_MESSAGES.SSL,
          endpoint,
        );
      }
      try {
        const cert = await tlsHandshake(
          state.address ?? '',
          state.port ?? 443,
          host,
          input.trustedCa,
          timeoutMs,
        );
        const valid = `The certificate for ${cert.subject || host} is trusted, matches ${host} and is valid until ${cert.validTo}.`;
        const left = Date.parse(cert.validTo) - (input.now?.() ?? new Date()).getTime();
        return left < CERTIFICATE_WARNING_DAYS * 86_400_000
          ? `${valid} It expires in ${Math.max(0, Math.floor(left / 86_400_000))} day(s): renew it before then, or Calendar Interop will fail with an SSL error.`
          : valid;
      } catch (e) {
        const errorCode = errorCodeOf(e);
        throw fail(
          tlsExplanation(errorCode, e instanceof Error ? e.message : String(e), host),
          INTEROP_MESSAGES.SSL,
          endpoint,
          errorCode === undefined ? {} : { errorCode },
        );
      }
    },
    EWS_ENDPOINT: async () => {
      // Unauthenticated: a real EWS answers 401 with a WWW-Authenticate challenge (or a SOAP fault).
      const res = await post(undefined);
      if ((res.status === 401 && res.headers['www-authenticate'] !== undefined) || isSoapEnvelope(res.body)) {
        return `The endpoint answers like Exchange Web Services (HTTP ${res.status}${res.status === 401 ? ', authentication required' : ''}).`;
      }
      const type = String(res.headers['content-type'] ?? 'no content type');
      throw fail(
        `The endpoint is not EWS: it answered HTTP ${res.status} (${type}) instead of a SOAP response; check the URL (Exchange admin center > servers > virtual directories > EWS) and that the EWS port is reachable.`,
        INTEROP_MESSAGES.EWS_RESPONSE,
        endpoint,
        { status: res.status },
      );
    },
    APPLICATION: async () => {
      if (applicationId === undefined) {
        return {
          skipped:
            "No application id: Basic authentication with the role account's password is used (no app registration).",
        };
      }
      const tenant = EMAIL.test(input.username) ? tenantOf(input.username) : undefined;
      if (tenant === undefined) {
        throw fail(
          `The Exchange role account "${input.username}" is not an email address, so it names no tenant for application ${applicationId}.`,
          INTEROP_MESSAGES.USERNAME_NOT_EMAIL,
          endpoint,
        );
      }
      const outcome = await requestAppOnlyToken({
        identityAuthority: input.identityAuthority,
        tenant,
        clientId: applicationId,
        clientSecret: input.password,
        trustedCa: input.trustedCa,
        resolveHost: input.resolveHost,
        timeoutMs,
      });
      if (!outcome.ok) {
        throw fail(outcome.detail, outcome.message ?? '', outcome.tokenUrl, {
          ...(outcome.status === undefined ? {} : { status: outcome.status }),
          ...(outcome.errorCode === undefined ? {} : { errorCode: outcome.errorCode }),
        });
      }
      state.bearer = outcome.accessToken;
      return `Application ${applicationId} got an app-only token for ${tenant}.`;
    },
    CREDENTIALS: async () => {
      if (!EMAIL.test(input.username)) {
        throw fail(
          `The Exchange role account "${input.username}" is not an email address (is the domain missing?).`,
          INTEROP_MESSAGES.USERNAME_NOT_EMAIL,
          endpoint,
        );
      }
      if (state.bearer !== undefined) {
        const res = await post({ bearer: state.bearer, anchorMailbox: input.participant });
        if (res.status === 401 || res.status === 403) {
          throw fail(
            `Exchange rejected the app-only token of application ${applicationId} (HTTP ${res.status}): the app may lack the full_access_as_app (EWS) permission, or the organization's access control list (ACL) blocks Calendar Interop.`,
            INTEROP_MESSAGES.UNAUTHORIZED,
            endpoint,
            { status: res.status },
          );
        }
        if (!isSoapEnvelope(res.body)) {
          throw fail(
            `With the app-only token the endpoint answered HTTP ${res.status} without a SOAP response.`,
            INTEROP_MESSAGES.EWS_RESPONSE,
            endpoint,
            { status: res.status },
          );
        }
        state.answer = res.body;
        state.status = res.status;
        return `Exchange accepted the app-only token of application ${applicationId}.`;
      }
      const res = await post(input);
      if (res.status === 401 || res.status === 403) {
        throw fail(
          `Exchange rejected the credentials of ${input.username} (HTTP ${res.status}).`,
          INTEROP_MESSAGES.EWS_RESPONSE,
          endpoint,
          { status: res.status },
        );
      }
      if (!isSoapEnvelope(res.body)) {
        throw fail(
          `With credentials the endpoint answered HTTP ${res.status} without a SOAP response.`,
          INTEROP_MESSAGES.EWS_RESPONSE,
          endpoint,
          { status: res.status },
        );
      }
      state.answer = res.body;
      state.status = res.status;
      return `Exchange accepted the credentials of ${input.username}.`;
    },
    AVAILABILITY: async () => {
      const answer = parseAvailability(state.answer ?? '');
      if (answer.responseCode === 'ErrorMailRecipientNotFound') {
        throw fail(
          `${input.participant} does not exist in Exchange / Active Directory (ErrorMailRecipientNotFound).`,
          INTEROP_MESSAGES.INVALID_PARTICIPANT,
          endpoint,
        );
      }
      if (answer.responseClass !== 'Success') {
        // Throttling or a passing state of the server (ErrorServerBusy…) says nothing about the settings: report
        // it as Exchange said it, transient, instead of the seed's "EWS response error".
        const passing = classifyProviderError({
          provider: 'google-interop',
          status: state.status,
          body: state.answer ?? '',
          endpoint,
        });
        if (passing.retryable) {
          throw new StepFailure(
            `Exchange could not answer for ${input.participant} right now: ${answer.responseCode ?? 'a transient fault'}${answer.messageText === undefined ? '' : ` (${answer.messageText})`}. The settings may be right; test again later.`,
            passing,
          );
        }
        throw fail(
          `The availability lookup for ${input.participant} failed: ${answer.responseCode ?? 'no ResponseCode'}${answer.messageText === undefined ? '' : ` (${answer.messageText})`}.`,
          INTEROP_MESSAGES.EWS_RESPONSE,
          endpoint,
        );
      }
      return `Availability of ${input.participant} read: ${answer.busy.length} busy block(s).`;
    },
  };

  async function post(auth: EwsAuth | undefined) {
    const now = input.now?.() ?? new Date();
    // App-only access acts on a mailbox by impersonation.
    const impersonate = auth !== undefined && 'bearer' in auth ? auth.anchorMailbox : undefined;
    const body = availabilityRequestXml(
      input.participant,
      now,
      new Date(now.getTime() + 86_400_000),
      impersonate,
    );
    try {
      return await ewsPost(
        { url: state.url as URL, address: state.address ?? '', trustedCa: input.trustedCa, timeoutMs },
        body,
        auth,
      );
    } catch (e) {
      const errorCode = errorCodeOf(e);
      throw fail(
        `The EWS request failed${errorCode === undefined ? '' : ` (${errorCode})`}.`,
        INTEROP_MESSAGES.EWS_RESPONSE,
        endpoint,
        errorCode === undefined ? {} : { errorCode },
      );
    }
  }

  async function run(id: ExchangeStepId): Promise<ExchangeStep> {
    try {
      const outcome = await checks[id]();
      return typeof outcome === 'string'
        ? { id, status: 'PASSED', detail: outcome }
        : { id, status: 'SKIPPED', detail: outcome.skipped };
    } catch (e) {
      if (e instanceof StepFailure) {
        return { id, status: 'FAILED', detail: e.detail, classification: e.classification };
      }
      const errorCode = errorCodeOf(e);
      return {
        id,
        status: 'FAILED',
        detail: e instanceof Error ? e.message : String(e),
        classification: classifyProviderError({
          provider: 'google-interop',
          endpoint,
          ...(errorCode === undefined ? {} : { errorCode }),
        }),
      };
    }
  }

  let failed = false;
  for (const id of EXCHANGE_STEP_IDS) {
    const step: ExchangeStep = failed
      ? { id, status: 'SKIPPED', detail: 'Skipped: an earlier step failed.' }
      : await run(id);
    if (step.status === 'FAILED') failed = true;
    steps.push(step);
    input.onStep?.(step);
  }
  return { ok: !failed, steps };
}

/** Alias named after issue 5 §2. */
export const testExchangeConnection = analyzeExchangeConnection;
