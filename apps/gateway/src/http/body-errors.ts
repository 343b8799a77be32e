// Failures of reading the request body (body-parser's errors carry a `type` and an HTTP status), answered in
// GraphQL's error shape with the status that names the client's mistake; only what is left is a server fault.
import type { ErrorRequestHandler } from 'express';
import type { QueryLimits } from '../env.js';
import type { ErrorCode } from '../errors.js';
import type { Logger } from '../ops/logger.js';

/** body-parser inflates these (https://github.com/expressjs/body-parser#inflate). */
export const SUPPORTED_CONTENT_ENCODINGS = ['identity', 'gzip', 'deflate', 'br'] as const;

interface BodyError {
  readonly type?: unknown;
  readonly status?: unknown;
  /** body-parser's limit for this request (the directory sync limit for ADMIN and SERVICE credentials). */
  readonly limit?: unknown;
}

function errorBody(code: ErrorCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

export function bodyErrorHandler(limits: QueryLimits, log: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const { type, status, limit } = (error ?? {}) as BodyError;
    const send = (statusCode: number, message: string) =>
      void response.status(statusCode).json(errorBody('BAD_USER_INPUT', message));
    switch (type) {
      case 'entity.too.large':
        return send(
          413,
          `The request body is larger than ${typeof limit === 'number' ? limit : limits.maxBodyBytes} bytes`,
        );
      case 'encoding.unsupported':
        return send(
          415,
          `Content-Encoding "${request.headers['content-encoding']}" is not supported; send ${SUPPORTED_CONTENT_ENCODINGS.join(', ')}`,
        );
      case 'charset.unsupported':
        return send(415, 'The request body must be UTF-8 JSON');
      case 'entity.parse.failed':
        return send(400, 'The request body is not valid JSON');
      case 'request.aborted':
        // The client went away mid-body: nobody is left to answer, and nothing went wrong here.
        request.log.debug('client aborted the request body');
        return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // A body that fails to inflate under the Content-Encoding it claims (zlib's error), or a bad length.
      return send(400, 'The request body could not be read as its Content-Encoding and Content-Length say');
    }
    (request.log ?? log).error({ err: error }, 'unhandled HTTP error');
    response.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
  };
}
