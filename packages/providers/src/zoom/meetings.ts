// Zoom meetings as a booking location: `GET /users/me` (probe), `POST /users/me/meetings`,
// `DELETE /meetings/{id}`; every call through the shared authorized session (refresh on 124, Retry-After on 429).
import { randomUUID } from 'node:crypto';
import { isProviderError, OutcomeUnknownError, ProviderError } from '@tsunagi/errors';
import { type AuthorizedSession, createAuthorizedSession } from '../authorized-call.js';
import type {
  AdapterContext,
  LocationProvider,
  NewMeeting,
  OnlineMeeting,
  ProbeResult,
  ProviderId,
} from '../contract.js';
import { ZOOM_MEETING_SCOPES } from './oauth.js';
import { ZoomHttp } from './zoom-http.js';

interface ZoomMeeting {
  id?: unknown;
  join_url?: unknown;
  agenda?: unknown;
}

/** Pages of 300 meetings searched for a marker before the outcome is called unknown. */
const LIST_PAGES = 10;

/** The agenda line that finds a meeting again; the request id is the caller's or a random UUID. */
export function meetingMarker(clientRequestId: string): string {
  return `Tsunagi booking reference: ${clientRequestId}`;
}

/** Transport codes that prove the request never left: nothing can have been committed. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Whether a failed create may have been committed: a lost answer (reset, timeout) or a 5xx may follow a
 * commit; a 4xx (429 included) is Zoom refusing before it acts, and a refused connection never reached it.
 */
function mayHaveReachedZoom(error: unknown): boolean {
  if (!isProviderError(error)) return true;
  const { httpStatus, providerCode } = error.classification;
  if (httpStatus !== undefined) return httpStatus >= 500;
  return providerCode === undefined || !NOT_SENT.has(providerCode.toUpperCase());
}

export interface ZoomMeetingOptions {
  /** API root including `/v2`. */
  readonly apiBaseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Per-request timeout (default 30 s); the retry deadline bounds the whole call. */
  readonly timeoutMs?: number;
}

export class ZoomMeetingProvider implements LocationProvider {
  readonly provider: ProviderId = 'ZOOM';
  readonly #session: AuthorizedSession;
  readonly #http: ZoomHttp;

  constructor(context: AdapterContext, options: ZoomMeetingOptions = {}) {
    this.#session = createAuthorizedSession(context);
    this.#http = new ZoomHttp({
      baseUrl: options.apiBaseUrl,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    });
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

  /**
   * Zoom's create has no idempotency key (https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings),
   * so a create whose request may have reached Zoom is never replayed blindly: the meeting carries a marker in
   * its agenda, and before any replay the adapter lists the user's meetings for it
   * (https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/users/{userId}/meetings). Found: that meeting
   * is the answer. Absent: the first attempt did not land, and creating again is safe. When no lookup can tell,
   * the call fails with OutcomeUnknownError naming the marker's request id. A failure Zoom answered before
   * doing anything (429, 401, a refused connection) is retried freely.
   */
  async createMeeting(meeting: NewMeeting, signal?: AbortSignal): Promise<OnlineMeeting> {
    const clientRequestId = meeting.clientRequestId ?? randomUUID();
    const marker = meetingMarker(clientRequestId);
    const duration = Math.max(1, Math.round((meeting.end.getTime() - meeting.start.getTime()) / 60_000));
    let mayHaveLanded = false;
    let created: ZoomMeeting | undefined;
    try {
      created = await this.#session.call(async (accessToken, attemptSignal) => {
        if (mayHaveLanded) {
          const found = await this.#findByMarker(marker, accessToken, attemptSignal);
          if (found !== undefined) return found;
          mayHaveLanded = false;
        }
        try {
          return await this.#http.request<ZoomMeeting>({
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
              agenda: marker,
            },
          });
        } catch (error) {
          if (mayHaveReachedZoom(error)) mayHaveLanded = true;
          throw error;
        }
      }, signal);
    } catch (error) {
      if (mayHaveLanded) {
        throw new OutcomeUnknownError(
          { provider: this.provider, operation: 'createMeeting', clientRequestId },
          { cause: error },
        );
      }
      throw error;
    }
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

  /** The user's scheduled meeting whose agenda carries `marker`, page by page. */
  async #findByMarker(
    marker: string,
    accessToken: string,
    signal: AbortSignal,
  ): Promise<ZoomMeeting | undefined> {
    let pageToken = '';
    for (let page = 0; page < LIST_PAGES; page++) {
      const query = `type=scheduled&page_size=300${pageToken === '' ? '' : `&next_page_token=${encodeURIComponent(pageToken)}`}`;
      const list = await this.#http.request<{ meetings?: ZoomMeeting[]; next_page_token?: string }>({
        method: 'GET',
        path: `/users/me/meetings?${query}`,
        accessToken,
        signal,
      });
      const found = list?.meetings?.find((m) => typeof m.agenda === 'string' && m.agenda.includes(marker));
      if (found !== undefined) return found;
      pageToken = list?.next_page_token ?? '';
      if (pageToken === '') return undefined;
    }
    return undefined;
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
