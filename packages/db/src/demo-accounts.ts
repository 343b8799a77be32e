// The embedded demo backs the seeded connections with accounts of the provider emulators: it lists the live
// connections of the demo organizations and their users, and re-points a connection at an emulator account
// (its external id and freshly issued, sealed tokens). Emulators keep their state in memory, so the embedded
// gateway does this on every start; it never changes a connection's status, pages or event log.
import { and, eq, inArray, ne } from 'drizzle-orm';
import { type ConnectionCredentials, writeCredentials } from './credentials.js';
import type { Keyring } from './crypto.js';
import type { Database } from './database.js';
import {
  type ConnectionProvider,
  type ConnectionStatus,
  connections,
  organizations,
  type StoredConnectionError,
  users,
} from './schema.js';
import { DEMO_ORGANIZATION_SLUG, OTHER_ORGANIZATION_SLUG } from './seed.js';

export interface DemoAccountConnection {
  readonly id: string;
  readonly organizationId: string;
  readonly userId: string;
  readonly userEmail: string;
  readonly provider: ConnectionProvider;
  readonly status: ConnectionStatus;
  readonly accountEmail: string | null;
  readonly accountExternalId: string;
  readonly lastError: StoredConnectionError | null;
}

export interface DemoAccounts {
  /** The demo organizations that exist. */
  readonly organizationIds: readonly string[];
  /** Every user of the demo organizations (emails, for the emulators' sign-in). */
  readonly userEmails: readonly string[];
  /** Their connections of `providers` that are not DISCONNECTED, oldest first. */
  readonly connections: readonly DemoAccountConnection[];
}

export async function listDemoAccounts(
  db: Database,
  providers: readonly ConnectionProvider[],
): Promise<DemoAccounts> {
  const orgs = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(inArray(organizations.slug, [DEMO_ORGANIZATION_SLUG, OTHER_ORGANIZATION_SLUG]));
  const orgIds = orgs.map((org) => org.id);
  if (orgIds.length === 0) return { organizationIds: [], userEmails: [], connections: [] };
  const people = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.organizationId, orgIds));
  const userEmails = people.map((p) => p.email);
  if (providers.length === 0) return { organizationIds: orgIds, userEmails, connections: [] };
  const rows = await db
    .select({
      id: connections.id,
      organizationId: connections.organizationId,
      userId: connections.userId,
      userEmail: users.email,
      provider: connections.provider,
      status: connections.status,
      accountEmail: connections.accountEmail,
      accountExternalId: connections.accountExternalId,
      lastError: connections.lastError,
    })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.userId))
    .where(
      and(
        inArray(connections.organizationId, orgIds),
        inArray(connections.provider, [...providers]),
        ne(connections.status, 'DISCONNECTED'),
      ),
    )
    .orderBy(connections.createdAt, connections.id);
  return {
    organizationIds: orgIds,
    userEmails,
    connections: rows.map((row) => ({ ...row, lastError: row.lastError ?? null })),
  };
}

/**
 * Points a live connection at an emulator account: sets its external id and seals the tokens the emulator
 * issued. Status, pages and events are left alone. False when the connection is gone or DISCONNECTED.
 */
export async function attachDemoAccount(
  db: Database,
  keyring: Keyring,
  connectionId: string,
  account: { accountExternalId: string; credentials: ConnectionCredentials },
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(connections)
      .set({ accountExternalId: account.accountExternalId })
      .where(and(eq(connections.id, connectionId), ne(connections.status, 'DISCONNECTED')))
      .returning({ id: connections.id });
    if (row === undefined) return false;
    await writeCredentials(tx, keyring, connectionId, account.credentials, now);
    return true;
  });
}
