// "Keep every event and record" (EVENT_RETENTION_DAYS=0, RECORD_RETENTION_DAYS=0) still runs the sweep: it
// deletes no event and no log row, but expired OAuth states go, and the page-count deltas that `totalCount`
// sums are folded (left alone, every page change would add one more row to sum, forever).
import { latestEventId } from '@tsunagi/db';
import { expect, it } from 'vitest';
import { query } from '../../test/database.js';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';

describeEachDriver('the sweep when everything is kept (%s)', (driver) => {
  const t = useTestGateway(driver, {
    config: { eventRetention: { days: 0, recordDays: 0, batchSize: 100, sweepIntervalSeconds: 86_400 } },
  });

  it('folds page counts and clears expired OAuth states, and deletes no event', async () => {
    const { handle, gateway } = t();
    expect(gateway.eventRetention).not.toBeNull();
    const w = await World.create(t(), ['admin', 'ada'], { admin: 'ADMIN' });
    for (let i = 0; i < 36; i++) await w.createPage('ada', { title: `Page ${i}` });
    const deltas = async () =>
      Number(
        (
          await query<{ n: string }>(
            handle,
            `SELECT count(*) AS n FROM booking_page_counts WHERE organization_id = '${w.organizationId}'`,
          )
        )[0]?.n,
      );
    expect(await deltas()).toBeGreaterThan(32);
    const eventsBefore = await latestEventId(handle.db, w.organizationId);
    await query(
      handle,
      `INSERT INTO oauth_states (id, organization_id, user_id, provider, state_hash, key_id, code_verifier_ciphertext, redirect_uri, expires_at)
       VALUES ('oas_kept_${driver}', '${w.organizationId}', '${w.users.ada}', 'GOOGLE_CALENDAR', 'hash-kept-${driver}', 'k1', 'sealed', 'https://app.example.test/cb', now() - interval '1 hour')`,
    );

    const swept = await gateway.eventRetention!.sweep();
    expect(swept.deleted).toBe(0);
    expect(swept.records.oauthStates).toBeGreaterThanOrEqual(1);
    expect(swept.pageCountsFolded).toBeGreaterThanOrEqual(1);
    expect(await deltas()).toBeLessThanOrEqual(1);
    const [kept] = await query<{ n: string }>(
      handle,
      `SELECT count(*) AS n FROM events WHERE organization_id = '${w.organizationId}'`,
    );
    expect(Number(kept?.n)).toBeGreaterThanOrEqual(36);
    expect(await latestEventId(handle.db, w.organizationId)).toBe(eventsBefore);
    const { bookingPages } = await w.run<{ bookingPages: { totalCount: number } }>(
      'admin',
      '{ bookingPages(first: 1) { totalCount } }',
    );
    expect(bookingPages.totalCount).toBe(36);
  });
});
