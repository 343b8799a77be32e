// A probe is a trace of its own: the probe span (connection, provider, outcome), its provider requests and the
// SQL that records the result. Its duration and outcome are also a histogram.
import {
  type Histogram,
  type MeterProvider,
  metrics,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

// Looked up again when the SDK is registered (or replaced): the metrics API has no proxy.
let instruments: { provider: MeterProvider; duration: Histogram } | null = null;
function probeDuration(): Histogram {
  const provider = metrics.getMeterProvider();
  if (instruments?.provider !== provider) {
    instruments = {
      provider,
      duration: provider.getMeter('@tsunagi/gateway').createHistogram('tsunagi.probe.duration', {
        description: 'Duration of one health probe, the recording of its result included',
        unit: 's',
        advice: { explicitBucketBoundaries: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] },
      }),
    };
  }
  return instruments.duration;
}

export interface ProbeSubject {
  readonly organizationId: string;
  readonly id: string;
  readonly provider: string;
}

/** Runs `probe` as a root span; `outcome` names how it ended (`ok`, or the code it was not recorded with). */
export function traceProbe<T>(
  subject: ProbeSubject,
  probe: () => Promise<T>,
  outcome: (value: T) => string,
): Promise<T> {
  const started = performance.now();
  return trace.getTracer('@tsunagi/gateway').startActiveSpan(
    `probe ${subject.provider}`,
    {
      root: true,
      kind: SpanKind.INTERNAL,
      attributes: {
        'tsunagi.provider': subject.provider,
        'tsunagi.organization.id': subject.organizationId,
        'tsunagi.connection.id': subject.id,
      },
    },
    async (span) => {
      let result = 'error';
      try {
        const value = await probe();
        result = outcome(value);
        return value;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.setAttribute('tsunagi.outcome', result);
        span.end();
        probeDuration().record((performance.now() - started) / 1000, {
          'tsunagi.provider': subject.provider,
          'tsunagi.outcome': result,
        });
      }
    },
  );
}
