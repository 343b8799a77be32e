// One database connection per command, closed when it ends. A database that cannot be used — down,
// unknown, refusing the user — is bad input to the CLI: one line naming it, exit code 2, nothing changed.
import { createDatabase, type DatabaseHandle, isConnectionLoss } from '@tsunagi/db';
import { CliUsageError } from '../io.js';
import { describeDatabase } from './environment.js';

/**
 * Failures that mean "this database cannot be used as configured", beyond a lost connection
 * (PostgreSQL Appendix A, https://www.postgresql.org/docs/current/errcodes-appendix.html): 3D000
 * invalid_catalog_name (no such database), 28000 invalid_authorization_specification, 28P01
 * invalid_password; and the resolver's ENOTFOUND / EAI_AGAIN (no such host).
 */
const UNUSABLE_CODES = new Set(['3D000', '28000', '28P01', 'ENOTFOUND', 'EAI_AGAIN']);

/** Runs `body` on the database at `url` and closes it, whatever happens. */
export async function withDatabase<T>(
  url: string,
  body: (database: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const database = createDatabase({
    databaseUrl: url,
    pool: { max: 2, connectionTimeoutMillis: 5000 },
    // Reported by the failing query itself; the pool's 'error' events would only repeat it.
    onConnectionError: () => {},
  });
  try {
    return await body(database);
  } catch (error) {
    throw databaseFailure(error, url);
  } finally {
    await database.close().catch(() => {});
  }
}

/**
 * The one line an operator sees for a database failure. Unusable database: a CliUsageError. Anything else
 * the server refused: its own message (drizzle's wrapper would print the statement and its parameters).
 */
export function databaseFailure(error: unknown, url: string): unknown {
  if (error instanceof CliUsageError) return error;
  const chain = causes(error);
  if (isConnectionLoss(error) || chain.some((cause) => UNUSABLE_CODES.has(codeOf(cause) ?? ''))) {
    return new CliUsageError(`cannot use the database ${describeDatabase(url)}: ${reason(chain)}`);
  }
  const refusal = chain.find((cause) => /^[0-9A-Z]{5}$/.test(codeOf(cause) ?? ''));
  return refusal === undefined ? error : new Error(`the database refused: ${refusal.message}`);
}

function causes(error: unknown): Error[] {
  const found: Error[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 16) {
    const current = queue.shift();
    if (!(current instanceof Error)) continue;
    found.push(current);
    if (current.cause !== undefined) queue.push(current.cause);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return found;
}

function codeOf(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The most specific message: the driver's or the socket's, rather than a wrapper's. */
function reason(chain: readonly Error[]): string {
  const specific = [...chain].reverse().find((cause) => cause.message !== '');
  return specific?.message ?? 'unreachable';
}
