// One migrated database per test file and driver (PGlite in memory, or a throwaway Postgres database), and an
// organization with people in their own locales.
import { randomBytes } from 'node:crypto';
import {
  createDatabase,
  createKeyring,
  createOrganization,
  createStateService,
  createUser,
  type DatabaseHandle,
  type DriverName,
  generateKey,
  type Keyring,
  type StateService,
  type UserRole,
} from '@tsunagi/db';
import { users } from '@tsunagi/db/schema';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';

export const testKeyring: Keyring = createKeyring({ activeKeyId: 'k1', keys: { k1: generateKey() } });

export interface TestDatabase {
  handle: DatabaseHandle;
  state: StateService;
}

export function useTestDatabase(driver: DriverName): () => TestDatabase {
  let database: TestDatabase | undefined;
  let drop: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    let handle: DatabaseHandle;
    if (driver === 'pglite') handle = createDatabase({});
    else {
      const created = await createThrowawayDatabase('tsunagi_notify');
      drop = created.drop;
      handle = createDatabase({ databaseUrl: created.url, pool: { max: 12 } });
    }
    await handle.migrate();
    database = {
      handle,
      state: createStateService({ db: handle.db, keyring: testKeyring, bus: handle.bus }),
    };
  }, 60_000);
  afterAll(async () => {
    await database?.handle.close();
    await drop?.();
  }, 60_000);
  return () => {
    if (database === undefined) throw new Error('The test database is not open yet');
    return database;
  };
}

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
