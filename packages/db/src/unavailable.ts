// Losing the database is an infrastructure fault, not a bug: the operation fails with one typed error that
// says whether a retry is safe, and the process carries on. Which driver failures mean "the connection,
// not the statement, failed" is decided here and nowhere else.

/**
 * SQLSTATEs that end the session rather than the statement (PostgreSQL, Appendix A "PostgreSQL Error
 * Codes", https://www.postgresql.org/docs/current/errcodes-appendix.html):
 * 57P01 admin_shutdown (pg_terminate_backend, a smart or fast shutdown), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, or in recovery), 57P05 idle_session_timeout (an idle reaper),
 * 53300 too_many_connections (refused at connect), and class 08 connection_exception.
 */
const SESSION_ENDING_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);
const CONNECTION_EXCEPTION_CLASS = '08';

/** Socket failures (Node errno) on the way to or from the server. */
const SOCKET_ERRNOS = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * node-postgres reports some connection losses with a message only, no code (pg/lib/client.js: the socket
 * ended under a query, a query on a client whose socket already failed, the connect timeout;
 * pg-pool/index.js: no client within `connectionTimeoutMillis`).
 */
const DRIVER_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
];

function connectionLostHere(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SESSION_ENDING_SQLSTATES.has(code) || SOCKET_ERRNOS.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && code.startsWith(CONNECTION_EXCEPTION_CLASS)) return true;
  }
  return DRIVER_MESSAGES.includes(error.message);
}

/**
 * Whether `error` (or what it wraps: drizzle's DrizzleQueryError, an AggregateError from a connect attempt
 * on several addresses) says the database connection was lost or could not be made.
 */
export function isConnectionLoss(error: unknown): boolean {
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 16; seen++) {
    const current = queue.shift();
    if (!(current instanceof Error)) continue;
    if (isDatabaseUnavailable(current) || connectionLostHere(current)) return true;
    if (current.cause !== undefined) queue.push(current.cause);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return false;
}

/** What became of the operation that lost its database. */
export type UnavailableOutcome =
  /** Nothing was written: a retry is safe. */
  | 'not-applied'
  /** The connection was lost while committing and the database could not be asked how that ended. */
  | 'unknown';

const BRAND = Symbol.for('tsunagi.DatabaseUnavailableError');

/**
 * The database could not be reached, or the connection broke under the operation. `retryable` is true
 * when nothing was applied; after an `unknown` outcome the caller must read the state before retrying.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  readonly [BRAND] = true;
  readonly outcome: UnavailableOutcome;

  constructor(options: { cause: unknown; outcome?: UnavailableOutcome }) {
    const outcome = options.outcome ?? 'not-applied';
    super(
      outcome === 'unknown'
        ? 'The database connection was lost while the change was committing; read the state before retrying'
        : 'The database is unavailable; nothing was changed, try again',
      { cause: options.cause },
    );
    this.outcome = outcome;
  }

  get retryable(): boolean {
    return this.outcome === 'not-applied';
  }
}

/** By brand, not `instanceof`: two copies of this package may be loaded. */
export function isDatabaseUnavailable(error: unknown): error is DatabaseUnavailableError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}

/**
 * The typed error for `error` when it means the database is unavailable (the one it wraps, or a new one
 * around a driver failure); null for every other error.
 */
export function databaseUnavailable(error: unknown): DatabaseUnavailableError | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; depth++) {
    if (isDatabaseUnavailable(current)) return current;
    current = current.cause;
  }
  return isConnectionLoss(error) ? new DatabaseUnavailableError({ cause: error }) : null;
}

/**
 * Runs a read until it does not fail for a lost connection, pausing longer after each failure (up to
 * `maxDelayMs`): for work that waits on the database anyway, like a subscription following the event log.
 * Other errors, and any error once `signal` aborted, are thrown.
 */
export async function retryWhileUnavailable<T>(
  read: () => Promise<T>,
  signal?: AbortSignal,
  maxDelayMs = 1_000,
): Promise<T> {
  for (let delay = 50; ; delay = Math.min(delay * 2, maxDelayMs)) {
    try {
      return await read();
    } catch (error) {
      if (signal?.aborted || !isConnectionLoss(error)) throw error;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, delay);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
