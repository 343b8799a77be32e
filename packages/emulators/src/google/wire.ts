// Google's error bodies as they appear on the wire. The Calendar shapes are the documented ones
// (seeds/calendar-api-errors.pl.txt); the scope error is the newer AIP-193 shape Google sends alongside
// the legacy `errors[]` array; the token endpoint speaks RFC 6749 §5.2.

export interface GoogleWireError {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const JSON_TYPE = 'application/json; charset=UTF-8';

interface LegacyEntry {
  readonly domain: string;
  readonly reason: string;
  readonly message: string;
  readonly locationType?: string;
  readonly location?: string;
}

function legacy(status: number, entry: LegacyEntry, extra?: Record<string, unknown>): GoogleWireError {
  return {
    status,
    contentType: JSON_TYPE,
    body: JSON.stringify(
      { error: { errors: [entry], code: status, message: entry.message, ...extra } },
      null,
      1,
    ),
  };
}

export const calendarErrors = {
  authError: (): GoogleWireError => ({
    ...legacy(
      401,
      {
        domain: 'global',
        reason: 'authError',
        message: 'Invalid Credentials',
        locationType: 'header',
        location: 'Authorization',
      },
      { status: 'UNAUTHENTICATED' },
    ),
    headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
  }),
  insufficientScope: (method: string, scope: string): GoogleWireError => ({
    status: 403,
    contentType: JSON_TYPE,
    headers: {
      'www-authenticate': `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${scope}"`,
    },
    body: JSON.stringify(
      {
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
              metadata: { service: 'calendar-json.googleapis.com', method },
            },
          ],
        },
      },
      null,
      2,
    ),
  }),
  rateLimitExceeded: (status: 403 | 429, retryAfterSeconds: number): GoogleWireError => ({
    ...legacy(status, { domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }),
    headers: { 'retry-after': String(retryAfterSeconds) },
  }),
  notFound: (): GoogleWireError =>
    legacy(404, { domain: 'global', reason: 'notFound', message: 'Not Found' }),
  duplicate: (): GoogleWireError =>
    legacy(409, {
      domain: 'global',
      reason: 'duplicate',
      message: 'The requested identifier already exists.',
    }),
  deleted: (): GoogleWireError =>
    legacy(410, { domain: 'global', reason: 'deleted', message: 'Resource has been deleted' }),
  fullSyncRequired: (): GoogleWireError =>
    legacy(410, {
      domain: 'calendar',
      reason: 'fullSyncRequired',
      message: 'Sync token is no longer valid, a full sync is required.',
      locationType: 'parameter',
      location: 'syncToken',
    }),
  timeRangeEmpty: (location: string): GoogleWireError =>
    legacy(400, {
      domain: 'calendar',
      reason: 'timeRangeEmpty',
      message: 'The specified time range is empty.',
      locationType: 'parameter',
      location,
    }),
  invalid: (message: string, location?: string): GoogleWireError =>
    legacy(400, {
      domain: 'global',
      reason: 'invalid',
      message,
      ...(location ? { locationType: 'parameter', location } : {}),
    }),
  required: (message: string): GoogleWireError =>
    legacy(400, { domain: 'global', reason: 'required', message }),
  backendError: (): GoogleWireError =>
    legacy(500, { domain: 'global', reason: 'backendError', message: 'Backend Error' }),
  unavailable: (): GoogleWireError => ({
    status: 503,
    contentType: JSON_TYPE,
    body: JSON.stringify(
      { error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } },
      null,
      2,
    ),
  }),
  deadlineExceeded: (): GoogleWireError => ({
    status: 504,
    contentType: JSON_TYPE,
    body: JSON.stringify(
      {
        error: {
          code: 504,
          message: 'Deadline expired before operation could complete.',
          status: 'DEADLINE_EXCEEDED',
        },
      },
      null,
      2,
    ),
  }),
  /** Google's front end answers a 502 with an HTML page, not JSON. */
  badGatewayHtml: (): GoogleWireError => ({
    status: 502,
    contentType: 'text/html; charset=UTF-8',
    body:
      '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 502 (Server Error)!!1</title>\n' +
      '  <p><b>502.</b> <ins>That’s an error.</ins>\n  <p>The server encountered a temporary error and could not ' +
      'complete your request.<p>Please try again in 30 seconds.  <ins>That’s all we know.</ins>\n',
  }),
};

export function oauthError(status: number, error: string, description?: string): GoogleWireError {
  return {
    status,
    contentType: JSON_TYPE,
    body: JSON.stringify(
      description === undefined ? { error } : { error, error_description: description },
      null,
      2,
    ),
  };
}

/** The HTML page Google's authorization server shows for errors it cannot redirect. */
export function authorizeErrorPage(status: number, error: string, detail: string): GoogleWireError {
  const escapeHtml = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    status,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><title>Error ${status}: ${escapeHtml(error)}</title></head><body><h1>Access blocked: authorization error</h1><p>Error ${status}: ${escapeHtml(error)}</p><p>${escapeHtml(detail)}</p></body></html>`,
  };
}
