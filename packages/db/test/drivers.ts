// Runs a test file's suites on both drivers (describeEachDriver): PGlite always; Postgres at
// TEST_DATABASE_URL, in a database created for the file and dropped after it. Unreachable Postgres fails
// under CI; elsewhere its suites are reported as skipped.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createDatabase, type DatabaseHandle, type DriverName } from '../src/database.js';
import { adminStatement, databaseUrlFor, TEST_DATABASE_URL } from '../src/testing/postgres.js';

export { describeEachDriver, describePostgres } from '../src/testing/suites.js';
export { databaseUrlFor, TEST_DATABASE_URL };

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Every SQL statement run through `handle.db`, oldest first; tests may clear it. */
  queries: string[];
  /** Postgres only: the URL of the file's database, to open more clients on it. */
  url: string | null;
  /** PGlite with `persistent`: its data directory. */
  dataDir: string | null;
  /** Closes the handle and opens a new one on the same data, as a process restart would. */
  reopen(): Promise<DatabaseHandle>;
}

export interface TestDatabaseOptions {
  /** PGlite only: keep the data in a temporary directory instead of memory (so `reopen` keeps it). */
  persistent?: boolean;
}

/** One migrated database per file and driver, opened before the suite and removed after it. */
export function useTestDatabase(driver: DriverName, options: TestDatabaseOptions = {}): () => TestDatabase {
  let database: TestDatabase | undefined;
  let name: string | undefined;
  beforeAll(async () => {
    const queries: string[] = [];
    const logger = { logQuery: (query: string) => void queries.push(query) };
    let open: () => DatabaseHandle;
    let url: string | null = null;
    let dataDir: string | null = null;
    if (driver === 'pglite') {
      if (options.persistent) dataDir = mkdtempSync(join(tmpdir(), 'tsunagi-db-test-'));
      open = () => createDatabase({ logger, ...(dataDir === null ? {} : { dataDir }) });
    } else {
      name = `tsunagi_test_${randomBytes(6).toString('hex')}`;
      await adminStatement(`CREATE DATABASE ${name}`);
      const databaseUrl = databaseUrlFor(name);
      url = databaseUrl;
      open = () => createDatabase({ databaseUrl, pool: { max: 24 }, logger });
    }
    const opened: TestDatabase = {
      handle: open(),
      queries,
      url,
      dataDir,
      async reopen() {
        await opened.handle.close();
        opened.handle = open();
        await opened.handle.migrate();
        return opened.handle;
      },
    };
    database = opened;
    await opened.handle.migrate();
  }, 60_000);
  afterAll(async () => {
    await database?.handle.close();
    if (database?.dataDir) rmSync(database.dataDir, { recursive: true, force: true });
    if (name !== undefined) await adminStatement(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }, 60_000);
  return () => {
    if (database === undefined) throw new Error('The test database is not open yet');
    return database;
  };
}
