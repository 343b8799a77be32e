// followEvents against a gateway whose Postgres becomes unreachable (a TCP proxy in front of it resets every
// connection): DATABASE_UNAVAILABLE — as a subscription's error on an open socket, or as the 1013 Try Again
// Later close of a socket the gateway could not accept — is retried from the cursor, and once the database
// is back every event arrives, once each, in order.
import {
  createDatabase,
  createOrganization,
  createStateService,
  createUser,
  type DatabaseHandle,
  parseKeyring,
  readEvents,
  systemActor,
} from '@tsunagi/db';
import { createThrowawayDatabase, TcpProxy, type ThrowawayDatabase } from '@tsunagi/db/testing';
import { describePostgres } from '@tsunagi/db/testing/suites';
import { createGateway, type Gateway, gatewayConfig, mintToken } from '@tsunagi/gateway';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTsunagiClient, type TsunagiClient } from './client.js';
import { followEvents, type TsunagiEvent } from './follow-events.js';
import { BookingPageStateChangedSubscription } from './operations/subscriptions.js';

describePostgres('followEvents while the database is unreachable', () => {
  const config = gatewayConfig();
  let database: ThrowawayDatabase;
  let proxy: TcpProxy;
  let handle: DatabaseHandle;
  let gateway: Gateway;
  let organizationId: string;
  let ownerId: string;

  beforeAll(async () => {
    database = await createThrowawayDatabase('tsunagi_sdk');
    const target = new URL(database.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    handle = createDatabase({ databaseUrl: proxy.route(database.url) });
    await handle.migrate();
    gateway = await createGateway(config, { database: handle });
    organizationId = (await createOrganization(handle.db, { name: 'Outage', slug: 'outage' })).id;
    ownerId = (
      await createUser(handle.db, { organizationId, name: 'Ana', email: 'ana@example.test', role: 'ADMIN' })
    ).id;
    await change('before the outages');
  }, 60_000);

  afterAll(async () => {
    proxy?.restore();
    await gateway?.stop();
    await handle?.close();
    await proxy?.close();
    await database?.drop();
  }, 60_000);

  async function serviceClient(): Promise<TsunagiClient> {
    const token = await mintToken({ ...config.jwt, userId: 'svc_outage', organizationId, role: 'SERVICE' });
    return createTsunagiClient({ url: gateway.url, token });
  }

  /** New events in the log: a page created through the database the gateway uses. */
  async function change(title: string): Promise<void> {
    const state = createStateService({
      db: handle.db,
      keyring: parseKeyring(config.credentialsKeys),
      bus: handle.bus,
    });
    const created = await state.createBookingPage(systemActor(organizationId), {
      title,
      ownerId,
      locations: [{ type: 'IN_PERSON', value: 'Lobby' }],
    });
    if (!created.ok) throw new Error(created.error.message);
  }

  /** The log's last event id (read while the database is reachable). */
  const logEnd = async () => (await readEvents(handle.db, organizationId, 0, 10_000)).at(-1)?.id ?? 0;

  /** Follows from `after`, recording every reconnect's error code. */
  function follow(client: TsunagiClient, after: number) {
    const controller = new AbortController();
    const received: TsunagiEvent[] = [];
    const reconnectCodes: unknown[] = [];
    let failure: unknown = null;
    const consumer = (async () => {
      try {
        for await (const event of followEvents(client, {
          after: String(after),
          signal: controller.signal,
          baseDelayMs: 20,
          maxDelayMs: 200,
          onReconnect: ({ error }) => reconnectCodes.push((error as { code?: unknown }).code),
        }))
          received.push(event);
      } catch (error) {
        failure = error;
      }
    })();
    return {
      after,
      received,
      reconnectCodes,
      failure: () => failure,
      async stop() {
        controller.abort();
        await consumer;
      },
    };
  }

  async function expectEverythingAfter(follower: ReturnType<typeof follow>): Promise<void> {
    const log = (await readEvents(handle.db, organizationId, follower.after, 10_000)).map((e) =>
      String(e.id),
    );
    expect(log.length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(follower.received.length).toBeGreaterThanOrEqual(log.length), {
      timeout: 10_000,
      interval: 20,
    });
    expect(follower.received.map((event) => event.cursor)).toEqual(log);
    expect(follower.failure()).toBeNull();
  }

  /**
   * From the log's end, cuts the database, follows until a reconnect reports DATABASE_UNAVAILABLE, restores it,
   * appends `label`, and expects every event after the starting point, once each, in order.
   */
  async function followThroughOutage(client: TsunagiClient, label: string): Promise<void> {
    const after = await logEnd();
    proxy.cut();
    const follower = follow(client, after);
    await vi.waitFor(() => expect(follower.reconnectCodes).toContain('DATABASE_UNAVAILABLE'), {
      timeout: 10_000,
      interval: 10,
    });
    proxy.restore();
    await change(label);
    await expectEverythingAfter(follower);
    await follower.stop();
  }

  it('retries a subscription refused with DATABASE_UNAVAILABLE on an open socket', async () => {
    const client = await serviceClient();
    // Holds the socket open (accepted while the database was up) for the refusal to arrive on.
    const holder = client.subscribe(BookingPageStateChangedSubscription, {});
    const held = holder.next().catch(() => undefined);
    await vi.waitFor(
      async () => {
        const { values } = await gateway.metrics.subscriptionsActive.get();
        const active = values.find((v) => v.labels.subscription === 'bookingPageStateChanged')?.value ?? 0;
        expect(active).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 10 },
    );
    await followThroughOutage(client, 'after the refusal');
    await holder.return?.();
    await held;
    await client.close();
  });

  it('retries a socket closed 1013 Try Again Later, seen as DATABASE_UNAVAILABLE', async () => {
    const client = await serviceClient();
    await followThroughOutage(client, 'after the 1013');
    await client.close();
  });
});
