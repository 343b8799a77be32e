// API keys end to end on both drivers: created by an admin (the secret once), used over HTTP and graphql-ws,
// their last use recorded at most once a minute, revoked (at once, open sockets included), and confined to
// their organization.
import { API_KEY_PREFIX } from '@tsunagi/db';
import { expect, it } from 'vitest';
import { holdsSecret, snapshot } from '../../test/database.js';
import { codes, describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { connectionInitAnswer, subscribe, wsClient } from '../../test/ws.js';

const CREATE = `mutation C($name: String!, $role: ApiKeyRole!, $userId: ID) {
  createApiKey(name: $name, role: $role, userId: $userId) {
    key apiKey { id name role userId createdAt lastUsedAt revokedAt }
  }
}`;
const LIST = '{ apiKeys { id name role userId lastUsedAt revokedAt } }';
const REVOKE = 'mutation R($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
const EVENTS = 'subscription { events { cursor type } }';

interface Created {
  createApiKey: {
    key: string;
    apiKey: { id: string; role: string; userId: string | null; lastUsedAt: string | null };
  };
}
interface Listed {
  apiKeys: { id: string; name: string; lastUsedAt: string | null; revokedAt: string | null }[];
}

describeEachDriver('API keys (%s)', (driver) => {
  const t = useTestGateway(driver);

  async function create(w: World<'admin' | 'member'>, variables: Record<string, unknown>) {
    const response = await t().graphql<Created>(CREATE, { caller: w.caller('admin'), variables });
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.createApiKey as Created['createApiKey'];
  }

  it('lives through create → use over HTTP and WebSocket → last use recorded → revoke → refused', async () => {
    const w = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const created = await create(w, { name: 'Reporting service', role: 'SERVICE' });
    expect(created.key).toMatch(new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{43}$`));
    expect(created.apiKey).toMatchObject({ role: 'SERVICE', userId: null, lastUsedAt: null });

    // The list never carries the secret (nor its hash).
    const listed = await t().graphql<Listed>(LIST, { caller: w.caller('admin') });
    expect(listed.body.data?.apiKeys.map((key) => key.id)).toEqual([created.apiKey.id]);
    expect(listed.text).not.toContain(created.key);
    // Nor does the database, in any table or encoding.
    expect(holdsSecret(JSON.stringify(await snapshot(t().handle)), created.key)).toBe(false);

    // HTTP: a SERVICE key reads the organization's event log.
    t().queries.length = 0;
    const used = await t().graphql(`{ events { edges { cursor } } }`, { token: created.key });
    expect(used.body.errors).toBeUndefined();
    const touches = () => t().queries.filter((query) => /^update "api_keys" set "last_used_at"/.test(query));
    expect(touches()).toHaveLength(1);
    const afterUse = await t().graphql<Listed>(LIST, { caller: w.caller('admin') });
    expect(afterUse.body.data?.apiKeys[0]?.lastUsedAt).not.toBeNull();
    // At most once a minute: a second use writes nothing.
    await t().graphql(`{ events { edges { cursor } } }`, { token: created.key });
    expect(touches()).toHaveLength(1);

    // WebSocket: connection_init accepts the key, and subscriptions run on it. The keeper holds the socket
    // open (the client closes a socket with nothing running), so later subscribes share it.
    expect((await connectionInitAnswer(t().wsUrl, { authorization: `Bearer ${created.key}` })).ack).toBe(
      true,
    );
    const client = wsClient(t().wsUrl, created.key);
    const keeper = subscribe(client, 'subscription { connectionStatusChanged { status } }');
    const live = subscribe<{ events: { type: string } }>(client, EVENTS);
    await w.createPage('admin', { title: 'Seen by the service' });
    await live.waitFor(1);
    const received = live.received.length;

    const revoked = await t().graphql<{ revokeApiKey: { revokedAt: string | null } }>(REVOKE, {
      caller: w.caller('admin'),
      variables: { id: created.apiKey.id },
    });
    expect(revoked.body.data?.revokeApiKey.revokedAt).not.toBeNull();

    // A new subscribe on the same socket is refused at once.
    const again = subscribe(client, EVENTS);
    await again.done;
    expect(again.errors).toEqual([
      expect.objectContaining({
        message: 'The API key has been revoked',
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
    // The open subscription ends at its next delivery, and delivers nothing more.
    await w.createPage('admin', { title: 'Not for a revoked key' });
    await live.done;
    expect(live.errors).toEqual([
      expect.objectContaining({
        message: 'The API key has been revoked',
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
    expect(live.received.length).toBe(received);
    // Every subscription of the key ends so, the quiet keeper included (the viewer is re-read per batch).
    await keeper.done;
    expect(keeper.errors).toEqual([
      expect.objectContaining({
        message: 'The API key has been revoked',
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
    await client.dispose();

    const refused = await t().graphql(`{ events { edges { cursor } } }`, { token: created.key });
    expect(refused.status).toBe(401);
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.text).not.toContain(created.key);
    expect((await connectionInitAnswer(t().wsUrl, { authorization: `Bearer ${created.key}` })).ack).toBe(
      false,
    );
  });

  it('MEMBER and ADMIN keys act as their user; only admins manage keys', async () => {
    const w = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const memberKey = await create(w, { name: 'Member script', role: 'MEMBER', userId: w.users.member });
    const viewer = await t().graphql<{ viewer: { id: string } }>('{ viewer { id } }', {
      token: memberKey.key,
    });
    expect(viewer.body.data?.viewer.id).toBe(w.users.member);
    expect(codes(await t().graphql(LIST, { token: memberKey.key }))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await t().graphql(CREATE, { caller: w.caller('member'), variables: { name: 'x', role: 'SERVICE' } }),
      ),
    ).toEqual(['FORBIDDEN']);

    const adminKey = await create(w, { name: 'Operator', role: 'ADMIN' });
    expect(adminKey.apiKey.userId).toBe(w.users.admin);
    expect((await t().graphql<Listed>(LIST, { token: adminKey.key })).body.data?.apiKeys).toHaveLength(2);

    const mistakes = [
      { name: 'x', role: 'ADMIN', userId: w.users.member },
      { name: 'x', role: 'SERVICE', userId: w.users.admin },
      { name: '  ', role: 'SERVICE' },
      { name: 'x'.repeat(101), role: 'SERVICE' },
    ];
    for (const variables of mistakes) {
      expect(codes(await t().graphql(CREATE, { caller: w.caller('admin'), variables }))).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
    expect((await t().graphql<Listed>(LIST, { caller: w.caller('admin') })).body.data?.apiKeys).toHaveLength(
      2,
    );
  });

  it("another organization's key never sees or revokes this one's keys or data", async () => {
    const a = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const b = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    const keyA = await create(a, { name: 'A service', role: 'SERVICE' });
    const keyB = await create(b, { name: 'B operator', role: 'ADMIN' });
    const page = await a.createPage('admin', { title: 'A only' });

    const listB = await t().graphql<Listed>(LIST, { token: keyB.key });
    expect(listB.body.data?.apiKeys.map((key) => key.id)).toEqual([keyB.apiKey.id]);
    const pageFromB = await t().graphql('query P($id: ID!) { bookingPage(id: $id) { id } }', {
      token: keyB.key,
      variables: { id: page.id },
    });
    expect(codes(pageFromB)).toEqual(['NOT_FOUND']);
    const revokeFromB = await t().graphql(REVOKE, { token: keyB.key, variables: { id: keyA.apiKey.id } });
    expect(codes(revokeFromB)).toEqual(['NOT_FOUND']);
    const stillWorks = await t().graphql('query P($id: ID!) { bookingPage(id: $id) { id } }', {
      token: keyA.key,
      variables: { id: page.id },
    });
    expect(stillWorks.body.errors).toBeUndefined();
  });

  it('refuses unknown and malformed keys with UNAUTHENTICATED', async () => {
    const unknown = `${API_KEY_PREFIX}${'A'.repeat(43)}`;
    for (const token of [unknown, `${API_KEY_PREFIX}short`]) {
      const response = await t().graphql('{ viewer { id } }', { token });
      expect(response.status).toBe(401);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    }
  });
});
