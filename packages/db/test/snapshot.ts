// Every row of every table as text: equal snapshots mean a call changed nothing in the database.
import type { Database } from '../src/database.js';

interface RawClient {
  query(statement: string): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Every table's rows as text, sorted, read through the driver client (node-postgres and PGlite answer alike). */
export async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const client = (db as unknown as { $client: RawClient }).$client;
  const { rows: tables } = await client.query(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await client.query(`SELECT t::text AS row FROM ${String(name)} t`);
    out[String(name)] = rows.map((row) => String(row.row)).sort();
  }
  return out;
}
