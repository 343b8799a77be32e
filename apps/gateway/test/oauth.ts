// The browser's part of an OAuth flow against the emulators: follow the authorization URL (the emulator
// consents at once for `login_hint`) to the gateway's callback, and call it.
import { expect } from 'vitest';

/** Follows the authorization URL like a browser; returns the gateway callback URL the provider redirected to. */
export async function authorize(authorizationUrl: string, asEmail?: string): Promise<URL> {
  const url = new URL(authorizationUrl);
  if (asEmail !== undefined) url.searchParams.set('login_hint', asEmail);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

export async function callback(url: URL): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The whole round trip, which must succeed; the callback's JSON (`connectionId`, `provider`, `status`). */
export async function followConsent(authorizationUrl: string): Promise<Record<string, unknown>> {
  const done = await callback(await authorize(authorizationUrl));
  expect(done.status).toBe(200);
  return done.body;
}
