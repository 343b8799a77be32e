// The GraphQL route's JSON body parser. Everyone gets MAX_BODY_BYTES; ADMIN and SERVICE credentials get
// DIRECTORY_SYNC_MAX_BODY_BYTES, since a directory sync carries thousands of rows. A body that may be larger
// than the general limit (its Content-Length says so, or it has none) is authenticated before it is read, so
// nobody else can make the gateway buffer megabytes; the context made then serves the request.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { GatewayContext } from '../context.js';
import type { QueryLimits } from '../env.js';
import { databaseUnavailableError } from '../errors.js';

/** Where the parser leaves the context it made (`res.locals`), for the GraphQL middleware to use. */
const EARLY_CONTEXT = 'tsunagiContext';

export function earlyContext(response: Response): GatewayContext | undefined {
  return response.locals[EARLY_CONTEXT] as GatewayContext | undefined;
}

export function graphqlBodyParser(options: {
  limits: QueryLimits;
  authenticate: (request: Request) => Promise<GatewayContext>;
}): RequestHandler {
  const { limits, authenticate } = options;
  const general = express.json({ limit: limits.maxBodyBytes });
  const directory = express.json({ limit: limits.directorySyncMaxBodyBytes });
  return async (request: Request, response: Response, next: NextFunction) => {
    const declared = Number(request.headers['content-length']);
    if (
      request.method !== 'POST' ||
      limits.directorySyncMaxBodyBytes <= limits.maxBodyBytes ||
      (Number.isFinite(declared) && declared <= limits.maxBodyBytes)
    ) {
      general(request, response, next);
      return;
    }
    let context: GatewayContext;
    try {
      context = await authenticate(request);
    } catch (error) {
      // A lost database answers 503 as everywhere; a refused credential keeps the general limit (and is
      // refused again, by the GraphQL middleware, if the body fits).
      const unavailable = databaseUnavailableError(error, { http: true });
      if (unavailable !== null) next(unavailable);
      else general(request, response, next);
      return;
    }
    const role = context.viewer.role;
    if (role === 'ADMIN' || role === 'SERVICE') {
      response.locals[EARLY_CONTEXT] = context;
      directory(request, response, next);
    } else general(request, response, next);
  };
}
