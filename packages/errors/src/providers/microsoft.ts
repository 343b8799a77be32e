import { isRecord, type JsonObject, str } from '../body.js';
import { ErrorCode as C, SubReason as S } from '../vocabulary.js';
import { type ClassifyContext, fromRule, type Match, type Rule, rules } from './match.js';
import { oauthRule } from './oauth.js';

/**
 * Microsoft Graph `error.code` / `innerError.code` values and the Exchange (EWS) response codes that
 * Graph passes through. Keys are lower-case: Graph is not consistent about casing
 * (`syncStateNotFound` in the docs, `SyncStateNotFound` on the wire).
 */
const GRAPH_CODES = rules({
  invalidauthenticationtoken: [C.AUTH_EXPIRED],
  unauthenticated: [C.AUTH_EXPIRED],
  tokenexpired: [C.AUTH_EXPIRED],
  lifetimevalidationfailed: [C.AUTH_EXPIRED],
  erroraccessdenied: [C.PERMISSION_DENIED],
  accessdenied: [C.PERMISSION_DENIED],
  authorization_requestdenied: [C.PERMISSION_DENIED],
  forbidden: [C.PERMISSION_DENIED],
  errorimpersonateuserdenied: [C.PERMISSION_DENIED],
  errorimpersonationdenied: [C.PERMISSION_DENIED],
  erroraccessdeniedtopublicfolder: [C.PERMISSION_DENIED],
  extensionerror: [C.PERMISSION_DENIED],
  authorization_identitynotfound: [C.MISCONFIGURED],
  mailboxnotenabledforrestapi: [C.ACCOUNT_UNAVAILABLE, S.MS_MAILBOX_NOT_ENABLED],
  errormailboxnotenabled: [C.ACCOUNT_UNAVAILABLE, S.MS_MAILBOX_NOT_ENABLED],
  errornonexistentmailbox: [C.ACCOUNT_UNAVAILABLE, S.MS_MAILBOX_NOT_ENABLED],
  errorinvaliduser: [C.ACCOUNT_UNAVAILABLE],
  erroraccountdisabled: [C.ACCOUNT_UNAVAILABLE],
  organizationfromtenantguidnotfound: [C.ACCOUNT_UNAVAILABLE, S.MS_MAILBOX_NOT_ENABLED],
  erroritemnotfound: [C.NOT_FOUND],
  itemnotfound: [C.NOT_FOUND],
  resourcenotfound: [C.NOT_FOUND],
  request_resourcenotfound: [C.NOT_FOUND],
  errorfoldernotfound: [C.NOT_FOUND],
  syncstatenotfound: [C.SYNC_TOKEN_INVALID],
  // 400 "The value '…' of parameter '$deltaToken' is invalid." (microsoftgraph/microsoft-graph-docs#6599)
  invaliddeltatoken: [C.SYNC_TOKEN_INVALID],
  resyncrequired: [C.SYNC_TOKEN_INVALID],
  errorinvalidsyncstatedata: [C.SYNC_TOKEN_INVALID],
  activitylimitreached: [C.RATE_LIMITED],
  toomanyrequests: [C.RATE_LIMITED],
  applicationthrottled: [C.RATE_LIMITED],
  throttledrequest: [C.RATE_LIMITED],
  errorserverbusy: [C.RATE_LIMITED],
  errortoomanyobjectsopened: [C.RATE_LIMITED],
  quotalimitreached: [C.QUOTA_EXCEEDED],
  errorquotaexceeded: [C.QUOTA_EXCEEDED],
  servicenotavailable: [C.PROVIDER_UNAVAILABLE],
  serviceunavailable: [C.PROVIDER_UNAVAILABLE],
  errormailboxstoreunavailable: [C.PROVIDER_UNAVAILABLE],
  errormailboxmoveinprogress: [C.PROVIDER_UNAVAILABLE],
  errorinternalservertransienterror: [C.PROVIDER_UNAVAILABLE],
  errortimeoutexpired: [C.PROVIDER_UNAVAILABLE],
  cannotsnapshottree: [C.PROVIDER_UNAVAILABLE],
  resourcemodified: [C.PRECONDITION_FAILED],
  errorirresolvableconflict: [C.PRECONDITION_FAILED],
  entitytagdoesnotmatch: [C.PRECONDITION_FAILED],
  namealreadyexists: [C.ALREADY_EXISTS],
  errorfolderexists: [C.ALREADY_EXISTS],
  directory_concurrencyviolation: [C.CONFLICT],
  invalidrequest: [C.INVALID_REQUEST],
  badrequest: [C.INVALID_REQUEST],
  errorinvalidrequest: [C.INVALID_REQUEST],
  errorinvalidproperty: [C.INVALID_REQUEST],
  errorinvalididmalformed: [C.INVALID_REQUEST],
  errorpropertyvalidationfailure: [C.INVALID_REQUEST],
  requestbodyread: [C.INVALID_REQUEST],
  invalidrange: [C.INVALID_REQUEST],
  notsupported: [C.INVALID_REQUEST],
  notallowed: [C.INVALID_REQUEST],
});

const SCOPE_HINT = /\bscopes?\b|\bscp\b|roles claim|missing role permissions/i;
const PERMISSION_CODES = new Set([
  'erroraccessdenied',
  'accessdenied',
  'authorization_requestdenied',
  'forbidden',
]);

export function exchangeRule(code: string): Rule | undefined {
  return GRAPH_CODES.get(code.toLowerCase());
}

function innerCodes(err: JsonObject): string[] {
  const codes: string[] = [];
  let inner: unknown = err.innerError ?? err.innererror;
  for (let depth = 0; depth < 4 && isRecord(inner); depth++) {
    if (typeof inner.code === 'string') codes.push(inner.code);
    inner = inner.innerError ?? inner.innererror;
  }
  return codes.reverse(); // most detailed first, as the Graph error guide recommends
}

/** Graph / OData error bodies: `{ "error": { "code", "message", "innerError" } }` (also `odata.error`). */
export function graphMatch(json: JsonObject, ctx: ClassifyContext): Match | undefined {
  const err = isRecord(json.error)
    ? json.error
    : isRecord(json['odata.error'])
      ? json['odata.error']
      : undefined;
  if (err === undefined || typeof err.code !== 'string') return undefined;
  const code = err.code;
  const detail = str(err.message) ?? (isRecord(err.message) ? str(err.message.value) : undefined);
  const providerCode = innerCodes(err)[0];

  // A claims challenge (Conditional Access / CAE): the token must be re-acquired interactively.
  const challenge = ctx.headers.get('www-authenticate');
  if (ctx.status === 403 && challenge?.includes('insufficient_claims')) {
    return { code: C.INTERACTION_REQUIRED, providerReason: code, providerCode, detail };
  }

  for (const candidate of [...innerCodes(err), code]) {
    const key = candidate.toLowerCase();
    const rule = GRAPH_CODES.get(key);
    if (!rule) continue;
    if (PERMISSION_CODES.has(key) && detail !== undefined && SCOPE_HINT.test(detail.slice(0, 300))) {
      return { code: C.INSUFFICIENT_SCOPE, providerReason: code, providerCode, detail };
    }
    return fromRule(rule, { providerReason: code, providerCode, detail });
  }
  return { code: C.UNKNOWN, providerReason: code, providerCode, detail };
}

const RESPONSE_CODE = /ResponseCode(?:\s[^>]{0,200})?>\s*(Error[A-Za-z]{1,80})\s*</;
const BACK_OFF = /BackOffMilliseconds"?\s*>\s*(\d{1,10})\s*</;
const MESSAGE_TEXT = /(?:MessageText|faultstring)(?:\s[^>]{0,200})?>([^<]{1,300})</;

/** EWS SOAP responses and faults (Exchange on-premises diagnostics behind Interop). */
export function ewsXmlMatch(text: string): Match | undefined {
  const code = RESPONSE_CODE.exec(text)?.[1];
  if (code === undefined) return undefined;
  const rule = exchangeRule(code);
  const backOff = BACK_OFF.exec(text)?.[1];
  const match: Match = rule
    ? fromRule(rule, { providerReason: code, detail: MESSAGE_TEXT.exec(text)?.[1] })
    : { code: C.UNKNOWN, providerReason: code };
  if (backOff !== undefined) match.retryAfterSeconds = Number(backOff) / 1000;
  return match;
}

/**
 * AADSTS codes from the Microsoft Entra error code reference
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). The number is more
 * specific than the OAuth `error` it travels with (53003 arrives as `interaction_required`, but no
 * user interaction from our server can satisfy a policy that blocks token issuance).
 */
const AADSTS = rules({
  '70000': [C.AUTH_REVOKED],
  '70008': [C.AUTH_REVOKED, S.MS_REFRESH_TOKEN_EXPIRED],
  '700082': [C.AUTH_REVOKED, S.MS_REFRESH_TOKEN_EXPIRED],
  '700084': [C.AUTH_REVOKED, S.MS_REFRESH_TOKEN_EXPIRED],
  '50173': [C.AUTH_REVOKED, S.MS_GRANT_REVOKED],
  '70043': [C.INTERACTION_REQUIRED],
  '50058': [C.INTERACTION_REQUIRED],
  '50072': [C.INTERACTION_REQUIRED, S.MS_MFA_REQUIRED],
  '50074': [C.INTERACTION_REQUIRED, S.MS_MFA_REQUIRED],
  '50076': [C.INTERACTION_REQUIRED, S.MS_MFA_REQUIRED],
  '50078': [C.INTERACTION_REQUIRED, S.MS_MFA_REQUIRED],
  '50079': [C.INTERACTION_REQUIRED, S.MS_MFA_REQUIRED],
  '50158': [C.INTERACTION_REQUIRED, S.MS_MFA_REQUIRED],
  '50055': [C.INTERACTION_REQUIRED],
  '50125': [C.INTERACTION_REQUIRED],
  '50133': [C.INTERACTION_REQUIRED],
  '50144': [C.INTERACTION_REQUIRED],
  '65001': [C.INTERACTION_REQUIRED, S.MS_CONSENT_REQUIRED],
  '65004': [C.INTERACTION_REQUIRED, S.MS_CONSENT_REQUIRED],
  '90094': [C.INTERACTION_REQUIRED, S.MS_CONSENT_REQUIRED],
  '90095': [C.INTERACTION_REQUIRED, S.MS_CONSENT_REQUIRED],
  '53000': [C.PERMISSION_DENIED, S.MS_CONDITIONAL_ACCESS_BLOCKED],
  '53001': [C.PERMISSION_DENIED, S.MS_CONDITIONAL_ACCESS_BLOCKED],
  '53002': [C.PERMISSION_DENIED, S.MS_CONDITIONAL_ACCESS_BLOCKED],
  '53003': [C.PERMISSION_DENIED, S.MS_CONDITIONAL_ACCESS_BLOCKED],
  '530032': [C.PERMISSION_DENIED, S.MS_CONDITIONAL_ACCESS_BLOCKED],
  '7000215': [C.MISCONFIGURED, S.MS_CLIENT_SECRET_INVALID],
  '7000222': [C.MISCONFIGURED, S.MS_CLIENT_SECRET_EXPIRED],
  '7000218': [C.MISCONFIGURED, S.MS_CLIENT_SECRET_INVALID],
  '70002': [C.MISCONFIGURED, S.MS_CLIENT_SECRET_INVALID],
  '50012': [C.MISCONFIGURED, S.MS_CLIENT_SECRET_INVALID],
  '700027': [C.MISCONFIGURED, S.MS_CLIENT_SECRET_INVALID],
  '700016': [C.MISCONFIGURED, S.MS_APP_NOT_FOUND],
  '7000112': [C.MISCONFIGURED, S.MS_APP_NOT_FOUND],
  '90002': [C.MISCONFIGURED, S.MS_TENANT_NOT_FOUND],
  '500011': [C.MISCONFIGURED],
  '650052': [C.MISCONFIGURED],
  '650057': [C.MISCONFIGURED],
  '65005': [C.MISCONFIGURED],
  '50020': [C.ACCOUNT_UNAVAILABLE, S.MS_USER_NOT_IN_TENANT],
  '50034': [C.ACCOUNT_UNAVAILABLE, S.MS_USER_NOT_IN_TENANT],
  '90072': [C.ACCOUNT_UNAVAILABLE, S.MS_USER_NOT_IN_TENANT],
  '50057': [C.ACCOUNT_UNAVAILABLE],
  '50053': [C.ACCOUNT_UNAVAILABLE],
  '9002313': [C.INVALID_REQUEST],
  '900144': [C.INVALID_REQUEST],
  '54005': [C.INVALID_REQUEST],
  '50196': [C.RATE_LIMITED],
  '90033': [C.PROVIDER_UNAVAILABLE],
});

/** `suberror` hints (MSAL documents these next to `interaction_required` / `invalid_grant`). */
const SUBERRORS = rules({
  bad_token: [C.AUTH_REVOKED],
  token_expired: [C.AUTH_REVOKED],
  consent_required: [C.INTERACTION_REQUIRED, S.MS_CONSENT_REQUIRED],
  basic_action: [C.INTERACTION_REQUIRED],
  additional_action: [C.INTERACTION_REQUIRED],
  user_password_expired: [C.INTERACTION_REQUIRED],
});

const AADSTS_IN_TEXT = /AADSTS(\d{4,8})/;

function aadstsCode(json: JsonObject, description: string | undefined): string | undefined {
  const codes = json.error_codes;
  if (Array.isArray(codes) && (typeof codes[0] === 'number' || typeof codes[0] === 'string')) {
    const first = String(codes[0]);
    if (/^\d{1,10}$/.test(first)) return first;
  }
  return description === undefined ? undefined : AADSTS_IN_TEXT.exec(description.slice(0, 200))?.[1];
}

/** Trace / correlation ids and timestamps are noise in a one-line message. */
function trimDescription(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  let end = Math.min(description.length, 600);
  for (const marker of ['\n', '\r', ' Trace ID:']) {
    const at = description.indexOf(marker);
    if (at >= 0 && at < end) end = at;
  }
  return end === 0 ? undefined : description.slice(0, end);
}

/** The Microsoft identity platform token endpoint (`login.microsoftonline.com/…/token`). */
export function identityMatch(json: JsonObject): Match | undefined {
  const error = str(json.error);
  if (error === undefined) return undefined;
  const description = str(json.error_description);
  const code = aadstsCode(json, description);
  const providerCode = code === undefined ? undefined : `AADSTS${code}`;
  const detail = trimDescription(description);
  const rule =
    (code !== undefined ? AADSTS.get(code) : undefined) ??
    (typeof json.suberror === 'string' ? SUBERRORS.get(json.suberror) : undefined) ??
    oauthRule(error);
  return rule
    ? fromRule(rule, { providerReason: error, providerCode, detail })
    : { code: C.UNKNOWN, providerReason: error, providerCode, detail };
}
