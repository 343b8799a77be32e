// One-click reconnect links over real HTTP against the Google emulator on 127.0.0.1, on PGlite and Postgres:
// the link binds the browser that opens it, the emulator consents, the callback reconnects the same connection;
// a used, expired, edited, foreign or unlinked link gets a page and changes nothing.
import { createKeyring, createReconnectLinkStore, generateKey, parseKeyring } from '@tsunagi/db';
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { snapshot } from '../../test/database.js';
import { aikoWithGoogle } from '../../test/google-member.js';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { createEmulatedProviderRegistry } from '../providers/adapters.js';

let google: GoogleEmulator;
/** Added to the reconnect links' clock (expires a link without waiting). */
let skewMs = 0;

beforeAll(async () => {
  google = await startGoogleEmulator({ port: 0 });
});

afterAll(async () => {
  await google?.stop();
});

beforeEach(() => {
  skewMs = 0;
  google.faults.clearAll();
});

const CONNECTION = 'id status lastError { code }';
const DAY_MS = 24 * 3600 * 1000;

describeEachDriver('Reconnect links (%s)', (driver) => {
  const t = useTestGateway(driver, {
    gateway: {
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          google,
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
        })(dependencies),
      reconnectLinkClock: () => new Date(Date.now() + skewMs),
    },
  });

  /** An organization whose member aiko linked Google, made a page, and then lost the grant. */
  async function brokenGoogleConnection() {
    const { w, email, account, connectionId, page } = await aikoWithGoogle(t(), google);
    expect(page.state).toBe('ACTIVE');
    google.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    const checked = await w.run<{ checkConnection: { status: string; lastError: { code: string } | null } }>(
      'aiko',
      `mutation K($id: ID!) { checkConnection(connectionId: $id) { ${CONNECTION} } }`,
      { id: connectionId },
    );
    expect(checked.checkConnection).toMatchObject({ status: 'ERROR', lastError: { code: 'AUTH_REVOKED' } });
    expect((await w.page('aiko', page.id)).state).toBe('DISABLED_CONNECTION_ERROR');
    return { w, email, connectionId, pageId: page.id };
  }

  async function issue(organizationId: string, connectionId: string): Promise<string> {
    const link = await t().gateway.services.reconnectLinks.issue(organizationId, connectionId);
    if (link === null) throw new Error('no link was issued');
    return link.url;
  }

  /** Opens a link like a browser; the binding cookie it set, if any, and where it went. */
  async function open(url: string, headers: Record<string, string> = { accept: 'text/html' }) {
    const response = await fetch(url, { redirect: 'manual', headers });
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0] ?? '')
      .find((pair) => pair.startsWith('tsunagi_oauth_'));
    return { response, cookie, text: await response.text() };
  }

  /** A refused link: a page with a 4xx, and no row of any table changed. */
  async function refused(url: string, headers?: Record<string, string>) {
    const before = await snapshot(t().handle);
    const opened = await open(url, headers);
    expect(opened.response.status).toBeGreaterThanOrEqual(400);
    expect(opened.response.status).toBeLessThan(500);
    expect(opened.cookie).toBeUndefined();
    expect(await snapshot(t().handle)).toEqual(before);
    return opened;
  }

  it('reconnects the same connection from the link and re-enables its pages; the link works once', async () => {
    const { w, email, connectionId, pageId } = await brokenGoogleConnection();
    google.faults.clearAll();
    const url = await issue(w.organizationId, connectionId);
    expect(url).toMatch(
      new RegExp(`^${new URL(t().url).origin}/reconnect/rcl_[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}$`),
    );

    const { response, cookie } = await open(url);
    expect(response.status).toBe(303);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(cookie).toBeDefined();
    const providerUrl = new URL(response.headers.get('location') ?? '');
    expect(providerUrl.origin).toBe(new URL(google.endpoints.tokenUrl).origin);
    // The connection's own account is hinted, and the callback is the gateway's usual one.
    expect(providerUrl.searchParams.get('login_hint')).toBe(email);
    expect(providerUrl.searchParams.get('redirect_uri')).toBe(
      `${new URL(t().url).origin}/oauth/callback/GOOGLE_CALENDAR`,
    );

    const consented = await fetch(providerUrl, { redirect: 'manual' });
    expect(consented.status).toBe(302);
    const back = new URL(consented.headers.get('location') ?? '');
    // Another browser (no binding cookie) cannot finish it.
    expect((await fetch(back, { redirect: 'manual' })).status).toBe(403);
    const done = await fetch(back, { redirect: 'manual', headers: { cookie: cookie ?? '' } });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'connected', connectionId });

    const after = await w.run<{ connection: { id: string; status: string; lastError: unknown } }>(
      'aiko',
      `query C($id: ID!) { connection(id: $id) { ${CONNECTION} } }`,
      { id: connectionId },
    );
    expect(after.connection).toEqual({ id: connectionId, status: 'CONNECTED', lastError: null });
    expect((await w.page('aiko', pageId)).state).toBe('ACTIVE');

    const again = await refused(url, { accept: 'text/html', 'accept-language': 'ja' });
    expect(again.response.status).toBe(409);
    expect(again.text).toContain('この再接続リンクは既に使用されています');
    const json = await refused(url, { accept: 'application/json' });
    expect(JSON.parse(json.text)).toMatchObject({
      errors: [{ extensions: { code: 'CONFLICT', reason: 'LINK_ALREADY_USED' } }],
    });
  });

  it('refuses an expired link, and one that was edited, truncated or signed by another deployment', async () => {
    const { w, connectionId } = await brokenGoogleConnection();
    const url = await issue(w.organizationId, connectionId);

    skewMs = 7 * DAY_MS + 1000;
    const expired = await refused(url, { accept: 'text/html', 'accept-language': 'pl, en;q=0.5' });
    expect(expired.response.status).toBe(400);
    expect(expired.text).toContain('Ten link do ponownego połączenia wygasł');
    skewMs = 0;

    const last = url.at(-1) === 'A' ? 'B' : 'A';
    const edited = await refused(`${url.slice(0, -1)}${last}`);
    expect(edited.response.status).toBe(404);
    expect(edited.text).toContain('This reconnect link is not valid');
    await refused(url.slice(0, -5));
    await refused(url.replace(/\.[^.]*$/, ''));
    await refused(`${url}.x`);
    await refused(`${new URL(t().url).origin}/reconnect/${'a'.repeat(300)}`);

    // Same table, same key id, another deployment's key: its signature is not ours.
    const activeKeyId = parseKeyring(t().config.credentialsKeys).activeKeyId;
    const foreign = await createReconnectLinkStore(
      t().handle.db,
      createKeyring({ activeKeyId, keys: { [activeKeyId]: generateKey() } }),
    ).issue({ organizationId: w.organizationId, connectionId });
    await refused(`${new URL(t().url).origin}/reconnect/${foreign?.token}`);

    // Untouched by all of the above: the genuine link still starts the reconnect.
    expect((await open(url)).response.status).toBe(303);
  });

  it("binds a link to its organization's connection: another link's signature does not carry over", async () => {
    const ours = await brokenGoogleConnection();
    const theirs = await brokenGoogleConnection();
    expect(theirs.w.organizationId).not.toBe(ours.w.organizationId);
    const ourUrl = await issue(ours.w.organizationId, ours.connectionId);
    const theirUrl = await issue(theirs.w.organizationId, theirs.connectionId);
    const [ourId, ourMac] = (ourUrl.split('/').at(-1) ?? '').split('.');
    const [theirId] = (theirUrl.split('/').at(-1) ?? '').split('.');
    // Their link id with our signature: re-pointing a link at another organization's connection fails.
    await refused(`${new URL(t().url).origin}/reconnect/${theirId}.${ourMac}`);
    expect(ourId).not.toBe(theirId);
    // No link is issued for a connection of another organization.
    expect(
      await t().gateway.services.reconnectLinks.issue(ours.w.organizationId, theirs.connectionId),
    ).toBeNull();
  });

  it('refuses a link whose connection was unlinked since', async () => {
    const { w, connectionId } = await brokenGoogleConnection();
    const url = await issue(w.organizationId, connectionId);
    const unlinked = await w.run<{ unlinkConnection: { status: string } }>(
      'aiko',
      'mutation U($id: ID!) { unlinkConnection(connectionId: $id) { status } }',
      { id: connectionId },
    );
    expect(unlinked.unlinkConnection.status).toBe('DISCONNECTED');
    const opened = await refused(url, { accept: 'text/html', 'accept-language': 'it' });
    expect(opened.response.status).toBe(409);
    expect(opened.text).toContain('Il collegamento è stato rimosso');
  });
});
