// One migrated database per test file and driver (PGlite in memory, or a throwaway Postgres database), and an
// organization with people in their own locales.
import { randomBytes } from 'node:crypto';
import { createOrganization, createUser, type DriverName, type UserRole } from '@tsunagi/db';
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
