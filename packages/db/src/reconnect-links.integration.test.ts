// Reconnect links are used at most once, even when two openers race, expire on the store's clock, and a
// link given back (its flow could not start) is usable again.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, TestClock, testKeyring, value } from '../test/fixtures.js';
import type { Database } from './database.js';
import { createReconnectLinkStore, type ReconnectLinkStore } from './reconnect-links.js';
import { createStateService, systemActor } from './service/state-service.js';

describeEachDriver('Reconnect links on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let clock: TestClock;
  let links: ReconnectLinkStore;

  beforeAll(() => {
    db = database().handle.db;
    clock = new TestClock();
    links = createReconnectLinkStore(db, testKeyring, { now: clock.now });
  });

  async function linked() {
    const { handle } = database();
    const org = await createTestOrganization(db, ['owner']);
    const service = createStateService({ db, bus: handle.bus, keyring: testKeyring, now: clock.now });
    const { connection } = value(
      await service.createConnection(systemActor(org.organizationId), {
        userId: org.users.owner,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: 'owner-google',
      }),
    );
    return { ...org, connectionId: connection.id };
  }

  it('lets one of two racing openers win, and gives a released link back', async () => {
    const { organizationId, connectionId, users } = await linked();
    const issued = await links.issue({ organizationId, connectionId });
    if (issued === null) throw new Error('no link');
    const results = await Promise.all(Array.from({ length: 6 }, () => links.redeem(issued.token)));
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({
      ok: true,
      value: { organizationId, connectionId, userId: users.owner, provider: 'GOOGLE_CALENDAR' },
    });
    expect(results.filter((result) => !result.ok)).toEqual(
      Array.from({ length: 5 }, () => ({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'This reconnect link was already used',
          reason: 'LINK_ALREADY_USED',
        },
      })),
    );
    const winner = winners[0];
    if (winner === undefined || !winner.ok) throw new Error('no winner');
    await links.release(winner.value.linkId);
    expect(await links.redeem(issued.token)).toMatchObject({ ok: true, value: { connectionId } });
  });

  it('expires on its clock and is issued only for the organization’s own connection', async () => {
    const { organizationId, connectionId } = await linked();
    const other = await linked();
    expect(await links.issue({ organizationId, connectionId: other.connectionId })).toBeNull();
    const issued = await links.issue({ organizationId, connectionId, ttlSeconds: 60 });
    if (issued === null) throw new Error('no link');
    expect(issued.expiresAt.getTime() - clock.now().getTime()).toBe(60_000);
    clock.advance(60_000);
    expect(await links.redeem(issued.token)).toMatchObject({ ok: false, error: { reason: 'LINK_EXPIRED' } });
    clock.advance(-1);
    expect(await links.redeem(issued.token)).toMatchObject({ ok: true });
  });
});
