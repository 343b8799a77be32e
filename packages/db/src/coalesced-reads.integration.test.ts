// Concurrent viewers' reads by id merged into one query, on both drivers: the answers are each viewer's own
// (a member merged with an admin still sees only their pages; another organization's ids stay null), errors
// reach every caller, and the merge happens only within a turn of the event loop.
import { expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, TestClock, testKeyring, value } from '../test/fixtures.js';
import { CoalescedReadRepository, coalesceLoads } from './coalesced-reads.js';
import { createReadRepository } from './repositories.js';
import { createStateService, systemActor } from './service/state-service.js';

describeEachDriver('coalesced reads on %s', (driver) => {
  const database = useTestDatabase(driver);

  async function world() {
    const { handle } = database();
    const service = createStateService({
      db: handle.db,
      bus: handle.bus,
      keyring: testKeyring,
      now: new TestClock().now,
    });
    const org = await createTestOrganization(handle.db, ['admin', 'ann', 'bob'], { admin: 'ADMIN' });
    const other = await createTestOrganization(handle.db, ['eve']);
    const page = async (organizationId: string, ownerId: string, title: string) =>
      value(await service.createBookingPage(systemActor(organizationId), { title, ownerId })).id;
    return {
      org,
      other,
      annPage: await page(org.organizationId, org.users.ann, 'Ann'),
      bobPage: await page(org.organizationId, org.users.bob, 'Bob'),
      evePage: await page(other.organizationId, other.users.eve, 'Eve'),
    };
  }

  it('answers each viewer as the plain repository does, with one query per scope', async () => {
    const { handle, queries } = database();
    const { org, other, annPage, bobPage, evePage } = await world();
    const plain = createReadRepository(handle.db);
    const merged = new CoalescedReadRepository(handle.db);
    const admin = { organizationId: org.organizationId };
    const ann = { organizationId: org.organizationId, viewerId: org.users.ann };
    const bob = { organizationId: org.organizationId, viewerId: org.users.bob };
    const pageIds = [annPage, bobPage, evePage, 'bpg_missing'];
    const userIds = [org.users.ann, org.users.bob, other.users.eve];

    const expected = await Promise.all([
      plain.pagesByIds(admin, pageIds),
      plain.pagesByIds(ann, pageIds),
      plain.pagesByIds(bob, [bobPage, annPage]),
      plain.usersByIds(ann, userIds),
      plain.usersByIds(admin, [org.users.admin]),
    ]);
    // What a member may not see, and another organization's rows, are null, as without the merge.
    expect(expected[1].map((row) => row?.id ?? null)).toEqual([annPage, null, null, null]);
    expect(expected[3].map((row) => row?.id ?? null)).toEqual([org.users.ann, org.users.bob, null]);

    queries.length = 0;
    const answers = await Promise.all([
      merged.pagesByIds(admin, pageIds),
      merged.pagesByIds(ann, pageIds),
      merged.pagesByIds(bob, [bobPage, annPage]),
      merged.usersByIds(ann, userIds),
      merged.usersByIds(admin, [org.users.admin]),
      merged.pagesByIds(admin, [annPage]),
    ]);
    expect(answers.slice(0, 5)).toEqual(expected);
    expect(answers[5]?.map((row) => row?.id)).toEqual([annPage]);
    // Pages: one query per scope (admin, ann, bob); users: one for the organization.
    expect(queries.filter((query) => /from "booking_pages"/.test(query))).toHaveLength(3);
    expect(queries.filter((query) => /from "users"/.test(query))).toHaveLength(1);
  });

  it('hands a failure to every caller of the merged call, and does not merge across turns', async () => {
    let calls = 0;
    const failing = coalesceLoads<{ id: string }>(
      (scope) => scope.organizationId,
      async () => {
        calls++;
        throw new Error('database gone');
      },
    );
    const scope = { organizationId: 'org_x' };
    const results = await Promise.allSettled([failing(scope, ['a']), failing(scope, ['b'])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);

    const seen: string[][] = [];
    const echo = coalesceLoads<{ id: string }>(
      (s) => s.organizationId,
      async (_s, ids) => {
        seen.push([...ids]);
        return ids.map((id) => ({ id }));
      },
    );
    expect(await echo(scope, ['a', 'b', 'a'])).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'a' }]);
    expect(await echo(scope, ['c'])).toEqual([{ id: 'c' }]);
    expect(seen).toEqual([['a', 'b'], ['c']]);
  });
});
