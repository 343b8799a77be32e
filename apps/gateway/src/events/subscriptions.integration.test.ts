// Subscriptions over graphql-ws on the gateway's own port: authentication in connection_init, replay
// from a cursor then live with no gap and no duplicate, per-viewer filtering, several gateway processes
// sharing events through Postgres LISTEN/NOTIFY, and shutdown closing sockets with 1001.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeEachDriver,
  describePostgres,
  startTestGateway,
  type TestGateway,
  useTestGateway,
} from '../../test/harness.js';
import { World } from '../../test/world.js';
import { rawConnectionInit, subscribe, waitForSubscribers, wsClient } from '../../test/ws.js';

type EventNode = {
  cursor: string;
  type: string;
  page: { id: string } | null;
  connection: { id: string } | null;
};

async function eventLog(w: World<string>, as: string): Promise<EventNode[]> {
  const data = await w.run<{ events: { edges: { node: EventNode }[] } }>(
    as,
    '{ events(first: 500) { edges { node { cursor type page { id } connection { id } } } } }',
  );
  return data.events.edges.map((edge) => edge.node);
}

const EVENTS =
  'subscription E($after: String) { events(after: $after) { cursor type page { id } connection { id } } }';

describeEachDriver('subscriptions (%s)', (driver) => {
  const t = useTestGateway(driver);

  it('authenticates in connection_init: no token, a forged one or an unknown user get 4403', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    const token = await t().token(w.caller('admin'));
    expect(await rawConnectionInit(t().wsUrl, { authorization: `Bearer ${token}` })).toEqual({
      ack: true,
      closeCode: null,
    });
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    const ghost = await t().token({ userId: 'usr_gone', organizationId: w.organizationId, role: 'MEMBER' });
    for (const payload of [
      {},
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${ghost}` },
      null,
    ]) {
      expect(await rawConnectionInit(t().wsUrl, payload)).toEqual({ ack: false, closeCode: 4403 });
    }
  });

  it('events(after:) replays from the cursor, then goes live, with no gap and no duplicate', async () => {
    const w = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const calendar = await w.link('member', 'GOOGLE_CALENDAR');
    for (const title of ['One', 'Two', 'Three']) {
      await w.createPage('admin', { title, memberIds: [w.users.admin, w.users.member] });
    }
    const initial = await eventLog(w, 'admin');
    const cursor = initial[1]?.cursor as string;
    const client = wsClient(t().wsUrl, await t().token(w.caller('admin')));
    const subscription = subscribe<{ events: EventNode }>(client, EVENTS, { after: cursor });
    // Changes land while the subscription replays: each must arrive exactly once, in log order.
    for (let round = 0; round < 3; round++) {
      await w.fail(calendar);
      await w.reconnect(calendar);
    }
    await w.createPage('admin', { title: 'Four' });
    const expected = (await eventLog(w, 'admin')).slice(2);
    const received = await subscription.waitFor(expected.length);
    expect(received.map((data) => data.events)).toEqual(expected);
    expect(expected.some((event) => event.type === 'BOOKING_PAGE_STATE_CHANGED')).toBe(true);

    // A consumer that reconnects from its last cursor loses nothing and repeats nothing.
    await subscription.dispose();
    await client.dispose();
    const last = received.at(-1)?.events.cursor as string;
    await w.fail(calendar);
    await w.createPage('admin', { title: 'Five' });
    const resumed = wsClient(
      t().wsUrl,
      await t().token({ ...w.caller('admin'), role: 'SERVICE', userId: 'svc_sync' }),
    );
    const again = subscribe<{ events: EventNode }>(resumed, EVENTS, { after: last });
    const missed = (await eventLog(w, 'admin')).filter((event) => Number(event.cursor) > Number(last));
    expect(missed.length).toBeGreaterThan(1);
    expect((await again.waitFor(missed.length)).map((data) => data.events)).toEqual(missed);
    await again.dispose();
    await resumed.dispose();
  });

  it('connectionStatusChanged and bookingPageStateChanged deliver what the viewer may see', async () => {
    const w = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const memberCalendar = await w.link('member', 'GOOGLE_CALENDAR');
    const adminCalendar = await w.link('admin', 'GOOGLE_CALENDAR');
    const page = await w.createPage('member', { title: 'Office hours' });
    const memberClient = wsClient(t().wsUrl, await t().token(w.caller('member')));
    const statuses = subscribe<{
      connectionStatusChanged: {
        connection: { id: string };
        previousStatus: string;
        status: string;
        cursor: string;
      };
    }>(
      memberClient,
      'subscription { connectionStatusChanged { cursor connection { id } previousStatus status } }',
    );
    const states = subscribe<{
      bookingPageStateChanged: {
        page: { id: string };
        previousState: string;
        state: string;
        acceptingBookings: boolean;
      };
    }>(
      memberClient,
      'subscription S($id: ID) { bookingPageStateChanged(pageId: $id) { page { id } previousState state acceptingBookings } }',
      { id: page.id },
    );
    const forbidden = subscribe(
      memberClient,
      'subscription S($u: ID) { connectionStatusChanged(userId: $u) { cursor } }',
      {
        u: w.users.admin,
      },
    );
    await forbidden.done;
    expect(forbidden.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
    // Both start live: change things only once they stream.
    await waitForSubscribers(t().gateway, 'connectionStatusChanged');
    await waitForSubscribers(t().gateway, 'bookingPageStateChanged');

    await w.fail(adminCalendar); // not the member's: never delivered to them
    await w.fail(memberCalendar);
    await w.reconnect(memberCalendar);
    const [broken, fixed] = await statuses.waitFor(2);
    expect(broken?.connectionStatusChanged).toMatchObject({
      connection: { id: memberCalendar },
      previousStatus: 'CONNECTED',
      status: 'ERROR',
    });
    expect(fixed?.connectionStatusChanged).toMatchObject({ previousStatus: 'ERROR', status: 'CONNECTED' });
    expect((await states.waitFor(2)).map((data) => data.bookingPageStateChanged)).toEqual([
      {
        page: { id: page.id },
        previousState: 'ACTIVE',
        state: 'DISABLED_CONNECTION_ERROR',
        acceptingBookings: false,
      },
      {
        page: { id: page.id },
        previousState: 'DISABLED_CONNECTION_ERROR',
        state: 'ACTIVE',
        acceptingBookings: true,
      },
    ]);
    // The admin's calendar failed first; had it reached the member it would have come before these. One more
    // change of the member's own, delivered third, closes the window no sleep could.
    await w.fail(memberCalendar);
    expect((await statuses.waitFor(3))[2]?.connectionStatusChanged).toMatchObject({
      connection: { id: memberCalendar },
      status: 'ERROR',
    });
    expect(statuses.received).toHaveLength(3);
    await memberClient.dispose();

    // Members may not follow the organization's log.
    const logClient = wsClient(t().wsUrl, await t().token(w.caller('member')));
    const log = subscribe(logClient, EVENTS);
    await log.done;
    expect(log.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
    await logClient.dispose();
  });

  it('subscribers of one operation share its execution, and each still gets only what it may see', async () => {
    const w = await World.create(t(), ['ann', 'bob', 'cat', 'dan'], { ann: 'ADMIN', bob: 'ADMIN' });
    const catCalendar = await w.link('cat', 'GOOGLE_CALENDAR');
    const danCalendar = await w.link('dan', 'GOOGLE_CALENDAR');
    const catsPage = await w.createPage('cat', { title: 'Cat hours' });
    const dansPage = await w.createPage('dan', { title: 'Dan hours' });
    // One operation text for all four: two admins (one shared execution), two members (one each).
    const query =
      'subscription { bookingPageStateChanged { state page { id title owner { id } members { id } } } }';
    type Delivery = {
      bookingPageStateChanged: { state: string; page: { id: string; title: string; owner: { id: string } } };
    };
    const clients = await Promise.all(
      (['ann', 'bob', 'cat', 'dan'] as const).map(async (name) =>
        wsClient(t().wsUrl, await t().token(w.caller(name))),
      ),
    );
    const [ann, bob, cat, dan] = clients.map((client) => subscribe<Delivery>(client, query));
    await waitForSubscribers(t().gateway, 'bookingPageStateChanged', 4);

    await w.fail(catCalendar); // Cat's page: the admins and Cat hear of it, Dan does not
    await w.fail(danCalendar); // Dan's page: the admins and Dan
    const expected = (page: typeof catsPage, owner: string) => ({
      bookingPageStateChanged: {
        state: 'DISABLED_CONNECTION_ERROR',
        page: { id: page.id, title: page.title, owner: { id: owner }, members: [{ id: owner }] },
      },
    });
    const both = [expected(catsPage, w.users.cat), expected(dansPage, w.users.dan)];
    expect(await ann?.waitFor(2)).toEqual(both);
    expect(await bob?.waitFor(2)).toEqual(both);
    // Dan's own event came second: had Cat's reached him, it would be first.
    expect(await dan?.waitFor(1)).toEqual([both[1]]);
    // Cat's next one closes the window for Dan's (committed in between): had it reached her, it would be second.
    await w.reconnect(catCalendar);
    expect(
      (await cat?.waitFor(2))?.map((data) => [
        data.bookingPageStateChanged.page.id,
        data.bookingPageStateChanged.state,
      ]),
    ).toEqual([
      [catsPage.id, 'DISABLED_CONNECTION_ERROR'],
      [catsPage.id, 'ACTIVE'],
    ]);
    expect(cat?.received[0]).toEqual(both[0]);
    expect(dan?.received).toHaveLength(1);
    await Promise.all(clients.map((client) => client.dispose()));
  });

  it('subscriptions obey the query limits and the HTTP error masking', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    const client = wsClient(t().wsUrl, await t().token(w.caller('admin')));
    const aliased = subscribe(
      client,
      `subscription { events { ${Array.from({ length: 40 }, (_, i) => `a${i}: cursor`).join(' ')} } }`,
    );
    await aliased.done;
    expect(aliased.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    const badCursor = subscribe(client, EVENTS, { after: 'yesterday' });
    await badCursor.done;
    expect(badCursor.errors).toEqual([
      {
        message: 'after is not an event cursor',
        locations: expect.any(Array),
        path: ['events'],
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      },
    ]);
    await client.dispose();
  });
});

describePostgres('several gateways on one Postgres database', () => {
  let first: TestGateway;
  let second: TestGateway;
  let child: ChildProcess | undefined;
  let childUrl: string;

  beforeAll(async () => {
    first = await startTestGateway('pg');
    // A second gateway in this process, with its own pool and its own LISTEN connection…
    second = await startTestGateway('pg', {
      databaseUrl: first.databaseUrl as string,
      config: { jwt: first.config.jwt, credentialsKeys: first.config.credentialsKeys },
    });
    // …and a third in a Node process of its own.
    const fixture = fileURLToPath(new URL('../../test/fixtures/gateway-process.mjs', import.meta.url));
    child = spawn(process.execPath, [fixture], {
      env: {
        ...process.env,
        GATEWAY_TEST_CONFIG: JSON.stringify({
          databaseUrl: first.databaseUrl,
          jwt: first.config.jwt,
          credentialsKeys: first.config.credentialsKeys,
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const [line] = (await Promise.race([
      once(lines, 'line'),
      once(child, 'exit').then(([code]) => {
        throw new Error(`The gateway process exited with ${code}`);
      }),
    ])) as [string];
    childUrl = (JSON.parse(line) as { url: string }).url;
  }, 60_000);

  afterAll(async () => {
    if (child !== undefined && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await second?.close();
    await first?.close();
  }, 60_000);

  it('a mutation on one gateway reaches subscribers of the others, in another process too', async () => {
    const w = await World.create(first, ['admin'], { admin: 'ADMIN' });
    const token = await first.token(w.caller('admin'));
    const onSecond = wsClient(second.wsUrl, token);
    const onChild = wsClient(childUrl.replace(/^http/, 'ws'), token);
    const start = (await eventLog(w, 'admin')).at(-1)?.cursor ?? '0';
    const viaSecond = subscribe<{ events: EventNode }>(onSecond, EVENTS, { after: start });
    const viaChild = subscribe<{ events: EventNode }>(onChild, EVENTS, { after: start });

    // Mutations through the first gateway's GraphQL API, and one through the child process's.
    const page = await w.createPage('admin', { title: 'Shared across processes' });
    await w.run(
      'admin',
      'mutation M($id: ID!) { setBookingPageEnabled(pageId: $id, enabled: false) { id } }',
      { id: page.id },
    );
    const response = await fetch(childUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation M($id: ID!) { setBookingPageEnabled(pageId: $id, enabled: true) { state } }',
        variables: { id: page.id },
      }),
    });
    expect(await response.json()).toEqual({ data: { setBookingPageEnabled: { state: 'ACTIVE' } } });

    const expected = (await eventLog(w, 'admin')).filter((event) => Number(event.cursor) > Number(start));
    expect(expected.map((event) => event.type)).toContain('BOOKING_PAGE_STATE_CHANGED');
    expect((await viaSecond.waitFor(expected.length)).map((data) => data.events)).toEqual(expected);
    expect((await viaChild.waitFor(expected.length)).map((data) => data.events)).toEqual(expected);
    await onSecond.dispose();
    await onChild.dispose();
  });
});

describe('shutdown', () => {
  it('closes WebSockets with 1001 and stops answering', async () => {
    const t = await startTestGateway('pglite');
    const w = await World.create(t, ['admin'], { admin: 'ADMIN' });
    let closeCode: number | null = null;
    const client = wsClient(t.wsUrl, await t.token(w.caller('admin')), (code) => {
      closeCode = code;
    });
    const live = subscribe(client, EVENTS);
    await waitForSubscribers(t.gateway, 'events');
    const ready = await fetch(new URL('/readyz', t.url));
    expect(ready.status).toBe(200);
    await t.close();
    await live.done;
    expect(closeCode).toBe(1001);
    await expect(fetch(new URL('/healthz', t.url))).rejects.toThrow();
    await client.dispose();
  });
});
