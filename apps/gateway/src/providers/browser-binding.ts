// The cookie that binds an OAuth flow to the browser that started it. Set by GET /oauth/authorize (opened by
// the starting client with its bearer token), sent back only to the callback route, checked there.
// SameSite=Lax, not Strict: the callback is a top-level navigation from the provider's site, which Lax
// cookies accompany and Strict ones do not (RFC 6265bis §5.6.7.1, https://developer.mozilla.org/docs/Web/HTTP/Headers/Set-Cookie#samesitesamesite-value).
import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions } from 'express';

export const BINDING_COOKIE_PATH = '/oauth/callback';

/** One cookie per flow, so two flows started in one browser (two tabs) do not overwrite each other. */
export function bindingCookieName(state: string): string {
  return `tsunagi_oauth_${createHash('sha256').update(state, 'utf8').digest('hex').slice(0, 24)}`;
}

export function newBrowserSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function bindingCookieOptions(expiresAt: Date, secure: boolean, now = Date.now()): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: BINDING_COOKIE_PATH,
    maxAge: Math.max(0, expiresAt.getTime() - now),
  };
}

/** One cookie's value from a Cookie header (RFC 6265 §5.4: `name=value` pairs separated by `; `). Our
 * values are base64url, so no quoting or percent-decoding applies. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name)
      return pair.slice(separator + 1).trim() || null;
  }
  return null;
}
