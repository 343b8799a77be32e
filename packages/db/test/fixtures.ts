// Small builders for tests: a fresh organization per test keeps tests independent on a shared database.
import { randomBytes } from 'node:crypto';
import { createKeyring, generateKey, type Keyring } from '../src/crypto.js';
import type { Database } from '../src/database.js';
import { createOrganization, createUser } from '../src/directory.js';
import type { ProviderErrorClassificationLike } from '../src/hysteresis.js';
import type { Result } from '../src/result.js';
import type { UserRole } from '../src/schema.js';

export const testKeyring: Keyring = createKeyring({ activeKeyId: 'k1', keys: { k1: generateKey() } });

/** A settable clock: services read it through `now`. */
export class TestClock {
  constructor(public current = new Date('2025-01-06T09:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): Date {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }
}

export async function createTestOrganization<const Names extends readonly string[]>(
  db: Database,
  names: Names,
  roles: Partial<Record<Names[number], UserRole>> = {},
): Promise<{ organizationId: string; users: Record<Names[number], string> }> {
  const suffix = randomBytes(5).toString('hex');
  const organization = await createOrganization(db, { name: `Test ${suffix}`, slug: `test-${suffix}` });
  const users = {} as Record<Names[number], string>;
  for (const name of names as readonly Names[number][]) {
    const user = await createUser(db, {
      organizationId: organization.id,
      name,
      email: `${name}-${suffix}@example.test`,
      role: roles[name] ?? 'MEMBER',
    });
    users[name] = user.id;
  }
  return { organizationId: organization.id, users };
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** As @tsunagi/errors classifies a revoked Google grant. */
export const REVOKED: ProviderErrorClassificationLike = {
  code: 'AUTH_REVOKED',
  action: 'REAUTHORIZE',
  retryable: false,
  connectionBroken: true,
  provider: 'google-oauth',
  httpStatus: 400,
  providerReason: 'invalid_grant',
  message: 'Google OAuth: authorization revoked or expired (Token has been expired or revoked.)',
};

/** As @tsunagi/errors classifies a 503 from Zoom. */
export const UNAVAILABLE: ProviderErrorClassificationLike = {
  code: 'PROVIDER_UNAVAILABLE',
  action: 'RETRY_WITH_BACKOFF',
  retryable: true,
  connectionBroken: false,
  provider: 'zoom',
  httpStatus: 503,
  message: 'Zoom API: provider temporarily unavailable',
};
