// Plain-fetch plumbing shared by the adapters that talk HTTP themselves (the Microsoft and Zoom token
// endpoints, Zoom's REST API; Graph calls go through the Graph SDK but classify the same way).
import { type HeaderBag, ProviderError, type ProviderFailureInput } from '@tsunagi/errors';

/**
 * Per-request timeout of the adapters that talk HTTP themselves, like the Google adapter's: a provider that
 * holds the answer cannot hold a probe, a mutation or a shutdown. Overridable per adapter (`timeoutMs`).
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Network failures: `fetch` rejects with "fetch failed" and the Node / undici code on `cause`. */
export function networkErrorCode(error: unknown): string | undefined {
  for (
    let current = error, depth = 0;
    depth < 4 && typeof current === 'object' && current !== null;
    depth++
  ) {
    // Our own per-request timeout (AbortSignal.timeout) rejects with a DOMException named TimeoutError.
    if ((current as { name?: unknown }).name === 'TimeoutError') return 'ETIMEDOUT';
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The caller's signal (when given) bounded by `timeoutMs`: one request, not the whole retried call. */
export function withTimeout(signal: AbortSignal | null | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

export function headerBag(headers: Headers): HeaderBag {
  const bag: HeaderBag = {};
  headers.forEach((value, name) => {
    bag[name] = value;
  });
  return bag;
}

export function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/**
 * One request, its answer read as text. Our own abort is rethrown as is; a network failure or a non-2xx answer
 * leaves as a ProviderError of `provider`, classified from what came over the wire (`endpoint` names the API
 * without its query string). The request and its body are bounded by `timeoutMs` (a timeout is ETIMEDOUT).
 */
export async function fetchText(
  fetchImpl: typeof fetch,
  provider: ProviderFailureInput['provider'],
  endpoint: string,
  url: string,
  init: RequestInit,
  timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
): Promise<string> {
  let response: Response;
  let text: string;
  try {
    const signal = withTimeout(init.signal, timeoutMs);
    response = await fetchImpl(url, { ...init, signal, redirect: 'manual' });
    text = await response.text();
  } catch (error) {
    if (isAbort(error, init.signal ?? undefined)) throw error;
    throw ProviderError.fromFailure(
      { provider, errorCode: networkErrorCode(error) ?? 'ECONNRESET', endpoint },
      { cause: error },
    );
  }
  if (!response.ok) {
    throw ProviderError.fromFailure({
      provider,
      status: response.status,
      headers: headerBag(response.headers),
      body: text,
      endpoint,
    });
  }
  return text;
}
