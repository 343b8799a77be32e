// Provider construction: one connection's calendar or location adapter, opened around a token store that
// keeps its tokens sealed in the database (a refreshed token is saved before anything uses it).
import type { ConnectionCredentials, CredentialStore } from '@tsunagi/db';
import { type Clock, outcomeForCode, ProviderError } from '@tsunagi/errors';
import type {
  AdapterContext,
  CalendarProvider,
  LocationProvider,
  OAuthTokens,
  TokenStore,
} from '@tsunagi/providers';
import { toCredentials } from './oauth-flow.js';
import type { ProviderAccess } from './provider-access.js';
import { type CheckConnectionRequest, fail, type ProviderResult } from './registry.js';

/** Adapter clock and retry overrides (tests skip Retry-After waits). */
export interface AdapterOverrides {
  readonly clock?: Clock | undefined;
  readonly retry?: AdapterContext['retry'] | undefined;
}

function toTokens(credentials: ConnectionCredentials): OAuthTokens {
  return {
    accessToken: credentials.accessToken,
    refreshToken: credentials.refreshToken ?? undefined,
    expiresAt: credentials.expiresAt?.getTime() ?? undefined,
    scopes: credentials.scopes ?? [],
  };
}

/** One connection's tokens, sealed in `connection_credentials`; a refresh is saved before it is used. */
export function credentialTokenStore(
  credentials: CredentialStore,
  organizationId: string,
  connectionId: string,
): TokenStore {
  return {
    async load() {
      const stored = await credentials.load(organizationId, connectionId);
      if (stored === null) {
        throw new ProviderError({
          code: 'AUTH_REVOKED',
          ...outcomeForCode('AUTH_REVOKED'),
          provider: 'unknown',
          providerReason: 'no_credentials',
          message: 'No credentials are stored for this connection',
        });
      }
      return toTokens(stored);
    },
    async save(tokens) {
      if (!(await credentials.save(organizationId, connectionId, toCredentials(tokens)))) {
        throw new Error(`Connection ${connectionId} was unlinked while its tokens were refreshed`);
      }
    },
  };
}

/** The adapter of one OAuth connection, or PROVIDER_ERROR when its provider has none configured. */
export function openConnectionAdapter(
  access: ProviderAccess,
  overrides: AdapterOverrides,
  request: CheckConnectionRequest,
): ProviderResult<CalendarProvider | LocationProvider> {
  const adapter = access.adapter(request.provider);
  if (adapter === undefined) {
    return fail('PROVIDER_ERROR', `No provider adapter is configured for ${request.provider}`, {
      provider: request.provider,
    });
  }
  const context: AdapterContext = {
    tokens: credentialTokenStore(access.credentials, request.organizationId, request.connectionId),
    oauth: adapter.oauth,
    logger: access.logger,
    ...(overrides.clock === undefined ? {} : { clock: overrides.clock }),
    ...(overrides.retry === undefined ? {} : { retry: overrides.retry }),
  };
  return { ok: true, value: adapter.open(context) };
}
