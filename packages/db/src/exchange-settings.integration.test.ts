import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { TestClock, testKeyring } from '../test/fixtures.js';
import type { Database } from './database.js';
import { createOrganization } from './directory.js';
import { createExchangeSettingsStore, type ExchangeSettingsStore } from './exchange-settings.js';
import { exchangeSettings, type StoredExchangeReport } from './schema.js';

const SECRET = 'Interop-Pa55!';

describeEachDriver('exchange settings on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let store: ExchangeSettingsStore;
  let orgA: string;
  let orgB: string;
  const clock = new TestClock();

  beforeAll(async () => {
    db = database().handle.db;
    store = createExchangeSettingsStore(db, testKeyring, { now: clock.now });
    orgA = (await createOrganization(db, { name: 'A', slug: `a-${driver}` })).id;
    orgB = (await createOrganization(db, { name: 'B', slug: `b-${driver}` })).id;
  });

  const input = {
    ewsUrl: 'https://mail.contoso.test/EWS/Exchange.asmx',
    roleAccount: 'interop-role@contoso.test',
    applicationId: null,
    secret: SECRET,
  };

  it('stores settings UNTESTED with the secret sealed, and never returns it from get', async () => {
    const saved = await store.upsert(orgA, input);
    expect(saved.status).toBe('UNTESTED');
    expect(saved.lastReport).toBeNull();
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    const read = await store.get(orgA);
    expect(read).toEqual(saved);
    expect(JSON.stringify(read)).not.toContain(SECRET);
    const [raw] = await db.select().from(exchangeSettings).where(eq(exchangeSettings.organizationId, orgA));
    expect(raw?.secretCiphertext).not.toContain(SECRET);
    expect(raw?.keyId).toBe(testKeyring.activeKeyId);
    expect(await store.readSecret(orgA)).toBe(SECRET);
    expect(await store.open(orgA)).toEqual({ settings: read, secret: SECRET });
    expect(await store.open(orgB)).toBeNull();
    expect(await store.get(orgB)).toBeNull();
    expect(await store.readSecret(orgB)).toBeNull();
  });

  it('follows the report: OK when it passed, BROKEN when it failed', async () => {
    const failed: StoredExchangeReport = {
      ok: false,
      steps: [{ id: 'HTTPS', status: 'FAILED', detail: 'plain http', error: null }],
      testedAt: '2026-11-21T10:00:00.000Z',
    };
    const broken = await store.upsert(orgA, { ...input, secret: 'new-secret' }, failed);
    expect(broken.status).toBe('BROKEN');
    expect(broken.lastTestedAt?.toISOString()).toBe(failed.testedAt);
    expect(broken.lastReport).toEqual(failed);
    expect(await store.readSecret(orgA)).toBe('new-secret');

    const passed = { ok: true, steps: [], testedAt: '2026-11-21T11:00:00.000Z' };
    const ok = await store.markTested(orgA, passed);
    expect(ok?.status).toBe('OK');
    expect(ok?.lastReport).toEqual(passed);
    expect(await store.markTested(orgB, passed)).toBeNull();
    expect(await store.get(orgB)).toBeNull();
  });
});
