import { ErrorCode as C, type ErrorCode, SubReason as S, type SubReason } from '../vocabulary.js';
import type { Match } from './match.js';

interface InteropMessage {
  /** The English status message as Google shows it. */
  readonly canonical: string;
  readonly code: ErrorCode;
  readonly subReason: SubReason;
  /** Lower-case phrases that identify it: English and the Italian of seeds/calendar-interop-errors.it.txt. */
  readonly phrases: readonly string[];
}

/**
 * "Calendar Interop error messages and codes" (Google Workspace Admin Help), read from the Italian
 * edition in seeds/calendar-interop-errors.it.txt. Codes are chosen so the seed's remediation fits:
 * every message there asks the admin to change something, so all but the SSL / DNS / http:// ones
 * are MISCONFIGURED, and "Invalid participant" is a user that does not exist in Active Directory.
 */
const MESSAGES: readonly InteropMessage[] = [
  {
    canonical: 'Exchange Web Services (EWS) communication error',
    code: C.INSECURE_ENDPOINT,
    subReason: S.INTEROP_EWS_COMMUNICATION_ERROR,
    phrases: [
      'exchange web services (ews) communication error',
      'ews communication error',
      'errore di comunicazione dei servizi web exchange',
    ],
  },
  {
    canonical: 'Exchange username is not an email address',
    code: C.MISCONFIGURED,
    subReason: S.INTEROP_USERNAME_NOT_EMAIL,
    phrases: [
      'exchange username is not an email address',
      'exchange user name is not an email address',
      'username is not an email address',
      'il nome utente di exchange non è un indirizzo email',
      'non è un indirizzo email',
    ],
  },
  {
    canonical: 'Malformed Exchange URL',
    code: C.MISCONFIGURED,
    subReason: S.INTEROP_MALFORMED_URL,
    phrases: ['malformed exchange url', 'formato url di exchange non corretto'],
  },
  {
    canonical: 'Interop is not configured',
    code: C.MISCONFIGURED,
    subReason: S.INTEROP_NOT_CONFIGURED,
    phrases: ['interop is not configured', 'interop not configured', 'interop non è configurato'],
  },
  {
    canonical: 'EWS response error',
    code: C.MISCONFIGURED,
    subReason: S.INTEROP_EWS_RESPONSE_ERROR,
    phrases: ['ews response error', 'errore di risposta ews'],
  },
  {
    canonical: 'Invalid participant',
    code: C.ACCOUNT_UNAVAILABLE,
    subReason: S.INTEROP_INVALID_PARTICIPANT,
    phrases: ['invalid participant', 'partecipante non valido'],
  },
  {
    canonical: 'Connection error',
    code: C.MISCONFIGURED,
    subReason: S.INTEROP_CONNECTION_ERROR,
    phrases: ['connection error', 'errore di connessione'],
  },
  {
    canonical: 'Host not found',
    code: C.DNS_NOT_FOUND,
    subReason: S.INTEROP_HOST_NOT_FOUND,
    phrases: ['host not found', 'host non trovato'],
  },
  {
    canonical: 'SSL error',
    code: C.TLS_ERROR,
    subReason: S.INTEROP_SSL_ERROR,
    phrases: ['ssl error', 'errore ssl'],
  },
  {
    canonical: '400 Bad request',
    code: C.MISCONFIGURED,
    subReason: S.INTEROP_BAD_REQUEST,
    phrases: ['errore 400', 'richiesta non valida', '400 bad request', 'bad request'],
  },
  {
    canonical: '401 Unauthorized',
    code: C.MISCONFIGURED,
    subReason: S.INTEROP_UNAUTHORIZED,
    phrases: ['401 unauthorized', '401 non autorizzato', 'non autorizzato', 'unauthorized'],
  },
];

// Longest phrase first, so "EWS response error" is not read as a bare "connection error".
const PHRASES: readonly (readonly [string, InteropMessage])[] = MESSAGES.flatMap((m) =>
  m.phrases.map((p) => [p, m] as const),
).sort((a, b) => b[0].length - a[0].length);

function toMatch(m: InteropMessage): Match {
  return { code: m.code, subReason: m.subReason, providerReason: m.canonical, detail: m.canonical };
}

/** Recognises an Interop status message in (the start of) a plain-text body. */
export function interopTextMatch(text: string): Match | undefined {
  if (text.length === 0) return undefined;
  const t = text.slice(0, 512).toLowerCase().replace(/\s+/g, ' ');
  for (const [phrase, message] of PHRASES) {
    if (t.includes(phrase)) return toMatch(message);
  }
  return undefined;
}

/** Interop's own answer to a wrong application id (400) or client secret / ACL (401). */
export function interopStatusMatch(status: number | undefined): Match | undefined {
  if (status === 400)
    return toMatch(MESSAGES.find((m) => m.subReason === S.INTEROP_BAD_REQUEST) as InteropMessage);
  if (status === 401)
    return toMatch(MESSAGES.find((m) => m.subReason === S.INTEROP_UNAUTHORIZED) as InteropMessage);
  return undefined;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * An `http://` Exchange URL: Google refuses it ("EWS communication error"). Loopback hosts are
 * exempt so local emulators keep working.
 */
export function insecureEndpointMatch(endpoint: string | undefined): Match | undefined {
  if (endpoint === undefined || !/^\s*http:\/\//i.test(endpoint)) return undefined;
  const host = /^\s*http:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(endpoint)?.[1] ?? '';
  if (LOOPBACK.test(host)) return undefined;
  return {
    code: C.INSECURE_ENDPOINT,
    subReason: S.INTEROP_EWS_COMMUNICATION_ERROR,
    detail: 'The Exchange URL uses http:// instead of https://',
  };
}
