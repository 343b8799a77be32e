// The product's own ids for organizations, users and pages: set, looked up in batches (one query, key order,
// null for unknown keys), bounded by the organization, and an organization found by our id before its
// external id.
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { testKeyring } from '../test/fixtures.js';
import type { Database } from './database.js';
import {
  createOrganization,
  organizationByReference,
  setBookingPageExternalId,
  setUserExternalId,
} from './directory.js';
import { createReadRepository } from './repositories.js';
import { bookingPages } from './schema.js';
import { type DemoSeed, seedDemo } from './seed.js';

describeEachDriver('external ids on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let seed: DemoSeed;
  let pages: { ours: string; theirs: string };

  beforeAll(async () => {
    db = database().handle.db;
    seed = await seedDemo(db, { keyring: testKeyring });
    const firstPage = async (organizationId: string) => {
      const [row] = await db
        .select({ id: bookingPages.id })
        .from(bookingPages)
        .where(eq(bookingPages.organizationId, organizationId))
        .limit(1);
      if (row === undefined) throw new Error(`The seed has no page in ${organizationId}`);
      return row.id;
    };
    pages = { ours: await firstPage(seed.organizationId), theirs: await firstPage(seed.otherOrganizationId) };
  });

  it('looks up users and pages by external id in one query, in key order, within one organization', async () => {
    const { organizationId, otherOrganizationId, users } = seed;
    await setUserExternalId(db, { organizationId, userId: users.aiko, externalId: 'emp-1' });
    await setUserExternalId(db, {
      organizationId: otherOrganizationId,
      userId: users.hana,
      externalId: 'emp-2',
    });
    await setBookingPageExternalId(db, { organizationId, pageId: pages.ours, externalId: 'page-1' });
    await setBookingPageExternalId(db, {
      organizationId: otherOrganizationId,
      pageId: pages.theirs,
      externalId: 'page-1',
    });
    // Another organization's page is not ours to name.
    expect(
      await setBookingPageExternalId(db, { organizationId, pageId: pages.theirs, externalId: 'stolen' }),
    ).toBeNull();

    const reads = createReadRepository(db);
    database().queries.length = 0;
    expect(await reads.userIdsByExternalIds(organizationId, ['emp-2', 'emp-1', 'nobody', 'emp-1'])).toEqual([
      null,
      users.aiko,
      null,
      users.aiko,
    ]);
    expect(database().queries).toHaveLength(1);
    expect(await reads.pageIdsByExternalIds(organizationId, ['page-1', 'stolen'])).toEqual([
      pages.ours,
      null,
    ]);
    expect(await reads.pageIdsByExternalIds(otherOrganizationId, ['page-1'])).toEqual([pages.theirs]);
    expect(await reads.userIdsByExternalIds(organizationId, [])).toEqual([]);

    // Cleared, it names nothing.
    await setBookingPageExternalId(db, { organizationId, pageId: pages.ours, externalId: null });
    expect(await reads.pageIdsByExternalIds(organizationId, ['page-1'])).toEqual([null]);
    const [cleared] = await db
      .select({ externalId: bookingPages.externalId })
      .from(bookingPages)
      .where(and(eq(bookingPages.organizationId, organizationId), eq(bookingPages.id, pages.ours)));
    expect(cleared?.externalId).toBeNull();
  });

  it('finds an organization by our id first, then by its external id', async () => {
    const acme = await createOrganization(db, { name: 'Acme', slug: 'acme', externalId: 'tenant-acme' });
    expect(acme.externalId).toBe('tenant-acme');
    expect((await organizationByReference(db, 'tenant-acme'))?.id).toBe(acme.id);
    expect((await organizationByReference(db, acme.id))?.id).toBe(acme.id);
    expect(await organizationByReference(db, 'tenant-nobody')).toBeNull();
    // An external id set to another organization's id does not take it over.
    const shadow = await createOrganization(db, { name: 'Shadow', slug: 'shadow', externalId: acme.id });
    expect((await organizationByReference(db, acme.id))?.id).toBe(acme.id);
    expect((await organizationByReference(db, shadow.id))?.id).toBe(shadow.id);
    // Without one, an organization has none.
    expect((await createOrganization(db, { name: 'Plain', slug: 'plain' })).externalId).toBeNull();
  });
});
