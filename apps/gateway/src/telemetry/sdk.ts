// The OpenTelemetry SDK, registered for the whole process when the gateway is configured to export (and only
// then: unconfigured, the libraries' API calls stay no-ops and nothing is sent). Spans leave in batches and
// metrics periodically, both over OTLP/HTTP as JSON.
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { TelemetryConfig } from './config.js';

export interface Telemetry {
  /** Sends what is buffered now (tests, benchmarks, shutdown). */
  flush(): Promise<void>;
  /** Flushes, stops exporting and unregisters the SDK. */
  shutdown(): Promise<void>;
}

/** The process's one SDK, shared by every gateway started in it while it runs. */
let running: { telemetry: Telemetry; users: number } | null = null;

export function startTelemetry(config: TelemetryConfig): Telemetry {
  if (running !== null) {
    running.users += 1;
    return sharedHandle();
  }
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: config.serviceName,
    [ATTR_SERVICE_VERSION]: '0.1.0',
  });
  const tracerProvider =
    config.tracesUrl === null
      ? null
      : new NodeTracerProvider({
          resource,
          spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl }))],
        });
  // Registers the AsyncLocalStorage context manager and W3C trace-context propagation with it.
  tracerProvider?.register();
  const meterProvider =
    config.metricsUrl === null
      ? null
      : new MeterProvider({
          resource,
          readers: [
            new PeriodicExportingMetricReader({
              exporter: new OTLPMetricExporter({ url: config.metricsUrl }),
              exportIntervalMillis: config.metricExportIntervalMs,
              exportTimeoutMillis: Math.min(30_000, config.metricExportIntervalMs),
            }),
          ],
        });
  if (meterProvider !== null) metrics.setGlobalMeterProvider(meterProvider);

  const telemetry: Telemetry = {
    async flush() {
      await Promise.all([tracerProvider?.forceFlush(), meterProvider?.forceFlush()]);
    },
    async shutdown() {
      await Promise.all([tracerProvider?.shutdown(), meterProvider?.shutdown()]);
      // Unregistered, so a later start in the same process (a benchmark's second phase) can register again.
      trace.disable();
      metrics.disable();
      context.disable();
      propagation.disable();
    },
  };
  running = { telemetry, users: 1 };
  return sharedHandle();
}

function sharedHandle(): Telemetry {
  let released = false;
  return {
    flush: () => running?.telemetry.flush() ?? Promise.resolve(),
    async shutdown() {
      if (released || running === null) return;
      released = true;
      const current = running;
      current.users -= 1;
      if (current.users > 0) {
        await current.telemetry.flush();
        return;
      }
      running = null;
      await current.telemetry.shutdown();
    },
  };
}
