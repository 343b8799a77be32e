// ExchangeCalendarProbe: one GetUserAvailability request with Basic auth as the Interop role account,
// or with an app-only token (Interop's OAuth mode for Exchange Online), failures as ProviderError
// (provider 'google-interop').
import { classifyProviderError, ProviderError } from '@tsunagi/errors';
import type { ProbeResult, ProviderId } from '../contract.js';
import {
  availabilityRequestXml,
  CERTIFICATE_WARNING_DAYS,
  type EwsAuth,
  ewsPost,
  isSoapEnvelope,
  parseAvailability,
  resolveAddress,
  transportFailureMessage,
} from './ews.js';
import { requestAppOnlyToken, tenantOf } from './identity.js';

export interface ExchangeCalendarProbeOptions {
  readonly ewsUrl: string;
  /** The Exchange role account (an email address); its domain is the tenant in application mode. */
  readonly username: string;
  /** The role account's password, or the application's client secret when `applicationId` is given. */
  readonly password: string;
  /** Application (client) id of an Entra ID app registration: EWS with an app-only bearer token. */
  readonly applicationId?: string;
  /** Origin of the Microsoft identity platform; default `https://login.microsoftonline.com`. */
  readonly identityAuthority?: string;
  /** Mailbox to look up; defaults to the role account itself. */
  readonly mailbox?: string;
  readonly trustedCa?: readonly string[];
  readonly resolveHost?: (host: string) => Promise<string>;
  readonly timeoutMs?: number;
}

function interopError(
  body: string,
  endpoint: string,
  extra: { status?: number; errorCode?: string; cause?: unknown } = {},
) {
  const { cause, ...rest } = extra;
  return new ProviderError(classifyProviderError({ provider: 'google-interop', body, endpoint, ...rest }), {
    cause,
  });
}

/**
 * A probe reaches settings that were configured (and usually worked): a refused, reset or timed-out
 * connection may be an outage or a restart, so a transport failure that the classifier calls transient from
 * its Node error code alone stays so — NETWORK_UNREACHABLE (the hysteresis decides when it breaks the
 * connection), with Interop's "Connection error" advice. The analyzer, testing new settings, reports the same
 * failure as the seed's misconfiguration. Undefined when the code is not a transient one.
 */
function transientTransportFailure(endpoint: string, errorCode: string | undefined, cause?: unknown) {
  if (errorCode === undefined) return undefined;
  const classification = classifyProviderError({ provider: 'google-interop', endpoint, errorCode });
  if (!classification.retryable) return undefined;
  return new ProviderError(classification, cause === undefined ? undefined : { cause });
}

/**
 * EWS answers throttling and passing trouble as a SOAP fault with HTTP 500 (ErrorServerBusy with
 * BackOffMilliseconds, ErrorTimeoutExpired, ErrorInternalServerTransientError, ErrorMailboxStoreUnavailable…;
 * https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange), and
 * a proxy in front of it a bare 429 / 5xx. Those reach the classifier as they came, so the EWS response code
 * and its back-off decide; only a permanent answer becomes the seed's "EWS response error".
 */
function transientAnswer(
  endpoint: string,
  response: { status: number; headers: Record<string, string | string[] | undefined>; body: string },
): ProviderError | undefined {
  const soap = isSoapEnvelope(response.body);
  if (!soap && response.status !== 429 && response.status < 500) return undefined;
  const classification = classifyProviderError({
    provider: 'google-interop',
    status: response.status,
    headers: response.headers,
    // A proxy's error page says nothing Interop's phrases should be matched against.
    ...(soap ? { body: response.body } : {}),
    endpoint,
  });
  return classification.retryable ? new ProviderError(classification) : undefined;
}

/** The server's certificate still works but expires soon: the calendars will stop with an SSL error. */
function certificateWarning(endpoint: string, host: string, validTo: Date, now: Date) {
  const days = Math.max(0, Math.floor((validTo.getTime() - now.getTime()) / 86_400_000));
  const classification = classifyProviderError({ provider: 'google-interop', body: 'SSL error', endpoint });
  return {
    ...classification,
    connectionBroken: false,
    providerReason: 'certificate_expiring',
    message: `The SSL certificate of ${host} expires on ${validTo.toISOString()} (in ${days} day${days === 1 ? '' : 's'}); renew it before then`,
  };
}

export class ExchangeCalendarProbe {
  readonly provider: ProviderId = 'EXCHANGE';

  constructor(private readonly options: ExchangeCalendarProbeOptions) {}

  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const { ewsUrl, username, password } = this.options;
    let url: URL;
    try {
      url = new URL(ewsUrl);
    } catch (cause) {
      throw interopError('Malformed Exchange URL', ewsUrl, { cause });
    }
    if (url.protocol !== 'https:')
      throw interopError('Exchange Web Services (EWS) communication error', ewsUrl);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(username)) {
      throw interopError('Exchange username is not an email address', ewsUrl);
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let address: string;
    try {
      address = await resolveAddress(host, this.options.resolveHost);
    } catch (cause) {
      const errorCode = (cause as { code?: string }).code;
      throw interopError('Host not found', ewsUrl, {
        cause,
        ...(errorCode === undefined ? {} : { errorCode }),
      });
    }
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const mailbox = this.options.mailbox ?? username;
    const auth: EwsAuth =
      this.options.applicationId === undefined
        ? { username, password }
        : { bearer: await this.appOnlyToken(this.options.applicationId, signal), anchorMailbox: mailbox };
    const now = new Date();
    let res: Awaited<ReturnType<typeof ewsPost>>;
    try {
      res = await ewsPost(
        { url, address, trustedCa: this.options.trustedCa, timeoutMs },
        availabilityRequestXml(
          mailbox,
          now,
          new Date(now.getTime() + 86_400_000),
          'bearer' in auth ? mailbox : undefined,
        ),
        auth,
        signal,
      );
    } catch (cause) {
      const errorCode = (cause as { code?: string }).code;
      const transient = transientTransportFailure(ewsUrl, errorCode, cause);
      if (transient !== undefined) throw transient;
      const message = transportFailureMessage(errorCode);
      throw interopError(
        message === 'SSL error' || message === 'Connection error' ? message : 'EWS response error',
        ewsUrl,
        {
          cause,
          ...(errorCode === undefined ? {} : { errorCode }),
        },
      );
    }
    if ((res.status === 401 || res.status === 403) && 'bearer' in auth) {
      // The token is valid for the directory, but Exchange refuses it: no full_access_as_app, or an ACL.
      throw interopError('401 Unauthorized', ewsUrl, { status: res.status });
    }
    const answer = isSoapEnvelope(res.body) ? parseAvailability(res.body) : undefined;
    if (answer?.responseClass !== 'Success' && res.status !== 401 && res.status !== 403) {
      const transient = transientAnswer(ewsUrl, res);
      if (transient !== undefined) throw transient;
    }
    if (res.status === 401 || res.status === 403 || answer === undefined) {
      throw interopError('EWS response error', ewsUrl, { status: res.status });
    }
    if (answer.responseCode === 'ErrorMailRecipientNotFound')
      throw interopError('Invalid participant', ewsUrl);
    if (answer.responseClass !== 'Success')
      throw interopError('EWS response error', ewsUrl, { status: res.status });
    const validTo = res.certificateValidTo;
    const expiring =
      validTo !== undefined && validTo.getTime() - now.getTime() < CERTIFICATE_WARNING_DAYS * 86_400_000;
    return {
      ok: true,
      account: { externalId: username, email: username },
      grantedScopes: [],
      missingScopes: [],
      ...(expiring ? { warning: certificateWarning(ewsUrl, host, validTo, now) } : {}),
    };
  }

  /** Client credentials of the app registration → app-only token; 400 / 401 as Interop reports them. */
  private async appOnlyToken(clientId: string, signal: AbortSignal | undefined): Promise<string> {
    const { username, password } = this.options;
    const outcome = await requestAppOnlyToken({
      identityAuthority: this.options.identityAuthority,
      tenant: tenantOf(username) ?? '',
      clientId,
      clientSecret: password,
      trustedCa: this.options.trustedCa,
      resolveHost: this.options.resolveHost,
      timeoutMs: this.options.timeoutMs ?? 10_000,
      signal,
    });
    if (outcome.ok) return outcome.accessToken;
    const transient = transientTransportFailure(outcome.tokenUrl, outcome.errorCode);
    if (transient !== undefined) throw transient;
    throw interopError(outcome.message ?? '', outcome.tokenUrl, {
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
      ...(outcome.errorCode === undefined ? {} : { errorCode: outcome.errorCode }),
    });
  }
}

/** The Exchange calendar provider's probe, under the name the contract's other providers use. */
export { ExchangeCalendarProbe as ExchangeCalendarProvider };
