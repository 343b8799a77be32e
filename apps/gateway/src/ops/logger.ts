// pino JSON logs. Tokens never reach a log line: authorization headers and connection_init payloads are redacted.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { type Logger, pino } from 'pino';
import type { LogLevel } from '../env.js';

export type { Logger };

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'tsunagi-gateway' },
    redact: {
      paths: ['authorization', '*.authorization', '*.headers.authorization', 'token', '*.token', 'payload'],
      censor: '[redacted]',
    },
  });
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a well-formed incoming `x-request-id`, else makes one; echoes it on the response. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
}

declare global {
  namespace Express {
    interface Request {
      requestId: string;
      log: Logger;
    }
  }
}

export function requestLogging(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction) => {
    const requestId = requestIdFrom(request.headers['x-request-id']);
    request.requestId = requestId;
    request.log = logger.child({ requestId });
    response.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      request.log.info(
        {
          method: request.method,
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}
