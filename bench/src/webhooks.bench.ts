// Outgoing webhook throughput (issue 12 §3): deliveries/s from the event log to a receiver on 127.0.0.1 through
// `WebhookDispatcher` (fan-out into the delivery table, claim, Standard Webhooks signing, POST, record), on
// PostgreSQL (`TEST_DATABASE_URL`) and on in-memory PGlite; the baseline is a bare loop that signs the same
// bodies with `standardwebhooks` and POSTs them to the same receiver with the same concurrency and keep-alive,
// with no database at all. Goal: at least 0.5× the baseline.
// The receiver verifies every request with `standardwebhooks` (as a customer's would) in both runs alike.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createDatabase,
  createKeyring,
  createOrganization,
  type DatabaseHandle,
  type DriverName,
  generateKey,
} from '@tsunagi/db';
import { events } from '@tsunagi/db/schema';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { DEFAULT_DELIVERY_POLICY, WebhookDispatcher, WebhookStore } from '@tsunagi/webhooks';
import { Webhook } from 'standardwebhooks';
import { check, fmt, printTable } from './report.js';

const MESSAGES = Number(process.env.BENCH_WEBHOOK_MESSAGES ?? 5_000);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 32);
const keyring = createKeyring({ activeKeyId: 'k1', keys: { k1: generateKey() } });

/** Counts the distinct verified `webhook-id`s and the event ids their bodies carry. */
async function startReceiver() {
  let webhook: Webhook | null = null;
  const ids = new Set<string>();
  const eventIds = new Set<number>();
  let refused = 0;
  let wanted = Number.POSITIVE_INFINITY;
  let reached: (() => void) | null = null;
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const payload = webhook?.verify(body, request.headers as Record<string, string>) as {
        data: { eventId: number };
      };
      ids.add(String(request.headers['webhook-id']));
      eventIds.add(payload.data.eventId);
    } catch {
      refused++;
    }
    response.writeHead(204).end();
    if (ids.size >= wanted) reached?.();
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    ids,
    eventIds,
    refused: () => refused,
    reset(secret: string, count: number) {
      webhook = new Webhook(secret);
      ids.clear();
      eventIds.clear();
      refused = 0;
      wanted = count;
      return new Promise<void>((resolve) => {
        reached = resolve;
      });
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const bodyOf = (eventId: number) =>
  JSON.stringify({
    type: 'BOOKING_PAGE_CREATED',
    timestamp: new Date().toISOString(),
    data: { eventId, organizationId: 'org_bench', payload: { title: `Page ${eventId}`, state: 'ACTIVE' } },
  });

/** The baseline: sign and POST, `CONCURRENCY` in flight over keep-alive sockets, nothing stored. */
async function bareLoop(receiver: Receiver): Promise<number> {
  const secret = `whsec_${Buffer.from(generateKey()).toString('base64')}`;
  const done = receiver.reset(secret, MESSAGES);
  const signer = new Webhook(secret);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(receiver.url);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < MESSAGES) {
        const index = next++;
        const body = bodyOf(index + 1);
        const id = `msg_bare_${index}`;
        const now = new Date();
        await new Promise<void>((resolve, reject) => {
          const request = http.request(url, {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'webhook-id': id,
              'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
              'webhook-signature': signer.sign(id, now, body),
            },
          });
          request.on('response', (response) => {
            response.resume();
            response.on('end', resolve);
          });
          request.on('error', reject);
          request.end(body);
        });
      }
    }),
  );
  await done;
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  check(
    receiver.ids.size === MESSAGES && receiver.refused() === 0,
    'the bare loop lost or mis-signed messages',
  );
  return MESSAGES / seconds;
}

async function open(driver: DriverName): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
  if (driver === 'pglite') return { database: createDatabase({}), drop: async () => {} };
  const throwaway = await createThrowawayDatabase('tsunagi_bench');
  return {
    database: createDatabase({ databaseUrl: throwaway.url, pool: { max: 16 } }),
    drop: throwaway.drop,
  };
}

/** The dispatcher: events appended to the log, then timed until the receiver holds every one. */
async function dispatched(driver: DriverName, receiver: Receiver): Promise<number> {
  const { database, drop } = await open(driver);
  await database.migrate();
  const organization = await createOrganization(database.db, { name: 'Bench', slug: `bench-${driver}` });
  const store = new WebhookStore({ db: database.db, keyring, policy: DEFAULT_DELIVERY_POLICY });
  const { secret } = await store.create(organization.id, {
    url: receiver.url,
    description: '',
    eventTypes: [],
  });
  // The log as appendEvents leaves it; written in bulk because the subject here is delivery, not appending.
  const appended: number[] = [];
  for (let from = 0; from < MESSAGES; from += 1_000) {
    const rows = await database.db
      .insert(events)
      .values(
        Array.from({ length: Math.min(1_000, MESSAGES - from) }, (_, i) => ({
          organizationId: organization.id,
          type: 'BOOKING_PAGE_CREATED',
          payload: {
            title: `Page ${from + i}`,
            slug: `page-${from + i}`,
            state: 'ACTIVE',
            acceptingBookings: true,
          },
        })),
      )
      .returning({ id: events.id });
    appended.push(...rows.map((row) => row.id));
  }
  const done = receiver.reset(secret, MESSAGES);
  const dispatcher = new WebhookDispatcher({
    db: database.db,
    keyring,
    policy: DEFAULT_DELIVERY_POLICY,
    targets: 'any',
    concurrency: CONCURRENCY,
    fanOutBatch: 500,
  });
  const started = performance.now();
  dispatcher.start();
  await done;
  const seconds = (performance.now() - started) / 1000;
  await dispatcher.stop();
  const { lines } = await store.deliveries(organization.id, (await store.list(organization.id))[0]!.id, {
    first: MESSAGES,
    status: 'DELIVERED',
  });
  check(receiver.refused() === 0, `${driver}: a message failed verification`);
  check(receiver.ids.size === MESSAGES, `${driver}: ${receiver.ids.size} of ${MESSAGES} messages arrived`);
  check(
    appended.every((id) => receiver.eventIds.has(id)),
    `${driver}: an appended event did not arrive`,
  );
  check(lines.length === MESSAGES, `${driver}: ${lines.length} of ${MESSAGES} deliveries recorded DELIVERED`);
  await database.close();
  await drop();
  return MESSAGES / seconds;
}

const receiver = await startReceiver();
// The machine is shared and noisy: each driver is compared with the mean of baselines taken just before and
// just after it.
const rows: [string, string, string, string][] = [];
let before = await bareLoop(receiver);
for (const driver of ['pg', 'pglite'] as const) {
  const rate = await dispatched(driver, receiver);
  const after = await bareLoop(receiver);
  const baseline = (before + after) / 2;
  const ratio = rate / baseline;
  rows.push([
    `bare signed POST loop around ${driver} (baseline)`,
    `${fmt(before)} → ${fmt(after)} /s`,
    '',
    '',
  ]);
  rows.push([
    `dispatcher on ${driver}`,
    `${fmt(rate)} /s (${fmt(ratio, 2)}×)`,
    '≥ 0.5×',
    ratio >= 0.5 ? 'yes' : 'no',
  ]);
  before = after;
}
receiver.close();
printTable(
  `Outgoing webhooks: ${fmt(MESSAGES)} messages to one loopback receiver, ${CONCURRENCY} in flight`,
  rows,
);
