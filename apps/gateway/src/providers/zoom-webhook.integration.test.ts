// Zoom end to end: link Zoom through the OAuth flow (emulator, real HTTP), a page with a ZOOM location, then
// the emulator's signed app_deauthorized event reaches POST /webhooks/zoom; forged, stale and replayed
// deliveries change nothing.
import { zoomEncryptedToken, zoomSignature } from '@tsunagi/emulators';
import { expect, it } from 'vitest';
import { describeEachDriver, startTestGateway, useTestGateway } from '../../test/harness.js';
import { followConsent } from '../../test/oauth.js';
import { World } from '../../test/world.js';
import { useZoomEmulator, zoomGateway } from '../../test/zoom.js';
import { ZoomWebhook } from './zoom-webhook.js';

const SECRET = 'zoom-webhook-secret-for-tests';

const emulator = useZoomEmulator();

interface ConnectionView {
  id: string;
  status: string;
  lastError: { code: string } | null;
}

describeEachDriver('Zoom deauthorization webhook (%s)', (driver) => {
  const t = useTestGateway(driver, zoomGateway(emulator, SECRET));
  const webhookUrl = () => `${new URL(t().url).origin}/webhooks/zoom`;

  /** POSTs `body` to the webhook signed now with the app's secret token, as Zoom would. */
  function postSigned(body: string): Promise<Response> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return fetch(webhookUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zm-request-timestamp': timestamp,
        'x-zm-signature': zoomSignature(SECRET, timestamp, body),
      },
      body,
    });
  }

  async function connection(w: World<'aiko'>, id: string): Promise<ConnectionView> {
    const data = await w.run<{ connection: ConnectionView }>(
      'aiko',
      'query C($id: ID!) { connection(id: $id) { id status lastError { code } } }',
      { id },
    );
    return data.connection;
  }

  /** A Zoom connection linked through OAuth, and an ACTIVE ALL_MEMBERS page with a ZOOM location. */
  async function setup() {
    const w = await World.create(t(), ['aiko'], { aiko: 'ADMIN' });
    const user = await t().handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, w.users.aiko) });
    const account = emulator().accounts.create({ email: user?.email ?? '' });
    await w.link('aiko', 'GOOGLE_CALENDAR');
    const started = await w.run<{ connectAccount: { authorizationUrl: string } }>(
      'aiko',
      'mutation { connectAccount(provider: ZOOM) { authorizationUrl } }',
    );
    const done = await followConsent(started.connectAccount.authorizationUrl);
    expect(done).toMatchObject({ status: 'connected', provider: 'ZOOM' });
    const connectionId = String(done.connectionId);
    const stored = await t().handle.db.query.connections.findFirst({
      where: (c, { eq }) => eq(c.id, connectionId),
    });
    expect(stored?.accountExternalId).toBe(account.id);
    const page = await w.createPage('aiko', {
      title: 'Zoom call',
      mode: 'ALL_MEMBERS',
      locations: [{ type: 'ZOOM' }],
    });
    expect(page.state).toBe('ACTIVE');
    return { w, account, connectionId, page };
  }

  it('a genuine app_deauthorized turns the connection ERROR/AUTH_REVOKED and disables the page; a replay changes nothing', async () => {
    const { w, account, connectionId, page } = await setup();
    const delivery = await emulator().sendDeauthorization({
      userId: account.id,
      webhookUrl: webhookUrl(),
      secretToken: SECRET,
    });
    expect(delivery.status).toBe(200);
    expect(JSON.parse(delivery.body)).toEqual({ status: 'processed', connections: 1 });
    expect(await connection(w, connectionId)).toMatchObject({
      status: 'ERROR',
      lastError: { code: 'AUTH_REVOKED' },
    });
    expect((await w.page('aiko', page.id)).state).toBe('DISABLED_CONNECTION_ERROR');

    // Reconnect (same connection), then replay the delivery byte for byte: it is recognised and ignored.
    const reconnect = await w.run<{ startReconnect: { authorizationUrl: string } }>(
      'aiko',
      'mutation R($id: ID!) { startReconnect(connectionId: $id) { authorizationUrl } }',
      { id: connectionId },
    );
    await followConsent(reconnect.startReconnect.authorizationUrl);
    expect(await connection(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect((await w.page('aiko', page.id)).state).toBe('ACTIVE');

    const replay = await fetch(webhookUrl(), {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.rawBody,
    });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ status: 'duplicate' });
    expect(await connection(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect((await w.page('aiko', page.id)).state).toBe('ACTIVE');
  });

  it('a forged signature or a stale timestamp is rejected with 401 and changes nothing', async () => {
    const { w, account, connectionId, page } = await setup();
    const forged = await emulator().sendDeauthorization({
      userId: account.id,
      webhookUrl: webhookUrl(),
      secretToken: 'not-the-secret',
    });
    expect(forged.status).toBe(401);
    const stale = await emulator().sendDeauthorization({
      userId: account.id,
      webhookUrl: webhookUrl(),
      secretToken: SECRET,
      timestampSeconds: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(webhookUrl(), { method: 'POST', body: forged.rawBody });
    expect(unsigned.status).toBe(401);
    expect(await connection(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect((await w.page('aiko', page.id)).state).toBe('ACTIVE');
  });

  it('refuses the replay on another gateway process of the same database, and a late re-signed copy', async () => {
    const { w, account, connectionId } = await setup();
    const delivery = await emulator().sendDeauthorization({
      userId: account.id,
      webhookUrl: webhookUrl(),
      secretToken: SECRET,
    });
    expect(JSON.parse(delivery.body)).toMatchObject({ status: 'processed' });
    const reconnect = await w.run<{ startReconnect: { authorizationUrl: string } }>(
      'aiko',
      'mutation R($id: ID!) { startReconnect(connectionId: $id) { authorizationUrl } }',
      { id: connectionId },
    );
    await followConsent(reconnect.startReconnect.authorizationUrl);

    // A second replica (Postgres: another gateway on the same database; PGlite: a fresh ZoomWebhook on the
    // same database stands in for a restarted process) refuses the byte-for-byte replay.
    const replica =
      t().databaseUrl === null
        ? null
        : await startTestGateway(driver, {
            ...zoomGateway(emulator, SECRET),
            databaseUrl: t().databaseUrl as string,
          });
    try {
      const target = replica === null ? null : `${new URL(replica.url).origin}/webhooks/zoom`;
      const replay =
        target === null
          ? await new ZoomWebhook({ secretToken: SECRET, db: t().handle.db, state: t().state }).handle(
              {
                signature: delivery.headers['x-zm-signature'] as string,
                timestamp: delivery.headers['x-zm-request-timestamp'] as string,
              },
              delivery.rawBody,
            )
          : await (async () => {
              const response = await fetch(target, {
                method: 'POST',
                headers: delivery.headers,
                body: delivery.rawBody,
              });
              return { status: response.status, body: await response.json() };
            })();
      expect(replay).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    } finally {
      await replica?.close();
    }

    // Zoom re-sends the event late, re-signed with a new event signature: the user removed the app before the
    // reconnect, so the newer grant is left alone.
    const late = JSON.parse(delivery.rawBody) as { payload: Record<string, unknown> };
    late.payload.signature = 'late-redelivery';
    const body = JSON.stringify(late);
    const lateResponse = await postSigned(body);
    expect(await lateResponse.json()).toEqual({ status: 'processed', connections: 0 });
    expect(await connection(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('answers the endpoint.url_validation challenge', async () => {
    const body = JSON.stringify({
      event: 'endpoint.url_validation',
      event_ts: Date.now(),
      payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
    });
    const response = await postSigned(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: zoomEncryptedToken(SECRET, 'qgg8vlvZRS6UYooatFL8Aw'),
    });
  });
});
