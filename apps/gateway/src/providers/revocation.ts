// Revoking grants at their provider when connections are unlinked (by unlinkConnection, or by a directory sync
// that removes their person). The grant is read before the unlink (which deletes the stored tokens) and revoked
// after it commits, best effort: the unlink stands whatever the provider answers, and the outcome is logged
// either way, without the token.
import type { ConnectionProvider } from '@tsunagi/db';
import { isProviderError } from '@tsunagi/errors';
import type { ProviderAccess } from './provider-access.js';
import type { RevocableGrant } from './registry.js';

export async function prepareRevocation(
  access: ProviderAccess,
  request: { organizationId: string; connectionId: string },
): Promise<(() => Promise<void>) | null> {
  const connection = await access.db.query.connections.findFirst({
    where: (t, { and, eq }) =>
      and(eq(t.organizationId, request.organizationId), eq(t.id, request.connectionId)),
    columns: { provider: true, status: true },
  });
  if (connection === undefined || connection.status === 'DISCONNECTED') return null;
  if (access.adapter(connection.provider) === undefined) return null;
  const credentials = await access.credentials.load(request.organizationId, request.connectionId);
  if (credentials === null) return null;
  return () => revokeGrant(access, request.connectionId, connection.provider, credentials);
}

/** Grants a committed sync unlinked, read inside its transaction: revoked one after another. */
export async function revokeGrants(access: ProviderAccess, grants: readonly RevocableGrant[]): Promise<void> {
  for (const grant of grants) {
    if (grant.credentials !== null)
      await revokeGrant(access, grant.connectionId, grant.provider, grant.credentials);
  }
}

/** One grant's revocation at its provider: best effort, logged, never throws. */
async function revokeGrant(
  access: ProviderAccess,
  connectionId: string,
  provider: ConnectionProvider,
  credentials: NonNullable<RevocableGrant['credentials']>,
): Promise<void> {
  const adapter = access.adapter(provider);
  if (adapter === undefined) return;
  const token = credentials.refreshToken ?? credentials.accessToken;
  const record = { connectionId, provider };
  try {
    await adapter.oauth.revoke(token);
    access.logger.info({ ...record, revoked: true }, 'provider grant revoked on unlink');
  } catch (error) {
    access.logger.warn(
      { ...record, revoked: false, code: isProviderError(error) ? error.classification.code : 'UNKNOWN' },
      'provider grant revocation on unlink failed',
    );
  }
}
