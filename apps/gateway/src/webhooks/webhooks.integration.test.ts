// Outgoing webhooks through GraphQL on both drivers: an admin registers a receiver (the secret once), events
// reach it signed as Standard Webhooks, the log shows each delivery, redelivery and test messages work, the
// secret rotates with an overlap; members are refused, other organizations see nothing, and a refused input
// changes nothing. In production mode loopback targets are refused.
import { DEFAULT_DELIVERY_POLICY } from '@tsunagi/webhooks';
import { WebhookReceiver } from '@tsunagi/webhooks/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { columnsHolding, snapshot } from '../../test/database.js';
import { codes, describeEachDriver, startTestGateway, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { DEFAULT_WEBHOOK_CONFIG } from './config.js';

const ENDPOINT = 'id url description eventTypes enabled disabledReason disabledAt previousSecretExpiresAt';
const CREATE = `mutation C($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT} } }
}`;
const LIST = `{ webhookEndpoints { ${ENDPOINT} } }`;
const DELIVERY =
  'id endpointId eventCursor eventType status attempts latencyMs responseStatus lastError deliveredAt';
const LOG = `query L($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {
  webhookDeliveries(endpointId: $id, first: $first, after: $after, status: $status) {
    edges { cursor node { ${DELIVERY} } } pageInfo { hasNextPage endCursor }
  }
}`;
const UPDATE = `mutation U($id: ID!, $input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(id: $id, input: $input) { ${ENDPOINT} }
}`;
const ROTATE = `mutation R($id: ID!, $hours: Int) {
  rotateWebhookSecret(id: $id, overlapHours: $hours) { secret endpoint { ${ENDPOINT} } }
}`;
const REDELIVER = `mutation D($id: ID!) { redeliverWebhook(deliveryId: $id) { ${DELIVERY} } }`;
const TEST = `mutation T($id: ID!) { sendTestWebhook(endpointId: $id) { ${DELIVERY} } }`;
const DELETE = 'mutation X($id: ID!) { deleteWebhookEndpoint(id: $id) }';

interface Endpoint {
  id: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  previousSecretExpiresAt: string | null;
}
interface Delivery {
  id: string;
  eventCursor: string | null;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
}
interface Log {
  webhookDeliveries: {
    edges: { cursor: string; node: Delivery }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDriver('outgoing webhooks over GraphQL (%s)', (driver) => {
  const t = useTestGateway(driver, {
    config: {
      webhooks: {
        ...DEFAULT_WEBHOOK_CONFIG,
        allowPrivateTargets: true,
        sweepMs: 50,
        policy: { ...DEFAULT_DELIVERY_POLICY, initialDelayMs: 10, maxDelayMs: 50 },
      },
    },
  });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
  });

  async function log(w: World<'admin' | 'member'>, id: string, variables: Record<string, unknown> = {}) {
    const response = await t().graphql<Log>(LOG, {
      caller: w.caller('admin'),
      variables: { id, ...variables },
    });
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.webhookDeliveries as Log['webhookDeliveries'];
  }

  it('registers a receiver, delivers signed events, logs them, redelivers, tests, rotates and deletes', async () => {
    const w = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const created = await t().graphql<{ createWebhookEndpoint: { secret: string; endpoint: Endpoint } }>(
      CREATE,
      {
        caller: w.caller('admin'),
        variables: {
          input: { url: receiver.url, description: 'CRM sync', eventTypes: ['BOOKING_PAGE_CREATED'] },
        },
      },
    );
    expect(created.body.errors).toBeUndefined();
    const { secret, endpoint } = created.body.data!.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({
      url: receiver.url,
      eventTypes: ['BOOKING_PAGE_CREATED'],
      enabled: true,
    });
    receiver.secrets = [secret];

    // The secret is never shown again, nor stored in clear.
    const listed = await t().graphql(LIST, { caller: w.caller('admin') });
    expect(listed.text).not.toContain(secret);
    expect(await columnsHolding(t().handle, [secret, secret.slice(6)])).toEqual([]);

    const start = receiver.received.length;
    const page = await w.createPage('admin', { title: 'Hooked' });
    await receiver.waitFor(start + 1);
    const got = receiver.received[start]!;
    expect(got.verified).toBe(true);
    const body = JSON.parse(got.body) as { type: string; data: { eventId: number; bookingPageId: string } };
    expect(body).toMatchObject({ type: 'BOOKING_PAGE_CREATED', data: { bookingPageId: page.id } });

    await until(async () => (await log(w, endpoint.id)).edges[0]?.node.status === 'DELIVERED', 'the log');
    const [line] = (await log(w, endpoint.id)).edges;
    expect(line?.node).toMatchObject({
      id: got.id,
      eventCursor: String(body.data.eventId),
      eventType: 'BOOKING_PAGE_CREATED',
      attempts: 1,
      responseStatus: 204,
    });

    const redelivered = await t().graphql<{ redeliverWebhook: Delivery }>(REDELIVER, {
      caller: w.caller('admin'),
      variables: { id: got.id },
    });
    expect(redelivered.body.data?.redeliverWebhook).toMatchObject({ id: got.id, status: 'PENDING' });
    await receiver.waitFor(start + 2);
    expect(receiver.received[start + 1]?.id).toBe(got.id);

    const test = await t().graphql<{ sendTestWebhook: Delivery }>(TEST, {
      caller: w.caller('admin'),
      variables: { id: endpoint.id },
    });
    expect(test.body.data?.sendTestWebhook).toMatchObject({ eventType: 'WEBHOOK_TEST', eventCursor: null });
    await receiver.waitFor(start + 3);
    expect(receiver.received[start + 2]).toMatchObject({
      id: test.body.data?.sendTestWebhook.id,
      verified: true,
    });

    // Status filter and paging over the log.
    await until(
      async () => (await log(w, endpoint.id, { status: 'DELIVERED' })).edges.length === 2,
      'two delivered',
    );
    const first = await log(w, endpoint.id, { first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await log(w, endpoint.id, { first: 10, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.eventType)).toEqual([
      'WEBHOOK_TEST',
      'BOOKING_PAGE_CREATED',
    ]);

    const rotated = await t().graphql<{ rotateWebhookSecret: { secret: string; endpoint: Endpoint } }>(
      ROTATE,
      {
        caller: w.caller('admin'),
        variables: { id: endpoint.id, hours: 1 },
      },
    );
    const next = rotated.body.data!.rotateWebhookSecret;
    expect(next.secret).not.toBe(secret);
    expect(next.endpoint.previousSecretExpiresAt).not.toBeNull();
    receiver.secrets = [secret, next.secret];
    await w.createPage('admin', { title: 'Hooked twice' });
    await receiver.waitFor(start + 4);
    expect(receiver.received[start + 3]?.verifiedBy).toEqual([0, 1]);

    const disabled = await t().graphql<{ updateWebhookEndpoint: Endpoint }>(UPDATE, {
      caller: w.caller('admin'),
      variables: { id: endpoint.id, input: { enabled: false, eventTypes: [] } },
    });
    expect(disabled.body.data?.updateWebhookEndpoint).toMatchObject({
      enabled: false,
      disabledReason: 'ADMIN',
      eventTypes: [],
    });
    const deleted = await t().graphql(DELETE, { caller: w.caller('admin'), variables: { id: endpoint.id } });
    expect(deleted.body.data).toEqual({ deleteWebhookEndpoint: endpoint.id });
    expect(
      (await t().graphql<{ webhookEndpoints: Endpoint[] }>(LIST, { caller: w.caller('admin') })).body.data,
    ).toEqual({
      webhookEndpoints: [],
    });
  });

  it('refuses members, and shows another organization nothing of this one', async () => {
    const w = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const other = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const created = await t().graphql<{ createWebhookEndpoint: { endpoint: Endpoint } }>(CREATE, {
      caller: w.caller('admin'),
      variables: { input: { url: receiver.url } },
    });
    const id = created.body.data!.createWebhookEndpoint.endpoint.id;
    const test = await t().graphql<{ sendTestWebhook: Delivery }>(TEST, {
      caller: w.caller('admin'),
      variables: { id },
    });
    const deliveryId = test.body.data!.sendTestWebhook.id;

    const operations: [string, Record<string, unknown>][] = [
      [LIST, {}],
      [LOG, { id }],
      [CREATE, { input: { url: receiver.url } }],
      [UPDATE, { id, input: { enabled: false } }],
      [ROTATE, { id }],
      [REDELIVER, { id: deliveryId }],
      [TEST, { id }],
      [DELETE, { id }],
    ];
    const before = await snapshot(t().handle);
    for (const [query, variables] of operations) {
      const response = await t().graphql(query, { caller: w.caller('member'), variables });
      expect(codes(response)).toEqual(['FORBIDDEN']);
    }
    // The other organization's admin: an empty list, and NOT_FOUND for every id of this one.
    const theirs = await t().graphql<{ webhookEndpoints: Endpoint[] }>(LIST, {
      caller: other.caller('admin'),
    });
    expect(theirs.body.data?.webhookEndpoints).toEqual([]);
    for (const [query, variables] of operations.slice(1).filter(([query]) => query !== CREATE)) {
      const response = await t().graphql(query, { caller: other.caller('admin'), variables });
      expect(codes(response)).toEqual(['NOT_FOUND']);
    }
    expect(await snapshot(t().handle, { except: ['public.outgoing_webhook_deliveries'] })).toEqual(
      Object.fromEntries(
        Object.entries(before).filter(([table]) => table !== 'public.outgoing_webhook_deliveries'),
      ),
    );
  });

  it('answers bad input with BAD_USER_INPUT and changes nothing', async () => {
    const w = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const created = await t().graphql<{ createWebhookEndpoint: { endpoint: Endpoint } }>(CREATE, {
      caller: w.caller('admin'),
      variables: { input: { url: receiver.url } },
    });
    const id = created.body.data!.createWebhookEndpoint.endpoint.id;
    const before = await snapshot(t().handle);
    const refused: [string, Record<string, unknown>][] = [
      [CREATE, { input: { url: 'ftp://example.com/' } }],
      [CREATE, { input: { url: 'not a url' } }],
      [CREATE, { input: { url: `https://example.com/${'a'.repeat(2001)}` } }],
      [CREATE, { input: { url: 'https://user:pw@example.com/' } }],
      [CREATE, { input: { url: receiver.url, description: 'd'.repeat(501) } }],
      [UPDATE, { id, input: { url: 'javascript:alert(1)' } }],
      [ROTATE, { id, hours: 1000 }],
      [ROTATE, { id, hours: -1 }],
      [LOG, { id, first: 0 }],
      [LOG, { id, after: 'x' }],
      [TEST, { id: 'bad id!' }],
    ];
    for (const [query, variables] of refused) {
      const response = await t().graphql(query, { caller: w.caller('admin'), variables });
      expect(codes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await snapshot(t().handle)).toEqual(before);
  });
});

describeEachDriver('outgoing webhook targets in production mode (%s)', (driver) => {
  const t = useTestGateway(driver, { config: { webhooks: { ...DEFAULT_WEBHOOK_CONFIG, enabled: false } } });

  it('refuses loopback, private and link-local targets, in every spelling', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    for (const url of [
      'http://127.0.0.1:4000/hooks',
      'http://localhost/hooks',
      'http://[::1]/hooks',
      'http://[::ffff:127.0.0.1]/hooks',
      'http://10.0.0.8/hooks',
      'http://169.254.169.254/latest/meta-data',
      'http://[fd00::1]/hooks',
      'http://[fe80::1]/hooks',
      'http://2130706433/hooks',
    ]) {
      const response = await t().graphql(CREATE, {
        caller: w.caller('admin'),
        variables: { input: { url } },
      });
      expect(codes(response), url).toEqual(['BAD_USER_INPUT']);
    }
    expect(
      (await t().graphql<{ webhookEndpoints: Endpoint[] }>(LIST, { caller: w.caller('admin') })).body.data,
    ).toEqual({
      webhookEndpoints: [],
    });
  });
});

it('keeps the production default: no private targets unless configured', async () => {
  expect(DEFAULT_WEBHOOK_CONFIG.allowPrivateTargets).toBe(false);
  const gateway = await startTestGateway('pglite', { config: { webhooks: DEFAULT_WEBHOOK_CONFIG } });
  try {
    const org = await gateway.organization(['admin'], { admin: 'ADMIN' });
    const response = await gateway.graphql(CREATE, {
      caller: { userId: org.users.admin, organizationId: org.organizationId, role: 'ADMIN' },
      variables: { input: { url: 'http://127.0.0.1:9/hooks' } },
    });
    expect(response.body.errors?.[0]?.message).toMatch(/loopback/);
  } finally {
    await gateway.close();
  }
});
