// The only module that decrypts connection credentials. Read repositories never touch this table.
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { type Keyring, openSecret, sealSecret } from './crypto.js';
import type { Database, Executor } from './database.js';
import { exchangeSecretContext } from './exchange-settings.js';
import {
  connectionCredentials,
  connections,
  exchangeSettings,
  oauthStates,
  webhookEndpoints,
} from './schema.js';

export interface ConnectionCredentials {
  accessToken: string;
  refreshToken?: string | null;
  expiresAt?: Date | null;
  scopes?: readonly string[];
}

interface SealedTokens {
  accessToken: string;
  refreshToken: string | null;
}

const credentialContext = (connectionId: string) => `connection_credentials:${connectionId}`;
export const oauthStateContext = (oauthStateId: string) => `oauth_states:${oauthStateId}`;
/** The sealing context binds a webhook signing secret to its endpoint: an envelope copied to another row does not open. */
export const webhookSecretContext = (endpointId: string) => `webhook-endpoint:${endpointId}`;

/**
 * What writing these credentials says of the grant, for foresight: ISSUED (a sign-in or reconnect: a new refresh
 * token, used now) or REFRESHED (the refresh token was used to get an access token).
 */
export type GrantUse = 'ISSUED' | 'REFRESHED';

/** Seals and upserts credentials; runs inside the caller's transaction. */
export async function writeCredentials(
  tx: Executor,
  keyring: Keyring,
  connectionId: string,
  credentials: ConnectionCredentials,
  now: Date,
  grant: GrantUse = 'ISSUED',
): Promise<void> {
  const tokens: SealedTokens = {
    accessToken: credentials.accessToken,
    refreshToken: credentials.refreshToken ?? null,
  };
  const row = {
    keyId: keyring.activeKeyId,
    ciphertext: sealSecret(keyring, JSON.stringify(tokens), credentialContext(connectionId)),
    accessTokenExpiresAt: credentials.expiresAt ?? null,
    scopes: [...(credentials.scopes ?? [])],
    ...(grant === 'ISSUED' ? { grantIssuedAt: now } : {}),
    grantUsedAt: now,
    updatedAt: now,
  };
  await tx
    .insert(connectionCredentials)
    .values({ connectionId, ...row })
    .onConflictDoUpdate({ target: connectionCredentials.connectionId, set: row });
}

/**
 * The decrypted credentials of `connectionIds` (those that have any), read inside the caller's transaction:
 * an unlink reads them this way just before deleting them, so the grant can be revoked after the commit.
 */
export async function readCredentials(
  tx: Executor,
  keyring: Keyring,
  connectionIds: readonly string[],
): Promise<Map<string, ConnectionCredentials>> {
  const found = new Map<string, ConnectionCredentials>();
  if (connectionIds.length === 0) return found;
  const rows = await tx
    .select()
    .from(connectionCredentials)
    .where(inArray(connectionCredentials.connectionId, [...connectionIds]));
  for (const row of rows) {
    const tokens = JSON.parse(
      openSecret(keyring, row.ciphertext, credentialContext(row.connectionId)),
    ) as SealedTokens;
    found.set(row.connectionId, { ...tokens, expiresAt: row.accessTokenExpiresAt, scopes: row.scopes });
  }
  return found;
}

export async function deleteCredentials(tx: Executor, connectionId: string): Promise<void> {
  await tx.delete(connectionCredentials).where(eq(connectionCredentials.connectionId, connectionId));
}

export interface CredentialStore {
  /** Decrypted credentials of a connection of the organization, or null when there are none. */
  load(organizationId: string, connectionId: string): Promise<ConnectionCredentials | null>;
  /** Replaces the tokens after a refresh, without touching the connection's status. */
  save(organizationId: string, connectionId: string, credentials: ConnectionCredentials): Promise<boolean>;
}

/**
 * Credentials of connections by id, with their organization (the caller checks it): one query for every
 * load of one turn of the event loop, so a batch of probes starting together costs one round trip.
 */
function coalescedCredentialReads(
  db: Database,
): (connectionId: string) => Promise<{ organizationId: string; row: SealedRow } | null> {
  let pending: Map<string, ((found: { organizationId: string; row: SealedRow } | null) => void)[]> | null =
    null;
  let failures: ((error: unknown) => void)[] = [];
  const flush = () => {
    const waiting = pending ?? new Map();
    const rejects = failures;
    pending = null;
    failures = [];
    const ids = [...waiting.keys()];
    db.select({
      connectionId: connectionCredentials.connectionId,
      organizationId: connections.organizationId,
      ciphertext: connectionCredentials.ciphertext,
      expiresAt: connectionCredentials.accessTokenExpiresAt,
      scopes: connectionCredentials.scopes,
    })
      .from(connectionCredentials)
      .innerJoin(connections, eq(connections.id, connectionCredentials.connectionId))
      .where(inArray(connections.id, ids))
      .then(
        (rows) => {
          const byId = new Map(rows.map((row) => [row.connectionId, row]));
          for (const [id, resolvers] of waiting) {
            const row = byId.get(id);
            const found = row === undefined ? null : { organizationId: row.organizationId, row };
            for (const resolve of resolvers) resolve(found);
          }
        },
        (error: unknown) => {
          for (const reject of rejects) reject(error);
        },
      );
  };
  return (connectionId) =>
    new Promise((resolve, reject) => {
      if (pending === null) {
        pending = new Map();
        setImmediate(flush);
      }
      const resolvers = pending.get(connectionId) ?? [];
      resolvers.push(resolve);
      pending.set(connectionId, resolvers);
      failures.push(reject);
    });
}

interface SealedRow {
  ciphertext: string;
  expiresAt: Date | null;
  scopes: string[];
}

export function createCredentialStore(
  db: Database,
  keyring: Keyring,
  options: { now?: () => Date } = {},
): CredentialStore {
  const now = options.now ?? (() => new Date());
  const read = coalescedCredentialReads(db);
  return {
    async load(organizationId, connectionId) {
      const found = await read(connectionId);
      // Another organization's connection is as absent as a missing one.
      if (found === null || found.organizationId !== organizationId) return null;
      const { row } = found;
      const tokens = JSON.parse(
        openSecret(keyring, row.ciphertext, credentialContext(connectionId)),
      ) as SealedTokens;
      return { ...tokens, expiresAt: row.expiresAt, scopes: row.scopes };
    },
    async save(organizationId, connectionId, credentials) {
      return db.transaction(async (tx) => {
        const [owner] = await tx
          .select({ id: connections.id })
          .from(connections)
          .where(
            and(
              eq(connections.organizationId, organizationId),
              eq(connections.id, connectionId),
              ne(connections.status, 'DISCONNECTED'),
            ),
          )
          .for('share');
        if (owner === undefined) return false;
        await writeCredentials(tx, keyring, connectionId, credentials, now(), 'REFRESHED');
        return true;
      });
    },
  };
}

export interface RotationReport {
  credentials: number;
  oauthStates: number;
  /** Organizations whose Exchange (Interop) secret was re-sealed. */
  exchangeSettings: number;
  /** Outgoing webhook signing secrets re-sealed (an endpoint mid-rotation holds two). */
  webhookSecrets: number;
}

/**
 * Re-seals every secret not under the keyring's active key. The keyring must still hold the old keys.
 * Works in batches of short transactions, so it can run while the service is live.
 */
export async function rotateCredentials(
  db: Database,
  keyring: Keyring,
  options: { batchSize?: number } = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 200;
  const stale = keyring.activeKeyId;
  const reseal = (table: SealedTable) => resealInBatches(db, keyring, batchSize, table);
  return {
    credentials: await reseal({
      context: credentialContext,
      lock: (tx) =>
        tx
          .select({ id: connectionCredentials.connectionId, ciphertext: connectionCredentials.ciphertext })
          .from(connectionCredentials)
          .where(ne(connectionCredentials.keyId, stale))
          .orderBy(asc(connectionCredentials.connectionId))
          .limit(batchSize)
          .for('update'),
      write: (tx, id, keyId, ciphertext) =>
        tx
          .update(connectionCredentials)
          .set({ keyId, ciphertext })
          .where(eq(connectionCredentials.connectionId, id)),
    }),
    oauthStates: await reseal({
      context: oauthStateContext,
      lock: (tx) =>
        tx
          .select({ id: oauthStates.id, ciphertext: oauthStates.codeVerifierCiphertext })
          .from(oauthStates)
          .where(ne(oauthStates.keyId, stale))
          .orderBy(asc(oauthStates.id))
          .limit(batchSize)
          .for('update'),
      write: (tx, id, keyId, ciphertext) =>
        tx
          .update(oauthStates)
          .set({ keyId, codeVerifierCiphertext: ciphertext })
          .where(eq(oauthStates.id, id)),
    }),
    exchangeSettings: await reseal({
      context: exchangeSecretContext,
      lock: (tx) =>
        tx
          .select({ id: exchangeSettings.organizationId, ciphertext: exchangeSettings.secretCiphertext })
          .from(exchangeSettings)
          .where(ne(exchangeSettings.keyId, stale))
          .orderBy(asc(exchangeSettings.organizationId))
          .limit(batchSize)
          .for('update'),
      write: (tx, id, keyId, ciphertext) =>
        tx
          .update(exchangeSettings)
          .set({ keyId, secretCiphertext: ciphertext })
          .where(eq(exchangeSettings.organizationId, id)),
    }),
    // The envelope names its key (`v1.<keyId>.…`); the endpoint rows keep no key id of their own.
    webhookSecrets:
      (await reseal({
        context: webhookSecretContext,
        lock: (tx) =>
          tx
            .select({ id: webhookEndpoints.id, ciphertext: webhookEndpoints.secret })
            .from(webhookEndpoints)
            .where(ne(sql`split_part(${webhookEndpoints.secret}, '.', 2)`, stale))
            .orderBy(asc(webhookEndpoints.id))
            .limit(batchSize)
            .for('update'),
        write: (tx, id, _keyId, ciphertext) =>
          tx.update(webhookEndpoints).set({ secret: ciphertext }).where(eq(webhookEndpoints.id, id)),
      })) +
      (await reseal({
        context: webhookSecretContext,
        lock: (tx) =>
          tx
            .select({ id: webhookEndpoints.id, ciphertext: sql<string>`${webhookEndpoints.previousSecret}` })
            .from(webhookEndpoints)
            .where(
              and(
                isNotNull(webhookEndpoints.previousSecret),
                ne(sql`split_part(${webhookEndpoints.previousSecret}, '.', 2)`, stale),
              ),
            )
            .orderBy(asc(webhookEndpoints.id))
            .limit(batchSize)
            .for('update'),
        write: (tx, id, _keyId, ciphertext) =>
          tx.update(webhookEndpoints).set({ previousSecret: ciphertext }).where(eq(webhookEndpoints.id, id)),
      })),
  };
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** One table holding sealed secrets: how to lock a batch not under the active key, and how to write one back. */
interface SealedTable {
  /** What a row's envelope is bound to (its id). */
  context(id: string): string;
  lock(tx: Transaction): Promise<{ id: string; ciphertext: string }[]>;
  write(tx: Transaction, id: string, keyId: string, ciphertext: string): Promise<unknown>;
}

/** Re-seals a table's stale rows under the active key, a short transaction per batch; returns how many. */
async function resealInBatches(
  db: Database,
  keyring: Keyring,
  batchSize: number,
  table: SealedTable,
): Promise<number> {
  let total = 0;
  for (;;) {
    const rotated = await db.transaction(async (tx) => {
      const rows = await table.lock(tx);
      for (const row of rows) {
        const context = table.context(row.id);
        const sealed = sealSecret(keyring, openSecret(keyring, row.ciphertext, context), context);
        await table.write(tx, row.id, keyring.activeKeyId, sealed);
      }
      return rows.length;
    });
    total += rotated;
    if (rotated < batchSize) return total;
  }
}
