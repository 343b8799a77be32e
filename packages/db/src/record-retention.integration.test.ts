// The other tables' retention on both drivers: exactly the rows that stopped meaning anything go (expired OAuth
// states and replay keys at once; reconnect links, settled deliveries and settled notifications after the log
// retention), in batches; pending work and anything younger stays; 0 days keeps the logs.
import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, testKeyring, value } from '../test/fixtures.js';
import { newId } from './ids.js';
import { RETAINED_RECORDS, type RetainedRecord, sweepExpiredRecords } from './record-retention.js';
import {
  notifications,
  oauthStates,
  reconnectLinks,
  webhookDeliveries,
  webhookEndpoints,
  webhookMessages,
} from './schema.js';
import { createStateService, systemActor } from './service/state-service.js';

const DAY = 86_400_000;

describeEachDriver('record retention on %s', (driver) => {
  const database = useTestDatabase(driver);

  it('deletes exactly the expired and settled rows, in batches, and keeps pending work', async () => {
    const { db, bus } = database().handle;
    const now = new Date('2026-12-06T12:00:00Z');
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const org = await createTestOrganization(db, ['owner']);
    const service = createStateService({ db, bus, keyring: testKeyring, now: () => now });
    const { connection } = value(
      await service.createConnection(systemActor(org.organizationId), {
        userId: org.users.owner,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: 'owner-google',
      }),
    );
    const base = { organizationId: org.organizationId };
    const [endpoint] = await db
      .insert(webhookEndpoints)
      .values({ ...base, id: newId('whe'), url: 'https://hooks.example.test/in', secret: 'sealed' })
      .returning();
    if (endpoint === undefined) throw new Error('no endpoint');

    // Each table: the ids that must go and the ids that must stay.
    const doomed: Partial<Record<RetainedRecord, string[]>> = {};
    const kept: Partial<Record<RetainedRecord, string[]>> = {};
    const mark = (table: RetainedRecord, id: string, goes: boolean) => {
      const into = goes ? doomed : kept;
      into[table] = [...(into[table] ?? []), id];
      return id;
    };

    await db.insert(oauthStates).values(
      [
        { expiresAt: ago(0.01), goes: true },
        { expiresAt: ago(3), goes: true },
        { expiresAt: new Date(now.getTime() + 600_000), goes: false },
      ].map(({ expiresAt, goes }, i) => ({
        ...base,
        id: mark('oauthStates', newId('oas'), goes),
        userId: org.users.owner,
        provider: 'GOOGLE_CALENDAR' as const,
        stateHash: `${org.organizationId}-${i}`,
        keyId: 'k1',
        codeVerifierCiphertext: 'sealed',
        redirectUri: 'https://app.example.test/cb',
        expiresAt,
      })),
    );
    await db.insert(webhookDeliveries).values([
      { key: mark('providerWebhookKeys', `zoom-old-${driver}`, true), provider: 'zoom', expiresAt: ago(1) },
      {
        key: mark('providerWebhookKeys', `zoom-new-${driver}`, false),
        provider: 'zoom',
        expiresAt: new Date(now.getTime() + 60_000),
      },
    ]);
    await db.insert(reconnectLinks).values(
      [
        { expiresAt: ago(31), goes: true },
        // Expired, but recently: opening it still says "expired", not "unknown".
        { expiresAt: ago(2), goes: false },
        { expiresAt: new Date(now.getTime() + DAY), goes: false },
      ].map(({ expiresAt, goes }) => ({
        ...base,
        id: mark('reconnectLinks', newId('rcl'), goes),
        connectionId: connection.id,
        keyId: 'k1',
        expiresAt,
      })),
    );
    await db.insert(webhookMessages).values(
      (
        [
          { status: 'DELIVERED', createdAt: ago(40), goes: true },
          { status: 'FAILED', createdAt: ago(35), goes: true },
          { status: 'DELIVERED', createdAt: ago(31), goes: true },
          // Still being retried: work, not log.
          { status: 'PENDING', createdAt: ago(40), goes: false },
          { status: 'DELIVERED', createdAt: ago(5), goes: false },
        ] as const
      ).map(({ status, createdAt, goes }, i) => ({
        ...base,
        id: mark('webhookDeliveryLog', newId('msg'), goes),
        endpointId: endpoint.id,
        eventId: i + 1,
        eventType: 'BOOKING_PAGE_CREATED',
        body: '{}',
        status,
        nextAttemptAt: createdAt,
        retryUntil: createdAt,
        createdAt,
      })),
    );
    await db.insert(notifications).values(
      (
        [
          { status: 'SENT', createdAt: ago(45), goes: true },
          { status: 'FAILED', createdAt: ago(45), goes: true },
          { status: 'PENDING', createdAt: ago(45), goes: false },
          { status: 'SENT', createdAt: ago(1), goes: false },
        ] as const
      ).map(({ status, createdAt, goes }, i) => ({
        ...base,
        id: mark('notifications', newId('ntf'), goes),
        eventId: 1_000 + i,
        recipientId: org.users.owner,
        kind: 'CONNECTION_BROKEN' as const,
        connectionId: connection.id,
        status,
        nextAttemptAt: createdAt,
        createdAt,
      })),
    );

    // 0 days keeps the logs and the links; only the expired flow credentials go.
    const credentialsOnly = await sweepExpiredRecords(db, { now, logDays: 0, batchSize: 1, pauseMs: 0 });
    expect(credentialsOnly.reconnectLinks + credentialsOnly.webhookDeliveryLog).toBe(0);
    expect(credentialsOnly.notifications).toBe(0);
    expect(credentialsOnly.oauthStates).toBeGreaterThanOrEqual(2);

    const swept = await sweepExpiredRecords(db, { now, logDays: 30, batchSize: 1, pauseMs: 0 });
    expect(Object.keys(swept).sort()).toEqual([...RETAINED_RECORDS].sort());
    // Rows of other tests in this database may expire too; ours are counted below.
    expect(swept.webhookDeliveryLog).toBeGreaterThanOrEqual(3);

    const remaining = {
      oauthStates: await ids(oauthStates, oauthStates.id, 'oauthStates'),
      providerWebhookKeys: await ids(webhookDeliveries, webhookDeliveries.key, 'providerWebhookKeys'),
      reconnectLinks: await ids(reconnectLinks, reconnectLinks.id, 'reconnectLinks'),
      webhookDeliveryLog: await ids(webhookMessages, webhookMessages.id, 'webhookDeliveryLog'),
      notifications: await ids(notifications, notifications.id, 'notifications'),
    };
    for (const table of RETAINED_RECORDS) {
      expect(remaining[table].sort(), table).toEqual([...(kept[table] ?? [])].sort());
    }

    async function ids(table: PgTable, key: PgColumn, name: RetainedRecord): Promise<string[]> {
      const ours = [...(doomed[name] ?? []), ...(kept[name] ?? [])];
      const rows = await db.select({ key }).from(table).where(inArray(key, ours));
      return rows.map((row) => String(row.key));
    }
  });
});
