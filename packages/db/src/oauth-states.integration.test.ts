// A flow's state is bound to its starter and, once, to the starter's browser; any refusal leaves the state
// as it was, so a wrong route, another browser or another user cannot use it up (issue 10 §2).
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { createTestOrganization, TestClock, testKeyring, value } from '../test/fixtures.js';
import type { Database } from './database.js';
import { createOAuthStateStore, type OAuthStateStore } from './oauth-states.js';

describeEachDriver('OAuth states on %s', (driver) => {
  const database = useTestDatabase(driver);
  let db: Database;
  let clock: TestClock;
  let states: OAuthStateStore;

  beforeAll(() => {
    db = database().handle.db;
    clock = new TestClock();
    states = createOAuthStateStore(db, testKeyring, { now: clock.now });
  });

  async function started() {
    const org = await createTestOrganization(db, ['aiko', 'ben'], { aiko: 'ADMIN' });
    const { state } = value(
      await states.create({
        organizationId: org.organizationId,
        userId: org.users.aiko,
        provider: 'GOOGLE_CALENDAR',
        redirectUri: 'https://gateway.example/oauth/callback/GOOGLE_CALENDAR',
        codeVerifier: 'v'.repeat(43),
        returnUrl: 'https://app.example/back',
      }),
    );
    return { ...org, state };
  }

  it('binds only the starter, once, and refuses without using the state up', async () => {
    const { organizationId, users, state } = await started();
    const refusal = (reason: string) => ({ ok: false, error: { reason } });

    expect(
      await states.bindBrowser(state, { organizationId, startedBy: users.ben }, 'ben-browser'),
    ).toMatchObject(refusal('STARTED_BY_ANOTHER_USER'));
    expect(
      await states.bindBrowser(state, { organizationId: 'org_other', startedBy: users.aiko }, 'browser'),
    ).toMatchObject(refusal('STATE_NOT_FOUND'));
    expect(
      value(await states.bindBrowser(state, { organizationId, startedBy: users.aiko }, 'aiko-browser')),
    ).toMatchObject({ returnUrl: 'https://app.example/back', startedBy: users.aiko });
    expect(
      await states.bindBrowser(state, { organizationId, startedBy: users.aiko }, 'second-browser'),
    ).toMatchObject(refusal('BROWSER_ALREADY_BOUND'));

    expect(await states.consume(state, { browserSecret: null })).toMatchObject(refusal('OTHER_BROWSER'));
    expect(await states.consume(state, { browserSecret: 'second-browser' })).toMatchObject(
      refusal('OTHER_BROWSER'),
    );
    expect(await states.consume(state, { provider: 'ZOOM', browserSecret: 'aiko-browser' })).toMatchObject(
      refusal('PROVIDER_MISMATCH'),
    );
    expect(await states.consume(state, { organizationId, startedBy: users.ben })).toMatchObject(
      refusal('STARTED_BY_ANOTHER_USER'),
    );

    expect(
      value(await states.consume(state, { provider: 'GOOGLE_CALENDAR', browserSecret: 'aiko-browser' })),
    ).toMatchObject({ userId: users.aiko, provider: 'GOOGLE_CALENDAR' });
    expect(await states.consume(state, { browserSecret: 'aiko-browser' })).toMatchObject(
      refusal('STATE_ALREADY_USED'),
    );
  });

  it('refuses to bind or redeem an expired state', async () => {
    const { organizationId, users, state } = await started();
    clock.advance(601_000);
    expect(await states.bindBrowser(state, { organizationId, startedBy: users.aiko }, 'b')).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', reason: 'STATE_EXPIRED' },
    });
    expect(await states.consume(state)).toMatchObject({ ok: false, error: { reason: 'STATE_EXPIRED' } });
  });
});
