// A real pino logger whose lines a test reads back: to prove what the gateway did (or did not) log.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../src/ops/logger.js';

export interface LogLine {
  level: number;
  msg?: string;
  err?: { message?: string; stack?: string };
  [key: string]: unknown;
}

export interface CapturedLogs {
  readonly logger: Logger;
  readonly lines: LogLine[];
  /** Lines at error level or above (pino: error 50, fatal 60). */
  errors(): LogLine[];
}

export function captureLogs(level: 'debug' | 'info' = 'info'): CapturedLogs {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  return {
    logger: pino({ level }, sink),
    lines,
    errors: () => lines.filter((line) => line.level >= 50),
  };
}
