// Directory sync over real HTTP on both drivers: a SERVICE key syncs 1,000 people and 1,000 pages in one
// call (a body far over MAX_BODY_BYTES), row errors come back typed in the payload and change nothing, a FULL
// sync that removes a person revokes their Google grant at the Google emulator, and only admins and services
// may sync.
import { Writable } from 'node:stream';
import {
  createApiKey,
  createCredentialStore,
  parseKeyring,
  setUserExternalId,
  systemActor,
} from '@tsunagi/db';
import { freshEvaluation } from '@tsunagi/db/testing';
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { snapshot } from '../../test/database.js';
import { codes, describeEachDriver, REVOKED_GRANT, useTestGateway } from '../../test/harness.js';
import { authorize, callback, expectGoogleGrantRevoked } from '../../test/oauth.js';
import { World } from '../../test/world.js';
import { createEmulatedProviderRegistry } from '../providers/adapters.js';

const SYNC = /* GraphQL */ `
  mutation Sync($input: DirectorySyncInput!) {
    syncDirectory(input: $input) {
      applied dryRun
      errors { list index externalId field code message }
      counts {
        usersCreated usersUpdated usersUnchanged usersDeleted
        pagesCreated pagesUpdated pagesUnchanged pagesDeleted pagesReevaluated
      }
      users { externalId id }
      pages { externalId id }
      unlinkedConnectionIds
    }
  }
`;

interface SyncPayload {
  applied: boolean;
  dryRun: boolean;
  errors: {
    list: string;
    index: number | null;
    externalId: string | null;
    field: string | null;
    code: string;
  }[];
  counts: Record<string, number>;
  users: { externalId: string; id: string }[];
  pages: { externalId: string; id: string }[];
  unlinkedConnectionIds: string[];
}

let google: GoogleEmulator;
const logLines: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  }),
);

beforeAll(async () => {
  google = await startGoogleEmulator({ port: 0 });
});

afterAll(async () => {
  await google?.stop();
});

describeEachDriver('directory sync over GraphQL (%s)', (driver) => {
  const t = useTestGateway(driver, {
    gateway: {
      logger,
      providers: (dependencies) => createEmulatedProviderRegistry({ google })(dependencies),
    },
  });

  async function serviceKey(organizationId: string): Promise<string> {
    const { secret } = await createApiKey(t().handle.db, {
      organizationId,
      name: 'Directory',
      role: 'SERVICE',
    });
    return secret;
  }

  async function sync(token: string, input: Record<string, unknown>) {
    const response = await t().graphql<{ syncDirectory: SyncPayload }>(SYNC, { token, variables: { input } });
    expect(response.body.errors).toBeUndefined();
    expect(response.status).toBe(200);
    return response.body.data?.syncDirectory as SyncPayload;
  }

  it('syncs 1,000 people and 1,000 pages in one call with a SERVICE key, with the states the engine gives', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    const key = await serviceKey(w.organizationId);
    const people = Array.from({ length: 1000 }, (_, i) => ({
      externalId: `person-${i}`,
      name: `Person ${i}`,
      email: `person-${i}-${w.organizationId}@example.test`,
      ...(i % 10 === 0 ? { role: 'ADMIN' } : {}),
      ...(i % 4 === 0 ? { locale: 'JA' } : {}),
    }));
    const first = await sync(key, { mode: 'UPSERT', users: people });
    expect(first.counts.usersCreated).toBe(1000);
    const ids = new Map(first.users.map((row) => [row.externalId, row.id]));

    // Calendars: person i links Google when i % 3 is 0 (healthy) or 1 (then it breaks); i % 3 = 2 has none.
    const system = systemActor(w.organizationId);
    for (let i = 0; i < 300; i++) {
      if (i % 3 === 2) continue;
      const linked = await t().state.createConnection(system, {
        userId: ids.get(`person-${i}`) as string,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: `google-${i}`,
      });
      if (!linked.ok) throw new Error(linked.error.message);
      if (i % 3 === 1) await t().state.markConnectionError(system, linked.value.connection.id, REVOKED_GRANT);
    }

    const pages = Array.from({ length: 1000 }, (_, j) => ({
      externalId: `page-${j}`,
      title: `Consultation ${j}`,
      ownerExternalId: `person-${j}`,
      memberExternalIds: [`person-${j}`, `person-${(j + 1) % 1000}`],
      ...(j % 2 === 0 ? { locations: [{ type: 'GOOGLE_MEET' }] } : {}),
    }));
    const body = JSON.stringify({
      query: SYNC,
      variables: { input: { mode: 'UPSERT', users: people, pages } },
    });
    expect(body.length).toBeGreaterThan(t().config.limits.maxBodyBytes);
    const result = await sync(key, { mode: 'UPSERT', users: people, pages });
    expect(result.errors).toEqual([]);
    expect(result.counts).toMatchObject({ usersUnchanged: 1000, pagesCreated: 1000, pagesReevaluated: 1000 });

    const stored = await t().handle.db.query.bookingPages.findMany({
      where: (page, { eq }) => eq(page.organizationId, w.organizationId),
      columns: { id: true, externalId: true, state: true },
    });
    expect(stored).toHaveLength(1000);
    // Disabled: a member's calendar is in error, or the page's Google Meet is not usable for its owner (who has
    // no healthy Google connection). Every other page takes bookings.
    const broken = (i: number) => i < 300 && i % 3 === 1;
    const meetUnusable = (j: number) => j % 2 === 0 && !(j < 300 && j % 3 === 0);
    for (const page of stored) {
      const j = Number(page.externalId?.slice('page-'.length));
      const disabled = broken(j) || broken((j + 1) % 1000) || meetUnusable(j);
      expect([j, page.state === 'DISABLED_CONNECTION_ERROR']).toEqual([j, disabled]);
    }
    for (const page of stored.filter((_, i) => i % 50 === 0)) {
      expect(page.state).toBe((await freshEvaluation(t().handle.db, page.id)).state);
    }

    // The same call again changes nothing.
    const before = await snapshot(t().handle);
    const again = await sync(key, { mode: 'UPSERT', users: people, pages });
    expect(again.counts).toMatchObject({ usersUnchanged: 1000, pagesUnchanged: 1000, pagesReevaluated: 0 });
    expect(await snapshot(t().handle)).toEqual(before);
  }, 180_000);

  it('answers refused rows in the payload, and the call changes nothing', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    const key = await serviceKey(w.organizationId);
    await sync(key, {
      mode: 'UPSERT',
      users: [{ externalId: 'a', name: 'A', email: `a-${w.organizationId}@example.test` }],
    });
    const before = await snapshot(t().handle);
    const refused = await sync(key, {
      mode: 'UPSERT',
      users: [{ externalId: 'b', name: 'B', email: `a-${w.organizationId}@example.test` }],
      pages: [{ externalId: 'p', title: 'P', ownerExternalId: 'nobody' }],
    });
    expect(refused).toMatchObject({ applied: false, users: [], pages: [] });
    expect(refused.errors).toEqual([
      expect.objectContaining({
        list: 'USERS',
        index: 0,
        externalId: 'b',
        field: 'email',
        code: 'EMAIL_TAKEN',
      }),
      expect.objectContaining({ list: 'PAGES', index: 0, field: 'ownerExternalId', code: 'UNKNOWN_USER' }),
    ]);
    expect(await snapshot(t().handle)).toEqual(before);

    // Input the schema refuses, and a list over the limit, are BAD_USER_INPUT errors (4xx, nothing changed).
    const overLimit = await t().graphql(SYNC, {
      token: key,
      variables: { input: { mode: 'UPSERT', deleteUsers: Array.from({ length: 5001 }, (_, i) => `x${i}`) } },
    });
    expect(codes(overLimit)).toEqual(['BAD_USER_INPUT']);
    const fullWithoutPages = await t().graphql(SYNC, {
      token: key,
      variables: { input: { mode: 'FULL', users: [] } },
    });
    expect(codes(fullWithoutPages)).toEqual(['BAD_USER_INPUT']);
    expect(await snapshot(t().handle)).toEqual(before);
  });

  it('is for ADMIN and SERVICE credentials; SERVICE keys still change nothing else; big bodies only for them', async () => {
    const w = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const key = await serviceKey(w.organizationId);
    // The key's first use records it (api_keys.last_used_at); everything else must stay as it was.
    const except = ['public.api_keys'];
    const before = await snapshot(t().handle, { except });
    const input = {
      mode: 'UPSERT',
      users: [{ externalId: 'm', name: 'M', email: `m-${w.organizationId}@example.test` }],
    };
    const asMember = await t().graphql(SYNC, { caller: w.caller('member'), variables: { input } });
    expect(codes(asMember)).toEqual(['FORBIDDEN']);
    const otherMutation = await t().graphql('mutation { createBookingPage(input: { title: "X" }) { id } }', {
      token: key,
    });
    expect(codes(otherMutation)).toEqual(['FORBIDDEN']);
    expect(await snapshot(t().handle, { except })).toEqual(before);
    const asAdmin = await t().graphql<{ syncDirectory: SyncPayload }>(SYNC, {
      caller: w.caller('admin'),
      variables: { input },
    });
    expect(asAdmin.body.data?.syncDirectory.counts.usersCreated).toBe(1);

    // A body over MAX_BODY_BYTES: 413 for a member (and for no credential at all), parsed for an admin.
    const big = {
      mode: 'UPSERT',
      dryRun: true,
      deletePages: Array.from({ length: 4000 }, (_, i) => `page-that-is-not-there-${i}`),
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(t().config.limits.maxBodyBytes);
    const memberBig = await t().graphql(SYNC, { caller: w.caller('member'), variables: { input: big } });
    expect(memberBig.status).toBe(413);
    const anonymousBig = await t().graphql(SYNC, { token: null, variables: { input: big } });
    expect(anonymousBig.status).toBe(413);
    const adminBig = await t().graphql<{ syncDirectory: SyncPayload }>(SYNC, {
      caller: w.caller('admin'),
      variables: { input: big },
    });
    expect(adminBig.body.data?.syncDirectory).toMatchObject({ applied: false, dryRun: true, errors: [] });
  });

  it('a FULL sync removing a person unlinks their Google connection and revokes the grant at Google', async () => {
    const w = await World.create(t(), ['aiko', 'kenji'], { aiko: 'ADMIN' });
    const key = await serviceKey(w.organizationId);
    const kenji = await t().handle.db.query.users.findFirst({
      where: (u, { eq }) => eq(u.id, w.users.kenji),
    });
    const aiko = await t().handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, w.users.aiko) });
    const email = kenji?.email ?? '';
    google.accounts.create({ email });
    for (const [userId, externalId] of [
      [w.users.aiko, 'aiko'],
      [w.users.kenji, 'kenji'],
    ] as const) {
      await setUserExternalId(t().handle.db, { organizationId: w.organizationId, userId, externalId });
    }
    const session = await w.run<{ connectAccount: { authorizationUrl: string } }>(
      'kenji',
      'mutation { connectAccount(provider: GOOGLE_CALENDAR) { authorizationUrl } }',
    );
    const done = await callback(await authorize(session.connectAccount.authorizationUrl));
    expect(done.status).toBe(200);
    const connectionId = String(done.body.connectionId);
    const stored = await createCredentialStore(t().handle.db, parseKeyring(t().config.credentialsKeys)).load(
      w.organizationId,
      connectionId,
    );
    const refreshToken = stored?.refreshToken ?? '';
    expect(refreshToken).not.toBe('');

    const result = await sync(key, {
      mode: 'FULL',
      users: [{ externalId: 'aiko', name: aiko?.name ?? '', email: aiko?.email ?? '', role: 'ADMIN' }],
      pages: [],
    });
    expect(result.errors).toEqual([]);
    expect(result.counts).toMatchObject({ usersDeleted: 1, usersUnchanged: 1 });
    expect(result.unlinkedConnectionIds).toEqual([connectionId]);
    expect(JSON.stringify(result)).not.toContain(refreshToken);
    expect(logLines).toContainEqual(
      expect.objectContaining({ connectionId, provider: 'GOOGLE_CALENDAR', revoked: true }),
    );
    expect(logLines.some((line) => JSON.stringify(line).includes(refreshToken))).toBe(false);
    expect(
      await t().handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, w.users.kenji) }),
    ).toBeUndefined();
    // The grant is dead at the provider: its refresh token no longer works.
    await expectGoogleGrantRevoked(google, refreshToken);
  });
});
