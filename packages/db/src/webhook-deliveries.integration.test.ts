import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { TestClock } from '../test/fixtures.js';
import type { Database } from './database.js';
import { webhookDeliveries } from './schema.js';
import { createWebhookDeliveryStore, type WebhookDeliveryStore } from './webhook-deliveries.js';

describeEachDriver('webhook deliveries on %s', (driver) => {
  const database = useTestDatabase(driver);
  const clock = new TestClock();
  let db: Database;
  let store: WebhookDeliveryStore;
  const window = () => new Date(clock.current.getTime() + 6 * 60_000);

  beforeAll(() => {
    db = database().handle.db;
    store = createWebhookDeliveryStore(db, { now: clock.now });
  });

  it('claims a delivery once; a replay by any of its keys is refused', async () => {
    expect(await store.claim('zoom', ['v0=aaa', 'event:1'], window())).toBe(true);
    expect(await store.claim('zoom', ['v0=aaa', 'event:1'], window())).toBe(false);
    // Re-signed (new timestamp, new signature) but the same event: still a replay.
    expect(await store.claim('zoom', ['v0=bbb', 'event:1'], window())).toBe(false);
    // The refused delivery's new key was not kept: v0=bbb alone is new.
    expect(await store.claim('zoom', ['v0=bbb'], window())).toBe(true);
    // Keys are per provider, and stored hashed.
    expect(await store.claim('other', ['v0=aaa'], window())).toBe(true);
    const rows = await db.select().from(webhookDeliveries);
    expect(JSON.stringify(rows)).not.toContain('v0=aaa');
  });

  it('tells a claimed key from a new or expired one without claiming anything', async () => {
    expect(await store.seen('zoom', ['v0=seen-1', 'event:seen-1'])).toBe(false);
    // Looking did not claim.
    expect(await store.claim('zoom', ['v0=seen-1', 'event:seen-1'], window())).toBe(true);
    expect(await store.seen('zoom', ['v0=other', 'event:seen-1'])).toBe(true);
    expect(await store.seen('other', ['v0=seen-1'])).toBe(false);
    clock.advance(7 * 60_000);
    expect(await store.seen('zoom', ['v0=seen-1'])).toBe(false);
  });

  it('forgets claims once their window has passed', async () => {
    expect(await store.claim('zoom', ['v0=old'], window())).toBe(true);
    clock.advance(7 * 60_000);
    expect(await store.claim('zoom', ['v0=new'], window())).toBe(true);
    const keys = (await db.select().from(webhookDeliveries)).length;
    // Only the claim made after the clock moved survives.
    expect(keys).toBe(1);
    expect(await store.claim('zoom', ['v0=old'], window())).toBe(true);
  });

  it('refuses concurrent claims of one delivery but one', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => store.claim('zoom', ['v0=race', 'event:race'], window())),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('needs a key', async () => {
    await expect(store.claim('zoom', [], window())).rejects.toThrow(/at least one key/);
  });
});
