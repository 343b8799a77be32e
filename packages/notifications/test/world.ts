// One migrated database per test file and driver (PGlite in memory, or a throwaway Postgres database), and an
// organization with people in their own locales.
import { randomBytes } from 'node:crypto';
import { createOrganization, createUser, type DriverName, systemActor, type UserRole } from '@tsunagi/db';
import { users } from '@tsunagi/db/schema';
import { type ServiceTestDatabase as TestDatabase, useServiceTestDatabase } from '@tsunagi/db/testing';
import { eq } from 'drizzle-orm';

export type { TestDatabase };
export { testKeyring } from '@tsunagi/db/testing';

export const useTestDatabase = (driver: DriverName) => useServiceTestDatabase(driver, 'tsunagi_notify');

type Person = { readonly role: UserRole; readonly locale: 'en' | 'ja' | 'it' | 'pl' | null };

/** A fresh organization; each person gets a role and a locale (null: none set). */
export async function testOrganization<People extends Record<string, Person>>(
  database: TestDatabase,
  people: People,
): Promise<{ organizationId: string; people: { [K in keyof People]: { id: string; email: string } } }> {
  const { handle } = database;
  const suffix = randomBytes(5).toString('hex');
  const organization = await createOrganization(handle.db, {
    name: `Notify ${suffix}`,
    slug: `notify-${suffix}`,
  });
  const ids: Record<string, { id: string; email: string }> = {};
  for (const [name, { role, locale }] of Object.entries(people)) {
    const email = `${name}-${suffix}@example.test`;
    const user = await createUser(handle.db, { organizationId: organization.id, name, email, role });
    await handle.db.update(users).set({ locale }).where(eq(users.id, user.id));
    ids[name] = { id: user.id, email };
  }
  return {
    organizationId: organization.id,
    people: ids as { [K in keyof People]: { id: string; email: string } },
  };
}

/** A clock tests move by hand. */
export function testClock(start = Date.now()) {
  let at = start;
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
  };
}

export const REVOKED = {
  code: 'AUTH_REVOKED',
  action: 'RECONNECT',
  retryable: false,
  connectionBroken: true,
  provider: 'google',
  message: 'Token has been expired or revoked.',
} as const;

export const EXCHANGE_DOWN = {
  code: 'PERMISSION_DENIED',
  action: 'FIX_CONFIGURATION',
  retryable: false,
  connectionBroken: true,
  provider: 'google-interop',
  subReason: 'INTEROP_EWS_RESPONSE_ERROR',
  message: 'The Exchange server refused the request',
} as const;

export const SCOPE_MISSING = {
  code: 'INSUFFICIENT_SCOPE',
  action: 'RECONNECT',
  retryable: false,
  connectionBroken: true,
  provider: 'google',
  message: 'Request had insufficient authentication scopes.',
} as const;

/** A Google calendar connection for `userId`, with a booking page of theirs that needs it. */
export async function googleConnection(
  database: TestDatabase,
  organizationId: string,
  userId: string,
  account: string,
  pageTitle?: string,
): Promise<string> {
  const actor = systemActor(organizationId);
  const created = await database.state.createConnection(actor, {
    userId,
    provider: 'GOOGLE_CALENDAR',
    accountExternalId: account,
    accountEmail: account,
  });
  if (!created.ok) throw new Error(created.error.message);
  if (pageTitle !== undefined) {
    const page = await database.state.createBookingPage(actor, { title: pageTitle, ownerId: userId });
    if (!page.ok) throw new Error(page.error.message);
  }
  return created.value.connection.id;
}

export async function breakConnection(database: TestDatabase, organizationId: string, connectionId: string) {
  const broken = await database.state.markConnectionError(systemActor(organizationId), connectionId, REVOKED);
  if (!broken.ok) throw new Error(broken.error.message);
}

export async function fixConnection(database: TestDatabase, organizationId: string, connectionId: string) {
  const fixed = await database.state.markReconnected(systemActor(organizationId), connectionId, {
    accessToken: 'new-access',
    refreshToken: 'new-refresh',
    expiresAt: null,
    scopes: [],
  });
  if (!fixed.ok) throw new Error(fixed.error.message);
}
