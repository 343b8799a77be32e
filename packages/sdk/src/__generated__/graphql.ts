/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, serialized as an ISO 8601 string in UTC (`2026-01-31T09:00:00.000Z`). */
  DateTime: { input: string; output: string; }
  /** Free-form JSON, used only for event payloads whose shape depends on the event type. */
  JSON: { input: unknown; output: unknown; }
};

export type AttendanceMode =
  /** Every member attends (also single-member pages). */
  | 'ALL_MEMBERS'
  /** One eligible member hosts. */
  | 'ANY_MEMBER';

/** An OAuth authorization in progress: the starting client opens `authorizationUrl` with its bearer token. */
export type AuthorizationSession = {
  __typename?: 'AuthorizationSession';
  authorizationUrl: Scalars['String']['output'];
  /** Set when the session reconnects an existing connection. */
  connection?: Maybe<Connection>;
  expiresAt: Scalars['DateTime']['output'];
  provider: Provider;
  state: Scalars['String']['output'];
};

export type BookingPage = {
  __typename?: 'BookingPage';
  acceptingBookings: Scalars['Boolean']['output'];
  eligibleHosts: Array<User>;
  /** False when the owner turned the page off (state INACTIVE). */
  enabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  locations: Array<Location>;
  members: Array<User>;
  mode: AttendanceMode;
  owner: User;
  reasons: Array<Reason>;
  remediation: Array<RemediationStep>;
  roundRobin: Scalars['Boolean']['output'];
  slug: Scalars['String']['output'];
  state: BookingPageState;
  stateChangedAt: Scalars['DateTime']['output'];
  title: Scalars['String']['output'];
  warnings: Array<BookingPageWarning>;
};

export type BookingPageConnection = {
  __typename?: 'BookingPageConnection';
  edges: Array<BookingPageEdge>;
  pageInfo: PageInfo;
  /** How many pages match, across all pages of results. */
  totalCount: Scalars['Int']['output'];
};

export type BookingPageEdge = {
  __typename?: 'BookingPageEdge';
  cursor: Scalars['String']['output'];
  node: BookingPage;
};

export type BookingPageState =
  /** Takes bookings. */
  | 'ACTIVE'
  /** Disabled because a connection its rules depend on is in error. */
  | 'DISABLED_CONNECTION_ERROR'
  /** Turned off by its owner (reasons and remediation are still computed). */
  | 'INACTIVE';

export type BookingPageStateEvent = {
  __typename?: 'BookingPageStateEvent';
  acceptingBookings: Scalars['Boolean']['output'];
  cursor: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  page: BookingPage;
  previousState?: Maybe<BookingPageState>;
  state: BookingPageState;
};

/**
 * A page that works but with fewer hosts than members ("2 of 5 hosts unavailable").
 * `kind` is HOSTS_UNAVAILABLE or MEMBERS_WITHOUT_CALENDAR.
 */
export type BookingPageWarning = {
  __typename?: 'BookingPageWarning';
  kind: Scalars['String']['output'];
  memberCount: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  users: Array<User>;
};

/** One linked account of one user with one provider. */
export type Connection = {
  __typename?: 'Connection';
  accountEmail?: Maybe<Scalars['String']['output']>;
  /** Booking pages that are disabled because of this connection (visible to the viewer). */
  affectedBookingPages: Array<BookingPage>;
  health: ConnectionHealth;
  id: Scalars['ID']['output'];
  kind: ConnectionKind;
  lastCheckedAt?: Maybe<Scalars['DateTime']['output']>;
  lastError?: Maybe<ProviderError>;
  provider: Provider;
  status: ConnectionStatus;
  statusChangedAt: Scalars['DateTime']['output'];
  user: User;
};

/** What the app's top banner needs. */
export type ConnectionAlerts = {
  __typename?: 'ConnectionAlerts';
  disabledBookingPages: Scalars['Int']['output'];
  erroredConnections: Scalars['Int']['output'];
};

/** Refines the status: DEGRADED and AT_RISK connections still work, BROKEN ones do not. */
export type ConnectionHealth =
  | 'AT_RISK'
  | 'BROKEN'
  | 'DEGRADED'
  | 'HEALTHY';

export type ConnectionKind =
  | 'CALENDAR'
  | 'LOCATION';

export type ConnectionStatus =
  /** Works. */
  | 'CONNECTED'
  /** Unlinked. */
  | 'DISCONNECTED'
  /** A connection error that needs a person (reconnect or unlink). */
  | 'ERROR';

export type ConnectionStatusEvent = {
  __typename?: 'ConnectionStatusEvent';
  connection: Connection;
  cursor: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  previousStatus?: Maybe<ConnectionStatus>;
  status: ConnectionStatus;
};

export type CreateBookingPageInput = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  locations?: InputMaybe<Array<LocationInput>>;
  /** The owner is always a member; at most 100. */
  memberIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  mode?: InputMaybe<AttendanceMode>;
  /** Defaults to the viewer. Only admins may create pages for someone else. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  roundRobin?: InputMaybe<Scalars['Boolean']['input']>;
  /** Lowercase letters, digits and dashes, unique in the organization; derived from the title when absent. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
};

/** One entry of the organization's ordered event log. */
export type Event = {
  __typename?: 'Event';
  connection?: Maybe<Connection>;
  /** Pass as `after` to resume right after this event. */
  cursor: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  page?: Maybe<BookingPage>;
  payload: Scalars['JSON']['output'];
  /**
   * What happened: CONNECTION_CREATED, CONNECTION_STATUS_CHANGED, CONNECTION_HEALTH_CHANGED, BOOKING_PAGE_CREATED,
   * BOOKING_PAGE_UPDATED, BOOKING_PAGE_STATE_CHANGED, BOOKING_PAGE_EVALUATION_CHANGED or LOCATIONS_REMOVED.
   */
  type: Scalars['String']['output'];
  user?: Maybe<User>;
};

export type EventConnection = {
  __typename?: 'EventConnection';
  edges: Array<EventEdge>;
  pageInfo: PageInfo;
};

export type EventEdge = {
  __typename?: 'EventEdge';
  cursor: Scalars['String']['output'];
  node: Event;
};

/** A step-by-step connectivity report for the organization's Exchange (EWS) settings. */
export type ExchangeConnectionReport = {
  __typename?: 'ExchangeConnectionReport';
  ok: Scalars['Boolean']['output'];
  steps: Array<ExchangeConnectionStep>;
};

/**
 * One step of an Exchange connection test. `status` is PASSED, FAILED or SKIPPED; a FAILED step carries
 * its classified error, with title and remediation in the viewer's locale.
 */
export type ExchangeConnectionStep = {
  __typename?: 'ExchangeConnectionStep';
  detail: Scalars['String']['output'];
  error?: Maybe<ProviderError>;
  /**
   * URL_FORMAT, HTTPS, DNS, TCP, TLS, EWS_ENDPOINT, APPLICATION (app-only token, when an application id is
   * set; SKIPPED for a role account password), CREDENTIALS or AVAILABILITY.
   */
  id: Scalars['String']['output'];
  status: Scalars['String']['output'];
};

/** The organization's Calendar Interop settings. The secret is write-only and never returned. */
export type ExchangeSettings = {
  __typename?: 'ExchangeSettings';
  applicationId?: Maybe<Scalars['String']['output']>;
  ewsUrl: Scalars['String']['output'];
  lastReport?: Maybe<ExchangeConnectionReport>;
  lastTestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The role account's user name (an email address). */
  roleAccount: Scalars['String']['output'];
  /** UNTESTED, OK or BROKEN (saved although the last test failed). */
  status: Scalars['String']['output'];
};

export type ExchangeSettingsInput = {
  applicationId?: InputMaybe<Scalars['String']['input']>;
  /** https://… URL of the EWS endpoint (at most 2000 characters). */
  ewsUrl: Scalars['String']['input'];
  /** The role account's email address (at most 320 characters). */
  roleAccount: Scalars['String']['input'];
  /** The role account password or the application's client secret (at most 1024 characters). */
  secret: Scalars['String']['input'];
};

/** One row of the integrations list: a provider and the user's accounts with it. */
export type Integration = {
  __typename?: 'Integration';
  /** The linked (not unlinked) accounts, errored ones included. */
  accounts: Array<Connection>;
  kind: ConnectionKind;
  provider: Provider;
  /** ERROR if any linked account is in error, CONNECTED if any is linked, else DISCONNECTED. */
  status: ConnectionStatus;
};

export type IntegrationTab =
  /** Every provider: linked ones with their accounts, the others DISCONNECTED with no accounts. */
  | 'ALL'
  /** Providers the user has linked, errored ones included (status ERROR). */
  | 'CONNECTED'
  /** Providers the user has not linked. */
  | 'NOT_CONNECTED';

/** The language of human-readable text (titles, remediation). */
export type Locale =
  | 'EN'
  | 'IT'
  | 'JA'
  | 'PL';

export type Location = {
  __typename?: 'Location';
  id: Scalars['ID']['output'];
  label?: Maybe<Scalars['String']['output']>;
  type: LocationType;
  /** Usable for the page: for the owner on ALL_MEMBERS pages, for some eligible host on ANY_MEMBER pages. */
  usable: Scalars['Boolean']['output'];
  /** The address, phone number or URL, for the location types that have one. */
  value?: Maybe<Scalars['String']['output']>;
};

export type LocationInput = {
  /** At most 200 characters. */
  label?: InputMaybe<Scalars['String']['input']>;
  type: LocationType;
  /** The address, phone number or URL. At most 2000 characters. */
  value?: InputMaybe<Scalars['String']['input']>;
};

export type LocationType =
  | 'CUSTOM_URL'
  | 'GOOGLE_MEET'
  | 'IN_PERSON'
  | 'MICROSOFT_TEAMS'
  | 'PHONE'
  | 'ZOOM';

export type Mutation = {
  __typename?: 'Mutation';
  addLocation: BookingPage;
  changeOwner: BookingPage;
  /** Probes the connection now and records the result. */
  checkConnection: Connection;
  /**
   * Finishes a flow whose redirectUri is the client's own page: only the user who started it may. An error
   * means nothing changed and the state is still usable by that user.
   */
  completeAuthorization: Connection;
  /**
   * Starts linking a new account. Open `authorizationUrl` (the gateway's binding endpoint) with this caller's
   * bearer token: it binds the flow to that browser by an HttpOnly cookie and sends it on to the provider; the
   * gateway's callback then finishes only in that browser. `redirectUri` (default: the gateway's callback route)
   * must be an origin listed in OAUTH_REDIRECT_ORIGINS, for clients that finish with `completeAuthorization`.
   * `returnUrl` (an origin listed in OAUTH_RETURN_ORIGINS) is where the callback sends the browser afterwards,
   * with the outcome in its query; without it the browser gets a short page.
   */
  connectAccount: AuthorizationSession;
  /**
   * Links an Exchange mailbox (default: the user's email) as an EXCHANGE calendar of `userId` (default: the
   * viewer; admins may link anyone's). Exchange is read through the organization's Calendar Interop settings, so
   * nothing is signed in: the mailbox's availability is looked up first, and a failure (Interop not configured,
   * invalid participant, SSL error…) is a PROVIDER_ERROR whose extensions.reason is the seed's sub-reason, and
   * links nothing.
   */
  connectExchangeCalendar: Connection;
  createBookingPage: BookingPage;
  removeAllLocations: BookingPage;
  removeLocation: BookingPage;
  /**
   * Tests the stored settings (with the stored secret, which never leaves the server) against `participant`'s
   * mailbox, records the report (status OK or BROKEN) and probes the organization's EXCHANGE calendars with
   * them. NOT_FOUND with extensions.reason INTEROP_NOT_CONFIGURED when none are stored. ADMIN only.
   */
  retestExchangeSettings: ExchangeConnectionReport;
  /** Stores the settings untested (status UNTESTED). ADMIN only. */
  saveExchangeSettings: ExchangeSettings;
  setBookingPageEnabled: BookingPage;
  /**
   * Starts signing in again to the connection's own account (the provider is hinted its accountEmail). Finished
   * like `connectAccount`, and only by the user who started it; an unlink made meanwhile wins.
   */
  startReconnect: AuthorizationSession;
  /**
   * Tests the settings step by step against `participant`'s mailbox. With `save`, stores them (OK when
   * the report passed, BROKEN otherwise); without it, stores nothing. ADMIN only.
   */
  testExchangeConnection: ExchangeConnectionReport;
  unlinkConnection: Connection;
  updateBookingPage: BookingPage;
};


export type MutationAddLocationArgs = {
  location: LocationInput;
  pageId: Scalars['ID']['input'];
};


export type MutationChangeOwnerArgs = {
  pageId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationCheckConnectionArgs = {
  connectionId: Scalars['ID']['input'];
};


export type MutationCompleteAuthorizationArgs = {
  code: Scalars['String']['input'];
  state: Scalars['String']['input'];
};


export type MutationConnectAccountArgs = {
  provider: Provider;
  redirectUri?: InputMaybe<Scalars['String']['input']>;
  returnUrl?: InputMaybe<Scalars['String']['input']>;
};


export type MutationConnectExchangeCalendarArgs = {
  mailbox?: InputMaybe<Scalars['String']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCreateBookingPageArgs = {
  input: CreateBookingPageInput;
};


export type MutationRemoveAllLocationsArgs = {
  pageId: Scalars['ID']['input'];
};


export type MutationRemoveLocationArgs = {
  locationId: Scalars['ID']['input'];
  pageId: Scalars['ID']['input'];
};


export type MutationRetestExchangeSettingsArgs = {
  participant: Scalars['String']['input'];
};


export type MutationSaveExchangeSettingsArgs = {
  input: ExchangeSettingsInput;
};


export type MutationSetBookingPageEnabledArgs = {
  enabled: Scalars['Boolean']['input'];
  pageId: Scalars['ID']['input'];
};


export type MutationStartReconnectArgs = {
  connectionId: Scalars['ID']['input'];
  redirectUri?: InputMaybe<Scalars['String']['input']>;
  returnUrl?: InputMaybe<Scalars['String']['input']>;
};


export type MutationTestExchangeConnectionArgs = {
  input: ExchangeSettingsInput;
  participant: Scalars['String']['input'];
  save?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationUnlinkConnectionArgs = {
  connectionId: Scalars['ID']['input'];
};


export type MutationUpdateBookingPageArgs = {
  id: Scalars['ID']['input'];
  input: UpdateBookingPageInput;
};

/** Forward pagination state for a connection (list) type. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null when the list is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Provider =
  | 'EXCHANGE'
  | 'GOOGLE_CALENDAR'
  | 'MICROSOFT_CALENDAR'
  | 'MICROSOFT_TEAMS'
  | 'ZOOM';

/** The last provider failure of a connection, as classified by the error taxonomy. */
export type ProviderError = {
  __typename?: 'ProviderError';
  action: Scalars['String']['output'];
  code: Scalars['String']['output'];
  connectionBroken: Scalars['Boolean']['output'];
  httpStatus?: Maybe<Scalars['Int']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  providerReason?: Maybe<Scalars['String']['output']>;
  remediation: Scalars['String']['output'];
  /** How long the provider asked us to wait (Retry-After, rate-limit headers), in seconds. */
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
  retryable: Scalars['Boolean']['output'];
  /**
   * A finer, stable reason the remediation is specific about (e.g. INTEROP_SSL_ERROR, one per message of
   * Google's Calendar Interop help), when the taxonomy has one.
   */
  subReason?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
};


/** The last provider failure of a connection, as classified by the error taxonomy. */
export type ProviderErrorRemediationArgs = {
  locale?: InputMaybe<Locale>;
};


/** The last provider failure of a connection, as classified by the error taxonomy. */
export type ProviderErrorTitleArgs = {
  locale?: InputMaybe<Locale>;
};

export type Query = {
  __typename?: 'Query';
  bookingPage?: Maybe<BookingPage>;
  /**
   * Pages disabled by a connection error first, then the rest; members see the pages they own or belong to.
   * `first` is at most 100.
   */
  bookingPages: BookingPageConnection;
  connection?: Maybe<Connection>;
  connectionAlerts: ConnectionAlerts;
  /** The event log, oldest first, after `after` (exclusive). Admins and service tokens only. `first` is at most 500. */
  events: EventConnection;
  /** The organization's Exchange settings, or null. ADMIN and SERVICE tokens only. */
  exchangeSettings?: Maybe<ExchangeSettings>;
  /** One row per provider for `userId` (default: the viewer). */
  integrations: Array<Integration>;
  /** The user the bearer token names. SERVICE tokens that name no user get FORBIDDEN. */
  viewer: User;
};


export type QueryBookingPageArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBookingPagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<BookingPageState>;
};


export type QueryConnectionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryIntegrationsArgs = {
  tab?: InputMaybe<IntegrationTab>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * Why a page is disabled (or would be, when INACTIVE). `kind` is one of MEMBER_CALENDAR_ERROR,
 * OWNER_LOCATION_ERROR, NO_MEMBER_CALENDAR_AVAILABLE, NO_MEMBER_LOCATION_AVAILABLE, NO_ELIGIBLE_HOST.
 */
export type Reason = {
  __typename?: 'Reason';
  /** The errored connections behind the reason. */
  connections: Array<Connection>;
  kind: Scalars['String']['output'];
  /** The member (MEMBER_CALENDAR_ERROR) or owner (OWNER_LOCATION_ERROR). */
  user?: Maybe<User>;
};

/**
 * One thing a person does. `kind` is one of RECONNECT, UNLINK, ADD_VALID_LOCATION, REMOVE_ALL_LOCATIONS,
 * CHANGE_OWNER.
 */
export type RemediationAction = {
  __typename?: 'RemediationAction';
  /** The connection to reconnect or unlink. */
  connection?: Maybe<Connection>;
  kind: Scalars['String']['output'];
  provider?: Maybe<Provider>;
  /** Who has to act (RECONNECT, UNLINK), or the new owner (CHANGE_OWNER). */
  user?: Maybe<User>;
};

/** A way to do a step: all of its actions are needed. */
export type RemediationOption = {
  __typename?: 'RemediationOption';
  actions: Array<RemediationAction>;
  /** ANY_MEMBER pages: the member this option makes an eligible host. */
  host?: Maybe<User>;
};

/** Every step must be done to re-enable the page; any one of its options does a step. */
export type RemediationStep = {
  __typename?: 'RemediationStep';
  /** CLEAR_CALENDAR_ERROR, RESTORE_OWNER_LOCATION or MAKE_SOME_MEMBER_ELIGIBLE. */
  goal: Scalars['String']['output'];
  options: Array<RemediationOption>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** State changes of `pageId` (default: every page the viewer can see). */
  bookingPageStateChanged: BookingPageStateEvent;
  /** Status changes of the connections of `userId` (default: members their own, admins and services the organization). */
  connectionStatusChanged: ConnectionStatusEvent;
  /**
   * Replays the log after `after` (exclusive), then goes live, with no gap and no duplicate; without `after` it
   * starts live from the newest event. Admins and service tokens only.
   */
  events: Event;
};


export type SubscriptionBookingPageStateChangedArgs = {
  pageId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionConnectionStatusChangedArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateBookingPageInput = {
  /** Replaces the member list (the owner stays a member). */
  memberIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  mode?: InputMaybe<AttendanceMode>;
  roundRobin?: InputMaybe<Scalars['Boolean']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  /** The user's linked accounts (unlinked ones included, with status DISCONNECTED), oldest first. */
  connections: Array<Connection>;
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};


export type UserConnectionsArgs = {
  kind?: InputMaybe<ConnectionKind>;
};

export type ConnectionAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConnectionAlertsQuery = { __typename?: 'Query', connectionAlerts: { __typename?: 'ConnectionAlerts', erroredConnections: number, disabledBookingPages: number } };

export type BookingPagesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<BookingPageState>;
  locale?: InputMaybe<Locale>;
}>;


export type BookingPagesQuery = { __typename?: 'Query', bookingPages: { __typename?: 'BookingPageConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'BookingPageEdge', cursor: string, node: { __typename?: 'BookingPage', id: string, title: string, slug: string, mode: AttendanceMode, roundRobin: boolean, state: BookingPageState, acceptingBookings: boolean, stateChangedAt: string, owner: { __typename?: 'User', id: string, name: string }, members: Array<{ __typename?: 'User', id: string, name: string }>, eligibleHosts: Array<{ __typename?: 'User', id: string }>, reasons: Array<{ __typename?: 'Reason', kind: string, user?: { __typename?: 'User', id: string, name: string } | null, connections: Array<{ __typename?: 'Connection', id: string, provider: Provider, accountEmail?: string | null, lastError?: { __typename?: 'ProviderError', code: string, title: string, remediation: string } | null }> }>, remediation: Array<{ __typename?: 'RemediationStep', goal: string, options: Array<{ __typename?: 'RemediationOption', actions: Array<{ __typename?: 'RemediationAction', kind: string, provider?: Provider | null, connection?: { __typename?: 'Connection', id: string } | null, user?: { __typename?: 'User', id: string, name: string } | null }> }> }>, warnings: Array<{ __typename?: 'BookingPageWarning', kind: string, message: string }> } }> } };

export type IntegrationsQueryVariables = Exact<{
  tab?: InputMaybe<IntegrationTab>;
  userId?: InputMaybe<Scalars['ID']['input']>;
  locale?: InputMaybe<Locale>;
}>;


export type IntegrationsQuery = { __typename?: 'Query', integrations: Array<{ __typename?: 'Integration', provider: Provider, kind: ConnectionKind, status: ConnectionStatus, accounts: Array<{ __typename?: 'Connection', id: string, accountEmail?: string | null, status: ConnectionStatus, health: ConnectionHealth, statusChangedAt: string, lastError?: { __typename?: 'ProviderError', code: string, action: string, title: string, remediation: string } | null }> }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'User', id: string, name: string, email: string } };

export type EventLogQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type EventLogQuery = { __typename?: 'Query', events: { __typename?: 'EventConnection', pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'EventEdge', cursor: string, node: { __typename?: 'Event', id: string, type: string } }> } };

export type ExchangeSettingsQueryVariables = Exact<{
  locale?: InputMaybe<Locale>;
}>;


export type ExchangeSettingsQuery = { __typename?: 'Query', exchangeSettings?: { __typename?: 'ExchangeSettings', ewsUrl: string, roleAccount: string, applicationId?: string | null, status: string, lastTestedAt?: string | null, lastReport?: { __typename?: 'ExchangeConnectionReport', ok: boolean, steps: Array<{ __typename?: 'ExchangeConnectionStep', id: string, status: string, detail: string, error?: { __typename?: 'ProviderError', code: string, subReason?: string | null, title: string, remediation: string } | null }> } | null } | null };

export type TestExchangeConnectionMutationVariables = Exact<{
  input: ExchangeSettingsInput;
  participant: Scalars['String']['input'];
  save?: InputMaybe<Scalars['Boolean']['input']>;
  locale?: InputMaybe<Locale>;
}>;


export type TestExchangeConnectionMutation = { __typename?: 'Mutation', testExchangeConnection: { __typename?: 'ExchangeConnectionReport', ok: boolean, steps: Array<{ __typename?: 'ExchangeConnectionStep', id: string, status: string, detail: string, error?: { __typename?: 'ProviderError', code: string, subReason?: string | null, connectionBroken: boolean, title: string, remediation: string } | null }> } };

export type SaveExchangeSettingsMutationVariables = Exact<{
  input: ExchangeSettingsInput;
}>;


export type SaveExchangeSettingsMutation = { __typename?: 'Mutation', saveExchangeSettings: { __typename?: 'ExchangeSettings', ewsUrl: string, roleAccount: string, applicationId?: string | null, status: string, lastTestedAt?: string | null } };

export type ConnectExchangeCalendarMutationVariables = Exact<{
  mailbox?: InputMaybe<Scalars['String']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
  locale?: InputMaybe<Locale>;
}>;


export type ConnectExchangeCalendarMutation = { __typename?: 'Mutation', connectExchangeCalendar: { __typename?: 'Connection', id: string, provider: Provider, status: ConnectionStatus, health: ConnectionHealth, accountEmail?: string | null, lastError?: { __typename?: 'ProviderError', code: string, subReason?: string | null, title: string, remediation: string } | null } };

export type StartReconnectMutationVariables = Exact<{
  connectionId: Scalars['ID']['input'];
  redirectUri?: InputMaybe<Scalars['String']['input']>;
  returnUrl?: InputMaybe<Scalars['String']['input']>;
}>;


export type StartReconnectMutation = { __typename?: 'Mutation', startReconnect: { __typename?: 'AuthorizationSession', authorizationUrl: string, state: string, expiresAt: string } };

export type UnlinkConnectionMutationVariables = Exact<{
  connectionId: Scalars['ID']['input'];
}>;


export type UnlinkConnectionMutation = { __typename?: 'Mutation', unlinkConnection: { __typename?: 'Connection', id: string, status: ConnectionStatus } };

export type SetBookingPageEnabledMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
  enabled: Scalars['Boolean']['input'];
}>;


export type SetBookingPageEnabledMutation = { __typename?: 'Mutation', setBookingPageEnabled: { __typename?: 'BookingPage', id: string, enabled: boolean, state: BookingPageState, acceptingBookings: boolean } };

export type RemoveAllLocationsMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
}>;


export type RemoveAllLocationsMutation = { __typename?: 'Mutation', removeAllLocations: { __typename?: 'BookingPage', id: string, state: BookingPageState, acceptingBookings: boolean, locations: Array<{ __typename?: 'Location', id: string }> } };

export type AddLocationMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
  location: LocationInput;
}>;


export type AddLocationMutation = { __typename?: 'Mutation', addLocation: { __typename?: 'BookingPage', id: string, state: BookingPageState, acceptingBookings: boolean, locations: Array<{ __typename?: 'Location', id: string, type: LocationType, usable: boolean }> } };

export type CheckConnectionMutationVariables = Exact<{
  connectionId: Scalars['ID']['input'];
  locale?: InputMaybe<Locale>;
}>;


export type CheckConnectionMutation = { __typename?: 'Mutation', checkConnection: { __typename?: 'Connection', id: string, status: ConnectionStatus, health: ConnectionHealth, lastCheckedAt?: string | null, lastError?: { __typename?: 'ProviderError', code: string, subReason?: string | null, retryAfterSeconds?: number | null, title: string, remediation: string } | null } };

export type EventsSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EventsSubscription = { __typename?: 'Subscription', events: { __typename?: 'Event', id: string, cursor: string, type: string, occurredAt: string, payload: unknown, connection?: { __typename?: 'Connection', id: string, status: ConnectionStatus } | null, page?: { __typename?: 'BookingPage', id: string, state: BookingPageState, acceptingBookings: boolean } | null } };

export type BookingPageStateChangedSubscriptionVariables = Exact<{
  pageId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type BookingPageStateChangedSubscription = { __typename?: 'Subscription', bookingPageStateChanged: { __typename?: 'BookingPageStateEvent', cursor: string, occurredAt: string, previousState?: BookingPageState | null, state: BookingPageState, acceptingBookings: boolean, page: { __typename?: 'BookingPage', id: string, title: string } } };

export type ConnectionStatusChangedSubscriptionVariables = Exact<{
  userId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ConnectionStatusChangedSubscription = { __typename?: 'Subscription', connectionStatusChanged: { __typename?: 'ConnectionStatusEvent', cursor: string, occurredAt: string, previousStatus?: ConnectionStatus | null, status: ConnectionStatus, connection: { __typename?: 'Connection', id: string, provider: Provider, accountEmail?: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ConnectionAlertsDocument = new TypedDocumentString(`
    query ConnectionAlerts {
  connectionAlerts {
    erroredConnections
    disabledBookingPages
  }
}
    `) as unknown as TypedDocumentString<ConnectionAlertsQuery, ConnectionAlertsQueryVariables>;
export const BookingPagesDocument = new TypedDocumentString(`
    query BookingPages($first: Int = 50, $after: String, $state: BookingPageState, $locale: Locale = EN) {
  bookingPages(first: $first, after: $after, state: $state) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        id
        title
        slug
        mode
        roundRobin
        state
        acceptingBookings
        stateChangedAt
        owner {
          id
          name
        }
        members {
          id
          name
        }
        eligibleHosts {
          id
        }
        reasons {
          kind
          user {
            id
            name
          }
          connections {
            id
            provider
            accountEmail
            lastError {
              code
              title(locale: $locale)
              remediation(locale: $locale)
            }
          }
        }
        remediation {
          goal
          options {
            actions {
              kind
              provider
              connection {
                id
              }
              user {
                id
                name
              }
            }
          }
        }
        warnings {
          kind
          message
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BookingPagesQuery, BookingPagesQueryVariables>;
export const IntegrationsDocument = new TypedDocumentString(`
    query Integrations($tab: IntegrationTab = ALL, $userId: ID, $locale: Locale = EN) {
  integrations(tab: $tab, userId: $userId) {
    provider
    kind
    status
    accounts {
      id
      accountEmail
      status
      health
      statusChangedAt
      lastError {
        code
        action
        title(locale: $locale)
        remediation(locale: $locale)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IntegrationsQuery, IntegrationsQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    name
    email
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const EventLogDocument = new TypedDocumentString(`
    query EventLog($after: String, $first: Int = 100) {
  events(after: $after, first: $first) {
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        id
        type
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EventLogQuery, EventLogQueryVariables>;
export const ExchangeSettingsDocument = new TypedDocumentString(`
    query ExchangeSettings($locale: Locale = EN) {
  exchangeSettings {
    ewsUrl
    roleAccount
    applicationId
    status
    lastTestedAt
    lastReport {
      ok
      steps {
        id
        status
        detail
        error {
          code
          subReason
          title(locale: $locale)
          remediation(locale: $locale)
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExchangeSettingsQuery, ExchangeSettingsQueryVariables>;
export const TestExchangeConnectionDocument = new TypedDocumentString(`
    mutation TestExchangeConnection($input: ExchangeSettingsInput!, $participant: String!, $save: Boolean = false, $locale: Locale = EN) {
  testExchangeConnection(input: $input, participant: $participant, save: $save) {
    ok
    steps {
      id
      status
      detail
      error {
        code
        subReason
        connectionBroken
        title(locale: $locale)
        remediation(locale: $locale)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestExchangeConnectionMutation, TestExchangeConnectionMutationVariables>;
export const SaveExchangeSettingsDocument = new TypedDocumentString(`
    mutation SaveExchangeSettings($input: ExchangeSettingsInput!) {
  saveExchangeSettings(input: $input) {
    ewsUrl
    roleAccount
    applicationId
    status
    lastTestedAt
  }
}
    `) as unknown as TypedDocumentString<SaveExchangeSettingsMutation, SaveExchangeSettingsMutationVariables>;
export const ConnectExchangeCalendarDocument = new TypedDocumentString(`
    mutation ConnectExchangeCalendar($mailbox: String, $userId: ID, $locale: Locale = EN) {
  connectExchangeCalendar(mailbox: $mailbox, userId: $userId) {
    id
    provider
    status
    health
    accountEmail
    lastError {
      code
      subReason
      title(locale: $locale)
      remediation(locale: $locale)
    }
  }
}
    `) as unknown as TypedDocumentString<ConnectExchangeCalendarMutation, ConnectExchangeCalendarMutationVariables>;
export const StartReconnectDocument = new TypedDocumentString(`
    mutation StartReconnect($connectionId: ID!, $redirectUri: String, $returnUrl: String) {
  startReconnect(
    connectionId: $connectionId
    redirectUri: $redirectUri
    returnUrl: $returnUrl
  ) {
    authorizationUrl
    state
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<StartReconnectMutation, StartReconnectMutationVariables>;
export const UnlinkConnectionDocument = new TypedDocumentString(`
    mutation UnlinkConnection($connectionId: ID!) {
  unlinkConnection(connectionId: $connectionId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<UnlinkConnectionMutation, UnlinkConnectionMutationVariables>;
export const SetBookingPageEnabledDocument = new TypedDocumentString(`
    mutation SetBookingPageEnabled($pageId: ID!, $enabled: Boolean!) {
  setBookingPageEnabled(pageId: $pageId, enabled: $enabled) {
    id
    enabled
    state
    acceptingBookings
  }
}
    `) as unknown as TypedDocumentString<SetBookingPageEnabledMutation, SetBookingPageEnabledMutationVariables>;
export const RemoveAllLocationsDocument = new TypedDocumentString(`
    mutation RemoveAllLocations($pageId: ID!) {
  removeAllLocations(pageId: $pageId) {
    id
    state
    acceptingBookings
    locations {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveAllLocationsMutation, RemoveAllLocationsMutationVariables>;
export const AddLocationDocument = new TypedDocumentString(`
    mutation AddLocation($pageId: ID!, $location: LocationInput!) {
  addLocation(pageId: $pageId, location: $location) {
    id
    state
    acceptingBookings
    locations {
      id
      type
      usable
    }
  }
}
    `) as unknown as TypedDocumentString<AddLocationMutation, AddLocationMutationVariables>;
export const CheckConnectionDocument = new TypedDocumentString(`
    mutation CheckConnection($connectionId: ID!, $locale: Locale = EN) {
  checkConnection(connectionId: $connectionId) {
    id
    status
    health
    lastCheckedAt
    lastError {
      code
      subReason
      retryAfterSeconds
      title(locale: $locale)
      remediation(locale: $locale)
    }
  }
}
    `) as unknown as TypedDocumentString<CheckConnectionMutation, CheckConnectionMutationVariables>;
export const EventsDocument = new TypedDocumentString(`
    subscription Events($after: String) {
  events(after: $after) {
    id
    cursor
    type
    occurredAt
    payload
    connection {
      id
      status
    }
    page {
      id
      state
      acceptingBookings
    }
  }
}
    `) as unknown as TypedDocumentString<EventsSubscription, EventsSubscriptionVariables>;
export const BookingPageStateChangedDocument = new TypedDocumentString(`
    subscription BookingPageStateChanged($pageId: ID) {
  bookingPageStateChanged(pageId: $pageId) {
    cursor
    occurredAt
    previousState
    state
    acceptingBookings
    page {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<BookingPageStateChangedSubscription, BookingPageStateChangedSubscriptionVariables>;
export const ConnectionStatusChangedDocument = new TypedDocumentString(`
    subscription ConnectionStatusChanged($userId: ID) {
  connectionStatusChanged(userId: $userId) {
    cursor
    occurredAt
    previousStatus
    status
    connection {
      id
      provider
      accountEmail
    }
  }
}
    `) as unknown as TypedDocumentString<ConnectionStatusChangedSubscription, ConnectionStatusChangedSubscriptionVariables>;