// Who is signed in: the bearer token (kept in this tab's sessionStorage) and the SDK client that sends it.
import { createTsunagiClient, type TsunagiClient } from '@tsunagi/sdk';

const TOKEN_KEY = 'tsunagi.console.token';

export const graphqlUrl = () => new URL('/graphql', location.href).href;

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

export function clientFor(token: string): TsunagiClient {
  return createTsunagiClient({ url: graphqlUrl(), token });
}

export interface DemoUser {
  readonly organization: string;
  readonly name: string;
  readonly email: string;
  readonly role: 'ADMIN' | 'MEMBER';
  readonly token: string;
}

/** The embedded gateway's demo people; an empty list anywhere else (the route exists only in embedded mode). */
export async function demoUsers(): Promise<DemoUser[]> {
  const response = await fetch(new URL('/console/demo-users', location.href), {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) return [];
  return ((await response.json()) as { users: DemoUser[] }).users;
}

/**
 * A reconnect as a real browser round trip: the gateway binds the flow to this browser (a cookie set on this
 * same-origin request, sent with the bearer token that started it; apps/gateway/README.md "OAuth connect and
 * reconnect"), then the browser goes to the provider's consent page and comes back to `returnUrl`.
 */
export async function openAuthorization(authorizationUrl: string, token: string): Promise<void> {
  const response = await fetch(authorizationUrl, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    credentials: 'same-origin',
  });
  const body = (await response.json()) as { authorizationUrl?: string; errors?: { message: string }[] };
  if (!response.ok || body.authorizationUrl === undefined)
    throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  location.assign(body.authorizationUrl);
}
