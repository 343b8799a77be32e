// GET /oauth/callback/:provider?code&state — where the provider sends the user back. No bearer token: the
// flow's state names who started it, and the browser must carry the binding cookie that GET /oauth/authorize
// set for that state (anyone else's browser changes nothing and is told why). Answers JSON to API clients,
// a localized page or a redirect to the client's return URL to browsers; never a stack or a token.
import type { Request, Response } from 'express';
import { databaseUnavailableError } from '../errors.js';
import { BINDING_COOKIE_PATH, bindingCookieName, readCookie } from './browser-binding.js';
import { answerConnected, answerFailure } from './oauth-answer.js';
import type { ProviderRegistry } from './registry.js';

const MAX_PARAMETER_LENGTH = 2048;

/** Refusals after which the flow is still pending, so the browser's cookie (if any) is kept. */
const STILL_PENDING = new Set(['PROVIDER_MISMATCH', 'OTHER_BROWSER', 'STATE_NOT_FOUND']);

function parameter(request: Request, name: string): string | null | undefined {
  const value = request.query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PARAMETER_LENGTH)
    return undefined;
  return value;
}

export async function handleOAuthCallback(
  registry: ProviderRegistry,
  request: Request,
  response: Response,
): Promise<void> {
  const state = parameter(request, 'state');
  const code = parameter(request, 'code');
  const error = parameter(request, 'error');
  if (state === null || state === undefined || code === undefined || error === undefined) {
    answerFailure(request, response, {
      code: 'BAD_USER_INPUT',
      message: 'The callback needs a state and a code',
      reason: 'MISSING_PARAMETERS',
    });
    return;
  }
  if (registry.completeCallback === undefined) {
    answerFailure(request, response, {
      code: 'PROVIDER_ERROR',
      message: 'No provider adapter is configured',
    });
    return;
  }
  const provider = String(request.params.provider);
  const cookie = bindingCookieName(state);
  try {
    const { result, returnUrl } = await registry.completeCallback({
      provider,
      state,
      code,
      error,
      browserSecret: readCookie(request.headers.cookie, cookie),
    });
    if (result.ok || !STILL_PENDING.has(result.error.reason ?? '')) {
      response.clearCookie(cookie, { path: BINDING_COOKIE_PATH, httpOnly: true, sameSite: 'lax' });
    }
    if (result.ok) answerConnected(request, response, result.value, returnUrl);
    else answerFailure(request, response, result.error, returnUrl);
  } catch (failure) {
    // Nothing was completed: answered 503 (the try-again page) by the database-unavailable handler.
    if (databaseUnavailableError(failure) !== null) throw failure;
    request.log.error({ err: failure, provider }, 'OAuth callback failed unexpectedly');
    answerFailure(request, response, { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
