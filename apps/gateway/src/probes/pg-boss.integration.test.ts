// Probes through pg-boss on one Postgres database shared by two "processes" (two pools, two queues, two
// planners): every connection is probed exactly once per round, and both workers take a share.
import { createDatabase, type DatabaseHandle } from '@tsunagi/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresDatabase, describePostgres } from '../../test/harness.js';
import { PgBossProbeQueue } from './pg-boss.js';
import type { ProbeOutcome, ProbeTarget } from './scheduler.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  ) {
    const handle = createDatabase({ databaseUrl: url, pool: { max: 4 } });
    handles.push(handle);
    const pool = (
      handle.db as unknown as {
        $client: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
      }
    ).$client;
    return new PgBossProbeQueue({
      db: { executeSql: (text, values) => pool.query(text, values) },
      providers: ['GOOGLE_CALENDAR', 'MICROSOFT_CALENDAR'],
      listTargets: async () => targets,
      probe: async (target) => {
        await sleep(20);
        return outcome(target);
      },
      intervalSeconds,
      concurrencyPerProvider: 2,
      planEveryMs: 200,
      pollingIntervalSeconds: 0.5,
      onProbed: (target, job) =>
        probed.push({ worker: name, id: target.id, round: job.round?.getTime() ?? -1, at: Date.now() }),
    });
  }

  it('probes every connection exactly once per round, shared by two workers', async () => {
    const probed: { worker: string; id: string; round: number; at: number }[] = [];
    const a = worker('a', probed);
    const b = worker('b', probed);
    const intervalMs = 2_000;
    const startedAt = Date.now();
    await Promise.all([a.start(), b.start()]);
    // Run until one whole round (its slot began after the start) has ended, plus time to finish its jobs.
    const firstFullRound = Math.ceil(startedAt / intervalMs) * intervalMs;
    await sleep(firstFullRound + intervalMs + 1_500 - Date.now());
    await Promise.all([a.stop(), b.stop()]);

    // No connection twice in any round, whichever planner or worker.
    const keys = probed.map((p) => `${p.round}:${p.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    // A whole round (the first and last may be cut by the start and stop): every connection once.
    const round = probed.filter((p) => p.round === firstFullRound);
    expect(round.map((p) => p.id).sort()).toEqual(targets.map((t) => t.id).sort());
    // Both processes did some of the work.
    const byWorker = new Map<string, number>();
    for (const p of probed) byWorker.set(p.worker, (byWorker.get(p.worker) ?? 0) + 1);
    expect(byWorker.get('a') ?? 0).toBeGreaterThan(0);
    expect(byWorker.get('b') ?? 0).toBeGreaterThan(0);
  }, 30_000);

  it("pauses a provider's queue on Retry-After and puts the probe back for when it ends", async () => {
    const probed: { worker: string; id: string; round: number; at: number }[] = [];
    let limited = true;
    const queue = worker(
      'c',
      probed,
      (target) => {
        if (target.id === 'con_g0' && limited) {
          limited = false;
          return { retryAfterSeconds: 2 };
        }
        return {};
      },
      3,
    );
    await queue.start();
    let sawPause = false;
    const putBack = () => probed.find((p) => p.id === 'con_g0' && p.round === -1);
    const deadline = Date.now() + 15_000;
    while (putBack() === undefined && Date.now() < deadline) {
      if (queue.stats().pausedProviders.includes('GOOGLE_CALENDAR')) sawPause = true;
      await sleep(50);
    }
    await queue.stop();
    const first = probed.find((p) => p.id === 'con_g0');
    const again = putBack();
    expect(sawPause).toBe(true);
    expect(first?.round).not.toBe(-1);
    // Put back outside the round's slot, once the pause was over.
    expect((again?.at ?? 0) - (first?.at ?? Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(1_900);
    expect(queue.stats().pausedProviders).toEqual([]);
  }, 30_000);
});
