// Microsoft Graph through @microsoft/microsoft-graph-client with a middleware chain of our own: the SDK's
// RetryHandler would retry 429/503 on its own timer (doubling our shared policy and ignoring the injected
// clock), and its error objects re-serialize the body. We ask for RAW responses and classify the wire text.
import { Client, type Context, type Middleware, ResponseType } from '@microsoft/microsoft-graph-client';
import { ProviderError } from '@tsunagi/errors';
import { DEFAULT_REQUEST_TIMEOUT_MS, headerBag, isAbort, networkErrorCode, withTimeout } from '../http.js';

export const GRAPH_VERSION = 'v1.0';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';

/** Per-request slot where the terminal middleware leaves a transport failure (the SDK would wrap it). */
class TransportFailure {
  error: unknown;
}

/** The last link of the chain: plain `fetch`, no retries, no redirects followed on our behalf. */
class FetchMiddleware implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    try {
      context.response = await this.fetchImpl(context.request as string, {
        ...(context.options as RequestInit),
        redirect: 'manual',
      });
    } catch (error) {
      const slot = context.middlewareControl?.getMiddlewareOptions(TransportFailure) as
        | TransportFailure
        | undefined;
      if (slot) slot.error = error;
      throw error;
    }
  }
}

export interface GraphRequestInit {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A path under `/v1.0` (`/me/events`) or an absolute `@odata.nextLink` / `@odata.deltaLink`. */
  readonly path: string;
  readonly accessToken: string;
  readonly signal?: AbortSignal | undefined;
  readonly body?: unknown;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
}

export class GraphHttp {
  readonly baseUrl: string;
  readonly #client: Client;
  readonly #timeoutMs: number;

  constructor(
    options: {
      baseUrl?: string | undefined;
      fetch?: typeof fetch | undefined;
      /** Per-request timeout, the body included (default DEFAULT_REQUEST_TIMEOUT_MS). */
      timeoutMs?: number | undefined;
    } = {},
  ) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.#client = Client.initWithMiddleware({
      baseUrl: this.baseUrl,
      defaultVersion: GRAPH_VERSION,
      middleware: new FetchMiddleware(options.fetch ?? globalThis.fetch),
    });
  }

  /** Version root, e.g. `https://graph.microsoft.com/v1.0`. */
  get root(): string {
    return `${this.baseUrl}/${GRAPH_VERSION}`;
  }

  /** Sends one request; resolves with the parsed JSON body (undefined for 204), rejects with a ProviderError. */
  async request<T>(init: GraphRequestInit): Promise<T | undefined> {
    const absolute = init.path.startsWith(`${this.root}/`);
    // The SDK only parses absolute https:// URLs itself: hand it links to other hosts (national clouds,
    // the emulator) as a path under the version root.
    // OData system query options keep their literal `$` (URLSearchParams would send `%24deltatoken`).
    const search = init.query
      ? `?${Object.entries(init.query)
          .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
          .join('&')}`
      : '';
    const path = `${absolute ? init.path.slice(this.root.length) : init.path}${search}`;
    const endpoint = absolute ? init.path : `${this.root}${init.path}`;
    const slot = new TransportFailure();
    let request = this.#client
      .api(path)
      .responseType(ResponseType.RAW)
      .header('Authorization', `Bearer ${init.accessToken}`)
      .middlewareOptions([slot]);
    request = request.option('signal', withTimeout(init.signal, this.#timeoutMs));
    for (const [name, value] of Object.entries(init.headers ?? {})) request = request.header(name, value);

    let response: Response;
    try {
      response = (await (init.method === 'GET'
        ? request.get()
        : init.method === 'POST'
          ? request.post(init.body ?? {})
          : init.method === 'PATCH'
            ? request.patch(init.body ?? {})
            : request.delete())) as Response;
    } catch (error) {
      const cause = slot.error ?? error;
      if (isAbort(cause, init.signal)) throw cause;
      throw ProviderError.fromFailure(
        {
          provider: 'microsoft',
          errorCode: networkErrorCode(cause) ?? 'ECONNRESET',
          endpoint: stripQuery(endpoint),
        },
        { cause },
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (isAbort(error, init.signal)) throw error;
      throw ProviderError.fromFailure(
        {
          provider: 'microsoft',
          errorCode: networkErrorCode(error) ?? 'ECONNRESET',
          endpoint: stripQuery(endpoint),
        },
        { cause: error },
      );
    }
    if (!response.ok) {
      throw ProviderError.fromFailure({
        provider: 'microsoft',
        status: response.status,
        headers: headerBag(response.headers),
        body: text,
        endpoint: stripQuery(endpoint),
      });
    }
    if (text.length === 0) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw ProviderError.fromFailure({
        provider: 'microsoft',
        status: 502,
        body: text,
        endpoint: stripQuery(endpoint),
      });
    }
  }
}

/** Delta and skip tokens are credentials of a sort: keep query strings out of error endpoints and logs. */
export function stripQuery(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? url : url.slice(0, at);
}
