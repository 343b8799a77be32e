// Outlook calendars through Microsoft Graph v1.0. Every call goes through the shared authorized session
// (refresh ahead of expiry, retry with backoff honouring Retry-After, one refresh + retry on AUTH_EXPIRED).
import { randomUUID } from 'node:crypto';
import { type Clock, ProviderError, systemClock } from '@tsunagi/errors';
import { type AuthorizedSession, createAuthorizedSession } from '../authorized-call.js';
import type {
  AccountIdentity,
  AdapterContext,
  CalendarEvent,
  CalendarProvider,
  EventPage,
  FreeBusyResult,
  NewEvent,
  ProbeResult,
  ProviderId,
  TimeRange,
} from '../contract.js';
import { GraphHttp } from './graph-http.js';
import { shortScope } from './oauth.js';

export interface MicrosoftGraphOptions {
  /** Graph root without the version: `https://graph.microsoft.com` (global), `https://graph.microsoft.us`,
   * `https://dod-graph.microsoft.us`, `https://microsoftgraph.chinacloudapi.cn`, or an emulator. */
  readonly graphBaseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Per-request timeout (default 30 s); the retry deadline bounds the whole call. */
  readonly timeoutMs?: number;
  /** Schedule address free/busy reads; defaults to the signed-in user's `mail` (or UPN). */
  readonly mailbox?: string;
  /** Page size asked for on delta queries (`Prefer: odata.maxpagesize`). */
  readonly pageSize?: number;
  /** Full sync window when `listEvents` gets neither a sync token nor a range (days around now). */
  readonly defaultWindowDays?: { readonly past: number; readonly future: number };
}

/** Scopes each feature needs (a `ReadWrite` grant covers `Read`). */
export const MICROSOFT_CALENDAR_SCOPES: readonly string[] = Object.freeze(['Calendars.ReadWrite']);
export const TEAMS_SCOPES: readonly string[] = Object.freeze(['OnlineMeetings.ReadWrite']);

export function missingScopes(granted: readonly string[], needed: readonly string[]): string[] {
  const have = new Set(granted.map((s) => shortScope(s).toLowerCase()));
  return needed.filter((s) => !have.has(s.toLowerCase()));
}

interface GraphDateTime {
  dateTime?: string;
  timeZone?: string;
}

interface GraphEvent {
  id?: string;
  subject?: string | null;
  start?: GraphDateTime | null;
  end?: GraphDateTime | null;
  isCancelled?: boolean;
  showAs?: string;
  changeKey?: string;
  '@odata.etag'?: string;
  '@removed'?: { reason?: string };
  onlineMeeting?: { joinUrl?: string | null } | null;
}

interface DeltaResponse {
  value?: GraphEvent[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface ScheduleResponse {
  value?: {
    scheduleId?: string;
    scheduleItems?: { status?: string; start?: GraphDateTime; end?: GraphDateTime }[];
    error?: { message?: string; responseCode?: string } | null;
  }[];
}

const BUSY = new Set(['busy', 'oof', 'tentative', 'workingelsewhere']);

/** Graph answers `{ dateTime: '2026-01-05T10:00:00.0000000', timeZone: 'UTC' }` (we ask for UTC). */
export function fromGraphDateTime(value: GraphDateTime | null | undefined): Date | null {
  if (!value?.dateTime) return null;
  const trimmed = value.dateTime.replace(/(\.\d{3})\d+/, '$1');
  const zoned = /[zZ]$|[+-]\d\d:\d\d$/.test(trimmed) ? trimmed : `${trimmed}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function toGraphDateTime(date: Date): { dateTime: string; timeZone: string } {
  return { dateTime: date.toISOString().slice(0, 23), timeZone: 'UTC' };
}

function toEvent(event: GraphEvent): CalendarEvent {
  const removed = event['@removed'] !== undefined;
  return {
    id: event.id ?? '',
    status:
      removed || event.isCancelled ? 'cancelled' : event.showAs === 'tentative' ? 'tentative' : 'confirmed',
    summary: event.subject ?? null,
    start: fromGraphDateTime(event.start),
    end: fromGraphDateTime(event.end),
    etag: event['@odata.etag'] ?? event.changeKey ?? null,
    meetingUrl: event.onlineMeeting?.joinUrl ?? null,
  };
}

function eventBody(event: Partial<NewEvent>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (event.summary !== undefined) body.subject = event.summary;
  if (event.start !== undefined) body.start = toGraphDateTime(event.start);
  if (event.end !== undefined) body.end = toGraphDateTime(event.end);
  if (event.attendees !== undefined) {
    body.attendees = event.attendees.map((address) => ({ type: 'required', emailAddress: { address } }));
  }
  if (event.onlineMeeting !== undefined) {
    body.isOnlineMeeting = event.onlineMeeting;
    if (event.onlineMeeting) body.onlineMeetingProvider = 'teamsForBusiness';
  }
  if (event.clientRequestId !== undefined) body.transactionId = event.clientRequestId;
  return body;
}

/** Shared by the calendar and Teams adapters: the session, the Graph client and the account lookup. */
export class GraphConnection {
  readonly session: AuthorizedSession;
  readonly graph: GraphHttp;
  readonly clock: Clock;
  #account: Promise<AccountIdentity> | undefined;

  constructor(context: AdapterContext, options: MicrosoftGraphOptions) {
    this.session = createAuthorizedSession(context);
    this.graph = new GraphHttp({
      baseUrl: options.graphBaseUrl,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    });
    this.clock = context.clock ?? systemClock;
  }

  call<T>(
    init: Omit<Parameters<GraphHttp['request']>[0], 'accessToken' | 'signal'>,
    signal?: AbortSignal,
  ): Promise<T | undefined> {
    return this.session.call(
      (accessToken, attemptSignal) => this.graph.request<T>({ ...init, accessToken, signal: attemptSignal }),
      signal,
    );
  }

  /** `GET /me`: the Entra object id and the mailbox address (cached once it succeeded). */
  account(signal?: AbortSignal): Promise<AccountIdentity> {
    if (this.#account) return this.#account;
    const pending = this.call<{ id?: string; mail?: string | null; userPrincipalName?: string }>(
      { method: 'GET', path: '/me' },
      signal,
    ).then((me) => ({ externalId: me?.id ?? '', email: me?.mail ?? me?.userPrincipalName ?? null }));
    this.#account = pending;
    pending.catch(() => {
      if (this.#account === pending) this.#account = undefined;
    });
    return pending;
  }

  async probeResult(account: AccountIdentity | null, needed: readonly string[]): Promise<ProbeResult> {
    const tokens = await this.session.tokens();
    return {
      ok: true,
      account,
      grantedScopes: tokens.scopes,
      missingScopes: missingScopes(tokens.scopes, needed),
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
    };
  }
}

export class MicrosoftCalendarProvider implements CalendarProvider {
  readonly provider: ProviderId = 'MICROSOFT_CALENDAR';
  readonly #connection: GraphConnection;
  readonly #options: MicrosoftGraphOptions;

  constructor(context: AdapterContext, options: MicrosoftGraphOptions = {}) {
    this.#connection = new GraphConnection(context, options);
    this.#options = options;
  }

  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    await this.#connection.call({ method: 'GET', path: '/me/calendar' }, signal);
    const account = await this.#connection.account(signal);
    return this.#connection.probeResult(account, MICROSOFT_CALENDAR_SCOPES);
  }

  async freeBusy(range: TimeRange, signal?: AbortSignal): Promise<FreeBusyResult> {
    const account = this.#options.mailbox === undefined ? await this.#connection.account(signal) : null;
    const mailbox = this.#options.mailbox ?? account?.email ?? null;
    if (mailbox === null) {
      return { busy: [], errors: [{ calendarId: account?.externalId ?? '', reason: 'no mailbox address' }] };
    }
    const response = await this.#connection.call<ScheduleResponse>(
      {
        method: 'POST',
        path: '/me/calendar/getSchedule',
        headers: { Prefer: 'outlook.timezone="UTC"' },
        body: {
          schedules: [mailbox],
          startTime: toGraphDateTime(range.start),
          endTime: toGraphDateTime(range.end),
          availabilityViewInterval: 15,
        },
      },
      signal,
    );
    const busy: TimeRange[] = [];
    const errors: { calendarId: string; reason: string }[] = [];
    for (const schedule of response?.value ?? []) {
      const calendarId = schedule.scheduleId ?? mailbox;
      if (schedule.error) {
        errors.push({
          calendarId,
          reason: schedule.error.responseCode ?? schedule.error.message ?? 'unknown schedule error',
        });
        continue;
      }
      for (const item of schedule.scheduleItems ?? []) {
        if (!BUSY.has((item.status ?? '').toLowerCase())) continue;
        const start = fromGraphDateTime(item.start);
        const end = fromGraphDateTime(item.end);
        if (start && end) busy.push({ start, end });
      }
    }
    return { busy, errors };
  }

  async listEvents(
    options: { syncToken?: string; range?: TimeRange },
    signal?: AbortSignal,
  ): Promise<EventPage> {
    const headers = {
      Prefer: `outlook.timezone="UTC", odata.maxpagesize=${this.#options.pageSize ?? 50}`,
    };
    let next: { path: string; query?: Record<string, string> };
    if (options.syncToken !== undefined) {
      // The sync token is the deltaLink; a bare $deltatoken value is accepted too.
      next = options.syncToken.startsWith(`${this.#connection.graph.root}/`)
        ? { path: options.syncToken }
        : { path: '/me/calendarView/delta', query: { $deltatoken: options.syncToken } };
    } else {
      const now = this.#connection.clock.now();
      const window = this.#options.defaultWindowDays ?? { past: 30, future: 365 };
      const range = options.range ?? {
        start: new Date(now - window.past * 86_400_000),
        end: new Date(now + window.future * 86_400_000),
      };
      next = {
        path: '/me/calendarView/delta',
        query: { startDateTime: range.start.toISOString(), endDateTime: range.end.toISOString() },
      };
    }
    const events: CalendarEvent[] = [];
    for (let page = 0; page < 10_000; page++) {
      const response = await this.#connection.call<DeltaResponse>(
        { method: 'GET', ...next, headers },
        signal,
      );
      for (const event of response?.value ?? []) if (event.id) events.push(toEvent(event));
      const deltaLink = response?.['@odata.deltaLink'];
      if (deltaLink) return { events, syncToken: deltaLink };
      const nextLink = response?.['@odata.nextLink'];
      if (!nextLink) break;
      next = { path: nextLink };
    }
    throw ProviderError.fromFailure({
      provider: 'microsoft',
      status: 502,
      body: JSON.stringify({
        error: { code: 'resyncRequired', message: 'delta query ended without a deltaLink' },
      }),
      endpoint: `${this.#connection.graph.root}/me/calendarView/delta`,
    });
  }

  /**
   * Always with a transactionId (the caller's, or one picked for this call): Graph uses it "to avoid
   * redundant POST operations in case of client retries to create the same event"
   * (https://learn.microsoft.com/graph/api/resources/event, transactionId), so a replay after a lost answer
   * gets the event the first attempt made.
   */
  async createEvent(event: NewEvent, signal?: AbortSignal): Promise<CalendarEvent> {
    const created = await this.#connection.call<GraphEvent>(
      {
        method: 'POST',
        path: '/me/events',
        body: eventBody({ ...event, clientRequestId: event.clientRequestId ?? randomUUID() }),
        headers: { Prefer: 'outlook.timezone="UTC"' },
      },
      signal,
    );
    return toEvent(created ?? {});
  }

  async patchEvent(id: string, patch: Partial<NewEvent>, signal?: AbortSignal): Promise<CalendarEvent> {
    const { clientRequestId: _ignored, ...rest } = patch;
    const updated = await this.#connection.call<GraphEvent>(
      {
        method: 'PATCH',
        path: `/me/events/${encodeURIComponent(id)}`,
        body: eventBody(rest),
        headers: { Prefer: 'outlook.timezone="UTC"' },
      },
      signal,
    );
    return toEvent(updated ?? {});
  }

  async deleteEvent(id: string, signal?: AbortSignal): Promise<void> {
    await this.#connection.call({ method: 'DELETE', path: `/me/events/${encodeURIComponent(id)}` }, signal);
  }
}
