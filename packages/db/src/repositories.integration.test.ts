import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import { freshEvaluation } from '../test/evaluation.js';
import { TestClock, testKeyring, value } from '../test/fixtures.js';
import { createCredentialStore, rotateCredentials, webhookSecretContext } from './credentials.js';
import { createKeyring, envelopeKeyId, generateKey, openSecret, sealSecret } from './crypto.js';
import type { Database } from './database.js';
import { createExchangeSettingsStore } from './exchange-settings.js';
import { createOAuthStateStore } from './oauth-states.js';
import type { ReadScope } from './read-scope.js';
import {
  type BookingPageList,
  createReadRepository,
  decodePageCursor,
  type ReadRepository,
} from './repositories.js';
import { bookingPages, connectionCredentials, connections, oauthStates, webhookEndpoints } from './schema.js';
import { type DemoSeed, seedDemo } from './seed.js';

describeEachDriver('read side on %s', (driver) => {
  // PGlite keeps its data in a directory here, so the last test can restart it.
  const database = useTestDatabase(driver, { persistent: true });
  let db: Database;
  let seed: DemoSeed;
  let repo: ReadRepository;
  let admin: ReadScope;
  const clock = new TestClock();

  beforeAll(async () => {
    db = database().handle.db;
    seed = await seedDemo(db, { keyring: testKeyring, now: clock.now });
    repo = createReadRepository(db);
    admin = { organizationId: seed.organizationId };
  });

  const connectionOf = async (userId: string, provider: string) => {
    const found = (await repo.connectionsByUserIds(admin, [userId]))[0]?.find((c) => c.provider === provider);
    if (found === undefined) throw new Error(`no ${provider} connection for ${userId}`);
    return found;
  };

  const pagesByTitle = async () => {
    const rows = await db
      .select()
      .from(bookingPages)
      .where(eq(bookingPages.organizationId, seed.organizationId));
    return new Map(rows.map((row) => [row.title, row]));
  };

  describe('demo seed', () => {
    it('is idempotent', async () => {
      const before = await db.select().from(bookingPages);
      const again = await seedDemo(db, { keyring: testKeyring });
      expect(again).toEqual({ ...seed, seeded: false });
      expect(await db.select().from(bookingPages)).toHaveLength(before.length);
    });

    it('exercises every rule of DESIGN §2, with stored states the engine agrees with', async () => {
      const pages = await pagesByTitle();
      const { aiko, priya, marco } = seed.users;
      const summary = (title: string) => {
        const page = pages.get(title);
        return { state: page?.state, reasons: page?.reasons.map((r) => r.kind) };
      };
      expect(summary('Intro call with Aiko')).toEqual({ state: 'ACTIVE', reasons: [] });
      expect(summary("Marco's consultation")).toEqual({
        state: 'DISABLED_CONNECTION_ERROR',
        reasons: ['MEMBER_CALENDAR_ERROR'],
      });
      expect(summary('Teams sync with Zofia')).toEqual({
        state: 'DISABLED_CONNECTION_ERROR',
        reasons: ['OWNER_LOCATION_ERROR'],
      });
      expect(summary('Interview panel')).toEqual({
        state: 'DISABLED_CONNECTION_ERROR',
        reasons: ['MEMBER_CALENDAR_ERROR'],
      });
      expect(pages.get('Interview panel')?.reasons[0]?.userId).toBe(marco);
      expect(summary('Sales demo')).toEqual({ state: 'ACTIVE', reasons: [] });
      expect(pages.get('Sales demo')?.eligibleHostIds).toEqual([aiko, priya]);
      expect(pages.get('Sales demo')?.warnings[0]).toMatchObject({
        kind: 'HOSTS_UNAVAILABLE',
        memberCount: 5,
      });
      expect(summary('Support escalation')).toEqual({
        state: 'DISABLED_CONNECTION_ERROR',
        reasons: ['NO_ELIGIBLE_HOST'],
      });
      expect(summary('Teams clinic')).toEqual({
        state: 'DISABLED_CONNECTION_ERROR',
        reasons: ['NO_MEMBER_LOCATION_AVAILABLE'],
      });
      expect(summary('Room walkthrough')).toEqual({
        state: 'DISABLED_CONNECTION_ERROR',
        reasons: ['NO_MEMBER_CALENDAR_AVAILABLE'],
      });
      expect(summary('Quarterly review').state).toBe('INACTIVE');
      expect(summary('Quarterly review').reasons?.length).toBeGreaterThan(0);
      expect(summary('Office hours with Priya')).toEqual({ state: 'ACTIVE', reasons: [] });
      expect(summary('1:1 with Lucas')).toEqual({ state: 'ACTIVE', reasons: [] });
      for (const page of pages.values()) {
        const fresh = await freshEvaluation(db, page.id);
        expect({ title: page.title, state: page.state, reasons: page.reasons, plan: page.plan }).toEqual({
          title: page.title,
          state: fresh.state,
          reasons: fresh.reasons,
          plan: fresh.plan,
        });
      }
    });

    it('stores realistic classifications on the broken connections', async () => {
      const rows = await db
        .select()
        .from(connections)
        .where(eq(connections.organizationId, seed.organizationId));
      const errors = rows
        .filter((row) => row.status === 'ERROR')
        .map((row) => `${row.provider}:${row.lastError?.code}`)
        .sort();
      expect(errors).toEqual([
        'EXCHANGE:TLS_ERROR',
        'GOOGLE_CALENDAR:AUTH_REVOKED',
        'MICROSOFT_TEAMS:INSUFFICIENT_SCOPE',
        'ZOOM:AUTH_REVOKED',
      ]);
      expect(new Set(rows.map((row) => row.provider)).size).toBe(5);
      expect(rows.filter((row) => row.health === 'DEGRADED').map((row) => row.provider)).toEqual(['ZOOM']);
      expect(rows.filter((row) => row.health === 'AT_RISK').map((row) => row.provider)).toEqual([
        'GOOGLE_CALENDAR',
      ]);
      const revoked = rows.find((row) => row.lastError?.code === 'AUTH_REVOKED');
      expect(revoked?.lastError).toMatchObject({
        providerReason: 'invalid_grant',
        connectionBroken: true,
        httpStatus: 400,
      });
    });
  });

  describe('booking page list', () => {
    it('puts pages disabled by a connection error first and pages through them with a stable cursor', async () => {
      const all = value(await repo.listBookingPages(admin, { first: 100 }));
      expect(all.totalCount).toBe(11);
      const ranks = all.nodes.map((page) => (page.state === 'DISABLED_CONNECTION_ERROR' ? 0 : 1));
      expect(ranks).toEqual([...ranks].sort());
      expect(ranks.filter((r) => r === 0)).toHaveLength(6);
      const disabledTitles = all.nodes.slice(0, 6).map((page) => page.title);
      expect(disabledTitles).toEqual([...disabledTitles].sort());

      const walked: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: BookingPageList = value(await repo.listBookingPages(admin, { first: 4, after }));
        walked.push(...page.nodes.map((node) => node.id));
        expect(page.totalCount).toBe(11);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(walked).toEqual(all.nodes.map((node) => node.id));
      expect(decodePageCursor('not a cursor')).toBeNull();
      expect(await repo.listBookingPages(admin, { after: 'bm90IGEgY3Vyc29y' })).toMatchObject({
        ok: false,
        error: { code: 'BAD_USER_INPUT', field: 'after' },
      });
      expect(await repo.listBookingPages(admin, { first: 0 })).toMatchObject({ ok: false });
    });

    it('filters by state and narrows a MEMBER to pages they own or belong to', async () => {
      const disabled = value(await repo.listBookingPages(admin, { states: ['DISABLED_CONNECTION_ERROR'] }));
      expect(disabled.totalCount).toBe(6);
      const marco: ReadScope = { organizationId: seed.organizationId, viewerId: seed.users.marco };
      const visible = value(await repo.listBookingPages(marco, { first: 100 }));
      expect(visible.nodes.map((page) => page.title).sort()).toEqual(
        [
          "Marco's consultation",
          'Interview panel',
          'Room walkthrough',
          'Sales demo',
          'Support escalation',
        ].sort(),
      );
    });
  });

  describe('batch loaders', () => {
    it('return one entry per key, in key order, and nothing from another organization', async () => {
      const { aiko, marco, hana } = seed.users;
      expect(
        (await repo.usersByIds(admin, [marco, 'usr_missing', hana, aiko])).map((u) => u?.name ?? null),
      ).toEqual(['Marco Rossi', null, null, 'Aiko Tanaka']);
      const [marcoConnections, hanaConnections] = await repo.connectionsByUserIds(admin, [marco, hana]);
      expect(marcoConnections?.map((c) => c.provider).sort()).toEqual(['GOOGLE_CALENDAR', 'ZOOM']);
      expect(hanaConnections).toEqual([]);
      const ids = marcoConnections?.map((c) => c.id) ?? [];
      expect((await repo.connectionsByIds(admin, [...ids].reverse())).map((c) => c?.id)).toEqual(
        [...ids].reverse(),
      );
      const globex = { organizationId: seed.otherOrganizationId };
      expect(await repo.connectionsByIds(globex, ids)).toEqual([null, null]);
      expect(await repo.pagesByConnectionIds(globex, ids)).toEqual([[], []]);

      const pages = await pagesByTitle();
      const panel = pages.get('Interview panel')?.id ?? '';
      const sales = pages.get('Sales demo')?.id ?? '';
      const [panelMembers, salesMembers] = await repo.membersByPageIds(admin, [panel, sales]);
      expect(panelMembers?.map((m) => m.userId)).toEqual([aiko, marco, seed.users.priya]);
      expect(salesMembers).toHaveLength(5);
      const [panelLocations, none] = await repo.locationsByPageIds(admin, [panel, 'pg_missing']);
      expect(panelLocations?.map((l) => l.type)).toEqual(['GOOGLE_MEET']);
      expect(none).toEqual([]);
      expect(await repo.pagesByIds(globex, [panel])).toEqual([null]);
    });

    it('find the pages a connection affects', async () => {
      const google = (await repo.connectionsByUserIds(admin, [seed.users.marco]))[0]?.find(
        (c) => c.provider === 'GOOGLE_CALENDAR',
      );
      const [affected] = await repo.pagesByConnectionIds(admin, [google?.id ?? '']);
      expect(affected?.map((page) => page.title).sort()).toEqual(
        [
          "Marco's consultation",
          'Interview panel',
          'Room walkthrough',
          'Sales demo',
          'Support escalation',
        ].sort(),
      );
      expect(affected?.[0]?.state).toBe('DISABLED_CONNECTION_ERROR');
    });

    it('hide other users’ connections and pages from a MEMBER', async () => {
      const ben: ReadScope = { organizationId: seed.organizationId, viewerId: seed.users.ben };
      const [own, others] = await repo.connectionsByUserIds(ben, [seed.users.ben, seed.users.aiko]);
      expect(own?.length).toBe(2);
      expect(others).toEqual([]);
      const pages = await pagesByTitle();
      const intro = pages.get('Intro call with Aiko')?.id ?? '';
      expect(await repo.pagesByIds(ben, [intro])).toEqual([null]);
      expect(await repo.membersByPageIds(ben, [intro])).toEqual([[]]);
    });
  });

  it('counts what the banner needs, per organization and per member', async () => {
    expect(await repo.alertCounts(admin)).toEqual({
      erroredConnections: 4,
      atRiskConnections: 1,
      earliestBreaksAt: null,
      disabledPages: 6,
    });
    expect(await repo.alertCounts({ organizationId: seed.organizationId, viewerId: seed.users.ben })).toEqual(
      {
        erroredConnections: 2,
        atRiskConnections: 0,
        earliestBreaksAt: null,
        disabledPages: 3,
      },
    );
    // Olek's Microsoft calendar and his archived Exchange mailbox, both on his one page.
    expect(await repo.alertCounts({ organizationId: seed.otherOrganizationId })).toEqual({
      erroredConnections: 2,
      atRiskConnections: 0,
      earliestBreaksAt: null,
      disabledPages: 1,
    });
  });

  it('lists integrations per user, errored ones under All and Connected', async () => {
    const [all] = await repo.integrationsByUserIds(admin, [seed.users.ben]);
    expect(all?.map((row) => [row.provider, row.state])).toEqual([
      ['GOOGLE_CALENDAR', 'NOT_CONNECTED'],
      ['MICROSOFT_CALENDAR', 'NOT_CONNECTED'],
      ['EXCHANGE', 'CONNECTION_ERROR'],
      ['ZOOM', 'CONNECTION_ERROR'],
      ['MICROSOFT_TEAMS', 'NOT_CONNECTED'],
    ]);
    expect(all?.[2]?.connections[0]?.lastError?.code).toBe('TLS_ERROR');
    const [connected] = await repo.integrationsByUserIds(admin, [seed.users.ben], 'CONNECTED');
    expect(connected?.map((row) => row.provider)).toEqual(['EXCHANGE', 'ZOOM']);
    const [notConnected] = await repo.integrationsByUserIds(admin, [seed.users.priya], 'NOT_CONNECTED');
    expect(notConnected?.map((row) => row.provider)).toEqual([
      'MICROSOFT_CALENDAR',
      'EXCHANGE',
      'MICROSOFT_TEAMS',
    ]);
  });

  describe('secrets', () => {
    it('are sealed at rest and never reached by a read query', async () => {
      const sealed = await db.select().from(connectionCredentials);
      expect(sealed.length).toBeGreaterThan(0);
      for (const row of sealed) {
        expect(row.ciphertext).not.toContain('demo-access');
        expect(row.keyId).toBe('k1');
        expect(envelopeKeyId(row.ciphertext)).toBe('k1');
      }
      const { queries } = database();
      queries.length = 0;
      const userIds = Object.values(seed.users);
      const pageIds = (await db.select({ id: bookingPages.id }).from(bookingPages)).map((row) => row.id);
      queries.length = 0;
      const connectionRows = (await repo.connectionsByUserIds(admin, userIds)).flat();
      const results = [
        connectionRows,
        await repo.connectionsByIds(
          admin,
          connectionRows.map((c) => c.id),
        ),
        await repo.integrationsByUserIds(admin, userIds),
        await repo.pagesByConnectionIds(
          admin,
          connectionRows.map((c) => c.id),
        ),
        await repo.pagesByIds(admin, pageIds),
        await repo.membersByPageIds(admin, pageIds),
        await repo.locationsByPageIds(admin, pageIds),
        await repo.listBookingPages(admin, { first: 100 }),
        await repo.alertCounts(admin),
        await repo.usersByIds(admin, userIds),
        await repo.eventsAfter(admin, 0, 1000),
      ];
      expect(queries.length).toBeGreaterThan(10);
      for (const query of queries)
        expect(query).not.toMatch(/connection_credentials|ciphertext|code_verifier/);
      const serialized = JSON.stringify(results);
      expect(serialized).not.toContain('demo-access');
      expect(serialized).not.toContain('demo-refresh');
      for (const row of sealed) expect(serialized).not.toContain(row.ciphertext.split('.')[3]);
    });

    it('are opened only by the credential store, within the organization', async () => {
      const store = createCredentialStore(db, testKeyring);
      const google = await connectionOf(seed.users.aiko, 'GOOGLE_CALENDAR');
      expect(await store.load(seed.organizationId, google.id)).toEqual({
        accessToken: 'demo-access-google_calendar-aiko',
        refreshToken: 'demo-refresh-google_calendar-aiko',
        expiresAt: null,
        scopes: [],
      });
      expect(await store.load(seed.otherOrganizationId, google.id)).toBeNull();
      expect(
        await store.save(seed.organizationId, google.id, { accessToken: 'refreshed', scopes: ['calendar'] }),
      ).toBe(true);
      expect(await store.load(seed.organizationId, google.id)).toMatchObject({
        accessToken: 'refreshed',
        refreshToken: null,
        scopes: ['calendar'],
      });
    });

    it('keep OAuth states hashed and PKCE verifiers sealed, and redeem a state exactly once', async () => {
      const oauth = createOAuthStateStore(db, testKeyring, { now: clock.now });
      const verifier = 'v'.repeat(64);
      const { state } = value(
        await oauth.create({
          organizationId: seed.organizationId,
          userId: seed.users.zofia,
          provider: 'MICROSOFT_TEAMS',
          redirectUri: 'https://app.example.test/oauth/callback',
          codeVerifier: verifier,
        }),
      );
      const rows = await db.select().from(oauthStates);
      expect(JSON.stringify(rows)).not.toContain(state);
      expect(JSON.stringify(rows)).not.toContain(verifier);
      expect(value(await oauth.consume(state))).toMatchObject({
        userId: seed.users.zofia,
        provider: 'MICROSOFT_TEAMS',
        connectionId: null,
        codeVerifier: verifier,
      });
      expect(await oauth.consume(state)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await oauth.consume('unknown')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

      const short = value(
        await oauth.create({
          organizationId: seed.organizationId,
          userId: seed.users.zofia,
          provider: 'MICROSOFT_TEAMS',
          redirectUri: 'https://app.example.test/oauth/callback',
          codeVerifier: verifier,
          ttlSeconds: 60,
        }),
      );
      clock.advance(61_000);
      expect(await oauth.consume(short.state)).toMatchObject({
        ok: false,
        error: { code: 'BAD_USER_INPUT' },
      });
      expect(
        await oauth.create({
          organizationId: seed.otherOrganizationId,
          userId: seed.users.zofia,
          provider: 'ZOOM',
          redirectUri: 'https://app.example.test/cb',
          codeVerifier: verifier,
        }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    // Last: it re-keys every secret in the database.
    it('rotate to a new key, after which the old key is no longer needed', async () => {
      const oauth = createOAuthStateStore(db, testKeyring, { now: clock.now });
      const pending = value(
        await oauth.create({
          organizationId: seed.organizationId,
          userId: seed.users.lucas,
          provider: 'ZOOM',
          redirectUri: 'https://app.example.test/cb',
          codeVerifier: 'w'.repeat(50),
        }),
      );
      await createExchangeSettingsStore(db, testKeyring).upsert(seed.organizationId, {
        ewsUrl: 'https://mail.acme.example/EWS/Exchange.asmx',
        roleAccount: 'interop@acme.example',
        secret: 'role-account-password',
      });
      // An endpoint mid-rotation: its current and previous signing secrets, both sealed under k1.
      const endpointId = 'whe_rotation';
      await db.insert(webhookEndpoints).values({
        id: endpointId,
        organizationId: seed.organizationId,
        url: 'https://hooks.acme.example/in',
        secret: sealSecret(testKeyring, 'whsec_current', webhookSecretContext(endpointId)),
        previousSecret: sealSecret(testKeyring, 'whsec_previous', webhookSecretContext(endpointId)),
        previousSecretExpiresAt: new Date(clock.now().getTime() + 3_600_000),
      });
      const k2 = generateKey();
      const both = createKeyring({ activeKeyId: 'k2', keys: { k1: testKeyring.keys.k1 as Uint8Array, k2 } });
      const credentials = (await db.select().from(connectionCredentials)).length;
      const states = (await db.select().from(oauthStates)).length;
      expect(await rotateCredentials(db, both, { batchSize: 7 })).toEqual({
        credentials,
        oauthStates: states,
        exchangeSettings: 2,
        webhookSecrets: 2,
      });
      expect(await rotateCredentials(db, both)).toEqual({
        credentials: 0,
        oauthStates: 0,
        exchangeSettings: 0,
        webhookSecrets: 0,
      });
      for (const row of await db.select().from(connectionCredentials)) {
        expect(row.keyId).toBe('k2');
        expect(envelopeKeyId(row.ciphertext)).toBe('k2');
      }
      const onlyNew = createKeyring({ activeKeyId: 'k2', keys: { k2 } });
      const lucasCalendar = await connectionOf(seed.users.lucas, 'MICROSOFT_CALENDAR');
      expect(
        await createCredentialStore(db, onlyNew).load(seed.organizationId, lucasCalendar.id),
      ).toMatchObject({
        accessToken: 'demo-access-microsoft_calendar-lucas',
      });
      expect(
        value(await createOAuthStateStore(db, onlyNew, { now: clock.now }).consume(pending.state))
          .codeVerifier,
      ).toBe('w'.repeat(50));
      expect(await createExchangeSettingsStore(db, onlyNew).readSecret(seed.organizationId)).toBe(
        'role-account-password',
      );
      const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
      expect(openSecret(onlyNew, endpoint?.secret ?? '', webhookSecretContext(endpointId))).toBe(
        'whsec_current',
      );
      expect(openSecret(onlyNew, endpoint?.previousSecret ?? '', webhookSecretContext(endpointId))).toBe(
        'whsec_previous',
      );
      await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    });
  });

  // Last: it restarts the database.
  it('keeps everything across a restart, where seeding again writes nothing', async () => {
    const before = value(await repo.listBookingPages(admin, { first: 100 }));
    const handle = await database().reopen();
    const again = await seedDemo(handle.db, { keyring: testKeyring });
    expect(again).toEqual({ ...seed, seeded: false });
    const after = value(await createReadRepository(handle.db).listBookingPages(admin, { first: 100 }));
    expect(after).toEqual(before);
  });
});
