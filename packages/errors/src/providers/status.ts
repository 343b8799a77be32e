import type { Provider } from '../vocabulary.js';
import { ErrorCode as C, type ErrorCode } from '../vocabulary.js';
import { interopStatusMatch } from './interop.js';
import type { Match } from './match.js';

const BY_STATUS: ReadonlyMap<number, ErrorCode> = new Map<number, ErrorCode>([
  [400, C.INVALID_REQUEST],
  [401, C.AUTH_EXPIRED],
  // Graph: "The payment requirements for the API have not been met" — an admin has to set up billing.
  [402, C.MISCONFIGURED],
  [403, C.PERMISSION_DENIED],
  [404, C.NOT_FOUND],
  [408, C.PROVIDER_UNAVAILABLE],
  [409, C.CONFLICT],
  // Without a reason a 410 is most often an expired sync / delta token; a full resync is the safe answer.
  [410, C.SYNC_TOKEN_INVALID],
  [412, C.PRECONDITION_FAILED],
  [423, C.CONFLICT],
  [425, C.PROVIDER_UNAVAILABLE],
  [429, C.RATE_LIMITED],
  [451, C.PERMISSION_DENIED],
  [501, C.INVALID_REQUEST],
  [507, C.QUOTA_EXCEEDED],
  [509, C.RATE_LIMITED],
]);

/** The HTTP status alone, with the provider's conventions for the token endpoints and Interop. */
export function statusMatch(provider: Provider | 'unknown', status: number): Match | undefined {
  if (provider === 'google-interop') {
    const interop = interopStatusMatch(status);
    if (interop) return interop;
  }
  if (provider === 'google-oauth' || provider === 'microsoft-identity') {
    // RFC 6749 §5.2: client authentication failures answer 401; an unreadable 400 proves no dead grant.
    if (status === 401) return { code: C.MISCONFIGURED };
    if (status === 400) return { code: C.INVALID_REQUEST };
  }
  const code = BY_STATUS.get(status);
  if (code !== undefined) return { code };
  if (status >= 500) return { code: C.PROVIDER_UNAVAILABLE };
  if (status >= 400) return { code: C.INVALID_REQUEST };
  return undefined;
}
