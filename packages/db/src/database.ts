// One Drizzle database over either driver: node-postgres when a URL is given, embedded PGlite otherwise.
// Everything above this file sees only `Database` (the driver-independent PgDatabase).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, type Logger, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { lockDataDirectory } from './data-dir-lock.js';
import { type EventBus, InProcessEventBus, PgNotifyEventBus } from './event-bus.js';
import { tracePglite, traceQueries } from './query-tracing.js';
import * as schema from './schema.js';
import { DatabaseUnavailableError, isConnectionLoss } from './unavailable.js';

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
  /** Hears every lost database connection (pool clients, the LISTEN client); the process carries on. */
  onConnectionError?: (error: unknown) => void;
  /**
   * Postgres: how long a transaction whose connection broke during COMMIT keeps asking the database
   * whether it committed, before it reports the outcome as unknown. Default 10 s.
   */
  commitCheckTimeoutMs?: number;
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
  const pool = new Pool({
    // A server that stops answering (rather than refusing) fails a connect instead of hanging it.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    ...options.pool,
    connectionString: databaseUrl,
  });
  const connectionLost = options.onConnectionError ?? (() => {});
  // Idle clients report a lost server to the pool, which drops them; the next query reconnects.
  pool.on('error', connectionLost);
  // A checked-out client reports it on itself, and an 'error' event nobody listens to ends the process.
  // Every client listens for its whole life; the query in flight, or the next one, fails instead.
  pool.on('connect', (client) => {
    client.on('error', connectionLost);
    // Every statement runs on a pool client (pool.query checks one out): SQL spans and timings.
    traceQueries(client);
  });
  const logger = options.logger ? { logger: options.logger } : {};
  const db: Database = drizzleNodePg({ client: pool, schema, ...logger });
  db.transaction = pgTransactionRunner(pool, logger, options.commitCheckTimeoutMs ?? 10_000);
  const bus = new PgNotifyEventBus({
    connectionString: databaseUrl,
    onError: connectionLost,
    ...(options.eventChannel === undefined ? {} : { channel: options.eventChannel }),
  });
  return {
    db,
    driver: 'pg',
    bus,
    async migrate() {
      await withClient(pool, async (client) => {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      });
    },
    async close() {
      await bus.close();
      await pool.end();
    },
  };
}

/**
 * Runs `body` on a client checked out of the pool, and gives it back destroyed when its connection broke
 * (released plainly, a broken client would be handed to the next caller).
 */
async function withClient<T>(pool: Pool, body: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw isConnectionLoss(error) ? new DatabaseUnavailableError({ cause: error }) : error;
  }
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken ??= error;
  };
  client.on('error', onError);
  try {
    return await body(client);
  } catch (error) {
    if (broken === undefined && isConnectionLoss(error)) broken = error as Error;
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

type TransactionRunner = Database['transaction'];
type TransactionStatus = 'committed' | 'aborted' | 'unknown';

/**
 * `db.transaction` on Postgres. Drizzle's own checks a client out of the pool but gives it back only if
 * BEGIN succeeded (a connection lost before BEGIN would leak it) and without saying it broke. This one
 * checks it out itself and runs drizzle's transaction on that client, and a lost connection ends the
 * transaction in a DatabaseUnavailableError that says whether anything was applied:
 * - lost before COMMIT was sent: nothing was (Postgres rolls back a transaction whose session ends);
 * - lost during COMMIT: the transaction's id, read just before, is looked up (`txid_status`) once the
 *   database answers again: committed means success after all, aborted means nothing was applied, and
 *   no answer within `commitCheckTimeoutMs` means the outcome is unknown.
 */
function pgTransactionRunner(
  pool: Pool,
  logger: { logger?: Logger },
  commitCheckTimeoutMs: number,
): TransactionRunner {
  // One drizzle instance per pooled client (pool clients are reused; building drizzle is not free).
  const bound = new WeakMap<PoolClient, Database>();
  const on = (client: PoolClient): Database => {
    let db = bound.get(client);
    if (db === undefined) {
      db = drizzleNodePg({ client, schema, ...logger });
      bound.set(client, db);
    }
    return db;
  };
  return async <T>(
    body: Parameters<TransactionRunner>[0],
    config?: Parameters<TransactionRunner>[1],
  ): Promise<T> => {
    // Set once the body is done and COMMIT is about to be sent.
    let committing: { value: T; txid: string | null } | null = null;
    try {
      return await withClient(pool, (client) =>
        on(client).transaction(async (tx) => {
          const value = (await body(tx)) as T;
          // Null when the transaction wrote nothing: then a lost COMMIT cannot have applied anything.
          const { rows } = (await tx.execute(sql`SELECT txid_current_if_assigned()::text AS txid`)) as {
            rows: { txid: string | null }[];
          };
          committing = { value, txid: rows[0]?.txid ?? null };
          return value;
        }, config),
      );
    } catch (error) {
      if (!isConnectionLoss(error)) throw error;
      const pending = committing as { value: T; txid: string | null } | null;
      if (pending === null || pending.txid === null) throw new DatabaseUnavailableError({ cause: error });
      const status = await transactionStatus(pool, pending.txid, commitCheckTimeoutMs);
      if (status === 'committed') return pending.value;
      throw new DatabaseUnavailableError({
        cause: error,
        outcome: status === 'aborted' ? 'not-applied' : 'unknown',
      });
    }
  };
}

/** Asks the database how transaction `txid` ended, until it answers or `timeoutMs` passed. */
async function transactionStatus(pool: Pool, txid: string, timeoutMs: number): Promise<TransactionStatus> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
    try {
      const { rows } = await pool.query<{ status: string | null }>(
        'SELECT txid_status($1::bigint) AS status',
        [txid],
      );
      const status = rows[0]?.status;
      if (status === 'committed' || status === 'aborted') return status;
      // 'in progress': the server has not yet noticed that the session ended.
    } catch (error) {
      if (!isConnectionLoss(error)) throw error;
    }
    if (Date.now() + delay > deadline) return 'unknown';
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Throws DataDirectoryLockedError, before touching the directory, when another process has it open. */
function createPgliteDatabase({ dataDir, logger }: CreateDatabaseOptions): DatabaseHandle {
  const lock = dataDir === undefined ? null : lockDataDirectory(dataDir);
  let client: PGlite;
  try {
    if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
    client = tracePglite(new PGlite(dataDir));
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
