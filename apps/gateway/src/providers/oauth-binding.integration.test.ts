// The OAuth flow is bound to the user and browser that started it (issue 10 §2), and answers browsers with a
// page or a redirect (issue 9 §6): GraphQL, the binding endpoint and the callback against the Microsoft emulator
// on 127.0.0.1, on PGlite and Postgres. Each refusal is checked to change nothing (snapshot) and, where the
// flow is still the starter's, to leave it finishable.
import { createCredentialStore, parseKeyring } from '@tsunagi/db';
import { type MicrosoftEmulator, startMicrosoftEmulator } from '@tsunagi/emulators';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { snapshot } from '../../test/database.js';
import { codes, describeEachDriver, useTestGateway } from '../../test/harness.js';
import { authorize, bind, callback, followConsent } from '../../test/oauth.js';
import { World } from '../../test/world.js';
import { createEmulatedProviderRegistry } from './adapters.js';

const APP = 'https://app.example';

let emulator: MicrosoftEmulator;

beforeAll(async () => {
  emulator = await startMicrosoftEmulator({ port: 0 });
});

afterAll(async () => {
  await emulator?.stop();
});

interface Session {
  authorizationUrl: string;
  state: string;
  connection: { id: string } | null;
}

const SESSION = 'authorizationUrl state connection { id }';

describeEachDriver('OAuth flow bound to its starter (%s)', (driver) => {
  const t = useTestGateway(driver, {
    config: { oauthClientOrigins: { redirectOrigins: [APP], returnOrigins: [APP] } },
    gateway: {
      // Called once the gateway starts, after beforeAll started the emulator.
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          microsoft: emulator,
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
        })(dependencies),
    },
  });

  const origin = () => new URL(t().url).origin;

  /** aiko (admin) and ben (member) of one organization, each with an emulator account for their email. */
  async function setup() {
    const w = await World.create(t(), ['aiko', 'ben'], { aiko: 'ADMIN' });
    const emails = await Promise.all(
      (['aiko', 'ben'] as const).map(async (name) => {
        const user = await t().handle.db.query.users.findFirst({
          where: (u, { eq }) => eq(u.id, w.users[name]),
        });
        return user?.email ?? '';
      }),
    );
    const [aikoEmail = '', benEmail = ''] = emails;
    return {
      w,
      aiko: { email: aikoEmail, account: emulator.accounts.create({ email: aikoEmail }) },
      ben: { email: benEmail, account: emulator.accounts.create({ email: benEmail }) },
    };
  }

  async function connect(w: World<'aiko' | 'ben'>, as: 'aiko' | 'ben', args = ''): Promise<Session> {
    const data = await w.run<{ connectAccount: Session }>(
      as,
      `mutation { connectAccount(provider: MICROSOFT_CALENDAR${args}) { ${SESSION} } }`,
    );
    return data.connectAccount;
  }

  async function startReconnect(w: World<'aiko' | 'ben'>, id: string, args = ''): Promise<Session> {
    const data = await w.run<{ startReconnect: Session }>(
      'aiko',
      `mutation R($id: ID!) { startReconnect(connectionId: $id${args}) { ${SESSION} } }`,
      { id },
    );
    return data.startReconnect;
  }

  /** The provider's consent (the emulator signs in `login_hint`); returns where it sends the browser. */
  async function consent(providerUrl: URL, asEmail?: string): Promise<URL> {
    const url = new URL(providerUrl);
    if (asEmail !== undefined) url.searchParams.set('login_hint', asEmail);
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  async function status(w: World<'aiko' | 'ben'>, id: string): Promise<string> {
    const data = await w.run<{ connection: { status: string } }>(
      'aiko',
      'query C($id: ID!) { connection(id: $id) { status } }',
      { id },
    );
    return data.connection.status;
  }

  async function breakGrant(w: World<'aiko' | 'ben'>, accountId: string, id: string): Promise<void> {
    emulator.faults.inject(accountId, { kind: 'REVOKE_GRANT' });
    await w.run('aiko', 'mutation K($id: ID!) { checkConnection(connectionId: $id) { id } }', { id });
    expect(await status(w, id)).toBe('ERROR');
  }

  it('links nothing when the flow is finished in another browser, says why, and leaves it to its starter', async () => {
    const { w, aiko, ben } = await setup();
    const started = await connect(w, 'aiko');
    const before = await snapshot(t().handle);

    // The link forwarded to ben binds nothing: not without a token, not with his.
    const anonymous = await fetch(started.authorizationUrl, { redirect: 'manual' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'NOT_THE_STARTING_CLIENT' } }],
    });
    const asBen = await fetch(started.authorizationUrl, {
      redirect: 'manual',
      headers: { authorization: `Bearer ${await t().token(w.caller('ben'))}` },
    });
    expect(asBen.status).toBe(403);
    expect(asBen.headers.get('set-cookie')).toBeNull();
    expect(await asBen.json()).toMatchObject({
      errors: [{ extensions: { code: 'FORBIDDEN', reason: 'STARTED_BY_ANOTHER_USER' } }],
    });
    expect(await snapshot(t().handle)).toEqual(before);

    // aiko binds her browser (that stores her binding) and forwards the provider's URL instead; ben consents
    // with his account, and the provider sends *his* browser (no binding cookie) to the callback.
    const providerUrl = await bind(started.authorizationUrl);
    const bound = await snapshot(t().handle);
    const benBack = await consent(providerUrl, ben.email);
    const refused = await callback(benBack, { otherBrowser: true });
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([
      {
        message: expect.stringContaining('another browser'),
        extensions: { code: 'FORBIDDEN', reason: 'OTHER_BROWSER' },
      },
    ]);
    const page = await callback(benBack, {
      otherBrowser: true,
      headers: { accept: 'text/html', 'accept-language': 'it-IT,it;q=0.9' },
    });
    expect(page.status).toBe(403);
    expect(page.text).toContain('Nessun collegamento effettuato');
    expect(await snapshot(t().handle)).toEqual(bound);

    // A second binding of the same flow (another browser of aiko's, or a replayed request) is refused too.
    const again = await fetch(started.authorizationUrl, {
      redirect: 'manual',
      headers: { authorization: `Bearer ${await t().token(w.caller('aiko'))}` },
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      errors: [{ extensions: { reason: 'BROWSER_ALREADY_BOUND' } }],
    });

    // Nothing was used up: aiko's own browser still finishes her flow with her own consent.
    const done = await callback(await consent(providerUrl));
    expect(done.status).toBe(200);
    expect(
      await w.run('aiko', 'query C($id: ID!) { connection(id: $id) { accountEmail } }', {
        id: done.body.connectionId,
      }),
    ).toEqual({
      connection: { accountEmail: aiko.email },
    });
  });

  it('refuses completeAuthorization from another member and changes nothing; the starter still can', async () => {
    const { w } = await setup();
    const started = await connect(w, 'aiko', `, redirectUri: "${APP}/oauth/done"`);
    const back = await authorize(started.authorizationUrl);
    expect(`${back.origin}${back.pathname}`).toBe(`${APP}/oauth/done`);
    const code = back.searchParams.get('code');
    const before = await snapshot(t().handle);

    const complete =
      'mutation($s: String!, $c: String!) { completeAuthorization(state: $s, code: $c) { id status } }';
    const byBen = await w.request('ben', complete, { s: started.state, c: code });
    expect(codes(byBen)).toEqual(['FORBIDDEN']);
    expect(byBen.body.errors?.[0]?.extensions).toMatchObject({ reason: 'STARTED_BY_ANOTHER_USER' });
    expect(await snapshot(t().handle)).toEqual(before);

    const byAiko = await w.run<{ completeAuthorization: { id: string; status: string } }>('aiko', complete, {
      s: started.state,
      c: code,
    });
    expect(byAiko.completeAuthorization.status).toBe('CONNECTED');
  });

  it('accepts only the gateway callback and configured origins as redirectUri, and creates no flow otherwise', async () => {
    const { w } = await setup();
    const linked = String((await followConsent((await connect(w, 'aiko')).authorizationUrl)).connectionId);
    const flows = async () => (await t().handle.db.query.oauthStates.findMany()).length;
    const before = await flows();
    const refused = [
      'javascript:alert(document.cookie)',
      'https://evil.example/oauth/callback/MICROSOFT_CALENDAR',
      `${APP}.evil.example/cb`,
      `https://user@${new URL(APP).host}/cb`,
      `${APP}/cb#fragment`,
      `${origin()}/graphql`,
      'not a url',
    ];
    for (const redirectUri of refused) {
      for (const [mutation, variables] of [
        [
          'mutation($r: String) { connectAccount(provider: MICROSOFT_CALENDAR, redirectUri: $r) { state } }',
          {},
        ],
        [
          'mutation($id: ID!, $r: String) { startReconnect(connectionId: $id, redirectUri: $r) { state } }',
          { id: linked },
        ],
      ] as const) {
        const response = await w.request('aiko', mutation, { ...variables, r: redirectUri });
        expect(codes(response), redirectUri).toEqual(['BAD_USER_INPUT']);
        expect(response.body.errors?.[0]?.extensions).toMatchObject({ reason: 'REDIRECT_URI_NOT_ALLOWED' });
      }
    }
    expect(await flows()).toEqual(before);

    for (const redirectUri of [
      `${APP}/oauth/done?tab=calendars`,
      `${origin()}/oauth/callback/MICROSOFT_CALENDAR`,
    ]) {
      const session = await connect(w, 'aiko', `, redirectUri: "${redirectUri}"`);
      expect((await bind(session.authorizationUrl)).searchParams.get('redirect_uri')).toBe(redirectUri);
    }
  });

  it("refuses a state on another provider's route without using it up", async () => {
    const { w } = await setup();
    const back = await authorize((await connect(w, 'aiko')).authorizationUrl);
    const before = await snapshot(t().handle);
    const wrongRoute = new URL(back);
    wrongRoute.pathname = '/oauth/callback/GOOGLE_CALENDAR';
    const refused = await callback(wrongRoute);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject([
      { extensions: { code: 'BAD_USER_INPUT', reason: 'PROVIDER_MISMATCH' } },
    ]);
    expect(await snapshot(t().handle)).toEqual(before);
    expect(await callback(back)).toMatchObject({ status: 200, body: { status: 'connected' } });
  });

  it('lets an unlink win over a reconnect that was under way', async () => {
    const { w, aiko } = await setup();
    const id = String((await followConsent((await connect(w, 'aiko')).authorizationUrl)).connectionId);
    await breakGrant(w, aiko.account.id, id);
    const back = await authorize((await startReconnect(w, id)).authorizationUrl);
    await w.run('aiko', 'mutation U($id: ID!) { unlinkConnection(connectionId: $id) { id } }', { id });
    // The late callback redeems its code at the provider before it learns of the unlink, so its one-time state
    // is spent (a second try could not succeed either); everything else is as the unlink left it.
    const except = ['public.oauth_states'];
    const before = await snapshot(t().handle, { except });

    const late = await callback(back);
    expect(late.status).toBe(409);
    expect(late.body.errors).toMatchObject([
      { extensions: { code: 'CONFLICT', reason: 'CONNECTION_UNLINKED' } },
    ]);
    expect(await snapshot(t().handle, { except })).toEqual(before);
    expect(await status(w, id)).toBe('DISCONNECTED');
    const keyring = parseKeyring(t().config.credentialsKeys);
    expect(await createCredentialStore(t().handle.db, keyring).load(w.organizationId, id)).toBeNull();

    // A reconnect started after the unlink is the user's new decision, and relinks it.
    expect(await followConsent((await startReconnect(w, id)).authorizationUrl)).toMatchObject({
      connectionId: id,
    });
    expect(await status(w, id)).toBe('CONNECTED');
  });

  it("hints the connection's own account on reconnect, so a second account (a room calendar) reconnects", async () => {
    const { w } = await setup();
    const roomEmail = `room-${w.organizationId.toLowerCase()}@contoso.example`;
    const room = emulator.accounts.create({ email: roomEmail });
    const linked = await callback(await authorize((await connect(w, 'aiko')).authorizationUrl, roomEmail));
    expect(linked.status).toBe(200);
    const id = String(linked.body.connectionId);
    await breakGrant(w, room.id, id);

    const session = await startReconnect(w, id);
    expect((await bind(session.authorizationUrl)).searchParams.get('login_hint')).toBe(roomEmail);
    const again = await startReconnect(w, id);
    expect(await followConsent(again.authorizationUrl)).toMatchObject({ connectionId: id });
    expect(await status(w, id)).toBe('CONNECTED');
  });

  it('answers a browser with a localized page, or a redirect to its allow-listed return URL; JSON stays for API clients', async () => {
    const { w } = await setup();
    const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': 'ja,en;q=0.5' };

    const back = await authorize((await connect(w, 'aiko')).authorizationUrl);
    const page = await callback(back, { headers: browser });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('<html lang="ja">');
    expect(page.text).toContain('アカウントを連携しました');
    // No token, code or state on the page.
    const connectionId =
      (
        await t().handle.db.query.connections.findMany({ where: (c, { eq }) => eq(c.userId, w.users.aiko) })
      )[0]?.id ?? '';
    const stored = await createCredentialStore(t().handle.db, parseKeyring(t().config.credentialsKeys)).load(
      w.organizationId,
      connectionId,
    );
    for (const secret of [
      stored?.accessToken,
      stored?.refreshToken,
      back.searchParams.get('code'),
      back.searchParams.get('state'),
    ]) {
      expect(secret).toBeTruthy();
      expect(page.text).not.toContain(String(secret));
    }

    // A return URL: the browser goes back to the app with the outcome.
    await w.run('aiko', 'mutation U($id: ID!) { unlinkConnection(connectionId: $id) { id } }', {
      id: connectionId,
    });
    const returnUrl = `${APP}/settings/calendars?tab=connected`;
    const withReturn = await authorize(
      (await connect(w, 'aiko', `, returnUrl: "${returnUrl}"`)).authorizationUrl,
    );
    const redirected = await callback(withReturn, { headers: browser });
    expect(redirected.status).toBe(303);
    const location = new URL(redirected.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${APP}/settings/calendars`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      tab: 'connected',
      oauth: 'connected',
      provider: 'MICROSOFT_CALENDAR',
      connectionId: expect.any(String),
    });

    // A refusal goes back too, with its reason; API clients keep getting JSON.
    const denied = await authorize(
      (await connect(w, 'aiko', `, returnUrl: "${returnUrl}"`)).authorizationUrl,
    );
    denied.searchParams.delete('code');
    denied.searchParams.set('error', 'access_denied');
    const deniedJson = await callback(denied, { headers: { accept: 'application/json' } });
    expect(deniedJson.status).toBe(400);
    expect(deniedJson.body.errors).toMatchObject([{ extensions: { reason: 'ACCESS_DENIED' } }]);
    const again = await authorize((await connect(w, 'aiko', `, returnUrl: "${returnUrl}"`)).authorizationUrl);
    again.searchParams.delete('code');
    again.searchParams.set('error', 'access_denied');
    const deniedPage = await callback(again, { headers: browser });
    expect(deniedPage.status).toBe(303);
    expect(new URL(deniedPage.headers.get('location') ?? '').searchParams.get('reason')).toBe(
      'ACCESS_DENIED',
    );

    // The gateway's own console is a place to come back to; its other routes are not.
    const toConsole = await w.request(
      'aiko',
      'mutation($r: String) { connectAccount(provider: MICROSOFT_CALENDAR, returnUrl: $r) { state } }',
      { r: `${origin()}/console/integrations?tab=ALL` },
    );
    expect(toConsole.body.errors).toBeUndefined();

    // Return URLs on other origins are refused when the flow starts.
    for (const foreign of [
      'https://evil.example/back',
      'javascript:alert(1)',
      `${origin()}/`,
      `${origin()}/console/../graphql`,
    ]) {
      const response = await w.request(
        'aiko',
        'mutation($r: String) { connectAccount(provider: MICROSOFT_CALENDAR, returnUrl: $r) { state } }',
        { r: foreign },
      );
      expect(codes(response), foreign).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ reason: 'RETURN_URL_NOT_ALLOWED' });
    }
  });
});
