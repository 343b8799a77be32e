// The one answer of every plain Express route (metrics, OAuth, webhooks) that lost its database: 503 Service
// Unavailable with Retry-After (RFC 9110 §15.6.4: "the server is currently unable to handle the request due
// to a temporary overload or scheduled maintenance"; §10.2.3 Retry-After), and the typed body GraphQL clients
// know — never a 500, a stack or SQL. Routes throw the failure; this handler, mounted after them, answers it.
import type { ErrorRequestHandler, Request } from 'express';
import { databaseUnavailableError } from '../errors.js';

/** How long a client should wait before retrying: a reconnect to Postgres usually takes a few seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** A page for a browser, when the route has one (the OAuth callback page); null answers JSON. */
export type UnavailablePage = (request: Request) => {
  readonly headers: Readonly<Record<string, string>>;
  readonly html: string;
} | null;

export function databaseUnavailableHandler(options: { page?: UnavailablePage } = {}): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    const unavailable = databaseUnavailableError(error);
    if (unavailable === null || response.headersSent) {
      next(error);
      return;
    }
    // Reported by /readyz and the database's connection log: one line per answer, no stack.
    request.log.warn(
      { code: 'DATABASE_UNAVAILABLE', path: request.originalUrl.split('?')[0] },
      'database unavailable; answered 503',
    );
    response
      .status(503)
      .set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      .set('cache-control', 'no-store');
    const page = options.page?.(request) ?? null;
    if (page !== null) {
      response.set(page.headers).type('html').send(page.html);
      return;
    }
    // Set, not defaulted: a route may have typed its answer before the database failed under it.
    response.type('json').send({
      errors: [
        {
          message: unavailable.message,
          extensions: { code: 'DATABASE_UNAVAILABLE', retryable: unavailable.extensions.retryable },
        },
      ],
    });
  };
}
