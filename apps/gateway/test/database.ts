// What the database holds, read table by table from the catalog (so a new table is covered the day it is
// added): the snapshot a "changes nothing" test compares, and the columns that hold a secret.
import type { DatabaseHandle } from '@tsunagi/db';

/**
 * Runs raw SQL through the driver client @tsunagi/db opened (drizzle exposes it as `$client`; node-postgres
 * and PGlite both answer `query` with `{ rows }`): the gateway has no `pg` dependency of its own.
 */
export async function query<T>(handle: DatabaseHandle, statement: string): Promise<T[]> {
  const client = (handle.db as unknown as { $client: { query(sql: string): Promise<{ rows: T[] }> } })
    .$client;
  return (await client.query(statement)).rows;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every table of the database, `schema.table`, in order (the migrations' own bookkeeping included). */
export async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  const rows = await query<{ name: string }>(
    handle,
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
     ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

const tableOf = (name: string) => name.split('.').map(quoted).join('.');

/**
 * Every row of every table as text, sorted: equal snapshots (`toEqual`) mean nothing in the database changed.
 * `except` leaves tables out (`schema.table`), for a test that checks those rows itself.
 */
export async function snapshot(
  handle: DatabaseHandle,
  options: { except?: readonly string[] } = {},
): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of await tableNames(handle)) {
    if (options.except?.includes(table)) continue;
    const rows = await query<{ row: string }>(handle, `SELECT t::text AS row FROM ${tableOf(table)} t`);
    tables[table] = rows.map((row) => row.row).sort();
  }
  return tables;
}

/** The runs of a value that may be an encoding, decoded at every alignment. */
function decodings(value: string): string[] {
  const decoded: string[] = [];
  for (const [run] of value.matchAll(/[A-Za-z0-9+/_-]{8,}/g)) {
    // Node's base64 decoder reads the base64url alphabet too.
    for (let offset = 0; offset < 4; offset++)
      decoded.push(Buffer.from(run.slice(offset), 'base64').toString('latin1'));
  }
  for (const [run] of value.matchAll(/[0-9a-fA-F]{16,}/g)) {
    for (let offset = 0; offset < 2; offset++)
      decoded.push(Buffer.from(run.slice(offset), 'hex').toString('latin1'));
  }
  return decoded;
}

/** Whether `value` holds `secret` in clear, JSON-escaped, or as base64, base64url or hex. */
export function holdsSecret(value: string, secret: string): boolean {
  if (value.includes(secret) || value.includes(JSON.stringify(secret).slice(1, -1))) return true;
  return decodings(value).some((text) => text.includes(secret));
}

/** The `schema.table.column`s where any of `secrets` is stored, in any encoding `holdsSecret` knows. */
export async function columnsHolding(handle: DatabaseHandle, secrets: readonly string[]): Promise<string[]> {
  const columns = await query<{ table_name: string; column_name: string }>(
    handle,
    `SELECT table_schema || '.' || table_name AS table_name, column_name FROM information_schema.columns
     WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
     ORDER BY 1, ordinal_position`,
  );
  const tables = new Set(await tableNames(handle));
  const holding: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    if (!tables.has(table)) continue; // views
    const rows = await query<{ value: string }>(
      handle,
      `SELECT ${quoted(column)}::text AS value FROM ${tableOf(table)} WHERE ${quoted(column)} IS NOT NULL`,
    );
    if (rows.some((row) => secrets.some((secret) => holdsSecret(row.value, secret)))) {
      holding.push(`${table}.${column}`);
    }
  }
  return holding;
}
