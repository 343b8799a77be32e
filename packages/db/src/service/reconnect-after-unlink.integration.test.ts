// An unlink wins over a reconnect that was already under way (issue 10 §2): markReconnected with the flow's
// start refuses a connection unlinked since then, under the connection's row lock, so an unlink that commits
// between the OAuth flow's own read and its write still wins. A reconnect started after the unlink relinks.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../../test/drivers.js';
import { createTestOrganization, TestClock, testKeyring, value } from '../../test/fixtures.js';
import { createCredentialStore } from '../credentials.js';
import type { Database } from '../database.js';
import { InProcessEventBus } from '../event-bus.js';
import { createStateService, type StateService, systemActor } from './state-service.js';

describeEachDriver('reconnect after an unlink on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let clock: TestClock;
  let service: StateService;

  beforeAll(() => {
    db = database().handle.db;
    clock = new TestClock();
    service = createStateService({ db, bus: new InProcessEventBus(), keyring: testKeyring, now: clock.now });
  });

  it('refuses a reconnect started before the unlink, and changes nothing; one started after relinks', async () => {
    const org = await createTestOrganization(db, ['owner']);
    const actor = systemActor(org.organizationId);
    const { connection } = value(
      await service.createConnection(actor, {
        userId: org.users.owner,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: 'owner-google',
      }),
    );
    const startedBefore = clock.now();
    clock.advance(1_000);
    value(await service.unlinkConnection(actor, connection.id));
    clock.advance(1_000);

    expect(
      await service.markReconnected(
        actor,
        connection.id,
        { accessToken: 'late' },
        { startedAt: startedBefore },
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = await db.query.connections.findFirst({ where: (c, { eq }) => eq(c.id, connection.id) });
    expect(after?.status).toBe('DISCONNECTED');
    expect(await createCredentialStore(db, testKeyring).load(org.organizationId, connection.id)).toBeNull();

    const startedAfter = clock.now();
    const relinked = value(
      await service.markReconnected(
        actor,
        connection.id,
        { accessToken: 'fresh' },
        { startedAt: startedAfter },
      ),
    );
    expect(relinked.connection.status).toBe('CONNECTED');
  });
});
