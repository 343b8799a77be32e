// The Google emulator over real HTTP: control API, OAuth validation and the wire shapes of its errors.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES, type GoogleEmulator, startGoogleEmulator } from './emulator.js';

let emulator: GoogleEmulator;

beforeAll(async () => {
  emulator = await startGoogleEmulator({ port: 0, accessTokenTtlSeconds: 120 });
});

afterAll(async () => {
  await emulator.stop();
});

const REDIRECT = 'http://127.0.0.1:9/callback';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params: Record<string, string>): string {
  const url = new URL(emulator.endpoints.authorizeUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

async function postJson(path: string, body: unknown, method = 'POST') {
  return fetch(`${emulator.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function token(form: Record<string, string>) {
  const response = await fetch(emulator.endpoints.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Authorize + exchange by hand, as a browser and a backend would. */
async function grant(email: string, scope = `openid email ${GOOGLE_SCOPES.events}`) {
  const { verifier, challenge } = pkce();
  const response = await fetch(
    authorizeUrl({
      client_id: emulator.client.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope,
      state: 's1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      access_type: 'offline',
      login_hint: email,
    }),
    { redirect: 'manual' },
  );
  expect(response.status).toBe(302);
  const code = new URL(response.headers.get('location')!).searchParams.get('code')!;
  const exchanged = await token({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT,
    client_id: emulator.client.clientId,
    client_secret: emulator.client.clientSecret,
  });
  expect(exchanged.status).toBe(200);
  return exchanged.body as { access_token: string; refresh_token: string; expires_in: number; scope: string };
}

const email = () => `u-${randomBytes(4).toString('hex')}@example.com`;

describe('control API', () => {
  it('creates accounts and rejects missing or duplicate emails', async () => {
    const address = email();
    const created = await postJson('/_control/accounts', { email: address });
    expect(created.status).toBe(201);
    const account = (await created.json()) as { id: string; email: string };
    expect(account).toEqual({ id: expect.stringMatching(/^\d{21}$/), email: address });
    expect(emulator.accounts.get(account.id)).toEqual(account);
    expect((await postJson('/_control/accounts', { email: address })).status).toBe(409);
    expect((await postJson('/_control/accounts', {})).status).toBe(400);
  });

  it('validates faults with parseFault: a bad fault is a 400 with the message', async () => {
    const account = emulator.accounts.create({ email: email() });
    const bad = await postJson(`/_control/accounts/${account.id}/faults`, {
      kind: 'RATE_LIMIT',
      requests: 'x',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'RATE_LIMIT needs integer requests and retryAfterSeconds' });
    const unknown = await postJson(`/_control/accounts/${account.id}/faults`, { kind: 'NOPE' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/^kind must be one of/);
    expect((await postJson('/_control/accounts/123/faults', { kind: 'REVOKE_GRANT' })).status).toBe(404);
  });

  it('injects and clears faults', async () => {
    const account = emulator.accounts.create({ email: email() });
    const ok = await postJson(`/_control/accounts/${account.id}/faults`, { kind: 'REVOKE_GRANT' });
    expect(ok.status).toBe(204);
    expect(emulator.faults.isRevoked(account.id)).toBe(true);
    const cleared = await postJson(`/_control/accounts/${account.id}/faults`, undefined, 'DELETE');
    expect(cleared.status).toBe(204);
    expect(emulator.faults.isRevoked(account.id)).toBe(false);
  });
});

describe('OAuth endpoints', () => {
  it('shows an error page for an unknown client and requires PKCE S256', async () => {
    const { challenge } = pkce();
    const base = {
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid',
      login_hint: 'x@example.com',
    };
    const unknown = await fetch(authorizeUrl({ ...base, client_id: 'nope', code_challenge: challenge }), {
      redirect: 'manual',
    });
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain('invalid_client');
    const plain = await fetch(
      authorizeUrl({
        ...base,
        client_id: emulator.client.clientId,
        code_challenge: challenge,
        code_challenge_method: 'plain',
      }),
      { redirect: 'manual' },
    );
    expect(plain.status).toBe(400);
  });

  it('redirects with access_denied for an unknown account and keeps the state', async () => {
    const response = await fetch(
      authorizeUrl({
        client_id: emulator.client.clientId,
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: 'openid',
        state: 'xyz',
        code_challenge: pkce().challenge,
        code_challenge_method: 'S256',
        login_hint: 'nobody@example.com',
      }),
      { redirect: 'manual' },
    );
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('xyz');
  });

  it('issues tokens with expires_in, refreshes, and answers Google error bodies', async () => {
    const account = emulator.accounts.create({ email: email() });
    const tokens = await grant(account.email);
    expect(tokens.expires_in).toBe(120);
    expect(tokens.scope.split(' ')).toContain(GOOGLE_SCOPES.events);

    const client = { client_id: emulator.client.clientId, client_secret: emulator.client.clientSecret };
    const refreshed = await token({
      ...client,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();

    expect(await token({ ...client, grant_type: 'refresh_token', refresh_token: 'nope' })).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    });
    expect(
      await token({ ...client, client_secret: 'bad', grant_type: 'refresh_token', refresh_token: 'x' }),
    ).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } });
    expect((await token({ ...client, grant_type: 'authorization_code' })).body).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter: code',
    });

    const userinfo = await fetch(emulator.endpoints.userinfoUrl, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await userinfo.json()).toEqual({ sub: account.id, email: account.email, email_verified: true });

    const revoked = await fetch(`${emulator.endpoints.revokeUrl}?token=${tokens.refresh_token}`, {
      method: 'POST',
    });
    expect(revoked.status).toBe(200);
    expect(
      (await token({ ...client, grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body,
    ).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
  });
});

describe('Calendar API wire shapes', () => {
  it('answers 401 authError exactly as documented', async () => {
    const response = await fetch(`${emulator.endpoints.apiRoot}calendar/v3/users/me/calendarList`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      errors: [
        {
          domain: 'global',
          reason: 'authError',
          message: 'Invalid Credentials',
          locationType: 'header',
          location: 'Authorization',
        },
      ],
      code: 401,
      message: 'Invalid Credentials',
    });
  });

  it('answers faults with Google shapes: 429 + Retry-After, 500 backendError, HTML 502, dropped scope, reset', async () => {
    const account = emulator.accounts.create({ email: email() });
    const { access_token } = await grant(account.email);
    const list = () =>
      fetch(`${emulator.endpoints.apiRoot}calendar/v3/calendars/primary/events`, {
        headers: { authorization: `Bearer ${access_token}` },
      });

    emulator.faults.inject(account.id, { kind: 'RATE_LIMIT', requests: 1, retryAfterSeconds: 7 });
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({
      error: {
        errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }],
        code: 429,
        message: 'Rate Limit Exceeded',
      },
    });

    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 1, status: 500 });
    expect(await (await list()).json()).toEqual({
      error: {
        errors: [{ domain: 'global', reason: 'backendError', message: 'Backend Error' }],
        code: 500,
        message: 'Backend Error',
      },
    });

    emulator.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 1, status: 502 });
    const html = await list();
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);

    emulator.faults.inject(account.id, { kind: 'RESET_CONNECTION', requests: 1 });
    await expect(list()).rejects.toThrow();

    expect((await list()).status).toBe(200);

    emulator.faults.inject(account.id, { kind: 'DROP_SCOPE', scope: GOOGLE_SCOPES.events });
    const scoped = await list();
    expect(scoped.status).toBe(403);
    const body = (await scoped.json()) as { error: { status: string; details: { reason: string }[] } };
    expect(body.error.status).toBe('PERMISSION_DENIED');
    expect(body.error.details[0]?.reason).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  });

  it('answers 410 fullSyncRequired for a dead sync token', async () => {
    const account = emulator.accounts.create({ email: email() });
    const { access_token } = await grant(account.email);
    const response = await fetch(
      `${emulator.endpoints.apiRoot}calendar/v3/calendars/primary/events?syncToken=CPdead`,
      {
        headers: { authorization: `Bearer ${access_token}` },
      },
    );
    expect(response.status).toBe(410);
    expect(await response.json()).toEqual({
      error: {
        errors: [
          {
            domain: 'calendar',
            reason: 'fullSyncRequired',
            message: 'Sync token is no longer valid, a full sync is required.',
            locationType: 'parameter',
            location: 'syncToken',
          },
        ],
        code: 410,
        message: 'Sync token is no longer valid, a full sync is required.',
      },
    });
  });
});
