// A real OTLP/HTTP receiver on loopback: accepts what the gateway's exporters post (JSON encoding,
// https://opentelemetry.io/docs/specs/otlp/#otlphttp), decodes it, and keeps every span and metric point.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type AnyValue = {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
};
type KeyValue = { key: string; value: AnyValue };

export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly kind: number;
  readonly scope: string;
  readonly attributes: Record<string, string | number | boolean | unknown[]>;
  readonly resource: Record<string, string | number | boolean | unknown[]>;
}

export interface ReceivedPoint {
  readonly metric: string;
  readonly attributes: Record<string, string | number | boolean | unknown[]>;
  /** Gauge or sum value; histogram points carry `count` and `sum`. */
  readonly value: number | null;
  readonly count: number | null;
}

export interface OtlpReceiver {
  /** `http://127.0.0.1:port` (the OTEL_EXPORTER_OTLP_ENDPOINT form: signal paths are appended). */
  readonly endpoint: string;
  readonly spans: ReceivedSpan[];
  readonly points: ReceivedPoint[];
  /** Every request body as received (to search for what must never leave). */
  readonly bodies: string[];
  /** Requests by path. */
  readonly requests: string[];
  clear(): void;
  stop(): Promise<void>;
}

function plain(value: AnyValue): string | number | boolean | unknown[] {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  return (value.arrayValue?.values ?? []).map(plain);
}

function attributes(list: KeyValue[] | undefined): Record<string, string | number | boolean | unknown[]> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, plain(value)]));
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface TracesRequest {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: {
      scope?: { name?: string };
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: KeyValue[];
      }[];
    }[];
  }[];
}

type DataPoint = {
  attributes?: KeyValue[];
  asDouble?: number;
  asInt?: string | number;
  count?: string | number;
};
interface MetricsRequest {
  resourceMetrics?: {
    scopeMetrics?: {
      metrics?: {
        name: string;
        gauge?: { dataPoints?: DataPoint[] };
        sum?: { dataPoints?: DataPoint[] };
        histogram?: { dataPoints?: DataPoint[] };
      }[];
    }[];
  }[];
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const points: ReceivedPoint[] = [];
  const bodies: string[] = [];
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const text = await body(request);
    requests.push(request.url ?? '');
    bodies.push(text);
    if (request.headers['content-type']?.startsWith('application/json') !== true) {
      response.writeHead(415).end();
      return;
    }
    if (request.url === '/v1/traces') {
      const decoded = JSON.parse(text) as TracesRequest;
      for (const resourceSpans of decoded.resourceSpans ?? []) {
        const resource = attributes(resourceSpans.resource?.attributes);
        for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
          for (const span of scopeSpans.spans ?? []) {
            spans.push({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ? span.parentSpanId : null,
              name: span.name,
              kind: span.kind,
              scope: scopeSpans.scope?.name ?? '',
              attributes: attributes(span.attributes),
              resource,
            });
          }
        }
      }
    } else if (request.url === '/v1/metrics') {
      const decoded = JSON.parse(text) as MetricsRequest;
      for (const resourceMetrics of decoded.resourceMetrics ?? []) {
        for (const scopeMetrics of resourceMetrics.scopeMetrics ?? []) {
          for (const metric of scopeMetrics.metrics ?? []) {
            const data = metric.gauge ?? metric.sum ?? metric.histogram;
            for (const point of data?.dataPoints ?? []) {
              points.push({
                metric: metric.name,
                attributes: attributes(point.attributes),
                value:
                  point.asDouble !== undefined
                    ? point.asDouble
                    : point.asInt !== undefined
                      ? Number(point.asInt)
                      : null,
                count: point.count === undefined ? null : Number(point.count),
              });
            }
          }
        }
      }
    } else {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    points,
    bodies,
    requests,
    clear() {
      spans.length = 0;
      points.length = 0;
      bodies.length = 0;
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
