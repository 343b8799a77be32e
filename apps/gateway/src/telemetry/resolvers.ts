// A span around each root field's resolver (Query, Mutation): the operation's own work, under the HTTP
// span, above its SQL and provider calls. Nested fields are not spanned one by one: a dashboard of 50 pages
// resolves thousands of fields, and their queries are batched (DataLoader) under the root field anyway.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/** Wraps the root fields' resolvers of `schema` in place; returns it. */
export function traceRootResolvers(schema: GraphQLSchema): GraphQLSchema {
  const tracer = trace.getTracer('@tsunagi/gateway');
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (type == null) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const name = `${type.name}.${field.name}`;
      field.resolve = (source, args, contextValue, info) =>
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
              const result = resolve(source, args, contextValue, info);
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
