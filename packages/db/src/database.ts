// One Drizzle database over either driver: node-postgres when a URL is given, embedded PGlite otherwise.
// Everything above this file sees only `Database` (the driver-independent PgDatabase).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, Logger } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool, type PoolConfig } from 'pg';
import { lockDataDirectory } from './data-dir-lock.js';
import { type EventBus, InProcessEventBus, PgNotifyEventBus } from './event-bus.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or an open transaction: whatever a query can run on. */
export type Executor = Database | Transaction;

export type DriverName = 'pg' | 'pglite';

export interface CreateDatabaseOptions {
  /** `postgres://…`: use node-postgres. Without it, PGlite. */
  databaseUrl?: string;
  /** PGlite data directory (kept across restarts). Omit for an in-memory database. */
  dataDir?: string;
  /** Extra node-postgres pool settings (max connections, timeouts). */
  pool?: Omit<PoolConfig, 'connectionString'>;
  /** LISTEN/NOTIFY channel for the event bus on Postgres. */
  eventChannel?: string;
  /** Sees every SQL statement (tests use it to prove what read queries touch). */
  logger?: Logger;
}

export interface DatabaseHandle {
  readonly db: Database;
  readonly driver: DriverName;
  /** Announces committed events: in-process on PGlite, LISTEN/NOTIFY on Postgres. */
  readonly bus: EventBus;
  /** Applies the migrations shipped in ../drizzle. Safe to call from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Shipped next to src/ and dist/, so the same relative URL works from both. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

// Arbitrary constant: serializes concurrent migrators on one Postgres database.
const MIGRATION_LOCK_KEY = 7_453_001;

export function createDatabase(options: CreateDatabaseOptions = {}): DatabaseHandle {
  return options.databaseUrl === undefined ? createPgliteDatabase(options) : createPgDatabase(options);
}

function createPgDatabase(options: CreateDatabaseOptions): DatabaseHandle {
  const databaseUrl = options.databaseUrl as string;
  const pool = new Pool({ ...options.pool, connectionString: databaseUrl });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db: Database = drizzleNodePg({
    client: pool,
    schema,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const bus = new PgNotifyEventBus({
    connectionString: databaseUrl,
    ...(options.eventChannel === undefined ? {} : { channel: options.eventChannel }),
  });
  return {
    db,
    driver: 'pg',
    bus,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await bus.close();
      await pool.end();
    },
  };
}

/** Throws DataDirectoryLockedError, before touching the directory, when another process has it open. */
function createPgliteDatabase({ dataDir, logger }: CreateDatabaseOptions): DatabaseHandle {
  const lock = dataDir === undefined ? null : lockDataDirectory(dataDir);
  let client: PGlite;
  try {
    if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema, ...(logger ? { logger } : {}) });
  const bus = new InProcessEventBus();
  return {
    db,
    driver: 'pglite',
    bus,
    async migrate() {
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      try {
        await bus.close();
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
