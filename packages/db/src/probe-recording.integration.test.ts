// Recording probe results at scale: healthy probes that change nothing share one SQL statement; anything else
// (a failure, a warning, a connection not in the steady state, another organization's id) takes the state
// service's transaction, as before.
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, REVOKED, TestClock, testKeyring, value } from '../test/fixtures.js';
import { createCredentialStore } from './credentials.js';
import type { Database } from './database.js';
import { readEvents } from './events.js';
import { createProbeRecorder, type ProbeRecorder } from './probe-recording.js';
import { connections } from './schema.js';
import { createStateService, type StateService, systemActor } from './service/state-service.js';

const CONNECTIONS = 40;

describeEachDriver('probe recording on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let clock: TestClock;
  let service: StateService;
  let recorder: ProbeRecorder;
  let organizationId: string;
  let otherOrganizationId: string;
  let ids: string[];
  let pageId: string;

  beforeAll(async () => {
    db = database().handle.db;
    clock = new TestClock();
    service = createStateService({ db, bus: database().handle.bus, keyring: testKeyring, now: clock.now });
    recorder = createProbeRecorder({ db, state: service, now: clock.now });
    const org = await createTestOrganization(db, ['owner', 'solo'], { owner: 'ADMIN' });
    organizationId = org.organizationId;
    otherOrganizationId = (await createTestOrganization(db, [])).organizationId;
    const actor = systemActor(organizationId);
    ids = [];
    // The first is the calendar of the page's only member; the others belong to someone else.
    for (let i = 0; i < CONNECTIONS; i++) {
      const { connection } = value(
        await service.createConnection(actor, {
          userId: i === 0 ? org.users.solo : org.users.owner,
          provider: 'GOOGLE_CALENDAR',
          accountExternalId: `account-${i}`,
          credentials: { accessToken: `token-${i}`, scopes: ['calendar'] },
        }),
      );
      ids.push(connection.id);
    }
    const page = value(
      await service.createBookingPage(
        { organizationId, role: 'ADMIN', userId: org.users.owner },
        { title: 'Probed', ownerId: org.users.solo },
      ),
    );
    pageId = page.id;
  });

  const stored = () => db.select().from(connections).where(inArray(connections.id, ids));

  it('records a batch of healthy probes that change nothing in one SQL statement', async () => {
    const before = new Map((await stored()).map((row) => [row.id, row]));
    const cursor = (await readEvents(db, organizationId, 0, 10_000)).length;
    const at = clock.advance(60_000);
    const { queries } = database();
    queries.length = 0;

    const recorded = await Promise.all(ids.map((id) => recorder.record(organizationId, id, { ok: true })));

    expect(recorded.map((result) => (result.ok ? result.value : result.error.code))).toEqual(
      ids.map(() => 'BATCHED'),
    );
    // One round trip for all of them (no transaction, no read, no event).
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/^\s*UPDATE connections/);
    for (const row of await stored()) {
      const was = before.get(row.id)!;
      expect(row.lastCheckedAt?.getTime()).toBe(at.getTime());
      expect(row.version).toBe(was.version + 1);
      expect({ ...row, lastCheckedAt: null, version: 0, updatedAt: null }).toEqual({
        ...was,
        lastCheckedAt: null,
        version: 0,
        updatedAt: null,
      });
    }
    expect((await readEvents(db, organizationId, 0, 10_000)).length).toBe(cursor);
  });

  it('loads the credentials of probes that start together with one query', async () => {
    const credentials = createCredentialStore(db, testKeyring);
    const { queries } = database();
    queries.length = 0;
    const loaded = await Promise.all(ids.map((id) => credentials.load(organizationId, id)));
    expect(loaded.map((tokens) => tokens?.accessToken)).toEqual(ids.map((_, i) => `token-${i}`));
    expect(queries).toHaveLength(1);
    // Another organization's connection is not found, even in a shared read.
    const [foreign, own] = await Promise.all([
      credentials.load(otherOrganizationId, ids[0]!),
      credentials.load(organizationId, ids[1]!),
    ]);
    expect(foreign).toBeNull();
    expect(own?.accessToken).toBe('token-1');
  });

  it('records a status change in its own transaction with its pages and events, and batches the rest', async () => {
    const [broken, ...healthy] = ids;
    clock.advance(60_000);
    const { queries } = database();
    queries.length = 0;
    const [brokenResult, ...healthyResults] = await Promise.all([
      recorder.record(organizationId, broken!, { ok: false, classification: REVOKED }),
      ...healthy.map((id) => recorder.record(organizationId, id, { ok: true })),
    ]);
    expect(brokenResult).toEqual({ ok: true, value: 'TRANSACTION' });
    expect(healthyResults.every((result) => result.ok && result.value === 'BATCHED')).toBe(true);
    expect(queries.filter((query) => /^\s*UPDATE connections AS c/.test(query))).toHaveLength(1);
    const [row] = await db.select().from(connections).where(eq(connections.id, broken!));
    expect(row?.status).toBe('ERROR');
    const events = await readEvents(db, organizationId, 0, 10_000);
    const last = events.slice(-2);
    // The connection's change and the page it disabled, appended by the same transaction.
    expect(last.map((event) => event.type)).toEqual([
      'CONNECTION_STATUS_CHANGED',
      'BOOKING_PAGE_STATE_CHANGED',
    ]);
    expect(last[1]?.bookingPageId).toBe(pageId);
    expect(last[0]?.createdAt.getTime()).toBe(last[1]?.createdAt.getTime());

    // A healthy probe of the broken connection is not a no-op: the full path decides (hysteresis).
    queries.length = 0;
    const again = await recorder.record(organizationId, broken!, { ok: true });
    expect(again).toEqual({ ok: true, value: 'TRANSACTION' });
    expect(queries.length).toBeGreaterThan(1);
  });

  it("answers NOT_FOUND for another organization's connection and changes nothing", async () => {
    const [row] = await db.select().from(connections).where(eq(connections.id, ids[2]!));
    const answer = await recorder.record(otherOrganizationId, ids[2]!, { ok: true });
    expect(answer.ok ? answer.value : answer.error.code).toBe('NOT_FOUND');
    const [after] = await db.select().from(connections).where(eq(connections.id, ids[2]!));
    expect(after).toEqual(row);
  });
});
