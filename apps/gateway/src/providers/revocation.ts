// Revoking a grant at its provider when a connection is unlinked. The grant is read before the unlink (which
// deletes the stored tokens) and revoked after it commits, best effort: the unlink stands whatever the
// provider answers, and the outcome is logged either way.
import { isProviderError } from '@tsunagi/errors';
import type { ProviderAccess } from './provider-access.js';

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
  const adapter = access.adapter(connection.provider);
  if (adapter === undefined) return null;
  const credentials = await access.credentials.load(request.organizationId, request.connectionId);
  if (credentials === null) return null;
  const token = credentials.refreshToken ?? credentials.accessToken;
  const record = { connectionId: request.connectionId, provider: connection.provider };
  return async () => {
    try {
      await adapter.oauth.revoke(token);
      access.logger.info({ ...record, revoked: true }, 'provider grant revoked on unlink');
    } catch (error) {
      access.logger.warn(
        {
          ...record,
          revoked: false,
          code: isProviderError(error) ? error.classification.code : 'UNKNOWN',
        },
        'provider grant revocation on unlink failed',
      );
    }
  };
}
