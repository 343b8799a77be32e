// API keys and external ids in the database, on both drivers: only a hash is stored, last use is written at
// most once a minute, revocation is per organization and sticks, and external ids are unique per organization.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization } from '../test/fixtures.js';
import {
  API_KEY_TOUCH_INTERVAL_MS,
  createApiKey,
  findApiKey,
  listApiKeys,
  liveApiKey,
  revokeApiKey,
  touchApiKey,
} from './api-keys.js';
import type { Database } from './database.js';
import { setUserExternalId, userByExternalId } from './directory.js';
import { apiKeys } from './schema.js';

describeEachDriver('API keys and external ids on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  beforeAll(() => {
    db = database().handle.db;
  });

  it('stores only the hash, finds the key by its secret, touches at most once per interval, revokes once', async () => {
    const org = await createTestOrganization(db, ['aiko'], { aiko: 'ADMIN' });
    const { key, secret } = await createApiKey(db, {
      organizationId: org.organizationId,
      name: 'svc',
      role: 'SERVICE',
    });
    const rows = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(JSON.stringify(rows)).not.toContain(secret.slice(4));
    expect(await findApiKey(db, secret)).toMatchObject({ id: key.id, lastUsedAt: null });
    expect(await findApiKey(db, `${secret.slice(0, -1)}x`)).toBeNull();

    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(await touchApiKey(db, key, t0)).toBe(true);
    const touched = await findApiKey(db, secret);
    expect(touched?.lastUsedAt).toEqual(t0);
    // A stale copy of the key (another process) still cannot write twice within the interval.
    expect(await touchApiKey(db, key, new Date(t0.getTime() + 1000))).toBe(false);
    expect(await touchApiKey(db, touched ?? key, new Date(t0.getTime() + 1000))).toBe(false);
    const later = new Date(t0.getTime() + API_KEY_TOUCH_INTERVAL_MS + 1);
    expect(await touchApiKey(db, touched ?? key, later)).toBe(true);

    const other = await createTestOrganization(db, ['ben']);
    expect(await revokeApiKey(db, other.organizationId, key.id)).toBeNull();
    expect(await findApiKey(db, secret)).not.toBeNull();
    const first = await revokeApiKey(db, org.organizationId, key.id, t0);
    expect(first?.revokedAt).toEqual(t0);
    const again = await revokeApiKey(db, org.organizationId, key.id, later);
    expect(again?.revokedAt).toEqual(t0);
    expect(await findApiKey(db, secret)).toBeNull();
    expect(await liveApiKey(db, org.organizationId, key.id)).toBeNull();
    expect((await listApiKeys(db, org.organizationId)).map((listed) => listed.id)).toEqual([key.id]);
    expect(await listApiKeys(db, other.organizationId)).toEqual([]);
  });

  it('refuses a user for a SERVICE key and a user-less MEMBER key', async () => {
    const org = await createTestOrganization(db, ['aiko']);
    await expect(
      createApiKey(db, {
        organizationId: org.organizationId,
        name: 'x',
        role: 'SERVICE',
        userId: org.users.aiko,
      }),
    ).rejects.toThrow('A SERVICE key names no user');
    await expect(
      createApiKey(db, { organizationId: org.organizationId, name: 'x', role: 'MEMBER' }),
    ).rejects.toThrow('A MEMBER key acts as a user');
  });

  it('keeps external ids unique per organization, never across organizations', async () => {
    const a = await createTestOrganization(db, ['aiko', 'ben']);
    const b = await createTestOrganization(db, ['chie']);
    await setUserExternalId(db, {
      organizationId: a.organizationId,
      userId: a.users.aiko,
      externalId: 'ext-1',
    });
    await setUserExternalId(db, {
      organizationId: b.organizationId,
      userId: b.users.chie,
      externalId: 'ext-1',
    });
    await expect(
      setUserExternalId(db, { organizationId: a.organizationId, userId: a.users.ben, externalId: 'ext-1' }),
    ).rejects.toThrow();
    expect((await userByExternalId(db, a.organizationId, 'ext-1'))?.id).toBe(a.users.aiko);
    expect((await userByExternalId(db, b.organizationId, 'ext-1'))?.id).toBe(b.users.chie);
    // Another organization's user is not set through this one.
    expect(
      await setUserExternalId(db, {
        organizationId: b.organizationId,
        userId: a.users.ben,
        externalId: 'ext-2',
      }),
    ).toBeNull();
    expect(await userByExternalId(db, a.organizationId, 'ext-2')).toBeNull();
  });
});
