// Retention over the wire: a cursor that points into what the sweep deleted gets EVENTS_EXPIRED, with how to
// resync, on HTTP and on graphql-ws; a cursor at or after what is kept (or in another organization's ids) does not.
import { latestEventId } from '@tsunagi/db';
import { expect, it } from 'vitest';
import { query } from '../../test/database.js';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { subscribe, wsClient } from '../../test/ws.js';

const FIELDS = 'cursor type';

describeEachDriver('event retention over the API (%s)', (driver) => {
  const t = useTestGateway(driver, {
    config: { eventRetention: { days: 30, recordDays: 30, batchSize: 2, sweepIntervalSeconds: 86_400 } },
  });

  it('answers EVENTS_EXPIRED to a cursor older than what is kept, and follows a fresh one with no gap', async () => {
    const { handle, gateway } = t();
    const w = await World.create(t(), ['admin', 'ada'], { admin: 'ADMIN' });
    const other = await World.create(t(), ['admin', 'bo'], { admin: 'ADMIN' });
    await w.createPage('ada', { title: 'Old one' });
    await w.createPage('ada', { title: 'Old two' });
    const oldest = await latestEventId(handle.db, w.organizationId);
    // Months pass for these events only (what a sweep 40 days later would find).
    // (The organization id is one the test created: no quoting concern in this literal.)
    await handle.db.execute(
      `UPDATE events SET created_at = created_at - interval '40 days' WHERE organization_id = '${w.organizationId}'`,
    );
    // The other organization's events take the ids between the old events and the new ones.
    await other.createPage('bo', { title: 'Elsewhere' });
    const gap = await latestEventId(handle.db, other.organizationId);
    await w.createPage('ada', { title: 'Recent' });
    const latest = await latestEventId(handle.db, w.organizationId);

    // An OAuth flow started and abandoned long ago: the same sweep removes its state.
    await query(
      handle,
      `INSERT INTO oauth_states (id, organization_id, user_id, provider, state_hash, key_id, code_verifier_ciphertext, redirect_uri, expires_at)
       VALUES ('oas_abandoned_${driver}', '${w.organizationId}', '${w.users.ada}', 'GOOGLE_CALENDAR', 'hash-${driver}', 'k1', 'sealed', 'https://app.example.test/cb', now() - interval '1 hour')`,
    );
    const abandoned = await query(
      handle,
      `SELECT id FROM oauth_states WHERE organization_id = '${w.organizationId}'`,
    );
    expect(abandoned).toHaveLength(1);

    const swept = await gateway.eventRetention!.sweep();
    expect(swept.deleted).toBeGreaterThanOrEqual(2);
    expect(swept.batches).toBeGreaterThanOrEqual(1);
    expect(swept.records.oauthStates).toBeGreaterThanOrEqual(1);
    expect(
      await query(handle, `SELECT id FROM oauth_states WHERE organization_id = '${w.organizationId}'`),
    ).toEqual([]);

    const expectedExtensions = {
      code: 'EVENTS_EXPIRED',
      oldestCursor: String(oldest),
      resyncCursor: String(latest),
      resync: expect.stringMatching(
        /^resync: read the current state .*then follow events from resyncCursor$/,
      ),
    };
    for (const after of ['0', String(oldest - 1)]) {
      const refused = await w.t.graphql(
        `query ($after: String) { events(after: $after) { edges { cursor } } }`,
        {
          caller: w.caller('admin'),
          variables: { after },
        },
      );
      expect(refused.status).toBe(200);
      expect(refused.body.data).toBeNull();
      expect(refused.body.errors?.[0]?.extensions).toEqual(expectedExtensions);
      expect(refused.text).not.toMatch(/SELECT|stack|at .*\.ts/);
    }

    // At the oldest kept cursor, or at an id of the other organization's in between: whole, no error.
    for (const after of [String(oldest), String(gap)]) {
      const kept = await w.run<{ events: { edges: { node: { cursor: string; type: string } }[] } }>(
        'admin',
        `{ events(after: "${after}", first: 500) { edges { node { ${FIELDS} } } } }`,
      );
      expect(kept.events.edges.map((edge) => edge.node.cursor).at(-1)).toBe(String(latest));
      expect(kept.events.edges.every((edge) => Number(edge.node.cursor) > oldest)).toBe(true);
    }

    const client = wsClient(t().wsUrl, await t().token(w.caller('admin')));
    for (const after of ['0', null]) {
      const expired = subscribe<{ events: { cursor: string } }>(
        client,
        `subscription ($after: String) { events(after: $after) { ${FIELDS} } }`,
        { after },
      );
      await expired.done;
      expect(expired.received).toEqual([]);
      expect(expired.errors).toHaveLength(1);
      expect((expired.errors[0] as { extensions?: unknown }).extensions).toEqual(expectedExtensions);
    }

    // The resync the error describes: follow from resyncCursor, and every later event arrives, in order.
    const fresh = subscribe<{ events: { cursor: string; type: string } }>(
      client,
      `subscription ($after: String) { events(after: $after) { ${FIELDS} } }`,
      { after: String(latest) },
    );
    await w.createPage('ada', { title: 'After the resync' });
    const log = await w.run<{ events: { edges: { node: { cursor: string; type: string } }[] } }>(
      'admin',
      `{ events(after: "${latest}", first: 500) { edges { node { ${FIELDS} } } } }`,
    );
    expect(log.events.edges.length).toBeGreaterThan(0);
    const delivered = await fresh.waitFor(log.events.edges.length);
    expect(delivered.map((data) => data.events)).toEqual(log.events.edges.map((edge) => edge.node));
    expect(fresh.errors).toEqual([]);
    await fresh.dispose();
    await client.dispose();
  });
});
