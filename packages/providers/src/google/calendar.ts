// Google Calendar v3 through googleapis (the project's Calendar package, @googleapis/calendar). Every call goes
// through the shared authorized session (refresh ahead of expiry, one refresh + retry on AUTH_EXPIRED, backoff
// honouring Retry-After); every failure leaves as a classified ProviderError. gaxios' own retries are off: the
// shared policy is the only one.
import { createHash, randomUUID } from 'node:crypto';
import { calendar, type calendar_v3 } from '@googleapis/calendar';
import { type Clock, isProviderError, outcomeForCode, ProviderError, systemClock } from '@tsunagi/errors';
import { type AuthorizedSession, createAuthorizedSession } from '../authorized-call.js';
import type {
  AdapterContext,
  CalendarEvent,
  CalendarProvider,
  EventPage,
  FreeBusyResult,
  NewEvent,
  ProbeResult,
  TimeRange,
} from '../contract.js';
import { toProviderError } from './errors.js';
import { GOOGLE_CALENDAR_SCOPES, type GoogleOAuthFlow } from './oauth.js';

/** Google's production API root (Calendar lives under `/calendar/v3/`). */
export const GOOGLE_API_ROOT = 'https://www.googleapis.com/';

export interface GoogleCalendarProviderOptions {
  readonly context: AdapterContext;
  /** Root of the Google APIs (`rootUrl` for googleapis); default GOOGLE_API_ROOT. */
  readonly apiRoot?: string;
  readonly calendarId?: string;
  /** Scopes the features in use need; the probe reports the ones the grant lacks. Default: calendar.events. */
  readonly requiredScopes?: readonly string[];
  /** Per-request timeout, default 30 s. */
  readonly timeoutMs?: number;
}

/** Which scopes a granted scope implies (a broader grant satisfies a narrower requirement). */
const IMPLIED: Readonly<Record<string, readonly string[]>> = {
  [GOOGLE_CALENDAR_SCOPES.calendar]: Object.values(GOOGLE_CALENDAR_SCOPES),
  [GOOGLE_CALENDAR_SCOPES.calendarReadonly]: [
    GOOGLE_CALENDAR_SCOPES.calendarReadonly,
    GOOGLE_CALENDAR_SCOPES.eventsReadonly,
    GOOGLE_CALENDAR_SCOPES.freebusy,
  ],
  [GOOGLE_CALENDAR_SCOPES.events]: [
    GOOGLE_CALENDAR_SCOPES.events,
    GOOGLE_CALENDAR_SCOPES.eventsReadonly,
    GOOGLE_CALENDAR_SCOPES.freebusy,
  ],
  [GOOGLE_CALENDAR_SCOPES.eventsReadonly]: [
    GOOGLE_CALENDAR_SCOPES.eventsReadonly,
    GOOGLE_CALENDAR_SCOPES.freebusy,
  ],
};

export function missingGoogleScopes(required: readonly string[], granted: readonly string[]): string[] {
  const covered = new Set(granted.flatMap((scope) => [scope, ...(IMPLIED[scope] ?? [])]));
  return required.filter((scope) => !covered.has(scope));
}

/** Google event ids are base32hex (a–v, 0–9), 5–1024 characters; hex digests qualify. */
function googleEventId(clientRequestId: string): string {
  return /^[a-v0-9]{5,1024}$/.test(clientRequestId)
    ? clientRequestId
    : createHash('sha256').update(clientRequestId).digest('hex');
}

function toDate(time: calendar_v3.Schema$EventDateTime | undefined): Date | null {
  const raw = time?.dateTime ?? time?.date;
  if (!raw) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date;
}

function toEvent(event: calendar_v3.Schema$Event): CalendarEvent {
  const status = event.status === 'cancelled' || event.status === 'tentative' ? event.status : 'confirmed';
  const video = event.conferenceData?.entryPoints?.find((entry) => entry.entryPointType === 'video')?.uri;
  return {
    id: event.id ?? '',
    status,
    summary: event.summary ?? null,
    start: toDate(event.start),
    end: toDate(event.end),
    etag: event.etag ?? null,
    meetingUrl: event.hangoutLink ?? video ?? null,
  };
}

function eventBody(event: Partial<NewEvent>): calendar_v3.Schema$Event {
  const body: calendar_v3.Schema$Event = {};
  if (event.summary !== undefined) body.summary = event.summary;
  if (event.start !== undefined) body.start = { dateTime: event.start.toISOString() };
  if (event.end !== undefined) body.end = { dateTime: event.end.toISOString() };
  if (event.attendees !== undefined) body.attendees = event.attendees.map((email) => ({ email }));
  if (event.onlineMeeting) {
    body.conferenceData = {
      createRequest: {
        requestId: event.clientRequestId ?? randomUUID(),
        conferenceSolutionKey: { type: 'hangoutsMeet' },
      },
    };
  }
  return body;
}

export class GoogleCalendarProvider implements CalendarProvider {
  readonly provider = 'GOOGLE_CALENDAR' as const;
  readonly #context: AdapterContext;
  readonly #session: AuthorizedSession;
  readonly #calendar: calendar_v3.Calendar;
  readonly #apiRoot: string;
  readonly #calendarId: string;
  readonly #requiredScopes: readonly string[];
  readonly #clock: Clock;
  readonly #timeoutMs: number;

  constructor(options: GoogleCalendarProviderOptions) {
    this.#context = options.context;
    this.#session = createAuthorizedSession(options.context);
    this.#apiRoot = options.apiRoot ?? GOOGLE_API_ROOT;
    this.#calendarId = options.calendarId ?? 'primary';
    this.#requiredScopes = options.requiredScopes ?? [GOOGLE_CALENDAR_SCOPES.events];
    this.#clock = options.context.clock ?? systemClock;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    // No `auth`: the bearer token of the current attempt is set per request by #call.
    this.#calendar = calendar({
      version: 'v3',
      rootUrl: this.#apiRoot,
      universeDomain: 'googleapis.com',
    });
  }

  /** One authorized, retried, classified Calendar call. */
  #call<T>(
    request: (options: {
      headers: Record<string, string>;
      signal: AbortSignal;
      retry: false;
      timeout: number;
    }) => Promise<{
      data: T;
    }>,
    signal?: AbortSignal,
  ): Promise<T> {
    return this.#session.call(async (accessToken, attemptSignal) => {
      try {
        const response = await request({
          headers: { authorization: `Bearer ${accessToken}` },
          signal: attemptSignal,
          retry: false,
          timeout: this.#timeoutMs,
        });
        return response.data;
      } catch (error) {
        throw toProviderError(error, 'google', this.#apiRoot, this.#clock.now());
      }
    }, signal);
  }

  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    // One event at most from a one-minute window: works with any calendar read or events scope and proves the
    // calendar itself is readable (calendars.get would need a calendar-level scope).
    const from = this.#clock.now();
    await this.#call(
      (options) =>
        this.#calendar.events.list(
          {
            calendarId: this.#calendarId,
            maxResults: 1,
            singleEvents: true,
            timeMin: new Date(from).toISOString(),
            timeMax: new Date(from + 60_000).toISOString(),
            fields: 'summary,timeZone',
          },
          options,
        ),
      signal,
    );
    const tokens = await this.#session.tokens();
    let grantedScopes: readonly string[] = tokens.scopes;
    let account: ProbeResult['account'] = null;
    const oauth = this.#context.oauth as Partial<GoogleOAuthFlow>;
    if (typeof oauth.tokeninfo === 'function' && oauth.canIntrospect === true) {
      // Scopes the grant holds now (a user can drop one in their Google account settings at any time).
      const info = await this.#session.call(
        (accessToken, attemptSignal) => (oauth as GoogleOAuthFlow).tokeninfo(accessToken, attemptSignal),
        signal,
      );
      grantedScopes = info.scopes;
      account = info.account;
    }
    return {
      ok: true,
      account,
      grantedScopes,
      missingScopes: missingGoogleScopes(this.#requiredScopes, grantedScopes),
      ...(tokens.refreshTokenExpiresAt !== undefined
        ? { refreshTokenExpiresAt: tokens.refreshTokenExpiresAt }
        : {}),
    };
  }

  async freeBusy(range: TimeRange, signal?: AbortSignal): Promise<FreeBusyResult> {
    const data = await this.#call(
      (options) =>
        this.#calendar.freebusy.query(
          {
            requestBody: {
              timeMin: range.start.toISOString(),
              timeMax: range.end.toISOString(),
              items: [{ id: this.#calendarId }],
            },
          },
          options,
        ),
      signal,
    );
    const busy: TimeRange[] = [];
    const errors: { calendarId: string; reason: string }[] = [];
    for (const [calendarId, entry] of Object.entries(data.calendars ?? {})) {
      for (const error of entry.errors ?? []) errors.push({ calendarId, reason: error.reason ?? 'unknown' });
      for (const period of entry.busy ?? []) {
        if (!period.start || !period.end) continue;
        busy.push({ start: new Date(period.start), end: new Date(period.end) });
      }
    }
    busy.sort((a, b) => a.start.getTime() - b.start.getTime());
    return { busy, errors };
  }

  async listEvents(
    options: { syncToken?: string; range?: TimeRange },
    signal?: AbortSignal,
  ): Promise<EventPage> {
    const events: CalendarEvent[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 1_000; page++) {
      const params: calendar_v3.Params$Resource$Events$List = {
        calendarId: this.#calendarId,
        singleEvents: true,
        maxResults: 250,
        ...(pageToken ? { pageToken } : {}),
      };
      if (options.syncToken) params.syncToken = options.syncToken;
      else if (options.range) {
        params.timeMin = options.range.start.toISOString();
        params.timeMax = options.range.end.toISOString();
      }
      const data = await this.#call((request) => this.#calendar.events.list(params, request), signal);
      for (const item of data.items ?? []) events.push(toEvent(item));
      if (data.nextPageToken) {
        pageToken = data.nextPageToken;
        continue;
      }
      if (data.nextSyncToken) return { events, syncToken: data.nextSyncToken };
      break;
    }
    throw new ProviderError({
      code: 'UNKNOWN',
      ...outcomeForCode('UNKNOWN'),
      provider: 'google',
      providerReason: 'no_sync_token',
      message: 'Google Calendar API: the event list ended without a nextSyncToken',
    });
  }

  /**
   * Inserts with a client-chosen event id (the caller's, or one picked for this call), so a replay after a
   * lost answer cannot make a second event: Google answers it 409 `duplicate` ("The requested identifier
   * already exists", https://developers.google.com/calendar/api/guides/errors#409_conflict), which means the
   * first insert landed, and that event is returned.
   */
  async createEvent(event: NewEvent, signal?: AbortSignal): Promise<CalendarEvent> {
    const requestBody = eventBody(event);
    const id = googleEventId(event.clientRequestId ?? randomUUID());
    requestBody.id = id;
    try {
      const data = await this.#call(
        (options) =>
          this.#calendar.events.insert(
            {
              calendarId: this.#calendarId,
              conferenceDataVersion: event.onlineMeeting ? 1 : 0,
              sendUpdates: 'none',
              requestBody,
            },
            options,
          ),
        signal,
      );
      return toEvent(data);
    } catch (error) {
      if (!isProviderError(error) || error.classification.code !== 'ALREADY_EXISTS') throw error;
      const existing = await this.#call(
        (options) => this.#calendar.events.get({ calendarId: this.#calendarId, eventId: id }, options),
        signal,
      );
      return toEvent(existing);
    }
  }

  async patchEvent(id: string, patch: Partial<NewEvent>, signal?: AbortSignal): Promise<CalendarEvent> {
    const data = await this.#call(
      (options) =>
        this.#calendar.events.patch(
          {
            calendarId: this.#calendarId,
            eventId: id,
            conferenceDataVersion: patch.onlineMeeting ? 1 : 0,
            sendUpdates: 'none',
            requestBody: eventBody(patch),
          },
          options,
        ),
      signal,
    );
    return toEvent(data);
  }

  async deleteEvent(id: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.#call(
        (options) =>
          this.#calendar.events.delete(
            { calendarId: this.#calendarId, eventId: id, sendUpdates: 'none' },
            options,
          ),
        signal,
      );
    } catch (error) {
      // 410 deleted: the event is already gone, which is what we wanted.
      if (isProviderError(error) && error.classification.code === 'ALREADY_DELETED') return;
      throw error;
    }
  }
}
