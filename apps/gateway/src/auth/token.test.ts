import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearerToken, mintToken, TokenError, verifyToken } from './token.js';

const settings = { secret: 's'.repeat(40), issuer: 'tsunagi', audience: 'tsunagi-gateway' };
const viewer = { userId: 'usr_1', organizationId: 'org_1', role: 'ADMIN' as const };

async function failure(token: string, with_ = settings) {
  try {
    await verifyToken(token, with_);
  } catch (error) {
    if (error instanceof TokenError) return error.reason;
    throw error;
  }
  return null;
}

describe('tokens', () => {
  it('round-trips the user, organization and role', async () => {
    const token = await mintToken({ ...settings, ...viewer });
    expect(await verifyToken(token, settings)).toEqual(viewer);
  });

  it('checks signature, issuer, audience and expiry', async () => {
    const token = await mintToken({ ...settings, ...viewer });
    expect(await failure(token, { ...settings, secret: 't'.repeat(40) })).toBe('INVALID');
    expect(await failure(token, { ...settings, issuer: 'someone-else' })).toBe('INVALID');
    expect(await failure(token, { ...settings, audience: 'another-api' })).toBe('INVALID');
    expect(await failure(await mintToken({ ...settings, ...viewer, expiresIn: -10 }))).toBe('EXPIRED');
    expect(await failure('not.a.jwt')).toBe('INVALID');
  });

  it('refuses tokens without the claims or with an unknown role', async () => {
    const key = new TextEncoder().encode(settings.secret);
    const base = () =>
      new SignJWT({ org: 'org_1', role: 'OWNER' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('usr_1')
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setExpirationTime('1h');
    expect(await failure(await base().sign(key))).toBe('INVALID');
    const noExpiry = await new SignJWT({ org: 'org_1', role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_1')
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .sign(key);
    expect(await failure(noExpiry)).toBe('INVALID');
  });

  it('reads Bearer headers', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(TokenError);
    expect(() => bearerToken('Bearer')).toThrow(TokenError);
  });
});
