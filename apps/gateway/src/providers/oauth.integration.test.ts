// Connect, probe, break, reconnect: GraphQL + the OAuth callback route against the Microsoft emulator on
// 127.0.0.1 (real HTTP everywhere), on PGlite and Postgres.
import { Writable } from 'node:stream';
import { createCredentialStore, parseKeyring } from '@tsunagi/db';
import {
  type GoogleEmulator,
  type MicrosoftEmulator,
  startGoogleEmulator,
  startMicrosoftEmulator,
} from '@tsunagi/emulators';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { columnsHolding, snapshot } from '../../test/database.js';
import { codes, describeEachDriver, useTestGateway } from '../../test/harness.js';
import { authorize, bind, callback, expectGoogleGrantRevoked } from '../../test/oauth.js';
import { World } from '../../test/world.js';
import { createEmulatedProviderRegistry } from './adapters.js';

let emulator: MicrosoftEmulator;
let google: GoogleEmulator;
const logLines: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      callback();
    },
  }),
);
/** Added to the authorization states' clock (expires a state without waiting). */
let skewMs = 0;

beforeAll(async () => {
  [emulator, google] = await Promise.all([
    startMicrosoftEmulator({ port: 0 }),
    startGoogleEmulator({ port: 0 }),
  ]);
});

afterAll(async () => {
  await Promise.all([emulator?.stop(), google?.stop()]);
});

beforeEach(() => {
  skewMs = 0;
  emulator.faults.clearAll();
  google.faults.clearAll();
});

interface ConnectionView {
  id: string;
  status: string;
  health: string;
  accountEmail: string | null;
  lastError: { code: string } | null;
}

const CONNECTION = 'id status health accountEmail lastError { code }';

interface Session {
  authorizationUrl: string;
  state: string;
  expiresAt: string;
  connection: { id: string } | null;
}

describeEachDriver('OAuth connect, check and reconnect (%s)', (driver) => {
  const t = useTestGateway(driver, {
    gateway: {
      logger,
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          microsoft: emulator,
          google,
          now: () => new Date(Date.now() + skewMs),
          // Retry-After is honoured by the adapters; the test does not sit through it.
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
        })(dependencies),
    },
  });

  async function setup() {
    const w = await World.create(t(), ['aiko'], { aiko: 'ADMIN' });
    const user = await t().handle.db.query.users.findFirst({
      where: (u, { eq }) => eq(u.id, w.users.aiko),
    });
    const email = user?.email ?? '';
    const account = emulator.accounts.create({ email });
    return { w, email, account };
  }

  async function connect(w: World<'aiko'>): Promise<Session> {
    const data = await w.run<{ connectAccount: Session }>(
      'aiko',
      'mutation { connectAccount(provider: MICROSOFT_CALENDAR) { authorizationUrl state expiresAt connection { id } } }',
    );
    return data.connectAccount;
  }

  async function connection(w: World<'aiko'>, id: string): Promise<ConnectionView> {
    const data = await w.run<{ connection: ConnectionView }>(
      'aiko',
      `query C($id: ID!) { connection(id: $id) { ${CONNECTION} } }`,
      { id },
    );
    return data.connection;
  }

  async function check(w: World<'aiko'>, id: string): Promise<ConnectionView> {
    const data = await w.run<{ checkConnection: ConnectionView }>(
      'aiko',
      `mutation K($id: ID!) { checkConnection(connectionId: $id) { ${CONNECTION} } }`,
      { id },
    );
    return data.checkConnection;
  }

  async function startReconnect(w: World<'aiko'>, id: string): Promise<Session> {
    const data = await w.run<{ startReconnect: Session }>(
      'aiko',
      'mutation R($id: ID!) { startReconnect(connectionId: $id) { authorizationUrl state expiresAt connection { id } } }',
      { id },
    );
    return data.startReconnect;
  }

  /** connectAccount → provider → gateway callback; returns the new connection id. */
  async function linked(w: World<'aiko'>): Promise<string> {
    const done = await callback(await authorize((await connect(w)).authorizationUrl));
    expect(done.status).toBe(200);
    return String(done.body.connectionId);
  }

  /**
   * Runs a request that must be refused and checks what it changed: nothing in any table, except that the
   * one-time state of the flow it presented may be spent (`usedAt` set), so it can never be presented again.
   * Returns the result and how many states it spent.
   */
  async function refusal<T>(request: () => Promise<T>): Promise<{ result: T; spent: number }> {
    const states = () =>
      t().handle.db.query.oauthStates.findMany({ orderBy: (state, { asc }) => [asc(state.id)] });
    const except = ['public.oauth_states'];
    const [before, statesBefore] = [await snapshot(t().handle, { except }), await states()];
    const result = await request();
    expect(await snapshot(t().handle, { except })).toEqual(before);
    const statesAfter = await states();
    expect(statesAfter.map((state) => ({ ...state, usedAt: null }))).toEqual(
      statesBefore.map((state) => ({ ...state, usedAt: null })),
    );
    const spent = statesAfter.filter((state, i) => state.usedAt !== null && statesBefore[i]?.usedAt === null);
    return { result, spent: spent.length };
  }

  it('connects, breaks on a revoked grant, and reconnects the same connection', async () => {
    const { w, email, account } = await setup();

    const session = await connect(w);
    expect(session.authorizationUrl).toBe(
      `${new URL(t().url).origin}/oauth/authorize?state=${encodeURIComponent(session.state)}`,
    );
    // The starting client opens it with its token; the gateway sends it on to the provider.
    const authorizationUrl = await bind(session.authorizationUrl);
    expect(authorizationUrl.searchParams.get('login_hint')).toBe(email);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('state')).toBe(session.state);
    expect(authorizationUrl.searchParams.get('redirect_uri')).toBe(
      `${new URL(t().url).origin}/oauth/callback/MICROSOFT_CALENDAR`,
    );
    expect(session.connection).toBeNull();

    const consented = await fetch(authorizationUrl, { redirect: 'manual' });
    const back = new URL(consented.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(
      `${new URL(t().url).origin}/oauth/callback/MICROSOFT_CALENDAR`,
    );
    const done = await callback(back);
    expect(done).toMatchObject({
      status: 200,
      body: { status: 'connected', provider: 'MICROSOFT_CALENDAR' },
    });
    const connectionId = String(done.body.connectionId);
    expect(await connection(w, connectionId)).toMatchObject({
      status: 'CONNECTED',
      health: 'HEALTHY',
      accountEmail: email,
      lastError: null,
    });
    expect(
      await t().handle.db.query.connectionCredentials.findFirst({
        where: (c, { eq }) => eq(c.connectionId, connectionId),
      }),
    ).toBeDefined();

    const page = await w.createPage('aiko', { title: 'Intro call' });
    expect(page.state).toBe('ACTIVE');
    expect(await check(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });

    emulator.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    const broken = await check(w, connectionId);
    expect(broken).toMatchObject({ id: connectionId, status: 'ERROR', lastError: { code: 'AUTH_REVOKED' } });
    expect((await w.page('aiko', page.id)).state).toBe('DISABLED_CONNECTION_ERROR');
    const log = await w.run<{
      events: {
        edges: { node: { type: string; page: { id: string } | null; payload: Record<string, unknown> } }[];
      };
    }>('aiko', '{ events(first: 500) { edges { node { type page { id } payload } } } }');
    expect(
      log.events.edges
        .map((edge) => edge.node)
        .filter((node) => node.type === 'BOOKING_PAGE_STATE_CHANGED' && node.page?.id === page.id)
        .map((node) => [node.payload.to, node.payload.causeConnectionId]),
    ).toContainEqual(['DISABLED_CONNECTION_ERROR', connectionId]);

    const reconnect = await startReconnect(w, connectionId);
    expect(reconnect.connection).toEqual({ id: connectionId });
    const again = await callback(await authorize(reconnect.authorizationUrl));
    expect(again).toMatchObject({ status: 200, body: { connectionId } });
    expect(await connection(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });
    const reenabled = await w.page('aiko', page.id);
    expect(reenabled.state).toBe('ACTIVE');
    expect(reenabled.id).toBe(page.id);
    // The new grant works: the probe refreshes nothing and stays green.
    expect(await check(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });

    // Tokens are stored sealed: none the provider issued is in any column of any table, in any encoding.
    expect(emulator.issuedTokens.length).toBeGreaterThanOrEqual(4);
    expect(await columnsHolding(t().handle, emulator.issuedTokens)).toEqual([]);
  });

  it('refuses a reconnect that signs in to another account, and changes nothing but spending its state', async () => {
    const { w, account } = await setup();
    const connectionId = await linked(w);
    await w.createPage('aiko', { title: 'Mismatch page' });
    const other = emulator.accounts.create({ email: `other-${connectionId}@contoso.example` });
    emulator.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    expect((await check(w, connectionId)).status).toBe('ERROR');

    const reconnect = await startReconnect(w, connectionId);
    const back = await authorize(reconnect.authorizationUrl, other.email);
    const { result: refused, spent } = await refusal(() => callback(back));
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      {
        message: expect.stringContaining('another account'),
        extensions: { code: 'CONFLICT', reason: 'ACCOUNT_MISMATCH', provider: 'MICROSOFT_CALENDAR' },
      },
    ]);
    expect(JSON.stringify(refused.body)).not.toMatch(/stack|at .*\.ts/);
    expect(spent).toBe(1);
    expect((await connection(w, connectionId)).status).toBe('ERROR');

    // Through GraphQL too.
    const viaGraphQL = await startReconnect(w, connectionId);
    const code = (await authorize(viaGraphQL.authorizationUrl, other.email)).searchParams.get('code');
    const { result: response, spent: spentViaGraphQL } = await refusal(() =>
      w.request(
        'aiko',
        'mutation($s: String!, $c: String!) { completeAuthorization(state: $s, code: $c) { id } }',
        {
          s: viaGraphQL.state,
          c: code,
        },
      ),
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ACCOUNT_MISMATCH',
    });
    expect(spentViaGraphQL).toBe(1);
  });

  it('refuses a replayed state, a reused code, an expired state, an unknown state and a wrong route', async () => {
    const { w } = await setup();

    // Replay: the callback URL used twice.
    const first = await authorize((await connect(w)).authorizationUrl);
    expect((await callback(first)).status).toBe(200);
    const replay = await refusal(() => callback(first));
    expect(replay.result.status).toBe(409);
    expect(replay.result.body.errors).toMatchObject([
      { extensions: { code: 'CONFLICT', reason: 'STATE_ALREADY_USED' } },
    ]);
    expect(replay.spent).toBe(0);

    // A code redeemed once, presented again with a fresh state.
    const fresh = await authorize((await connect(w)).authorizationUrl);
    const reused = new URL(first);
    reused.searchParams.set('state', fresh.searchParams.get('state') ?? '');
    const second = await refusal(() => callback(reused));
    expect(second.result.status).toBe(400);
    expect(second.result.body.errors).toMatchObject([
      { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CODE' } },
    ]);
    expect(second.spent).toBe(1);

    // Expired: the authorization took longer than the state lives.
    const late = await authorize((await connect(w)).authorizationUrl);
    skewMs = 11 * 60_000;
    const expired = await refusal(() => callback(late));
    skewMs = 0;
    expect(expired.result.status).toBe(400);
    expect(expired.result.body.errors).toMatchObject([
      { extensions: { code: 'BAD_USER_INPUT', reason: 'STATE_EXPIRED' } },
    ]);
    // Whether the dead state is also marked used is no guarantee either way: it can never be redeemed.

    // Unknown state, missing parameters: nothing to spend.
    const odd = await refusal(async () => [
      await callback(
        new URL(`${new URL(t().url).origin}/oauth/callback/MICROSOFT_CALENDAR?state=nope&code=x`),
      ),
      await fetch(`${new URL(t().url).origin}/oauth/callback/MICROSOFT_CALENDAR`),
    ]);
    expect(odd.result.map((answer) => answer.status)).toEqual([404, 400]);
    expect(odd.spent).toBe(0);

    // Another provider's route: refused without spending the state, so the real callback still works.
    const wrongRoute = new URL(await authorize((await connect(w)).authorizationUrl));
    wrongRoute.pathname = '/oauth/callback/GOOGLE_CALENDAR';
    const misrouted = await refusal(() => callback(wrongRoute));
    expect(misrouted.result.status).toBe(400);
    expect(misrouted.spent).toBe(0);
  });

  // consume() checks whose the state is before it spends it: another organization's NOT_FOUND changes nothing.
  it('another organization’s state reads as unknown and stays usable by its owner', async () => {
    const { w } = await setup();
    const other = await World.create(t(), ['hana'], { hana: 'ADMIN' });
    const theirs = await connect(w);
    const back = await authorize(theirs.authorizationUrl);
    const crossed = await refusal(() =>
      other.request(
        'hana',
        'mutation($s: String!, $c: String!) { completeAuthorization(state: $s, code: $c) { id } }',
        {
          s: theirs.state,
          c: back.searchParams.get('code'),
        },
      ),
    );
    expect(codes(crossed.result)).toEqual(['NOT_FOUND']);
    expect(crossed.spent).toBe(0);
    expect((await callback(back)).status).toBe(200);
  });

  it('keeps a connection CONNECTED through transient provider failures', async () => {
    const { w, account } = await setup();
    const connectionId = await linked(w);
    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 1, status: 503 });
    expect(await check(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });
    emulator.faults.inject(account.id, { kind: 'RATE_LIMIT', requests: 1, retryAfterSeconds: 1 });
    expect(await check(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('unlinks a Google connection and revokes its grant at the provider (best effort, logged)', async () => {
    const { w, email } = await setup();
    google.accounts.create({ email });
    const session = await w.run<{ connectAccount: Session }>(
      'aiko',
      'mutation { connectAccount(provider: GOOGLE_CALENDAR) { authorizationUrl state expiresAt connection { id } } }',
    );
    const done = await callback(await authorize(session.connectAccount.authorizationUrl));
    expect(done).toMatchObject({ status: 200, body: { provider: 'GOOGLE_CALENDAR' } });
    const connectionId = String(done.body.connectionId);
    expect(await connection(w, connectionId)).toMatchObject({ status: 'CONNECTED', accountEmail: email });
    expect(await check(w, connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });

    const stored = await createCredentialStore(t().handle.db, parseKeyring(t().config.credentialsKeys)).load(
      w.organizationId,
      connectionId,
    );
    const refreshToken = stored?.refreshToken ?? '';
    expect(refreshToken).not.toBe('');

    const unlinked = await w.run<{ unlinkConnection: ConnectionView }>(
      'aiko',
      `mutation U($id: ID!) { unlinkConnection(connectionId: $id) { ${CONNECTION} } }`,
      { id: connectionId },
    );
    expect(unlinked.unlinkConnection.status).toBe('DISCONNECTED');
    expect(logLines).toContainEqual(
      expect.objectContaining({ connectionId, provider: 'GOOGLE_CALENDAR', revoked: true }),
    );
    // The grant is dead at the provider: its refresh token no longer works.
    await expectGoogleGrantRevoked(google, refreshToken);
  });
});
