// What the Postgres handle does when a connection dies under it: the operation fails with a typed error
// that says whether anything was applied, the process lives, the pool serves again. Connections go through
// a TCP proxy that can lose them at chosen moments (before BEGIN, during COMMIT, for good).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describePostgres } from '../test/drivers.js';
import { createTestOrganization, testKeyring, value } from '../test/fixtures.js';
import { createDatabase, type DatabaseHandle } from './database.js';
import type { EventNotice } from './event-bus.js';
import { readEvents } from './events.js';
import { createStateService, systemActor } from './service/state-service.js';
import { createThrowawayDatabase, type ThrowawayDatabase, terminateBackends } from './testing/postgres.js';
import { TcpProxy } from './testing/tcp-proxy.js';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './unavailable.js';

describePostgres('a Postgres handle losing its connections', () => {
  let database: ThrowawayDatabase;
  let proxy: TcpProxy;
  const handles: DatabaseHandle[] = [];

  /** A handle whose connections all go through the proxy. */
  function open(options: { max?: number; commitCheckTimeoutMs?: number; eventChannel?: string } = {}) {
    const handle = createDatabase({
      databaseUrl: proxy.route(database.url),
      pool: { max: options.max ?? 2 },
      ...(options.commitCheckTimeoutMs === undefined
        ? {}
        : { commitCheckTimeoutMs: options.commitCheckTimeoutMs }),
      ...(options.eventChannel === undefined ? {} : { eventChannel: options.eventChannel }),
    });
    handles.push(handle);
    return handle;
  }

  const rows = async (handle: DatabaseHandle) =>
    (
      (await handle.db.execute(sql`SELECT id FROM scratch ORDER BY id`)) as unknown as {
        rows: { id: number }[];
      }
    ).rows.map((row) => row.id);

  beforeAll(async () => {
    database = await createThrowawayDatabase('tsunagi_loss');
    const target = new URL(database.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const setup = open();
    await setup.migrate();
    await setup.db.execute(sql`CREATE TABLE scratch (id int PRIMARY KEY)`);
    // A table whose rows end their own session at COMMIT: the server aborts that transaction.
    await setup.db.execute(
      sql.raw(`
      CREATE FUNCTION end_own_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$;
      CREATE TABLE doomed (id int);
      CREATE CONSTRAINT TRIGGER end_own_session AFTER INSERT ON doomed
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION end_own_session();
    `),
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close().catch(() => {})));
    await proxy?.close();
    await database?.drop();
  }, 60_000);

  it('a backend terminated under a checked-out transaction fails it, typed and retryable, with nothing written', async () => {
    const handle = open();
    const failure = await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO scratch VALUES (1)`);
        // Idle in transaction, checked out of the pool: the moment node-postgres reports on the client.
        expect(await terminateBackends(database.name)).toBeGreaterThan(0);
        // Until the server has no session left on the database: ours has ended and said so.
        while ((await terminateBackends(database.name)) > 0);
        await tx.execute(sql`INSERT INTO scratch VALUES (2)`);
      })
      .catch((error: unknown) => error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect(failure).toMatchObject({ outcome: 'not-applied', retryable: true });
    expect(await rows(handle)).toEqual([]);
    await handle.db.transaction((tx) => tx.execute(sql`INSERT INTO scratch VALUES (3)`));
    expect(await rows(handle)).toEqual([3]);
    await handle.db.execute(sql`DELETE FROM scratch`);
  });

  it('a connection lost at BEGIN gives its client back to the pool (a pool of one serves again)', async () => {
    const handle = open({ max: 1 });
    for (let i = 0; i < 3; i++) {
      proxy.cutWhenSent('begin');
      await expect(handle.db.transaction((tx) => tx.execute(sql`SELECT 1`))).rejects.toBeInstanceOf(
        DatabaseUnavailableError,
      );
      expect(proxy.armed).toBe(false);
    }
    await handle.db.transaction((tx) => tx.execute(sql`INSERT INTO scratch VALUES (4)`));
    expect(await rows(handle)).toEqual([4]);
    await handle.db.execute(sql`DELETE FROM scratch`);
  });

  it('a COMMIT the server applied before the connection was lost is a success, not an error', async () => {
    const handle = open();
    const result = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO scratch VALUES (5)`);
      proxy.cutWhenSent('commit');
      return 'applied';
    });
    expect(proxy.armed).toBe(false);
    expect(result).toBe('applied');
    expect(await rows(handle)).toEqual([5]);
    await handle.db.execute(sql`DELETE FROM scratch`);
  });

  it('a COMMIT the server aborted as its session ended is reported as not applied', async () => {
    const handle = open();
    const failure = await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO scratch VALUES (6)`);
        await tx.execute(sql`INSERT INTO doomed VALUES (6)`);
      })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      name: 'DatabaseUnavailableError',
      outcome: 'not-applied',
      retryable: true,
    });
    expect(await rows(handle)).toEqual([]);
  });

  it('a COMMIT lost while the database stays unreachable has an unknown outcome, not retryable', async () => {
    const handle = open({ commitCheckTimeoutMs: 300 });
    try {
      const failure = await handle.db
        .transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO scratch VALUES (7)`);
          proxy.cutWhenSent('commit', { thenUnreachable: true });
        })
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({
        name: 'DatabaseUnavailableError',
        outcome: 'unknown',
        retryable: false,
      });
    } finally {
      proxy.restore();
    }
    await handle.db.execute(sql`DELETE FROM scratch`);
  });

  it('the state service runs a transaction that lost its connection before COMMIT again, once applied', async () => {
    const handle = open();
    const service = createStateService({ db: handle.db, keyring: testKeyring, bus: handle.bus });
    const { organizationId, users } = await createTestOrganization(handle.db, ['owner']);
    const actor = systemActor(organizationId);
    const page = value(await service.createBookingPage(actor, { title: 'Retried', ownerId: users.owner }));
    // The event insert is the transaction's last write: the first attempt dies there.
    proxy.cutWhenSent('insert into "events"');
    const updated = value(await service.setBookingPageEnabled(actor, page.id, false));
    expect(proxy.armed).toBe(false);
    expect(updated.enabled).toBe(false);
    const updates = (await readEvents(handle.db, organizationId, 0)).filter(
      (event) => event.type === 'BOOKING_PAGE_UPDATED',
    );
    expect(updates).toHaveLength(1);
  });

  it('a subscriber that arrives while the database is unreachable is connected, and told to resync, once it is back', async () => {
    const handle = open({ eventChannel: 'tsunagi_loss_test' });
    const notices: EventNotice[] = [];
    proxy.cut();
    try {
      handle.bus.subscribe((notice) => notices.push(notice));
      await expect(handle.bus.ready()).rejects.toThrow();
    } finally {
      proxy.restore();
    }
    await vi.waitFor(() => expect(notices).toContainEqual({ kind: 'resync' }), { timeout: 10_000 });
    await handle.db.execute(sql`SELECT pg_notify('tsunagi_loss_test', 'org_y:7')`);
    await vi.waitFor(() =>
      expect(notices).toContainEqual({ kind: 'appended', organizationId: 'org_y', lastEventId: 7 }),
    );
  });
});
