// One migrated database per test file and driver (PGlite in memory, or a throwaway Postgres database), and an
// organization whose booking pages make events.
import { randomBytes } from 'node:crypto';
import { createOrganization, createUser, type DriverName, readEvents, systemActor } from '@tsunagi/db';
import { type ServiceTestDatabase as TestDatabase, useServiceTestDatabase } from '@tsunagi/db/testing';

export type { TestDatabase };
export { testKeyring } from '@tsunagi/db/testing';

export const useTestDatabase = (driver: DriverName) => useServiceTestDatabase(driver, 'tsunagi_hooks');

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
