// Every error a client sees carries one of these codes, and nothing else from the server's insides.
import {
  databaseUnavailable,
  EVENTS_RESYNC_HINT,
  type EventsExpiredError,
  isEventsExpiredError,
  type Result,
  type ServiceError,
} from '@tsunagi/db';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'PROVIDER_ERROR',
  /** The database could not be reached or lost the connection; `extensions.retryable` says if nothing changed. */
  'DATABASE_UNAVAILABLE',
  /**
   * The event log no longer keeps every event after the cursor asked for (retention removed some).
   * `extensions`: `oldestCursor`, `resyncCursor` and `resync` (read the current state, then follow from it).
   */
  'EVENTS_EXPIRED',
  /** This gateway does not run what was asked for (e.g. `mailOutbox` outside embedded mode): nothing to retry. */
  'FEATURE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for errors that end a request before execution (Apollo uses `extensions.http`). */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  PROVIDER_ERROR: 502,
  // A well-formed request the gateway could not serve for now: a typed answer the client retries, as
  // GraphQL-over-HTTP answers application/json requests (200), not a server fault (5xx).
  DATABASE_UNAVAILABLE: 200,
  // Gone: what the cursor pointed at was removed for good.
  EVENTS_EXPIRED: 410,
  FEATURE_UNAVAILABLE: 404,
  INTERNAL_SERVER_ERROR: 500,
};

// Errors made here, whose message is written for the caller. Kept out of `extensions` so it never serializes.
const gatewayErrors = new WeakSet<GraphQLError>();

export interface GatewayErrorOptions {
  /** The input field at fault (BAD_USER_INPUT). */
  field?: string | undefined;
  /** Extra safe extensions (e.g. the provider for PROVIDER_ERROR). */
  extensions?: Record<string, unknown>;
  /** Sets the HTTP status when the error ends the request before execution. */
  http?: boolean;
}

/** A GraphQL error whose message and extensions are safe to show to the caller. */
export function gatewayError(
  code: ErrorCode,
  message: string,
  options: GatewayErrorOptions = {},
): GraphQLError {
  const error = new GraphQLError(message, {
    extensions: {
      code,
      ...(options.field === undefined ? {} : { field: options.field }),
      ...options.extensions,
      ...(options.http ? { http: { status: HTTP_STATUS[code] } } : {}),
    },
  });
  gatewayErrors.add(error);
  return error;
}

export const notFound = (what: string) => gatewayError('NOT_FOUND', `${what} not found`);
export const forbidden = (message: string) => gatewayError('FORBIDDEN', message);
export const badInput = (message: string, field?: string) =>
  gatewayError('BAD_USER_INPUT', message, { field });

/** A service's expected failure, as the GraphQL error with the same code. */
export function serviceFailure(error: ServiceError): GraphQLError {
  return gatewayError(error.code, error.message, { field: error.field });
}

/** Unwraps a service Result or throws its failure as a GraphQL error. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw serviceFailure(result.error);
  return result.value;
}

/** EVENTS_EXPIRED for the log's EventsExpiredError (cursors as the API spells them: strings). */
export function eventsExpired(error: EventsExpiredError): GraphQLError {
  return gatewayError(
    'EVENTS_EXPIRED',
    `Events after cursor ${error.cursor} are no longer kept: the log keeps events from cursor ${error.oldestCursor} on`,
    {
      extensions: {
        oldestCursor: String(error.oldestCursor),
        resyncCursor: String(error.resyncCursor),
        resync: EVENTS_RESYNC_HINT,
      },
    },
  );
}

/** The typed GraphQL error for a failure of the event log that is the client's to handle; else `error` itself. */
export function eventLogFailure(error: unknown): unknown {
  return isEventsExpiredError(error) ? eventsExpired(error) : error;
}

/**
 * DATABASE_UNAVAILABLE for an error that means the database was unreachable or lost the connection
 * (looking through graphql-js's wrapper), with `retryable` true when nothing was applied; null otherwise.
 */
export function databaseUnavailableError(
  error: unknown,
  options: { http?: boolean } = {},
): GraphQLError | null {
  // Already typed (e.g. by `authenticate`): it wraps nothing more to look through.
  const typed = gatewayErrorIn(error);
  if (typed?.extensions.code === 'DATABASE_UNAVAILABLE') return typed;
  let current = error;
  for (let depth = 0; current instanceof GraphQLError && depth < 4; depth++) current = current.originalError;
  const unavailable = databaseUnavailable(current);
  if (unavailable === null) return null;
  return gatewayError('DATABASE_UNAVAILABLE', unavailable.message, {
    extensions: { retryable: unavailable.retryable },
    ...(options.http === undefined ? {} : { http: options.http }),
  });
}

// Errors graphql-js and Apollo raise themselves for a bad request; their messages describe only the request.
const REQUEST_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
};

/** How Apollo tags the request errors graphql-js raises (parse, validation, variable coercion). */
export type RequestErrorKind = 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT';

/**
 * A graphql-js parse, validation or variable error tagged as Apollo tags it, so graphql-ws answers with the
 * code and message HTTP gives. The message describes only the request; nothing of the server is kept.
 */
export function requestError(error: GraphQLError, kind: RequestErrorKind): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.nodes === undefined ? {} : { nodes: error.nodes }),
    ...(error.source === undefined ? {} : { source: error.source }),
    ...(error.positions === undefined ? {} : { positions: error.positions }),
    extensions: { ...error.extensions, code: kind },
  });
}

/** The gateway error behind `error`, looking through the wrappers graphql-js and Apollo add. */
function gatewayErrorIn(error: unknown): GraphQLError | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    if (current instanceof GraphQLError && gatewayErrors.has(current)) return current;
    current = current instanceof GraphQLError ? current.originalError : current.cause;
  }
  return null;
}

/** The code a request-level error (parse, validation, bad variables, CSRF block) maps to, if it is one. */
function requestErrorCode(error: unknown): ErrorCode | undefined {
  if (!(error instanceof GraphQLError) || error.path !== undefined) return undefined;
  // A request error wraps nothing, or only another GraphQLError (a scalar's parse error).
  if (error.originalError !== undefined && !(error.originalError instanceof GraphQLError)) return undefined;
  const code = error.extensions.code;
  return typeof code === 'string' ? REQUEST_ERROR_CODES[code] : undefined;
}

/**
 * Errors whose message is written for the caller, and database outages (reported by /readyz and the
 * database's connection log, not once per request); anything else is a bug, logged and masked.
 */
export function isExpectedError(error: unknown): boolean {
  return (
    gatewayErrorIn(error) !== null ||
    requestErrorCode(error) !== undefined ||
    databaseUnavailableError(error) !== null
  );
}

/**
 * Apollo's `formatError`, also applied to graphql-ws results: keeps the gateway's own errors and request
 * errors, replaces everything else with INTERNAL_SERVER_ERROR. Never lets a stack trace, SQL text or
 * token through (the caller logs the original).
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = gatewayErrorIn(error)?.extensions.code ?? requestErrorCode(error);
  const unavailable = code === undefined ? databaseUnavailableError(error) : null;
  if (unavailable !== null) {
    return {
      message: unavailable.message,
      ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
      ...(formatted.path === undefined ? {} : { path: formatted.path }),
      extensions: { code: 'DATABASE_UNAVAILABLE', retryable: unavailable.extensions.retryable },
    };
  }
  if (code === undefined) {
    return {
      message: 'Internal server error',
      ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
      ...(formatted.path === undefined ? {} : { path: formatted.path }),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  const {
    stacktrace: _stacktrace,
    exception: _exception,
    http: _http,
    ...extensions
  } = formatted.extensions ?? {};
  return { ...formatted, extensions: { ...extensions, code } };
}
