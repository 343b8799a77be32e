// End-user tokens from a real OIDC provider on loopback (discovery + JWKS over HTTP), through a real
// gateway on both drivers: accepted algorithms, key rotation without restart, the classic attacks, every
// time and audience check, claim mapping, and users named by their external id.
import { createOrganization, createUser, setUserExternalId } from '@tsunagi/db';
import { base64url, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { codes, describeEachDriver, startTestGateway, type TestGateway } from '../../test/harness.js';
import { captureLogs } from '../../test/logs.js';
import { connectionInitAnswer } from '../../test/ws.js';
import { type Algorithm, TestIdentityProvider } from '../testing/index.js';
import { DEFAULT_CLAIM_NAMES } from './jwks.js';

const VIEWER = '{ viewer { id } }';

describeEachDriver('identity-provider tokens (%s)', (driver) => {
  const logs = captureLogs('debug');
  /** Every token a test sent: none may appear in any log line. */
  const sent: string[] = [];
  let idp: TestIdentityProvider;
  let t: TestGateway;
  let org: { organizationId: string; users: Record<'ada' | 'bo' | 'cy', string> };
  let kid: string;

  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
    kid = await idp.addKey('RS256');
    t = await startTestGateway(driver, {
      gateway: { logger: logs.logger },
      config: {
        logLevel: 'debug',
        identityProvider: {
          issuer: idp.issuer,
          audience: 'tsunagi-gateway',
          claims: DEFAULT_CLAIM_NAMES,
          // Rotation is tested without waiting: any unknown kid may refetch at once.
          cooldownMs: 0,
        },
      },
    });
    org = await t.organization(['ada', 'bo', 'cy'] as const, { ada: 'ADMIN' });
    await setUserExternalId(t.handle.db, {
      organizationId: org.organizationId,
      userId: org.users.ada,
      externalId: 'ext-ada',
    });
    await setUserExternalId(t.handle.db, {
      organizationId: org.organizationId,
      userId: org.users.bo,
      externalId: 'ext-bo',
    });
  }, 60_000);
  afterAll(async () => {
    const logged = JSON.stringify(logs.lines);
    expect(logs.lines.length).toBeGreaterThan(0);
    for (const token of sent) expect(logged).not.toContain(token.split('.')[1]);
    await t?.close();
    await idp?.close();
  });

  const claims = (sub: string, extra: Record<string, unknown> = {}) => ({
    sub,
    org: org.organizationId,
    ...extra,
  });

  async function viewerOf(token: string) {
    sent.push(token);
    const response = await t.graphql<{ viewer: { id: string } }>(VIEWER, { token });
    return response;
  }

  it.each([
    'RS256',
    'ES256',
    'EdDSA',
  ] satisfies Algorithm[])('accepts %s tokens found through discovery', async (alg) => {
    const keyId = alg === 'RS256' ? kid : await idp.addKey(alg);
    const response = await viewerOf(await idp.sign({ kid: keyId, claims: claims('ext-bo') }));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.viewer.id).toBe(org.users.bo);
    expect(idp.discoveryFetches).toBe(1);
  });

  it('rotates keys without a restart: a new kid is fetched, a removed kid is refused', async () => {
    const old = await idp.addKey('RS256');
    expect((await viewerOf(await idp.sign({ kid: old, claims: claims('ext-bo') }))).status).toBe(200);
    const fresh = await idp.addKey('RS256');
    idp.removeKey(old);
    const fetches = idp.jwksFetches;
    const accepted = await viewerOf(await idp.sign({ kid: fresh, claims: claims('ext-bo') }));
    expect(accepted.body.data?.viewer.id).toBe(org.users.bo);
    expect(idp.jwksFetches).toBe(fetches + 1);
    const refused = await viewerOf(await idp.sign({ kid: old, claims: claims('ext-bo') }));
    expect(refused.status).toBe(401);
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses algorithm confusion (HS256 keyed with the public key) and alg none', async () => {
    const pem = await idp.publicPem(kid);
    const confused = await new SignJWT(claims('ext-ada', { role: 'ADMIN' }))
      .setProtectedHeader({ alg: 'HS256', kid })
      .setIssuer(idp.issuer)
      .setAudience('tsunagi-gateway')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(pem));
    const none = new UnsecuredJWT(claims('ext-ada', { role: 'ADMIN' }))
      .setIssuer(idp.issuer)
      .setAudience('tsunagi-gateway')
      .setExpirationTime('10m')
      .encode();
    // A forged header naming RS256 over an unsigned body is no better.
    const [, body] = none.split('.');
    const strippedSignature = `${base64url.encode(JSON.stringify({ alg: 'RS256', kid }))}.${body}.`;
    for (const token of [confused, none, strippedSignature]) {
      const response = await viewerOf(token);
      expect(response.status).toBe(401);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.text).not.toContain(token);
    }
  });

  it('refuses expired, not-yet-valid, wrong-audience and wrong-issuer tokens', async () => {
    const cases = [
      { kid, claims: claims('ext-bo'), expiresIn: -60 },
      { kid, claims: claims('ext-bo'), notBefore: 300 },
      { kid, claims: claims('ext-bo'), audience: 'another-api' },
      { kid, claims: claims('ext-bo'), issuer: 'http://127.0.0.1:1/other' },
    ];
    const messages = [];
    for (const options of cases) {
      const response = await viewerOf(await idp.sign(options));
      expect(response.status).toBe(401);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      messages.push(response.body.errors?.[0]?.message);
    }
    expect(messages[0]).toBe('The token has expired');
  });

  it('names users by external id: unknown users and organizations are UNAUTHENTICATED', async () => {
    const unknownUser = await viewerOf(await idp.sign({ kid, claims: claims('ext-nobody') }));
    expect(unknownUser.status).toBe(401);
    expect(unknownUser.body.errors?.[0]?.message).toBe(
      'The token names no user of its organization (by external id)',
    );
    // cy exists but has no external id yet: its internal id is not an external id.
    const internalId = await viewerOf(await idp.sign({ kid, claims: claims(org.users.cy) }));
    expect(internalId.status).toBe(401);
    const otherOrg = await viewerOf(await idp.sign({ kid, claims: { sub: 'ext-bo', org: 'org_missing' } }));
    expect(otherOrg.status).toBe(401);
    expect(otherOrg.body.errors?.[0]?.message).toBe('The token names no organization');
    const noOrg = await viewerOf(await idp.sign({ kid, claims: { sub: 'ext-bo' } }));
    expect(noOrg.status).toBe(401);
  });

  it('names the organization by our id or by its external id, our id first', async () => {
    const suffix = `${driver}-${Date.now()}`;
    let made = 0;
    const named = async (orgExternalId: string, userExternalId: string) => {
      made += 1;
      const organization = await createOrganization(t.handle.db, {
        name: `Org ${made}`,
        slug: `org-${suffix}-${made}`,
        externalId: orgExternalId,
      });
      const user = await createUser(t.handle.db, {
        organizationId: organization.id,
        name: userExternalId,
        email: `${userExternalId}-${suffix}@example.test`,
      });
      await setUserExternalId(t.handle.db, {
        organizationId: organization.id,
        userId: user.id,
        externalId: userExternalId,
      });
      return { organizationId: organization.id, userId: user.id };
    };
    const viewer = async (org: string, sub: string) =>
      viewerOf(await idp.sign({ kid, claims: { sub, org } }));

    const acme = await named(`acme-${suffix}`, 'emp-1');
    expect((await viewer(`acme-${suffix}`, 'emp-1')).body.data?.viewer.id).toBe(acme.userId);
    expect((await viewer(acme.organizationId, 'emp-1')).body.data?.viewer.id).toBe(acme.userId);

    // An organization whose external id is set to another one's id: the id wins, for either's people.
    const shadow = await named(acme.organizationId, 'emp-1');
    expect((await viewer(acme.organizationId, 'emp-1')).body.data?.viewer.id).toBe(acme.userId);
    expect((await viewer(shadow.organizationId, 'emp-1')).body.data?.viewer.id).toBe(shadow.userId);

    const unknown = await viewer(`nobody-${suffix}`, 'emp-1');
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.message).toBe('The token names no organization');
    // The external id names the organization, not a user of another one.
    const stranger = await viewer(`acme-${suffix}`, 'ext-bo');
    expect(stranger.status).toBe(401);
    expect(stranger.body.errors?.[0]?.message).toBe(
      'The token names no user of its organization (by external id)',
    );
  });

  it('takes the role from the claim, demoting an ADMIN claim of a member, else from the database', async () => {
    const adminQuery = '{ exchangeSettings { status } }';
    const asAdmin = async (sub: string, extra: Record<string, unknown> = {}) =>
      codes(await t.graphql(adminQuery, { token: await idp.sign({ kid, claims: claims(sub, extra) }) }));
    expect(await asAdmin('ext-ada')).toEqual([]);
    expect(await asAdmin('ext-ada', { role: 'MEMBER' })).toEqual(['FORBIDDEN']);
    expect(await asAdmin('ext-bo', { role: 'ADMIN' })).toEqual(['FORBIDDEN']);
    const bad = await t.graphql(VIEWER, {
      token: await idp.sign({ kid, claims: claims('ext-bo', { role: 'OWNER' }) }),
    });
    expect(bad.status).toBe(401);
  });

  it('refuses development (HS256) tokens once a production issuer is configured', async () => {
    const response = await t.graphql(VIEWER, {
      caller: { userId: org.users.bo, organizationId: org.organizationId, role: 'MEMBER' },
    });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.message).toMatch(/Development \(HS256\) tokens are not accepted/);
  });

  it('accepts provider tokens in graphql-ws connection_init, refuses forged ones', async () => {
    const good = await connectionInitAnswer(t.wsUrl, {
      authorization: `Bearer ${await idp.sign({ kid, claims: claims('ext-bo') })}`,
    });
    expect(good.ack).toBe(true);
    const expired = await connectionInitAnswer(t.wsUrl, {
      authorization: `Bearer ${await idp.sign({ kid, claims: claims('ext-bo'), expiresIn: -60 })}`,
    });
    expect(expired).toMatchObject({ ack: false, closeCode: 4403 });
  });
});

describeEachDriver('identity provider, mapped claims and a JWKS URL (%s)', (driver) => {
  let idp: TestIdentityProvider;
  let t: TestGateway;

  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
    t = await startTestGateway(driver, {
      config: {
        identityProvider: {
          issuer: idp.issuer,
          jwksUrl: `${idp.issuer}/jwks`,
          audience: 'calendar-api',
          claims: {
            organization: 'https://example.test/tenant',
            user: 'uid',
            role: 'https://example.test/role',
          },
        },
        allowDevTokens: true,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('reads the configured claims, skips discovery, and still takes development tokens when allowed', async () => {
    const kid = await idp.addKey('ES256');
    const org = await t.organization(['dee'] as const);
    await setUserExternalId(t.handle.db, {
      organizationId: org.organizationId,
      userId: org.users.dee,
      externalId: 'u-42',
    });
    const token = await idp.sign({
      kid,
      audience: 'calendar-api',
      claims: {
        sub: 'ignored',
        uid: 'u-42',
        'https://example.test/tenant': org.organizationId,
        'https://example.test/role': 'MEMBER',
      },
    });
    const response = await t.graphql<{ viewer: { id: string } }>(VIEWER, { token });
    expect(response.body.data?.viewer.id).toBe(org.users.dee);
    // The default claim names mean nothing here.
    const defaults = await idp.sign({
      kid,
      audience: 'calendar-api',
      claims: { sub: 'u-42', org: org.organizationId },
    });
    expect((await t.graphql(VIEWER, { token: defaults })).status).toBe(401);
    expect(idp.discoveryFetches).toBe(0);
    const dev = await t.graphql<{ viewer: { id: string } }>(VIEWER, {
      caller: { userId: org.users.dee, organizationId: org.organizationId, role: 'MEMBER' },
    });
    expect(dev.body.data?.viewer.id).toBe(org.users.dee);
  });
});
