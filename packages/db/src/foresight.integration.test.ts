// Breakage predicted (issue 14 §2): a probe's prediction is stored on the connection while it is AT_RISK, rides on
// CONNECTION_HEALTH_CHANGED (the notifications' contract), and the banner counts show the soonest break.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, TestClock, testKeyring, value } from '../test/fixtures.js';
import { createCredentialStore } from './credentials.js';
import type { Database } from './database.js';
import { InProcessEventBus } from './event-bus.js';
import { latestEventId, readEvents } from './events.js';
import { listGrantFacts, readGrantFacts } from './grant-facts.js';
import type { ProviderErrorClassificationLike } from './hysteresis.js';
import { createReadRepository } from './repositories.js';
import { createStateService, type StateService, systemActor } from './service/state-service.js';

const DAY = 24 * 60 * 60 * 1000;
const EXPIRING: ProviderErrorClassificationLike = {
  code: 'AUTH_EXPIRED',
  action: 'REAUTHORIZE',
  retryable: false,
  connectionBroken: false,
  message: 'The grant will expire',
};

describeEachDriver('breakage predicted on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let clock: TestClock;
  let service: StateService;

  beforeAll(() => {
    db = database().handle.db;
    clock = new TestClock(new Date('2026-12-06T09:00:00.000Z'));
    service = createStateService({ db, bus: new InProcessEventBus(), keyring: testKeyring, now: clock.now });
  });

  it('stores when and why a connection breaks, emits it, counts it, and clears it when the risk is gone', async () => {
    const org = await createTestOrganization(db, ['owner'], { owner: 'ADMIN' });
    const actor = systemActor(org.organizationId);
    const { connection } = value(
      await service.createConnection(actor, {
        userId: org.users.owner,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: 'owner-google',
      }),
    );
    // What @tsunagi/providers' predictBreakage says of a grant issued two days ago to an app still in Testing.
    const risk = {
      breaksAt: new Date('2026-12-11T09:00:00.000Z'),
      reason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY',
    };
    const cursor = await latestEventId(db, org.organizationId);

    const atRisk = value(
      await service.recordProbeResult(actor, connection.id, {
        ok: true,
        atRisk: EXPIRING,
        foresight: risk,
      }),
    ).connection;
    expect(atRisk).toMatchObject({
      status: 'CONNECTED',
      health: 'AT_RISK',
      breaksAt: new Date('2026-12-11T09:00:00.000Z'),
      atRiskReason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY',
    });
    const [event] = await readEvents(db, org.organizationId, cursor);
    expect(event).toMatchObject({
      type: 'CONNECTION_HEALTH_CHANGED',
      connectionId: connection.id,
      payload: {
        from: 'HEALTHY',
        to: 'AT_RISK',
        breaksAt: '2026-12-11T09:00:00.000Z',
        atRiskReason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY',
      },
    });
    const reads = createReadRepository(db);
    expect(await reads.alertCounts({ organizationId: org.organizationId })).toMatchObject({
      atRiskConnections: 1,
      earliestBreaksAt: new Date('2026-12-11T09:00:00.000Z'),
    });

    // A later prediction of the same risk moves breaksAt: the owner's warning must follow it.
    const moved = await latestEventId(db, org.organizationId);
    clock.advance(DAY);
    const later = new Date('2026-12-12T09:00:00.000Z');
    value(
      await service.recordProbeResult(actor, connection.id, {
        ok: true,
        atRisk: EXPIRING,
        foresight: { breaksAt: later, reason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY' },
      }),
    );
    const [movedEvent] = await readEvents(db, org.organizationId, moved);
    expect(movedEvent?.payload).toMatchObject({
      from: 'AT_RISK',
      to: 'AT_RISK',
      breaksAt: later.toISOString(),
    });

    // A probe that finds the grant working says nothing of when it stops: the prediction stays, no event.
    const quiet = await latestEventId(db, org.organizationId);
    const probed = value(await service.recordProbeResult(actor, connection.id, { ok: true })).connection;
    expect(probed).toMatchObject({
      health: 'AT_RISK',
      breaksAt: later,
      atRiskReason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY',
    });
    expect(await readEvents(db, org.organizationId, quiet)).toEqual([]);

    // Foresight sees no break any more (a fresh grant, the app published): healthy, and the prediction is gone.
    const healthy = value(await service.recordForesight(actor, connection.id, null));
    expect(healthy).toMatchObject({ health: 'HEALTHY', breaksAt: null, atRiskReason: null });
    expect(await reads.alertCounts({ organizationId: org.organizationId })).toMatchObject({
      atRiskConnections: 0,
      earliestBreaksAt: null,
    });
  });

  it('foresight alone: AT_RISK with breaksAt once (the same prediction again writes and emits nothing)', async () => {
    const org = await createTestOrganization(db, ['owner']);
    const actor = systemActor(org.organizationId);
    const { connection } = value(
      await service.createConnection(actor, {
        userId: org.users.owner,
        provider: 'MICROSOFT_CALENDAR',
        accountExternalId: 'owner-ms',
        credentials: { accessToken: 'at', refreshToken: 'rt' },
      }),
    );
    const prediction = {
      breaksAt: new Date(clock.now().getTime() + 5 * DAY),
      reason: 'MICROSOFT_REFRESH_TOKEN_INACTIVITY',
    };
    const cursor = await latestEventId(db, org.organizationId);
    const first = value(await service.recordForesight(actor, connection.id, prediction));
    expect(first).toMatchObject({ health: 'AT_RISK', breaksAt: prediction.breaksAt, lastError: null });
    const again = value(await service.recordForesight(actor, connection.id, prediction));
    expect(again.version).toBe(first.version);
    const events = await readEvents(db, org.organizationId, cursor);
    expect(events.map((event) => event.type)).toEqual(['CONNECTION_HEALTH_CHANGED']);
    // An ERROR connection takes no prediction (its break is here already).
    value(await service.markConnectionError(actor, connection.id, { ...EXPIRING, connectionBroken: true }));
    const broken = value(await service.recordForesight(actor, connection.id, prediction));
    expect(broken).toMatchObject({ status: 'ERROR', breaksAt: null });
  });

  it('records when a grant was issued and used, and the live grants of its account', async () => {
    const a = await createTestOrganization(db, ['owner']);
    const b = await createTestOrganization(db, ['owner']);
    const account = `shared-${Math.random().toString(36).slice(2)}`;
    const link = async (org: typeof a) =>
      value(
        await service.createConnection(systemActor(org.organizationId), {
          userId: org.users.owner,
          provider: 'GOOGLE_CALENDAR',
          accountExternalId: account,
          credentials: { accessToken: 'at', refreshToken: 'rt', scopes: ['s1'] },
        }),
      ).connection;
    const issuedAt = clock.now();
    const first = await link(a);
    clock.advance(DAY);
    const second = await link(b);
    let facts = await readGrantFacts(db, [first.id, second.id]);
    expect(facts.get(first.id)).toMatchObject({
      issuedAt,
      lastUsedAt: issuedAt,
      grantedScopes: ['s1'],
      liveGrants: { count: 2, newer: 1 },
    });
    expect(facts.get(second.id)?.liveGrants).toEqual({ count: 2, newer: 0 });

    // A refresh is use, not issue.
    clock.advance(DAY);
    const store = createCredentialStore(db, testKeyring, { now: clock.now });
    expect(await store.save(a.organizationId, first.id, { accessToken: 'at2', refreshToken: 'rt' })).toBe(
      true,
    );
    facts = await readGrantFacts(db, [first.id]);
    expect(facts.get(first.id)).toMatchObject({ issuedAt, lastUsedAt: clock.now() });

    // A reconnect issues another grant (the first stays live at the provider): the first is no longer the oldest.
    value(
      await service.markReconnected(systemActor(a.organizationId), first.id, {
        accessToken: 'at3',
        refreshToken: 'rt3',
      }),
    );
    facts = await readGrantFacts(db, [first.id, second.id]);
    expect(facts.get(first.id)).toMatchObject({ issuedAt: clock.now(), liveGrants: { count: 3, newer: 0 } });
    expect(facts.get(second.id)?.liveGrants).toEqual({ count: 3, newer: 1 });

    // An unlink revokes: its grants are not live any more.
    value(await service.unlinkConnection(systemActor(a.organizationId), first.id));
    facts = await readGrantFacts(db, [first.id, second.id]);
    expect(facts.has(first.id)).toBe(false);
    expect(facts.get(second.id)?.liveGrants).toEqual({ count: 1, newer: 0 });
    const page = await listGrantFacts(db, { after: null, limit: 10_000 });
    expect(page.map((row) => row.connectionId)).toContain(second.id);
    expect(page.map((row) => row.connectionId)).not.toContain(first.id);
  });
});
