// Breakage predicted (issue 14 §2): a probe's prediction is stored on the connection while it is AT_RISK, rides on
// CONNECTION_HEALTH_CHANGED (the notifications' contract), and the banner counts show the soonest break.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, TestClock, testKeyring, value } from '../test/fixtures.js';
import type { Database } from './database.js';
import { InProcessEventBus } from './event-bus.js';
import { latestEventId, readEvents } from './events.js';
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

    // Reconnected (a fresh grant, the app published): healthy, and the prediction is gone.
    const healthy = value(await service.recordProbeResult(actor, connection.id, { ok: true })).connection;
    expect(healthy).toMatchObject({ health: 'HEALTHY', breaksAt: null, atRiskReason: null });
    expect(await reads.alertCounts({ organizationId: org.organizationId })).toMatchObject({
      atRiskConnections: 0,
      earliestBreaksAt: null,
    });
  });
});
