// followEvents from a cursor the gateway's event retention has passed: it stops with EVENTS_EXPIRED (a
// reconnect cannot help), and following again from the error's resyncCursor delivers every later event.
import { createOrganization, createStateService, createUser, parseKeyring, systemActor } from '@tsunagi/db';
import { createGateway, type Gateway, gatewayConfig, mintToken } from '@tsunagi/gateway';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTsunagiClient, isTsunagiClientError, type TsunagiClient } from './client.js';
import { followEvents, type TsunagiEvent } from './follow-events.js';

const config = gatewayConfig({
  eventRetention: { days: 30, recordDays: 30, batchSize: 100, sweepIntervalSeconds: 86_400 },
});
let gateway: Gateway;
let client: TsunagiClient;
let change: (title: string) => Promise<void>;

beforeAll(async () => {
  gateway = await createGateway(config);
  const { db, bus } = gateway.database;
  const organizationId = (await createOrganization(db, { name: 'Retained', slug: 'retained' })).id;
  const ownerId = (
    await createUser(db, { organizationId, name: 'Ana', email: 'ana@example.test', role: 'ADMIN' })
  ).id;
  const state = createStateService({ db, bus, keyring: parseKeyring(config.credentialsKeys) });
  change = async (title) => {
    const created = await state.createBookingPage(systemActor(organizationId), { title, ownerId });
    if (!created.ok) throw new Error(created.error.message);
  };
  await change('Old');
  // Forty days pass for the organization's events so far (its id is ours: no quoting concern).
  await db.execute(
    `UPDATE events SET created_at = created_at - interval '40 days' WHERE organization_id = '${organizationId}'`,
  );
  await change('Recent');
  await gateway.eventRetention!.sweep();
  const token = await mintToken({ ...config.jwt, userId: 'svc_retained', organizationId, role: 'SERVICE' });
  client = createTsunagiClient({ url: gateway.url, token });
}, 60_000);

afterAll(async () => {
  await client?.close();
  await gateway?.stop();
});

it('stops with EVENTS_EXPIRED instead of retrying, and a resync from resyncCursor misses nothing', async () => {
  const reconnects: unknown[] = [];
  const expired = await (async () => {
    for await (const _event of followEvents(client, {
      after: '0',
      onReconnect: (info) => reconnects.push(info),
    })) {
      throw new Error('an expired cursor delivered an event');
    }
  })().catch((error: unknown) => error);
  expect(isTsunagiClientError(expired) && expired.code).toBe('EVENTS_EXPIRED');
  expect(reconnects).toEqual([]);
  const resyncCursor = isTsunagiClientError(expired)
    ? expired.errors[0]?.extensions?.resyncCursor
    : undefined;
  expect(typeof resyncCursor).toBe('string');

  const controller = new AbortController();
  const received: TsunagiEvent[] = [];
  const following = (async () => {
    for await (const event of followEvents(client, {
      after: resyncCursor as string,
      signal: controller.signal,
    })) {
      received.push(event);
      if (received.length === 1) controller.abort();
    }
  })();
  await change('After the resync');
  await following;
  expect(received.map((event) => event.type)).toEqual(['BOOKING_PAGE_CREATED']);
  expect(Number(received[0]!.cursor)).toBeGreaterThan(Number(resyncCursor));
});
