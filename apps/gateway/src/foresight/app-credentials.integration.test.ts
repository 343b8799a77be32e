// Reading the Entra app's credential expiry from Graph, against the Microsoft emulator on 127.0.0.1: the client
// credentials grant, then `GET /v1.0/applications(appId='…')` (https://learn.microsoft.com/en-us/graph/api/
// application-get); the gateway's own secret is told apart by its 3-character hint
// (https://learn.microsoft.com/en-us/graph/api/resources/passwordcredential). Without Application.Read.All, or
// with a refused secret, the read is a typed failure, never a throw.
import { type MicrosoftEmulator, startMicrosoftEmulator } from '@tsunagi/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialExpiry, readEntraCredentialExpiry } from './app-credentials.js';

const SECRET = 'Abc~emulated-client-secret-value';
const OURS = new Date('2027-02-01T00:00:00Z');
const OLDER = new Date('2026-12-20T00:00:00Z');
const CERTIFICATE = new Date('2027-06-01T00:00:00Z');
let permitted: MicrosoftEmulator;
let unpermitted: MicrosoftEmulator;

beforeAll(async () => {
  const application = {
    passwordCredentials: [
      { displayName: 'old', hint: 'Xyz', endDateTime: OLDER },
      { displayName: 'gateway', hint: 'Abc', endDateTime: OURS },
    ],
    keyCredentials: [{ displayName: 'cert', endDateTime: CERTIFICATE }],
  };
  [permitted, unpermitted] = await Promise.all([
    startMicrosoftEmulator({
      clientSecret: SECRET,
      application: { ...application, appPermissions: ['Application.Read.All'] },
    }),
    startMicrosoftEmulator({ clientSecret: SECRET, application }),
  ]);
});

afterAll(async () => {
  await Promise.all([permitted?.stop(), unpermitted?.stop()]);
});

const registration = (emulator: MicrosoftEmulator, clientSecret = SECRET) => ({
  tokenUrl: emulator.endpoints.tokenUrl,
  graphBaseUrl: emulator.endpoints.graphBaseUrl,
  clientId: emulator.clientId,
  clientSecret,
});

describe("the Entra app's credential expiry, read from Graph", () => {
  it('is the endDateTime of the secret the gateway uses (by its hint)', async () => {
    expect(await readEntraCredentialExpiry(registration(permitted))).toEqual({ ok: true, expiresAt: OURS });
  });

  it('is a typed failure without the permission, or with a refused secret', async () => {
    expect(await readEntraCredentialExpiry(registration(unpermitted))).toEqual({
      ok: false,
      error: 'NO_PERMISSION',
      status: 403,
    });
    expect(await readEntraCredentialExpiry(registration(permitted, 'wrong-secret'))).toMatchObject({
      ok: false,
      error: 'TOKEN_REFUSED',
    });
    expect(
      await readEntraCredentialExpiry({ ...registration(permitted), graphBaseUrl: 'http://127.0.0.1:9' }),
    ).toEqual({ ok: false, error: 'UNREACHABLE' });
  });

  it('without a matching hint (a certificate), the soonest expiry still ahead', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    const answer = {
      passwordCredentials: [{ hint: 'Xyz', endDateTime: OLDER.toISOString() }],
      keyCredentials: [{ endDateTime: CERTIFICATE.toISOString() }, { endDateTime: OURS.toISOString() }],
    };
    expect(credentialExpiry(answer, 'certificate-auth', now)).toEqual(OURS);
    expect(credentialExpiry({}, SECRET, now)).toBeNull();
  });
});
