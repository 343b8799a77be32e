// Foresight in the gateway, on PGlite and Postgres, against the emulators on 127.0.0.1:
// - the product's own client secret expiring (configured, or read from Graph's app registration) is ONE operator alert (one log line, once, and a /metrics gauge),
//   and no tenant's connection or owner hears of it, however many organizations use the app;
// - a grant whose inactivity limit nears is refreshed by the sweep (use keeps it alive: Microsoft's 90-day
//   sliding window, https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-lifetime);
// - the probe runner's single call after each probe predicts: the oldest of Google's live grants per account
//   and client is AT_RISK (https://developers.google.com/identity/protocols/oauth2#expiration).
import { Writable } from 'node:stream';
import { systemActor } from '@tsunagi/db';
import {
  type GoogleEmulator,
  MICROSOFT_EMULATOR_CLIENT_SECRET,
  type MicrosoftEmulator,
  startGoogleEmulator,
  startMicrosoftEmulator,
} from '@tsunagi/emulators';
import { GOOGLE_LIVE_GRANT_LIMIT } from '@tsunagi/providers';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { query } from '../../test/database.js';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { authorize, callback } from '../../test/oauth.js';
import { World } from '../../test/world.js';
import { registryProbe } from '../probes/runner.js';
import { AdapterProviderRegistry } from '../providers/adapter-registry.js';
import { createEmulatedProviderRegistry } from '../providers/adapters.js';
import { DEFAULT_FORESIGHT_CONFIG } from './config.js';

let google: GoogleEmulator;
let microsoft: MicrosoftEmulator;
const DAY = 24 * 3_600_000;
/** A real pino logger whose lines the test reads back, parsed (one per gateway). */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  );
  return { lines, logger };
}
const SECRET_EXPIRES_AT = new Date(Date.now() + 3 * DAY);
/** What Graph says of the Entra app's own secret (read app-only, as the app has Application.Read.All). */
const ENTRA_SECRET_EXPIRES_AT = new Date(Math.floor((Date.now() + 5 * DAY) / 1000) * 1000);

beforeAll(async () => {
  [google, microsoft] = await Promise.all([
    startGoogleEmulator({ port: 0 }),
    startMicrosoftEmulator({
      port: 0,
      application: {
        appPermissions: ['Application.Read.All'],
        passwordCredentials: [
          { hint: MICROSOFT_EMULATOR_CLIENT_SECRET.slice(0, 3), endDateTime: ENTRA_SECRET_EXPIRES_AT },
        ],
      },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([google?.stop(), microsoft?.stop()]);
});

describeEachDriver('Foresight in the gateway (%s)', (driver) => {
  const { lines, logger } = capturingLogger();
  const t = useTestGateway(driver, {
    config: {
      logLevel: 'info',
      foresight: {
        ...DEFAULT_FORESIGHT_CONFIG,
        sweepIntervalSeconds: 86_400,
        apps: { zoom: { credentialExpiresAt: SECRET_EXPIRES_AT } },
        // Read when the gateway starts, after the emulator is listening.
        get microsoftRegistration() {
          return {
            tokenUrl: microsoft.endpoints.tokenUrl,
            graphBaseUrl: microsoft.endpoints.graphBaseUrl,
            clientId: microsoft.clientId,
            clientSecret: MICROSOFT_EMULATOR_CLIENT_SECRET,
          };
        },
      },
    },
    gateway: {
      logger,
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          google,
          microsoft,
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
        })(dependencies),
    },
  });

  const foresight = () => {
    const running = t().gateway.foresight;
    if (running === null) throw new Error('foresight is off');
    return running;
  };

  async function link(w: World<'owner'>, provider: 'GOOGLE_CALENDAR' | 'MICROSOFT_CALENDAR', email: string) {
    (provider === 'GOOGLE_CALENDAR' ? google : microsoft).accounts.create({ email });
    const data = await w.run<{ connectAccount: { authorizationUrl: string } }>(
      'owner',
      'mutation L($p: Provider!) { connectAccount(provider: $p) { authorizationUrl } }',
      { p: provider },
    );
    const done = await callback(await authorize(data.connectAccount.authorizationUrl, email));
    expect(done.status).toBe(200);
    return String(done.body.connectionId);
  }

  it(
    "the app's client secret expiring: one operator alert, no tenant told",
    { timeout: 120_000 },
    async () => {
      const connections: string[] = [];
      for (let i = 0; i < 6; i++) {
        const w = await World.create(t(), ['owner'] as const, { owner: 'ADMIN' });
        const created = await t().state.createConnection(systemActor(w.organizationId), {
          userId: w.users.owner,
          provider: 'ZOOM',
          accountExternalId: `zoom-${w.organizationId}`,
          credentials: { accessToken: 'at', refreshToken: 'rt' },
        });
        if (!created.ok) throw new Error(created.error.message);
        connections.push(created.value.connection.id);
      }
      const alertLines = () => lines.filter((line) => line.alert === 'FLEET_WIDE');
      const already = alertLines().length;
      const first = await foresight().sweep();
      const second = await foresight().sweep();
      // The gateway's own start-up sweep may have raised them already; either way, once per app and process.
      expect(first.fleetAlerts.length + already).toBe(2);
      expect(second.fleetAlerts).toEqual([]);
      expect(alertLines()).toHaveLength(2);
      expect(alertLines()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            level: 50,
            reason: 'APP_CREDENTIAL_EXPIRY',
            app: 'zoom',
            breaksAt: SECRET_EXPIRES_AT.toISOString(),
          }),
          // Configured nowhere: read from Graph's application registration.
          expect.objectContaining({ app: 'microsoft', breaksAt: ENTRA_SECRET_EXPIRES_AT.toISOString() }),
        ]),
      );
      expect(JSON.stringify(alertLines())).not.toContain(MICROSOFT_EMULATOR_CLIENT_SECRET);
      const ids = connections.map((id) => `'${id}'`).join(',');
      expect(
        await query(
          t().handle,
          `SELECT id FROM connections WHERE id IN (${ids}) AND (health <> 'HEALTHY' OR breaks_at IS NOT NULL)`,
        ),
      ).toEqual([]);
      expect(await query(t().handle, `SELECT id FROM notifications WHERE connection_id IN (${ids})`)).toEqual(
        [],
      );
      const metrics = await (await fetch(new URL('/metrics', t().url))).text();
      expect(metrics).toContain('tsunagi_fleet_alerts{app="zoom",reason="APP_CREDENTIAL_EXPIRY"} 1');
      expect(metrics).toContain(
        `tsunagi_app_credential_expiry_timestamp_seconds{app="zoom"} ${Math.floor(SECRET_EXPIRES_AT.getTime() / 1000)}`,
      );
    },
  );

  it('refreshes a grant whose inactivity limit nears (use keeps it alive)', { timeout: 60_000 }, async () => {
    const w = await World.create(t(), ['owner'] as const);
    const id = await link(w, 'MICROSOFT_CALENDAR', `keep-${w.organizationId}@contoso.example`);
    const stale = new Date(Date.now() - 70 * DAY);
    await query(
      t().handle,
      `UPDATE connection_credentials SET grant_used_at = '${stale.toISOString()}' WHERE connection_id = '${id}'`,
    );
    // 90 days after its last use is 20 days off: not AT_RISK yet, but the refresh is due (30 days before).
    const result = await foresight().sweep();
    expect(result.keptAlive).toBeGreaterThanOrEqual(1);
    const [row] = await query<{ grant_used_at: Date; health: string; breaks_at: Date | null }>(
      t().handle,
      `SELECT cc.grant_used_at, c.health, c.breaks_at FROM connections c JOIN connection_credentials cc ON cc.connection_id = c.id WHERE c.id = '${id}'`,
    );
    expect(new Date(row?.grant_used_at ?? 0).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(row).toMatchObject({ health: 'HEALTHY', breaks_at: null });
  });

  it(
    "after a probe: the oldest of an account's live grants at Google's limit is AT_RISK",
    { timeout: 60_000 },
    async () => {
      const w = await World.create(t(), ['owner'] as const);
      const email = `limit-${w.organizationId}@example.test`;
      const id = await link(w, 'GOOGLE_CALENDAR', email);
      const [connection] = await query<{ account_external_id: string }>(
        t().handle,
        `SELECT account_external_id FROM connections WHERE id = '${id}'`,
      );
      // Since then the same account signed in to our client elsewhere (another organization), and reconnected
      // there again and again: up to the limit, every other live grant is newer than this connection's.
      const others = await World.create(t(), ['owner'] as const);
      const created = await t().state.createConnection(systemActor(others.organizationId), {
        userId: others.users.owner,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: `${connection?.account_external_id}`,
        credentials: { accessToken: 'at', refreshToken: 'rt' },
      });
      if (!created.ok) throw new Error(created.error.message);
      await query(
        t().handle,
        `INSERT INTO oauth_grants (id, connection_id, provider, account_external_id, issued_at)
       SELECT 'grt_limit_' || n || '_${id}', '${created.value.connection.id}', 'GOOGLE_CALENDAR', '${connection?.account_external_id}', now() + n * interval '1 second'
       FROM generate_series(1, ${GOOGLE_LIVE_GRANT_LIMIT - 2}) AS n`,
      );
      const registry = t().gateway.services.providers;
      if (!(registry instanceof AdapterProviderRegistry)) throw new Error('no adapters');
      const probe = registryProbe(registry, logger, (target) => foresight().afterProbe(target));
      await probe({ id, organizationId: w.organizationId, provider: 'GOOGLE_CALENDAR' });
      const [row] = await query<{ health: string; at_risk_reason: string | null }>(
        t().handle,
        `SELECT health, at_risk_reason FROM connections WHERE id = '${id}'`,
      );
      expect(row).toEqual({ health: 'AT_RISK', at_risk_reason: 'GOOGLE_GRANT_LIMIT' });
    },
  );
});
