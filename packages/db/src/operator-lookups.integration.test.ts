// The operator's lookups (an organization by id or slug, a user of one organization, a key of any), the
// demo seed refusing slugs it does not own, and creating a missing Postgres database.
import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, describePostgres, useTestDatabase } from '../test/drivers.js';
import { testKeyring } from '../test/fixtures.js';
import { createApiKey, findApiKeyById } from './api-keys.js';
import type { Database } from './database.js';
import { createOrganization, createUser, findOrganization, findUser } from './directory.js';
import { createDatabaseIfMissing } from './provision.js';
import { DEMO_ORGANIZATION_SLUG, seedDemo } from './seed.js';
import { adminStatement, databaseUrlFor } from './testing/postgres.js';

describeEachDriver('directory lookups and the demo seed on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  beforeAll(() => {
    db = database().handle.db;
  });

  it('finds an organization by id or slug, a user only in its organization, a key of any organization', async () => {
    const acme = await createOrganization(db, { name: 'Acme', slug: 'acme-lookup' });
    const other = await createOrganization(db, { name: 'Other', slug: 'other-lookup' });
    expect(await findOrganization(db, acme.id)).toEqual(acme);
    expect(await findOrganization(db, 'acme-lookup')).toEqual(acme);
    expect(await findOrganization(db, 'nobody')).toBeNull();
    const ada = await createUser(db, { organizationId: acme.id, name: 'Ada', email: 'ada@acme.example' });
    expect(await findUser(db, acme.id, ada.id)).toEqual(ada);
    expect(await findUser(db, other.id, ada.id)).toBeNull();
    const { key } = await createApiKey(db, { organizationId: other.id, name: 'ops', role: 'SERVICE' });
    expect(await findApiKeyById(db, key.id)).toEqual(key);
    expect(await findApiKeyById(db, 'key_none')).toBeNull();
  });

  it('refuses to seed the demo into an organization that took its slug, and writes nothing', async () => {
    await createOrganization(db, { name: 'Mine', slug: DEMO_ORGANIZATION_SLUG });
    await expect(seedDemo(db, { keyring: testKeyring })).rejects.toMatchObject({
      name: 'DemoSeedConflictError',
      message: expect.stringContaining('Only one of the demo organizations'),
    });
    expect(await findOrganization(db, 'globex')).toBeNull();
  });
});

describePostgres('createDatabaseIfMissing', () => {
  it('creates the database once, then finds it', async () => {
    const name = `tsunagi_provision_${randomBytes(4).toString('hex')}`;
    try {
      expect(await createDatabaseIfMissing(databaseUrlFor(name))).toEqual({ name, created: true });
      expect(await createDatabaseIfMissing(databaseUrlFor(name))).toEqual({ name, created: false });
    } finally {
      await adminStatement(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
