// Probes through pg-boss on one Postgres database shared by two "processes" (two pools, two queues, two
// planners): every connection is probed exactly once per round, and both workers take a share.
import { createDatabase, type DatabaseHandle } from '@tsunagi/db';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createPostgresDatabase, describePostgres } from '../../test/harness.js';
import { PgBossProbeQueue } from './pg-boss.js';
import type { ProbeOutcome, ProbeTarget } from './scheduler.js';

/** A probe's own duration (the provider call it stands for), not a wait for anything. */
const probeTime = () => new Promise((resolve) => setTimeout(resolve, 20));

const targets: ProbeTarget[] = [
  ...Array.from({ length: 8 }, (_, i) => ({
    id: `con_g${i}`,
    organizationId: 'org_a',
    provider: 'GOOGLE_CALENDAR' as const,
  })),
  ...Array.from({ length: 8 }, (_, i) => ({
    id: `con_m${i}`,
    organizationId: 'org_b',
    provider: 'MICROSOFT_CALENDAR' as const,
  })),
];

/** The node-postgres pool under a handle, as the gateway hands it to pg-boss. */
function poolOf(handle: DatabaseHandle) {
  return (
    handle.db as unknown as {
      $client: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
    }
  ).$client;
}

describePostgres('PgBossProbeQueue (postgres)', () => {
  let url: string;
  let drop: () => Promise<void>;
  const handles: DatabaseHandle[] = [];

  beforeAll(async () => {
    ({ url, drop } = await createPostgresDatabase());
  }, 60_000);

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    await drop?.();
  }, 60_000);

  function worker(
    name: string,
    probed: { worker: string; id: string; round: number; at: number }[],
    outcome: (target: ProbeTarget) => ProbeOutcome = () => ({}),
    intervalSeconds = 2,
    onProbed: (target: ProbeTarget) => void = () => {},
    started: { id: string; at: number }[] = [],
  ) {
    const handle = createDatabase({ databaseUrl: url, pool: { max: 4 } });
    handles.push(handle);
    const pool = poolOf(handle);
    return new PgBossProbeQueue({
      db: { executeSql: (text, values) => pool.query(text, values) },
      providers: ['GOOGLE_CALENDAR', 'MICROSOFT_CALENDAR'],
      listTargets: async () => targets,
      probe: async (target) => {
        started.push({ id: target.id, at: Date.now() });
        await probeTime();
        return outcome(target);
      },
      intervalSeconds,
      concurrencyPerProvider: 2,
      planEveryMs: 200,
      pollingIntervalSeconds: 0.5,
      onProbed: (target, job) => {
        probed.push({ worker: name, id: target.id, round: job.round?.getTime() ?? -1, at: Date.now() });
        onProbed(target);
      },
    });
  }

  it('probes every connection exactly once per round, shared by two workers', async () => {
    const probed: { worker: string; id: string; round: number; at: number }[] = [];
    const a = worker('a', probed);
    const b = worker('b', probed);
    const intervalMs = 2_000;
    await Promise.all([a.start(), b.start()]);
    // Both processes asked for the due-order index of each queue at once: each queue has exactly one.
    const indexes = await poolOf(handles[0] as DatabaseHandle).query(
      `SELECT q.name, i.indexdef FROM pgboss.queue q JOIN pg_indexes i
         ON i.schemaname = 'pgboss' AND i.tablename = q.partition_name AND i.indexname LIKE '%_due_order'
       ORDER BY q.name`,
    );
    expect(
      (indexes.rows as { name: string; indexdef: string }[]).map((row) => [
        row.name,
        row.indexdef.replace(/^.* USING /, ''),
      ]),
    ).toEqual([
      ['probe.GOOGLE_CALENDAR', "btree (name, created_on, id) WHERE (state < 'active'::pgboss.job_state)"],
      ['probe.MICROSOFT_CALENDAR', "btree (name, created_on, id) WHERE (state < 'active'::pgboss.job_state)"],
    ]);
    // The first round that begins after both started: its planner passes see it from its start. Wait until
    // every connection was probed in it and both workers took a share, however long a busy machine takes.
    const round = Math.ceil(Date.now() / intervalMs) * intervalMs;
    const inRound = () => probed.filter((p) => p.round === round).map((p) => p.id);
    await vi.waitFor(
      () => {
        expect(new Set(inRound())).toEqual(new Set(targets.map((t) => t.id)));
        expect(new Set(probed.map((p) => p.worker))).toEqual(new Set(['a', 'b']));
      },
      { timeout: 60_000, interval: 100 },
    );
    await Promise.all([a.stop(), b.stop()]);

    // No connection twice in any round, whichever planner or worker.
    const keys = probed.map((p) => `${p.round}:${p.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(inRound().sort()).toEqual(targets.map((t) => t.id).sort());
  }, 90_000);

  it("pauses a provider's queue on Retry-After and puts the probe back for when it ends", async () => {
    const probed: { worker: string; id: string; round: number; at: number }[] = [];
    const started: { id: string; at: number }[] = [];
    // Long enough that the two queries between the answer and the check below cannot outlast it.
    const retryAfterMs = 5_000;
    let limitedAt: number | null = null;
    let pausedAfterRetryAfter: string[] | null = null;
    const queue = worker(
      'c',
      probed,
      (target) => {
        if (target.id === 'con_g0' && limitedAt === null) {
          limitedAt = Date.now();
          return { retryAfterSeconds: retryAfterMs / 1000 };
        }
        return {};
      },
      3,
      (target) => {
        if (target.id === 'con_g0' && pausedAfterRetryAfter === null)
          pausedAfterRetryAfter = queue.stats().pausedProviders;
      },
      started,
    );
    await queue.start();
    const putBack = () => probed.find((p) => p.id === 'con_g0' && p.round === -1);
    await vi.waitFor(() => expect(putBack()).toBeDefined(), { timeout: 60_000, interval: 100 });
    await queue.stop();
    expect(pausedAfterRetryAfter).toEqual(['GOOGLE_CALENDAR']);
    expect(probed.find((p) => p.id === 'con_g0')?.round).not.toBe(-1);
    // While paused no Google probe started; the put-back one started once the pause was over.
    const pausedFrom = limitedAt ?? Number.POSITIVE_INFINITY;
    const googleStarts = started.filter((s) => s.id.startsWith('con_g') && s.at > pausedFrom);
    expect(googleStarts.filter((s) => s.at < pausedFrom + retryAfterMs - 100)).toEqual([]);
    expect(googleStarts.some((s) => s.id === 'con_g0')).toBe(true);
    expect(queue.stats().pausedProviders).toEqual([]);
  }, 90_000);
});
