// Probe settings (PROBES_ENABLED, PROBE_INTERVAL_SECONDS, PROBE_CONCURRENCY_PER_PROVIDER, PROBE_SPREAD_PERCENT).
export interface ProbeConfig {
  /** Undefined: on when the gateway has provider adapters. */
  readonly enabled?: boolean | undefined;
  /** Each connection is probed about once per interval. */
  readonly intervalSeconds: number;
  /** Probes in flight per provider (per process on Postgres). */
  readonly concurrencyPerProvider: number;
  /** Share of the interval a round's probes are spread over, 0 to 1 (Postgres; 0: all at the round's start).
   * Undefined: 1. */
  readonly spread?: number | undefined;
}

export const DEFAULT_PROBE_CONFIG: ProbeConfig = Object.freeze({
  intervalSeconds: 300,
  concurrencyPerProvider: 4,
});
