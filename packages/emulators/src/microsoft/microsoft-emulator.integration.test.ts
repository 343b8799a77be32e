import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MicrosoftEmulator, startMicrosoftEmulator } from './index.js';

let emulator: MicrosoftEmulator;
const REDIRECT_URI = 'http://127.0.0.1/cb';

beforeAll(async () => {
  emulator = await startMicrosoftEmulator({ port: 0 });
});

afterAll(async () => {
  await emulator.stop();
});

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function signIn(
  email: string,
): Promise<{ access_token: string; refresh_token: string; id_token: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(emulator.endpoints.authorizeUrl);
  authorize.search = new URLSearchParams({
    client_id: emulator.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid email offline_access User.Read Calendars.ReadWrite',
    state: 's',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    login_hint: email,
  }).toString();
  const redirect = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const token = await fetch(emulator.endpoints.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: emulator.clientId,
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    }),
  });
  expect(token.status).toBe(200);
  return (await token.json()) as { access_token: string; refresh_token: string; id_token: string };
}

describe('Microsoft emulator', () => {
  it('exposes its endpoints', () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.endpoints).toEqual({
      graphBaseUrl: emulator.url,
      authority: `${emulator.url}/common`,
      authorizeUrl: `${emulator.url}/common/oauth2/v2.0/authorize`,
      tokenUrl: `${emulator.url}/common/oauth2/v2.0/token`,
    });
  });

  it('control API: creates accounts, validates and clears faults', async () => {
    const created = await post('/_control/accounts', { email: 'control@contoso.example' });
    expect(created.status).toBe(201);
    const account = (await created.json()) as { id: string; email: string };
    expect(account.email).toBe('control@contoso.example');

    expect((await post('/_control/accounts', {})).status).toBe(400);
    const bad = await post(`/_control/accounts/${account.id}/faults`, { kind: 'EXPLODE' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('kind must be one of');
    expect(
      (await post(`/_control/accounts/${account.id}/faults`, { kind: 'RATE_LIMIT', requests: 1 })).status,
    ).toBe(400);
    expect((await post('/_control/accounts/nobody/faults', { kind: 'REVOKE_GRANT' })).status).toBe(404);

    const { access_token } = await signIn(account.email);
    const headers = { authorization: `Bearer ${access_token}` };
    const ok = await post(`/_control/accounts/${account.id}/faults`, {
      kind: 'RATE_LIMIT',
      requests: 5,
      retryAfterSeconds: 9,
    });
    expect(ok.status).toBe(204);
    const limited = await fetch(`${emulator.url}/v1.0/me`, { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('9');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');

    const cleared = await fetch(`${emulator.url}/_control/accounts/${account.id}/faults`, {
      method: 'DELETE',
    });
    expect(cleared.status).toBe(204);
    expect((await fetch(`${emulator.url}/v1.0/me`, { headers })).status).toBe(200);
  });

  it('speaks the identity platform: id_token claims, rotation and real error bodies', async () => {
    const account = emulator.accounts.create({ email: 'idp@contoso.example' });
    const tokens = await signIn(account.email);
    const claims = JSON.parse(
      Buffer.from(tokens.id_token.split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({
      oid: account.id,
      preferred_username: account.email,
      aud: emulator.clientId,
    });

    const refresh = (refreshToken: string) =>
      fetch(emulator.endpoints.tokenUrl, {
        method: 'POST',
        body: new URLSearchParams({
          client_id: emulator.clientId,
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
        }),
      });
    const rotated = (await (await refresh(tokens.refresh_token)).json()) as { refresh_token: string };
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);

    emulator.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    const revoked = await refresh(rotated.refresh_token);
    expect(revoked.status).toBe(400);
    const body = (await revoked.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
    expect(body.error_description).toMatch(/^AADSTS50173: /);
    expect(body).toHaveProperty('trace_id');
    expect(body).toHaveProperty('correlation_id');
  });

  it('rejects unknown clients, bad redirect URIs and missing PKCE at /authorize', async () => {
    const url = (params: Record<string, string>) => {
      const u = new URL(emulator.endpoints.authorizeUrl);
      u.search = new URLSearchParams({
        client_id: emulator.clientId,
        response_type: 'code',
        redirect_uri: REDIRECT_URI,
        state: 'x',
        login_hint: 'idp@contoso.example',
        ...params,
      }).toString();
      return u;
    };
    const unknown = await fetch(url({ client_id: 'nope' }), { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('AADSTS700016');
    const badRedirect = await fetch(url({ redirect_uri: 'not a uri' }), { redirect: 'manual' });
    expect(badRedirect.status).toBe(400);
    const noPkce = await fetch(url({}), { redirect: 'manual' });
    expect(noPkce.status).toBe(302);
    const location = new URL(noPkce.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('x');
  });

  it('answers SERVER_ERROR_BURST with HTML gateway pages and RESET_CONNECTION by dropping the socket', async () => {
    const account = emulator.accounts.create({ email: 'burst@contoso.example' });
    const { access_token } = await signIn(account.email);
    const headers = { authorization: `Bearer ${access_token}` };
    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 1, status: 502 });
    const page = await fetch(`${emulator.url}/v1.0/me/calendar`, { headers });
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toContain('text/html');
    emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 1 });
    await expect(fetch(`${emulator.url}/v1.0/me/calendar`, { headers })).rejects.toThrow();
    expect((await fetch(`${emulator.url}/v1.0/me/calendar`, { headers })).status).toBe(200);
  });
});
