// Outgoing webhooks end to end on both drivers: events become signed messages that a real receiver verifies
// with the `standardwebhooks` package, in log order, once each; failures are retried with backoff until they
// land or the window ends; a long failure streak disables the endpoint; rotation signs with both secrets for
// the overlap; and nothing crosses organizations.
import type { DriverName } from '@tsunagi/db';
import { deleteExpiredEventBatch, retentionCutoff } from '@tsunagi/db';
import { describeEachDriver } from '@tsunagi/db/testing/suites';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { testKeyring, testOrganization, useTestDatabase } from '../test/world.js';
import { WebhookDispatcher } from './dispatcher.js';
import type { DeliveryPolicy } from './policy.js';
import { WebhookStore } from './store.js';
import { WebhookReceiver } from './testing/receiver.js';

/** Waits in milliseconds, not seconds, so a retry test runs in a moment. */
const SHORT: DeliveryPolicy = {
  initialDelayMs: 10,
  maxDelayMs: 40,
  retryWindowMs: 60_000,
  disableAfterMs: 3_600_000,
  timeoutMs: 2_000,
};

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

interface Body {
  type: string;
  data: { eventId: number; organizationId: string };
}
const bodyOf = (text: string) => JSON.parse(text) as Body;

describeEachDriver('outgoing webhooks (%s)', (driver: DriverName) => {
  const database = useTestDatabase(driver);
  let receiver: WebhookReceiver;
  const dispatchers: WebhookDispatcher[] = [];

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  // Each test's dispatchers stop with it: one left running would work the next test's messages by its policy.
  afterEach(async () => {
    for (const dispatcher of dispatchers.splice(0)) await dispatcher.stop();
    receiver.failNext(0);
  });
  afterAll(async () => {
    await receiver.close();
  });

  function setup(policy: DeliveryPolicy = SHORT, now?: () => Date) {
    const { handle } = database();
    const store = new WebhookStore({ db: handle.db, keyring: testKeyring, policy });
    const dispatcher = new WebhookDispatcher({
      db: handle.db,
      bus: handle.bus,
      keyring: testKeyring,
      policy,
      targets: 'any',
      sweepMs: 25,
      now,
    });
    dispatchers.push(dispatcher);
    return { store, dispatcher };
  }

  it('delivers each wanted event once, in log order, signed so standardwebhooks verifies it', async () => {
    const org = await testOrganization(database());
    await org.pages(2, 'Before');
    const { store, dispatcher } = setup();
    const all = await store.create(org.organizationId, {
      url: receiver.url,
      description: 'all',
      eventTypes: [],
    });
    const created = await store.create(org.organizationId, {
      url: `${receiver.url}?only=created`,
      description: 'created only',
      eventTypes: ['BOOKING_PAGE_CREATED'],
    });
    expect(all.secret).toMatch(/^whsec_/);
    receiver.secrets = [all.secret, created.secret];
    const start = receiver.received.length;
    const before = (await org.eventIds()).length;
    await org.pages(5);
    const ids = (await org.eventIds()).slice(before);
    const createdIds = (await org.eventIds(['BOOKING_PAGE_CREATED'])).filter((id) => ids.includes(id));
    dispatcher.start();
    await receiver.waitFor(start + ids.length + createdIds.length);
    await until(
      async () =>
        (await store.deliveries(org.organizationId, all.endpoint.id, { first: 100 })).lines.every(
          (line) => line.status === 'DELIVERED',
        ),
      'the log',
    );

    const got = receiver.received.slice(start);
    expect(got.every((entry) => entry.verified)).toBe(true);
    // Each endpoint got only its own secret's signature.
    const toAll = got.filter((entry) => entry.verifiedBy.includes(0));
    const toCreated = got.filter((entry) => entry.verifiedBy.includes(1));
    expect(toAll.map((entry) => bodyOf(entry.body).data.eventId).sort((a, b) => a - b)).toEqual(ids);
    expect(toCreated.map((entry) => bodyOf(entry.body).data.eventId).sort((a, b) => a - b)).toEqual(
      createdIds,
    );
    expect(toCreated.every((entry) => bodyOf(entry.body).type === 'BOOKING_PAGE_CREATED')).toBe(true);
    // One message per (endpoint, event): ids never repeat across endpoints or events.
    expect(new Set(got.map((entry) => entry.id)).size).toBe(got.length);
    // Events from before the endpoint existed are not sent.
    expect(
      got.some(
        (entry) =>
          bodyOf(entry.body).data.eventId <= ids[0]! - 1 && !ids.includes(bodyOf(entry.body).data.eventId),
      ),
    ).toBe(false);

    const log = await store.deliveries(org.organizationId, all.endpoint.id, { first: 100 });
    expect(log.lines).toHaveLength(ids.length);
    expect(log.lines.map((line) => line.eventId)).toEqual([...ids].reverse());
    for (const line of log.lines) {
      expect(line).toMatchObject({ status: 'DELIVERED', attempts: 1, responseStatus: 204 });
      expect(line.latencyMs).not.toBeNull();
    }
    // Paging and the status filter.
    const page = await store.deliveries(org.organizationId, all.endpoint.id, { first: 2 });
    expect(page.hasNextPage).toBe(true);
    const next = await store.deliveries(org.organizationId, all.endpoint.id, {
      first: 100,
      after: page.lines[1]!.seq,
    });
    expect([...page.lines, ...next.lines].map((line) => line.id)).toEqual(log.lines.map((line) => line.id));
    expect(
      (await store.deliveries(org.organizationId, all.endpoint.id, { first: 10, status: 'FAILED' })).lines,
    ).toEqual([]);
    await store.delete(org.organizationId, all.endpoint.id);
    await store.delete(org.organizationId, created.endpoint.id);
  });

  it('retries a failing receiver with backoff, with the same webhook-id, until it answers 2xx', async () => {
    const org = await testOrganization(database());
    const { store, dispatcher } = setup();
    const { endpoint, secret } = await store.create(org.organizationId, {
      url: receiver.url,
      description: '',
      eventTypes: [],
    });
    receiver.secrets = [secret];
    const start = receiver.received.length;
    receiver.failNext(3, 503);
    await org.pages(1);
    dispatcher.start();
    await until(
      async () =>
        (await store.deliveries(org.organizationId, endpoint.id, { first: 10 })).lines[0]?.status ===
        'DELIVERED',
      'delivery',
    );
    const got = receiver.received.slice(start);
    expect(got.map((entry) => entry.status)).toEqual([503, 503, 503, 204]);
    expect(new Set(got.map((entry) => entry.id)).size).toBe(1);
    expect(got.every((entry) => entry.verified)).toBe(true);
    const [line] = (await store.deliveries(org.organizationId, endpoint.id, { first: 10 })).lines;
    expect(line).toMatchObject({ status: 'DELIVERED', attempts: 4, responseStatus: 204, lastError: null });
    // Back to healthy: the failure streak is over.
    expect((await store.get(org.organizationId, endpoint.id))?.failingSince).toBeNull();
    await store.delete(org.organizationId, endpoint.id);
  });

  it('marks a message FAILED when the retry window ends, and redelivers it with the same id on request', async () => {
    const org = await testOrganization(database());
    // The dispatcher's clock jumps past the retry window once the receiver has refused three attempts, so a
    // slow machine cannot end the window before the first retry.
    let skipped = 0;
    const { store, dispatcher } = setup(SHORT, () => new Date(Date.now() + skipped));
    const { endpoint, secret } = await store.create(org.organizationId, {
      url: receiver.url,
      description: '',
      eventTypes: [],
    });
    receiver.secrets = [secret];
    receiver.failNext(1_000, 500);
    const start = receiver.received.length;
    await org.pages(1);
    dispatcher.start();
    await until(() => receiver.received.length - start >= 3, 'three refused attempts');
    skipped = 2 * SHORT.retryWindowMs;
    await until(
      async () =>
        (await store.deliveries(org.organizationId, endpoint.id, { first: 10 })).lines[0]?.status ===
        'FAILED',
      'FAILED',
    );
    const [failed] = (await store.deliveries(org.organizationId, endpoint.id, { first: 10 })).lines;
    expect(failed?.attempts).toBeGreaterThanOrEqual(3);
    expect(failed).toMatchObject({ responseStatus: 500, lastError: 'HTTP 500' });
    const tries = receiver.received.length - start;

    receiver.failNext(0);
    const again = await store.redeliver(org.organizationId, failed!.id);
    expect(again).toMatchObject({ status: 'PENDING', attempts: 0 });
    dispatcher.poke();
    await until(
      async () => (await store.delivery(org.organizationId, failed!.id))?.status === 'DELIVERED',
      'redelivery',
    );
    expect(receiver.received.length - start).toBe(tries + 1);
    expect(receiver.received.at(-1)?.id).toBe(failed!.id);
    await store.delete(org.organizationId, endpoint.id);
  });

  it('disables an endpoint that keeps failing, still sends it test messages, and resumes where it stopped', async () => {
    const org = await testOrganization(database());
    const { store, dispatcher } = setup({ ...SHORT, disableAfterMs: 0 });
    const { endpoint, secret } = await store.create(org.organizationId, {
      url: receiver.url,
      description: '',
      eventTypes: [],
    });
    receiver.secrets = [secret];
    receiver.failNext(1, 500);
    await org.pages(1, 'First');
    dispatcher.start();
    await until(async () => (await store.get(org.organizationId, endpoint.id))?.enabled === false, 'disable');
    const disabled = await store.get(org.organizationId, endpoint.id);
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'FAILING' });
    expect(disabled?.disabledAt).toBeInstanceOf(Date);

    // While disabled nothing is fanned out or retried, but a test goes through.
    await org.pages(1, 'While off');
    const test = await store.sendTest(org.organizationId, endpoint.id);
    dispatcher.poke();
    await until(
      async () => (await store.delivery(org.organizationId, test!.id))?.status === 'DELIVERED',
      'test',
    );
    const testBody = receiver.received.find((entry) => entry.id === test!.id);
    expect(testBody?.verified).toBe(true);
    expect(bodyOf(testBody!.body).type).toBe('WEBHOOK_TEST');
    expect((await store.deliveries(org.organizationId, endpoint.id, { first: 10 })).lines).toHaveLength(2);

    // Enabled again: the pending retry and every event since go out.
    const enabled = await store.update(org.organizationId, endpoint.id, { enabled: true });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    dispatcher.poke();
    const eventCount = (await org.eventIds()).length;
    await until(async () => {
      const { lines } = await store.deliveries(org.organizationId, endpoint.id, {
        first: 50,
        status: 'DELIVERED',
      });
      return lines.filter((line) => line.eventId !== null).length === eventCount;
    }, 'resume');
    await store.delete(org.organizationId, endpoint.id);
  });

  it('signs with both secrets during a rotation overlap, then with the new one only', async () => {
    const org = await testOrganization(database());
    const { store, dispatcher } = setup();
    const { endpoint, secret: old } = await store.create(org.organizationId, {
      url: receiver.url,
      description: '',
      eventTypes: [],
    });
    const rotated = await store.rotateSecret(org.organizationId, endpoint.id, 60_000);
    expect(rotated?.secret).not.toBe(old);
    expect(rotated?.endpoint.previousSecretExpiresAt).toBeInstanceOf(Date);
    receiver.secrets = [old, rotated!.secret];
    dispatcher.start();
    const start = receiver.received.length;
    await org.pages(1);
    await receiver.waitFor(start + 1);
    const during = receiver.received[start]!;
    // A receiver that still holds only the old secret, and one that already has the new one, both verify.
    expect(during.verifiedBy).toEqual([0, 1]);
    expect(during.signature.split(' ')).toHaveLength(2);

    const final = await store.rotateSecret(org.organizationId, endpoint.id, 0);
    receiver.secrets = [old, rotated!.secret, final!.secret];
    const next = receiver.received.length;
    await org.pages(1);
    await receiver.waitFor(next + 1);
    expect(receiver.received[next]?.verifiedBy).toEqual([2]);
    await store.delete(org.organizationId, endpoint.id);
  });

  it('keeps endpoints and logs inside their organization, and stores secrets sealed', async () => {
    const mine = await testOrganization(database());
    const theirs = await testOrganization(database());
    const { store } = setup();
    const { endpoint, secret } = await store.create(mine.organizationId, {
      url: receiver.url,
      description: 'mine',
      eventTypes: [],
    });
    const test = await store.sendTest(mine.organizationId, endpoint.id);
    expect(await store.get(theirs.organizationId, endpoint.id)).toBeNull();
    expect(await store.list(theirs.organizationId)).toEqual([]);
    expect(await store.update(theirs.organizationId, endpoint.id, { enabled: false })).toBeNull();
    expect(await store.rotateSecret(theirs.organizationId, endpoint.id, 0)).toBeNull();
    expect(await store.sendTest(theirs.organizationId, endpoint.id)).toBeNull();
    expect(await store.redeliver(theirs.organizationId, test!.id)).toBeNull();
    expect(await store.delivery(theirs.organizationId, test!.id)).toBeNull();
    expect((await store.deliveries(theirs.organizationId, endpoint.id, { first: 10 })).lines).toEqual([]);
    expect(await store.delete(theirs.organizationId, endpoint.id)).toBe(false);
    // Views never carry the secret; the row holds only an envelope.
    expect(JSON.stringify(await store.list(mine.organizationId))).not.toContain(secret.slice(6));
    const { rows } = (await database().handle.db.execute(
      `SELECT secret FROM outgoing_webhook_endpoints WHERE id = '${endpoint.id}'` as never,
    )) as unknown as { rows: { secret: string }[] };
    expect(rows[0]?.secret).not.toContain(secret.slice(6));
    expect(await store.delete(mine.organizationId, endpoint.id)).toBe(true);
  });

  it('never sends one event twice when two dispatchers share the database', async () => {
    const org = await testOrganization(database());
    const { store, dispatcher: one } = setup();
    const { dispatcher: two } = setup();
    const { endpoint, secret } = await store.create(org.organizationId, {
      url: receiver.url,
      description: '',
      eventTypes: [],
    });
    receiver.secrets = [secret];
    const start = receiver.received.length;
    await org.pages(10);
    const count = (await org.eventIds()).length;
    one.start();
    two.start();
    await until(async () => {
      const { lines } = await store.deliveries(org.organizationId, endpoint.id, {
        first: 100,
        status: 'DELIVERED',
      });
      return lines.length === count;
    }, 'every event');
    const got = receiver.received.slice(start);
    expect(got).toHaveLength(count);
    expect(new Set(got.map((entry) => entry.id)).size).toBe(count);
    await store.delete(org.organizationId, endpoint.id);
  });

  it('tells an endpoint of events retention removed before it got them, then resumes after the gap', async () => {
    const org = await testOrganization(database());
    const { handle } = database();
    const { store, dispatcher } = setup();
    const { endpoint, secret } = await store.create(org.organizationId, {
      url: receiver.url,
      description: '',
      eventTypes: ['BOOKING_PAGE_CREATED'],
    });
    receiver.secrets = [secret];
    await store.update(org.organizationId, endpoint.id, { enabled: false });
    const before = await org.eventIds();
    await org.pages(3, 'Gone');
    const gone = (await org.eventIds()).filter((id) => !before.includes(id));
    await org.pages(2, 'Kept');
    const kept = (await org.eventIds(['BOOKING_PAGE_CREATED'])).filter(
      (id) => !before.includes(id) && !gone.includes(id),
    );
    expect(kept).toHaveLength(2);
    // Retention takes the first pages' events while the endpoint is off.
    await handle.db.execute(
      sql`UPDATE events SET created_at = now() - interval '400 days' WHERE organization_id = ${org.organizationId} AND id <= ${Math.max(...gone)}`,
    );
    expect(await deleteExpiredEventBatch(handle.db, retentionCutoff(30), 10_000)).toBe(
      before.length + gone.length,
    );

    const start = receiver.received.length;
    await store.update(org.organizationId, endpoint.id, { enabled: true });
    dispatcher.start();
    await receiver.waitFor(start + 1 + kept.length);
    await until(async () => {
      const { lines } = await store.deliveries(org.organizationId, endpoint.id, { first: 10 });
      return lines.length === 1 + kept.length && lines.every((line) => line.status === 'DELIVERED');
    }, 'the gap notice and the kept events');
    const got = receiver.received.slice(start).map((entry) => {
      expect(entry.verified).toBe(true);
      return JSON.parse(entry.body) as { type: string; data: Record<string, unknown> };
    });
    // One notice of where the gap starts and ends, and the events after it.
    const notices = got.filter((body) => body.type === 'EVENTS_EXPIRED');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      type: 'EVENTS_EXPIRED',
      data: {
        organizationId: org.organizationId,
        cursor: Math.max(0, ...before),
        oldestCursor: Math.max(...gone),
      },
    });
    const events = got.filter((body) => body.type !== 'EVENTS_EXPIRED');
    expect(events.map((body) => Number(body.data.eventId)).sort((a, b) => a - b)).toEqual(kept);
    await store.delete(org.organizationId, endpoint.id);
  });
});
