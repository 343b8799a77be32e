// What every door of the gateway answers while its database is unreachable (a TCP proxy in front of Postgres
// resets every connection): a WebSocket handshake is closed with 1013 Try Again Later, not 4403; a
// subscription started on an open socket gets the typed DATABASE_UNAVAILABLE and the socket lives on; the
// plain HTTP routes answer 503 with Retry-After and the typed body; a Zoom delivery answered 503 is not
// claimed, so Zoom's redelivery is processed. Nothing is logged at error level: the outage is reported by
// /readyz and the connection log, not by a stack trace per request.
import type { DatabaseHandle } from '@tsunagi/db';
import { TcpProxy, type ThrowawayDatabase } from '@tsunagi/db/testing';
import { zoomSignature } from '@tsunagi/emulators';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  describePostgres,
  startTestGateway,
  type TestGateway,
  value,
} from '../../test/harness.js';
import { captureLogs } from '../../test/logs.js';
import { connectionInitAnswer, subscribe, waitForSubscribers, wsClient } from '../../test/ws.js';
import { useZoomEmulator, zoomGateway } from '../../test/zoom.js';
import { DEFAULT_PROBE_CONFIG } from '../probes/config.js';
import { renderCallbackPage } from '../providers/callback-page.js';
import { TRY_AGAIN_LATER_REASON } from './subscriptions.js';

const SECRET = 'zoom-webhook-secret-for-outages';
const STATE_CHANGES = 'subscription { bookingPageStateChanged { cursor state } }';
const TOGGLE =
  'mutation T($id: ID!, $on: Boolean!) { setBookingPageEnabled(pageId: $id, enabled: $on) { state } }';

interface TypedBody {
  errors: { message: string; extensions: { code: string; retryable: boolean } }[];
}

/** 503, Retry-After, the typed retryable body; nothing of the server's insides. */
async function expectUnavailableJson(response: Response): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(503);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = JSON.parse(text) as TypedBody;
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]?.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryable: true });
  expect(text).not.toMatch(/stack|select |insert |ECONN|\.ts:|at [\w.]+ \(/i);
}

describePostgres('the gateway’s answers while its database is unreachable', () => {
  const zoom = useZoomEmulator();
  const logs = captureLogs();
  let database: ThrowawayDatabase;
  let proxy: TcpProxy;
  let t: TestGateway;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    const target = new URL(database.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const options = zoomGateway(zoom, SECRET);
    t = await startTestGateway('pg', {
      databaseUrl: proxy.route(database.url),
      config: { probes: { ...DEFAULT_PROBE_CONFIG, enabled: false } },
      gateway: { ...options.gateway, logger: logs.logger },
    });
    handle = t.handle;
  }, 60_000);
  afterEach(() => {
    proxy.restore();
    // Every answer below is expected; none may be logged as a server fault.
    const errors = logs.errors().map((line) => line.msg);
    logs.lines.splice(0);
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    proxy?.restore();
    await t?.close();
    await proxy?.close();
    await database?.drop();
  }, 60_000);

  async function admin() {
    const org = await t.organization(['ana'], { ana: 'ADMIN' });
    const caller = { userId: org.users.ana, organizationId: org.organizationId, role: 'ADMIN' as const };
    return { ...org, caller, token: await t.token(caller) };
  }

  it('closes a connection_init with 1013 Try Again Later naming DATABASE_UNAVAILABLE, not 4403', async () => {
    const { token } = await admin();
    proxy.cut();
    const answer = await connectionInitAnswer(t.wsUrl, { authorization: `Bearer ${token}` });
    expect(answer.ack).toBe(false);
    expect(answer.closeCode).toBe(1013);
    expect(answer.closeReason).toBe(TRY_AGAIN_LATER_REASON);
    proxy.restore();
    // The same token is accepted once the database is back.
    expect((await connectionInitAnswer(t.wsUrl, { authorization: `Bearer ${token}` })).ack).toBe(true);
  });

  it('refuses one subscription with DATABASE_UNAVAILABLE and keeps the socket and its others open', async () => {
    const { token, caller, users, system } = await admin();
    const page = value(
      await t.state.createBookingPage(system, {
        title: 'Outage page',
        ownerId: users.ana,
        locations: [{ type: 'IN_PERSON', value: 'Lobby' }],
      }),
    );
    const closes: number[] = [];
    const client = wsClient(t.wsUrl, token, (code) => closes.push(code));
    try {
      const before = (await t.gateway.metrics.subscriptionsActive.get()).values.find(
        (v) => v.labels.subscription === 'bookingPageStateChanged',
      )?.value;
      const open = subscribe<{ bookingPageStateChanged: { state: string } }>(client, STATE_CHANGES);
      await waitForSubscribers(t.gateway, 'bookingPageStateChanged', (before ?? 0) + 1);

      proxy.cut();
      const refused = subscribe(client, STATE_CHANGES);
      await refused.done;
      expect(refused.errors).toEqual([
        {
          message: expect.any(String),
          extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
        },
      ]);
      proxy.restore();

      // The socket and the subscription opened before the outage still serve.
      const toggled = await t.graphql<{ setBookingPageEnabled: { state: string } }>(TOGGLE, {
        variables: { id: page.id, on: false },
        caller,
      });
      expect(toggled.body.errors).toBeUndefined();
      expect((await open.waitFor(1))[0]?.bookingPageStateChanged.state).toBe(
        toggled.body.data?.setBookingPageEnabled.state,
      );
      expect(open.errors).toEqual([]);
      expect(closes).toEqual([]);
      await open.dispose();
    } finally {
      await client.dispose();
    }
  });

  it('GET /metrics answers 503 with Retry-After and the typed body', async () => {
    proxy.cut();
    await expectUnavailableJson(await fetch(new URL('/metrics', t.url)));
    proxy.restore();
    expect((await fetch(new URL('/metrics', t.url))).status).toBe(200);
  });

  it('GET /oauth/authorize answers 503, not UNAUTHENTICATED, for a valid token', async () => {
    const { token } = await admin();
    proxy.cut();
    await expectUnavailableJson(
      await fetch(new URL('/oauth/authorize?state=some-state', t.url), {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        redirect: 'manual',
      }),
    );
  });

  it('GET /oauth/callback answers 503: typed JSON to API clients, the localized try-again page to browsers', async () => {
    const url = new URL('/oauth/callback/zoom?state=some-state&code=some-code', t.url);
    proxy.cut();
    await expectUnavailableJson(await fetch(url, { headers: { accept: 'application/json' } }));

    const page = await fetch(url, {
      headers: { accept: 'text/html,application/xhtml+xml', 'accept-language': 'ja' },
    });
    const html = await page.text();
    expect(page.status).toBe(503);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(html).toBe(
      renderCallbackPage({ locale: 'ja', kind: 'UNAVAILABLE', code: 'DATABASE_UNAVAILABLE' }),
    );
  });

  describe('POST /webhooks/zoom', () => {
    const zoomUserId = () => `zoom-user-${Math.random().toString(36).slice(2)}`;

    async function linkedZoom() {
      const { users, system } = await admin();
      const accountExternalId = zoomUserId();
      const { connection } = value(
        await t.state.createConnection(system, { userId: users.ana, provider: 'ZOOM', accountExternalId }),
      );
      return { connection, accountExternalId, system };
    }

    /** A signed app_deauthorized delivery, sent again byte for byte as Zoom redelivers it. */
    function delivery(accountExternalId: string) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const body = JSON.stringify({
        event: 'app_deauthorized',
        event_ts: Date.now(),
        payload: {
          account_id: 'zoom-account',
          user_id: accountExternalId,
          signature: `event-${accountExternalId}`,
          deauthorization_time: new Date().toISOString(),
          client_id: 'zoom-client',
        },
      });
      const headers = {
        'content-type': 'application/json',
        'x-zm-request-timestamp': timestamp,
        'x-zm-signature': zoomSignature(SECRET, timestamp, body),
      };
      return () => fetch(new URL('/webhooks/zoom', t.url), { method: 'POST', headers, body });
    }

    const statusOf = async (connectionId: string, organizationId: string) =>
      (
        await handle.db.query.connections.findFirst({
          where: (table, { and, eq }) =>
            and(eq(table.id, connectionId), eq(table.organizationId, organizationId)),
          columns: { status: true },
        })
      )?.status;

    it('answers 503 while unreachable; the redelivery is processed', async () => {
      const { connection, accountExternalId, system } = await linkedZoom();
      const send = delivery(accountExternalId);
      proxy.cut();
      await expectUnavailableJson(await send());
      proxy.restore();
      const redelivered = await send();
      expect(redelivered.status).toBe(200);
      expect(await redelivered.json()).toEqual({ status: 'processed', connections: 1 });
      expect(await statusOf(connection.id, system.organizationId)).toBe('ERROR');
    });

    it('does not keep the claim when the connection is lost after the claim could be written', async () => {
      const { connection, accountExternalId, system } = await linkedZoom();
      const send = delivery(accountExternalId);
      // Lost just as the deauthorization reads the user's connections: the delivery's keys were already
      // checked (and, before the fix, claimed and committed).
      proxy.cutWhenSent('"account_external_id" = $', { thenUnreachable: true });
      await expectUnavailableJson(await send());
      proxy.restore();
      const redelivered = await send();
      expect(redelivered.status).toBe(200);
      expect(await redelivered.json()).toEqual({ status: 'processed', connections: 1 });
      expect(await statusOf(connection.id, system.organizationId)).toBe('ERROR');
      // …and a third copy is the replay it is.
      expect(await (await send()).json()).toEqual({ status: 'duplicate' });
    });
  });
});
