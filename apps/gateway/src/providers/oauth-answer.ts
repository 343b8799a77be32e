// How the OAuth routes answer: API clients (Accept: application/json, or no preference) get JSON typed like
// GraphQL errors; browsers get the localized page, or a redirect to the client's return URL with the outcome.
import type { Request, Response } from 'express';
import { type ErrorCode, HTTP_STATUS } from '../errors.js';
import type { UnavailablePage } from '../http/database-unavailable.js';
import {
  CALLBACK_LOCALES,
  CALLBACK_PAGE_HEADERS,
  type CallbackLocale,
  outcomeKind,
  renderCallbackPage,
} from './callback-page.js';
import type { CallbackCompleted, ProviderFailure } from './registry.js';

/** A failure as the routes answer it: a provider failure, or the gateway's own (UNAUTHENTICATED, INTERNAL…). */
export type RouteFailure = Omit<ProviderFailure, 'code'> & { readonly code: ErrorCode };

/** Browsers ask for text/html first; fetch's `*` / `*` and API clients get JSON. */
export function prefersHtml(request: Request): boolean {
  return request.accepts(['application/json', 'text/html']) === 'text/html';
}

function localeOf(request: Request): CallbackLocale {
  const accepted = request.acceptsLanguages(...CALLBACK_LOCALES);
  return accepted === false ? 'en' : (accepted as CallbackLocale);
}

/** The return URL with the outcome in its query (no token, code or state). */
export function returnUrlWith(
  returnUrl: string,
  outcome: { ok: true; value: CallbackCompleted } | { ok: false; error: RouteFailure },
): string {
  const url = new URL(returnUrl);
  const query = url.searchParams;
  if (outcome.ok) {
    query.set('oauth', 'connected');
    query.set('provider', outcome.value.provider);
    query.set('connectionId', outcome.value.connectionId);
  } else {
    query.set('oauth', 'error');
    query.set('code', outcome.error.code);
    if (outcome.error.reason !== undefined) query.set('reason', outcome.error.reason);
    if (outcome.error.provider !== undefined) query.set('provider', outcome.error.provider);
  }
  return url.href;
}

export function answerFailure(
  request: Request,
  response: Response,
  failure: RouteFailure,
  returnUrl: string | null = null,
): void {
  response.set('cache-control', 'no-store');
  if (prefersHtml(request)) {
    if (returnUrl !== null) {
      response.redirect(303, returnUrlWith(returnUrl, { ok: false, error: failure }));
      return;
    }
    response
      .status(HTTP_STATUS[failure.code])
      .set(CALLBACK_PAGE_HEADERS)
      .type('html')
      .send(
        renderCallbackPage({
          locale: localeOf(request),
          kind: outcomeKind(failure),
          provider: failure.provider,
          code: failure.code,
          reason: failure.reason,
        }),
      );
    return;
  }
  const { code, message, provider, reason } = failure;
  response.status(HTTP_STATUS[code]).json({
    status: 'error',
    errors: [
      {
        message,
        extensions: {
          code,
          ...(provider === undefined ? {} : { provider }),
          ...(reason === undefined ? {} : { reason }),
        },
      },
    ],
  });
}

export function answerConnected(
  request: Request,
  response: Response,
  completed: CallbackCompleted,
  returnUrl: string | null,
): void {
  response.set('cache-control', 'no-store');
  if (prefersHtml(request)) {
    if (returnUrl !== null) {
      response.redirect(303, returnUrlWith(returnUrl, { ok: true, value: completed }));
      return;
    }
    response
      .set(CALLBACK_PAGE_HEADERS)
      .type('html')
      .send(
        renderCallbackPage({ locale: localeOf(request), kind: 'CONNECTED', provider: completed.provider }),
      );
    return;
  }
  response.json({ status: 'connected', provider: completed.provider, connectionId: completed.connectionId });
}

/** The OAuth and reconnect-link routes' try-again page for a browser while the database is unavailable (answered 503). */
export const oauthUnavailablePage: UnavailablePage = (request) =>
  (request.path.startsWith('/oauth/') || request.path.startsWith('/reconnect/')) && prefersHtml(request)
    ? {
        headers: CALLBACK_PAGE_HEADERS,
        html: renderCallbackPage({
          locale: localeOf(request),
          kind: 'UNAVAILABLE',
          code: 'DATABASE_UNAVAILABLE',
        }),
      }
    : null;
