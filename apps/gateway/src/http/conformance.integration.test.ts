// The gateway held to the GraphQL-over-HTTP spec (graphql-http's server audits) and the graphql-ws protocol
// (issue 9 §5): a client's mistake is a 4xx or a typed error, never a 5xx, the same over HTTP and over a
// socket, and a client that goes away is not an error in the logs.
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { serverAudits } from 'graphql-http';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { snapshot } from '../../test/database.js';
import { codes, type GraphQLResponse, useTestGateway } from '../../test/harness.js';
import { captureLogs } from '../../test/logs.js';
import { World } from '../../test/world.js';
import { subscribe, wsClient } from '../../test/ws.js';

/**
 * Audits the gateway deliberately fails, each documented in the README ("Deliberate deviations"): Apollo's
 * CSRF prevention refuses a GET that carries neither a JSON content type nor a preflight header.
 */
const DELIBERATE: Readonly<Record<string, string>> = {
  '5A70': 'MAY accept application/x-www-form-urlencoded formatted GET requests — CSRF prevention',
  D6D5: 'MAY allow URL-encoded JSON string {variables} in GETs (graphql-response+json) — CSRF prevention',
  '6A70': 'MAY allow URL-encoded JSON string {variables} in GETs (application/json) — CSRF prevention',
};

/** No stack traces, SQL or stack overflows in anything a client reads. */
function expectNothingLeaked(text: string) {
  expect(text).not.toMatch(
    /stacktrace|"stack"|\bat \S+ \(|Maximum call stack|RangeError|select |insert |from "|node_modules/i,
  );
}

describe('GraphQL over HTTP and graphql-ws conformance (pglite)', () => {
  const logs = captureLogs('debug');
  const t = useTestGateway('pglite', { gateway: { logger: logs.logger } });

  async function admin() {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    return { w, token: await t().token(w.caller('admin')) };
  }

  async function post(token: string, body: string | Buffer, headers: Record<string, string> = {}) {
    const response = await fetch(t().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) } as GraphQLResponse;
  }

  it('passes every MUST and SHOULD of graphql-http’s server audits; only documented MAYs fail', async () => {
    const { token } = await admin();
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const failed: { id: string; name: string; reason: string }[] = [];
    for (const audit of serverAudits({ url: t().url, fetchFn })) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push({ id: result.id, name: result.name, reason: result.reason });
    }
    expect(failed.filter((audit) => !audit.name.startsWith('MAY'))).toEqual([]);
    expect(failed.filter((audit) => DELIBERATE[audit.id] === undefined)).toEqual([]);
  });

  it('answers 415 for an unsupported Content-Encoding and 400 for a body that does not decode', async () => {
    const { token } = await admin();
    const query = JSON.stringify({ query: '{ viewer { id } }' });
    for (const encoding of ['bogus', 'compress', 'x-gzip2']) {
      const response = await post(token, query, { 'content-encoding': encoding });
      expect(response.status, encoding).toBe(415);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.message).toContain(`"${encoding}" is not supported`);
    }
    const corrupt = await post(token, query, { 'content-encoding': 'gzip' });
    expect(corrupt.status).toBe(400);
    expect(codes(corrupt)).toEqual(['BAD_USER_INPUT']);
    const compressed = await post(token, gzipSync(query), { 'content-encoding': 'gzip' });
    expect(compressed.status).toBe(200);
    expect(compressed.body.data).toEqual({ viewer: { id: expect.any(String) } });
  });

  it('refuses a subscription over HTTP, and @skip/@include on a subscription root on both transports', async () => {
    const { token } = await admin();
    const overHttp = await post(token, JSON.stringify({ query: 'subscription { events { cursor } }' }));
    expect(overHttp.status).toBe(400);
    expect(codes(overHttp)).toEqual(['BAD_USER_INPUT']);
    expect(overHttp.body.errors?.[0]?.message).toMatch(/WebSocket/);

    const client = wsClient(t().wsUrl, token);
    for (const [query, variables] of [
      ['subscription { events @skip(if: true) { cursor } }', {}],
      ['subscription S($x: Boolean!) { events @include(if: $x) { cursor } }', { x: false }],
      ['subscription { ...Root } fragment Root on Subscription { events @skip(if: false) { cursor } }', {}],
    ] as const) {
      const http = await post(token, JSON.stringify({ query, variables }));
      expect(http.status, query).toBe(400);
      expect(codes(http)).toEqual(['BAD_USER_INPUT']);
      expect(http.body.errors?.[0]?.message).toMatch(/must not use @(skip|include) on its root field/);

      const socket = subscribe(client, query, variables);
      await socket.done;
      expect(socket.errors).toEqual([
        expect.objectContaining({
          message: http.body.errors?.[0]?.message,
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ]);
    }
    await client.dispose();
  });

  it('gives parse, validation, operation and variable errors the same codes and messages over graphql-ws as over HTTP', async () => {
    const { w, token } = await admin();
    const before = await snapshot(t().handle);
    const client = wsClient(t().wsUrl, token);
    const cases: [string, Record<string, unknown>, string?][] = [
      ['{ viewer { id ', {}],
      ['{ viewer { nope } }', {}],
      ['query Q($n: Int!) { bookingPages(first: $n) { totalCount } }', { n: 'many' }],
      ['query Q($n: Int!) { bookingPages(first: $n) { totalCount } }', {}],
      ['query A { viewer { id } } query B { viewer { id } }', {}],
      ['query A { viewer { id } }', {}, 'Nope'],
      ['query Q($id: ID!) { bookingPage(id: $id) { id } }', { id: 'pg_1\u0000' }],
      ['{ bookingPage(id: "pg_1\\u0000") { id } }', {}],
      ['mutation M($t: String!) { createBookingPage(input: { title: $t }) { id } }', { t: 'Team\u0000page' }],
      [`{ ${'viewer { organization { '.repeat(40)} id ${'} } '.repeat(40)} }`, {}],
    ];
    for (const [query, variables, operationName] of cases) {
      const http = await post(token, JSON.stringify({ query, variables, operationName }));
      expect(http.status, query).toBe(400);
      expectNothingLeaked(http.text);
      const socket = subscribe(client, query, variables, operationName);
      await socket.done;
      const shape = (errors: unknown[]) =>
        (errors as { message: string; extensions?: { code?: unknown } }[]).map((error) => ({
          message: error.message,
          code: error.extensions?.code,
        }));
      expect(shape(socket.errors), query).toEqual(shape(http.body.errors ?? []));
      expect(
        shape(socket.errors).every((error) => error.code === 'BAD_USER_INPUT'),
        query,
      ).toBe(true);
    }
    await client.dispose();
    expect(await snapshot(t().handle)).toEqual(before);
    expect(logs.errors()).toEqual([]);
    void w;
  });

  it('answers a document nested 20,000 deep with 400, without parsing it, on both transports', async () => {
    const { token } = await admin();
    const documents = [
      `{${'a{'.repeat(20_000)}b${'}'.repeat(20_000)}}`,
      `{ bookingPages(first: ${'['.repeat(20_000)}1${']'.repeat(20_000)}) { totalCount } }`,
      `query Q(${'$a: ['.repeat(1)}${'['.repeat(20_000)}Int${']'.repeat(20_001)}) { viewer { id } }`,
    ];
    const client = wsClient(t().wsUrl, token);
    for (const query of documents) {
      const http = await post(token, JSON.stringify({ query }));
      expect(http.status).toBe(400);
      expect(codes(http)).toEqual(['BAD_USER_INPUT']);
      expect(http.body.errors?.[0]?.extensions?.limit).toBe('DEPTH');
      expectNothingLeaked(http.text);
      const socket = subscribe(client, query);
      await socket.done;
      expect(socket.errors).toEqual([
        expect.objectContaining({
          message: http.body.errors?.[0]?.message,
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    }
    await client.dispose();
    expect(logs.errors()).toEqual([]);
  });

  it('does not log a client that aborts its request body, drops its socket or oversteps a frame as an error', async () => {
    const { w, token } = await admin();
    await w.createPage('admin', { title: 'Something to replay' });
    const errorsBefore = logs.errors().length;
    const consoleErrors = vi.spyOn(console, 'error');

    // Half a body, then the connection is gone.
    await new Promise<void>((resolve) => {
      const url = new URL(t().url);
      const request = httpRequest({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': '1000',
          authorization: `Bearer ${token}`,
        },
      });
      request.on('error', () => resolve());
      request.write('{"query": "{ viewer');
      setImmediate(() => request.destroy());
      request.on('close', () => resolve());
    });
    // A socket whose TCP connection is torn down while its replay is being sent.
    await new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(t().wsUrl, 'graphql-transport-ws');
      socket.on('open', () =>
        socket.send(
          JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
        ),
      );
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string };
        if (message.type === 'connection_ack') {
          socket.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: { query: 'subscription { events(after: "0") { cursor type } }' },
            }),
          );
        } else if (message.type === 'next') {
          socket.terminate();
        }
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });

    // The gateway saw the socket go: its subscription ended.
    await expect
      .poll(
        async () => {
          const { values } = await t().gateway.metrics.subscriptionsActive.get();
          return values.find((value) => value.labels.subscription === 'events')?.value ?? 0;
        },
        { timeout: 10_000 },
      )
      .toBe(0);
    // A frame larger than MAX_BODY_BYTES: ws closes the socket with 1009 (message too big).
    const closeCode = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(t().wsUrl, 'graphql-transport-ws');
      socket.on('open', () =>
        socket.send(
          JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
        ),
      );
      socket.on('message', () =>
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: '{ viewer { id } }', variables: { pad: 'x'.repeat(200 * 1024) } },
          }),
        ),
      );
      socket.on('close', (code) => resolve(code));
      socket.on('error', reject);
    });
    expect(closeCode).toBe(1009);

    expect(logs.errors().slice(errorsBefore)).toEqual([]);
    expect(consoleErrors).not.toHaveBeenCalled();
    consoleErrors.mockRestore();
  });
});
