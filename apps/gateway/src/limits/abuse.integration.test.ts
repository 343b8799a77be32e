// One client can no longer hold the gateway (issue 10 §4): operations are capped per socket and per token
// (configurable), replays read the log in small batches and take turns per user, and what is accepted still
// replays the whole log in order. The timing side (a health query while a client misbehaves) is
// bench/src/subscription-abuse.bench.ts.
import { expect, it } from 'vitest';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { subscribe, waitForSubscribers, wsClient } from '../../test/ws.js';

const REPLAY = 'subscription { events(after: "0") { cursor type } }';

type Replayed = { events: { cursor: string; type: string } };
type LimitError = { message: string; extensions?: { code?: string; limit?: string } };

describeEachDriver('bounded per client (%s)', (driver) => {
  const t = useTestGateway(driver, {
    config: {
      subscriptionLimits: { maxPerSocket: 3, maxPerToken: 5, replayBatchSize: 2, deliveringPerUser: 1 },
    },
  });

  it('caps operations per socket and per token with a typed error; completing one frees its place', async () => {
    const w = await World.create(t(), ['admin', 'other'], { admin: 'ADMIN', other: 'ADMIN' });
    const token = await t().token(w.caller('admin'));
    const first = wsClient(t().wsUrl, token);
    const live = [0, 1, 2].map(() => subscribe(first, 'subscription { bookingPageStateChanged { state } }'));
    await waitForSubscribers(t().gateway, 'bookingPageStateChanged', 3);

    const overSocket = subscribe(first, REPLAY);
    await overSocket.done;
    expect(overSocket.errors as LimitError[]).toEqual([
      {
        message: 'This socket already runs 3 operations; complete one before subscribing again',
        extensions: { code: 'BAD_USER_INPUT', limit: 'SUBSCRIPTIONS_PER_SOCKET' },
      },
    ]);

    // The same token on a second socket: two more fit under the token's 5, the next does not.
    const second = wsClient(t().wsUrl, token);
    const more = [0, 1].map(() => subscribe(second, 'subscription { bookingPageStateChanged { state } }'));
    await waitForSubscribers(t().gateway, 'bookingPageStateChanged', 5);
    const overToken = subscribe(second, REPLAY);
    await overToken.done;
    expect((overToken.errors as LimitError[]).map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', limit: 'SUBSCRIPTIONS_PER_TOKEN' },
    ]);

    // Another token of another user is not held back by this one's.
    const elsewhere = wsClient(t().wsUrl, await t().token(w.caller('other')));
    const fine = subscribe<Replayed>(elsewhere, REPLAY);
    await w.createPage('other', { title: 'Counted for nobody' });
    await fine.waitFor(1);
    expect(fine.errors).toEqual([]);

    // Completing one on the first socket makes room there again.
    await live[0]?.dispose();
    await waitForSubscribers(t().gateway, 'bookingPageStateChanged', 4);
    const again = subscribe<Replayed>(first, REPLAY);
    await again.waitFor(1);
    expect(again.errors).toEqual([]);

    for (const subscription of [...live, ...more, again, fine]) await subscription.dispose();
    await Promise.all([first.dispose(), second.dispose(), elsewhere.dispose()]);
  });

  it('replays in bounded batches, one subscription of a user delivering at a time, each getting the whole log in order', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    for (let i = 0; i < 6; i++) await w.createPage('admin', { title: `Replay ${i}` });
    const log = (
      await w.run<{ events: { edges: { node: { cursor: string; type: string } }[] } }>(
        'admin',
        '{ events(first: 500) { edges { node { cursor type } } } }',
      )
    ).events.edges.map((edge) => edge.node);
    expect(log.length).toBeGreaterThanOrEqual(6);

    const client = wsClient(t().wsUrl, await t().token(w.caller('admin')));
    const replays = [0, 1, 2].map(() => subscribe<Replayed>(client, REPLAY));
    for (const replay of replays) {
      expect((await replay.waitFor(log.length)).map((data) => data.events)).toEqual(log);
      expect(replay.errors).toEqual([]);
    }
    // Then all three go live.
    await w.createPage('admin', { title: 'Live after replay' });
    for (const replay of replays) {
      const [next] = (await replay.waitFor(log.length + 1)).slice(log.length);
      expect(Number(next?.events.cursor)).toBeGreaterThan(Number(log.at(-1)?.cursor));
    }
    await client.dispose();
    // Nothing is left holding or waiting for a turn once the socket is gone.
    await expect.poll(() => t().gateway.services.deliveryGates.size, { timeout: 10_000 }).toBe(0);
  });
});
