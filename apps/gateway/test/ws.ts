// graphql-ws from a test: a real client over a real socket.
import { type Client, createClient } from 'graphql-ws';
import { vi } from 'vitest';
import WebSocket from 'ws';
import type { Gateway } from '../src/gateway.js';

export interface Subscription<T> {
  /** Every `next` payload's data, in order. */
  readonly received: T[];
  /** Errors the server sent for the operation. */
  readonly errors: unknown[];
  /** Resolves once `count` results arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves when the operation completed or failed. */
  readonly done: Promise<void>;
  dispose(): Promise<void>;
}

export function wsClient(url: string, token: string | null, onClosed?: (code: number) => void): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
    on: {
      closed: (event) => onClosed?.((event as { code: number }).code),
    },
  });
}

export function subscribe<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Subscription<T> {
  const received: T[] = [];
  const errors: unknown[] = [];
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const unsubscribe = client.subscribe<T>(
    { query, variables, ...(operationName === undefined ? {} : { operationName }) },
    {
      next: (result) => {
        if (result.errors !== undefined) errors.push(...result.errors);
        if (result.data != null) received.push(result.data as T);
      },
      error: (error) => {
        // graphql-ws reports an operation's GraphQL errors as an array, a failed socket as one error.
        if (Array.isArray(error)) errors.push(...error);
        else errors.push(error);
        finish();
      },
      complete: () => finish(),
    },
  );
  return {
    received,
    errors,
    done,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`Got ${received.length} of ${count} results; errors: ${JSON.stringify(errors)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received.slice(0, count);
    },
    async dispose() {
      unsubscribe();
    },
  };
}

/** Opens a raw socket, sends connection_init, and reports how the server answered. */
export async function rawConnectionInit(
  url: string,
  payload: unknown,
): Promise<{ ack: boolean; closeCode: number | null }> {
  const { ack, closeCode } = await connectionInitAnswer(url, payload);
  return { ack, closeCode: ack ? null : closeCode };
}

/** As `rawConnectionInit`, with the close frame's code and reason however the socket ended. */
export function connectionInitAnswer(
  url: string,
  payload: unknown,
): Promise<{ ack: boolean; closeCode: number; closeReason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    let ack = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        ack = true;
        socket.close(1000);
      }
    });
    socket.on('close', (code, reason) => resolve({ ack, closeCode: code, closeReason: String(reason) }));
    socket.on('error', reject);
  });
}

/**
 * Waits until `count` subscriptions of `field` stream on the gateway: a live subscription only promises
 * the events committed after it started, so a test makes its changes after this.
 */
export async function waitForSubscribers(gateway: Gateway, field: string, count = 1): Promise<void> {
  await vi.waitFor(
    async () => {
      const { values } = await gateway.metrics.subscriptionsActive.get();
      const active = values.find((value) => value.labels.subscription === field)?.value ?? 0;
      if (active < count) throw new Error(`${active} of ${count} ${field} subscriptions active`);
    },
    { timeout: 10_000, interval: 10 },
  );
}
