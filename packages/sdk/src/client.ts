import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { type Client, createClient, type SubscribePayload } from 'graphql-ws';

/** A typed document from the generated client preset (or any object that prints to a GraphQL document). */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
};

/** Variables are optional when the operation declares none (or only optional ones). */
type VariablesArgs<TVariables> = [TVariables] extends [Record<string, never>]
  ? [variables?: TVariables]
  : Record<string, never> extends TVariables
    ? [variables?: TVariables]
    : [variables: TVariables];

export interface TsunagiClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  readonly url: string;
  /** A bearer token: a user's, an admin's, or a SERVICE token for internal services. */
  readonly token?: string | (() => string | Promise<string>);
  /** WebSocket endpoint for subscriptions; derived from `url` (http → ws) when absent. */
  readonly wsUrl?: string;
  readonly fetch?: typeof fetch;
  /** A WebSocket constructor; defaults to the global one, else the `ws` package (Node 20). */
  readonly webSocketImpl?: unknown;
  readonly headers?: Record<string, string>;
}

/** One GraphQL error as the gateway sends it: `extensions.code` says what kind. */
export interface TsunagiErrorDetail {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

/** The gateway answered with errors (or not at all); `code` is the first error's `extensions.code`. */
export class TsunagiClientError extends Error {
  override readonly name = 'TsunagiClientError';
  readonly code: string;
  readonly status: number | undefined;
  readonly errors: readonly TsunagiErrorDetail[];

  constructor(
    message: string,
    options: { errors?: readonly TsunagiErrorDetail[]; status?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.errors = options.errors ?? [];
    this.status = options.status;
    this.code =
      this.errors[0]?.extensions?.code ?? (options.status ? `HTTP_${options.status}` : 'NETWORK_ERROR');
  }
}

export function isTsunagiClientError(value: unknown): value is TsunagiClientError {
  return value instanceof Error && value.name === 'TsunagiClientError';
}

export interface SubscribeOptions {
  readonly signal?: AbortSignal;
}

export interface TsunagiClient {
  query<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...variables: VariablesArgs<TVariables>
  ): Promise<TResult>;
  mutate<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...variables: VariablesArgs<TVariables>
  ): Promise<TResult>;
  /** Each result of a subscription, until the server completes it, `signal` aborts, or it fails (throws). */
  subscribe<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables?: TVariables,
    options?: SubscribeOptions,
  ): AsyncIterableIterator<TResult>;
  /** Closes the WebSocket, if one was opened. */
  close(): Promise<void>;
  /** The underlying graphql-ws client (opened lazily). */
  readonly ws: () => Promise<Client>;
}

export function createTsunagiClient(options: TsunagiClientOptions): TsunagiClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  let wsClient: Client | undefined;

  async function authorization(): Promise<Record<string, string>> {
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  async function request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables | undefined,
  ): Promise<TResult> {
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...options.headers,
          ...(await authorization()),
        },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      });
    } catch (cause) {
      throw new TsunagiClientError(`cannot reach the gateway at ${options.url}`, { cause });
    }
    let payload: { data?: TResult | null; errors?: TsunagiErrorDetail[] };
    try {
      payload = (await response.json()) as typeof payload;
    } catch (cause) {
      throw new TsunagiClientError(`the gateway answered HTTP ${response.status} without a GraphQL body`, {
        status: response.status,
        cause,
      });
    }
    if (payload.errors?.length) {
      throw new TsunagiClientError(payload.errors[0]!.message, {
        errors: payload.errors,
        status: response.status,
      });
    }
    if (payload.data == null) {
      throw new TsunagiClientError(`the gateway answered HTTP ${response.status} with no data`, {
        status: response.status,
      });
    }
    return payload.data;
  }

  async function ws(): Promise<Client> {
    if (wsClient) return wsClient;
    const webSocketImpl = options.webSocketImpl ?? globalThis.WebSocket ?? (await import('ws')).WebSocket;
    wsClient ??= createClient({
      url: options.wsUrl ?? options.url.replace(/^http/, 'ws'),
      webSocketImpl,
      connectionParams: authorization,
      lazy: true,
      // Resuming is the caller's job (followEvents resubscribes from its cursor), so a dropped socket surfaces
      // as an error instead of a silent resubscription with stale variables.
      retryAttempts: 0,
    });
    return wsClient;
  }

  // A plain iterator rather than an async generator: `return()` must end the subscription at once, even while
  // a `next()` is waiting for an event (a generator would queue the return behind that next).
  function subscribe<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables?: TVariables,
    subscribeOptions: SubscribeOptions = {},
  ): AsyncIterableIterator<TResult> {
    const payload: SubscribePayload = {
      query: document.toString(),
      variables: (variables ?? {}) as Record<string, unknown>,
    };
    const inner = ws().then((client) => client.iterate<TResult>(payload));
    let finished = false;
    const finish = async (): Promise<IteratorReturnResult<undefined>> => {
      if (!finished) {
        finished = true;
        subscribeOptions.signal?.removeEventListener('abort', onAbort);
        await (await inner).return?.();
      }
      return { done: true, value: undefined };
    };
    const onAbort = () => void finish().catch(() => {});
    if (subscribeOptions.signal?.aborted) void finish().catch(() => {});
    else subscribeOptions.signal?.addEventListener('abort', onAbort, { once: true });

    const iterator: AsyncIterableIterator<TResult> = {
      async next(): Promise<IteratorResult<TResult>> {
        while (!finished) {
          let step: IteratorResult<{ data?: unknown; errors?: readonly unknown[] }>;
          try {
            step = await (await inner).next();
          } catch (error) {
            await finish().catch(() => {});
            if (isTsunagiClientError(error)) throw error;
            throw new TsunagiClientError(describeSubscriptionFailure(error), {
              errors: Array.isArray(error) ? (error as TsunagiErrorDetail[]) : tryAgainLaterErrors(error),
              cause: error,
            });
          }
          if (step.done) return finish();
          const result = step.value;
          if (result.errors?.length) {
            await finish().catch(() => {});
            const errors = result.errors as unknown as TsunagiErrorDetail[];
            throw new TsunagiClientError(errors[0]!.message, { errors });
          }
          if (result.data != null) return { done: false, value: result.data as TResult };
        }
        return { done: true, value: undefined };
      },
      return: finish,
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  return {
    query: (document, ...variables) => request(document, variables[0]),
    mutate: (document, ...variables) => request(document, variables[0]),
    subscribe,
    ws,
    async close() {
      await wsClient?.dispose();
      wsClient = undefined;
    },
  };
}

/**
 * 1013 Try Again Later (IANA WebSocket close code registry, RFC 6455 §11.7): the gateway closes a socket it
 * could not accept for now with it, the condition's code first in the reason (`DATABASE_UNAVAILABLE: …`).
 * Typed like the GraphQL error the same condition gets on an open socket, so callers check one code.
 */
function tryAgainLaterErrors(error: unknown): TsunagiErrorDetail[] {
  const event = error as { code?: unknown; reason?: unknown } | null;
  if (event?.code !== 1013 || typeof event.reason !== 'string') return [];
  const code = /^([A-Z][A-Z_]*):/.exec(event.reason)?.[1];
  return code === undefined ? [] : [{ message: event.reason, extensions: { code, retryable: true } }];
}

function describeSubscriptionFailure(error: unknown): string {
  if (Array.isArray(error))
    return String((error[0] as { message?: unknown } | undefined)?.message ?? 'subscription failed');
  if (error instanceof Error) return error.message;
  const event = error as { code?: number; reason?: string } | null;
  if (event && typeof event.code === 'number')
    return `subscription socket closed (${event.code} ${event.reason ?? ''})`.trim();
  return 'subscription failed';
}
