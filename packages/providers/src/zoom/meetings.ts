// Zoom meetings as a booking location: `GET /users/me` (probe), `POST /users/me/meetings`,
// `DELETE /meetings/{id}`; every call through the shared authorized session (refresh on 124, Retry-After on 429).
import { ProviderError } from '@tsunagi/errors';
import { type AuthorizedSession, createAuthorizedSession } from '../authorized-call.js';
import type {
  AdapterContext,
  LocationProvider,
  OnlineMeeting,
  ProbeResult,
  ProviderId,
} from '../contract.js';
import { ZOOM_MEETING_SCOPES } from './oauth.js';
import { ZoomHttp } from './zoom-http.js';

export interface ZoomMeetingOptions {
  /** API root including `/v2`. */
  readonly apiBaseUrl?: string;
  readonly fetch?: typeof fetch;
}

export class ZoomMeetingProvider implements LocationProvider {
  readonly provider: ProviderId = 'ZOOM';
  readonly #session: AuthorizedSession;
  readonly #http: ZoomHttp;

  constructor(context: AdapterContext, options: ZoomMeetingOptions = {}) {
    this.#session = createAuthorizedSession(context);
    this.#http = new ZoomHttp({ baseUrl: options.apiBaseUrl, fetch: options.fetch });
  }

  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const me = await this.#session.call(
      (accessToken, attemptSignal) =>
        this.#http.request<{ id?: unknown; email?: unknown }>({
          method: 'GET',
          path: '/users/me',
          accessToken,
          signal: attemptSignal,
        }),
      signal,
    );
    const tokens = await this.#session.tokens();
    const granted = tokens.scopes;
    return {
      ok: true,
      account:
        typeof me?.id === 'string'
          ? { externalId: me.id, email: typeof me.email === 'string' ? me.email : null }
          : null,
      grantedScopes: granted,
      missingScopes: granted.length === 0 ? [] : ZOOM_MEETING_SCOPES.filter((s) => !granted.includes(s)),
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
    };
  }

  async createMeeting(
    meeting: { subject: string; start: Date; end: Date },
    signal?: AbortSignal,
  ): Promise<OnlineMeeting> {
    const duration = Math.max(1, Math.round((meeting.end.getTime() - meeting.start.getTime()) / 60_000));
    const created = await this.#session.call(
      (accessToken, attemptSignal) =>
        this.#http.request<{ id?: unknown; join_url?: unknown }>({
          method: 'POST',
          path: '/users/me/meetings',
          accessToken,
          signal: attemptSignal,
          body: {
            topic: meeting.subject.slice(0, 200),
            type: 2,
            start_time: meeting.start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
            duration,
            timezone: 'UTC',
          },
        }),
      signal,
    );
    const id = typeof created?.id === 'number' || typeof created?.id === 'string' ? String(created.id) : '';
    if (!id || typeof created?.join_url !== 'string') {
      throw ProviderError.fromFailure({
        provider: 'zoom',
        status: 502,
        body: JSON.stringify({ code: 500, message: 'meeting without an id or join_url' }),
        endpoint: `${this.#http.baseUrl}/users/me/meetings`,
      });
    }
    return { id, joinUrl: created.join_url };
  }

  async deleteMeeting(id: string, signal?: AbortSignal): Promise<void> {
    await this.#session.call(
      (accessToken, attemptSignal) =>
        this.#http.request({
          method: 'DELETE',
          path: `/meetings/${encodeURIComponent(id)}`,
          accessToken,
          signal: attemptSignal,
        }),
      signal,
    );
  }
}
