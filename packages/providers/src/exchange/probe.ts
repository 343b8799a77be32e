// ExchangeCalendarProbe: one GetUserAvailability request with Basic auth as the Interop role account,
// failures as ProviderError (provider 'google-interop').
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyProviderError, ProviderError } from '@tsunagi/errors';
import type { ProbeResult, ProviderId } from '../contract.js';
import { availabilityRequestXml, ewsPost, isSoapEnvelope, parseAvailability } from './ews.js';

export interface ExchangeCalendarProbeOptions {
  readonly ewsUrl: string;
  /** The Exchange role account (an email address). */
  readonly username: string;
  readonly password: string;
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
    let address = host;
    if (isIP(host) === 0) {
      try {
        address = await (this.options.resolveHost ?? (async (h: string) => (await lookup(h)).address))(host);
      } catch (cause) {
        const errorCode = (cause as { code?: string }).code;
        throw interopError('Host not found', ewsUrl, {
          cause,
          ...(errorCode === undefined ? {} : { errorCode }),
        });
      }
    }
    const mailbox = this.options.mailbox ?? username;
    const now = new Date();
    let res: Awaited<ReturnType<typeof ewsPost>>;
    try {
      res = await ewsPost(
        { url, address, trustedCa: this.options.trustedCa, timeoutMs: this.options.timeoutMs ?? 10_000 },
        availabilityRequestXml(mailbox, now, new Date(now.getTime() + 86_400_000)),
        { username, password },
        signal,
      );
    } catch (cause) {
      const errorCode = (cause as { code?: string }).code;
      const tlsFailure = errorCode !== undefined && /CERT|SELF_SIGNED|ALTNAME|TLS|SSL|ISSUER/.test(errorCode);
      const connFailure =
        errorCode !== undefined &&
        /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/.test(errorCode);
      throw interopError(
        tlsFailure ? 'SSL error' : connFailure ? 'Connection error' : 'EWS response error',
        ewsUrl,
        {
          cause,
          ...(errorCode === undefined ? {} : { errorCode }),
        },
      );
    }
    if (res.status === 401 || res.status === 403 || !isSoapEnvelope(res.body)) {
      throw interopError('EWS response error', ewsUrl, { status: res.status });
    }
    const answer = parseAvailability(res.body);
    if (answer.responseCode === 'ErrorMailRecipientNotFound')
      throw interopError('Invalid participant', ewsUrl);
    if (answer.responseClass !== 'Success')
      throw interopError('EWS response error', ewsUrl, { status: res.status });
    return {
      ok: true,
      account: { externalId: username, email: username },
      grantedScopes: [],
      missingScopes: [],
    };
  }
}

/** The Exchange calendar provider's probe, under the name the contract's other providers use. */
export { ExchangeCalendarProbe as ExchangeCalendarProvider };
