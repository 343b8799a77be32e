// What the HTTP pipeline refuses before Apollo sees a request, because Apollo would answer it with a 5xx or a
// misleading 200: a document nested too deep to parse, a subscription (they are served over graphql-ws), and a
// subscription whose root field carries @skip/@include (graphql-js 16 throws while validating it).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type GraphQLError, type GraphQLSchema, getOperationAST, parse, validate } from 'graphql';
import type { QueryLimits } from '../env.js';
import { gatewayError, requestError } from '../errors.js';
import {
  documentNestingError,
  hasSubscription,
  SubscriptionRootFieldRule,
} from '../limits/document-checks.js';
import { errorContentType, requestErrorStatus } from './media-types.js';

export interface RequestGuardOptions {
  readonly schema: GraphQLSchema;
  readonly limits: QueryLimits;
  /** Formats (masking, metrics) the errors the guard answers with, as Apollo's `formatError` does. */
  readonly format: (error: GraphQLError) => unknown;
}

function requestParameter(request: Request, name: 'query' | 'operationName'): unknown {
  const source =
    request.method === 'GET' ? request.query : (request.body as Record<string, unknown> | undefined);
  return source !== null && typeof source === 'object' ? source[name] : undefined;
}

/** Answers a request the guard refuses, in GraphQL's error shape. */
export function sendRequestErrors(
  request: Request,
  response: Response,
  status: number,
  errors: readonly unknown[],
): void {
  const accept = request.headers.accept;
  response
    .status(requestErrorStatus(accept, status))
    .type(errorContentType(accept))
    .send(JSON.stringify({ errors }));
}

export function graphqlRequestGuard(options: RequestGuardOptions): RequestHandler {
  const { schema, limits, format } = options;
  const refuse = (request: Request, response: Response, errors: GraphQLError[]) =>
    sendRequestErrors(request, response, 400, errors.map(format));

  return (request: Request, response: Response, next: NextFunction) => {
    const query = requestParameter(request, 'query');
    if (typeof query !== 'string') {
      next();
      return;
    }
    const tooDeep = documentNestingError(query, limits);
    if (tooDeep !== null) {
      refuse(request, response, [tooDeep]);
      return;
    }
    // Only a document that can hold a subscription is parsed twice.
    if (!/\bsubscription\b/.test(query)) {
      next();
      return;
    }
    let document: ReturnType<typeof parse>;
    try {
      document = parse(query);
    } catch {
      next(); // Apollo answers the syntax error.
      return;
    }
    if (!hasSubscription(document)) {
      next();
      return;
    }
    const rootErrors = validate(schema, document, [SubscriptionRootFieldRule]);
    if (rootErrors.length > 0) {
      refuse(
        request,
        response,
        rootErrors.map((error) => requestError(error, 'GRAPHQL_VALIDATION_FAILED')),
      );
      return;
    }
    const operationName = requestParameter(request, 'operationName');
    const operation = getOperationAST(
      document,
      typeof operationName === 'string' ? operationName : undefined,
    );
    if (operation?.operation === 'subscription') {
      refuse(request, response, [
        gatewayError(
          'BAD_USER_INPUT',
          'Subscriptions are served over WebSocket (graphql-ws protocol, graphql-transport-ws) on this same URL; HTTP carries queries and mutations',
          { http: true },
        ),
      ]);
      return;
    }
    next();
  };
}
