/**
 * The one vocabulary every provider failure is expressed in.
 *
 * `ErrorCode` says what happened, `Action` says what to do about it. The action is never chosen
 * by a classifier: it is derived from the code through `DEFAULT_ACTION`, so the mapping lives in
 * one place and the compiler refuses a new code that the table forgets.
 */

export const ErrorCode = {
  /** Short-window throttling (per second / per minute). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Long-window usage limits (per day, calendar usage limits). Back off for a long time. */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  /** 5xx, gateway pages, transient server states. */
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  /** Connection refused/reset, timeouts, temporary DNS failures. */
  NETWORK_UNREACHABLE: 'NETWORK_UNREACHABLE',
  /** The access token expired or is missing: refresh it and retry once. */
  AUTH_EXPIRED: 'AUTH_EXPIRED',
  /** The grant (refresh token) is dead: the user must connect again. */
  AUTH_REVOKED: 'AUTH_REVOKED',
  /** MFA, consent or a forced sign-in is needed. */
  INTERACTION_REQUIRED: 'INTERACTION_REQUIRED',
  /** The token lacks a scope the call needs. */
  INSUFFICIENT_SCOPE: 'INSUFFICIENT_SCOPE',
  /** The account or app is not allowed to do this (tenant policy, sharing, roles). */
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  /** Client secret, enabled API, application id, Interop settings… are wrong. */
  MISCONFIGURED: 'MISCONFIGURED',
  /**
   * The mailbox / user / calendar account does not exist, is disabled or unlicensed: only an administrator
   * (licence, mailbox, directory) can fix it, reconnecting the same account cannot.
   */
  ACCOUNT_UNAVAILABLE: 'ACCOUNT_UNAVAILABLE',
  /** An admin-entered endpoint uses http:// instead of https://. */
  INSECURE_ENDPOINT: 'INSECURE_ENDPOINT',
  /** The server certificate is expired, untrusted or does not match the host. */
  TLS_ERROR: 'TLS_ERROR',
  /** An admin-entered host name does not resolve. */
  DNS_NOT_FOUND: 'DNS_NOT_FOUND',
  /** The request itself is wrong: do not retry it unchanged. */
  INVALID_REQUEST: 'INVALID_REQUEST',
  /** The item is not there (deleted, or never existed): waiting does not bring it back. */
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_DELETED: 'ALREADY_DELETED',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  /** A concurrent operation conflicted (e.g. a batch item); retry what remains. */
  CONFLICT: 'CONFLICT',
  /** The ETag / change key no longer matches. */
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  /** The sync / delta token expired: wipe the cache and resync. */
  SYNC_TOKEN_INVALID: 'SYNC_TOKEN_INVALID',
  /** Shared event properties can only be changed on the organizer's copy. */
  ORGANIZER_ONLY: 'ORGANIZER_ONLY',
  /** No usable signal at all. */
  UNKNOWN: 'UNKNOWN',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
export const ERROR_CODES: readonly ErrorCode[] = Object.freeze(Object.values(ErrorCode));

export const Action = {
  /** Transient: retry with exponential backoff, honouring `retryAfterSeconds`. */
  RETRY_WITH_BACKOFF: 'RETRY_WITH_BACKOFF',
  /** Refresh the access token with the refresh token, then retry once. */
  REFRESH_TOKEN: 'REFRESH_TOKEN',
  /** The user must reconnect the account. */
  REAUTHORIZE: 'REAUTHORIZE',
  /** An admin must change settings (secret, API, URL, certificate, tenant policy, sharing). */
  FIX_CONFIGURATION: 'FIX_CONFIGURATION',
  /** Wipe the local cache and do a full sync. */
  FULL_RESYNC: 'FULL_RESYNC',
  /** Fetch the current version and apply the change again. */
  REFETCH_AND_REAPPLY: 'REFETCH_AND_REAPPLY',
  /** The request is wrong: fix the code or the input. */
  FIX_REQUEST: 'FIX_REQUEST',
  /** Use patch semantics and touch shared properties only on the organizer's copy. */
  USE_PATCH: 'USE_PATCH',
  /** Generate a new identifier (or update the existing resource). */
  NEW_IDENTIFIER: 'NEW_IDENTIFIER',
  /** Nothing to do. */
  NONE: 'NONE',
} as const;
export type Action = (typeof Action)[keyof typeof Action];
export const ACTIONS: readonly Action[] = Object.freeze(Object.values(Action));

/**
 * The default (and only) action of each code.
 *
 * Judgment calls: NOT_FOUND does nothing — an event or meeting that was deleted does not come back with
 * backoff, and the caller decides (recreate, forget); CONFLICT backs off (Google: retry the remaining batch
 * items); ACCOUNT_UNAVAILABLE is an administrator's fix (licence the mailbox, enable it for REST, add the user to
 * the tenant), so it never tells the member to reconnect; UNKNOWN does nothing — unknown 5xx responses are
 * already PROVIDER_UNAVAILABLE, so UNKNOWN only means "no signal at all".
 */
export const DEFAULT_ACTION: Readonly<Record<ErrorCode, Action>> = Object.freeze({
  RATE_LIMITED: Action.RETRY_WITH_BACKOFF,
  QUOTA_EXCEEDED: Action.RETRY_WITH_BACKOFF,
  PROVIDER_UNAVAILABLE: Action.RETRY_WITH_BACKOFF,
  NETWORK_UNREACHABLE: Action.RETRY_WITH_BACKOFF,
  AUTH_EXPIRED: Action.REFRESH_TOKEN,
  AUTH_REVOKED: Action.REAUTHORIZE,
  INTERACTION_REQUIRED: Action.REAUTHORIZE,
  INSUFFICIENT_SCOPE: Action.REAUTHORIZE,
  ACCOUNT_UNAVAILABLE: Action.FIX_CONFIGURATION,
  PERMISSION_DENIED: Action.FIX_CONFIGURATION,
  MISCONFIGURED: Action.FIX_CONFIGURATION,
  INSECURE_ENDPOINT: Action.FIX_CONFIGURATION,
  TLS_ERROR: Action.FIX_CONFIGURATION,
  DNS_NOT_FOUND: Action.FIX_CONFIGURATION,
  INVALID_REQUEST: Action.FIX_REQUEST,
  NOT_FOUND: Action.NONE,
  ALREADY_DELETED: Action.NONE,
  ALREADY_EXISTS: Action.NEW_IDENTIFIER,
  CONFLICT: Action.RETRY_WITH_BACKOFF,
  PRECONDITION_FAILED: Action.REFETCH_AND_REAPPLY,
  SYNC_TOKEN_INVALID: Action.FULL_RESYNC,
  ORGANIZER_ONLY: Action.USE_PATCH,
  UNKNOWN: Action.NONE,
});

export interface ActionTraits {
  /** Retrying the same call can succeed (possibly after a token refresh). */
  readonly retryable: boolean;
  /** A person must act before the connection works again. */
  readonly connectionBroken: boolean;
}

/** The two laws live here: retryable ⇔ RETRY_WITH_BACKOFF | REFRESH_TOKEN, broken ⇔ REAUTHORIZE | FIX_CONFIGURATION. */
export const ACTION_TRAITS: Readonly<Record<Action, ActionTraits>> = Object.freeze({
  RETRY_WITH_BACKOFF: { retryable: true, connectionBroken: false },
  REFRESH_TOKEN: { retryable: true, connectionBroken: false },
  REAUTHORIZE: { retryable: false, connectionBroken: true },
  FIX_CONFIGURATION: { retryable: false, connectionBroken: true },
  FULL_RESYNC: { retryable: false, connectionBroken: false },
  REFETCH_AND_REAPPLY: { retryable: false, connectionBroken: false },
  FIX_REQUEST: { retryable: false, connectionBroken: false },
  USE_PATCH: { retryable: false, connectionBroken: false },
  NEW_IDENTIFIER: { retryable: false, connectionBroken: false },
  NONE: { retryable: false, connectionBroken: false },
});

export interface CodeOutcome extends ActionTraits {
  readonly action: Action;
}

/** Action, retryability and brokenness of a code, derived from the two tables above. */
export function outcomeForCode(code: ErrorCode): CodeOutcome {
  const action = DEFAULT_ACTION[code] ?? Action.NONE;
  const traits = ACTION_TRAITS[action];
  return { action, retryable: traits.retryable, connectionBroken: traits.connectionBroken };
}

/**
 * Finer reasons that remediation text can be specific about. Stable identifiers, not provider strings.
 */
export const SubReason = {
  // Google Calendar Interop / Exchange (seeds/calendar-interop-errors.it.txt)
  INTEROP_CONNECTION_ERROR: 'INTEROP_CONNECTION_ERROR',
  INTEROP_EWS_COMMUNICATION_ERROR: 'INTEROP_EWS_COMMUNICATION_ERROR',
  INTEROP_EWS_RESPONSE_ERROR: 'INTEROP_EWS_RESPONSE_ERROR',
  INTEROP_USERNAME_NOT_EMAIL: 'INTEROP_USERNAME_NOT_EMAIL',
  INTEROP_HOST_NOT_FOUND: 'INTEROP_HOST_NOT_FOUND',
  INTEROP_NOT_CONFIGURED: 'INTEROP_NOT_CONFIGURED',
  INTEROP_INVALID_PARTICIPANT: 'INTEROP_INVALID_PARTICIPANT',
  INTEROP_MALFORMED_URL: 'INTEROP_MALFORMED_URL',
  INTEROP_SSL_ERROR: 'INTEROP_SSL_ERROR',
  INTEROP_BAD_REQUEST: 'INTEROP_BAD_REQUEST',
  INTEROP_UNAUTHORIZED: 'INTEROP_UNAUTHORIZED',
  // Google Calendar API (seeds/calendar-api-errors.pl.txt) and Google OAuth
  GOOGLE_USER_RATE_LIMIT: 'GOOGLE_USER_RATE_LIMIT',
  GOOGLE_CALENDAR_USAGE_LIMITS: 'GOOGLE_CALENDAR_USAGE_LIMITS',
  GOOGLE_FORBIDDEN_FOR_NON_ORGANIZER: 'GOOGLE_FORBIDDEN_FOR_NON_ORGANIZER',
  GOOGLE_API_DISABLED: 'GOOGLE_API_DISABLED',
  GOOGLE_SCOPE_INSUFFICIENT: 'GOOGLE_SCOPE_INSUFFICIENT',
  GOOGLE_SYNC_TOKEN_EXPIRED: 'GOOGLE_SYNC_TOKEN_EXPIRED',
  GOOGLE_DUPLICATE_ID: 'GOOGLE_DUPLICATE_ID',
  GOOGLE_CONDITION_NOT_MET: 'GOOGLE_CONDITION_NOT_MET',
  GOOGLE_ADMIN_POLICY_ENFORCED: 'GOOGLE_ADMIN_POLICY_ENFORCED',
  // Microsoft Graph and the Microsoft identity platform
  MS_CLIENT_SECRET_EXPIRED: 'MS_CLIENT_SECRET_EXPIRED',
  MS_CLIENT_SECRET_INVALID: 'MS_CLIENT_SECRET_INVALID',
  MS_REFRESH_TOKEN_EXPIRED: 'MS_REFRESH_TOKEN_EXPIRED',
  MS_GRANT_REVOKED: 'MS_GRANT_REVOKED',
  MS_MFA_REQUIRED: 'MS_MFA_REQUIRED',
  MS_CONSENT_REQUIRED: 'MS_CONSENT_REQUIRED',
  MS_CONDITIONAL_ACCESS_BLOCKED: 'MS_CONDITIONAL_ACCESS_BLOCKED',
  MS_MAILBOX_NOT_ENABLED: 'MS_MAILBOX_NOT_ENABLED',
  MS_USER_NOT_IN_TENANT: 'MS_USER_NOT_IN_TENANT',
  MS_TENANT_NOT_FOUND: 'MS_TENANT_NOT_FOUND',
  MS_APP_NOT_FOUND: 'MS_APP_NOT_FOUND',
  // Zoom
  ZOOM_DAILY_LIMIT: 'ZOOM_DAILY_LIMIT',
  // TLS details from Node error codes
  TLS_CERT_EXPIRED: 'TLS_CERT_EXPIRED',
  TLS_CERT_UNTRUSTED: 'TLS_CERT_UNTRUSTED',
  TLS_HOSTNAME_MISMATCH: 'TLS_HOSTNAME_MISMATCH',
  TLS_HOST_IS_IP_ADDRESS: 'TLS_HOST_IS_IP_ADDRESS',
} as const;
export type SubReason = (typeof SubReason)[keyof typeof SubReason];
export const SUB_REASONS: readonly SubReason[] = Object.freeze(Object.values(SubReason));

export const PROVIDERS = [
  'google',
  'google-oauth',
  'google-interop',
  'microsoft',
  'microsoft-identity',
  'zoom',
  'network',
] as const;
export type Provider = (typeof PROVIDERS)[number];

const PROVIDER_SET: ReadonlySet<string> = new Set(PROVIDERS);
const CODE_SET: ReadonlySet<string> = new Set(ERROR_CODES);
const SUB_REASON_SET: ReadonlySet<string> = new Set(SUB_REASONS);

export function isProvider(value: unknown): value is Provider {
  return typeof value === 'string' && PROVIDER_SET.has(value);
}
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODE_SET.has(value);
}
export function isSubReason(value: unknown): value is SubReason {
  return typeof value === 'string' && SUB_REASON_SET.has(value);
}
