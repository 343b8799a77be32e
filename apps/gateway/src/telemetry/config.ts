// Where telemetry goes, read from the standard OpenTelemetry variables (env.ts reads them once):
// https://opentelemetry.io/docs/specs/otel/protocol/exporter/ (OTEL_EXPORTER_OTLP_ENDPOINT: the signal paths
// v1/traces and v1/metrics are appended; OTEL_EXPORTER_OTLP_{TRACES,METRICS}_ENDPOINT: used as given) and
// https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/ (OTEL_SERVICE_NAME,
// OTEL_METRIC_EXPORT_INTERVAL, OTEL_SDK_DISABLED).

export interface TelemetryConfig {
  /** OTLP/HTTP (JSON) URL spans are posted to; null: no tracing at all. */
  readonly tracesUrl: string | null;
  /** OTLP/HTTP (JSON) URL metrics are posted to; null: no OTLP metrics (`/metrics` is always served). */
  readonly metricsUrl: string | null;
  /** `service.name` of the resource. */
  readonly serviceName: string;
  /** How often metrics are exported (OTEL_METRIC_EXPORT_INTERVAL; the spec's default is 60 s). */
  readonly metricExportIntervalMs: number;
  /** The trailing window the per-organization health figures are exported over. */
  readonly healthWindowMs: number;
}

export const DEFAULT_SERVICE_NAME = 'tsunagi-gateway';

export const TELEMETRY_OFF: TelemetryConfig = {
  tracesUrl: null,
  metricsUrl: null,
  serviceName: DEFAULT_SERVICE_NAME,
  metricExportIntervalMs: 60_000,
  healthWindowMs: 24 * 3_600_000,
};

export function telemetryEnabled(config: TelemetryConfig | undefined): config is TelemetryConfig {
  return config !== undefined && (config.tracesUrl !== null || config.metricsUrl !== null);
}

/** The base endpoint with a signal path appended, as the OTLP exporter specification says. */
export function signalUrl(base: string, signal: 'traces' | 'metrics'): string {
  return `${base.replace(/\/+$/, '')}/v1/${signal}`;
}

export interface TelemetryEnv {
  readonly OTEL_SDK_DISABLED?: boolean | undefined;
  readonly OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  readonly OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string | undefined;
  readonly OTEL_EXPORTER_OTLP_METRICS_ENDPOINT?: string | undefined;
  readonly OTEL_SERVICE_NAME?: string | undefined;
  readonly OTEL_METRIC_EXPORT_INTERVAL?: number | undefined;
}

export function telemetryFromEnv(env: TelemetryEnv): TelemetryConfig {
  if (env.OTEL_SDK_DISABLED === true) return TELEMETRY_OFF;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return {
    ...TELEMETRY_OFF,
    tracesUrl:
      env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base === undefined ? null : signalUrl(base, 'traces')),
    metricsUrl:
      env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT ?? (base === undefined ? null : signalUrl(base, 'metrics')),
    serviceName: env.OTEL_SERVICE_NAME ?? DEFAULT_SERVICE_NAME,
    metricExportIntervalMs: env.OTEL_METRIC_EXPORT_INTERVAL ?? TELEMETRY_OFF.metricExportIntervalMs,
  };
}
