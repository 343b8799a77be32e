// GET /oauth/authorize?state=… — the `authorizationUrl` of connectAccount / startReconnect. The client that
// started the flow opens it with its bearer token; only the user who started the flow is accepted, once.
// It sets the flow's binding cookie (HttpOnly, SameSite=Lax, Path=/oauth/callback, as long as the flow lives)
// and sends the browser on to the provider: 303 for a navigation, or JSON `{ authorizationUrl }` for a
// client that asks for application/json and navigates itself. A link forwarded to someone else is useless:
// without the starter's token it binds nothing, and the callback refuses any browser not bound here.
import type { Request, Response } from 'express';
import { authenticate } from '../auth/authenticate.js';
import type { GatewayServices } from '../context.js';
import { databaseUnavailableError, isExpectedError } from '../errors.js';
import { bindingCookieName, bindingCookieOptions, newBrowserSecret } from './browser-binding.js';
import { answerFailure, prefersHtml } from './oauth-answer.js';

const MAX_STATE_LENGTH = 2048;

export async function handleOAuthAuthorize(
  services: GatewayServices,
  request: Request,
  response: Response,
): Promise<void> {
  const state = request.query.state;
  if (typeof state !== 'string' || state.length === 0 || state.length > MAX_STATE_LENGTH) {
    answerFailure(request, response, {
      code: 'BAD_USER_INPUT',
      message: 'The authorization URL needs its state',
      reason: 'MISSING_PARAMETERS',
    });
    return;
  }
  const registry = services.providers;
  if (registry.bindBrowser === undefined) {
    answerFailure(request, response, {
      code: 'PROVIDER_ERROR',
      message: 'No provider adapter is configured',
    });
    return;
  }
  try {
    let viewer: { organizationId: string; userId: string };
    try {
      ({ viewer } = await authenticate(
        services,
        request.headers.authorization,
        request.requestId,
        request.log,
      ));
    } catch (error) {
      // A token that could not be checked against the database is not a wrong token.
      if (databaseUnavailableError(error) !== null || !isExpectedError(error)) throw error;
      answerFailure(request, response, {
        code: 'UNAUTHENTICATED',
        message:
          'Open the authorization URL with the bearer token of the user who started it (Authorization: Bearer <token>)',
        reason: 'NOT_THE_STARTING_CLIENT',
      });
      return;
    }
    const browserSecret = newBrowserSecret();
    const bound = await registry.bindBrowser({
      organizationId: viewer.organizationId,
      userId: viewer.userId,
      state,
      browserSecret,
    });
    if (!bound.ok) {
      answerFailure(request, response, bound.error);
      return;
    }
    const { providerUrl, expiresAt, secure } = bound.value;
    response
      .set('cache-control', 'no-store')
      .set('referrer-policy', 'no-referrer')
      .cookie(bindingCookieName(state), browserSecret, bindingCookieOptions(expiresAt, secure));
    const wantsJson = !prefersHtml(request) && /application\/json/i.test(request.get('accept') ?? '');
    if (!wantsJson) {
      response.redirect(303, providerUrl);
      return;
    }
    response.json({ authorizationUrl: providerUrl, expiresAt: expiresAt.toISOString() });
  } catch (failure) {
    // Answered 503 by the gateway's database-unavailable handler.
    if (databaseUnavailableError(failure) !== null) throw failure;
    request.log.error({ err: failure }, 'OAuth authorization binding failed unexpectedly');
    answerFailure(request, response, { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
