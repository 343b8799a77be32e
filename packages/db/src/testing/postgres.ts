// The test machine's PostgreSQL, for integration tests and benchmarks: TEST_DATABASE_URL (default the
// local cluster), whether it answers, and throwaway databases on it. Under CI an unreachable server is an
// error, never a silent skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the server's maintenance database (CREATE / DROP DATABASE). */
export async function adminStatement(statement: string, url = TEST_DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Ends every session on database `name` but the caller's (`pg_terminate_backend`: what a failover, a server
 * restart or an idle-connection reaper does to a client). Returns how many it ended.
 */
export async function terminateBackends(name: string, url = TEST_DATABASE_URL): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const result = await client.query<{ ended: boolean }>(
      'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    return result.rows.filter((row) => row.ended).length;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why PostgreSQL cannot be used, or null when it answers. */
async function postgresProblem(url = TEST_DATABASE_URL): Promise<string | null> {
  try {
    await adminStatement('SELECT 1', url);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

interface TestPostgres {
  readonly available: boolean;
  /** Why it cannot be used, or null when it answers. */
  readonly problem: string | null;
}

/** Checks the server once; throws under CI when it is unreachable, warns (its suites are skipped) elsewhere. */
export async function probeTestPostgres(): Promise<TestPostgres> {
  const problem = await postgresProblem();
  if (problem !== null) {
    if (runningInCi())
      throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable (${problem}); CI needs it.`);
    console.warn(
      `\n⚠️  Skipping the Postgres suites of this file: ${TEST_DATABASE_URL} is unreachable (${problem}).\n` +
        '   Start PostgreSQL or set TEST_DATABASE_URL to run them.\n',
    );
  }
  return { available: problem === null, problem };
}

/** CI=true (or any value but empty, 0 or false), as tooling/scripts/test-summary.mjs reads it. */
function runningInCi(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return !['', '0', 'false'].includes((env.CI ?? '').toLowerCase());
}

/** `TEST_DATABASE_URL` pointing at another database on the same server. */
export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface ThrowawayDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server; `drop()` removes it (connections and all). */
export async function createThrowawayDatabase(prefix = 'tsunagi_test'): Promise<ThrowawayDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`invalid database name prefix "${prefix}"`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminStatement(`CREATE DATABASE ${name}`);
  return {
    name,
    url: databaseUrlFor(name),
    drop: () => adminStatement(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
