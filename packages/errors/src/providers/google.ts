import { isRecord, type JsonObject, str } from '../body.js';
import { ErrorCode as C, SubReason as S } from '../vocabulary.js';
import { type ClassifyContext, fromRule, type Match, type Rule, rules } from './match.js';
import { oauthRule } from './oauth.js';

/**
 * Legacy `error.errors[].reason` values. Calendar-specific ones come from the Calendar API error
 * guide (seeds/calendar-api-errors.pl.txt); the rest are the global Google API reasons.
 */
const LEGACY_REASONS = rules({
  authError: [C.AUTH_EXPIRED],
  unauthorized: [C.AUTH_EXPIRED],
  expired: [C.AUTH_EXPIRED],
  // "Daily Limit for Unauthenticated Use Exceeded": the call carried no credentials.
  dailyLimitExceededUnreg: [C.AUTH_EXPIRED],
  userRateLimitExceeded: [C.RATE_LIMITED, S.GOOGLE_USER_RATE_LIMIT],
  rateLimitExceeded: [C.RATE_LIMITED, S.GOOGLE_USER_RATE_LIMIT],
  userRateLimitExceededUnreg: [C.RATE_LIMITED, S.GOOGLE_USER_RATE_LIMIT],
  quotaExceeded: [C.QUOTA_EXCEEDED, S.GOOGLE_CALENDAR_USAGE_LIMITS],
  dailyLimitExceeded: [C.QUOTA_EXCEEDED, S.GOOGLE_CALENDAR_USAGE_LIMITS],
  variableTermLimitExceeded: [C.QUOTA_EXCEEDED, S.GOOGLE_CALENDAR_USAGE_LIMITS],
  variableTermExpiredDailyExceeded: [C.QUOTA_EXCEEDED, S.GOOGLE_CALENDAR_USAGE_LIMITS],
  forbiddenForNonOrganizer: [C.ORGANIZER_ONLY, S.GOOGLE_FORBIDDEN_FOR_NON_ORGANIZER],
  insufficientPermissions: [C.INSUFFICIENT_SCOPE, S.GOOGLE_SCOPE_INSUFFICIENT],
  accessNotConfigured: [C.MISCONFIGURED, S.GOOGLE_API_DISABLED],
  keyInvalid: [C.MISCONFIGURED],
  keyExpired: [C.MISCONFIGURED],
  ipRefererBlocked: [C.MISCONFIGURED],
  forbiddenForServiceAccounts: [C.MISCONFIGURED],
  forbidden: [C.PERMISSION_DENIED],
  requiredAccessLevel: [C.PERMISSION_DENIED],
  domainPolicy: [C.PERMISSION_DENIED],
  notACalendarUser: [C.ACCOUNT_UNAVAILABLE],
  notFound: [C.NOT_FOUND],
  duplicate: [C.ALREADY_EXISTS, S.GOOGLE_DUPLICATE_ID],
  conflict: [C.CONFLICT],
  fullSyncRequired: [C.SYNC_TOKEN_INVALID, S.GOOGLE_SYNC_TOKEN_EXPIRED],
  updatedMinTooLongAgo: [C.SYNC_TOKEN_INVALID, S.GOOGLE_SYNC_TOKEN_EXPIRED],
  deleted: [C.ALREADY_DELETED],
  conditionNotMet: [C.PRECONDITION_FAILED, S.GOOGLE_CONDITION_NOT_MET],
  timeRangeEmpty: [C.INVALID_REQUEST],
  invalid: [C.INVALID_REQUEST],
  invalidParameter: [C.INVALID_REQUEST],
  badRequest: [C.INVALID_REQUEST],
  parseError: [C.INVALID_REQUEST],
  required: [C.INVALID_REQUEST],
  tooManyCalendarsRequested: [C.INVALID_REQUEST],
  cannotChangeOrganizer: [C.INVALID_REQUEST],
  cannotChangeOrganizerOfInstance: [C.INVALID_REQUEST],
  eventTypeRestriction: [C.INVALID_REQUEST],
  backendError: [C.PROVIDER_UNAVAILABLE],
  internalError: [C.PROVIDER_UNAVAILABLE],
});

/** Reasons so generic that a structured `google.rpc.ErrorInfo` reason, when knsays more. */
const WEAK_LEGACY = new Set(['forbidden', 'badRequest', 'invalid', 'backendError', 'internalError']);

/** `google.rpc.ErrorInfo.reason` values (https://cloud.google.com/apis/design/errors). */
const ERROR_INFO_REASONS = rules({
  ACCESS_TOKEN_SCOPE_INSUFFICIENT: [C.INSUFFICIENT_SCOPE, S.GOOGLE_SCOPE_INSUFFICIENT],
  ACCESS_TOKEN_EXPIRED: [C.AUTH_EXPIRED],
  ACCESS_TOKEN_TYPE_UNSUPPORTED: [C.AUTH_EXPIRED],
  CREDENTIALS_MISSING: [C.AUTH_EXPIRED],
  SESSION_COOKIE_INVALID: [C.AUTH_EXPIRED],
  SERVICE_DISABLED: [C.MISCONFIGURED, S.GOOGLE_API_DISABLED],
  BILLING_DISABLED: [C.MISCONFIGURED],
  API_KEY_INVALID: [C.MISCONFIGURED],
  API_KEY_SERVICE_BLOCKED: [C.MISCONFIGURED],
  API_KEY_HTTP_REFERRER_BLOCKED: [C.MISCONFIGURED],
  API_KEY_IP_ADDRESS_BLOCKED: [C.MISCONFIGURED],
  CONSUMER_INVALID: [C.MISCONFIGURED],
  CONSUMER_SUSPENDED: [C.MISCONFIGURED],
  RESOURCE_PROJECT_INVALID: [C.MISCONFIGURED],
  IAM_PERMISSION_DENIED: [C.PERMISSION_DENIED],
  USER_PROJECT_DENIED: [C.PERMISSION_DENIED],
  SECURITY_POLICY_VIOLATED: [C.PERMISSION_DENIED],
  ORG_RESTRICTION_VIOLATION: [C.PERMISSION_DENIED],
  LOCATION_POLICY_VIOLATED: [C.PERMISSION_DENIED],
  RATE_LIMIT_EXCEEDED: [C.RATE_LIMITED, S.GOOGLE_USER_RATE_LIMIT],
  RESOURCE_QUOTA_EXCEEDED: [C.QUOTA_EXCEEDED, S.GOOGLE_CALENDAR_USAGE_LIMITS],
});

/** Canonical `google.rpc.Code` names in `error.status`. */
const STATUS_NAMES = rules({
  UNAUTHENTICATED: [C.AUTH_EXPIRED],
  PERMISSION_DENIED: [C.PERMISSION_DENIED],
  RESOURCE_EXHAUSTED: [C.RATE_LIMITED],
  NOT_FOUND: [C.NOT_FOUND],
  ALREADY_EXISTS: [C.ALREADY_EXISTS],
  ABORTED: [C.CONFLICT],
  INVALID_ARGUMENT: [C.INVALID_REQUEST],
  OUT_OF_RANGE: [C.INVALID_REQUEST],
  FAILED_PRECONDITION: [C.INVALID_REQUEST],
  UNIMPLEMENTED: [C.INVALID_REQUEST],
  UNAVAILABLE: [C.PROVIDER_UNAVAILABLE],
  INTERNAL: [C.PROVIDER_UNAVAILABLE],
  DEADLINE_EXCEEDED: [C.PROVIDER_UNAVAILABLE],
  UNKNOWN: [C.PROVIDER_UNAVAILABLE],
  DATA_LOSS: [C.PROVIDER_UNAVAILABLE],
  CANCELLED: [C.PROVIDER_UNAVAILABLE],
});

const DAILY_QUOTA = /per ?day|daily/i;

/**
 * A 400 about a sync token Google cannot read: "Invalid sync token value." (not "Sync token cannot be used
 * with other parameters.", which is our request's fault).
 */
const SYNC_TOKEN_TEXT = /invalid sync ?token/i;

function legacyRule(reason: string, entry: JsonObject, status: number | undefined): Rule | undefined {
  if (reason === 'required' && (entry.location === 'Authorization' || status === 401))
    return [C.AUTH_EXPIRED];
  if (
    (reason === 'invalid' || reason === 'invalidParameter' || reason === 'badRequest') &&
    SYNC_TOKEN_TEXT.test(str(entry.message)?.slice(0, 200) ?? '')
  )
    // Like 410 fullSyncRequired: the stored token is useless, only a full sync gets a new one.
    return [C.SYNC_TOKEN_INVALID, S.GOOGLE_SYNC_TOKEN_EXPIRED];
  return LEGACY_REASONS.get(reason);
}

function errorInfoRule(reason: string, metadata: unknown): Rule | undefined {
  if (reason === 'RATE_LIMIT_EXCEEDED' && isRecord(metadata)) {
    const limit = str(metadata.quota_limit) ?? str(metadata.quota_limit_value) ?? '';
    if (DAILY_QUOTA.test(limit.slice(0, 200))) return [C.QUOTA_EXCEEDED, S.GOOGLE_CALENDAR_USAGE_LIMITS];
  }
  return ERROR_INFO_REASONS.get(reason);
}

/**
 * Both Google error shapes: legacy `error.errors[].reason` and the AIP-193 shape with `error.status`
 * and `error.details[]` (`type.googleapis.com/google.rpc.ErrorInfo`). The Calendar-specific legacy
 * reason wins unless it is a generic one and ErrorInfo names something precise.
 */
export function googleApiMatch(json: JsonObject, ctx: ClassifyContext): Match | undefined {
  const err = json.error;
  // A string `code` is the Graph / OData shape, not Google's.
  if (!isRecord(err) || typeof err.code === 'string') return undefined;
  const detail = str(err.message);
  const statusName = str(err.status);
  const providerCode = statusName;

  let legacy: { reason: string; rule: Rule } | undefined;
  let firstReason: string | undefined;
  if (Array.isArray(err.errors)) {
    for (const entry of err.errors.slice(0, 8)) {
      if (!isRecord(entry) || typeof entry.reason !== 'string') continue;
      firstReason ??= entry.reason;
      const rule = legacyRule(entry.reason, entry, ctx.status);
      if (rule) {
        legacy = { reason: entry.reason, rule };
        break;
      }
    }
  }

  let info: { reason: string; rule: Rule } | undefined;
  if (Array.isArray(err.details)) {
    for (const d of err.details.slice(0, 8)) {
      if (!isRecord(d) || typeof d.reason !== 'string') continue;
      const type = d['@type'];
      if (typeof type === 'string' && !type.endsWith('google.rpc.ErrorInfo')) continue;
      const rule = errorInfoRule(d.reason, d.metadata);
      if (rule) {
        info = { reason: d.reason, rule };
        break;
      }
    }
  }

  const chosen = legacy && !(info && WEAK_LEGACY.has(legacy.reason)) ? legacy : (info ?? legacy);
  if (chosen) return fromRule(chosen.rule, { providerReason: chosen.reason, providerCode, detail });
  const byStatus = statusName !== undefined ? STATUS_NAMES.get(statusName) : undefined;
  if (byStatus)
    return fromRule(byStatus, { providerReason: firstReason ?? statusName, providerCode, detail });
  // Recognisably Google, but no reason we know: let the HTTP status decide, keep the provider's words.
  if (firstReason !== undefined || detail !== undefined) {
    return { code: C.UNKNOWN, providerReason: firstReason, providerCode, detail };
  }
  return undefined;
}

/**
 * Google's OAuth token endpoint (`oauth2.googleapis.com/token`). `invalid_grant` is a dead grant
 * ("Token has been expired or revoked."), except for the service-account variants that point at
 * our own configuration (bad key, clock skew) or at a deleted account.
 */
export function googleOAuthMatch(json: JsonObject): Match | undefined {
  const error = str(json.error);
  if (error === undefined) return undefined;
  const detail = str(json.error_description);
  const d = detail?.slice(0, 300) ?? '';
  if (error === 'invalid_grant') {
    if (/invalid jwt|jwt signature|short-lived token|iat and exp/i.test(d)) {
      return { code: C.MISCONFIGURED, providerReason: error, detail };
    }
    if (/account has been deleted|invalid email or user id|not a valid email/i.test(d)) {
      return { code: C.ACCOUNT_UNAVAILABLE, providerReason: error, detail };
    }
  }
  const rule = oauthRule(error);
  return rule
    ? fromRule(rule, { providerReason: error, detail })
    : { code: C.UNKNOWN, providerReason: error, detail };
}
