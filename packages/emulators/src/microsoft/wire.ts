// Wire shapes of Microsoft Graph v1.0 and the Microsoft identity platform (v2.0 endpoints), as documented:
// https://learn.microsoft.com/graph/errors and https://learn.microsoft.com/entra/identity-platform/reference-error-codes
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8' } : {}),
    'request-id': randomUUID(),
    'client-request-id': randomUUID(),
    ...headers,
  });
  response.end(text);
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}

/** A Graph error: `{"error":{"code","message","innerError":{date, request-id, client-request-id}}}`. */
export function graphError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const requestId = randomUUID();
  sendJson(
    response,
    status,
    {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': requestId,
          'client-request-id': requestId,
        },
      },
    },
    headers,
  );
}

/** An identity platform token endpoint error (`error`, `error_description` with the AADSTS code, …). */
export function identityError(
  response: ServerResponse,
  status: number,
  error: string,
  aadsts: number,
  description: string,
  headers: Record<string, string> = {},
): void {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace('Z', 'Z');
  sendJson(
    response,
    status,
    {
      error,
      error_description: `AADSTS${aadsts}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
    },
    headers,
  );
}

/** The HTML page Entra shows when it cannot even redirect back (unknown app, wrong redirect URI). */
export function identityErrorPage(response: ServerResponse, aadsts: number, description: string): void {
  sendHtml(
    response,
    400,
    `<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><div id="error">` +
      `AADSTS${aadsts}: ${description}</div></body></html>`,
  );
}

export function gatewayPage(status: number): string {
  const title = status === 500 ? '500 - Internal server error.' : `${status} - Bad Gateway`;
  return `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>There is a problem with the resource you are looking for, and it cannot be displayed.</p></body></html>`;
}

/** Graph date-time with time zone, always UTC here (`2026-01-05T10:00:00.0000000`). */
export function graphDateTime(date: Date): { dateTime: string; timeZone: string } {
  return { dateTime: `${date.toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}

/** Parses `{ dateTime, timeZone }` (only UTC and offset-less values are understood) or an ISO string. */
export function parseGraphDateTime(value: unknown): Date | null {
  if (typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { dateTime } = value as { dateTime?: unknown };
  if (typeof dateTime !== 'string') return null;
  const trimmed = dateTime.replace(/(\.\d{3})\d+/, '$1');
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(trimmed) ? trimmed : `${trimmed}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
