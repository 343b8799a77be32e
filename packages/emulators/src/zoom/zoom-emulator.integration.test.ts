// The Zoom emulator's wire: Basic-auth token endpoint with rotation, API errors, signed deauthorization.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZoomEmulator, type ZoomEmulator } from './emulator.js';

let zoom: ZoomEmulator;
const REDIRECT = 'http://127.0.0.1/cb';

beforeAll(async () => {
  zoom = await startZoomEmulator();
});
afterAll(async () => {
  await zoom.stop();
});

const basic = () => `Basic ${Buffer.from(`${zoom.clientId}:${zoom.clientSecret}`).toString('base64')}`;

async function tokens(email: string): Promise<Record<string, string>> {
  zoom.accounts.create({ email });
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL(zoom.endpoints.authorizeUrl);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: zoom.clientId,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    login_hint: email,
  }))
    authorize.searchParams.set(k, v);
  const consent = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const response = await fetch(zoom.endpoints.tokenUrl, {
    method: 'POST',
    headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, string>;
}

describe('Zoom emulator', () => {
  it('requires Basic client auth and rotates refresh tokens', async () => {
    const first = await tokens('rot@zoom.example');
    const noAuth = await fetch(zoom.endpoints.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' }),
    });
    expect(noAuth.status).toBe(400);
    expect(await noAuth.json()).toEqual({
      reason: 'Invalid client_id or client_secret',
      error: 'invalid_client',
    });
    const refresh = (token: string) =>
      fetch(zoom.endpoints.tokenUrl, {
        method: 'POST',
        headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token }),
      });
    const second = await refresh(first.refresh_token ?? '');
    expect(second.status).toBe(200);
    const again = await refresh(first.refresh_token ?? '');
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ reason: 'Invalid Token!', error: 'invalid_grant' });
  });

  it('answers API faults in Zoom wire format', async () => {
    const { access_token } = await tokens('api@zoom.example');
    const me = (await (
      await fetch(`${zoom.endpoints.apiBaseUrl}/users/me`, {
        headers: { authorization: `Bearer ${access_token}` },
      })
    ).json()) as { id: string };
    zoom.faults.inject(me.id, { kind: 'RATE_LIMIT', requests: 1, retryAfterSeconds: 2 });
    const limited = await fetch(`${zoom.endpoints.apiBaseUrl}/users/me`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-type')).toBe('QPS');
    expect(((await limited.json()) as { code: number }).code).toBe(429);
    const bad = await fetch(`${zoom.endpoints.apiBaseUrl}/users/me`, {
      headers: { authorization: 'Bearer x' },
    });
    expect(await bad.json()).toEqual({ code: 124, message: 'Invalid access token.' });
  });

  it('sends a signed app_deauthorized event', async () => {
    const account = zoom.accounts.create({ email: 'deauth@zoom.example' });
    let received: { headers: Record<string, unknown>; body: string } | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        received = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const delivery = await zoom.sendDeauthorization({
      userId: account.id,
      webhookUrl: `http://127.0.0.1:${port}/hook`,
      secretToken: 's3cret',
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(delivery.status).toBe(200);
    const timestamp = String(received?.headers['x-zm-request-timestamp']);
    const expected = `v0=${createHmac('sha256', 's3cret').update(`v0:${timestamp}:${received?.body}`).digest('hex')}`;
    expect(received?.headers['x-zm-signature']).toBe(expected);
    expect(JSON.parse(received?.body ?? '{}')).toMatchObject({
      event: 'app_deauthorized',
      payload: { user_id: account.id, account_id: account.accountId, client_id: zoom.clientId },
    });
    expect(zoom.faults.isRevoked(account.id)).toBe(true);
  });
});
