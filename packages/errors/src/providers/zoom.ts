import { type JsonObject, str } from '../body.js';
import { ErrorCode as C, SubReason as S } from '../vocabulary.js';
import { type ClassifyContext, fromRule, type Match, rules } from './match.js';
import { oauthRule } from './oauth.js';

/**
 * Numeric `code` values from the Zoom API reference error tables
 * (https://developers.zoom.us/docs/api/errors, per-endpoint "Error Code" lists) and the Zoom
 * OAuth error messages page (https://developers.zoom.us/docs/integrations/oauth-error-messages/).
 */
const ZOOM_CODES = rules({
  '124': [C.AUTH_EXPIRED],
  '4711': [C.INSUFFICIENT_SCOPE],
  '4702': [C.MISCONFIGURED],
  '4704': [C.MISCONFIGURED],
  '4706': [C.MISCONFIGURED],
  '4709': [C.MISCONFIGURED],
  '4717': [C.MISCONFIGURED],
  '4705': [C.INVALID_REQUEST],
  '1001': [C.ACCOUNT_UNAVAILABLE],
  '1010': [C.ACCOUNT_UNAVAILABLE],
  '200': [C.PERMISSION_DENIED],
  '300': [C.INVALID_REQUEST],
  '3001': [C.NOT_FOUND],
  '429': [C.RATE_LIMITED],
});

const DAILY = /daily/i;

/** Seconds until the next 00:00 UTC ("You may resume these requests at GMT 00:00:00."). */
function untilUtcMidnight(nowMs: number): number {
  const d = new Date(nowMs);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  return Math.max(0, Math.round(next - nowMs) / 1000);
}

function rateLimit(ctx: ClassifyContext, detail: string | undefined, providerCode?: string): Match {
  const type = ctx.headers.get('x-ratelimit-type') ?? '';
  const daily = DAILY.test(type) || (detail !== undefined && DAILY.test(detail.slice(0, 200)));
  if (!daily) return { code: C.RATE_LIMITED, providerCode, providerReason: str(type), detail };
  // Retry-After (an ISO date for daily limits) is read by the caller; this is the documented fallback.
  return {
    code: C.QUOTA_EXCEEDED,
    subReason: S.ZOOM_DAILY_LIMIT,
    providerCode,
    providerReason: str(type),
    detail,
    retryAfterSeconds: untilUtcMidnight(ctx.now()),
  };
}

/** Zoom REST (`{"code":124,"message":"Invalid access token."}`) and Zoom OAuth (`{"reason","error"}`). */
export function zoomMatch(json: JsonObject, ctx: ClassifyContext): Match | undefined {
  const error = str(json.error);
  if (error !== undefined) {
    const reason = str(json.reason) ?? str(json.error_description);
    // A dead refresh token: 400 invalid_grant "Invalid Token!" today (oauthRule), invalid_request in older reports.
    if (error === 'invalid_request' && reason !== undefined && /invalid token/i.test(reason.slice(0, 100))) {
      return { code: C.AUTH_REVOKED, providerReason: error, detail: reason };
    }
    const rule = oauthRule(error);
    return rule
      ? fromRule(rule, { providerReason: error, detail: reason })
      : { code: C.UNKNOWN, providerReason: error, detail: reason };
  }
  const raw = json.code;
  if (typeof raw !== 'number' && !(typeof raw === 'string' && /^\d{1,6}$/.test(raw))) {
    return ctx.status === 429 ? rateLimit(ctx, str(json.message)) : undefined;
  }
  const code = String(raw);
  const detail = str(json.message);
  if (code === '429' || ctx.status === 429) return rateLimit(ctx, detail, code);
  if (code === '4700') {
    const scopes = detail !== undefined && /scope/i.test(detail.slice(0, 200));
    return { code: scopes ? C.INSUFFICIENT_SCOPE : C.AUTH_EXPIRED, providerCode: code, detail };
  }
  const rule = ZOOM_CODES.get(code);
  return rule
    ? fromRule(rule, { providerCode: code, detail })
    : { code: C.UNKNOWN, providerCode: code, detail };
}
