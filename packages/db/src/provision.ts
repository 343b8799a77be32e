// Creating the database a Postgres URL names, for first-time setup (`tsunagi init`). Everything else assumes
// the database exists; only this asks the server's maintenance database for it.
import pg from 'pg';

/** The maintenance database every PostgreSQL cluster has (initdb creates it). */
const MAINTENANCE_DATABASE = 'postgres';

/**
 * Creates the database `databaseUrl` names unless it exists, connecting as the same user to the server's
 * `postgres` database. Returns what it found. The user needs CREATEDB (or to be a superuser) only when the
 * database is missing.
 */
export async function createDatabaseIfMissing(
  databaseUrl: string,
  options: { connectionTimeoutMillis?: number } = {},
): Promise<{ name: string; created: boolean }> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (name === '') throw new Error('The database URL names no database');
  url.pathname = `/${MAINTENANCE_DATABASE}`;
  const client = new pg.Client({
    connectionString: url.toString(),
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
  });
  // A failed connect reports on the client too; without a listener that 'error' would end the process.
  client.on('error', () => {});
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount !== 0) return { name, created: false };
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (error) {
      // 42P04 duplicate_database: another process created it between the check and here.
      if ((error as { code?: unknown }).code !== '42P04') throw error;
      return { name, created: false };
    }
    return { name, created: true };
  } finally {
    await client.end().catch(() => {});
  }
}
