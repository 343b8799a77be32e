// GET /oauth/callback/:provider?code&state — where the provider sends the user back. No bearer token: the
// single-use state names the organization and user who started the authorization. Answers JSON, errors typed
// like GraphQL errors and never with a stack.
import type { Request, Response } from 'express';
import { type ErrorCode, HTTP_STATUS } from '../errors.js';
import type { ProviderRegistry } from './registry.js';

const MAX_PARAMETER_LENGTH = 2048;

function parameter(request: Request, name: string): string | null | undefined {
  const value = request.query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PARAMETER_LENGTH)
    return undefined;
  return value;
}

function answerError(
  response: Response,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  response
    .status(HTTP_STATUS[code])
    .set('cache-control', 'no-store')
    .json({ status: 'error', errors: [{ message, extensions: { code, ...extensions } }] });
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
    answerError(response, 'BAD_USER_INPUT', 'The callback needs a state and a code', { field: 'state' });
    return;
  }
  if (registry.completeCallback === undefined) {
    answerError(response, 'PROVIDER_ERROR', 'No provider adapter is configured');
    return;
  }
  const provider = String(request.params.provider);
  try {
    const result = await registry.completeCallback({ provider, state, code, error });
    if (!result.ok) {
      const { code: errorCode, message, provider: failed, reason } = result.error;
      answerError(response, errorCode, message, {
        ...(failed === undefined ? {} : { provider: failed }),
        ...(reason === undefined ? {} : { reason }),
      });
      return;
    }
    response.set('cache-control', 'no-store').json({
      status: 'connected',
      provider: result.value.provider,
      connectionId: result.value.connectionId,
    });
  } catch (failure) {
    request.log.error({ err: failure, provider }, 'OAuth callback failed unexpectedly');
    answerError(response, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }
}
