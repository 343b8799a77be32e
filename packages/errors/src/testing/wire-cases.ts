import type { ProviderFailureInput } from '../types.js';
import type { Action, ErrorCode, SubReason } from '../vocabulary.js';

export interface WireCaseExpectation {
  code: ErrorCode;
  action: Action;
  retryAfterSeconds?: number;
  providerReason?: string;
  providerCode?: string;
  subReason?: SubReason;
}

/** A real failure as it appears on the wire, the document it comes from, and what it must mean. */
export interface WireCase {
  name: string;
  /** The document (URL or seed file) that shows this wire body or defines the code. */
  source: string;
  input: ProviderFailureInput;
  /** Reference time (ms since epoch) for HTTP-date Retry-After values. */
  now?: number;
  expected: WireCaseExpectation;
}

const GOOGLE_ERRORS =
  'https://developers.google.com/calendar/api/guides/errors (seeds/calendar-api-errors.pl.txt)';
const GRAPH_ERRORS = 'https://learn.microsoft.com/graph/errors';
const GRAPH_THROTTLING = 'https://learn.microsoft.com/graph/throttling';
const ENTRA_CODES = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
const GOOGLE_OAUTH = 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-errors';
const AIP_ERRORS = 'https://cloud.google.com/apis/design/errors (google.rpc.ErrorInfo)';
const ZOOM_ERRORS = 'https://developers.zoom.us/docs/api/errors';
const ZOOM_OAUTH = 'https://developers.zoom.us/docs/integrations/oauth-error-messages/';
const ZOOM_RATE = 'https://developers.zoom.us/docs/api/rate-limits/';
const INTEROP = 'https://support.google.com/a/answer/7000419 (seeds/calendar-interop-errors.it.txt)';
const NODE_ERRORS = 'https://nodejs.org/api/errors.html#common-system-errors';
const NODE_TLS =
  'https://nodejs.org/api/tls.html (OpenSSL X509 verify codes) / https://www.openssl.org/docs/manmaster/man3/X509_STORE_CTX_get_error.html';
const UNDICI = 'https://undici.nodejs.org/#/docs/api/Errors';

/** Google's own documentation bodies carry trailing commas; they are kept verbatim on purpose. */
const googleSeed = (reason: string, domain: string, code: number, message: string, location?: string) =>
  `{\n"error": {\n"errors": [\n{\n"domain": "${domain}",\n"reason": "${reason}",\n"message": "${message}",${
    location ? `\n"locationType": "parameter",\n"location": "${location}",` : ''
  }\n}\n],\n"code": ${code},\n"message": "${message}"\n}\n}`;

const graph = (code: string, message: string, inner?: string) =>
  JSON.stringify({
    error: {
      code,
      message,
      innerError: {
        ...(inner ? { code: inner } : {}),
        date: '2023-02-20T05:06:48',
        'request-id': 'b04ace1e-13a0-4940-b489-f86dcca10985',
        'client-request-id': 'b04ace1e-13a0-4940-b489-f86dcca10985',
      },
    },
  });

const aad = (error: string, code: number, description: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    error,
    error_description: `AADSTS${code}: ${description}\r\nTrace ID: 6e94ade5-10de-4d67-909a-14d845813500\r\nCorrelation ID: 0e87b495-1e24-4882-be85-d012c216f4f6\r\nTimestamp: 2020-07-06 22:31:52Z`,
    error_codes: [code],
    timestamp: '2020-07-06 22:31:52Z',
    trace_id: '6e94ade5-10de-4d67-909a-14d845813500',
    correlation_id: '0e87b495-1e24-4882-be85-d012c216f4f6',
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    ...extra,
  });

const GOOGLE_502_PAGE =
  '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <meta name=viewport content="initial-scale=1, minimum-scale=1, width=device-width">\n  <title>Error 502 (Server Error)!!1</title>\n  <a href=//www.google.com/><span id=logo aria-label=Google></span></a>\n  <p><b>502.</b> <ins>That’s an error.</ins>\n  <p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.  <ins>That’s all we know.</ins>';

const EWS_SERVER_BUSY = `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Body>
    <s:Fault>
      <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode>
      <faultstring xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring>
      <detail>
        <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode>
        <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The server cannot service this request right now. Try again later.</e:Message>
        <t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
          <t:Value Name="BackOffMilliseconds">297749</t:Value>
        </t:MessageXml>
      </detail>
    </s:Fault>
  </s:Body>
</s:Envelope>`;

const EWS_THROTTLING =
  'https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange; EWS ResponseCodeType (https://learn.microsoft.com/exchange/client-developer/web-service-reference/responsecode)';

/** The SOAP fault EWS answers passing trouble with (HTTP 500), as EWS_SERVER_BUSY but without a back-off. */
const ewsTransientFault = (code: string, message: string) => `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:${code}</faultcode>
<faultstring xml:lang="en-US">${message}</faultstring>
<detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${code}</e:ResponseCode>
<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${message}</e:Message></detail>
</s:Fault></s:Body></s:Envelope>`;

const EWS_NON_EXISTENT_MAILBOX = `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
<m:GetUserAvailabilityResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
<m:FreeBusyResponseArray><m:FreeBusyResponse><m:ResponseMessage ResponseClass="Error">
<m:MessageText>No mailbox with such guid.</m:MessageText>
<m:ResponseCode>ErrorNonExistentMailbox</m:ResponseCode>
</m:ResponseMessage></m:FreeBusyResponse></m:FreeBusyResponseArray>
</m:GetUserAvailabilityResponse></s:Body></s:Envelope>`;

export const wireCases: readonly WireCase[] = [
  // ── Google Calendar API, legacy shape (seeds/calendar-api-errors.pl.txt, verbatim bodies) ──────
  {
    name: 'google 400 timeRangeEmpty',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 400,
      body: googleSeed('timeRangeEmpty', 'calendar', 400, 'The specified time range is empty.', 'timeMax'),
    },
    expected: { code: 'INVALID_REQUEST', action: 'FIX_REQUEST', providerReason: 'timeRangeEmpty' },
  },
  {
    name: 'google 401 authError',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 401,
      body: '{\n"error": {\n"errors": [\n{\n"domain": "global",\n"reason": "authError",\n"message": "Invalid Credentials",\n"locationType": "header",\n"location": "Authorization",\n}\n],\n"code": 401,\n"message": "Invalid Credentials"\n}\n}',
    },
    expected: { code: 'AUTH_EXPIRED', action: 'REFRESH_TOKEN', providerReason: 'authError' },
  },
  {
    name: 'google 403 userRateLimitExceeded is throttling, not a permission problem',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 403,
      body: googleSeed('userRateLimitExceeded', 'usageLimits', 403, 'User Rate Limit Exceeded'),
    },
    expected: { code: 'RATE_LIMITED', action: 'RETRY_WITH_BACKOFF', subReason: 'GOOGLE_USER_RATE_LIMIT' },
  },
  {
    name: 'google 403 rateLimitExceeded',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 403,
      body: googleSeed('rateLimitExceeded', 'usageLimits', 403, 'Rate Limit Exceeded'),
    },
    expected: { code: 'RATE_LIMITED', action: 'RETRY_WITH_BACKOFF', providerReason: 'rateLimitExceeded' },
  },
  {
    name: 'google 403 quotaExceeded backs off for long without a header',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 403,
      body: '{\n"error": {\n"errors": [\n{\n"domain": "usageLimits",\n"message": "Calendar usage limits exceeded.",\n"reason": "quotaExceeded"\n}\n],\n"code": 403,\n"message": "Calendar usage limits exceeded."\n}\n}',
    },
    expected: {
      code: 'QUOTA_EXCEEDED',
      action: 'RETRY_WITH_BACKOFF',
      retryAfterSeconds: 600,
      subReason: 'GOOGLE_CALENDAR_USAGE_LIMITS',
    },
  },
  {
    name: 'google 403 forbiddenForNonOrganizer',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 403,
      body: googleSeed(
        'forbiddenForNonOrganizer',
        'calendar',
        403,
        'Shared properties can only be changed by the organizer of the event.',
      ),
    },
    expected: {
      code: 'ORGANIZER_ONLY',
      action: 'USE_PATCH',
      subReason: 'GOOGLE_FORBIDDEN_FOR_NON_ORGANIZER',
    },
  },
  {
    name: 'google 404 notFound (a deleted event) is not retried',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 404,
      body: '{ "error": { "errors": [ { "domain": "global", "reason": "notFound", "message": "Not Found" } ], "code": 404, "message": "Not Found" } }',
    },
    expected: { code: 'NOT_FOUND', action: 'NONE', providerReason: 'notFound' },
  },
  {
    name: 'google 409 duplicate',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 409,
      body: googleSeed('duplicate', 'global', 409, 'The requested identifier already exists.'),
    },
    expected: { code: 'ALREADY_EXISTS', action: 'NEW_IDENTIFIER', subReason: 'GOOGLE_DUPLICATE_ID' },
  },
  {
    name: 'google 409 conflict in a batch',
    source: GOOGLE_ERRORS,
    input: { provider: 'google', status: 409, body: googleSeed('conflict', 'global', 409, 'Conflict') },
    expected: { code: 'CONFLICT', action: 'RETRY_WITH_BACKOFF', providerReason: 'conflict' },
  },
  {
    name: 'google 410 fullSyncRequired',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 410,
      body: googleSeed(
        'fullSyncRequired',
        'calendar',
        410,
        'Sync token is no longer valid, a full sync is required.',
        'syncToken',
      ),
    },
    expected: { code: 'SYNC_TOKEN_INVALID', action: 'FULL_RESYNC', subReason: 'GOOGLE_SYNC_TOKEN_EXPIRED' },
  },
  {
    name: 'google 410 updatedMinTooLongAgo',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 410,
      body: googleSeed(
        'updatedMinTooLongAgo',
        'calendar',
        410,
        'The requested minimum modification time lies too far in the past.',
        'updatedMin',
      ),
    },
    expected: { code: 'SYNC_TOKEN_INVALID', action: 'FULL_RESYNC', providerReason: 'updatedMinTooLongAgo' },
  },
  {
    name: 'google 410 deleted needs nothing',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 410,
      body: googleSeed('deleted', 'global', 410, 'Resource has been deleted'),
    },
    expected: { code: 'ALREADY_DELETED', action: 'NONE', providerReason: 'deleted' },
  },
  {
    name: 'google 412 conditionNotMet',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 412,
      body: '{\n"error": {\n"errors": [\n{\n"domain": "global",\n"reason": "conditionNotMet",\n"message": "Precondition Failed",\n"locationType": "header",\n"location": "If-Match",\n}\n],\n"code": 412,\n"message": "Precondition Failed"\n}\n}',
    },
    expected: {
      code: 'PRECONDITION_FAILED',
      action: 'REFETCH_AND_REAPPLY',
      subReason: 'GOOGLE_CONDITION_NOT_MET',
    },
  },
  {
    name: 'google 429 rateLimitExceeded honours Retry-After',
    source: `${GOOGLE_ERRORS}; RFC 9110 §10.2.3 Retry-After`,
    input: {
      provider: 'google',
      status: 429,
      headers: { 'Retry-After': '30' },
      body: googleSeed('rateLimitExceeded', 'usageLimits', 429, 'Rate Limit Exceeded'),
    },
    expected: { code: 'RATE_LIMITED', action: 'RETRY_WITH_BACKOFF', retryAfterSeconds: 30 },
  },
  {
    name: 'google 500 backendError',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 500,
      body: googleSeed('backendError', 'global', 500, 'Backend Error'),
    },
    expected: { code: 'PROVIDER_UNAVAILABLE', action: 'RETRY_WITH_BACKOFF', providerReason: 'backendError' },
  },
  {
    name: 'google 403 dailyLimitExceeded',
    source: 'https://developers.google.com/workspace/calendar/api/guides/quota',
    input: {
      provider: 'google',
      status: 403,
      body: JSON.stringify({
        error: {
          errors: [{ domain: 'usageLimits', reason: 'dailyLimitExceeded', message: 'Daily Limit Exceeded' }],
          code: 403,
          message: 'Daily Limit Exceeded',
        },
      }),
    },
    expected: { code: 'QUOTA_EXCEEDED', action: 'RETRY_WITH_BACKOFF', retryAfterSeconds: 600 },
  },
  // ── Google, AIP-193 shape with google.rpc.ErrorInfo ──────────────────────────────────────────────
  {
    name: 'google 403 PERMISSION_DENIED ACCESS_TOKEN_SCOPE_INSUFFICIENT',
    source: `${AIP_ERRORS}; body from github.com/analogdotnow/Analog/issues/296`,
    input: {
      provider: 'google',
      status: 403,
      headers: {
        'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="insufficient_scope"',
      },
      body: JSON.stringify({
        error: {
          code: 403,
          message: 'Request had insufficient authentication scopes.',
          errors: [
            { message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' },
          ],
          status: 'PERMISSION_DENIED',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
              domain: 'googleapis.com',
              metadata: { service: 'calendar-json.googleapis.com', method: 'calendar.v3.CalendarList.List' },
            },
          ],
        },
      }),
    },
    expected: {
      code: 'INSUFFICIENT_SCOPE',
      action: 'REAUTHORIZE',
      subReason: 'GOOGLE_SCOPE_INSUFFICIENT',
      providerCode: 'PERMISSION_DENIED',
    },
  },
  {
    name: 'google 403 insufficientPermissions without ErrorInfo',
    source:
      'https://developers.google.com/workspace/calendar/api/guides/errors; github.com/m3talstorm/ymi.js/issues/1',
    input: {
      provider: 'google',
      status: 403,
      body: JSON.stringify({
        error: {
          errors: [
            {
              domain: 'global',
              reason: 'insufficientPermissions',
              message: 'Insufficient Permission: Request had insufficient authentication scopes.',
            },
          ],
          code: 403,
          message: 'Insufficient Permission: Request had insufficient authentication scopes.',
        },
      }),
    },
    expected: {
      code: 'INSUFFICIENT_SCOPE',
      action: 'REAUTHORIZE',
      providerReason: 'insufficientPermissions',
    },
  },
  {
    name: 'google 403 accessNotConfigured + SERVICE_DISABLED',
    source: `${AIP_ERRORS}; github.com/google-gemini/gemini-cli/issues/1343`,
    input: {
      provider: 'google',
      status: 403,
      body: JSON.stringify({
        error: {
          code: 403,
          message:
            'Google Calendar API has not been used in project 838129323555 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/calendar-json.googleapis.com/overview?project=838129323555 then retry.',
          errors: [
            { message: 'Access Not Configured.', domain: 'usageLimits', reason: 'accessNotConfigured' },
          ],
          status: 'PERMISSION_DENIED',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'SERVICE_DISABLED',
              domain: 'googleapis.com',
              metadata: { service: 'calendar-json.googleapis.com', consumer: 'projects/838129323555' },
            },
          ],
        },
      }),
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'GOOGLE_API_DISABLED' },
  },
  {
    name: 'google 401 UNAUTHENTICATED CREDENTIALS_MISSING',
    source: `${AIP_ERRORS}; github.com/reactmore/morelab/issues/17`,
    input: {
      provider: 'google',
      status: 401,
      body: JSON.stringify({
        error: {
          code: 401,
          message:
            'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
          errors: [
            {
              message: 'Login Required.',
              domain: 'global',
              reason: 'required',
              location: 'Authorization',
              locationType: 'header',
            },
          ],
          status: 'UNAUTHENTICATED',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'CREDENTIALS_MISSING',
              domain: 'googleapis.com',
            },
          ],
        },
      }),
    },
    expected: { code: 'AUTH_EXPIRED', action: 'REFRESH_TOKEN', providerCode: 'UNAUTHENTICATED' },
  },
  {
    name: 'google 429 RESOURCE_EXHAUSTED',
    source: 'https://cloud.google.com/apis/design/errors#handling_errors (RESOURCE_EXHAUSTED)',
    input: {
      provider: 'google',
      status: 429,
      body: JSON.stringify({
        error: {
          code: 429,
          message: 'Resource has been exhausted (e.g. check quota).',
          errors: [
            {
              message: 'Resource has been exhausted (e.g. check quota).',
              domain: 'global',
              reason: 'rateLimitExceeded',
            },
          ],
          status: 'RESOURCE_EXHAUSTED',
        },
      }),
    },
    expected: { code: 'RATE_LIMITED', action: 'RETRY_WITH_BACKOFF', providerCode: 'RESOURCE_EXHAUSTED' },
  },
  // ── Google OAuth token endpoint ───────────────────────────────────────────────────────────────
  {
    name: 'google-oauth invalid_grant Token has been expired or revoked',
    source: `${GOOGLE_OAUTH}; https://developers.google.com/identity/protocols/oauth2#expiration`,
    input: {
      provider: 'google-oauth',
      status: 400,
      body: '{\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}',
    },
    expected: { code: 'AUTH_REVOKED', action: 'REAUTHORIZE', providerReason: 'invalid_grant' },
  },
  {
    name: 'google-oauth invalid_grant Bad Request',
    source: GOOGLE_OAUTH,
    input: {
      provider: 'google-oauth',
      status: 400,
      body: '{"error":"invalid_grant","error_description":"Bad Request"}',
    },
    expected: { code: 'AUTH_REVOKED', action: 'REAUTHORIZE' },
  },
  {
    name: 'google-oauth invalid_client Unauthorized is configuration, not a dead grant',
    source: GOOGLE_OAUTH,
    input: {
      provider: 'google-oauth',
      status: 401,
      body: '{"error":"invalid_client","error_description":"Unauthorized"}',
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', providerReason: 'invalid_client' },
  },
  {
    name: 'google-oauth invalid_client The OAuth client was not found.',
    source: `${GOOGLE_OAUTH}; github.com/erebusnz/gapi-google-analytics-php-interface/issues/149`,
    input: {
      provider: 'google-oauth',
      status: 401,
      body: '{ "error": "invalid_client", "error_description": "The OAuth client was not found." }',
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION' },
  },
  {
    name: 'google-oauth unauthorized_client (domain-wide delegation missing)',
    source: GOOGLE_OAUTH,
    input: {
      provider: 'google-oauth',
      status: 401,
      body: '{"error":"unauthorized_client","error_description":"Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested."}',
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', providerReason: 'unauthorized_client' },
  },
  {
    name: 'google-oauth invalid_request',
    source: GOOGLE_OAUTH,
    input: {
      provider: 'google-oauth',
      status: 400,
      body: '{"error":"invalid_request","error_description":"Missing required parameter: refresh_token"}',
    },
    expected: { code: 'INVALID_REQUEST', action: 'FIX_REQUEST' },
  },
  {
    name: 'google-oauth admin_policy_enforced',
    source:
      'https://developers.google.com/identity/protocols/oauth2/web-server#authorization-errors-admin-policy-enforced',
    input: {
      provider: 'google-oauth',
      status: 400,
      body: '{"error":"admin_policy_enforced","error_description":"The Google Account is unable to authorize one or more scopes requested due to the policies of their Google Workspace administrator."}',
    },
    expected: {
      code: 'PERMISSION_DENIED',
      action: 'FIX_CONFIGURATION',
      subReason: 'GOOGLE_ADMIN_POLICY_ENFORCED',
    },
  },
  {
    name: 'google-oauth org_internal',
    source:
      'https://developers.google.com/identity/protocols/oauth2/web-server#authorization-errors-org-internal',
    input: {
      provider: 'google-oauth',
      status: 403,
      body: '{"error":"org_internal","error_description":"This client is restricted to users within its organization."}',
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION' },
  },
  // ── Microsoft Graph ──────────────────────────────────────────────────────────────────────────
  {
    name: 'graph 401 InvalidAuthenticationToken',
    source: `${GRAPH_ERRORS}; github.com/besscroft/diyfile/issues/1`,
    input: {
      provider: 'microsoft',
      status: 401,
      body: graph('InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'),
    },
    expected: { code: 'AUTH_EXPIRED', action: 'REFRESH_TOKEN', providerReason: 'InvalidAuthenticationToken' },
  },
  {
    name: 'graph 403 ErrorAccessDenied',
    source: `${GRAPH_ERRORS}; github.com/microsoftgraph/python-sample-send-mail/issues/4`,
    input: {
      provider: 'microsoft',
      status: 403,
      body: graph('ErrorAccessDenied', 'Access is denied. Check credentials and try again.'),
    },
    expected: { code: 'PERMISSION_DENIED', action: 'FIX_CONFIGURATION', providerReason: 'ErrorAccessDenied' },
  },
  {
    name: 'graph 403 Authorization_RequestDenied',
    source: `${GRAPH_ERRORS}; github.com/Azure-Samples/ms-identity-python-daemon/issues/8`,
    input: {
      provider: 'microsoft',
      status: 403,
      body: graph('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
    },
    expected: { code: 'PERMISSION_DENIED', action: 'FIX_CONFIGURATION' },
  },
  {
    name: 'graph 403 ErrorAccessDenied naming a missing scope',
    source: 'https://learn.microsoft.com/graph/resolve-auth-errors#403-forbidden-access-denied',
    input: {
      provider: 'microsoft',
      status: 403,
      body: graph(
        'Forbidden',
        "Missing scope permissions on the request. API requires one of 'Calendars.ReadWrite'.",
      ),
    },
    expected: { code: 'INSUFFICIENT_SCOPE', action: 'REAUTHORIZE' },
  },
  {
    name: 'graph 404 MailboxNotEnabledForRESTAPI (inactive / soft-deleted / on-premises)',
    source: `https://learn.microsoft.com/outlook/troubleshoot/rest-api/rest-api-is-not-yet-supported-for-this-mailbox-error; github.com/iyear/E5SubBot/issues/39`,
    input: {
      provider: 'microsoft',
      status: 404,
      body: graph(
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      ),
    },
    expected: {
      code: 'ACCOUNT_UNAVAILABLE',
      action: 'FIX_CONFIGURATION',
      subReason: 'MS_MAILBOX_NOT_ENABLED',
    },
  },
  {
    name: 'graph 404 MailboxNotEnabledForRESTAPI (not yet supported)',
    source: 'github.com/thobach/MMM-MicrosoftToDo/issues/21',
    input: {
      provider: 'microsoft',
      status: 404,
      body: graph('MailboxNotEnabledForRESTAPI', 'REST API is not yet supported for this mailbox.'),
    },
    expected: { code: 'ACCOUNT_UNAVAILABLE', action: 'FIX_CONFIGURATION' },
  },
  {
    name: 'graph 404 ErrorItemNotFound',
    source: `${GRAPH_ERRORS}; github.com/microsoftgraph/microsoft-graph-docs/issues/4497`,
    input: {
      provider: 'microsoft',
      status: 404,
      body: graph('ErrorItemNotFound', 'The specified object was not found in the store.'),
    },
    expected: { code: 'NOT_FOUND', action: 'NONE', providerReason: 'ErrorItemNotFound' },
  },
  {
    name: 'graph 404 ResourceNotFound',
    source: 'github.com/microsoftgraph/microsoft-graph-docs/issues/2914',
    input: {
      provider: 'microsoft',
      status: 404,
      body: graph('ResourceNotFound', 'Resource could not be discovered.'),
    },
    expected: { code: 'NOT_FOUND', action: 'NONE' },
  },
  {
    name: 'graph 410 SyncStateNotFound on calendarView/delta',
    source: `${GRAPH_ERRORS} (syncStateNotFound); github.com/microsoftgraph/microsoft-graph-docs/issues/2350`,
    input: {
      provider: 'microsoft',
      status: 410,
      body: graph(
        'SyncStateNotFound',
        'The sync state generation is not found; generation=149;[highest=157][157][155][156].',
      ),
    },
    expected: { code: 'SYNC_TOKEN_INVALID', action: 'FULL_RESYNC', providerReason: 'SyncStateNotFound' },
  },
  {
    name: 'graph 410 resyncRequired',
    source: GRAPH_ERRORS,
    input: {
      provider: 'microsoft',
      status: 410,
      body: graph(
        'resyncRequired',
        'The delta token is no longer valid, and the app must reset the sync state.',
      ),
    },
    expected: { code: 'SYNC_TOKEN_INVALID', action: 'FULL_RESYNC' },
  },
  {
    name: 'graph 429 TooManyRequests with Retry-After',
    source: `${GRAPH_THROTTLING}; learn.microsoft.com/answers/questions/1138873`,
    input: {
      provider: 'microsoft',
      status: 429,
      headers: { 'Retry-After': '5', 'request-id': 'a15c7ea4-d7e4-4d57-9cf0-d5b8fd22aad0' },
      body: graph(
        'TooManyRequests',
        'Too many requests from Identifier:West Europe under category:throttle.aad.ags.subscriptionservice.dc.list. Please try again later.',
      ),
    },
    expected: { code: 'RATE_LIMITED', action: 'RETRY_WITH_BACKOFF', retryAfterSeconds: 5 },
  },
  {
    name: 'graph 429 activityLimitReached',
    source: `${GRAPH_ERRORS} (activityLimitReached); ${GRAPH_THROTTLING}`,
    input: {
      provider: 'microsoft',
      status: 429,
      headers: { 'retry-after': '2' },
      body: graph('activityLimitReached', 'The app or user has been throttled.'),
    },
    expected: { code: 'RATE_LIMITED', action: 'RETRY_WITH_BACKOFF', retryAfterSeconds: 2 },
  },
  {
    name: 'graph 429 accessDenied whose innerError says throttledRequest',
    source: `${GRAPH_ERRORS} (detailed codes: throttledRequest); learn.microsoft.com/answers/questions/1328107`,
    input: {
      provider: 'microsoft',
      status: 429,
      body: graph('accessDenied', 'Too Many Requests', 'throttledRequest'),
    },
    expected: { code: 'RATE_LIMITED', action: 'RETRY_WITH_BACKOFF', providerCode: 'throttledRequest' },
  },
  {
    name: 'graph 503 serviceNotAvailable with Retry-After',
    source: `${GRAPH_ERRORS} (serviceNotAvailable)`,
    input: {
      provider: 'microsoft',
      status: 503,
      headers: { 'Retry-After': '10' },
      body: graph(
        'serviceNotAvailable',
        'The service is not available. Try the request again after a delay.',
      ),
    },
    expected: { code: 'PROVIDER_UNAVAILABLE', action: 'RETRY_WITH_BACKOFF', retryAfterSeconds: 10 },
  },
  {
    name: 'graph 503 ErrorMailboxStoreUnavailable',
    source:
      'https://learn.microsoft.com/exchange/client-developer/web-service-reference/responsecode (ErrorMailboxStoreUnavailable)',
    input: {
      provider: 'microsoft',
      status: 503,
      body: graph('ErrorMailboxStoreUnavailable', 'The mailbox database is temporarily unavailable.'),
    },
    expected: { code: 'PROVIDER_UNAVAILABLE', action: 'RETRY_WITH_BACKOFF' },
  },
  // ── Microsoft identity platform token endpoint ───────────────────────────────────────────────
  {
    name: 'identity invalid_grant AADSTS700082 refresh token expired due to inactivity',
    source: `${ENTRA_CODES}; github.com/Azure/azure-cli/issues/14244`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'invalid_grant',
        700082,
        'The refresh token has expired due to inactivity. The token was issued on 2020-02-26T21:52:54.2810613Z and was inactive for 90.00:00:00.',
      ),
    },
    expected: {
      code: 'AUTH_REVOKED',
      action: 'REAUTHORIZE',
      providerCode: 'AADSTS700082',
      subReason: 'MS_REFRESH_TOKEN_EXPIRED',
    },
  },
  {
    name: 'identity invalid_grant AADSTS70008 expired or revoked grant',
    source: ENTRA_CODES,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
      ),
    },
    expected: { code: 'AUTH_REVOKED', action: 'REAUTHORIZE', providerCode: 'AADSTS70008' },
  },
  {
    name: 'identity invalid_grant AADSTS50173 grant revoked (password change)',
    source: `${ENTRA_CODES}; techcommunity.microsoft.com (FreshTokenNeeded)`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'invalid_grant',
        50173,
        "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '2023-01-01T00:00:00Z' and the TokensValidFrom date (before which tokens are not valid) for this user is '2023-02-01T00:00:00Z'.",
        { suberror: 'bad_token' },
      ),
    },
    expected: { code: 'AUTH_REVOKED', action: 'REAUTHORIZE', subReason: 'MS_GRANT_REVOKED' },
  },
  {
    name: 'identity interaction_required AADSTS50076 MFA',
    source: `${ENTRA_CODES}; github.com/microsoft/vscode-azure-account/issues/971`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'interaction_required',
        50076,
        "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
      ),
    },
    expected: { code: 'INTERACTION_REQUIRED', action: 'REAUTHORIZE', subReason: 'MS_MFA_REQUIRED' },
  },
  {
    name: 'identity interaction_required AADSTS50079 MFA enrollment (suberror basic_action)',
    source: `${ENTRA_CODES}; github.com/Azure/azure-kusto-python/issues/89`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad('interaction_required', 50079, 'The user is required to use multi-factor authentication.', {
        suberror: 'basic_action',
      }),
    },
    expected: { code: 'INTERACTION_REQUIRED', action: 'REAUTHORIZE', providerCode: 'AADSTS50079' },
  },
  {
    name: 'identity invalid_grant AADSTS65001 consent required',
    source: `${ENTRA_CODES}; github.com/AzureAD/microsoft-authentication-library-for-js/issues/2472`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'invalid_grant',
        65001,
        "The user or administrator has not consented to use the application with ID 'd3590ed6-52b3-4102-aeff-aad2292ab01c' named 'Tsunagi'. Send an interactive authorization request for this user and resource.",
        { suberror: 'consent_required' },
      ),
    },
    expected: { code: 'INTERACTION_REQUIRED', action: 'REAUTHORIZE', subReason: 'MS_CONSENT_REQUIRED' },
  },
  {
    name: 'identity invalid_client AADSTS7000215 invalid client secret',
    source: `${ENTRA_CODES}; github.com/OfficeDev/microsoft-365-agents-toolkit/issues/8621`,
    input: {
      provider: 'microsoft-identity',
      status: 401,
      body: aad(
        'invalid_client',
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'a8fdfbd0-da97-42d9-8f1a-fd6a7cb650b4'.",
      ),
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'MS_CLIENT_SECRET_INVALID' },
  },
  {
    name: 'identity invalid_client AADSTS7000222 expired client secret',
    source: `${ENTRA_CODES}; github.com/vcheckzen/FODI/issues/23`,
    input: {
      provider: 'microsoft-identity',
      status: 401,
      body: aad(
        'invalid_client',
        7000222,
        "The provided client secret keys for app 'd87bcc39-1750-4ca0-ad54-f8d0efbb2735' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
      ),
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'MS_CLIENT_SECRET_EXPIRED' },
  },
  {
    name: 'identity unauthorized_client AADSTS700016 application not found',
    source: `${ENTRA_CODES}; github.com/donwa/oneindex/issues/621`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'unauthorized_client',
        700016,
        "Application with identifier '160c5842-eeba-487b-bb30-be9fae7878d0' was not found in the directory '1cdf1d7c-ca85-45c7-b1a6-0d197aa07dc5'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
      ),
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'MS_APP_NOT_FOUND' },
  },
  {
    name: 'identity invalid_grant AADSTS50034 user not found',
    source: `${ENTRA_CODES}; github.com/Microsoft365DSC/Microsoft365DSC/pull/801`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'invalid_grant',
        50034,
        'The user account {EmailHidden} does not exist in the contoso directory. To sign into this application, the account must be added to the directory.',
      ),
    },
    expected: {
      code: 'ACCOUNT_UNAVAILABLE',
      action: 'FIX_CONFIGURATION',
      providerCode: 'AADSTS50034',
      subReason: 'MS_USER_NOT_IN_TENANT',
    },
  },
  {
    name: 'identity invalid_grant AADSTS50020 user from another identity provider',
    source:
      'https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts50020-user-account-identity-provider-does-not-exist',
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'invalid_grant',
        50020,
        "User account 'someone@outlook.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application '7019e700-66cb-4e8f-a3ea-dcc20e2d580c'(tsunagi) in that tenant.",
      ),
    },
    expected: { code: 'ACCOUNT_UNAVAILABLE', action: 'FIX_CONFIGURATION' },
  },
  {
    name: 'identity interaction_required AADSTS53003 blocked by Conditional Access',
    source: `${ENTRA_CODES}; github.com/MartinIngesen/MSOLSpray/issues/5`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'interaction_required',
        53003,
        'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
        { suberror: 'message_only' },
      ),
    },
    expected: {
      code: 'PERMISSION_DENIED',
      action: 'FIX_CONFIGURATION',
      subReason: 'MS_CONDITIONAL_ACCESS_BLOCKED',
    },
  },
  {
    name: 'identity invalid_tenant AADSTS90002 tenant not found',
    source: `${ENTRA_CODES}; github.com/Azure/azure-cli/issues/22145`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'invalid_tenant',
        90002,
        "Tenant '2b0623dd-90fa-4c5c-bee8-8dc18bd4d948' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.",
      ),
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'MS_TENANT_NOT_FOUND' },
  },
  {
    name: 'identity temporarily_unavailable (documented error field)',
    source: `${ENTRA_CODES}#handling-error-codes-in-your-application (temporarily_unavailable)`,
    input: {
      provider: 'microsoft-identity',
      status: 503,
      headers: { 'Retry-After': '3' },
      body: '{"error":"temporarily_unavailable","error_description":"The server is temporarily too busy to handle the request."}',
    },
    expected: { code: 'PROVIDER_UNAVAILABLE', action: 'RETRY_WITH_BACKOFF', retryAfterSeconds: 3 },
  },
  // ── Zoom ────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'zoom 401 code 124 invalid access token',
    source: `${ZOOM_ERRORS}; devforum.zoom.us/t/74432`,
    input: { provider: 'zoom', status: 401, body: '{"code":124,"message":"Invalid access token."}' },
    expected: { code: 'AUTH_EXPIRED', action: 'REFRESH_TOKEN', providerCode: '124' },
  },
  {
    name: 'zoom 4700 token without the required scopes',
    source: `${ZOOM_ERRORS} (4700); devforum.zoom.us/t/58685`,
    input: {
      provider: 'zoom',
      status: 400,
      body: '{\n"code": 4700,\n"message": "Invalid access token, does not contain scopes: [user_zak:read]."\n}',
    },
    expected: { code: 'INSUFFICIENT_SCOPE', action: 'REAUTHORIZE', providerCode: '4700' },
  },
  {
    name: 'zoom 400 code 4711 token does not contain the scopes',
    source:
      'https://github.com/JubaerHossain/zoom-laravel/issues/15 (400 Bad Request); https://github.com/zoom/zoomapps-sample-js/issues/25',
    input: {
      provider: 'zoom',
      status: 400,
      body: '{"code":4711,"message":"Invalid access token, does not contain scopes:[meeting:write:meeting, meeting:write]."}',
    },
    expected: { code: 'INSUFFICIENT_SCOPE', action: 'REAUTHORIZE', providerCode: '4711' },
  },
  {
    name: 'zoom 404 code 1001 user does not exist',
    source:
      'https://developers.zoom.us/docs/api/meetings/ (404 Error Code 1001 "User does not exist: {userId}.")',
    input: {
      provider: 'zoom',
      status: 404,
      body: '{"code":1001,"message":"User does not exist: alice@example.com."}',
    },
    expected: { code: 'ACCOUNT_UNAVAILABLE', action: 'FIX_CONFIGURATION', providerCode: '1001' },
  },
  {
    name: 'zoom 400 code 1010 user does not belong to this account',
    source: 'https://developers.zoom.us/docs/api/users/ (400 Error Code 1010)',
    input: {
      provider: 'zoom',
      status: 400,
      body: '{"code":1010,"message":"User does not belong to this account: abc123."}',
    },
    expected: { code: 'ACCOUNT_UNAVAILABLE', action: 'FIX_CONFIGURATION' },
  },
  {
    name: 'zoom 404 code 3001 meeting does not exist',
    source: 'https://developers.zoom.us/docs/api/meetings/ (404 Error Code 3001)',
    input: {
      provider: 'zoom',
      status: 404,
      body: '{"code":3001,"message":"Meeting does not exist: 85746065432."}',
    },
    expected: { code: 'NOT_FOUND', action: 'NONE', providerCode: '3001' },
  },
  {
    name: 'zoom 400 code 300 validation failed',
    source: ZOOM_ERRORS,
    input: {
      provider: 'zoom',
      status: 400,
      body: '{\n    "code": 300,\n    "message": "Validation Failed.",\n    "errors": [\n        {\n            "field": "user_info.email",\n            "message": "Invalid field."\n        }\n    ]\n}',
    },
    expected: { code: 'INVALID_REQUEST', action: 'FIX_REQUEST', providerCode: '300' },
  },
  {
    name: 'zoom 400 code 200 no permission',
    source: 'https://developers.zoom.us/docs/api/meetings/ (400 Error Code 200)',
    input: { provider: 'zoom', status: 400, body: '{"code":200,"message":"No permission."}' },
    expected: { code: 'PERMISSION_DENIED', action: 'FIX_CONFIGURATION' },
  },
  {
    name: 'zoom 429 per-second limit',
    source: `${ZOOM_RATE}; devforum.zoom.us/t/18928`,
    input: {
      provider: 'zoom',
      status: 429,
      headers: { 'X-RateLimit-Category': 'Light', 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Limit': '30' },
      body: '{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}',
    },
    expected: { code: 'RATE_LIMITED', action: 'RETRY_WITH_BACKOFF' },
  },
  {
    name: 'zoom 429 daily limit with Retry-After date',
    source: `${ZOOM_RATE} (X-RateLimit-Type: Daily-limit, Retry-After: 2020-05-31T00:00:00Z)`,
    now: Date.parse('2020-05-30T23:00:00Z'),
    input: {
      provider: 'zoom',
      status: 429,
      headers: {
        'X-RateLimit-Category': 'Heavy',
        'X-RateLimit-Type': 'Daily-limit',
        'X-RateLimit-Limit': '30000',
        'X-RateLimit-Remaining': '0',
        'Retry-After': '2020-05-31T00:00:00Z',
      },
      body: '{"code":429,"message":"You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request."}',
    },
    expected: {
      code: 'QUOTA_EXCEEDED',
      action: 'RETRY_WITH_BACKOFF',
      retryAfterSeconds: 3600,
      subReason: 'ZOOM_DAILY_LIMIT',
    },
  },
  {
    name: 'zoom 429 daily meeting-create limit without Retry-After resumes at 00:00 UTC',
    source: 'devforum.zoom.us/t/18928 (You may resume these requests at GMT 00:00:00.)',
    now: Date.parse('2021-01-01T22:30:00Z'),
    input: {
      provider: 'zoom',
      status: 429,
      headers: {
        'x-ratelimit-category': 'Light',
        'x-ratelimit-limit': '6000',
        'x-ratelimit-remaining': '5893',
      },
      body: '{"code":429,"message":"You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00."}',
    },
    expected: { code: 'QUOTA_EXCEEDED', action: 'RETRY_WITH_BACKOFF', retryAfterSeconds: 5400 },
  },
  {
    name: 'zoom oauth invalid_request Invalid Token! (dead refresh token)',
    source: `${ZOOM_OAUTH}; https://developers.zoom.us/docs/integrations/oauth/#refreshing-an-access-token`,
    input: { provider: 'zoom', status: 400, body: '{"reason":"Invalid Token!","error":"invalid_request"}' },
    expected: { code: 'AUTH_REVOKED', action: 'REAUTHORIZE', providerReason: 'invalid_request' },
  },
  {
    name: 'zoom oauth invalid_grant Invalid Token! (dead or rotated-out refresh token)',
    source:
      'https://github.com/raycast/extensions/issues/10896 (400); https://github.com/tl-its-umich-edu/remote-office-hours-queue/issues/363 (was 401, 400 since 2022)',
    input: { provider: 'zoom', status: 400, body: '{"reason":"Invalid Token!","error":"invalid_grant"}' },
    expected: { code: 'AUTH_REVOKED', action: 'REAUTHORIZE', providerReason: 'invalid_grant' },
  },
  {
    name: 'zoom oauth invalid_grant',
    source: ZOOM_OAUTH,
    input: {
      provider: 'zoom',
      status: 400,
      body: '{"reason":"Invalid authorization code","error":"invalid_grant"}',
    },
    expected: { code: 'AUTH_REVOKED', action: 'REAUTHORIZE' },
  },
  {
    name: 'zoom oauth invalid_client',
    source: `${ZOOM_OAUTH} (4702, 4704 Invalid client); https://github.com/JubaerHossain/zoom-laravel/issues/3 (400)`,
    input: {
      provider: 'zoom',
      status: 400,
      body: '{"reason":"Invalid client_id or client_secret","error":"invalid_client"}',
    },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION' },
  },
  // ── Google Calendar Interop / Exchange (seeds/calendar-interop-errors.it.txt) ─────────────────
  {
    name: 'interop Connection error',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Connection error' },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_CONNECTION_ERROR' },
  },
  {
    name: 'interop Errore di connessione (Italian)',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Errore di connessione' },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_CONNECTION_ERROR' },
  },
  {
    name: 'interop Exchange Web Services (EWS) communication error',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Exchange Web Services (EWS) communication error' },
    expected: {
      code: 'INSECURE_ENDPOINT',
      action: 'FIX_CONFIGURATION',
      subReason: 'INTEROP_EWS_COMMUNICATION_ERROR',
    },
  },
  {
    name: 'interop EWS response error',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'EWS response error' },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_EWS_RESPONSE_ERROR' },
  },
  {
    name: 'interop Errore di risposta EWS (Italian)',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Errore di risposta EWS' },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_EWS_RESPONSE_ERROR' },
  },
  {
    name: 'interop Exchange username is not an email address',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Exchange username is not an email address' },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_USERNAME_NOT_EMAIL' },
  },
  {
    name: 'interop Host not found',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Host not found' },
    expected: { code: 'DNS_NOT_FOUND', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_HOST_NOT_FOUND' },
  },
  {
    name: 'interop Interop is not configured',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Interop is not configured' },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_NOT_CONFIGURED' },
  },
  {
    name: 'interop Invalid participant',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Invalid participant' },
    expected: {
      code: 'ACCOUNT_UNAVAILABLE',
      action: 'FIX_CONFIGURATION',
      subReason: 'INTEROP_INVALID_PARTICIPANT',
    },
  },
  {
    name: 'interop Partecipante non valido (Italian)',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Partecipante non valido' },
    expected: {
      code: 'ACCOUNT_UNAVAILABLE',
      action: 'FIX_CONFIGURATION',
      subReason: 'INTEROP_INVALID_PARTICIPANT',
    },
  },
  {
    name: 'interop Malformed Exchange URL',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Malformed Exchange URL' },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_MALFORMED_URL' },
  },
  {
    name: 'interop SSL error',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'SSL error' },
    expected: { code: 'TLS_ERROR', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_SSL_ERROR' },
  },
  {
    name: 'interop Errore SSL (Italian)',
    source: INTEROP,
    input: { provider: 'google-interop', body: 'Errore SSL' },
    expected: { code: 'TLS_ERROR', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_SSL_ERROR' },
  },
  {
    name: 'interop 400 bad request (wrong application id)',
    source: INTEROP,
    input: { provider: 'google-interop', status: 400, body: 'Bad Request' },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_BAD_REQUEST' },
  },
  {
    name: 'interop 401 unauthorized (client secret / ACL) with an empty body',
    source: INTEROP,
    input: { provider: 'google-interop', status: 401, body: '' },
    expected: { code: 'MISCONFIGURED', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_UNAUTHORIZED' },
  },
  {
    name: 'interop http:// Exchange URL',
    source: `${INTEROP} (EWS communication error: the URL uses HTTP instead of HTTPS)`,
    input: {
      provider: 'google-interop',
      errorCode: 'ECONNREFUSED',
      endpoint: 'http://mail.example.com/EWS/Exchange.asmx',
    },
    expected: {
      code: 'INSECURE_ENDPOINT',
      action: 'FIX_CONFIGURATION',
      subReason: 'INTEROP_EWS_COMMUNICATION_ERROR',
    },
  },
  {
    name: 'interop IP address in the URL and a certificate for the host name',
    source: `${INTEROP} (SSL error: IP address instead of host name); ${NODE_TLS}`,
    input: {
      provider: 'google-interop',
      errorCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
      endpoint: 'https://203.0.113.10/EWS/Exchange.asmx',
    },
    expected: { code: 'TLS_ERROR', action: 'FIX_CONFIGURATION', subReason: 'TLS_HOST_IS_IP_ADDRESS' },
  },
  {
    name: 'interop ENOTFOUND on the admin-entered host',
    source: `${INTEROP} (Host not found); ${NODE_ERRORS} (ENOTFOUND)`,
    input: {
      provider: 'google-interop',
      errorCode: 'ENOTFOUND',
      endpoint: 'https://mial.example.com/EWS/Exchange.asmx',
    },
    expected: { code: 'DNS_NOT_FOUND', action: 'FIX_CONFIGURATION', subReason: 'INTEROP_HOST_NOT_FOUND' },
  },
  {
    name: 'exchange EWS ErrorServerBusy with BackOffMilliseconds',
    source:
      'https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange',
    input: { provider: 'google-interop', status: 500, body: EWS_SERVER_BUSY },
    expected: {
      code: 'RATE_LIMITED',
      action: 'RETRY_WITH_BACKOFF',
      retryAfterSeconds: 297.749,
      providerReason: 'ErrorServerBusy',
    },
  },
  {
    name: 'exchange EWS ErrorNonExistentMailbox',
    source: 'https://learn.microsoft.com/exchange/client-developer/web-service-reference/responsecode',
    input: { provider: 'google-interop', status: 200, body: EWS_NON_EXISTENT_MAILBOX },
    expected: {
      code: 'ACCOUNT_UNAVAILABLE',
      action: 'FIX_CONFIGURATION',
      providerReason: 'ErrorNonExistentMailbox',
    },
  },
  // ── Transport (Node / undici) ────────────────────────────────────────────────────────────────
  {
    name: 'network ECONNRESET',
    source: NODE_ERRORS,
    input: {
      provider: 'network',
      errorCode: 'ECONNRESET',
      endpoint: 'https://www.googleapis.com/calendar/v3',
    },
    expected: { code: 'NETWORK_UNREACHABLE', action: 'RETRY_WITH_BACKOFF', providerCode: 'ECONNRESET' },
  },
  {
    name: 'network ENOTFOUND for a public provider host is transient',
    source: NODE_ERRORS,
    input: {
      provider: 'microsoft',
      errorCode: 'ENOTFOUND',
      endpoint: 'https://graph.microsoft.com/v1.0/me/events',
    },
    expected: { code: 'NETWORK_UNREACHABLE', action: 'RETRY_WITH_BACKOFF' },
  },
  {
    name: 'network EAI_AGAIN temporary DNS failure',
    source: 'https://nodejs.org/api/dns.html#error-codes (EAI_AGAIN)',
    input: { provider: 'network', errorCode: 'EAI_AGAIN', endpoint: 'https://api.zoom.us/v2/users/me' },
    expected: { code: 'NETWORK_UNREACHABLE', action: 'RETRY_WITH_BACKOFF' },
  },
  {
    name: 'network UND_ERR_CONNECT_TIMEOUT behind fetch failed',
    source: UNDICI,
    input: {
      provider: 'zoom',
      errorCode: 'UND_ERR_CONNECT_TIMEOUT',
      endpoint: 'https://zoom.us/oauth/token',
    },
    expected: { code: 'NETWORK_UNREACHABLE', action: 'RETRY_WITH_BACKOFF' },
  },
  {
    name: 'network CERT_HAS_EXPIRED',
    source: NODE_TLS,
    input: {
      provider: 'network',
      errorCode: 'CERT_HAS_EXPIRED',
      endpoint: 'https://exchange.contoso.com/EWS/Exchange.asmx',
    },
    expected: { code: 'TLS_ERROR', action: 'FIX_CONFIGURATION', subReason: 'TLS_CERT_EXPIRED' },
  },
  {
    name: 'network DEPTH_ZERO_SELF_SIGNED_CERT',
    source: NODE_TLS,
    input: {
      provider: 'network',
      errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      endpoint: 'https://exchange.local/EWS',
    },
    expected: { code: 'TLS_ERROR', action: 'FIX_CONFIGURATION', subReason: 'TLS_CERT_UNTRUSTED' },
  },
  // ── Gateways, empty and garbage bodies ───────────────────────────────────────────────────────
  {
    name: 'google 502 HTML error page',
    source: 'Google front-end "502. That’s an error." page (RFC 9110 §15.6.3 502 Bad Gateway)',
    input: {
      provider: 'google',
      status: 502,
      headers: { 'content-type': 'text/html; charset=UTF-8' },
      body: GOOGLE_502_PAGE,
    },
    expected: { code: 'PROVIDER_UNAVAILABLE', action: 'RETRY_WITH_BACKOFF' },
  },
  {
    name: 'graph 503 gateway HTML with an HTTP-date Retry-After',
    source: 'RFC 9110 §10.2.3 (Retry-After: HTTP-date); RFC 9110 §15.6.4 503',
    now: Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'),
    input: {
      provider: 'microsoft',
      status: 503,
      headers: { 'RETRY-AFTER': 'Wed, 21 Oct 2015 07:28:00 GMT' },
      body: '<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>',
    },
    expected: { code: 'PROVIDER_UNAVAILABLE', action: 'RETRY_WITH_BACKOFF', retryAfterSeconds: 60 },
  },
  {
    name: 'zoom 504 with an empty body',
    source: 'RFC 9110 §15.6.5 504 Gateway Timeout',
    input: { provider: 'zoom', status: 504, body: '' },
    expected: { code: 'PROVIDER_UNAVAILABLE', action: 'RETRY_WITH_BACKOFF' },
  },
  {
    name: 'google 403 with a garbage body falls back to the status',
    source: 'RFC 9110 §15.5.4 403 Forbidden',
    input: { provider: 'google', status: 403, body: '\u0000\u0001not json at all {' },
    expected: { code: 'PERMISSION_DENIED', action: 'FIX_CONFIGURATION' },
  },
  {
    name: 'graph 429 without a body or Retry-After',
    source: GRAPH_THROTTLING,
    input: { provider: 'microsoft', status: 429 },
    expected: { code: 'RATE_LIMITED', action: 'RETRY_WITH_BACKOFF' },
  },
  {
    name: 'no status and no error code',
    source: 'contract: no signal at all is UNKNOWN',
    input: { provider: 'google' },
    expected: { code: 'UNKNOWN', action: 'NONE' },
  },
  // ── Passing trouble, who can fix it, and dead sync tokens (issue: transient faults and classification) ──
  ...(
    [
      [
        'ErrorTimeoutExpired',
        'The operation timed out while waiting for a response from the mailbox server.',
      ],
      ['ErrorInternalServerTransientError', 'An internal server error occurred. Try again later.'],
      ['ErrorMailboxStoreUnavailable', 'The mailbox database is temporarily unavailable.'],
    ] as const
  ).map(
    ([code, message]): WireCase => ({
      name: `exchange EWS ${code} SOAP fault (HTTP 500) is transient`,
      source: EWS_THROTTLING,
      input: { provider: 'google-interop', status: 500, body: ewsTransientFault(code, message) },
      expected: { code: 'PROVIDER_UNAVAILABLE', action: 'RETRY_WITH_BACKOFF', providerReason: code },
    }),
  ),
  {
    name: 'identity AADSTS90072 user not in the tenant: an administrator adds them',
    source: `${ENTRA_CODES} (90072 PassThroughUserMfaError: the user account does not exist in the tenant)`,
    input: {
      provider: 'microsoft-identity',
      status: 400,
      body: aad(
        'invalid_grant',
        90072,
        "User account 'guest@fabrikam.com' from identity provider 'https://sts.windows.net/f3c2-…/' does not exist in tenant 'Contoso' and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first.",
      ),
    },
    expected: {
      code: 'ACCOUNT_UNAVAILABLE',
      action: 'FIX_CONFIGURATION',
      providerCode: 'AADSTS90072',
      subReason: 'MS_USER_NOT_IN_TENANT',
    },
  },
  {
    name: 'google 400 "Invalid sync token value." is a full resync, like 410',
    source:
      "Thunderbird's Google calendar provider (calGoogleRequest: 400 'Invalid sync token value.' handled as RESOURCE_GONE); https://developers.google.com/calendar/api/guides/sync",
    input: {
      provider: 'google',
      status: 400,
      body: '{"error":{"errors":[{"domain":"global","reason":"invalid","message":"Invalid sync token value.","locationType":"parameter","location":"syncToken"}],"code":400,"message":"Invalid sync token value."}}',
    },
    expected: {
      code: 'SYNC_TOKEN_INVALID',
      action: 'FULL_RESYNC',
      providerReason: 'invalid',
      subReason: 'GOOGLE_SYNC_TOKEN_EXPIRED',
    },
  },
  {
    name: 'graph 400 InvalidDeltaToken is a full resync, like 410',
    source: 'github.com/microsoftgraph/microsoft-graph-docs/issues/6599 (calendarView delta)',
    input: {
      provider: 'microsoft',
      status: 400,
      body: graph('InvalidDeltaToken', "The value 'azXzvS43du' of parameter '$deltaToken' is invalid."),
    },
    expected: { code: 'SYNC_TOKEN_INVALID', action: 'FULL_RESYNC', providerReason: 'InvalidDeltaToken' },
  },
  {
    name: 'google 400 syncToken used with other parameters is our bug, not a dead token',
    source:
      'https://developers.google.com/calendar/api/v3/reference/events/list (syncToken: other parameters not allowed)',
    input: {
      provider: 'google',
      status: 400,
      body: googleSeed(
        'invalid',
        'global',
        400,
        'Sync token cannot be used with other parameters.',
        'syncToken',
      ),
    },
    expected: { code: 'INVALID_REQUEST', action: 'FIX_REQUEST' },
  },
  {
    name: 'google 400 invalid about something else stays a bad request',
    source: GOOGLE_ERRORS,
    input: {
      provider: 'google',
      status: 400,
      body: googleSeed(
        'invalid',
        'global',
        400,
        'Invalid value for: Invalid format: "2030-13-01"',
        'timeMin',
      ),
    },
    expected: { code: 'INVALID_REQUEST', action: 'FIX_REQUEST' },
  },
];
