// googleapis / gaxios failures → ProviderError. The classifier wants the wire as received: status, headers
// (Retry-After!), the raw body and the Node error code of a transport failure.
import { type HeaderBag, isProviderError, type Provider, ProviderError } from '@tsunagi/errors';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** gaxios 7 hands back a WHATWG `Headers`; older shapes are plain objects. */
export function headerBag(headers: unknown): HeaderBag | undefined {
  if (headers === undefined || headers === null) return undefined;
  const bag: HeaderBag = {};
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    (headers as Headers).forEach((value, name) => {
      bag[name] = value;
    });
    return bag;
  }
  const object = record(headers);
  if (!object) return undefined;
  for (const [name, value] of Object.entries(object)) {
    if (typeof value === 'string') bag[name] = value;
    else if (Array.isArray(value)) bag[name] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'number') bag[name] = String(value);
  }
  return bag;
}

/** The body as text: gaxios parses JSON bodies, so an object is re-stringified. */
export function bodyText(data: unknown): string | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (ArrayBuffer.isView(data))
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  try {
    return JSON.stringify(data);
  } catch {
    return String(data);
  }
}

/** The first string error code along the cause chain (undici hides ECONNRESET behind "fetch failed"). */
export function transportCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const object = record(current);
    if (!object) return undefined;
    const code = object.code;
    if (code === 'TimeoutError') return 'ETIMEDOUT';
    if (code === 'AbortError') return 'ABORT_ERR';
    if (typeof code === 'string' && code.length > 0 && !/^\d+$/.test(code)) return code;
    // A request timeout surfaces as an abort without a code (node-fetch AbortError, DOMException TimeoutError).
    if (object.name === 'TimeoutError') return 'ETIMEDOUT';
    if (object.name === 'AbortError') return 'ABORT_ERR';
    current = object.cause;
  }
  return undefined;
}

/** A URL safe to keep on an error: no query string (tokeninfo and revoke carry tokens there). */
export function safeEndpoint(url: unknown, fallback: string): string {
  const raw = typeof url === 'string' ? url : url instanceof URL ? url.href : fallback;
  try {
    const parsed = new URL(raw);
    parsed.search = '';
    parsed.hash = '';
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return fallback;
  }
}

/** Wraps any failure of a googleapis / google-auth-library call in a classified ProviderError. */
export function toProviderError(
  error: unknown,
  provider: Extract<Provider, 'google' | 'google-oauth'>,
  endpoint: string,
  now?: number,
): ProviderError {
  if (isProviderError(error)) return error as ProviderError;
  const object = record(error);
  const response = record(object?.response);
  const config = record(object?.config);
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const headers = headerBag(response?.headers);
  const body = bodyText(response?.data);
  const errorCode = status === undefined ? transportCode(error) : undefined;
  return ProviderError.fromFailure(
    {
      provider,
      ...(status !== undefined ? { status } : {}),
      ...(headers ? { headers } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(errorCode !== undefined ? { errorCode } : {}),
      endpoint: safeEndpoint(config?.url, endpoint),
    },
    { cause: error, ...(now !== undefined ? { now } : {}) },
  );
}
