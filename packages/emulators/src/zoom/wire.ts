// Wire shapes of the Zoom REST API v2 and Zoom OAuth, as documented:
// https://developers.zoom.us/docs/api/errors, https://developers.zoom.us/docs/integrations/oauth-error-messages/
// and https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events (signatures).
import { createHmac, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...(text ? { 'content-type': 'application/json;charset=UTF-8' } : {}),
    'x-zm-trackingid': `v=2.0;clid=us06;rid=${randomUUID().replace(/-/g, '').toUpperCase()}`,
    ...headers,
  });
  response.end(text);
}

/** A REST API error: `{"code":124,"message":"Invalid access token."}`. */
export function apiError(
  response: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { code, message }, headers);
}

/** A token endpoint error: `{"reason":"Invalid Token!","error":"invalid_grant"}`. */
export function oauthError(response: ServerResponse, status: number, error: string, reason: string): void {
  sendJson(response, status, { reason, error });
}

/** The page zoom.us shows when it cannot redirect back (unknown client, wrong redirect URI). */
export function oauthErrorPage(response: ServerResponse, message: string): void {
  response.writeHead(400, { 'content-type': 'text/html;charset=UTF-8' });
  response.end(
    `<!DOCTYPE html><html><head><title>Error - Zoom</title></head><body><div class="error">${message}</div></body></html>`,
  );
}

export function gatewayPage(status: number): string {
  return `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center></body></html>`;
}

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{rawBody}` keyed with the app's secret token. */
export function zoomSignature(secretToken: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', secretToken).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** `endpoint.url_validation`: hex HMAC-SHA256 of the plain token. */
export function zoomEncryptedToken(secretToken: string, plainToken: string): string {
  return createHmac('sha256', secretToken).update(plainToken).digest('hex');
}
