import { ErrorCode as C, SubReason as S, type SubReason } from '../vocabulary.js';
import type { Match } from './match.js';

/** Certificate problems: the admin (or a TLS-intercepting proxy) must fix the certificate. */
const TLS_CODES: ReadonlyMap<string, SubReason | undefined> = new Map<string, SubReason | undefined>([
  ['CERT_HAS_EXPIRED', S.TLS_CERT_EXPIRED],
  ['CERT_NOT_YET_VALID', S.TLS_CERT_EXPIRED],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', S.TLS_CERT_UNTRUSTED],
  ['SELF_SIGNED_CERT_IN_CHAIN', S.TLS_CERT_UNTRUSTED],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', S.TLS_CERT_UNTRUSTED],
  ['UNABLE_TO_GET_ISSUER_CERT', S.TLS_CERT_UNTRUSTED],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', S.TLS_CERT_UNTRUSTED],
  ['CERT_UNTRUSTED', S.TLS_CERT_UNTRUSTED],
  ['CERT_REJECTED', S.TLS_CERT_UNTRUSTED],
  ['CERT_REVOKED', S.TLS_CERT_UNTRUSTED],
  ['CERT_SIGNATURE_FAILURE', S.TLS_CERT_UNTRUSTED],
  ['UNABLE_TO_DECRYPT_CERT_SIGNATURE', S.TLS_CERT_UNTRUSTED],
  ['INVALID_CA', S.TLS_CERT_UNTRUSTED],
  ['ERR_TLS_CERT_ALTNAME_INVALID', S.TLS_HOSTNAME_MISMATCH],
  ['HOSTNAME_MISMATCH', S.TLS_HOSTNAME_MISMATCH],
  ['EPROTO', undefined],
]);

/** Transient transport failures (Node net/dns and undici). */
const TRANSIENT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ETIMEOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ESERVFAIL',
  'ECANCELLED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_ABORTED',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ABORT_ERR',
  'TIMEOUTERROR',
]);

/** "No such host": permanent only for a host an admin typed; public provider hosts just blipped. */
const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_NONAME', 'ENODATA']);

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export function hostOf(endpoint: string | undefined): string | undefined {
  if (endpoint === undefined) return undefined;
  return /^\s*[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(endpoint)?.[1]?.toLowerCase();
}

export function isIpAddress(host: string | undefined): boolean {
  return host !== undefined && (IPV4.test(host) || host.startsWith('['));
}

/**
 * Node / undici error codes. `adminConfigured` is true for Google Calendar Interop, whose Exchange
 * host name an admin typed: there ENOTFOUND means a wrong name, elsewhere a temporary DNS failure.
 */
export function networkMatch(
  rawCode: string,
  endpoint: string | undefined,
  adminConfigured: boolean,
): Match | undefined {
  const code = rawCode.toUpperCase();
  if (
    TLS_CODES.has(code) ||
    code.startsWith('ERR_SSL_') ||
    (code.startsWith('ERR_TLS_') && !TRANSIENT.has(code))
  ) {
    if (isIpAddress(hostOf(endpoint))) {
      return {
        code: C.TLS_ERROR,
        subReason: S.TLS_HOST_IS_IP_ADDRESS,
        providerCode: rawCode,
        detail: 'the URL uses an IP address instead of the host name the certificate was issued for',
      };
    }
    const subReason = TLS_CODES.get(code) ?? (adminConfigured ? S.INTEROP_SSL_ERROR : undefined);
    return { code: C.TLS_ERROR, subReason, providerCode: rawCode };
  }
  if (NOT_FOUND.has(code)) {
    return adminConfigured
      ? { code: C.DNS_NOT_FOUND, subReason: S.INTEROP_HOST_NOT_FOUND, providerCode: rawCode }
      : { code: C.NETWORK_UNREACHABLE, providerCode: rawCode };
  }
  if (code === 'ERR_INVALID_URL') {
    return {
      code: C.MISCONFIGURED,
      subReason: adminConfigured ? S.INTEROP_MALFORMED_URL : undefined,
      providerCode: rawCode,
    };
  }
  if (TRANSIENT.has(code)) {
    // Transient all the same (an outage or a restart is likelier than a change), but for an admin-entered
    // Exchange server the advice is Interop's "Connection error": firewall, host or port.
    return adminConfigured
      ? { code: C.NETWORK_UNREACHABLE, subReason: S.INTEROP_CONNECTION_ERROR, providerCode: rawCode }
      : { code: C.NETWORK_UNREACHABLE, providerCode: rawCode };
  }
  return undefined;
}
