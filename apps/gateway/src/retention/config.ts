// Event retention settings (EVENT_RETENTION_DAYS, EVENT_RETENTION_BATCH_SIZE, EVENT_RETENTION_SWEEP_SECONDS).
import { DEFAULT_EVENT_RETENTION_DAYS } from '@tsunagi/db';

export interface EventRetentionConfig {
  /** Events older than this many days are deleted; 0 keeps every event. */
  readonly days: number;
  /** Rows per delete batch (one short statement each). */
  readonly batchSize: number;
  /** How often a sweep runs. */
  readonly sweepIntervalSeconds: number;
}

export const DEFAULT_EVENT_RETENTION_CONFIG: EventRetentionConfig = Object.freeze({
  days: DEFAULT_EVENT_RETENTION_DAYS,
  batchSize: 1_000,
  sweepIntervalSeconds: 600,
});
