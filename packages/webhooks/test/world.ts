// One migrated database per test file and driver (PGlite in memory, or a throwaway Postgres database), and an
// organization whose booking pages make events.
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
  readEvents,
  type StateService,
  systemActor,
} from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
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
      const created = await createThrowawayDatabase('tsunagi_hooks');
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

/** A fresh organization with one owner; `pages(n)` makes n booking pages (one BOOKING_PAGE_CREATED each). */
export async function testOrganization(database: TestDatabase) {
  const { handle, state } = database;
  const suffix = randomBytes(5).toString('hex');
  const organization = await createOrganization(handle.db, {
    name: `Hooks ${suffix}`,
    slug: `hooks-${suffix}`,
  });
  const owner = await createUser(handle.db, {
    organizationId: organization.id,
    name: 'Owner',
    email: `owner-${suffix}@example.test`,
    role: 'ADMIN',
  });
  const actor = systemActor(organization.id);
  return {
    organizationId: organization.id,
    async pages(count: number, prefix = 'Page'): Promise<void> {
      for (let i = 0; i < count; i++) {
        const result = await state.createBookingPage(actor, { title: `${prefix} ${i}`, ownerId: owner.id });
        if (!result.ok) throw new Error(result.error.message);
      }
    },
    /** Every event id of the organization, oldest first. */
    async eventIds(types?: readonly string[]): Promise<number[]> {
      const events = await readEvents(handle.db, organization.id, 0, 10_000);
      return events
        .filter((event) => types === undefined || types.includes(event.type))
        .map((event) => event.id);
    },
  };
}
