// Keeps a grant alive where use is what keeps it valid: refreshes the connection's token now, through its
// adapter's OAuth flow, and saves the result like any refresh (the credential store records the use).
// Google: a refresh token "has not been used for six months" stops working
// (https://developers.google.com/identity/protocols/oauth2#expiration); Microsoft: "Refresh tokens replace
// themselves with a fresh token upon every use", 90 days otherwise
// (https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-lifetime).
import { systemActor } from '@tsunagi/db';
import { isProviderError } from '@tsunagi/errors';
import { createAuthorizedSession } from '@tsunagi/providers';
import { type AdapterOverrides, credentialTokenStore } from '../providers/connection-adapter.js';
import type { ProviderAccess } from '../providers/provider-access.js';
import type { CheckConnectionRequest } from '../providers/registry.js';

/** Whether the grant was refreshed. A refused refresh that breaks the connection is recorded as its error. */
export async function refreshGrant(
  access: ProviderAccess,
  overrides: AdapterOverrides,
  request: CheckConnectionRequest,
): Promise<boolean> {
  const adapter = access.adapter(request.provider);
  if (adapter === undefined || request.provider === 'EXCHANGE') return false;
  const session = createAuthorizedSession({
    tokens: credentialTokenStore(access.credentials, request.organizationId, request.connectionId),
    oauth: adapter.oauth,
    logger: access.logger,
    ...(overrides.clock === undefined ? {} : { clock: overrides.clock }),
    ...(overrides.retry === undefined ? {} : { retry: overrides.retry }),
  });
  try {
    await session.refresh();
    return true;
  } catch (error) {
    if (isProviderError(error) && error.classification.connectionBroken) {
      await access.state.markConnectionError(
        systemActor(request.organizationId),
        request.connectionId,
        error.classification,
      );
    } else {
      access.logger.warn(
        { provider: request.provider, connectionId: request.connectionId },
        'keep-alive refresh failed',
      );
    }
    return false;
  }
}
