// Where an OAuth flow may send a browser: the provider's redirect (RFC 6749 §3.1.2: an absolute URI without
// a fragment; §10.6: an open redirect URI lets an attacker collect the code) and the client's return URL.
// Only the gateway's own callback route and origins the operator listed are accepted (a return URL may also be
// a page of the gateway's own console).

/** The client origins an operator trusts (OAUTH_REDIRECT_ORIGINS, OAUTH_RETURN_ORIGINS). */
export interface OAuthClientOrigins {
  /** Client apps that receive the provider's redirect themselves and finish with `completeAuthorization`. */
  readonly redirectOrigins: readonly string[];
  /** Where the gateway's callback may send the browser back to, with the outcome. */
  readonly returnOrigins: readonly string[];
}

export const NO_CLIENT_ORIGINS: OAuthClientOrigins = Object.freeze({
  redirectOrigins: [],
  returnOrigins: [],
});

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** An http(s) URL without credentials or fragment, or null. */
function webUrl(value: string): URL | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.hash !== '') return null;
  return url;
}

/** `https://app.example` from `https://app.example/`, null for anything that is not a bare origin. */
export function parseOrigin(value: string): string | null {
  const url = webUrl(value.trim());
  if (url === null || url.search !== '' || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.origin;
}

/** The provider's redirect URI: exactly the gateway's callback route for the provider, or a listed origin. */
export function checkRedirectUri(
  requested: string,
  gatewayCallback: string,
  origins: OAuthClientOrigins,
): UrlCheck {
  const url = webUrl(requested);
  if (url !== null) {
    if (url.href === new URL(gatewayCallback).href) return { ok: true, url: url.href };
    if (url.origin !== new URL(gatewayCallback).origin && origins.redirectOrigins.includes(url.origin))
      return { ok: true, url: url.href };
  }
  return {
    ok: false,
    message: `redirectUri must be ${gatewayCallback} or an http(s) URL on an origin listed in OAUTH_REDIRECT_ORIGINS`,
  };
}

/**
 * The browser's return URL: an http(s) URL on an origin listed in OAUTH_RETURN_ORIGINS, or a page of the
 * gateway's own console (`ownConsole`, e.g. `http://127.0.0.1:4000/console/`; its other routes are refused).
 */
export function checkReturnUrl(
  requested: string,
  origins: OAuthClientOrigins,
  ownConsole: string | null = null,
): UrlCheck {
  const url = webUrl(requested);
  if (url !== null && origins.returnOrigins.includes(url.origin)) return { ok: true, url: url.href };
  if (url !== null && ownConsole !== null && url.href.startsWith(new URL(ownConsole).href))
    return { ok: true, url: url.href };
  return {
    ok: false,
    message: 'returnUrl must be an http(s) URL on an origin listed in OAUTH_RETURN_ORIGINS',
  };
}
