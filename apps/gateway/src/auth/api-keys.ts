// API keys as bearer credentials: looked up by their hash, refused once revoked, their last use recorded at
// most once a minute (see @tsunagi/db api-keys.ts for why a plain SHA-256).
import { type Executor, findApiKey, touchApiKey } from '@tsunagi/db';
import { TokenError, type VerifiedToken } from './token.js';

export async function verifyApiKey(db: Executor, secret: string): Promise<VerifiedToken> {
  const key = await findApiKey(db, secret);
  if (key === null) throw new TokenError('INVALID', 'The API key is not valid or has been revoked');
  await touchApiKey(db, key);
  return {
    viewer: {
      // A SERVICE key names no user: its id stands in, as a service name does in a SERVICE token.
      userId: key.userId ?? key.id,
      organizationId: key.organizationId,
      role: key.role,
      apiKeyId: key.id,
    },
    expiresAt: null,
  };
}
