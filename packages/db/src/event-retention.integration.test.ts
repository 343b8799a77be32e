import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, describePostgres, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, TestClock, testKeyring, value } from '../test/fixtures.js';
import type { DatabaseHandle } from './database.js';
import {
  deleteExpiredEventBatch,
  EventsExpiredError,
  expiredThrough,
  isEventsExpiredError,
  retentionCutoff,
  sweepExpiredEvents,
} from './event-retention.js';
import { followEvents, latestEventId, readEvents, type TsunagiEvent } from './events.js';
import { createStateService, type StateService, systemActor } from './service/state-service.js';

const DAY = 86_400_000;

describeEachDriver('event retention on %s', (driver) => {
  const database = useTestDatabase(driver);
  // One clock for the file, only ever moved forward: each test's events are newer than the previous test's.
  const clock = new TestClock();
  let service: StateService;

  beforeAll(() => {
    const { handle } = database();
    service = createStateService({ db: handle.db, bus: handle.bus, keyring: testKeyring, now: clock.now });
  });

  async function organization() {
    const org = await createTestOrganization(database().handle.db, ['owner']);
    return { ...org, actor: systemActor(org.organizationId) };
  }

  async function createPages(org: Awaited<ReturnType<typeof organization>>, count: number) {
    for (let i = 0; i < count; i++) {
      value(await service.createBookingPage(org.actor, { title: `Page ${i}`, ownerId: org.users.owner }));
    }
    return readEvents(database().handle.db, org.organizationId, await keptFrom(org.organizationId), 1000);
  }

  const keptFrom = (organizationId: string) => expiredThrough(database().handle.db, organizationId);

  /** The sweep a gateway with a retention of 30 days would run now. */
  const sweep = (batchSize: number, onBatch?: (deleted: number) => void) =>
    sweepExpiredEvents(database().handle.db, {
      olderThan: retentionCutoff(30, clock.now()),
      batchSize,
      pauseMs: 1,
      ...(onBatch === undefined ? {} : { onBatch }),
    });

  it('deletes only the events older than the retention, in batches, and keeps per organization the highest id it deleted', async () => {
    const { db } = database().handle;
    clock.advance(100 * DAY);
    const a = await organization();
    const b = await organization();
    const oldA = await createPages(a, 3);
    const oldB = await createPages(b, 2);
    clock.advance(20 * DAY);
    const recentA = await createPages(a, 2);
    clock.advance(11 * DAY);
    const batches: number[] = [];
    const result = await sweep(2, (deleted) => batches.push(deleted));

    // Earlier tests' events are older still and go too; these organizations lose exactly their old events.
    expect(result.deleted).toBeGreaterThanOrEqual(oldA.length + oldB.length);
    expect(batches.every((n) => n <= 2)).toBe(true);
    expect(batches.reduce((sum, n) => sum + n, 0)).toBe(result.deleted);
    expect(await expiredThrough(db, a.organizationId)).toBe(oldA.at(-1)!.id);
    expect(await expiredThrough(db, b.organizationId)).toBe(oldB.at(-1)!.id);
    const keptA = await readEvents(db, a.organizationId, oldA.at(-1)!.id, 1000);
    expect(keptA.map((e) => e.id)).toEqual(recentA.slice(-2).map((e) => e.id));
    const [{ old }] = (
      (await db.execute(
        sql`SELECT count(*)::int AS old FROM events WHERE created_at < ${retentionCutoff(30, clock.now()).toISOString()}::timestamptz`,
      )) as unknown as { rows: { old: number }[] }
    ).rows as [{ old: number }];
    expect(old).toBe(0);
    // Nothing left to do: a second sweep deletes nothing and moves no watermark.
    expect(await sweep(2)).toEqual({ deleted: 0, batches: 0 });
    expect(await expiredThrough(db, a.organizationId)).toBe(oldA.at(-1)!.id);
  });

  it('refuses a cursor older than what is kept with a typed error, but not one in a gap of other organizations', async () => {
    const { db } = database().handle;
    clock.advance(100 * DAY);
    const a = await organization();
    const b = await organization();
    const [oldA] = await createPages(a, 1);
    clock.advance(31 * DAY);
    // B's events fill the ids between A's deleted event and A's next one: a gap that never held A's events.
    const recentB = await createPages(b, 3);
    const recentA = (await createPages(a, 1)).filter((e) => e.id > oldA!.id);
    await sweep(100);

    const watermark = await expiredThrough(db, a.organizationId);
    expect(watermark).toBe(oldA!.id);
    const refusal = await readEvents(db, a.organizationId, oldA!.id - 1).catch((error: unknown) => error);
    expect(isEventsExpiredError(refusal)).toBe(true);
    expect(refusal).toMatchObject({
      name: 'EventsExpiredError',
      organizationId: a.organizationId,
      cursor: oldA!.id - 1,
      oldestCursor: oldA!.id,
      resyncCursor: await latestEventId(db, a.organizationId),
    });
    expect((refusal as EventsExpiredError).message).toMatch(/resync: read the current state/);
    await expect(readEvents(db, a.organizationId, 0)).rejects.toBeInstanceOf(EventsExpiredError);

    // At the watermark, or at any id of the gap, the log is whole: no error, and nothing is missing.
    expect((await readEvents(db, a.organizationId, oldA!.id)).map((e) => e.id)).toEqual(
      recentA.map((e) => e.id),
    );
    expect((await readEvents(db, a.organizationId, recentB[1]!.id)).map((e) => e.id)).toEqual(
      recentA.map((e) => e.id),
    );
    // B lost nothing: its cursor 0 is still gap-free although ids below its first event are gone.
    expect(await expiredThrough(db, b.organizationId)).toBe(0);
    expect((await readEvents(db, b.organizationId, 0)).map((e) => e.id)).toEqual(recentB.map((e) => e.id));
  });

  it('ends a follower whose cursor expired with the typed error, and keeps a fresh follower gap-free', async () => {
    const { handle } = database();
    clock.advance(100 * DAY);
    const a = await organization();
    const [oldA] = await createPages(a, 2);
    clock.advance(31 * DAY);
    await sweep(100);

    const expired = await collect(handle, a.organizationId, oldA!.id - 1).catch((error: unknown) => error);
    expect(isEventsExpiredError(expired)).toBe(true);

    const fresh = await latestEventId(handle.db, a.organizationId);
    const follower = following(handle, a.organizationId, fresh);
    const recent = await createPages(a, 3);
    await expect.poll(() => follower.seen.length).toBe(recent.filter((e) => e.id > fresh).length);
    await follower.stop();
    expect(follower.seen.map((e) => e.id)).toEqual(recent.filter((e) => e.id > fresh).map((e) => e.id));
  });

  it('lets writers append while a sweep deletes in batches, and a follower sees every new event in order', async () => {
    const { handle } = database();
    clock.advance(100 * DAY);
    const a = await organization();
    const b = await organization();
    // Many old rows, written straight into the log (what months of running leave behind).
    await handle.db.execute(sql`
      INSERT INTO events (organization_id, type, payload, created_at)
      SELECT ${b.organizationId}, 'BOOKING_PAGE_UPDATED', '{}'::jsonb, ${clock.now().toISOString()}::timestamptz
      FROM generate_series(1, 3000)`);
    clock.advance(31 * DAY);
    const from = await latestEventId(handle.db, a.organizationId);
    const follower = following(handle, a.organizationId, from);

    let batchesDone = 0;
    let sweeping = true;
    const swept = sweep(100, () => batchesDone++).finally(() => {
      sweeping = false;
    });
    const writesDuringSweep: number[] = [];
    let writes = 0;
    // Bounded: PGlite runs one statement at a time, and a steady writer can keep the sweep waiting its turn.
    while ((sweeping && writes < 40) || writes < 3) {
      value(await service.createBookingPage(a.actor, { title: `During ${writes}`, ownerId: a.users.owner }));
      writes++;
      if (sweeping) writesDuringSweep.push(batchesDone);
    }
    const result = await swept;

    expect(result.deleted).toBeGreaterThanOrEqual(3000);
    // Appends went through between the sweep's first and last batch: the sweep did not hold them back.
    expect(writesDuringSweep.some((done) => done > 0 && done < result.batches)).toBe(true);
    const appended = await readEvents(handle.db, a.organizationId, from, 1000);
    expect(appended).toHaveLength(writes);
    await expect.poll(() => follower.seen.length).toBe(writes);
    await follower.stop();
    expect(follower.seen.map((e) => e.id)).toEqual(appended.map((e) => e.id));
  });
});

describePostgres('event retention on Postgres, under concurrency', () => {
  const database = useTestDatabase('pg');

  it('appends commit while a delete batch holds its rows, uncommitted', async () => {
    const { handle } = database();
    const clock = new TestClock();
    const service = createStateService({
      db: handle.db,
      bus: handle.bus,
      keyring: testKeyring,
      now: clock.now,
    });
    const org = await createTestOrganization(handle.db, ['owner']);
    const actor = systemActor(org.organizationId);
    for (let i = 0; i < 5; i++)
      value(await service.createBookingPage(actor, { title: `Old ${i}`, ownerId: org.users.owner }));
    clock.advance(31 * DAY);
    const before = await latestEventId(handle.db, org.organizationId);

    const during = await handle.db.transaction(async (tx) => {
      expect(await deleteExpiredEventBatch(tx, retentionCutoff(30, clock.now()), 1000)).toBe(5);
      // The batch's transaction is still open: its deleted rows and the organization's watermark are locked.
      const writes = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          service.createBookingPage(actor, { title: `New ${i}`, ownerId: org.users.owner }),
        ),
      );
      expect(writes.every((write) => write.ok)).toBe(true);
      return readEvents(handle.db, org.organizationId, before, 100);
    });
    expect(during).toHaveLength(4);
    // Committed now: the old events are gone, the cursor before them refused, the new ones whole.
    expect(await expiredThrough(handle.db, org.organizationId)).toBe(before);
    await expect(readEvents(handle.db, org.organizationId, 0)).rejects.toBeInstanceOf(EventsExpiredError);
    expect((await readEvents(handle.db, org.organizationId, before)).map((e) => e.id)).toEqual(
      during.map((e) => e.id),
    );
  });
});

async function collect(
  handle: DatabaseHandle,
  organizationId: string,
  after: number,
): Promise<TsunagiEvent[]> {
  const seen: TsunagiEvent[] = [];
  const controller = new AbortController();
  for await (const event of followEvents({
    db: handle.db,
    bus: handle.bus,
    organizationId,
    after,
    signal: controller.signal,
  })) {
    seen.push(event);
  }
  return seen;
}

function following(handle: DatabaseHandle, organizationId: string, after: number) {
  const controller = new AbortController();
  const seen: TsunagiEvent[] = [];
  const done = (async () => {
    for await (const event of followEvents({
      db: handle.db,
      bus: handle.bus,
      organizationId,
      after,
      signal: controller.signal,
    })) {
      seen.push(event);
    }
  })();
  return {
    seen,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
