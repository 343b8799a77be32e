// The event retention sweep, run by every gateway process on a timer (PGlite and Postgres alike): each sweep
// deletes expired events in batches (see @tsunagi/db sweepExpiredEvents). Processes sweeping one Postgres
// database at once take disjoint batches (SKIP LOCKED), so no leader or job queue is needed.
import { type EventSweepResult, type Executor, retentionCutoff, sweepExpiredEvents } from '@tsunagi/db';
import type { EventRetentionConfig } from './config.js';

interface SweepLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface EventRetentionSweeperOptions {
  readonly db: Executor;
  readonly config: EventRetentionConfig;
  readonly logger?: SweepLogger;
  readonly now?: () => Date;
  /** Pause between batches. Default 20 ms. */
  readonly pauseMs?: number;
}

export class EventRetentionSweeper {
  readonly #options: EventRetentionSweeperOptions;
  readonly #stop = new AbortController();
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<EventSweepResult> | null = null;

  constructor(options: EventRetentionSweeperOptions) {
    this.#options = options;
  }

  /** Sweeps now, then every `sweepIntervalSeconds`, until `stop()`. */
  start(): void {
    if (this.#timer !== null || this.#stop.signal.aborted) return;
    const loop = () => {
      void this.sweep()
        .catch((error: unknown) => this.#options.logger?.warn({ err: error }, 'event retention sweep failed'))
        .finally(() => {
          if (!this.#stop.signal.aborted)
            this.#timer = setTimeout(loop, this.#options.config.sweepIntervalSeconds * 1000);
        });
    };
    this.#timer = setTimeout(loop, 0);
  }

  /** One sweep (a sweep already running is joined, not doubled). */
  sweep(): Promise<EventSweepResult> {
    this.#running ??= this.#sweep().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #sweep(): Promise<EventSweepResult> {
    const { db, config, logger } = this.#options;
    const now = this.#options.now?.() ?? new Date();
    const result = await sweepExpiredEvents(db, {
      olderThan: retentionCutoff(config.days, now),
      batchSize: config.batchSize,
      pauseMs: this.#options.pauseMs ?? 20,
      signal: this.#stop.signal,
    });
    if (result.deleted > 0) logger?.info({ ...result, retentionDays: config.days }, 'expired events deleted');
    return result;
  }

  /** Stops the timer and waits for a sweep in progress to end its batch (call before the database closes). */
  async stop(): Promise<void> {
    this.#stop.abort();
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => {});
  }
}
