// Creating the database a Postgres URL names, for first-time setup (`tsunagi init`). Everything else assumes
// the database exists; only this asks the server's maintenance database for it.
import pg from 'pg';

/** The maintenance database every PostgreSQL cluster has (initdb creates it). */
const MAINTENANCE_DATABASE = 'postgres';
/** SQLSTATE 3D000 invalid_catalog_name: "database … does not exist" (PostgreSQL Appendix A). */
const NO_SUCH_DATABASE = '3D000';
/** SQLSTATE 42P04 duplicate_database. */
const DUPLICATE_DATABASE = '42P04';

/**
 * Creates the database `databaseUrl` names unless it exists. It first connects to that database itself (a
 * user limited to its own database never needs more); only when the server says it does not exist does it
 * connect, as the same user, to the `postgres` database and create it, which needs CREATEDB.
 */
export async function createDatabaseIfMissing(
  databaseUrl: string,
  options: { connectionTimeoutMillis?: number } = {},
): Promise<{ name: string; created: boolean }> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (name === '') throw new Error('The database URL names no database');
  const connect = async (connectionString: string): Promise<pg.Client> => {
    const client = new pg.Client({
      connectionString,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    });
    // A failed connect reports on the client too; without a listener that 'error' would end the process.
    client.on('error', () => {});
    await client.connect();
    return client;
  };

  try {
    await (await connect(databaseUrl)).end();
    return { name, created: false };
  } catch (error) {
    if ((error as { code?: unknown }).code !== NO_SUCH_DATABASE) throw error;
  }
  url.pathname = `/${MAINTENANCE_DATABASE}`;
  const client = await connect(url.toString());
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return { name, created: true };
  } catch (error) {
    // Another process created it since the first connect.
    if ((error as { code?: unknown }).code === DUPLICATE_DATABASE) return { name, created: false };
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
