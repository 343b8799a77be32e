// The fault control API names an account by the emulator's id or by its email address, on every OAuth
// emulator: what the embedded gateway's banner tells a person to curl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultBook } from './faults.js';
import { startGoogleEmulator } from './google/index.js';
import { startMicrosoftEmulator } from './microsoft/index.js';
import { startZoomEmulator } from './zoom/index.js';

interface Emulated {
  readonly url: string;
  readonly faults: FaultBook;
  readonly accounts: { create(input: { email: string }): { id: string; email: string } };
  stop(): Promise<void>;
}

const emulators: Record<string, Emulated> = {};

beforeAll(async () => {
  const [google, microsoft, zoom] = await Promise.all([
    startGoogleEmulator({ port: 0 }),
    startMicrosoftEmulator({ port: 0 }),
    startZoomEmulator({ port: 0 }),
  ]);
  Object.assign(emulators, { google, microsoft, zoom });
});

afterAll(async () => {
  await Promise.all(Object.values(emulators).map((emulator) => emulator.stop()));
});

const control = (emulator: Emulated, account: string, method: 'POST' | 'DELETE', body?: unknown) =>
  fetch(`${emulator.url}/_control/accounts/${account}/faults`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe.each(['google', 'microsoft', 'zoom'])('%s fault control', (name) => {
  it('finds the account by its email address, in any case and percent-encoded', async () => {
    const emulator = emulators[name]!;
    const account = emulator.accounts.create({ email: `Ben.${name}@acme.example` });

    const revoked = await control(emulator, `ben.${name}@ACME.example`, 'POST', { kind: 'REVOKE_GRANT' });
    expect(revoked.status).toBe(204);
    expect(emulator.faults.isRevoked(account.id)).toBe(true);

    const cleared = await control(emulator, encodeURIComponent(account.email), 'DELETE');
    expect(cleared.status).toBe(204);
    expect(emulator.faults.isRevoked(account.id)).toBe(false);

    // The id still works.
    expect((await control(emulator, account.id, 'POST', { kind: 'DELETE_ACCOUNT' })).status).toBe(204);
    expect(emulator.faults.isDeleted(account.id)).toBe(true);
  });

  it('answers 404 for an address no account has, and for a malformed escape', async () => {
    const emulator = emulators[name]!;
    expect((await control(emulator, 'nobody@acme.example', 'POST', { kind: 'REVOKE_GRANT' })).status).toBe(
      404,
    );
    expect((await control(emulator, '%E0%A4%A', 'POST', { kind: 'REVOKE_GRANT' })).status).toBe(404);
  });
});
