// Zoom (a LocationProvider) end to end, the way a person meets it: an owner links Zoom through the OAuth flow
// (emulator, real HTTP) and has an ALL_MEMBERS page with a ZOOM location; then each Zoom failure of the issue
// happens at the provider (emulator fault controls, a signed app_deauthorized delivery) and is read back through
// GraphQL only — the connection's status, health and classified lastError, and the page's state, reasons and
// remediation. Zoom's wire: https://developers.zoom.us/docs/api/errors (REST `{"code","message"}`),
// https://developers.zoom.us/docs/api/rate-limits (429 + X-RateLimit-*), OAuth rotating refresh tokens.
import { createCredentialStore, parseKeyring } from '@tsunagi/db';
import type { ZoomEmulatorAccount } from '@tsunagi/emulators';
import { expect, it } from 'vitest';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { followConsent } from '../../test/oauth.js';
import { type PageView, World } from '../../test/world.js';
import { linkOwnerZoom, useZoomEmulator, zoomGateway } from '../../test/zoom.js';

const SECRET = 'zoom-e2e-webhook-secret';

const emulator = useZoomEmulator();

interface ConnectionView {
  id: string;
  status: string;
  health: string;
  lastError: {
    code: string;
    subReason: string | null;
    action: string;
    connectionBroken: boolean;
    httpStatus: number | null;
    providerReason: string | null;
    retryAfterSeconds: number | null;
    titleJa: string;
    remediationEn: string;
    remediationJa: string;
    remediationPl: string;
  } | null;
}

const CONNECTION = /* GraphQL */ `
  id status health
  lastError {
    code subReason action connectionBroken httpStatus providerReason retryAfterSeconds
    titleJa: title(locale: JA)
    remediationEn: remediation(locale: EN)
    remediationJa: remediation(locale: JA)
    remediationPl: remediation(locale: PL)
  }
`;

describeEachDriver('Zoom failures end to end through GraphQL (%s)', (driver) => {
  const t = useTestGateway(driver, zoomGateway(emulator, SECRET));
  const webhookUrl = () => `${new URL(t().url).origin}/webhooks/zoom`;

  async function check(w: World<'owner'>, id: string): Promise<ConnectionView> {
    const data = await w.run<{ checkConnection: ConnectionView }>(
      'owner',
      `mutation K($id: ID!) { checkConnection(connectionId: $id) { ${CONNECTION} } }`,
      { id },
    );
    return data.checkConnection;
  }

  async function connection(w: World<'owner'>, id: string): Promise<ConnectionView> {
    const data = await w.run<{ connection: ConnectionView }>(
      'owner',
      `query C($id: ID!) { connection(id: $id) { ${CONNECTION} } }`,
      { id },
    );
    return data.connection;
  }

  async function reconnect(w: World<'owner'>, id: string): Promise<void> {
    const data = await w.run<{ startReconnect: { authorizationUrl: string; connection: { id: string } } }>(
      'owner',
      'mutation R($id: ID!) { startReconnect(connectionId: $id) { authorizationUrl connection { id } } }',
      { id },
    );
    expect(data.startReconnect.connection).toEqual({ id });
    expect(await followConsent(data.startReconnect.authorizationUrl)).toMatchObject({ connectionId: id });
  }

  /** The stored (encrypted) credentials of a connection, as the gateway's adapters read them. */
  async function storedRefreshToken(w: World<'owner'>, id: string): Promise<string> {
    const store = createCredentialStore(t().handle.db, parseKeyring(t().config.credentialsKeys));
    return (await store.load(w.organizationId, id))?.refreshToken ?? '';
  }

  /** An owner with Zoom linked through connectAccount and an ACTIVE ALL_MEMBERS page with a ZOOM location. */
  async function setup(): Promise<{
    w: World<'owner'>;
    account: ZoomEmulatorAccount;
    zoomId: string;
    page: PageView;
  }> {
    const w = await World.create(t(), ['owner'], { owner: 'ADMIN' });
    const { account, zoomId, page } = await linkOwnerZoom(t(), w, emulator());
    expect(page.locations).toMatchObject([{ type: 'ZOOM', usable: true }]);
    expect(await check(w, zoomId)).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
    return { w, account, zoomId, page };
  }

  /** The page is down because the owner's Zoom connection is in ERROR, and reconnecting it is an option. */
  function expectDisabledByZoom(page: PageView, owner: string, zoomId: string): void {
    expect(page).toMatchObject({ state: 'DISABLED_CONNECTION_ERROR', acceptingBookings: false });
    expect(page.reasons).toEqual([
      {
        kind: 'OWNER_LOCATION_ERROR',
        user: { id: owner },
        connections: [{ id: zoomId, provider: 'ZOOM', status: 'ERROR' }],
      },
    ]);
    expect(page.remediation.map((step) => step.goal)).toEqual(['RESTORE_OWNER_LOCATION']);
    expect(
      page.remediation[0]?.options.map((option) =>
        option.actions.map((action) => [action.kind, action.connection?.id ?? null]),
      ),
    ).toContainEqual([['RECONNECT', zoomId]]);
  }

  it('124 expired access token: the probe refreshes, Zoom rotates the refresh token, nothing breaks', async () => {
    const { w, account, zoomId, page } = await setup();
    const before = await storedRefreshToken(w, zoomId);
    expect(before).not.toBe('');

    emulator().faults.inject(account.id, { kind: 'EXPIRE_ACCESS_TOKEN' });
    expect(await check(w, zoomId)).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });

    // The rotated refresh token was stored; the one it replaced is dead at Zoom.
    const after = await storedRefreshToken(w, zoomId);
    expect(after).not.toBe('');
    expect(after).not.toBe(before);
    const stale = await fetch(emulator().endpoints.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${emulator().clientId}:${emulator().clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: before }),
    });
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ error: 'invalid_grant' });

    // The stored one works: the next probe (another rotation on the next expiry) still succeeds.
    emulator().faults.inject(account.id, { kind: 'EXPIRE_ACCESS_TOKEN' });
    expect(await check(w, zoomId)).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
    expect(await storedRefreshToken(w, zoomId)).not.toBe(after);
    expect(await w.page('owner', page.id)).toMatchObject({ state: 'ACTIVE', acceptingBookings: true });
  });

  it('4711 missing scope: ERROR/INSUFFICIENT_SCOPE disables the page; reconnecting brings it back', async () => {
    const { w, account, zoomId, page } = await setup();
    // The probe reads GET /users/me, which needs user:read:user.
    emulator().faults.inject(account.id, { kind: 'DROP_SCOPE', scope: 'user:read:user' });
    const broken = await check(w, zoomId);
    expect(broken).toMatchObject({
      id: zoomId,
      status: 'ERROR',
      lastError: { code: 'INSUFFICIENT_SCOPE', connectionBroken: true, httpStatus: 400 },
    });
    expectDisabledByZoom(await w.page('owner', page.id), w.users.owner, zoomId);

    await reconnect(w, zoomId);
    expect(await connection(w, zoomId)).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect(await w.page('owner', page.id)).toMatchObject({
      state: 'ACTIVE',
      acceptingBookings: true,
      reasons: [],
    });
    expect(await check(w, zoomId)).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
  });

  it('1001 user does not exist: ERROR/ACCOUNT_UNAVAILABLE with remediation in Japanese and Polish', async () => {
    const { w, account, zoomId, page } = await setup();
    emulator().faults.inject(account.id, { kind: 'DELETE_ACCOUNT' });
    const broken = await check(w, zoomId);
    expect(broken).toMatchObject({
      status: 'ERROR',
      lastError: { code: 'ACCOUNT_UNAVAILABLE', connectionBroken: true, httpStatus: 404 },
    });
    const error = broken.lastError!;
    for (const text of [error.titleJa, error.remediationEn, error.remediationJa, error.remediationPl]) {
      expect(text.trim()).not.toBe('');
    }
    expect(error.remediationJa).not.toBe(error.remediationEn);
    expect(error.remediationPl).not.toBe(error.remediationEn);
    expect(error.remediationJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expectDisabledByZoom(await w.page('owner', page.id), w.users.owner, zoomId);
  });

  it('429 with rate-limit headers: CONNECTED but DEGRADED, RATE_LIMITED, and the page stays ACTIVE', async () => {
    const { w, account, zoomId, page } = await setup();
    // More 429s than the adapter retries, so the probe fails — transiently.
    emulator().faults.inject(account.id, { kind: 'RATE_LIMIT', requests: 20, retryAfterSeconds: 1 });
    const limited = await check(w, zoomId);
    expect(limited).toMatchObject({
      status: 'CONNECTED',
      health: 'DEGRADED',
      lastError: {
        code: 'RATE_LIMITED',
        connectionBroken: false,
        httpStatus: 429,
        providerReason: 'QPS',
        // Zoom's Retry-After, surfaced so a client can say when it is worth checking again.
        retryAfterSeconds: 1,
      },
    });
    expect(await w.page('owner', page.id)).toMatchObject({
      state: 'ACTIVE',
      acceptingBookings: true,
      reasons: [],
    });

    emulator().faults.clear(account.id);
    expect(await check(w, zoomId)).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
  });

  it('deauthorization: forged → 401, genuine → AUTH_REVOKED and page disabled, replay → duplicate', async () => {
    const { w, account, zoomId, page } = await setup();

    const forged = await emulator().sendDeauthorization({
      userId: account.id,
      webhookUrl: webhookUrl(),
      secretToken: 'not-the-secret',
    });
    expect(forged.status).toBe(401);
    expect(await connection(w, zoomId)).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect((await w.page('owner', page.id)).state).toBe('ACTIVE');
    // The emulator revokes the grant as it sends; heal it so only the gateway's view is under test.
    await reconnect(w, zoomId);

    const genuine = await emulator().sendDeauthorization({
      userId: account.id,
      webhookUrl: webhookUrl(),
      secretToken: SECRET,
    });
    expect(genuine.status).toBe(200);
    expect(await connection(w, zoomId)).toMatchObject({
      status: 'ERROR',
      lastError: { code: 'AUTH_REVOKED', connectionBroken: true },
    });
    expectDisabledByZoom(await w.page('owner', page.id), w.users.owner, zoomId);

    await reconnect(w, zoomId);
    expect(await w.page('owner', page.id)).toMatchObject({ state: 'ACTIVE', reasons: [] });
    const replay = await fetch(webhookUrl(), {
      method: 'POST',
      headers: genuine.headers,
      body: genuine.rawBody,
    });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ status: 'duplicate' });
    expect(await connection(w, zoomId)).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect(await w.page('owner', page.id)).toMatchObject({ state: 'ACTIVE', acceptingBookings: true });
  });
});
