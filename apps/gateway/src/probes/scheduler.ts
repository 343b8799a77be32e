// The in-process probe scheduler (embedded PGlite; one process): every connection is probed about once per
// interval, at a jittered offset so probes spread out instead of bursting; each provider has a concurrency cap;
// a provider's Retry-After pauses that provider's probes (not the others').
import type { ConnectionProvider } from '@tsunagi/db';

export interface ProbeTarget {
  readonly id: string;
  readonly organizationId: string;
  readonly provider: ConnectionProvider;
}

export interface ProbeOutcome {
  /** Set when the provider asked us to slow down (rate limit, 503 with Retry-After). */
  readonly retryAfterSeconds?: number | undefined;
}

export interface SchedulerClock {
  now(): number;
}

export interface ProbeSchedulerOptions {
  /** Connections to probe (not unlinked ones); read again on every refresh. */
  readonly listTargets: () => Promise<readonly ProbeTarget[]>;
  readonly probe: (target: ProbeTarget) => Promise<ProbeOutcome>;
  /** How often each connection is probed. Default 5 minutes. */
  readonly intervalMs?: number;
  /** ± share of the interval each next probe moves by. Default 0.2. */
  readonly jitter?: number;
  /** Probes in flight per provider. Default 4. */
  readonly concurrencyPerProvider?: number;
  /** How often the target list is re-read. Default 30 s. */
  readonly refreshMs?: number;
  readonly clock?: SchedulerClock;
  readonly random?: () => number;
  readonly onError?: (error: unknown, target: ProbeTarget) => void;
}

export interface ProbeSchedulerStats {
  readonly targets: number;
  readonly inFlight: number;
  readonly probesStarted: number;
  readonly pausedProviders: readonly ConnectionProvider[];
}

export class ProbeScheduler {
  readonly #options: Required<Omit<ProbeSchedulerOptions, 'onError'>> &
    Pick<ProbeSchedulerOptions, 'onError'>;
  readonly #dueAt = new Map<string, number>();
  readonly #targets = new Map<string, ProbeTarget>();
  readonly #inFlight = new Map<ConnectionProvider, number>();
  readonly #running = new Set<string>();
  readonly #pausedUntil = new Map<ConnectionProvider, number>();
  readonly #pending = new Set<Promise<void>>();
  #lastRefresh = Number.NEGATIVE_INFINITY;
  #probesStarted = 0;
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(options: ProbeSchedulerOptions) {
    this.#options = {
      intervalMs: 5 * 60_000,
      jitter: 0.2,
      concurrencyPerProvider: 4,
      refreshMs: 30_000,
      clock: { now: () => Date.now() },
      random: Math.random,
      ...options,
    };
  }

  /** One scheduling pass: refresh targets when due, start every due probe the caps allow. */
  async tick(): Promise<void> {
    const now = this.#options.clock.now();
    if (now - this.#lastRefresh >= this.#options.refreshMs) {
      this.#lastRefresh = now;
      await this.#refresh(now);
    }
    const due = [...this.#dueAt].filter(([, at]) => at <= now).sort((a, b) => a[1] - b[1]);
    for (const [id] of due) {
      const target = this.#targets.get(id);
      if (!target || this.#running.has(id)) continue;
      if ((this.#pausedUntil.get(target.provider) ?? 0) > now) continue;
      if ((this.#inFlight.get(target.provider) ?? 0) >= this.#options.concurrencyPerProvider) continue;
      this.#start(target, now);
    }
  }

  /** Runs `tick` every `everyMs` until `stop()`. */
  start(everyMs = 1_000): void {
    if (this.#timer || this.#stopped) return;
    const loop = () => {
      void this.tick()
        .catch(() => {})
        .finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(loop, everyMs);
        });
    };
    this.#timer = setTimeout(loop, 0);
  }

  /** Stops scheduling and waits for the probes in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await Promise.allSettled([...this.#pending]);
  }

  /** Resolves when every probe started so far has finished (tests). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  stats(): ProbeSchedulerStats {
    const now = this.#options.clock.now();
    return {
      targets: this.#targets.size,
      inFlight: this.#running.size,
      probesStarted: this.#probesStarted,
      pausedProviders: [...this.#pausedUntil]
        .filter(([, until]) => until > now)
        .map(([provider]) => provider),
    };
  }

  async #refresh(now: number): Promise<void> {
    const targets = await this.#options.listTargets();
    const seen = new Set<string>();
    for (const target of targets) {
      seen.add(target.id);
      this.#targets.set(target.id, target);
      // A new connection gets a random first slot within one interval, so a restart does not probe everything at once.
      if (!this.#dueAt.has(target.id))
        this.#dueAt.set(target.id, now + this.#options.random() * this.#options.intervalMs);
    }
    for (const id of [...this.#targets.keys()]) {
      if (!seen.has(id)) {
        this.#targets.delete(id);
        this.#dueAt.delete(id);
      }
    }
  }

  #start(target: ProbeTarget, now: number): void {
    const { intervalMs, jitter, random } = this.#options;
    this.#dueAt.set(target.id, now + intervalMs * (1 + jitter * (2 * random() - 1)));
    this.#running.add(target.id);
    this.#inFlight.set(target.provider, (this.#inFlight.get(target.provider) ?? 0) + 1);
    this.#probesStarted++;
    const run = (async () => {
      try {
        const outcome = await this.#options.probe(target);
        if (outcome.retryAfterSeconds !== undefined && outcome.retryAfterSeconds > 0) {
          const until = this.#options.clock.now() + outcome.retryAfterSeconds * 1000;
          this.#pausedUntil.set(
            target.provider,
            Math.max(this.#pausedUntil.get(target.provider) ?? 0, until),
          );
        }
      } catch (error) {
        this.#options.onError?.(error, target);
      } finally {
        this.#running.delete(target.id);
        this.#inFlight.set(target.provider, (this.#inFlight.get(target.provider) ?? 1) - 1);
      }
    })();
    this.#pending.add(run);
    void run.finally(() => this.#pending.delete(run));
  }
}
