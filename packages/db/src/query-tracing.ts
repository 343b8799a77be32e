// SQL spans and timings through the OpenTelemetry API, wrapped around the drivers' `query` (node-postgres pool
// clients, PGlite and its transactions). The API is a no-op until the application registers an SDK; a
// statement gets a span only inside a traced operation (a request, a probe), so background pollers
// (pg-boss, the dispatchers' sweeps) make no traces of their own.
// Attribute names: OpenTelemetry semantic conventions for database client spans and metrics
// (https://opentelemetry.io/docs/specs/semconv/database/database-spans/, .../database-metrics/).
import {
  type Attributes,
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
function operationDuration(): Histogram {
  const provider = metrics.getMeterProvider();
  if (instruments?.provider !== provider) {
    instruments = {
      provider,
      duration: provider.getMeter('@tsunagi/db').createHistogram('db.client.operation.duration', {
        description: 'Duration of SQL statements',
        unit: 's',
        advice: { explicitBucketBoundaries: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5] },
      }),
    };
  }
  return instruments.duration;
}

const QUERY_TEXT_LIMIT = 2_000;

/** The statement's first keyword (SELECT, INSERT, WITH, BEGIN …): the span's name and `db.operation.name`. */
export function operationName(text: string): string {
  const match = /^\s*([A-Za-z]+)/.exec(text);
  return match?.[1]?.toUpperCase() ?? 'QUERY';
}

/**
 * The statement as recorded: string literals replaced by `?` (values travel as parameters, which are never
 * recorded; a literal written into the text could still be a secret), cut to 2,000 characters.
 */
export function sanitizeQueryText(text: string): string {
  const clean = text.replace(/'(?:[^']|'')*'/g, "'?'").replace(/\$\$[\s\S]*?\$\$/g, '$$?$$');
  return clean.length > QUERY_TEXT_LIMIT ? `${clean.slice(0, QUERY_TEXT_LIMIT)}…` : clean;
}

function statementText(first: unknown): string | null {
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null && typeof (first as { text?: unknown }).text === 'string')
    return (first as { text: string }).text;
  return null;
}

/** Times `run` as one SQL statement: a span when a traced operation is active, the duration histogram always. */
function traced<T>(text: string, run: () => T): T {
  const operation = operationName(text);
  const attributes: Attributes = { 'db.system.name': 'postgresql', 'db.operation.name': operation };
  const started = performance.now();
  const parent = trace.getActiveSpan();
  const span =
    parent?.isRecording() === true
      ? trace.getTracer('@tsunagi/db').startSpan(operation, {
          kind: SpanKind.CLIENT,
          attributes: { ...attributes, 'db.query.text': sanitizeQueryText(text) },
        })
      : null;
  const finish = (error: unknown) => {
    const failed = error !== undefined;
    operationDuration().record(
      (performance.now() - started) / 1000,
      failed ? { ...attributes, 'error.type': errorType(error) } : attributes,
    );
    if (span === null) return;
    if (failed) {
      span.setAttribute('error.type', errorType(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
  let result: T;
  try {
    result = run();
  } catch (error) {
    finish(error);
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (value) => {
        finish(undefined);
        return value;
      },
      (error: unknown) => {
        finish(error ?? new Error('query failed'));
        throw error;
      },
    ) as T;
  }
  finish(undefined);
  return result;
}

/** A SQLSTATE when the driver gave one (never the message: it can quote a value). */
function errorType(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}

interface Queryable {
  query: (...args: never[]) => unknown;
}

/**
 * Wraps `target.query` (once). node-postgres' callback form (`query(text, values, callback)`, what the pool
 * itself calls) is timed through its callback; submittables (cursors) pass through untimed.
 */
export function traceQueries<T extends Queryable>(target: T): T {
  const marked = target as T & { [TRACED]?: true };
  if (marked[TRACED]) return target;
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  const wrapped = (...args: unknown[]): unknown => {
    const text = statementText(args[0]);
    if (text === null) return original(...args);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as (error: unknown, result: unknown) => void;
      let returned: unknown;
      const timing = traced(
        text,
        () =>
          new Promise<void>((resolve, reject) => {
            returned = original(...args.slice(0, -1), (error: unknown, result: unknown) => {
              if (error) reject(error);
              else resolve();
              callback(error, result);
            });
          }),
      );
      // Settled for the timing only; the caller hears through its callback.
      timing.catch(() => {});
      return returned;
    }
    return traced(text, () => original(...args));
  };
  Object.assign(target, { query: wrapped, [TRACED]: true });
  return target;
}

const TRACED = Symbol('tsunagi.db.traced');

interface PgliteLike extends Queryable {
  transaction: (body: (tx: Queryable) => Promise<unknown>) => Promise<unknown>;
}

/** PGlite: its own `query`, and the `query` of every transaction it opens. */
export function tracePglite<T extends PgliteLike>(client: T): T {
  traceQueries(client);
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    transaction: (body: (tx: Queryable) => Promise<unknown>) => transaction((tx) => body(traceQueries(tx))),
  });
  return client;
}
