// Zoom REST API v2 over plain fetch: no SDK (Zoom publishes none for server-side REST). Every non-2xx answer is
// classified from the wire text with provider `zoom` (`{"code":124,"message":…}`, 429 with X-RateLimit-*).
import { ProviderError } from '@tsunagi/errors';
import { DEFAULT_REQUEST_TIMEOUT_MS, fetchText } from '../http.js';

export const DEFAULT_ZOOM_API_BASE_URL = 'https://api.zoom.us/v2';

export interface ZoomRequestInit {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A path under the API root (`/users/me`). */
  readonly path: string;
  readonly accessToken: string;
  readonly signal?: AbortSignal | undefined;
  readonly body?: unknown;
}

export class ZoomHttp {
  readonly baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(
    options: {
      baseUrl?: string | undefined;
      fetch?: typeof fetch | undefined;
      /** Per-request timeout (default DEFAULT_REQUEST_TIMEOUT_MS). */
      timeoutMs?: number | undefined;
    } = {},
  ) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_ZOOM_API_BASE_URL).replace(/\/+$/, '');
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  /** Resolves with the parsed JSON body (undefined for 204), rejects with a ProviderError. */
  async request<T>(init: ZoomRequestInit): Promise<T | undefined> {
    const endpoint = `${this.baseUrl}${init.path}`;
    const text = await fetchText(
      this.#fetch,
      'zoom',
      endpoint.split('?')[0] ?? endpoint,
      endpoint,
      {
        method: init.method,
        headers: {
          authorization: `Bearer ${init.accessToken}`,
          accept: 'application/json',
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
      },
      this.#timeoutMs,
    );
    if (text.length === 0) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw ProviderError.fromFailure({ provider: 'zoom', status: 502, body: text, endpoint });
    }
  }
}
