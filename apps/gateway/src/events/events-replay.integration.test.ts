// The `events` subscription without `after` does what its description says (replays the whole log from its
// first event, then goes live), and a replayed event tells what was true then, not what is true now.
import { expect, it } from 'vitest';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { subscribe, wsClient } from '../../test/ws.js';
import { createSchema } from '../schema/index.js';

interface EventNode {
  cursor: string;
  type: string;
  connectionState: { status: string; lastError: { code: string } | null } | null;
  pageState: { state: string } | null;
}

const FIELDS = 'cursor type connectionState { status lastError { code } } pageState { state }';

describeEachDriver('events subscription without after (%s)', (driver) => {
  const t = useTestGateway(driver);

  it('is described as replaying the whole log, and does', async () => {
    const description = createSchema().getSubscriptionType()?.getFields().events?.description ?? '';
    expect(description).toMatch(/without `after` it\s+replays the whole log from its first event/);

    const w = await World.create(t(), ['admin', 'ada'], { admin: 'ADMIN' });
    const calendar = await w.link('ada', 'GOOGLE_CALENDAR');
    await w.createPage('ada', { title: 'Replayed' });
    await w.fail(calendar);
    await w.reconnect(calendar);
    const log = (
      await w.run<{ events: { edges: { node: EventNode }[] } }>(
        'admin',
        `{ events(first: 500) { edges { node { ${FIELDS} } } } }`,
      )
    ).events.edges.map((edge) => edge.node);
    expect(log.length).toBeGreaterThan(3);

    const client = wsClient(t().wsUrl, await t().token(w.caller('admin')));
    const subscription = subscribe<{ events: EventNode }>(client, `subscription { events { ${FIELDS} } }`);
    const replayed = (await subscription.waitFor(log.length)).map((data) => data.events);
    expect(replayed).toEqual(log);
    // The calendar is CONNECTED now; the replayed failure still says ERROR, with its error.
    expect(replayed.find((event) => event.type === 'CONNECTION_STATUS_CHANGED')?.connectionState).toEqual({
      status: 'ERROR',
      lastError: { code: 'AUTH_REVOKED' },
    });
    // Then live.
    await w.createPage('ada', { title: 'Live' });
    const [live] = (await subscription.waitFor(log.length + 1)).slice(log.length);
    expect(live?.events).toMatchObject({ type: 'BOOKING_PAGE_CREATED', pageState: { state: 'ACTIVE' } });
    await subscription.dispose();
    await client.dispose();
  });
});
