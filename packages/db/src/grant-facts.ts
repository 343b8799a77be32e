// Foresight's facts about grants: when each was issued and last used (connection_credentials, written with the
// tokens), and the live grants our client holds per account (oauth_grants). No tokens are read here.
import { and, asc, eq, gt, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { inIds } from './id-lists.js';
import { newId } from './ids.js';
import {
  type ConnectionHealth,
  type ConnectionProvider,
  connectionCredentials,
  connections,
  oauthGrants,
} from './schema.js';

/** What the state knows of one connection's grant (the input of `@tsunagi/providers`' predictBreakage). */
export interface StoredGrantFacts {
  readonly connectionId: string;
  readonly organizationId: string;
  readonly provider: ConnectionProvider;
  /** The stored prediction and health, so a sweep writes only what changed. */
  readonly health: ConnectionHealth;
  readonly breaksAt: Date | null;
  readonly atRiskReason: string | null;
  readonly issuedAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly grantedScopes: readonly string[];
  /** Live grants of the account for our client, and how many are newer than this connection's latest. */
  readonly liveGrants: { readonly count: number; readonly newer: number };
}

/** A sign-in or reconnect issued a new grant for this connection's account (the earlier ones stay live). */
export async function recordGrantIssued(
  tx: Executor,
  connection: { id: string; provider: ConnectionProvider; accountExternalId: string },
  at: Date,
): Promise<void> {
  await tx.insert(oauthGrants).values({
    id: `grt_${newId('con').slice(4)}`,
    connectionId: connection.id,
    provider: connection.provider,
    accountExternalId: connection.accountExternalId,
    issuedAt: at,
  });
}

/** An unlink revokes the connection's grant at the provider: none of its grants is live any more. */
export async function forgetGrants(tx: Executor, connectionId: string): Promise<void> {
  await tx.delete(oauthGrants).where(eq(oauthGrants.connectionId, connectionId));
}

/** The grant facts of these connections (linked, with stored credentials): two queries. */
export async function readGrantFacts(
  db: Executor,
  connectionIds: readonly string[],
): Promise<Map<string, StoredGrantFacts>> {
  if (connectionIds.length === 0) return new Map();
  return grantFacts(db, inIds(connections.id, connectionIds), connectionIds.length);
}

/**
 * One page of the CONNECTED connections with stored credentials, across organizations, in id order after
 * `after` (the foresight sweep's keyset): the system's view, no organization scope.
 */
export async function listGrantFacts(
  db: Executor,
  page: { after: string | null; limit: number },
): Promise<StoredGrantFacts[]> {
  const found = await grantFacts(
    db,
    and(
      eq(connections.status, 'CONNECTED'),
      page.after === null ? undefined : gt(connections.id, page.after),
    ),
    page.limit,
  );
  return [...found.values()];
}

async function grantFacts(
  db: Executor,
  where: SQL | undefined,
  limit: number,
): Promise<Map<string, StoredGrantFacts>> {
  const found = new Map<string, StoredGrantFacts>();
  const rows = await db
    .select({
      connectionId: connections.id,
      organizationId: connections.organizationId,
      provider: connections.provider,
      health: connections.health,
      breaksAt: connections.breaksAt,
      atRiskReason: connections.atRiskReason,
      accountExternalId: connections.accountExternalId,
      issuedAt: connectionCredentials.grantIssuedAt,
      lastUsedAt: connectionCredentials.grantUsedAt,
      scopes: connectionCredentials.scopes,
      latestGrantAt:
        sql<Date | null>`(select max(g.issued_at) from oauth_grants g where g.connection_id = ${connections.id})`.mapWith(
          (value: string | Date | null) => (value === null ? null : new Date(value)),
        ),
    })
    .from(connections)
    .innerJoin(connectionCredentials, eq(connectionCredentials.connectionId, connections.id))
    .where(and(where, ne(connections.status, 'DISCONNECTED')))
    .orderBy(asc(connections.id))
    .limit(limit);
  if (rows.length === 0) return found;
  // Every live grant of these accounts, in one query; counted per account in memory.
  const grants = await db
    .select({
      provider: oauthGrants.provider,
      accountExternalId: oauthGrants.accountExternalId,
      issuedAt: oauthGrants.issuedAt,
    })
    .from(oauthGrants)
    .where(
      inIds(
        oauthGrants.accountExternalId,
        rows.map((row) => row.accountExternalId),
      ),
    );
  const byAccount = new Map<string, number[]>();
  for (const grant of grants) {
    const key = `${grant.provider}\u0000${grant.accountExternalId}`;
    const times = byAccount.get(key) ?? [];
    times.push(grant.issuedAt.getTime());
    byAccount.set(key, times);
  }
  for (const row of rows) {
    const times = byAccount.get(`${row.provider}\u0000${row.accountExternalId}`) ?? [];
    const latest = row.latestGrantAt?.getTime();
    found.set(row.connectionId, {
      connectionId: row.connectionId,
      organizationId: row.organizationId,
      provider: row.provider,
      health: row.health,
      breaksAt: row.breaksAt,
      atRiskReason: row.atRiskReason,
      issuedAt: row.issuedAt,
      lastUsedAt: row.lastUsedAt,
      grantedScopes: row.scopes,
      liveGrants: {
        count: times.length,
        newer: latest === undefined ? 0 : times.filter((time) => time > latest).length,
      },
    });
  }
  return found;
}
