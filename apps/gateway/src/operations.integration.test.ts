// Operations: health, readiness, metrics, request ids, logs, the offline IDE, and what a client sees
// when something unexpected breaks.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { useTestGateway } from '../test/harness.js';
import { World } from '../test/world.js';
import { subscribe, waitForSubscribers, wsClient } from '../test/ws.js';
import { UnconfiguredProviderRegistry } from './providers/registry.js';

const logLines: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      callback();
    },
  }),
);

/** A registry whose probe fails the way a bug or an outage would: with internals in the message. */
class BrokenProviders extends UnconfiguredProviderRegistry {
  override async checkConnection(): Promise<never> {
    throw new Error('connect ECONNREFUSED: SELECT access_token FROM connection_credentials');
  }
}

describe('operations (pglite)', () => {
  const t = useTestGateway('pglite', {
    config: { graphiql: true },
    gateway: { logger, providers: new BrokenProviders() },
  });

  it('serves /healthz, /readyz and /metrics', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    const calendar = await w.link('admin', 'GOOGLE_CALENDAR');
    await w.createPage('admin', { title: 'Metrics page' });
    await w.fail(calendar);
    await w.run('admin', '{ bookingPages { totalCount } }');

    const health = await fetch(new URL('/healthz', t().url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(new URL('/readyz', t().url));
    expect(await ready.json()).toEqual({ status: 'ready', driver: 'pglite' });

    // A subscriber, so the events counter moves.
    const client = wsClient(t().wsUrl, await t().token(w.caller('admin')));
    const live = subscribe(client, 'subscription { bookingPageStateChanged { state } }');
    await waitForSubscribers(t().gateway, 'bookingPageStateChanged');
    await w.reconnect(calendar);
    await live.waitFor(1);
    await client.dispose();

    const metrics = await (await fetch(new URL('/metrics', t().url))).text();
    const gauge = (name: string, label: string) =>
      Number(new RegExp(`^${name}\\{${label}\\} (\\d+)`, 'm').exec(metrics)?.[1] ?? Number.NaN);
    expect(gauge('tsunagi_connections', 'status="CONNECTED"')).toBeGreaterThanOrEqual(1);
    expect(gauge('tsunagi_booking_pages', 'state="ACTIVE"')).toBeGreaterThanOrEqual(1);
    expect(gauge('tsunagi_booking_pages', 'state="DISABLED_CONNECTION_ERROR"')).toBeGreaterThanOrEqual(0);
    expect(metrics).toMatch(
      /^tsunagi_graphql_operation_duration_seconds_count\{type="query",field="bookingPages"\} \d+/m,
    );
    expect(metrics).toMatch(
      /^tsunagi_graphql_resolver_duration_seconds_count\{field="Query.bookingPages"\} \d+/m,
    );
    expect(metrics).toMatch(
      /^tsunagi_events_published_total\{subscription="bookingPageStateChanged"\} [1-9]/m,
    );
  });

  it('keeps or makes a request id, and logs requests as JSON with it', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    const given = await w.t.graphql('{ viewer { id } }', {
      caller: w.caller('admin'),
      headers: { 'x-request-id': 'req-42' },
    });
    expect(given.headers.get('x-request-id')).toBe('req-42');
    const made = await w.t.graphql('{ viewer { id } }', {
      caller: w.caller('admin'),
      headers: { 'x-request-id': 'not a valid id' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // The access log line is written when the response finishes, which may be just after the client has it.
    await vi.waitFor(() =>
      expect(logLines).toContainEqual(
        expect.objectContaining({ requestId: 'req-42', status: 200, path: '/graphql', msg: 'request' }),
      ),
    );
  });

  it('masks unexpected errors as INTERNAL_SERVER_ERROR and logs the real one with the request id, never the token', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    const calendar = await w.link('admin', 'GOOGLE_CALENDAR');
    const token = await t().token(w.caller('admin'));
    const response = await t().graphql(`mutation { checkConnection(connectionId: "${calendar}") { id } }`, {
      token,
      headers: { 'x-request-id': 'req-broken' },
    });
    expect(response.body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 12 }],
        path: ['checkConnection'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(response.text).not.toMatch(/SELECT|ECONNREFUSED|stack/);
    const logged = logLines.find((line) => line.requestId === 'req-broken' && line.level === 50);
    expect(JSON.stringify(logged)).toContain('ECONNREFUSED');
    expect(JSON.stringify(logLines)).not.toContain(token);
  });

  it('serves the GraphQL IDE and its assets from node_modules, with no CDN', async () => {
    const page = await fetch(new URL('/', t().url));
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/https?:\/\/(?!.*localhost)/);
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map(
      (match) => match[1] as string,
    );
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      const response = await fetch(new URL(asset, t().url));
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(new URL('/graphiql/assets/..%2Fpackage.json', t().url))).status).toBe(404);
  });
});
