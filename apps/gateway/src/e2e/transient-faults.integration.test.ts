// A transient fault never disables a page by itself, met the way a member meets it: an EXCHANGE calendar linked
// through the organization's Calendar Interop settings, a page that needs it, and an Exchange server that
// throttles (ErrorServerBusy with BackOffMilliseconds) or passes through a transient state
// (ErrorTimeoutExpired, ErrorInternalServerTransientError, ErrorMailboxStoreUnavailable), each answered as EWS
// does — a SOAP fault with HTTP 500
// (https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange).
// A run of them shorter than the hysteresis threshold leaves the calendar CONNECTED (DEGRADED, with Exchange's
// own reason and back-off) and the page ACTIVE; the next good probe makes it HEALTHY again. Read through GraphQL
// only, on PGlite and PostgreSQL. A provider that holds its answer (Zoom here) is cut at the retry deadline, transiently.
import type { ExchangeTransientCode } from '@tsunagi/emulators';
import { expect, it } from 'vitest';
import { loopbackOnly, PARTICIPANT, useExchangeEmulators } from '../../test/exchange.js';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { linkOwnerZoom, useZoomEmulator } from '../../test/zoom.js';
import { configuredProviderRegistry, createEmulatedProviderRegistry } from '../providers/adapters.js';

const trustedCa: string[] = [];
const emulator = useExchangeEmulators(trustedCa);
const zoom = useZoomEmulator();

const CONNECTION_FIELDS = `id status health
  lastError { code action connectionBroken retryAfterSeconds providerReason subReason title(locale: EN) }`;
const TEST = `mutation Test($input: ExchangeSettingsInput!, $participant: String!) {
  testExchangeConnection(input: $input, participant: $participant, save: true) { ok }
}`;
const CONNECT = `mutation Connect($mailbox: String) {
  connectExchangeCalendar(mailbox: $mailbox) { ${CONNECTION_FIELDS} }
}`;
const CHECK = `mutation Check($id: ID!) { checkConnection(connectionId: $id) { ${CONNECTION_FIELDS} } }`;

interface ConnectionView {
  id: string;
  status: string;
  health: string;
  lastError: {
    code: string;
    action: string;
    connectionBroken: boolean;
    retryAfterSeconds: number | null;
    providerReason: string | null;
    subReason: string | null;
    title: string;
  } | null;
}

/** Below DEFAULT_HYSTERESIS_POLICY (3 failures spanning 15 minutes): the run a probe schedule meets. */
const RUN = 2;

describeEachDriver('transient Exchange faults leave pages ACTIVE (%s)', (driver) => {
  const t = useTestGateway(driver, {
    gateway: {
      exchange: { trustedCa, resolveHost: loopbackOnly, timeoutMs: 5_000 },
      providers: configuredProviderRegistry({}),
    },
  });

  async function linkedCalendar(member: string) {
    const e = await emulator({ tls: 'valid' });
    const mailbox = `${member}@contoso.test`;
    e.users.add(mailbox);
    const w = await World.create(t(), ['ada', member] as const, { ada: 'ADMIN' });
    const input = { ewsUrl: e.url, roleAccount: e.credentials.username, secret: e.credentials.password };
    const tested = await w.run<{ testExchangeConnection: { ok: boolean } }>('ada', TEST, {
      input,
      participant: PARTICIPANT,
    });
    expect(tested.testExchangeConnection.ok).toBe(true);
    const { connectExchangeCalendar: linked } = await w.run<{ connectExchangeCalendar: ConnectionView }>(
      member,
      CONNECT,
      { mailbox },
    );
    expect(linked).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
    const page = await w.createPage(member, { title: `${member} on Exchange` });
    expect(page).toMatchObject({ state: 'ACTIVE', acceptingBookings: true });
    const check = async () =>
      (await w.run<{ checkConnection: ConnectionView }>(member, CHECK, { id: linked.id })).checkConnection;
    return { e, w, page, check };
  }

  it("ErrorServerBusy: DEGRADED with Exchange's back-off as the retry delay, the page keeps taking bookings", async () => {
    const { e, w, page, check } = await linkedCalendar('tia');
    e.faults.inject({
      kind: 'EWS_FAULT',
      responseCode: 'ErrorServerBusy',
      backOffMilliseconds: 30_000,
      requests: RUN,
    });
    for (let probe = 0; probe < RUN; probe++) {
      expect(await check()).toMatchObject({
        status: 'CONNECTED',
        health: 'DEGRADED',
        lastError: {
          code: 'RATE_LIMITED',
          action: 'RETRY_WITH_BACKOFF',
          connectionBroken: false,
          retryAfterSeconds: 30,
          providerReason: 'ErrorServerBusy',
        },
      });
      expect(await w.page('tia', page.id)).toMatchObject({ state: 'ACTIVE', acceptingBookings: true });
    }
    // The run ends; the calendar is healthy again without anyone doing anything.
    expect(await check()).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
  });

  it.each<ExchangeTransientCode>([
    'ErrorTimeoutExpired',
    'ErrorInternalServerTransientError',
    'ErrorMailboxStoreUnavailable',
  ])('%s: a transient state of the server, not "EWS response error"', async (responseCode) => {
    const { e, w, page, check } = await linkedCalendar('uma');
    e.faults.inject({ kind: 'EWS_FAULT', responseCode, requests: RUN });
    for (let probe = 0; probe < RUN; probe++) {
      const seen = await check();
      expect(seen).toMatchObject({
        status: 'CONNECTED',
        health: 'DEGRADED',
        lastError: { code: 'PROVIDER_UNAVAILABLE', connectionBroken: false, providerReason: responseCode },
      });
      expect(seen.lastError?.subReason).not.toBe('INTEROP_EWS_RESPONSE_ERROR');
      expect(await w.page('uma', page.id)).toMatchObject({ state: 'ACTIVE', acceptingBookings: true });
    }
    expect(await check()).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
  });
});

// A provider that holds its answer cannot hold a probe: the shared retry deadline bounds the whole call, and the
// cut is a transient timeout that the hysteresis weighs like any other (Zoom's meeting location here).
describeEachDriver('a provider that holds its answer leaves pages ACTIVE (%s)', (driver) => {
  const DEADLINE_MS = 300;
  const t = useTestGateway(driver, {
    gateway: {
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          zoom: zoom(),
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5, deadlineMs: DEADLINE_MS },
        })(dependencies),
    },
  });

  it('every probe is cut at the deadline as NETWORK_UNREACHABLE (ETIMEDOUT); the page keeps taking bookings', async () => {
    const w = await World.create(t(), ['owner'] as const, { owner: 'ADMIN' });
    const { account, zoomId: id, page } = await linkOwnerZoom(t(), w, zoom());

    zoom().faults.inject(account.id, { kind: 'LATENCY', ms: 10_000, requests: RUN });
    for (let probe = 0; probe < RUN; probe++) {
      const began = Date.now();
      const { checkConnection } = await w.run<{ checkConnection: ConnectionView }>('owner', CHECK, { id });
      expect(Date.now() - began).toBeLessThan(5_000);
      expect(checkConnection).toMatchObject({
        status: 'CONNECTED',
        health: 'DEGRADED',
        lastError: { code: 'NETWORK_UNREACHABLE', connectionBroken: false },
      });
      expect(await w.page('owner', page.id)).toMatchObject({ state: 'ACTIVE', acceptingBookings: true });
    }
    const { checkConnection } = await w.run<{ checkConnection: ConnectionView }>('owner', CHECK, { id });
    expect(checkConnection).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
  });
});
