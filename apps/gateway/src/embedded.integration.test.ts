// The embedded boot in process: in-memory PGlite, the demo seed, the Google, Microsoft, Zoom and EWS emulators.
// A healthy demo connection probes green against the emulator; an errored one keeps failing until it is
// reconnected through the OAuth flow (the gateway's binding endpoint opened with the admin token, the
// emulator's consent, then the gateway's callback in the bound browser); the demo
// organization's Exchange calendars fail on its expired-certificate server until an admin fixes the settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, bind, callback } from '../test/oauth.js';
import { type EmbeddedGateway, startEmbedded } from './embedded.js';
import { gatewayConfig } from './env.js';

let embedded: EmbeddedGateway;

beforeAll(async () => {
  embedded = await startEmbedded({ config: gatewayConfig() });
}, 60_000);

afterAll(async () => {
  await embedded?.stop();
});

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(embedded.gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${embedded.gateway.demo.adminToken}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

interface ConnectionView {
  id: string;
  provider: string;
  status: string;
  accountEmail: string | null;
  lastError: { code: string; subReason?: string | null } | null;
  affectedBookingPages: { id: string; state: string }[];
}
const CONNECTION =
  'id provider status accountEmail lastError { code subReason } affectedBookingPages { id state }';

async function demoConnections(): Promise<ConnectionView[]> {
  const data = await gql<{ bookingPages: { edges: { node: { id: string } }[] } }>(
    '{ bookingPages(first: 1) { edges { node { id } } } }',
  );
  expect(data.bookingPages.edges.length).toBeGreaterThan(0);
  const ids = embedded.provisioned.connections
    .filter((c) => c.organizationId === embedded.gateway.demo.organizationId)
    .map((c) => c.connectionId);
  const views: ConnectionView[] = [];
  for (const id of ids) {
    const found = await gql<{ connection: ConnectionView | null }>(
      `query C($id: ID!) { connection(id: $id) { ${CONNECTION} } }`,
      { id },
    );
    if (found.connection !== null) views.push(found.connection);
  }
  return views;
}

const check = async (id: string) =>
  (
    await gql<{ checkConnection: ConnectionView }>(
      `mutation K($id: ID!) { checkConnection(connectionId: $id) { ${CONNECTION} } }`,
      { id },
    )
  ).checkConnection;

describe('embedded gateway with the provider emulators', () => {
  it('backs the demo Google and Microsoft connections with emulator accounts', async () => {
    const views = await demoConnections();
    expect(views.length).toBeGreaterThanOrEqual(6);
    for (const provisioned of embedded.provisioned.connections) {
      const account =
        provisioned.provider === 'GOOGLE_CALENDAR'
          ? embedded.emulators.google.accounts.get(provisioned.accountId)
          : { id: provisioned.accountId };
      expect(account?.id).toBe(provisioned.accountId);
    }
    expect(embedded.provisioned.reconnectable.map((c) => c.provider).sort()).toEqual([
      'GOOGLE_CALENDAR',
      'MICROSOFT_CALENDAR',
      'MICROSOFT_TEAMS',
      'ZOOM',
    ]);
  });

  it('probes a connected demo Google connection green', async () => {
    const views = await demoConnections();
    const aiko = views.find(
      (v) => v.provider === 'GOOGLE_CALENDAR' && v.accountEmail === 'aiko@acme.example',
    );
    expect(aiko?.status).toBe('CONNECTED');
    expect(await check(aiko!.id)).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('keeps a revoked demo grant failing until the user reconnects through the OAuth flow', async () => {
    const views = await demoConnections();
    const marco = views.find(
      (v) => v.provider === 'GOOGLE_CALENDAR' && v.accountEmail === 'marco@acme.example',
    );
    expect(marco).toMatchObject({ status: 'ERROR', lastError: { code: 'AUTH_REVOKED' } });
    const pages = marco!.affectedBookingPages;
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p.state === 'DISABLED_CONNECTION_ERROR')).toBe(true);

    // The emulator reproduces the stored failure: the probe fails the same way.
    expect(await check(marco!.id)).toMatchObject({ status: 'ERROR', lastError: { code: 'AUTH_REVOKED' } });

    const { startReconnect } = await gql<{ startReconnect: { authorizationUrl: string } }>(
      'mutation R($id: ID!) { startReconnect(connectionId: $id) { authorizationUrl } }',
      { id: marco!.id },
    );
    // The IDE's client (the admin token) opens it: the gateway binds that browser and sends it to the emulator.
    const providerUrl = await bind(startReconnect.authorizationUrl, {
      token: embedded.gateway.demo.adminToken,
    });
    expect(providerUrl.href.startsWith(embedded.emulators.google.url)).toBe(true);
    const consent = await fetch(providerUrl, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const callbackUrl = new URL(consent.headers.get('location')!);
    expect(
      callbackUrl.href.startsWith(new URL('/oauth/callback/GOOGLE_CALENDAR', embedded.gateway.url).href),
    ).toBe(true);
    expect((await callback(callbackUrl)).status).toBe(200);

    const after = await gql<{ connection: ConnectionView }>(
      `query C($id: ID!) { connection(id: $id) { ${CONNECTION} } }`,
      { id: marco!.id },
    );
    expect(after.connection).toMatchObject({ status: 'CONNECTED', lastError: null });
    for (const page of pages) {
      const { bookingPage } = await gql<{ bookingPage: { state: string } }>(
        'query P($id: ID!) { bookingPage(id: $id) { state } }',
        { id: page.id },
      );
      expect(bookingPage.state).not.toBe('DISABLED_CONNECTION_ERROR');
    }
    // The new grant works against the emulator.
    expect(await check(marco!.id)).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('repairs the errored Microsoft Teams demo connection the same way', async () => {
    const views = await demoConnections();
    const zofia = views.find((v) => v.provider === 'MICROSOFT_TEAMS' && v.status === 'ERROR');
    expect(zofia).toBeDefined();
    // A probe does not heal it: without OnlineMeetings.ReadWrite no Teams meeting can be created.
    expect(await check(zofia!.id)).toMatchObject({
      status: 'ERROR',
      lastError: { code: 'INSUFFICIENT_SCOPE' },
    });
    const { startReconnect } = await gql<{ startReconnect: { authorizationUrl: string } }>(
      'mutation R($id: ID!) { startReconnect(connectionId: $id) { authorizationUrl } }',
      { id: zofia!.id },
    );
    const back = await authorize(startReconnect.authorizationUrl, undefined, {
      token: embedded.gateway.demo.adminToken,
    });
    expect((await callback(back)).status).toBe(200);
    expect(await check(zofia!.id)).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('backs the demo Zoom connections with the Zoom emulator, in mixed states', async () => {
    const { integrations } = await gql<{
      integrations: { provider: string; accounts: { id: string; status: string }[] }[];
    }>('{ integrations { provider accounts { id status } } }');
    const aikoZoom = integrations.find((i) => i.provider === 'ZOOM')?.accounts[0];
    expect(aikoZoom?.status).toBe('CONNECTED');
    expect(await check(aikoZoom!.id)).toMatchObject({ status: 'CONNECTED', lastError: null });

    const ben = embedded.provisioned.connections.find(
      (c) => c.provider === 'ZOOM' && c.accountEmail === 'ben@acme.example',
    );
    expect(ben?.fault).toBe('REVOKE_GRANT');
    const broken = await check(ben!.connectionId);
    expect(broken).toMatchObject({ status: 'ERROR', lastError: { code: 'AUTH_REVOKED' } });
  });

  it("keeps the demo organization's Exchange calendars failing until an admin fixes the Interop settings", async () => {
    const [acme, globex] = [embedded.gateway.demo.organizationId, embedded.gateway.demo.otherOrganizationId];
    expect(embedded.exchange.find((o) => o.organizationId === acme)).toMatchObject({
      ok: false,
      ewsUrl: embedded.emulators.exchangeExpired.url,
    });
    expect(embedded.exchange.find((o) => o.organizationId === globex)).toMatchObject({
      ok: true,
      ewsUrl: embedded.emulators.exchange.url,
    });
    const { exchangeSettings } = await gql<{ exchangeSettings: { status: string; ewsUrl: string } }>(
      '{ exchangeSettings { status ewsUrl } }',
    );
    expect(exchangeSettings).toEqual({ status: 'BROKEN', ewsUrl: embedded.emulators.exchangeExpired.url });

    const { integrations } = await gql<{ integrations: { provider: string; accounts: { id: string }[] }[] }>(
      `query I($userId: ID) { integrations(userId: $userId) { provider accounts { id } } }`,
      { userId: embedded.gateway.demo.users.ben },
    );
    const benExchange = integrations.find((i) => i.provider === 'EXCHANGE')?.accounts[0];
    expect(benExchange).toBeDefined();
    // The probe reproduces the seeded failure against the expired certificate.
    const failing = await check(benExchange!.id);
    expect(failing).toMatchObject({
      status: 'ERROR',
      lastError: { code: 'TLS_ERROR', subReason: 'INTEROP_SSL_ERROR' },
    });
    const pages = failing.affectedBookingPages;
    expect(pages.length).toBeGreaterThan(0);

    const { username, password } = embedded.emulators.exchange.credentials;
    const { testExchangeConnection } = await gql<{ testExchangeConnection: { ok: boolean } }>(
      `mutation T($input: ExchangeSettingsInput!) {
        testExchangeConnection(input: $input, participant: "ben@acme.example", save: true) { ok }
      }`,
      { input: { ewsUrl: embedded.emulators.exchange.url, roleAccount: username, secret: password } },
    );
    expect(testExchangeConnection.ok).toBe(true);
    // Saving re-probed the calendars: Ben's is back, and so are the pages it alone held down.
    const fixed = await gql<{ connection: ConnectionView }>(
      `query C($id: ID!) { connection(id: $id) { ${CONNECTION} } }`,
      { id: benExchange!.id },
    );
    expect(fixed.connection).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect(fixed.connection.affectedBookingPages).toEqual([]);
  });
});
