// The SDK's webhook operations against a live gateway (embedded PGlite, demo data), and the receiver the README
// shows: verify with `standardwebhooks`, de-duplicate by `webhook-id`, order by `data.eventId`.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, DEFAULT_WEBHOOK_CONFIG, type Gateway, gatewayConfig } from '@tsunagi/gateway';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTsunagiClient, type TsunagiClient } from './client.js';
import { BookingPagesQuery } from './operations/dashboard.js';
import { SetBookingPageEnabledMutation } from './operations/mutations.js';
import {
  CreateWebhookEndpointMutation,
  DeleteWebhookEndpointMutation,
  RedeliverWebhookMutation,
  RotateWebhookSecretMutation,
  SendTestWebhookMutation,
  UpdateWebhookEndpointMutation,
  WebhookDeliveriesQuery,
  WebhookEndpointsQuery,
} from './operations/webhooks.js';

let gateway: Gateway;
let admin: TsunagiClient;
let server: Server;
let secret = '';
const seen = new Map<string, { type: string; data: { eventId?: number } }>();
let refused = 0;

beforeAll(async () => {
  gateway = await createGateway(
    gatewayConfig({ webhooks: { ...DEFAULT_WEBHOOK_CONFIG, allowPrivateTargets: true, sweepMs: 50 } }),
    { seedDemo: true },
  );
  admin = createTsunagiClient({ url: gateway.url, token: gateway.demo!.adminToken });
  // The README's receiver, as written there.
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const message = new Webhook(secret).verify(body, request.headers as Record<string, string>) as {
        type: string;
        data: { eventId?: number };
      };
      const id = request.headers['webhook-id'] as string;
      if (!seen.has(id)) seen.set(id, message);
      response.writeHead(204).end();
    } catch {
      refused++;
      response.writeHead(400).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
}, 60_000);

afterAll(async () => {
  await admin?.close();
  await gateway?.stop();
  server?.close();
});

async function until(check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('manages an endpoint and its log with typed operations; the README receiver verifies what arrives', async () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const created = await admin.mutate(CreateWebhookEndpointMutation, {
    input: {
      url,
      description: 'SDK test',
      eventTypes: ['BOOKING_PAGE_STATE_CHANGED', 'BOOKING_PAGE_UPDATED'],
    },
  });
  secret = created.createWebhookEndpoint.secret;
  const endpoint = created.createWebhookEndpoint.endpoint;
  expect(endpoint.eventTypes).toEqual(['BOOKING_PAGE_UPDATED', 'BOOKING_PAGE_STATE_CHANGED']);
  const { webhookEndpoints } = await admin.query(WebhookEndpointsQuery);
  expect(webhookEndpoints.map((row) => row.id)).toContain(endpoint.id);

  // Turning a page off makes BOOKING_PAGE_UPDATED and BOOKING_PAGE_STATE_CHANGED.
  const { bookingPages } = await admin.query(BookingPagesQuery, { first: 50 });
  const page = bookingPages.edges.find((edge) => edge.node.state === 'ACTIVE')!.node;
  await admin.mutate(SetBookingPageEnabledMutation, { pageId: page.id, enabled: false });
  await until(() => seen.size >= 2, 'two events');
  const ordered = [...seen.values()].sort((a, b) => (a.data.eventId ?? 0) - (b.data.eventId ?? 0));
  expect(ordered.map((message) => message.type).sort()).toEqual([
    'BOOKING_PAGE_STATE_CHANGED',
    'BOOKING_PAGE_UPDATED',
  ]);
  expect(refused).toBe(0);

  await until(async () => {
    const { webhookDeliveries } = await admin.query(WebhookDeliveriesQuery, {
      endpointId: endpoint.id,
      status: 'DELIVERED',
    });
    return webhookDeliveries.edges.length === 2;
  }, 'the log');
  const { webhookDeliveries } = await admin.query(WebhookDeliveriesQuery, {
    endpointId: endpoint.id,
    first: 1,
  });
  expect(webhookDeliveries.pageInfo.hasNextPage).toBe(true);
  const line = webhookDeliveries.edges[0]!.node;
  expect(line).toMatchObject({ status: 'DELIVERED', attempts: 1, responseStatus: 204 });

  // A redelivery arrives under the same id: the receiver's de-duplication keeps one.
  const redelivered = await admin.mutate(RedeliverWebhookMutation, { deliveryId: line.id });
  expect(redelivered.redeliverWebhook.id).toBe(line.id);
  const test = await admin.mutate(SendTestWebhookMutation, { endpointId: endpoint.id });
  await until(() => seen.has(test.sendTestWebhook.id), 'the test message');
  expect(seen.get(test.sendTestWebhook.id)?.type).toBe('WEBHOOK_TEST');

  const rotated = await admin.mutate(RotateWebhookSecretMutation, { id: endpoint.id, overlapHours: 0 });
  expect(rotated.rotateWebhookSecret.secret).not.toBe(secret);
  const paused = await admin.mutate(UpdateWebhookEndpointMutation, {
    id: endpoint.id,
    input: { enabled: false },
  });
  expect(paused.updateWebhookEndpoint).toMatchObject({ enabled: false, disabledReason: 'ADMIN' });
  const deleted = await admin.mutate(DeleteWebhookEndpointMutation, { id: endpoint.id });
  expect(deleted.deleteWebhookEndpoint).toBe(endpoint.id);
  await admin.mutate(SetBookingPageEnabledMutation, { pageId: page.id, enabled: true });
});
