// The browser's part of an OAuth flow against the emulators. The client that started the flow opens its
// `authorizationUrl` (the gateway's binding endpoint) with its bearer token, keeps the binding cookie, follows
// the provider (the emulator consents at once for `login_hint`) back to the gateway's callback, and calls it
// with the cookie, like the browser that started it would.
import { expect } from 'vitest';

/** The bearer token of the client that received each authorizationUrl (the harness records it). */
const starters = new Map<string, string>();
/** Binding cookies by state: the starting browser's cookie jar. */
const jar = new Map<string, string>();

/** Records who started the flows whose authorizationUrls appear in a GraphQL response body. */
export function rememberStarter(body: unknown, bearer: string | null): void {
  if (bearer === null || body === null || typeof body !== 'object') return;
  for (const [key, value] of Object.entries(body)) {
    if (key === 'authorizationUrl' && typeof value === 'string') starters.set(value, bearer);
    else rememberStarter(value, bearer);
  }
}

export interface BindOptions {
  /** Open it with this token instead of the starter's (another member, or a stolen link). */
  readonly token?: string | null;
}

/** Opens the binding endpoint like the starting client: returns the provider URL; the cookie goes to the jar. */
export async function bind(authorizationUrl: string, options: BindOptions = {}): Promise<URL> {
  const token = options.token !== undefined ? options.token : (starters.get(authorizationUrl) ?? null);
  const response = await fetch(authorizationUrl, {
    redirect: 'manual',
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  expect(response.status, await response.clone().text()).toBe(303);
  const state = new URL(authorizationUrl).searchParams.get('state') ?? '';
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';');
    if (pair.startsWith('tsunagi_oauth_')) jar.set(state, pair);
  }
  return new URL(response.headers.get('location') ?? '');
}

/** Binds, then follows the provider like a browser; returns the gateway callback URL it redirected to. */
export async function authorize(
  authorizationUrl: string,
  asEmail?: string,
  options: BindOptions = {},
): Promise<URL> {
  const url = await bind(authorizationUrl, options);
  if (asEmail !== undefined) url.searchParams.set('login_hint', asEmail);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

export interface CallbackOptions {
  /** Call it from another browser: without the starting browser's cookie. */
  readonly otherBrowser?: boolean;
  readonly headers?: Record<string, string>;
}

/** Calls the gateway's callback from the starting browser (its binding cookie) unless told otherwise. */
export async function callback(
  url: URL,
  options: CallbackOptions = {},
): Promise<{ status: number; body: Record<string, unknown>; text: string; headers: Headers }> {
  const cookie = options.otherBrowser ? undefined : jar.get(url.searchParams.get('state') ?? '');
  const response = await fetch(url, {
    redirect: 'manual',
    headers: { ...(cookie === undefined ? {} : { cookie }), ...options.headers },
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('application/json') ?? false;
  return {
    status: response.status,
    body: json ? (JSON.parse(text) as Record<string, unknown>) : {},
    text,
    headers: response.headers,
  };
}

/** The whole round trip, which must succeed; the callback's JSON (`connectionId`, `provider`, `status`). */
export async function followConsent(authorizationUrl: string): Promise<Record<string, unknown>> {
  const done = await callback(await authorize(authorizationUrl));
  expect(done.status).toBe(200);
  return done.body;
}

/** Asserts a grant is dead at the Google emulator: its refresh token no longer works. */
export async function expectGoogleGrantRevoked(
  google: { endpoints: { tokenUrl: string }; client: { clientId: string; clientSecret: string } },
  refreshToken: string,
): Promise<void> {
  const refresh = await fetch(google.endpoints.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: google.client.clientId,
      client_secret: google.client.clientSecret,
    }).toString(),
  });
  expect(refresh.status).toBe(400);
}
