// The SDK against a live gateway (embedded PGlite, demo data) over real HTTP and WebSockets on loopback.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { organizationHealthReport as readHealthReport } from '@tsunagi/db';
import { createGateway, type Gateway, gatewayConfig, mintToken } from '@tsunagi/gateway';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTsunagiClient, type TsunagiClient, TsunagiClientError } from './client.js';
import { followEvents, type TsunagiEvent } from './follow-events.js';
import {
  BookingPagesQuery,
  ConnectionAlertsQuery,
  EventLogQuery,
  IntegrationsQuery,
  ViewerQuery,
} from './operations/dashboard.js';
import { SyncDirectoryMutation } from './operations/directory.js';
import {
  ExchangeConnectionTestSubscription,
  ExchangeSettingsQuery,
  TestExchangeConnectionMutation,
} from './operations/exchange.js';
import { OrganizationHealthReportQuery } from './operations/health.js';
import { ConnectionImpactQuery, PlannedChangeImpactQuery } from './operations/impact.js';
import {
  CheckConnectionMutation,
  SetBookingPageEnabledMutation,
  UnlinkConnectionMutation,
} from './operations/mutations.js';
import { BookingPageStateChangedSubscription, EventsSubscription } from './operations/subscriptions.js';

let gateway: Gateway;
let admin: TsunagiClient;
const config = gatewayConfig();

beforeAll(async () => {
  gateway = await createGateway(config, { seedDemo: true });
  admin = createTsunagiClient({ url: gateway.url, token: gateway.demo!.adminToken });
}, 60_000);

afterAll(async () => {
  await admin?.close();
  await gateway?.stop();
});

async function firstPageId(): Promise<string> {
  const { bookingPages } = await admin.query(BookingPagesQuery, { first: 1 });
  return bookingPages.edges[0]!.node.id;
}

describe('queries and mutations', () => {
  it('reads the banner counts, the page list (disabled first) and the integrations tabs with typed results', async () => {
    const { connectionAlerts } = await admin.query(ConnectionAlertsQuery);
    expect(connectionAlerts.erroredConnections).toBeGreaterThan(0);
    expect(connectionAlerts.disabledBookingPages).toBeGreaterThan(0);

    const { bookingPages } = await admin.query(BookingPagesQuery, { first: 50, locale: 'JA' });
    const states = bookingPages.edges.map((edge) => edge.node.state);
    const firstEnabled = states.findIndex((state) => state !== 'DISABLED_CONNECTION_ERROR');
    expect(states.slice(firstEnabled)).not.toContain('DISABLED_CONNECTION_ERROR');
    const disabled = bookingPages.edges.find((edge) => edge.node.state === 'DISABLED_CONNECTION_ERROR')!.node;
    expect(disabled.acceptingBookings).toBe(false);
    expect(disabled.reasons.length).toBeGreaterThan(0);
    expect(disabled.remediation.length).toBeGreaterThan(0);

    const { integrations } = await admin.query(IntegrationsQuery, { tab: 'CONNECTED' });
    expect(integrations.length).toBeGreaterThan(0);
    expect(integrations.every((row) => row.status !== 'DISCONNECTED')).toBe(true);
  });

  it('asks what would stop if a provider failed, and what a planned change would do, typed', async () => {
    const { connectionImpact } = await admin.query(ConnectionImpactQuery, {
      input: { provider: 'GOOGLE_CALENDAR', status: 'ERROR' },
    });
    expect(connectionImpact.connections.every((c) => c.provider === 'GOOGLE_CALENDAR')).toBe(true);
    expect(connectionImpact.disabledPages).toBe(
      connectionImpact.pages.filter((page) => page.effect === 'DISABLED').length,
    );
    for (const page of connectionImpact.pages) {
      expect(page.stayUpReason === null).toBe(page.stateAfter !== 'ACTIVE');
    }
    const page = connectionImpact.pages[0]!.bookingPage.id;
    // A location the page does not have is the caller's mistake.
    await expect(
      admin.query(PlannedChangeImpactQuery, {
        input: { kind: 'REMOVE_LOCATION', pageId: page, locationId: 'loc_none' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("reads the organization's health figures, typed, and refuses a period that ends before it starts", async () => {
    const until = new Date();
    const since = new Date(until.getTime() - 86_400_000);
    const { organizationHealthReport } = await admin.query(OrganizationHealthReportQuery, {
      since: since.toISOString(),
      until: until.toISOString(),
    });
    const expected = await readHealthReport(gateway.database.db, gateway.demo!.organizationId, {
      since,
      until,
    });
    expect(organizationHealthReport).toEqual({
      since: since.toISOString(),
      until: until.toISOString(),
      breaks: expected.breaks,
      unresolved: expected.unresolved,
      detection: expected.detection,
      ownerNotified: expected.ownerNotified,
      reconnect: expected.reconnect,
      pageDisabledMinutes: expected.pageDisabledMinutes,
    });
    // The demo's seeded failures: broken connections whose pages stand disabled.
    expect(organizationHealthReport.breaks).toBeGreaterThan(0);
    expect(organizationHealthReport.pageDisabledMinutes).toBeGreaterThan(0);
    await expect(
      admin.query(OrganizationHealthReportQuery, {
        since: until.toISOString(),
        until: since.toISOString(),
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('paginates with the cursors it is given', async () => {
    const first = await admin.query(BookingPagesQuery, { first: 2 });
    const next = await admin.query(BookingPagesQuery, {
      first: 2,
      after: first.bookingPages.pageInfo.endCursor,
    });
    const ids = [...first.bookingPages.edges, ...next.bookingPages.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('turns GraphQL errors into TsunagiClientError with the extensions code', async () => {
    const error = await admin
      .mutate(UnlinkConnectionMutation, { connectionId: 'con_does_not_exist' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TsunagiClientError);
    expect((error as TsunagiClientError).code).toBe('NOT_FOUND');

    const anonymous = createTsunagiClient({ url: gateway.url });
    const unauthenticated = await anonymous.query(ViewerQuery).catch((e: unknown) => e);
    expect((unauthenticated as TsunagiClientError).code).toBe('UNAUTHENTICATED');
  });

  it('reports an unreachable gateway as a network error', async () => {
    const offline = createTsunagiClient({ url: 'http://127.0.0.1:9/graphql' });
    const error = (await offline.query(ViewerQuery).catch((e: unknown) => e)) as TsunagiClientError;
    expect(error.code).toBe('NETWORK_ERROR');
  });
});

describe('directory sync through the SDK', () => {
  it('syncs people and a page with a SERVICE key, typed, and a refused row changes nothing', async () => {
    // A SERVICE key, made by the demo admin.
    const created = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gateway.demo!.adminToken}` },
      body: JSON.stringify({ query: 'mutation { createApiKey(name: "sdk-sync", role: SERVICE) { key } }' }),
    });
    const { data } = (await created.json()) as { data: { createApiKey: { key: string } } };
    const service = createTsunagiClient({ url: gateway.url, token: data.createApiKey.key });
    try {
      const input = {
        mode: 'UPSERT' as const,
        users: [
          { externalId: 'sdk-ann', name: 'Ann Lee', email: 'ann.sdk@acme.example', locale: 'JA' as const },
          { externalId: 'sdk-bob', name: 'Bob Ito', email: 'bob.sdk@acme.example' },
        ],
        pages: [
          {
            externalId: 'sdk-page',
            title: 'SDK intro',
            ownerExternalId: 'sdk-ann',
            memberExternalIds: ['sdk-ann', 'sdk-bob'],
          },
        ],
      };
      const { syncDirectory } = await service.query(SyncDirectoryMutation, { input });
      expect(syncDirectory).toMatchObject({
        applied: true,
        errors: [],
        counts: { usersCreated: 2, pagesCreated: 1, pagesReevaluated: 1 },
      });
      const pageId = syncDirectory.pages[0]!.id;
      const { bookingPages } = await admin.query(BookingPagesQuery, { first: 100 });
      expect(bookingPages.edges.some((edge) => edge.node.id === pageId)).toBe(true);

      const again = await service.query(SyncDirectoryMutation, { input });
      expect(again.syncDirectory.counts).toMatchObject({
        usersUnchanged: 2,
        pagesUnchanged: 1,
        pagesReevaluated: 0,
      });

      const refused = await service.query(SyncDirectoryMutation, {
        input: { ...input, users: [...input.users, { externalId: 'sdk-cy', name: 'Cy', email: 'nope' }] },
      });
      expect(refused.syncDirectory).toMatchObject({
        applied: false,
        errors: [{ list: 'USERS', index: 2, externalId: 'sdk-cy', field: 'email', code: 'INVALID' }],
        counts: { usersCreated: 0 },
      });
    } finally {
      await service.close();
    }
  });
});

describe('Exchange through the SDK', () => {
  // What the demo seed stores for the demo organization: UNTESTED Calendar Interop settings.
  const SEEDED_EWS_URL = 'https://mail.acme.example/EWS/Exchange.asmx';
  const ROLE_ACCOUNT = 'interop-role@acme.example';

  it('reads the settings typed, with the write-only secret nowhere in the answer', async () => {
    const data = await admin.query(ExchangeSettingsQuery);
    expect(data.exchangeSettings).toMatchObject({
      status: 'UNTESTED',
      ewsUrl: SEEDED_EWS_URL,
      roleAccount: ROLE_ACCOUNT,
      applicationId: null,
    });
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/secret/i);
    expect(json).not.toContain('demo-interop-password');
  });

  it('tests settings step by step in the asked locale and, without save, stores nothing', async () => {
    const { testExchangeConnection: report } = await admin.mutate(TestExchangeConnectionMutation, {
      input: { ewsUrl: 'http://localhost:1/EWS/Exchange.asmx', roleAccount: ROLE_ACCOUNT, secret: 'x' },
      participant: 'ben@acme.example',
      locale: 'IT',
    });
    expect(report.ok).toBe(false);
    const httpsIndex = report.steps.findIndex((step) => step.id === 'HTTPS');
    const https = report.steps[httpsIndex]!;
    expect(https.status).toBe('FAILED');
    expect(https.error?.subReason).toBe('INTEROP_EWS_COMMUNICATION_ERROR');
    expect(https.error?.title).toMatch(/^Errore di comunicazione/);
    const after = report.steps.slice(httpsIndex + 1);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((step) => step.status === 'SKIPPED')).toBe(true);

    const { exchangeSettings } = await admin.query(ExchangeSettingsQuery);
    expect(exchangeSettings).toMatchObject({ status: 'UNTESTED', ewsUrl: SEEDED_EWS_URL });
  });

  it('streams the same test live, step by step, the last message with the report', async () => {
    const input = { ewsUrl: 'http://localhost:1/EWS/Exchange.asmx', roleAccount: ROLE_ACCOUNT, secret: 'x' };
    const messages = [];
    for await (const { exchangeConnectionTest } of admin.subscribe(ExchangeConnectionTestSubscription, {
      input,
      participant: 'ben@acme.example',
      locale: 'IT',
    })) {
      messages.push(exchangeConnectionTest);
    }
    expect(messages.map((message) => message.index)).toEqual(messages.map((_message, index) => index));
    expect(messages.slice(0, -1).every((message) => message.report === null)).toBe(true);
    const report = messages.at(-1)!.report!;
    expect(report.steps).toEqual(messages.map((message) => message.step));
    const { testExchangeConnection } = await admin.mutate(TestExchangeConnectionMutation, {
      input,
      participant: 'ben@acme.example',
      locale: 'IT',
    });
    expect(report.ok).toBe(testExchangeConnection.ok);
    expect(report.steps.map((step) => [step.id, step.status, step.error?.title ?? null])).toEqual(
      testExchangeConnection.steps.map((step) => [step.id, step.status, step.error?.title ?? null]),
    );
  });

  it('refuses a MEMBER with FORBIDDEN', async () => {
    const token = await mintToken({
      ...config.jwt,
      userId: gateway.demo!.users.marco,
      organizationId: gateway.demo!.organizationId,
      role: 'MEMBER',
    });
    const member = createTsunagiClient({ url: gateway.url, token });
    const error = await member
      .mutate(TestExchangeConnectionMutation, {
        input: { ewsUrl: SEEDED_EWS_URL, roleAccount: ROLE_ACCOUNT, secret: 'x' },
        participant: 'marco@acme.example',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TsunagiClientError);
    expect((error as TsunagiClientError).code).toBe('FORBIDDEN');
    // On the socket too, as the same typed error.
    const live = await (async () => {
      for await (const _message of member.subscribe(ExchangeConnectionTestSubscription, {
        input: { ewsUrl: SEEDED_EWS_URL, roleAccount: ROLE_ACCOUNT, secret: 'x' },
        participant: 'marco@acme.example',
      }))
        return 'a message';
      return 'completed';
    })().catch((e: unknown) => e);
    expect(live).toBeInstanceOf(TsunagiClientError);
    expect((live as TsunagiClientError).code).toBe('FORBIDDEN');
    await member.close();
  });

  it('checkConnection surfaces a missing provider adapter as PROVIDER_ERROR', async () => {
    const { integrations } = await admin.query(IntegrationsQuery, { tab: 'CONNECTED' });
    const row = integrations.find((integration) => integration.accounts.length > 0)!;
    const error = await admin
      .mutate(CheckConnectionMutation, { connectionId: row.accounts[0]!.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TsunagiClientError);
    expect((error as TsunagiClientError).code).toBe('PROVIDER_ERROR');
    expect((error as TsunagiClientError).errors[0]?.extensions?.provider).toBe(row.provider);
  });
});

describe('subscriptions', () => {
  it('delivers a page state change to a subscriber', async () => {
    const pageId = await firstPageId();
    const controller = new AbortController();
    const received = (async () => {
      for await (const { bookingPageStateChanged } of admin.subscribe(
        BookingPageStateChangedSubscription,
        { pageId },
        { signal: controller.signal },
      )) {
        return bookingPageStateChanged;
      }
      return null;
    })();
    // A live subscription only promises events committed after it started: mutate once it streams.
    await subscriptionsStreaming('bookingPageStateChanged', 1);
    await admin.mutate(SetBookingPageEnabledMutation, { pageId, enabled: false });
    const event = await received;
    controller.abort();
    await subscriptionsStreaming('bookingPageStateChanged', 0);
    expect(event).toMatchObject({ state: 'INACTIVE', acceptingBookings: false, page: { id: pageId } });
    await admin.mutate(SetBookingPageEnabledMutation, { pageId, enabled: true });
  });

  it('return() ends a subscription at once, even while next() is waiting for an event', async () => {
    const pageId = await firstPageId();
    const iterator = admin.subscribe(BookingPageStateChangedSubscription, { pageId });
    const waiting = iterator.next();
    await subscriptionsStreaming('bookingPageStateChanged', 1);
    await expect(iterator.return!()).resolves.toEqual({ done: true, value: undefined });
    await expect(waiting).resolves.toMatchObject({ done: true });
  });

  it('a SERVICE token replays the event log from a cursor, then goes live', async () => {
    const service = await serviceClient(gateway.url);
    const log = await admin.query(EventLogQuery, { first: 500 });
    const iterator = service.subscribe(EventsSubscription, { after: null });
    const replayed: string[] = [];
    for (let i = 0; i < log.events.edges.length; i++)
      replayed.push((await iterator.next()).value!.events.cursor);
    expect(replayed).toEqual(log.events.edges.map((edge) => edge.cursor));

    const pageId = await firstPageId();
    await admin.mutate(SetBookingPageEnabledMutation, { pageId, enabled: false });
    const live = (await iterator.next()).value!.events;
    expect(live.page?.id).toBe(pageId);
    await iterator.return?.();
    await service.close();
    await admin.mutate(SetBookingPageEnabledMutation, { pageId, enabled: true });
  });
});

async function serviceClient(url: string, wsUrl?: string): Promise<TsunagiClient> {
  const token = await mintToken({
    ...config.jwt,
    userId: 'svc_sdk_test',
    organizationId: gateway.demo!.organizationId,
    role: 'SERVICE',
  });
  return createTsunagiClient({ url, token, ...(wsUrl ? { wsUrl } : {}) });
}

describe('followEvents', () => {
  it('resumes from its cursor after the socket drops: nothing lost, nothing twice', async () => {
    const port = Number(new URL(gateway.url).port);
    const proxy = await startProxy(port);
    const service = await serviceClient(gateway.url, `ws://127.0.0.1:${proxy.port}/graphql`);
    const pageId = await firstPageId();
    const start = await admin.query(EventLogQuery, { first: 1 });
    const after = start.events.edges[0]!.cursor;

    const controller = new AbortController();
    const received: TsunagiEvent[] = [];
    let reconnects = 0;
    const consumer = (async () => {
      for await (const event of followEvents(service, {
        after,
        signal: controller.signal,
        baseDelayMs: 20,
        onReconnect: () => reconnects++,
      })) {
        received.push(event);
      }
    })();

    // Four state changes; the connection is cut after the second one.
    for (const [i, enabled] of [false, true, false, true].entries()) {
      const before = received.length;
      await admin.mutate(SetBookingPageEnabledMutation, { pageId, enabled });
      await waitFor(() => received.length > before);
      if (i === 1) proxy.cut();
    }
    const log = await admin.query(EventLogQuery, { after, first: 500 });
    const expected = log.events.edges.map((edge) => edge.cursor);
    await waitFor(() => received.length >= expected.length);
    controller.abort();
    await consumer;
    await service.close();
    await proxy.close();

    expect(reconnects).toBeGreaterThanOrEqual(1);
    expect(received.map((event) => event.cursor)).toEqual(expected);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(condition()).toBe(true), { timeout: 10_000, interval: 20 });
}

/** Waits until `count` subscriptions of `field` stream on the gateway (its own gauge says so). */
async function subscriptionsStreaming(field: string, count: number): Promise<void> {
  await vi.waitFor(
    async () => {
      const { values } = await gateway.metrics.subscriptionsActive.get();
      expect(values.find((value) => value.labels.subscription === field)?.value ?? 0).toBe(count);
    },
    { timeout: 10_000, interval: 10 },
  );
}

/** A loopback TCP proxy whose connections can be cut, to drop the client's WebSocket mid-stream. */
async function startProxy(
  targetPort: number,
): Promise<{ port: number; cut(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const target = connect(targetPort, '127.0.0.1');
    for (const socket of [client, target]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(target).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    cut: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
