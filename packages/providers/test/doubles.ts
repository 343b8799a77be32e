// Shared test doubles for the adapters' integration tests: the collaborators an adapter receives (clock, token
// store), PKCE material, and a helper that awaits the ProviderError a call must fail with.
import { createHash, randomBytes } from 'node:crypto';
import { type Clock, isProviderError, type ProviderError } from '@tsunagi/errors';
import type { OAuthTokens, TokenStore } from '../src/contract.js';

/** Real time, but waits are recorded and skipped: Retry-After is asserted, not slept through. */
export class RecordingClock implements Clock {
  readonly sleeps: number[] = [];
  now(): number {
    return Date.now();
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
  }
}

/** Keeps tokens in memory and every save in order; `onSave` runs at each save (e.g. to note what the provider saw). */
export class MemoryTokenStore implements TokenStore {
  readonly saved: OAuthTokens[] = [];
  constructor(
    public tokens: OAuthTokens,
    private readonly onSave?: (tokens: OAuthTokens) => void,
  ) {}
  async load(): Promise<OAuthTokens> {
    return this.tokens;
  }
  async save(tokens: OAuthTokens): Promise<void> {
    this.saved.push(tokens);
    this.onSave?.(tokens);
    this.tokens = tokens;
  }
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The ProviderError `promise` rejects with; any other outcome fails the test. */
export async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (isProviderError(error)) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}
