// The root fields' resolvers (Query, Mutation), wrapped once: each call is timed into the root-field histogram
// of /metrics and, when tracing, is a span under the HTTP span, above its SQL and provider calls. Nested fields
// are neither timed nor spanned one by one: a dashboard of 50 pages resolves thousands of fields, and their
// queries are batched (DataLoader) under the root field anyway. (Timing them through an Apollo plugin's
// `willResolveField` made Apollo wrap every field of the schema and call the plugin for each.)
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

export interface RootResolverInstruments {
  /** Whether each call is also a span (an OTLP traces endpoint is configured). */
  readonly tracing: boolean;
  /** Receives each call's duration, by `Type.field`, once it settled (resolved or failed). */
  observe(field: string, seconds: number): void;
}

/** Wraps the root fields' resolvers of `schema` in place; returns it. */
export function instrumentRootResolvers(
  schema: GraphQLSchema,
  instruments: RootResolverInstruments,
): GraphQLSchema {
  const tracer = trace.getTracer('@tsunagi/gateway');
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (type == null) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const name = `${type.name}.${field.name}`;
      const timed: GraphQLFieldResolver<unknown, unknown> = (source, args, contextValue, info) => {
        const started = performance.now();
        const done = () => instruments.observe(name, (performance.now() - started) / 1000);
        let result: unknown;
        try {
          result = resolve(source, args, contextValue, info);
        } catch (error) {
          done();
          throw error;
        }
        if (result instanceof Promise) return result.finally(done);
        done();
        return result;
      };
      field.resolve = !instruments.tracing
        ? timed
        : (source, args, contextValue, info) =>
            tracer.startActiveSpan(
              `graphql.resolve ${name}`,
              {
                attributes: {
                  'graphql.field.name': field.name,
                  'graphql.field.path': name,
                  'graphql.operation.type': info.operation.operation,
                  ...(info.operation.name ? { 'graphql.operation.name': info.operation.name.value } : {}),
                },
              },
              (span) => {
                const fail = (error: unknown) => {
                  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
                  span.setAttribute('error.type', typeof code === 'string' ? code : 'error');
                  span.setStatus({ code: SpanStatusCode.ERROR });
                };
                try {
                  const result = timed(source, args, contextValue, info);
                  if (result instanceof Promise) {
                    return result.then(
                      (value) => {
                        span.end();
                        return value;
                      },
                      (error: unknown) => {
                        fail(error);
                        span.end();
                        throw error;
                      },
                    );
                  }
                  span.end();
                  return result;
                } catch (error) {
                  fail(error);
                  span.end();
                  throw error;
                }
              },
            );
    }
  }
  return schema;
}
