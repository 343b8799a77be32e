// Probes on Postgres through pg-boss, so every gateway process on one database shares the work and no
// connection is probed twice in one round:
// - one queue per provider (`probe.GOOGLE_CALENDAR`, …): each process works it with at most
//   `concurrencyPerProvider` probes in flight, a sliding window — it fetches as many due jobs as there is
//   room for once half the window is free, and completes finished jobs together (one statement per group),
//   so a round of 100,000 connections costs a few SQL round trips per hundred probes, not several per probe;
// - a planner runs in every process (no leader): each pass inserts one job per connection with
//   `singletonKey: connectionId` and `singletonSeconds: interval`. pg-boss keeps one job per key and time
//   slot (a unique index), so however many planners run, each connection gets exactly one job per round;
//   its `startAfter` spreads the round's probes over the slot (a stable per-connection offset, so each
//   connection is probed about once per interval, and random within what is left of the slot when the
//   planner first sees the connection late, e.g. on a fresh start) — over `spread` of it (default all);
// - a Retry-After pauses that provider's queue in this process and puts the probe back for when it ends.
import type { ConnectionProvider } from '@tsunagi/db';
import PgBoss from 'pg-boss';
import type { ProbeOutcome, ProbeTarget } from './scheduler.js';

export const PROBE_QUEUE_PREFIX = 'probe.';

/** Jobs per planner insert. */
const PLAN_SLICE = 2_000;

/** Advisory lock serializing the creation of the due-order indexes (`#indexDueOrder`). */
const DUE_ORDER_INDEX_LOCK = 7_453_015;

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export const probeQueueName = (provider: ConnectionProvider): string => `${PROBE_QUEUE_PREFIX}${provider}`;

/** What pg-boss needs of a database connection: the gateway hands it its own pool. */
export interface ProbeQueueDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface PgBossProbeQueueOptions {
  /** The gateway's pool (preferred), or a URL for a pool of pg-boss's own. */
  readonly db?: ProbeQueueDb;
  readonly connectionString?: string;
  /** pg-boss's schema, default `pgboss`. */
  readonly schema?: string;
  /** Providers with an adapter: one queue and one worker each. */
  readonly providers: readonly ConnectionProvider[];
  readonly listTargets: () => Promise<readonly ProbeTarget[]>;
  readonly probe: (target: ProbeTarget) => Promise<ProbeOutcome>;
  /** One round: each connection is probed once per interval. Whole seconds, at least 1. Default 300. */
  readonly intervalSeconds?: number;
  /** Probes in flight per provider in this process. Default 4. */
  readonly concurrencyPerProvider?: number;
  /** How often this process's planner runs. Default a quarter of the interval, at most 30 s. */
  readonly planEveryMs?: number;
  /** How often an idle worker looks for due jobs (pg-boss minimum 0.5). Default 2. */
  readonly pollingIntervalSeconds?: number;
  /** Share of the interval a round's probes are spread over, 0 to 1 (0: all due at the round's start).
   * Default 1. */
  readonly spread?: number;
  readonly random?: () => number;
  /** A probe that threw, or a planner pass that failed. */
  readonly onError?: (error: unknown, target?: ProbeTarget) => void;
  /** Called after each probe this process ran (tests, metrics). */
  readonly onProbed?: (target: ProbeTarget, job: { id: string; round: Date | null }) => void;
}

interface ProbeJobData {
  readonly id: string;
  readonly organizationId: string;
  readonly provider: ConnectionProvider;
}

/** A stable offset in [0, 1) per connection: the same place in every round. */
function slotOffset(id: string): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return (hash >>> 0) / 2 ** 32;
}

export class PgBossProbeQueue {
  readonly #options: PgBossProbeQueueOptions;
  #boss: PgBoss;
  readonly #intervalSeconds: number;
  readonly #cap: number;
  readonly #planEveryMs: number;
  readonly #polling: number;
  readonly #random: () => number;
  readonly #spread: number;
  readonly #loops = new Map<ConnectionProvider, Promise<void>>();
  /** Ends a worker's wait early (stop, or a pause that ended). */
  readonly #wake = new Map<ConnectionProvider, () => void>();
  /** Finished jobs not yet marked completed, per queue, and the write under way. */
  readonly #finished = new Map<string, string[]>();
  #completing: Promise<void> | null = null;
  readonly #pausedUntil = new Map<ConnectionProvider, number>();
  #planTimer: NodeJS.Timeout | null = null;
  /** Each probe queue's partition (`schema.table`, quoted), for ANALYZE once a round is planned. */
  readonly #partitions = new Map<string, string>();
  /** The round (slot start) whose jobs this process last analyzed. */
  #analyzedSlot: number | null = null;
  #planning: Promise<void> | null = null;
  #stopped = false;
  #probes = 0;

  constructor(options: PgBossProbeQueueOptions) {
    this.#options = options;
    this.#intervalSeconds = Math.max(1, Math.round(options.intervalSeconds ?? 300));
    this.#cap = Math.max(1, options.concurrencyPerProvider ?? 4);
    this.#planEveryMs = options.planEveryMs ?? Math.min(30_000, (this.#intervalSeconds * 1000) / 4);
    this.#polling = Math.max(0.5, options.pollingIntervalSeconds ?? 2);
    this.#random = options.random ?? Math.random;
    this.#spread = Math.min(1, Math.max(0, options.spread ?? 1));
    if (options.db === undefined && options.connectionString === undefined)
      throw new Error('PgBossProbeQueue needs a db or a connectionString');
    this.#boss = this.#newBoss();
  }

  #newBoss(): PgBoss {
    const options = this.#options;
    const boss = new PgBoss({
      ...(options.db === undefined
        ? { connectionString: options.connectionString as string }
        : { db: options.db as PgBoss.Db }),
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      // Probes need no cron; maintenance (expiry, archiving) stays on, guarded by pg-boss's own lock.
      schedule: false,
    });
    // pg-boss reports its pool's and its loops' failures (a lost database among them) here, not by throwing.
    boss.on('error', (error) => this.#options.onError?.(error));
    return boss;
  }

  /** Installs pg-boss (idempotent, safe from several processes), creates the queues, starts workers and planner. */
  async start(): Promise<void> {
    await this.#install();
    for (const provider of this.#options.providers) {
      await this.#createQueue(probeQueueName(provider));
      await this.#indexDueOrder(probeQueueName(provider));
      await this.#work(provider);
    }
    const loop = () => {
      this.#planning = this.plan()
        .then(() => {
          // Jobs due now need not wait for a worker's next poll.
          for (const wake of this.#wake.values()) wake();
        })
        .catch((error) => this.#options.onError?.(error))
        .finally(() => {
          this.#planning = null;
          if (!this.#stopped) this.#planTimer = setTimeout(loop, this.#planEveryMs);
        });
    };
    loop();
  }

  /**
   * Processes starting together on a fresh database race to install pg-boss. Its install holds an advisory
   * lock, but the loser's catalog view can predate the winner's commit and its `CREATE SCHEMA IF NOT
   * EXISTS` then fails with a unique violation that pg-boss 10 does not recognise as the race (it looks for
   * "already exists" in the message; contractor.js `create`). A failed start leaves that PgBoss instance
   * unusable (`start()` returns at once afterwards), so the loser starts a new one, which finds pg-boss
   * installed.
   */
  async #install(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#boss.start();
        return;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (attempt >= 3 || (code !== '23505' && code !== '42P06' && code !== '42710')) throw error;
        this.#boss = this.#newBoss();
      }
    }
  }

  /** Processes starting together may race to create a queue (Postgres then reports a deadlock): the loser
   * tries again and finds it there. */
  async #createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if ((await this.#boss.getQueue(name)) !== null) return;
        await this.#boss.createQueue(name, {
          name,
          policy: 'standard',
          retryLimit: 0,
          expireInSeconds: Math.max(60, this.#intervalSeconds),
        });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + this.#random() * 100));
      }
    }
  }

  /** One planner pass: a job for every target in the current round (duplicates are dropped by pg-boss). */
  async plan(): Promise<void> {
    const targets = await this.#options.listTargets();
    const intervalMs = this.#intervalSeconds * 1000;
    const now = Date.now();
    const slotStart = Math.floor(now / intervalMs) * intervalMs;
    const slotEnd = slotStart + intervalMs;
    const byProvider = new Map<ConnectionProvider, PgBoss.JobInsert<ProbeJobData>[]>();
    for (const target of targets) {
      if (!this.#options.providers.includes(target.provider)) continue;
      const spreadMs = intervalMs * this.#spread;
      let startAt = slotStart + slotOffset(target.id) * spreadMs;
      if (startAt < now) startAt = now + this.#random() * Math.max(0, slotStart + spreadMs - now);
      if (startAt >= slotEnd) startAt = now;
      const jobs = byProvider.get(target.provider) ?? [];
      jobs.push({
        name: probeQueueName(target.provider),
        data: { id: target.id, organizationId: target.organizationId, provider: target.provider },
        singletonKey: target.id,
        singletonSeconds: this.#intervalSeconds,
        startAfter: new Date(startAt).toISOString(),
        retryLimit: 0,
      });
      byProvider.set(target.provider, jobs);
      // In slices: a round of 100,000 jobs as one insert is a JSON text of tens of MB, several copies deep.
      if (jobs.length >= PLAN_SLICE) {
        byProvider.delete(target.provider);
        await this.#boss.insert(jobs);
      }
    }
    for (const jobs of byProvider.values()) await this.#boss.insert(jobs);
    // A new round's jobs arrive all at once, and Postgres's statistics still describe the last round: it
    // would estimate a few dozen due jobs and sort them all rather than read the due-order index (fetches of
    // 200 ms instead of under 1 ms at 100,000). One ANALYZE per round and process puts them right.
    if (this.#analyzedSlot !== slotStart) {
      this.#analyzedSlot = slotStart;
      const db = this.#boss.getDb() as ProbeQueueDb;
      for (const table of this.#partitions.values()) await db.executeSql(`ANALYZE ${table}`);
    }
  }

  /**
   * An index in the order the workers take due jobs. pg-boss 10 fetches with `ORDER BY priority desc,
   * created_on, id LIMIT n`, and its own index on due jobs is by `start_after`: every fetch read and sorted
   * all the due jobs of the queue — at a round of 100,000 connections, about 430 ms per fetch of 32, and the
   * round ran at the pace of those sorts (106 probes/s at the start, 204/s with fewer left). Probes carry no
   * priority, so the workers fetch without it (`priority: false`: `ORDER BY created_on, id`), and this index
   * hands them the oldest due jobs in that order at once (0.16 ms). Created once per queue partition,
   * idempotently, under an advisory lock so that gateways starting together do not race.
   */
  async #indexDueOrder(name: string): Promise<void> {
    const schema = this.#options.schema ?? 'pgboss';
    const db = this.#boss.getDb() as ProbeQueueDb;
    const { rows } = await db.executeSql(
      `SELECT partition_name FROM ${quoteIdentifier(schema)}.queue WHERE name = $1`,
      [name],
    );
    const partition = (rows[0] as { partition_name?: string | null } | undefined)?.partition_name;
    if (typeof partition !== 'string') return;
    const table = `${quoteIdentifier(schema)}.${quoteIdentifier(partition)}`;
    this.#partitions.set(name, table);
    const index = quoteIdentifier(`${partition.slice(0, 40)}_due_order`);
    await db.executeSql(
      `DO $$ BEGIN
         PERFORM pg_advisory_xact_lock(${DUE_ORDER_INDEX_LOCK});
         CREATE INDEX IF NOT EXISTS ${index} ON ${table} (name, created_on, id) WHERE state < 'active';
       END $$`,
    );
  }

  /** Starts the provider's worker loop (once). */
  async #work(provider: ConnectionProvider): Promise<void> {
    if (this.#loops.has(provider) || this.#stopped) return;
    const loop = this.#workLoop(provider).finally(() => this.#loops.delete(provider));
    this.#loops.set(provider, loop);
  }

  /** Waits `ms`, or less when woken (stop, a pause ended). */
  #sleep(provider: ConnectionProvider, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake.set(provider, done);
    });
  }

  /**
   * Keeps up to `concurrencyPerProvider` of the provider's probes in flight: fetches due jobs as soon as half
   * the window is free (so the window never drains to refill), and waits the polling interval only when
   * nothing was due.
   */
  async #workLoop(provider: ConnectionProvider): Promise<void> {
    const name = probeQueueName(provider);
    const running = new Set<Promise<void>>();
    const refillAt = Math.ceil(this.#cap / 2);
    while (!this.#stopped) {
      const paused = this.#pausedUntil.get(provider) ?? 0;
      if (paused > Date.now()) {
        await this.#sleep(provider, paused - Date.now());
        continue;
      }
      const room = this.#cap - running.size;
      if (room < refillAt) {
        await Promise.race(running);
        continue;
      }
      const jobs = await this.#boss
        .fetch<ProbeJobData>(name, { batchSize: room, includeMetadata: true, priority: false })
        .catch((error: unknown) => {
          this.#options.onError?.(error);
          return [];
        });
      if (jobs.length === 0) {
        if (running.size > 0)
          await Promise.race([Promise.race(running), this.#sleep(provider, this.#polling * 1000)]);
        else await this.#sleep(provider, this.#polling * 1000);
        continue;
      }
      for (const job of jobs) {
        const run: Promise<void> = this.#run(provider, job)
          .catch((error: unknown) => this.#options.onError?.(error))
          .finally(() => {
            running.delete(run);
            this.#complete(name, job.id);
          });
        running.add(run);
      }
    }
    await Promise.allSettled([...running]);
  }

  /** Marks a finished job completed; jobs finishing while a write is under way share the next one. */
  #complete(name: string, id: string): void {
    const ids = this.#finished.get(name) ?? [];
    ids.push(id);
    this.#finished.set(name, ids);
    if (this.#completing !== null) return;
    this.#completing = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      while (this.#finished.size > 0) {
        const batches = [...this.#finished];
        this.#finished.clear();
        for (const [queue, done] of batches) {
          await this.#boss.complete(queue, done).catch((error: unknown) => this.#options.onError?.(error));
        }
      }
    })().finally(() => {
      this.#completing = null;
    });
  }

  async #run(provider: ConnectionProvider, job: PgBoss.JobWithMetadata<ProbeJobData>): Promise<void> {
    const target: ProbeTarget = {
      id: job.data.id,
      organizationId: job.data.organizationId,
      provider: job.data.provider,
    };
    const paused = this.#pausedUntil.get(provider) ?? 0;
    if (paused > Date.now()) {
      // Fetched just before the pause began: back in the queue for when it ends.
      await this.#reschedule(target, paused);
      return;
    }
    this.#probes++;
    try {
      const outcome = await this.#options.probe(target);
      if (outcome.retryAfterSeconds !== undefined && outcome.retryAfterSeconds > 0) {
        const until = Date.now() + outcome.retryAfterSeconds * 1000;
        await this.#pause(provider, until);
        await this.#reschedule(target, until);
      }
    } catch (error) {
      this.#options.onError?.(error, target);
    }
    // singleton_on is a UTC `timestamp without time zone`, which node-postgres reads as local time.
    const slot = job.singletonOn;
    const round = slot === null ? null : new Date(slot.getTime() - slot.getTimezoneOffset() * 60_000);
    this.#options.onProbed?.(target, { id: job.id, round });
  }

  /** Stops this process taking the provider's jobs until `until` (its worker loop sleeps until then). */
  async #pause(provider: ConnectionProvider, until: number): Promise<void> {
    const previous = this.#pausedUntil.get(provider) ?? 0;
    if (until <= previous) return;
    this.#pausedUntil.set(provider, until);
  }

  /** The probe again once the pause ends (outside the round's singleton slot, which its first job holds). */
  async #reschedule(target: ProbeTarget, at: number): Promise<void> {
    await this.#boss.send(
      probeQueueName(target.provider),
      { id: target.id, organizationId: target.organizationId, provider: target.provider },
      { singletonKey: target.id, startAfter: new Date(at), retryLimit: 0 },
    );
  }

  stats(): { probesRun: number; pausedProviders: ConnectionProvider[] } {
    const now = Date.now();
    return {
      probesRun: this.#probes,
      pausedProviders: [...this.#pausedUntil].filter(([, until]) => until > now).map(([p]) => p),
    };
  }

  /** Stops planning and taking jobs, and waits for the probes in flight (before the database closes). */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#planTimer) clearTimeout(this.#planTimer);
    for (const wake of this.#wake.values()) wake();
    await this.#planning;
    await Promise.allSettled([...this.#loops.values()]);
    while (this.#completing !== null) await this.#completing;
    await this.#boss.stop({ graceful: true, wait: true, close: true, timeout: 10_000 });
  }
}
