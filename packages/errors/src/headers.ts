/** Seven days: anything longer is treated as a provider bug, not a real hint. */
export const MAX_RETRY_AFTER_SECONDS = 7 * 24 * 3600;
const MAX_HEADERS = 256;
const MAX_HEADER_VALUE = 256;

/** Lower-cased header map; tolerates any runtime garbage (non-objects, arrays, non-string values). */
const NO_HEADERS: ReadonlyMap<string, string> = new Map();

export function normalizeHeaders(headers: unknown): ReadonlyMap<string, string> {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return NO_HEADERS;
  const out = new Map<string, string>();
  let seen = 0;
  for (const key in headers) {
    if (!Object.hasOwn(headers, key)) continue;
    if (++seen > MAX_HEADERS) break;
    const raw = (headers as Record<string, unknown>)[key];
    const value = Array.isArray(raw) ? raw.find((v) => typeof v === 'string') : raw;
    if (typeof value === 'string') out.set(key.toLowerCase(), value.slice(0, MAX_HEADER_VALUE));
  }
  return out;
}

const SECONDS = /^\d{1,12}(?:\.\d{1,9})?$/;
const NEGATIVE_SECONDS = /^-\d{1,12}(?:\.\d{1,9})?$/;
// IMF-fixdate, RFC 850, asctime (RFC 9110 §5.6.7) and ISO 8601 (Zoom documents an ISO Retry-After).
const HTTP_DATE =
  /^(?:[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))$/;

function clampSeconds(seconds: number): number | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  const clamped = Math.min(Math.max(0, seconds), MAX_RETRY_AFTER_SECONDS);
  return Math.round(clamped * 1000) / 1000;
}

/**
 * Parses a `Retry-After` value: delta seconds (fractions allowed, negatives clamp to 0) or an
 * HTTP date relative to `nowMs` (dates in the past clamp to 0). Returns undefined for garbage.
 */
export function parseRetryAfter(value: unknown, nowMs: number = Date.now()): number | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v.length === 0 || v.length > 64) return undefined;
  if (SECONDS.test(v)) return clampSeconds(Number(v));
  if (NEGATIVE_SECONDS.test(v)) return 0;
  if (!HTTP_DATE.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at) || !Number.isFinite(nowMs)) return undefined;
  return clampSeconds((at - nowMs) / 1000);
}

function parseMilliseconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!SECONDS.test(v)) return NEGATIVE_SECONDS.test(v) ? 0 : undefined;
  return clampSeconds(Number(v) / 1000);
}

/**
 * The wait the response asks for, from (in order) `retry-after-ms` / `x-ms-retry-after-ms`
 * (Azure / Graph, milliseconds), `Retry-After` (seconds or HTTP date), then the rate-limit reset
 * headers `ratelimit-reset` (IETF draft, delta seconds) and `x-ratelimit-reset` (delta seconds, or
 * epoch seconds when the value is a timestamp).
 */
export function retryAfterFromHeaders(
  headers: ReadonlyMap<string, string>,
  now: number | (() => number),
): number | undefined {
  if (headers.size === 0) return undefined;
  const nowMs = (): number => (typeof now === 'function' ? now() : now);
  const ms = parseMilliseconds(headers.get('retry-after-ms') ?? headers.get('x-ms-retry-after-ms'));
  if (ms !== undefined) return ms;
  const header = headers.get('retry-after');
  const retryAfter = header === undefined ? undefined : parseRetryAfter(header, nowMs());
  if (retryAfter !== undefined) return retryAfter;
  const reset = headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset');
  if (reset === undefined) return undefined;
  const v = reset.trim();
  if (!SECONDS.test(v)) return undefined;
  const n = Number(v);
  // Values past 2001-09-09 in epoch seconds cannot be sensible deltas.
  return n > 1e9 ? clampSeconds(n - nowMs() / 1000) : clampSeconds(n);
}
