// The adapter contract. Adapters never read process.env or touch the database: they receive endpoints, a token
// store, a clock and a logger, and every failure leaves them as a ProviderError carrying its classification.
import type { Clock, ProviderErrorClassification, RetryPolicy } from '@tsunagi/errors';

export type ProviderId = 'GOOGLE_CALENDAR' | 'MICROSOFT_CALENDAR' | 'EXCHANGE' | 'ZOOM' | 'MICROSOFT_TEAMS';

/** pino-compatible subset; adapters log objects first, never tokens. */
export interface Logger {
  debug(object: Record<string, unknown>, message?: string): void;
  info(object: Record<string, unknown>, message?: string): void;
  warn(object: Record<string, unknown>, message?: string): void;
  error(object: Record<string, unknown>, message?: string): void;
}

export const noopLogger: Logger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});

export interface OAuthTokens {
  readonly accessToken: string;
  /** Absent when the provider did not return one (keep the previous refresh token). */
  readonly refreshToken?: string | undefined;
  /** Access token expiry, ms since epoch. */
  readonly expiresAt?: number | undefined;
  /** Known refresh token expiry, ms since epoch (AT_RISK when near). */
  readonly refreshTokenExpiresAt?: number | undefined;
  readonly scopes: readonly string[];
}

/** Where one connection's tokens live. `save` must be durable before it resolves: a rotated refresh token is
 * persisted before anything uses it. */
export interface TokenStore {
  load(): Promise<OAuthTokens>;
  save(tokens: OAuthTokens): Promise<void>;
}

/** The account a grant belongs to; `externalId` is stable across reconnects (Google `sub`, Entra `oid`). */
export interface AccountIdentity {
  readonly externalId: string;
  readonly email: string | null;
}

export interface AuthorizationRequest {
  readonly state: string;
  /** PKCE S256 challenge of the verifier the caller keeps. */
  readonly codeChallenge: string;
  readonly redirectUri: string;
  readonly loginHint?: string | undefined;
  /** Extra scopes for incremental authorization. */
  readonly scopes?: readonly string[] | undefined;
}

export interface CodeExchange {
  readonly code: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
}

export interface OAuthFlow {
  readonly provider: ProviderId;
  authorizationUrl(request: AuthorizationRequest): string;
  exchangeCode(exchange: CodeExchange): Promise<{ tokens: OAuthTokens; account: AccountIdentity }>;
  /** Token-endpoint failures are classified as such (provider `google-oauth` / `microsoft-identity`). */
  refresh(refreshToken: string): Promise<OAuthTokens>;
  revoke(token: string): Promise<void>;
}

export interface ProbeResult {
  readonly ok: true;
  readonly account: AccountIdentity | null;
  readonly grantedScopes: readonly string[];
  /** Scopes a feature needs that the grant lacks (AT_RISK), and a known refresh-token expiry. */
  readonly missingScopes: readonly string[];
  readonly refreshTokenExpiresAt?: number | undefined;
  /** Works now but will break (e.g. the server's certificate expires soon): recorded as AT_RISK. */
  readonly warning?: ProviderErrorClassification | undefined;
}

export interface TimeRange {
  readonly start: Date;
  readonly end: Date;
}

export interface FreeBusyResult {
  readonly busy: readonly TimeRange[];
  /** Calendars the provider could not read (Google `calendars[id].errors`, Graph `scheduleItems` errors). */
  readonly errors: readonly { calendarId: string; reason: string }[];
}

export interface CalendarEvent {
  readonly id: string;
  readonly status: 'confirmed' | 'tentative' | 'cancelled';
  readonly summary: string | null;
  readonly start: Date | null;
  readonly end: Date | null;
  readonly etag: string | null;
  /** Online meeting link (Google Meet through conferenceData, Teams through isOnlineMeeting). */
  readonly meetingUrl: string | null;
}

export interface EventPage {
  readonly events: readonly CalendarEvent[];
  /** Pass as `syncToken` next time. A dead token fails with code SYNC_TOKEN_INVALID (action FULL_RESYNC). */
  readonly syncToken: string;
}

export interface NewEvent {
  readonly summary: string;
  readonly start: Date;
  readonly end: Date;
  readonly attendees?: readonly string[];
  /** Ask the provider for an online meeting on the event (Meet / Teams). */
  readonly onlineMeeting?: boolean;
  /**
   * Idempotency: the caller's id for the event (Google `id`, Graph transactionId). Without it the adapter picks
   * one per call, so its own retries never duplicate the event.
   */
  readonly clientRequestId?: string;
}

export interface CalendarProvider {
  readonly provider: ProviderId;
  /** The cheapest authenticated call that proves the calendar is usable. */
  probe(signal?: AbortSignal): Promise<ProbeResult>;
  freeBusy(range: TimeRange, signal?: AbortSignal): Promise<FreeBusyResult>;
  /** Without a sync token: a full sync of `range`. With one: the changes since. */
  listEvents(options: { syncToken?: string; range?: TimeRange }, signal?: AbortSignal): Promise<EventPage>;
  createEvent(event: NewEvent, signal?: AbortSignal): Promise<CalendarEvent>;
  patchEvent(id: string, patch: Partial<NewEvent>, signal?: AbortSignal): Promise<CalendarEvent>;
  deleteEvent(id: string, signal?: AbortSignal): Promise<void>;
}

export interface OnlineMeeting {
  readonly id: string;
  readonly joinUrl: string;
}

export interface NewMeeting {
  readonly subject: string;
  readonly start: Date;
  readonly end: Date;
  /** Idempotency: the caller's id for the meeting (Teams externalId, the Zoom marker); one per booking. */
  readonly clientRequestId?: string;
}

export interface LocationProvider {
  readonly provider: ProviderId;
  probe(signal?: AbortSignal): Promise<ProbeResult>;
  /**
   * Creates the meeting at most once, whatever the network does: a replay after a lost answer returns the
   * meeting the first attempt made, or fails with an OutcomeUnknownError (`@tsunagi/errors`) naming
   * `clientRequestId`, never a second meeting.
   */
  createMeeting(meeting: NewMeeting, signal?: AbortSignal): Promise<OnlineMeeting>;
  deleteMeeting(id: string, signal?: AbortSignal): Promise<void>;
}

/** What every adapter instance receives. */
export interface AdapterContext {
  readonly tokens: TokenStore;
  readonly oauth: OAuthFlow;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Overrides of the shared retry policy (attempts, delays, deadline). */
  readonly retry?: Partial<Omit<RetryPolicy, 'signal' | 'classify' | 'onRefresh'>>;
}
