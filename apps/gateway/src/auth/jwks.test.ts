// The key-set cache against a real JWKS endpoint on loopback: unknown kids refetch, but never more often
// than the cooldown, and an unreachable provider is a typed PROVIDER_ERROR, not a refused token.
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestIdentityProvider } from '../testing/index.js';
import { DEFAULT_CLAIM_NAMES, IdentityProvider } from './jwks.js';
import { TokenError } from './token.js';

async function failure(verify: Promise<unknown>): Promise<string> {
  try {
    await verify;
  } catch (error) {
    if (error instanceof TokenError) return error.reason;
    if (error instanceof GraphQLError) return String(error.extensions.code);
    throw error;
  }
  return 'ACCEPTED';
}

describe('IdentityProvider key set', () => {
  let idp: TestIdentityProvider;
  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
  });
  afterAll(() => idp.close());

  const settings = () => ({ issuer: idp.issuer, audience: 'tsunagi-gateway', claims: DEFAULT_CLAIM_NAMES });

  it('a flood of unknown kids refetches the key set at most once per cooldown', async () => {
    const kid = await idp.addKey('ES256');
    const verifier = new IdentityProvider({ ...settings(), cooldownMs: 60_000 });
    const claims = { sub: 'ext-1', org: 'org_1' };
    expect(await verifier.verify(await idp.sign({ kid, claims }))).toMatchObject({ externalUserId: 'ext-1' });
    const fetches = idp.jwksFetches;
    // Tokens signed by keys the provider never published (an attacker's own kids).
    const forged = [];
    for (let i = 0; i < 10; i += 1) {
      const rogue = await idp.addKey('ES256');
      forged.push(await idp.sign({ kid: rogue, claims }));
      idp.removeKey(rogue);
    }
    for (const token of forged) expect(await failure(verifier.verify(token))).toBe('INVALID');
    expect(idp.jwksFetches - fetches).toBeLessThanOrEqual(1);
    expect(idp.discoveryFetches).toBe(1);
  });

  it('an unreachable provider is PROVIDER_ERROR, and discovery is retried by the next token', async () => {
    const verifier = new IdentityProvider({ ...settings(), issuer: 'http://127.0.0.1:1', timeoutMs: 2000 });
    const kid = await idp.addKey('RS256');
    const token = await idp.sign({ kid, claims: { sub: 'x', org: 'y' }, issuer: 'http://127.0.0.1:1' });
    expect(await failure(verifier.verify(token))).toBe('PROVIDER_ERROR');
    expect(await failure(verifier.verify(token))).toBe('PROVIDER_ERROR');
  });

  it('refuses a discovery document for another issuer', async () => {
    // The provider answers for its own issuer; asked as a look-alike it must not be trusted.
    const verifier = new IdentityProvider({ ...settings(), issuer: `${idp.issuer}/` });
    const kid = await idp.addKey('RS256');
    const token = await idp.sign({ kid, claims: { sub: 'x', org: 'y' }, issuer: `${idp.issuer}/` });
    expect(await failure(verifier.verify(token))).toBe('PROVIDER_ERROR');
  });
});
