// Issue 15 §7: three gateway processes on one Postgres database share a probe round, and each connection is
// probed exactly once in it. Real processes (test/fixtures/gateway-process.mjs), real HTTP to the Google
// emulator in this process (each answer 50 ms late, so the round lasts long enough for all three to take
// part), real tokens issued by its OAuth flow and sealed under the processes' keyring.
import { createHash, randomBytes } from 'node:crypto';
import { createOrganization, createStateService, createUser, parseKeyring, systemActor } from '@tsunagi/db';
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { GoogleOAuthFlow } from '@tsunagi/providers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type GatewayProcess,
  processDatabase,
  startGatewayProcess,
  until,
} from '../../test/gateway-process.js';
import { describePostgres } from '../../test/harness.js';
import { type EmbeddableGatewayConfig, generateCredentialsKeys } from '../env.js';

const CONNECTIONS = 24;
const REDIRECT_URI = 'http://127.0.0.1:9/oauth/callback/GOOGLE_CALENDAR';

describePostgres('a probe round shared by three gateway processes (postgres)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  let google: GoogleEmulator;

  beforeAll(async () => {
    google = await startGoogleEmulator({ port: 0 });
    cleanups.push(() => google.stop());
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  /** The emulator's authorization-code flow for one account, as a confidential client runs it. */
  async function grant(oauth: GoogleOAuthFlow, accountId: string) {
    const verifier = randomBytes(32).toString('base64url');
    const consent = await fetch(
      oauth.authorizationUrl({
        state: randomBytes(8).toString('hex'),
        codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
        redirectUri: REDIRECT_URI,
        loginHint: accountId,
      }),
      { redirect: 'manual' },
    );
    const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
    return (await oauth.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI })).tokens;
  }

  it('probes every connection exactly once in the round', async () => {
    const { open, config: database } = await processDatabase('pg', 'tsunagi-probe-scale', cleanups);
    const credentialsKeys = generateCredentialsKeys();
    const handle = open();
    await handle.migrate();
    const state = createStateService({ db: handle.db, keyring: parseKeyring(credentialsKeys) });
    const organization = await createOrganization(handle.db, { name: 'Scale', slug: 'scale' });
    const oauth = new GoogleOAuthFlow({
      clientId: google.client.clientId,
      clientSecret: google.client.clientSecret,
      endpoints: google.endpoints,
    });
    const ids: string[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const email = `p${i}@scale.test`;
      const user = await createUser(handle.db, { organizationId: organization.id, name: `P${i}`, email });
      const account = google.accounts.create({ email });
      google.faults.inject(account.id, { kind: 'LATENCY', ms: 50 });
      const tokens = await grant(oauth, account.id);
      const created = await state.createConnection(systemActor(organization.id), {
        userId: user.id,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: account.id,
        accountEmail: email,
        credentials: {
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken ?? null,
          expiresAt: tokens.expiresAt === undefined ? null : new Date(tokens.expiresAt),
          scopes: tokens.scopes,
        },
      });
      if (!created.ok) throw new Error(created.error.message);
      ids.push(created.value.connection.id);
    }
    const versions = async () => {
      const rows = await handle.db.query.connections.findMany({
        where: (c, { inArray }) => inArray(c.id, ids),
        columns: { id: true, version: true, status: true, health: true, lastCheckedAt: true },
      });
      return rows;
    };
    const before = new Map((await versions()).map((row) => [row.id, row.version]));

    const config: Partial<EmbeddableGatewayConfig> = {
      ...database,
      credentialsKeys,
      // One round (a long interval), every probe due when it starts; two in flight per process.
      probes: { enabled: true, intervalSeconds: 43_200, concurrencyPerProvider: 2, spread: 0 },
    };
    const processes: GatewayProcess[] = await Promise.all(
      [1, 2, 3].map(() => startGatewayProcess(config, { google })),
    );
    for (const process of processes) cleanups.push(() => process.stop());

    await until(
      async () => (await versions()).every((row) => row.lastCheckedAt !== null),
      'every connection probed',
      120_000,
    );
    // Stopping waits for the probes in flight: whatever was recorded is in the database afterwards.
    await Promise.all(processes.map((process) => process.stop()));
    for (const process of processes) expect(process.exit()?.code).toBe(0);

    const after = await versions();
    // Each recorded probe bumps the version by one: exactly once each, and healthy.
    expect(after.map((row) => row.version - (before.get(row.id) ?? 0))).toEqual(ids.map(() => 1));
    expect(after.every((row) => row.status === 'CONNECTED' && row.health === 'HEALTHY')).toBe(true);
    // pg-boss holds exactly one job per connection for the round, each completed.
    const pool = (handle.db as unknown as { $client: { query(text: string): Promise<{ rows: unknown[] }> } })
      .$client;
    const { rows } = await pool.query(
      `SELECT singleton_key AS id, state, count(*)::int AS n FROM pgboss.job
       WHERE name = 'probe.GOOGLE_CALENDAR' GROUP BY singleton_key, state`,
    );
    expect(
      (rows as { id: string; state: string; n: number }[]).sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([...ids].sort().map((id) => ({ id, state: 'completed', n: 1 })));
    await handle.close();
  }, 240_000);
});
