import { ErrorCode as C, SubReason as S } from '../vocabulary.js';
import { type Rule, rules } from './match.js';

/**
 * RFC 6749 §5.2 / OIDC error values and the provider-specific ones seen at token endpoints.
 * Only `invalid_grant` (and its relatives) means the grant is dead; a bad client is a configuration
 * problem and must never send users through consent again.
 */
export const OAUTH_ERRORS = rules({
  invalid_grant: [C.AUTH_REVOKED],
  expired_token: [C.AUTH_REVOKED],
  invalid_client: [C.MISCONFIGURED],
  unauthorized_client: [C.MISCONFIGURED],
  invalid_scope: [C.MISCONFIGURED],
  invalid_tenant: [C.MISCONFIGURED, S.MS_TENANT_NOT_FOUND],
  invalid_resource: [C.MISCONFIGURED],
  redirect_uri_mismatch: [C.MISCONFIGURED],
  org_internal: [C.MISCONFIGURED],
  deleted_client: [C.MISCONFIGURED],
  admin_policy_enforced: [C.PERMISSION_DENIED, S.GOOGLE_ADMIN_POLICY_ENFORCED],
  invalid_request: [C.INVALID_REQUEST],
  unsupported_grant_type: [C.INVALID_REQUEST],
  unsupported_response_type: [C.INVALID_REQUEST],
  disallowed_useragent: [C.INVALID_REQUEST],
  access_denied: [C.INTERACTION_REQUIRED],
  interaction_required: [C.INTERACTION_REQUIRED],
  login_required: [C.INTERACTION_REQUIRED],
  consent_required: [C.INTERACTION_REQUIRED, S.MS_CONSENT_REQUIRED],
  account_selection_required: [C.INTERACTION_REQUIRED],
  insufficient_claims: [C.INTERACTION_REQUIRED],
  invalid_token: [C.AUTH_EXPIRED],
  insufficient_scope: [C.INSUFFICIENT_SCOPE],
  temporarily_unavailable: [C.PROVIDER_UNAVAILABLE],
  server_error: [C.PROVIDER_UNAVAILABLE],
  rate_limit_exceeded: [C.RATE_LIMITED],
  slow_down: [C.RATE_LIMITED],
});

export function oauthRule(error: string): Rule | undefined {
  return OAUTH_ERRORS.get(error) ?? OAUTH_ERRORS.get(error.toLowerCase());
}
