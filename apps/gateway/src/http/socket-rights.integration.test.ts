// Live sockets follow the user's current rights (issue 10 §3): a subscription ends when its viewer is demoted
// or deleted, a socket closes when its token expires, and subscribing as a deleted user is the typed error
// HTTP gives — never a 4500 close or a stack trace in the logs.
import { expect, it, vi } from 'vitest';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { captureLogs } from '../../test/logs.js';
import { deleteUser, setUserRole } from '../../test/users.js';
import { World } from '../../test/world.js';
import { rawConnectionInit, subscribe, waitForSubscribers, wsClient } from '../../test/ws.js';

const EVENTS = 'subscription { events { cursor type } }';
const STATUS_OF = 'subscription S($u: ID) { connectionStatusChanged(userId: $u) { status } }';

type Errors = { message?: string; extensions?: { code?: string } }[];
const codesOf = (errors: unknown[]) => (errors as Errors).map((error) => error.extensions?.code);

describeEachDriver('sockets follow the user’s current rights (%s)', (driver) => {
  const logs = captureLogs();
  const t = useTestGateway(driver, { gateway: { logger: logs.logger } });

  it('an events subscription ends with FORBIDDEN once its admin is demoted, and delivers nothing after', async () => {
    const w = await World.create(t(), ['admin', 'boss'], { admin: 'ADMIN', boss: 'ADMIN' });
    const client = wsClient(t().wsUrl, await t().token(w.caller('admin')));
    const live = subscribe<{ events: { cursor: string; type: string } }>(client, EVENTS);
    await w.createPage('boss', { title: 'Seen while admin' });
    await live.waitFor(1);
    const received = live.received.length;

    await setUserRole(t(), w.users.admin, 'MEMBER');
    await w.createPage('boss', { title: 'Not for a member' });
    await live.done;

    expect(codesOf(live.errors)).toEqual(['FORBIDDEN']);
    expect(live.errors[0]).toMatchObject({ message: 'The event log is for admins and service tokens' });
    // Only what was committed while the viewer was an admin reached them.
    expect(live.received.length).toBe(received);
    await client.dispose();
  });

  it('a subscription ends with UNAUTHENTICATED once its user is deleted', async () => {
    const w = await World.create(t(), ['admin', 'boss'], { admin: 'ADMIN', boss: 'ADMIN' });
    const client = wsClient(t().wsUrl, await t().token(w.caller('admin')));
    const live = subscribe(client, EVENTS);
    await w.createPage('boss', { title: 'Before' });
    await live.waitFor(1);
    const received = live.received.length;

    await deleteUser(t(), w.users.admin);
    await w.createPage('boss', { title: 'After' });
    await live.done;

    expect(live.errors).toEqual([
      expect.objectContaining({
        message: 'The token names no user of its organization',
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
    expect(live.received.length).toBe(received);
    await client.dispose();
  });

  it('a demoted admin following another user’s connections is refused; following everyone narrows to their own', async () => {
    const w = await World.create(t(), ['admin', 'boss', 'other'], { admin: 'ADMIN', boss: 'ADMIN' });
    const own = await w.link('admin', 'GOOGLE_CALENDAR');
    const others = await w.link('other', 'GOOGLE_CALENDAR');
    const client = wsClient(t().wsUrl, await t().token(w.caller('admin')));
    const ofOther = subscribe<{ connectionStatusChanged: { status: string } }>(client, STATUS_OF, {
      u: w.users.other,
    });
    const ofEveryone = subscribe<{ connectionStatusChanged: { status: string } }>(client, STATUS_OF);
    await waitForSubscribers(t().gateway, 'connectionStatusChanged', 2);
    await w.fail(others);
    await ofOther.waitFor(1);
    await ofEveryone.waitFor(1);

    await setUserRole(t(), w.users.admin, 'MEMBER');
    await w.reconnect(others);
    await ofOther.done;
    expect(codesOf(ofOther.errors)).toEqual(['FORBIDDEN']);

    await w.fail(own);
    const [, mine] = await ofEveryone.waitFor(2);
    expect(mine?.connectionStatusChanged.status).toBe('ERROR');
    // The other user's reconnect (after the demotion) never reached the org-wide subscription.
    expect(ofEveryone.received).toHaveLength(2);
    expect(ofEveryone.errors).toEqual([]);
    await client.dispose();
  });

  it('closes the socket with 4403 when its token expires; the token opens no new socket, as HTTP refuses it', async () => {
    const w = await World.create(t(), ['admin', 'boss'], { admin: 'ADMIN', boss: 'ADMIN' });
    const token = await t().token(w.caller('admin'), 3);
    let closeCode: number | null = null;
    const client = wsClient(t().wsUrl, token, (code) => {
      closeCode = code;
    });
    const live = subscribe(client, EVENTS);
    await w.createPage('boss', { title: 'While the token is valid' });
    await live.waitFor(1);

    await vi.waitFor(() => expect(closeCode).toBe(4403), { timeout: 10_000, interval: 50 });
    expect(await rawConnectionInit(t().wsUrl, { authorization: `Bearer ${token}` })).toEqual({
      ack: false,
      closeCode: 4403,
    });
    const http = await t().graphql('{ viewer { id } }', { token });
    expect(http.status).toBe(401);
    await client.dispose();
  });

  it('subscribing as a deleted user answers HTTP’s UNAUTHENTICATED, keeps the socket, and logs no error', async () => {
    const w = await World.create(t(), ['admin', 'gone'], { admin: 'ADMIN', gone: 'ADMIN' });
    const token = await t().token(w.caller('gone'));
    const closeCodes: number[] = [];
    const client = wsClient(t().wsUrl, token, (code) => closeCodes.push(code));
    // Keeps the socket open (the client is lazy: it closes a socket with nothing running).
    const keeper = subscribe(client, 'subscription { bookingPageStateChanged { state } }');
    const first = subscribe(client, '{ viewer { id } }');
    await first.done;
    expect(first.errors).toEqual([]);
    const errorsBefore = logs.errors().length;

    await deleteUser(t(), w.users.gone);
    const http = await t().graphql('{ viewer { id } }', { token });
    const refused = subscribe(client, EVENTS);
    await refused.done;

    expect(http.status).toBe(401);
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: http.body.errors?.[0]?.message,
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
    expect(closeCodes).toEqual([]);
    expect(keeper.errors).toEqual([]);
    expect(logs.errors().slice(errorsBefore)).toEqual([]);
    await client.dispose();
  });
});
