// One test per rule, each naming its source; the clock is the `now` the caller injects.
import { describe, expect, it } from 'vitest';
import { fleetAlerts, GOOGLE_LIVE_GRANT_LIMIT, predictBreakage } from './predict.js';

const DAY = 24 * 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);
const now = at('2026-12-06T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * DAY);

describe('predictBreakage', () => {
  // https://developers.google.com/identity/protocols/oauth2#expiration — a Testing app's refresh token: 7 days.
  it('Google, an app in Testing: the grant expires 7 days after it was issued, whatever its use', () => {
    const issuedAt = days(-2);
    const foresight = predictBreakage(
      { provider: 'GOOGLE_CALENDAR', issuedAt, lastUsedAt: now },
      { publishingStatus: 'TESTING' },
      { now },
    );
    expect(foresight.atRisk).toEqual({
      reason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY',
      breaksAt: days(5),
      keptAliveByUse: false,
      fleetWide: false,
    });
    const published = predictBreakage(
      { provider: 'GOOGLE_CALENDAR', issuedAt, lastUsedAt: now },
      { publishingStatus: 'PRODUCTION' },
      { now },
    );
    expect(published.atRisk).toBeNull();
  });

  // https://developers.google.com/identity/protocols/oauth2#expiration — unused for six months, it stops working.
  it('Google, six months unused: use keeps it alive, the next refresh is due a margin before', () => {
    const used = predictBreakage(
      {
        provider: 'GOOGLE_CALENDAR',
        issuedAt: at('2026-01-01T00:00:00Z'),
        lastUsedAt: at('2026-12-01T00:00:00Z'),
      },
      {},
      { now },
    );
    expect(used.predictions).toEqual([expect.objectContaining({ reason: 'GOOGLE_GRANT_INACTIVITY' })]);
    expect(used.predictions[0]?.breaksAt).toEqual(at('2027-06-01T00:00:00Z'));
    expect(used.atRisk).toBeNull();
    expect(used.refreshBy).toEqual(new Date(at('2027-06-01T00:00:00Z').getTime() - 30 * DAY));

    // Nothing used it for almost six months (probes could not): AT_RISK, and refresh now.
    const stale = predictBreakage(
      { provider: 'GOOGLE_CALENDAR', lastUsedAt: at('2026-06-10T00:00:00Z') },
      {},
      { now },
    );
    expect(stale.atRisk).toMatchObject({
      reason: 'GOOGLE_GRANT_INACTIVITY',
      breaksAt: at('2026-12-10T00:00:00Z'),
    });
    expect(stale.refreshBy).toEqual(now);
  });

  // https://developers.google.com/identity/protocols/oauth2#expiration — past the limit of live refresh tokens per
  // account and client, a new one invalidates the oldest without warning.
  it('Google, the live-grant limit: the oldest grant may go with the next sign-in', () => {
    const oldest = predictBreakage(
      {
        provider: 'GOOGLE_CALENDAR',
        lastUsedAt: now,
        liveGrants: { count: GOOGLE_LIVE_GRANT_LIMIT, newer: GOOGLE_LIVE_GRANT_LIMIT - 1 },
      },
      {},
      { now },
    );
    expect(oldest.atRisk).toMatchObject({ reason: 'GOOGLE_GRANT_LIMIT', breaksAt: now });
    const newest = predictBreakage(
      {
        provider: 'GOOGLE_CALENDAR',
        lastUsedAt: now,
        liveGrants: { count: GOOGLE_LIVE_GRANT_LIMIT, newer: 0 },
      },
      {},
      { now },
    );
    expect(newest.atRisk).toBeNull();
    const under = predictBreakage(
      { provider: 'GOOGLE_CALENDAR', lastUsedAt: now, liveGrants: { count: 99, newer: 98 } },
      {},
      { now },
    );
    expect(under.atRisk).toBeNull();
  });

  // https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-lifetime — 90 days, replaced on
  // every use (sliding).
  it('Microsoft: 90 days after the last refresh; each refresh slides it', () => {
    const lastUsedAt = days(-80);
    const foresight = predictBreakage({ provider: 'MICROSOFT_CALENDAR', lastUsedAt }, {}, { now });
    expect(foresight.atRisk).toMatchObject({
      reason: 'MICROSOFT_REFRESH_TOKEN_INACTIVITY',
      breaksAt: days(10),
      keptAliveByUse: true,
    });
    const refreshed = predictBreakage({ provider: 'MICROSOFT_TEAMS', lastUsedAt: days(-1) }, {}, { now });
    expect(refreshed.atRisk).toBeNull();
    expect(refreshed.refreshBy).toEqual(days(89 - 30));
  });

  // The operator's configuration (per app): the client secret's or certificate's expiry.
  it("the app's client secret: every grant of every tenant breaks with it (fleet-wide)", () => {
    const foresight = predictBreakage(
      { provider: 'ZOOM', lastUsedAt: now },
      { credentialExpiresAt: days(3) },
      { now },
    );
    expect(foresight.atRisk).toEqual({
      reason: 'APP_CREDENTIAL_EXPIRY',
      breaksAt: days(3),
      keptAliveByUse: false,
      fleetWide: true,
    });
    expect(
      predictBreakage({ provider: 'ZOOM' }, { credentialExpiresAt: days(40) }, { now }).atRisk,
    ).toBeNull();
  });

  it('scopes the product needs and the grant lacks: at risk from now on', () => {
    const foresight = predictBreakage(
      {
        provider: 'GOOGLE_CALENDAR',
        lastUsedAt: now,
        grantedScopes: ['https://www.googleapis.com/auth/calendar.readonly'],
        requiredScopes: [
          'https://www.googleapis.com/auth/calendar.readonly',
          'https://www.googleapis.com/auth/calendar.events',
        ],
      },
      {},
      { now },
    );
    expect(foresight.atRisk).toMatchObject({ reason: 'MISSING_SCOPES', breaksAt: now });
  });

  it("the Exchange server's certificate (as presented to the probe)", () => {
    const foresight = predictBreakage({ provider: 'EXCHANGE', certificateValidTo: days(9) }, {}, { now });
    expect(foresight.atRisk).toMatchObject({ reason: 'EXCHANGE_CERTIFICATE_EXPIRY', breaksAt: days(9) });
  });

  it('moves with the clock: the same facts are not at risk today and are a week later', () => {
    const grant = { provider: 'ZOOM' as const };
    const app = { credentialExpiresAt: days(20) };
    expect(predictBreakage(grant, app, { now }).atRisk).toBeNull();
    expect(predictBreakage(grant, app, { now: days(7) }).atRisk?.reason).toBe('APP_CREDENTIAL_EXPIRY');
  });
});

describe('fleetAlerts', () => {
  it('is one alert per application, not one per connection', () => {
    expect(
      fleetAlerts(
        { google: { credentialExpiresAt: days(5) }, zoom: { credentialExpiresAt: days(60) }, microsoft: {} },
        { now },
      ),
    ).toEqual([{ app: 'google', reason: 'APP_CREDENTIAL_EXPIRY', breaksAt: days(5) }]);
  });
});
