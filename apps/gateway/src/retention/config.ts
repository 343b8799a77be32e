// Retention settings (EVENT_RETENTION_DAYS, RECORD_RETENTION_DAYS, EVENT_RETENTION_BATCH_SIZE,
// EVENT_RETENTION_SWEEP_SECONDS).
import { DEFAULT_EVENT_RETENTION_DAYS, DEFAULT_RECORD_RETENTION_DAYS } from '@tsunagi/db';

export interface EventRetentionConfig {
  /** Events older than this many days are deleted; 0 keeps every event. */
  readonly days: number;
  /**
   * The webhook delivery log, sent notifications and expired reconnect links older than this many days are
   * deleted; 0 keeps them. Expired OAuth states and provider replay keys go whenever the sweep runs.
   */
  readonly recordDays: number;
  /** Rows per delete batch (one short statement each). */
  readonly batchSize: number;
  /** How often a sweep runs; 0 runs none (tests: a sweep would change what they observe). */
  readonly sweepIntervalSeconds: number;
}

export const DEFAULT_EVENT_RETENTION_CONFIG: EventRetentionConfig = Object.freeze({
  days: DEFAULT_EVENT_RETENTION_DAYS,
  recordDays: DEFAULT_RECORD_RETENTION_DAYS,
  batchSize: 1_000,
  sweepIntervalSeconds: 600,
});
