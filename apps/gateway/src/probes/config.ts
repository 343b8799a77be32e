// Probe settings (PROBES_ENABLED, PROBE_INTERVAL_SECONDS, PROBE_CONCURRENCY_PER_PROVIDER).
export interface ProbeConfig {
  /** Undefined: on when the gateway has provider adapters. */
  readonly enabled?: boolean | undefined;
  /** Each connection is probed about once per interval. */
  readonly intervalSeconds: number;
  /** Probes in flight per provider (per process on Postgres). */
  readonly concurrencyPerProvider: number;
}

export const DEFAULT_PROBE_CONFIG: ProbeConfig = Object.freeze({
  intervalSeconds: 300,
  concurrencyPerProvider: 4,
});
