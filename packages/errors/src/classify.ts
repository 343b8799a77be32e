import { type ReadBody, readBody, str } from './body.js';
import { normalizeHeaders, retryAfterFromHeaders } from './headers.js';
import { googleApiMatch, googleOAuthMatch } from './providers/google.js';
import { insecureEndpointMatch, interopTextMatch } from './providers/interop.js';
import { type ClassifyContext, knownVocabulary, type Match } from './providers/match.js';
import { ewsXmlMatch, graphMatch, identityMatch } from './providers/microsoft.js';
import { networkMatch } from './providers/network.js';
import { statusMatch } from './providers/status.js';
import { zoomMatch } from './providers/zoom.js';
import { oneLine, REDACTED, scrubSecrets, scrubToOneLine } from './scrub.js';
import type { ClassifyOptions, ProviderErrorClassification, ProviderFailureInput } from './types.js';
import { Action, ErrorCode, isProvider, outcomeForCode, type Provider } from './vocabulary.js';

/**
 * Hint for QUOTA_EXCEEDED when the provider sends no Retry-After: Google asks not to hammer
 * after "Calendar usage limits exceeded", and these limits are measured over long windows.
 */
export const QUOTA_DEFAULT_RETRY_AFTER_SECONDS = 600;
export const MAX_MESSAGE_LENGTH = 300;

const PROVIDER_LABEL: Readonly<Record<Provider | 'unknown', string>> = {
  google: 'Google Calendar API',
  'google-oauth': 'Google OAuth',
  'google-interop': 'Google Calendar Interop (Exchange)',
  microsoft: 'Microsoft Graph',
  'microsoft-identity': 'Microsoft identity platform',
  zoom: 'Zoom API',
  network: 'Network',
  unknown: 'Provider',
};

const SUMMARY: Readonly<Record<ErrorCode, string>> = {
  RATE_LIMITED: 'rate limited',
  QUOTA_EXCEEDED: 'usage quota exceeded',
  PROVIDER_UNAVAILABLE: 'provider temporarily unavailable',
  NETWORK_UNREACHABLE: 'network unreachable',
  AUTH_EXPIRED: 'access token expired or invalid',
  AUTH_REVOKED: 'authorization revoked or expired',
  INTERACTION_REQUIRED: 'user interaction required (sign-in, MFA or consent)',
  INSUFFICIENT_SCOPE: 'missing OAuth scope',
  PERMISSION_DENIED: 'permission denied',
  MISCONFIGURED: 'integration misconfigured',
  ACCOUNT_UNAVAILABLE: 'account or mailbox unavailable',
  INSECURE_ENDPOINT: 'insecure endpoint (http instead of https)',
  TLS_ERROR: 'TLS certificate error',
  DNS_NOT_FOUND: 'host name not found',
  INVALID_REQUEST: 'invalid request',
  NOT_FOUND: 'resource not found',
  ALREADY_DELETED: 'resource already deleted',
  ALREADY_EXISTS: 'identifier already exists',
  CONFLICT: 'conflicting concurrent operation',
  PRECONDITION_FAILED: 'precondition failed, the resource changed',
  SYNC_TOKEN_INVALID: 'sync token no longer valid',
  ORGANIZER_ONLY: "only the organizer's copy can change shared properties",
  UNKNOWN: 'unclassified failure',
};

function resolveNow(options: unknown): number {
  if (typeof options !== 'object' || options === null) return Date.now();
  const now: unknown = (options as ClassifyOptions).now;
  if (now instanceof Date) {
    const t = now.getTime();
    return Number.isFinite(t) ? t : Date.now();
  }
  return typeof now === 'number' && Number.isFinite(now) ? now : Date.now();
}

function validStatus(status: unknown): number | undefined {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599
    ? status
    : undefined;
}

/** The JSON shapes each provider speaks; a body in a sibling's shape is still understood. */
function structuredMatch(
  provider: Provider | 'unknown',
  body: ReadBody,
  ctx: ClassifyContext,
): Match | undefined {
  const json = body.json;
  if (json === undefined) {
    return body.kind === 'xml' && provider !== 'google' && provider !== 'google-oauth' && provider !== 'zoom'
      ? ewsXmlMatch(body.text)
      : undefined;
  }
  switch (provider) {
    case 'google':
      return googleApiMatch(json, ctx) ?? googleOAuthMatch(json);
    case 'google-oauth':
      return googleOAuthMatch(json) ?? googleApiMatch(json, ctx);
    case 'google-interop':
      return googleApiMatch(json, ctx) ?? graphMatch(json, ctx);
    case 'microsoft':
      return graphMatch(json, ctx) ?? identityMatch(json);
    case 'microsoft-identity':
      return identityMatch(json) ?? graphMatch(json, ctx);
    case 'zoom':
      return zoomMatch(json, ctx);
    default:
      return (
        googleApiMatch(json, ctx) ?? graphMatch(json, ctx) ?? identityMatch(json) ?? zoomMatch(json, ctx)
      );
  }
}

/** Interop status messages arrive as plain text, or as the message of a JSON error. */
function interopMessage(body: ReadBody): Match | undefined {
  if (body.kind === 'text') return interopTextMatch(body.text);
  const err = body.json?.error;
  const message =
    typeof err === 'object' && err !== null
      ? str((err as Record<string, unknown>).message)
      : str(body.json?.message);
  return message === undefined ? undefined : interopTextMatch(message);
}

const keepKnown = (run: string): boolean => knownVocabulary.has(run.toLowerCase());

const PLAIN_IDENTIFIER = /^[A-Za-z0-9 _.:()!,-]{1,31}$/;

function safeIdentifier(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (PLAIN_IDENTIFIER.test(value)) return value; // too short to hide a secret, nothing to flatten
  const clean = oneLine(scrubSecrets(value.slice(0, 200), keepKnown), 100);
  return clean.length > 0 ? clean : undefined;
}

/**
 * Provider messages repeat ("Rate Limit Exceeded", "Access token has expired or is not yet valid."),
 * so their scrubbed one-line form is memoised. Only texts in which nothing was redacted are kept,
 * so the cache never holds a secret; it is bounded and simply cleared when full.
 */
const SCRUBBED = new Map<string, string>();
const SCRUB_CACHE_ENTRIES = 512;
const SCRUB_CACHE_KEY_LENGTH = 1_024;

function providerWords(detail: string): string {
  const cached = SCRUBBED.get(detail);
  if (cached !== undefined) return cached;
  const words = scrubToOneLine(detail, MAX_MESSAGE_LENGTH, keepKnown);
  if (detail.length <= SCRUB_CACHE_KEY_LENGTH && !words.includes(REDACTED)) {
    if (SCRUBBED.size >= SCRUB_CACHE_ENTRIES) SCRUBBED.clear();
    SCRUBBED.set(detail, words);
  }
  return words;
}

function composeMessage(
  provider: Provider | 'unknown',
  status: number | undefined,
  code: ErrorCode,
  reason: string | undefined,
  detail: string | undefined,
): string {
  // The label and summary are ours and the reason is already scrubbed: only the provider's own words
  // go through the scrubber, which also flattens them to one line.
  let text = `${PROVIDER_LABEL[provider]}${status === undefined ? '' : ` HTTP ${status}`}: ${SUMMARY[code]}`;
  if (reason !== undefined) text += ` (${reason})`;
  if (detail !== undefined && detail !== reason) {
    const words = providerWords(detail);
    if (words.length > 0) text += ` — ${words}`;
  }
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1).trimEnd()}…` : text;
}

function classifyUnsafe(input: unknown, options: unknown): ProviderErrorClassification {
  const rec = (typeof input === 'object' && input !== null ? input : {}) as Partial<
    Record<keyof ProviderFailureInput, unknown>
  >;
  const provider: Provider | 'unknown' = isProvider(rec.provider) ? rec.provider : 'unknown';
  const status = validStatus(rec.status);
  const endpoint = typeof rec.endpoint === 'string' ? rec.endpoint.slice(0, 2_048) : undefined;
  const errorCode =
    typeof rec.errorCode === 'string' && rec.errorCode.length > 0 ? rec.errorCode.slice(0, 64) : undefined;
  const headers = normalizeHeaders(rec.headers);
  let nowMs: number | undefined;
  const now = (): number => {
    nowMs ??= resolveNow(options);
    return nowMs;
  };
  const body = readBody(rec.body);
  const ctx: ClassifyContext = { provider, status, headers, now, endpoint };
  const interop = provider === 'google-interop';

  // Most specific first: a structured reason in the body, then the status, then the transport code.
  let match = (interop ? interopMessage(body) : undefined) ?? structuredMatch(provider, body, ctx);
  if (match === undefined || match.code === ErrorCode.UNKNOWN) {
    const fallback =
      (interop ? insecureEndpointMatch(endpoint) : undefined) ??
      (status !== undefined && status >= 400 ? statusMatch(provider, status) : undefined) ??
      (errorCode !== undefined ? networkMatch(errorCode, endpoint, interop) : undefined);
    if (fallback !== undefined) {
      match = {
        ...fallback,
        providerReason: match?.providerReason ?? fallback.providerReason,
        providerCode: match?.providerCode ?? fallback.providerCode,
        detail: match?.detail ?? fallback.detail,
      };
    }
  }
  const found: Match = match ?? { code: ErrorCode.UNKNOWN, providerCode: errorCode };

  const outcome = outcomeForCode(found.code);
  const result: ProviderErrorClassification = {
    code: found.code,
    action: outcome.action,
    retryable: outcome.retryable,
    connectionBroken: outcome.connectionBroken,
    provider,
    message: '',
  };
  if (outcome.action === Action.RETRY_WITH_BACKOFF) {
    const wait =
      retryAfterFromHeaders(headers, now) ??
      found.retryAfterSeconds ??
      (found.code === ErrorCode.QUOTA_EXCEEDED ? QUOTA_DEFAULT_RETRY_AFTER_SECONDS : undefined);
    if (wait !== undefined && Number.isFinite(wait)) result.retryAfterSeconds = Math.max(0, wait);
  }
  if (status !== undefined) result.httpStatus = status;
  const providerReason = safeIdentifier(found.providerReason);
  if (providerReason !== undefined) result.providerReason = providerReason;
  const providerCode = safeIdentifier(found.providerCode);
  if (providerCode !== undefined) result.providerCode = providerCode;
  if (found.subReason !== undefined) result.subReason = found.subReason;
  result.message = composeMessage(provider, status, found.code, providerReason, found.detail);
  return result;
}

/**
 * Classifies one provider failure into the shared vocabulary. Pure, synchronous, and total: it
 * never throws, whatever it is given (non-objects, huge or hostile strings, cyclic objects).
 */
export function classifyProviderError(
  input: ProviderFailureInput,
  options?: ClassifyOptions,
): ProviderErrorClassification {
  try {
    return classifyUnsafe(input, options);
  } catch {
    // Only reachable with hostile inputs (throwing getters, proxies): report "no signal".
    return {
      code: ErrorCode.UNKNOWN,
      ...outcomeForCode(ErrorCode.UNKNOWN),
      provider: 'unknown',
      message: `${PROVIDER_LABEL.unknown}: ${SUMMARY.UNKNOWN}`,
    };
  }
}
