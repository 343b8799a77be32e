// GET /reconnect/<token> — the one-click link in a connection-failure message. It binds the browser that
// opened it to a new reconnect flow for the link's connection (the same cookie GET /oauth/authorize sets) and
// sends it on to the provider; the usual callback then reconnects that same connection. A refused link gets
// a localized page (or JSON) with a 4xx and changes nothing.
import type { Request, Response } from 'express';
import { databaseUnavailableError } from '../errors.js';
import { bindingCookieName, bindingCookieOptions, newBrowserSecret } from '../providers/browser-binding.js';
import { answerFailure } from '../providers/oauth-answer.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { ReconnectLinks } from './links.js';

export async function handleReconnectLink(
  links: ReconnectLinks,
  registry: ProviderRegistry,
  request: Request,
  response: Response,
): Promise<void> {
  try {
    const opened = await links.open(String(request.params.token), registry, newBrowserSecret());
    if (!opened.ok) {
      answerFailure(request, response, opened.error);
      return;
    }
    const { providerUrl, state, browserSecret, expiresAt, secure } = opened.value;
    response
      .set('cache-control', 'no-store')
      .set('referrer-policy', 'no-referrer')
      .cookie(bindingCookieName(state), browserSecret, bindingCookieOptions(expiresAt, secure))
      .redirect(303, providerUrl);
  } catch (failure) {
    // Answered 503 (the try-again page) by the gateway's database-unavailable handler.
    if (databaseUnavailableError(failure) !== null) throw failure;
    request.log.error({ err: failure }, 'opening a reconnect link failed unexpectedly');
    answerFailure(request, response, { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
