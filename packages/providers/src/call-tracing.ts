// Provider calls as OpenTelemetry spans and timings, through the API only (a no-op until the application
// registers an SDK). One span per attempt of an authorized call (the HTTP request, retries each their own)
// and one per token refresh. Attributes name the provider, the attempt and the classified outcome: never a
// token, a URL with its query, or a response body.
import {
  type Histogram,
  type MeterProvider,
  metrics,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

// Looked up again when the application registers (or replaces) its SDK: the metrics API has no proxy, so an
// instrument made before registration would stay a no-op.
let instruments: { provider: MeterProvider; duration: Histogram } | null = null;
function requestDuration(): Histogram {
  const provider = metrics.getMeterProvider();
  if (instruments?.provider !== provider) {
    instruments = {
      provider,
      duration: provider.getMeter('@tsunagi/providers').createHistogram('tsunagi.provider.request.duration', {
        description: 'Duration of one request to a provider (one attempt of a call, or a token refresh)',
        unit: 's',
        advice: { explicitBucketBoundaries: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] },
      }),
    };
  }
  return instruments.duration;
}

/** The classified code of a failure (a ProviderError's `code`), or its name. */
function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'error';
}

/** Runs one provider request inside a CLIENT span `provider.<operation> <provider>`. */
export async function traceProviderRequest<T>(
  provider: string,
  operation: 'request' | 'token_refresh',
  attempt: number | null,
  run: () => Promise<T>,
): Promise<T> {
  const attributes = { 'tsunagi.provider': provider, 'tsunagi.provider.operation': operation };
  const started = performance.now();
  const parent = trace.getActiveSpan();
  // Only inside a traced operation: a call nobody traces makes no trace of its own.
  if (parent?.isRecording() !== true) {
    try {
      const value = await run();
      requestDuration().record((performance.now() - started) / 1000, {
        ...attributes,
        'tsunagi.outcome': 'ok',
      });
      return value;
    } catch (error) {
      requestDuration().record((performance.now() - started) / 1000, {
        ...attributes,
        'tsunagi.outcome': failureCode(error),
      });
      throw error;
    }
  }
  return trace.getTracer('@tsunagi/providers').startActiveSpan(
    `provider.${operation} ${provider}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { ...attributes, ...(attempt === null ? {} : { 'tsunagi.provider.attempt': attempt }) },
    },
    async (span) => {
      try {
        const value = await run();
        requestDuration().record((performance.now() - started) / 1000, {
          ...attributes,
          'tsunagi.outcome': 'ok',
        });
        span.setAttribute('tsunagi.outcome', 'ok');
        return value;
      } catch (error) {
        const code = failureCode(error);
        requestDuration().record((performance.now() - started) / 1000, {
          ...attributes,
          'tsunagi.outcome': code,
        });
        span.setAttributes({ 'tsunagi.outcome': code, 'error.type': code });
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
