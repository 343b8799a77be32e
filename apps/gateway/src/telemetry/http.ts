// One SERVER span per HTTP request, the parent of everything the request does (resolvers, SQL, provider
// calls), and the semantic conventions' request-duration histogram. Named by the route's template, never
// the path as sent: a reconnect link's path carries its token, and no query string is recorded.
// Attributes: https://opentelemetry.io/docs/specs/semconv/http/http-spans/ and .../http-metrics/
import { context, metrics, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The template Express matched (`/reconnect/:token`), else the mount point (`/graphql`), else `unmatched`. */
function routeOf(request: Request): string {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') return `${request.baseUrl}${route}`;
  return request.baseUrl === '' ? 'unmatched' : request.baseUrl;
}

export function tracingMiddleware() {
  const tracer = trace.getTracer('@tsunagi/gateway');
  const duration = metrics.getMeter('@tsunagi/gateway').createHistogram('http.server.request.duration', {
    description: 'Duration of HTTP server requests',
    unit: 's',
    advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    const method = KNOWN_METHODS.has(request.method) ? request.method : '_OTHER';
    const started = performance.now();
    // A caller's traceparent makes this request part of its trace (W3C Trace Context).
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(
      method,
      {
        kind: SpanKind.SERVER,
        attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_SCHEME]: 'http' },
      },
      parent,
    );
    const active = trace.setSpan(parent, span);
    response.once('close', () => {
      const route = routeOf(request);
      const status = response.statusCode;
      span.updateName(`${method} ${route}`);
      span.setAttributes({ [ATTR_HTTP_ROUTE]: route, [ATTR_HTTP_RESPONSE_STATUS_CODE]: status });
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      duration.record((performance.now() - started) / 1000, {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_HTTP_ROUTE]: route,
        [ATTR_HTTP_RESPONSE_STATUS_CODE]: status,
      });
    });
    // The body arrives in stream events: bound, so what they resume runs inside the request's span.
    context.bind(active, request);
    context.bind(active, response);
    context.with(active, next);
  };
}
