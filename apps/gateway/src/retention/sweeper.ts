// The retention sweep, run by every gateway process on a timer (PGlite and Postgres alike): each sweep
// deletes expired events in batches (see @tsunagi/db sweepExpiredEvents), then the other tables' expired rows
// (sweepExpiredRecords: OAuth states, replay keys, reconnect links, the delivery and notification logs), and
// folds the page-count deltas of organizations that gathered many (compactPageCounts).
// Processes sweeping one Postgres database at once take disjoint batches (SKIP LOCKED), so no leader or job
// queue is needed.
import {
  compactPageCounts,
  type EventSweepResult,
  type Executor,
  type RetainedRecord,
  retentionCutoff,
  sweepExpiredEvents,
  sweepExpiredRecords,
} from '@tsunagi/db';
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

export interface RetentionSweepResult extends EventSweepResult {
  /** The other tables' rows deleted, per table. */
  readonly records: Record<RetainedRecord, number>;
  /** Organizations whose page-count deltas were folded into one row per state. */
  readonly pageCountsFolded: number;
}

export class EventRetentionSweeper {
  readonly #options: EventRetentionSweeperOptions;
  readonly #stop = new AbortController();
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<RetentionSweepResult> | null = null;

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
  sweep(): Promise<RetentionSweepResult> {
    this.#running ??= this.#sweep().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #sweep(): Promise<RetentionSweepResult> {
    const { db, config, logger } = this.#options;
    const now = this.#options.now?.() ?? new Date();
    const pauseMs = this.#options.pauseMs ?? 20;
    const signal = this.#stop.signal;
    const result =
      config.days > 0
        ? await sweepExpiredEvents(db, {
            olderThan: retentionCutoff(config.days, now),
            batchSize: config.batchSize,
            pauseMs,
            signal,
          })
        : { deleted: 0, batches: 0 };
    if (result.deleted > 0) logger?.info({ ...result, retentionDays: config.days }, 'expired events deleted');
    const records = await sweepExpiredRecords(db, {
      now,
      logDays: config.recordDays,
      batchSize: config.batchSize,
      pauseMs,
      signal,
    });
    if (Object.values(records).some((count) => count > 0))
      logger?.info({ ...records, retentionDays: config.recordDays }, 'expired records deleted');
    const pageCountsFolded = signal.aborted ? 0 : await compactPageCounts(db);
    return { ...result, records, pageCountsFolded };
  }

  /** Stops the timer and waits for a sweep in progress to end its batch (call before the database closes). */
  async stop(): Promise<void> {
    this.#stop.abort();
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => {});
  }
}
