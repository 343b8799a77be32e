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

/** An API key's metadata. The secret is shown once, by createApiKey, and never again. */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** When the key was last used, to the minute (it is recorded at most once a minute). */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** Set once the key is revoked: it no longer authenticates anything, open sockets included. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role: ApiKeyRole;
  /** The user a MEMBER or ADMIN key acts as; null for SERVICE keys. */
  userId?: Maybe<Scalars['ID']['output']>;
};

/**
 * What an API key may do: SERVICE reads and subscribes across the organization and names no user; MEMBER and
 * ADMIN keys act as their user (an ADMIN key of a user who is no longer an admin acts as a member).
 */
export type ApiKeyRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'SERVICE';

/** The status a connection is assumed to fall into (impact analysis). */
export type AssumedConnectionStatus =
  /** Unlinked: it counts for nothing, and the owner's all-members pages lose the locations that needed it. */
  | 'DISCONNECTED'
  /** A connection error: the connection counts against its user's pages until someone fixes it. */
  | 'ERROR';

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
  /**
   * The product's own id for this page (set by directory sync); null for pages made through this API. Arguments
   * that name a page take it as `ext:<externalId>`.
   */
  externalId?: Maybe<Scalars['String']['output']>;
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

/** An event's booking page as it was when the event happened. */
export type BookingPageSnapshot = {
  __typename?: 'BookingPageSnapshot';
  acceptingBookings: Scalars['Boolean']['output'];
  enabled: Scalars['Boolean']['output'];
  state: BookingPageState;
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
  /** The page as it is now; `state`, `acceptingBookings` and `reasons` are what they were when the event happened. */
  page: BookingPage;
  previousState?: Maybe<BookingPageState>;
  reasons: Array<Reason>;
  state: BookingPageState;
};

/** A page that works but with fewer hosts than members ("2 of 5 hosts unavailable"). */
export type BookingPageWarning = {
  __typename?: 'BookingPageWarning';
  kind: BookingPageWarningKind;
  memberCount: Scalars['Int']['output'];
  /** The warning in words, in `locale` ("2 of 5 hosts unavailable"). */
  message: Scalars['String']['output'];
  users: Array<User>;
};


/** A page that works but with fewer hosts than members ("2 of 5 hosts unavailable"). */
export type BookingPageWarningMessageArgs = {
  locale?: InputMaybe<Locale>;
};

export type BookingPageWarningKind =
  /** Members who cannot host now (their calendar or location does not work). */
  | 'HOSTS_UNAVAILABLE'
  /** Members with no connected calendar at all. */
  | 'MEMBERS_WITHOUT_CALENDAR';

/** One linked account of one user with one provider. */
export type Connection = {
  __typename?: 'Connection';
  accountEmail?: Maybe<Scalars['String']['output']>;
  /** Booking pages that are disabled because of this connection (visible to the viewer). */
  affectedBookingPages: Array<BookingPage>;
  atRiskReason?: Maybe<Scalars['String']['output']>;
  /**
   * AT_RISK: when the connection is predicted to stop working, and the rule that says so (e.g.
   * GOOGLE_TESTING_APP_GRANT_EXPIRY, MICROSOFT_REFRESH_TOKEN_INACTIVITY, APP_CREDENTIAL_EXPIRY); null otherwise.
   */
  breaksAt?: Maybe<Scalars['DateTime']['output']>;
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

/**
 * What the app's top banner needs. `erroredConnections` is the `totalCount` of
 * `connections(filter: { status: [ERROR] })`, which lists them.
 */
export type ConnectionAlerts = {
  __typename?: 'ConnectionAlerts';
  /** Connections that work but are predicted to break (AT_RISK). */
  atRiskConnections: Scalars['Int']['output'];
  disabledBookingPages: Scalars['Int']['output'];
  /** The soonest an AT_RISK connection is predicted to break; null when none is. */
  earliestBreaksAt?: Maybe<Scalars['DateTime']['output']>;
  erroredConnections: Scalars['Int']['output'];
};

/** A page of connections (the name follows the Relay convention: a connection of Connection objects). */
export type ConnectionConnection = {
  __typename?: 'ConnectionConnection';
  edges: Array<ConnectionEdge>;
  pageInfo: PageInfo;
  /** How many connections match, across all pages of results. */
  totalCount: Scalars['Int']['output'];
};

export type ConnectionEdge = {
  __typename?: 'ConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Connection;
};

/**
 * Narrows the organization's connection list; every field given must hold, and a list holds when the
 * connection has one of its values (an empty list matches nothing).
 */
export type ConnectionFilter = {
  health?: InputMaybe<Array<ConnectionHealth>>;
  provider?: InputMaybe<Array<Provider>>;
  status?: InputMaybe<Array<ConnectionStatus>>;
  /** Only this user's connections: `usr_…` or `ext:<externalId>` (NOT_FOUND when it names nobody). */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** Refines the status: DEGRADED and AT_RISK connections still work, BROKEN ones do not. */
export type ConnectionHealth =
  | 'AT_RISK'
  | 'BROKEN'
  | 'DEGRADED'
  | 'HEALTHY';

/**
 * Which connections to assume failed: exactly one of `connectionIds`, `userId` (every linked connection of the user)
 * or `provider` (every linked connection of the provider in the organization).
 */
export type ConnectionImpactInput = {
  /** Tsunagi's own connection ids (`con_…`), at most 100. */
  connectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  provider?: InputMaybe<Provider>;
  status: AssumedConnectionStatus;
  /** The user: `usr_…` or `ext:<externalId>`. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type ConnectionKind =
  | 'CALENDAR'
  | 'LOCATION';

/** An event's connection as it was when the event happened (events are facts: later changes do not show here). */
export type ConnectionSnapshot = {
  __typename?: 'ConnectionSnapshot';
  health: ConnectionHealth;
  lastError?: Maybe<ProviderError>;
  status: ConnectionStatus;
};

export type ConnectionStatus =
  /** Works. */
  | 'CONNECTED'
  /** Unlinked. */
  | 'DISCONNECTED'
  /** A connection error that needs a person (reconnect or unlink). */
  | 'ERROR';

export type ConnectionStatusEvent = {
  __typename?: 'ConnectionStatusEvent';
  /** The connection as it is now; `status`, `health` and `lastError` are what it was when the event happened. */
  connection: Connection;
  cursor: Scalars['String']['output'];
  health: ConnectionHealth;
  lastError?: Maybe<ProviderError>;
  occurredAt: Scalars['DateTime']['output'];
  previousStatus?: Maybe<ConnectionStatus>;
  status: ConnectionStatus;
};

export type CreateBookingPageInput = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  locations?: InputMaybe<Array<LocationInput>>;
  /** Users (`usr_…` or `ext:<externalId>`). The owner is always a member; at most 100. */
  memberIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  mode?: InputMaybe<AttendanceMode>;
  /** A user (`usr_…` or `ext:<externalId>`); defaults to the viewer. Only admins may create pages for someone else. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  roundRobin?: InputMaybe<Scalars['Boolean']['input']>;
  /** Lowercase letters, digits and dashes, unique in the organization; derived from the title when absent. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
};

export type CreateWebhookEndpointInput = {
  /** At most 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Empty or omitted: every event type. */
  eventTypes?: InputMaybe<Array<EventType>>;
  /**
   * http(s) URL, at most 2000 characters. In production it must reach a public address (no loopback, private or
   * link-local), checked now and again on every connection.
   */
  url: Scalars['String']['input'];
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** The secret (`tsk_…`), sent as `Authorization: Bearer <key>`. Store it now: it cannot be shown again. */
  key: Scalars['String']['output'];
};

/** The list of a sync call a row error points into. */
export type DirectoryList =
  | 'DELETE_PAGES'
  | 'DELETE_USERS'
  | 'PAGES'
  | 'USERS';

/** A booking page's complete description: omitted fields take their defaults (as createBookingPage's), except `slug`. */
export type DirectoryPageInput = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The product's own id for the page: the key of the upsert. */
  externalId: Scalars['String']['input'];
  locations?: InputMaybe<Array<LocationInput>>;
  /** In order; defaults to the owner alone, and must include the owner. */
  memberExternalIds?: InputMaybe<Array<Scalars['String']['input']>>;
  mode?: InputMaybe<AttendanceMode>;
  /** The owner's external id (a person of this call or already synced). */
  ownerExternalId: Scalars['String']['input'];
  roundRobin?: InputMaybe<Scalars['Boolean']['input']>;
  /** Omitted: an existing page keeps its slug, a new one gets a free slug derived from the title. */
  slug?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

export type DirectoryRowError = {
  __typename?: 'DirectoryRowError';
  code: DirectoryRowErrorCode;
  externalId?: Maybe<Scalars['String']['output']>;
  /** The field at fault as named in the row (`email`, `memberExternalIds.2`, `locations.0.value`). */
  field?: Maybe<Scalars['String']['output']>;
  /** The row's position in its list; null for a person a FULL sync removes (named by no row). */
  index?: Maybe<Scalars['Int']['output']>;
  list: DirectoryList;
  message: Scalars['String']['output'];
};

/** Why a row of a sync call was refused. Any refused row means the whole call changed nothing. */
export type DirectoryRowErrorCode =
  /** An earlier user row of the call has this e-mail address. */
  | 'DUPLICATE_EMAIL'
  /** An earlier row of the same list has this external id. */
  | 'DUPLICATE_EXTERNAL_ID'
  /** A person who stays in the organization has this e-mail address. */
  | 'EMAIL_TAKEN'
  /** The row breaks an input rule on its own (a missing name, a malformed e-mail or slug, a limit…). */
  | 'INVALID'
  /** Removing the people would leave a page the call does not describe without any member. */
  | 'LAST_MEMBER'
  /** Another page of the organization, or another page row, has this slug. */
  | 'SLUG_TAKEN'
  /** An owner or member external id names nobody the organization has after the call. */
  | 'UNKNOWN_USER'
  /** The same external id is both upserted and deleted by the call. */
  | 'UPSERTED_AND_DELETED'
  /** The person would be removed but still owns a page the call neither deletes nor gives another owner. */
  | 'USER_OWNS_PAGES';

export type DirectorySyncCounts = {
  __typename?: 'DirectorySyncCounts';
  pagesCreated: Scalars['Int']['output'];
  pagesDeleted: Scalars['Int']['output'];
  /** Pages whose evaluation was recomputed: created, changed in what their state depends on, or left by a member. */
  pagesReevaluated: Scalars['Int']['output'];
  pagesUnchanged: Scalars['Int']['output'];
  pagesUpdated: Scalars['Int']['output'];
  usersCreated: Scalars['Int']['output'];
  usersDeleted: Scalars['Int']['output'];
  usersUnchanged: Scalars['Int']['output'];
  usersUpdated: Scalars['Int']['output'];
};

export type DirectorySyncInput = {
  /** External ids of pages to remove. Ids the organization does not have are ignored. */
  deletePages?: InputMaybe<Array<Scalars['String']['input']>>;
  /**
   * External ids of people to remove: their connections are unlinked (grants revoked at the provider after the
   * commit) and they leave every page. Ids the organization does not have are ignored.
   */
  deleteUsers?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Check everything and report what the call would do, then roll back. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  mode: DirectorySyncMode;
  pages?: InputMaybe<Array<DirectoryPageInput>>;
  /** At most 5,000 rows in each list. */
  users?: InputMaybe<Array<DirectoryUserInput>>;
};

/** How a directory sync reads its lists. */
export type DirectorySyncMode =
  /**
   * `users` and `pages` are the complete directory: people and pages with an external id that is not in them are
   * removed (people and pages without an external id never are). Both lists are required; empty lists remove all.
   */
  | 'FULL'
  /** The rows are changes: people and pages not named are left alone. */
  | 'UPSERT';

export type DirectorySyncPayload = {
  __typename?: 'DirectorySyncPayload';
  /** True when the call committed; false for a dry run and whenever `errors` is not empty. */
  applied: Scalars['Boolean']['output'];
  counts: DirectorySyncCounts;
  dryRun: Scalars['Boolean']['output'];
  /** Every refused row. When there is any, nothing changed and the counts are zero. */
  errors: Array<DirectoryRowError>;
  pages: Array<ExternalIdMapping>;
  /** Connections of removed people that were unlinked (their grants are revoked at the provider, best effort). */
  unlinkedConnectionIds: Array<Scalars['ID']['output']>;
  /** The call's people and pages, in row order (for new rows a dry run answers placeholder ids, never stored: the real call assigns its own). */
  users: Array<ExternalIdMapping>;
};

/** A person as the product knows them. */
export type DirectoryUserInput = {
  email: Scalars['String']['input'];
  /** The product's own id for the person: the key of the upsert. At most 256 characters. */
  externalId: Scalars['String']['input'];
  /** Omitted: a new person has none and an existing person keeps theirs; null clears it. */
  locale?: InputMaybe<Locale>;
  name: Scalars['String']['input'];
  /** Omitted: MEMBER for a new person, an existing person keeps theirs. */
  role?: InputMaybe<UserRole>;
};

/** How long something took, over the breaks a figure covers (seconds). Null figures: no break to measure. */
export type DurationFigures = {
  __typename?: 'DurationFigures';
  averageSeconds?: Maybe<Scalars['Float']['output']>;
  /** How many breaks the figures cover. */
  count: Scalars['Int']['output'];
  maxSeconds?: Maybe<Scalars['Float']['output']>;
  medianSeconds?: Maybe<Scalars['Float']['output']>;
};

/** What to do about a failure, derived from its code (@tsunagi/errors `Action`). */
export type ErrorAction =
  /** An admin must change settings (secret, API, URL, certificate, tenant policy, sharing). */
  | 'FIX_CONFIGURATION'
  /** The request is wrong: fix the code or the input. */
  | 'FIX_REQUEST'
  /** Wipe the local cache and do a full sync. */
  | 'FULL_RESYNC'
  /** Generate a new identifier (or update the existing resource). */
  | 'NEW_IDENTIFIER'
  /** Nothing to do. */
  | 'NONE'
  /** The user must reconnect the account. */
  | 'REAUTHORIZE'
  /** Fetch the current version and apply the change again. */
  | 'REFETCH_AND_REAPPLY'
  /** Refresh the access token with the refresh token, then retry once. */
  | 'REFRESH_TOKEN'
  /** Transient: retry with exponential backoff, honouring `retryAfterSeconds`. */
  | 'RETRY_WITH_BACKOFF'
  /** Use patch semantics and touch shared properties only on the organizer's copy. */
  | 'USE_PATCH';

/** What happened, in the error taxonomy of @tsunagi/errors (`ErrorCode`). */
export type ErrorCode =
  /** The mailbox / user / calendar account does not exist, is disabled or unlicensed. */
  | 'ACCOUNT_UNAVAILABLE'
  | 'ALREADY_DELETED'
  | 'ALREADY_EXISTS'
  /** The access token expired or is missing: refresh it and retry once. */
  | 'AUTH_EXPIRED'
  /** The grant (refresh token) is dead: the user must connect again. */
  | 'AUTH_REVOKED'
  /** A concurrent operation conflicted (e.g. a batch item); retry what remains. */
  | 'CONFLICT'
  /** An admin-entered host name does not resolve. */
  | 'DNS_NOT_FOUND'
  /** An admin-entered endpoint uses http:// instead of https://. */
  | 'INSECURE_ENDPOINT'
  /** The token lacks a scope the call needs. */
  | 'INSUFFICIENT_SCOPE'
  /** MFA, consent or a forced sign-in is needed. */
  | 'INTERACTION_REQUIRED'
  /** The request itself is wrong: do not retry it unchanged. */
  | 'INVALID_REQUEST'
  /** Client secret, enabled API, application id, Interop settings… are wrong. */
  | 'MISCONFIGURED'
  /** Connection refused/reset, timeouts, temporary DNS failures. */
  | 'NETWORK_UNREACHABLE'
  | 'NOT_FOUND'
  /** Shared event properties can only be changed on the organizer's copy. */
  | 'ORGANIZER_ONLY'
  /** The account or app is not allowed to do this (tenant policy, sharing, roles). */
  | 'PERMISSION_DENIED'
  /** The ETag / change key no longer matches. */
  | 'PRECONDITION_FAILED'
  /** 5xx, gateway pages, transient server states. */
  | 'PROVIDER_UNAVAILABLE'
  /** Long-window usage limits (per day, calendar usage limits). Back off for a long time. */
  | 'QUOTA_EXCEEDED'
  /** Short-window throttling (per second / per minute). */
  | 'RATE_LIMITED'
  /** The sync / delta token expired: wipe the cache and resync. */
  | 'SYNC_TOKEN_INVALID'
  /** The server certificate is expired, untrusted or does not match the host. */
  | 'TLS_ERROR'
  /** No usable signal at all. */
  | 'UNKNOWN';

/** One entry of the organization's ordered event log. */
export type Event = {
  __typename?: 'Event';
  /** The connection the event is about, as it is now; what it was then is `connectionState`. */
  connection?: Maybe<Connection>;
  /**
   * The connection's status, health and error as they were when the event happened (null when the event is about
   * no connection, or was recorded before snapshots were).
   */
  connectionState?: Maybe<ConnectionSnapshot>;
  /** Pass as `after` to resume right after this event. */
  cursor: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The page the event is about, as it is now; what it was then is `pageState`. */
  page?: Maybe<BookingPage>;
  /**
   * The page's state as it was when the event happened (null when the event is about no page, or was recorded
   * before snapshots were).
   */
  pageState?: Maybe<BookingPageSnapshot>;
  payload: Scalars['JSON']['output'];
  type: EventType;
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

export type EventType =
  | 'BOOKING_PAGE_CREATED'
  /** A page removed by directory sync; `page` is null from then on, `payload` keeps its external id, title and slug. */
  | 'BOOKING_PAGE_DELETED'
  | 'BOOKING_PAGE_EVALUATION_CHANGED'
  | 'BOOKING_PAGE_STATE_CHANGED'
  | 'BOOKING_PAGE_UPDATED'
  | 'CONNECTION_CREATED'
  | 'CONNECTION_HEALTH_CHANGED'
  | 'CONNECTION_STATUS_CHANGED'
  | 'LOCATIONS_REMOVED';

/** A step-by-step connectivity report for the organization's Exchange (EWS) settings. */
export type ExchangeConnectionReport = {
  __typename?: 'ExchangeConnectionReport';
  ok: Scalars['Boolean']['output'];
  steps: Array<ExchangeConnectionStep>;
};

/**
 * One step of an Exchange connection test. A FAILED step carries its classified error, with title and
 * remediation in the viewer's locale.
 */
export type ExchangeConnectionStep = {
  __typename?: 'ExchangeConnectionStep';
  detail: Scalars['String']['output'];
  error?: Maybe<ProviderError>;
  id: ExchangeStepId;
  status: ExchangeStepStatus;
};

/**
 * One finished step of a live Exchange connection test. The last message also carries the whole report (and,
 * when the test was asked to save, the settings are stored before it is sent).
 */
export type ExchangeConnectionTestProgress = {
  __typename?: 'ExchangeConnectionTestProgress';
  /** The step's position, from 0; the test always reports every step of ExchangeStepId, SKIPPED ones included. */
  index: Scalars['Int']['output'];
  /** Null until the last step; then the report `testExchangeConnection` returns. */
  report?: Maybe<ExchangeConnectionReport>;
  step: ExchangeConnectionStep;
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
  status: ExchangeSettingsStatus;
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

export type ExchangeSettingsStatus =
  /** Saved although the last test failed. */
  | 'BROKEN'
  /** The last test passed. */
  | 'OK'
  /** Saved without a test. */
  | 'UNTESTED';

/** The checks of an Exchange connection test, in the order they run. */
export type ExchangeStepId =
  /** App-only token, when an application id is set; SKIPPED for a role account password. */
  | 'APPLICATION'
  | 'AVAILABILITY'
  | 'CREDENTIALS'
  | 'DNS'
  | 'EWS_ENDPOINT'
  | 'HTTPS'
  | 'TCP'
  | 'TLS'
  | 'URL_FORMAT';

export type ExchangeStepStatus =
  | 'FAILED'
  | 'PASSED'
  /** Not run: an earlier step failed, or the step does not apply. */
  | 'SKIPPED';

/** Tsunagi's id for a row of the call. */
export type ExternalIdMapping = {
  __typename?: 'ExternalIdMapping';
  externalId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};

export type ImpactReport = {
  __typename?: 'ImpactReport';
  /** The connections whose status the change moves (empty for planned page changes). */
  connections: Array<Connection>;
  disabledPages: Scalars['Int']['output'];
  enabledPages: Scalars['Int']['output'];
  /** Every page the change involves, by id. */
  pages: Array<PageImpact>;
  /** Pages that keep taking bookings (shrunk pools included). */
  pagesStayingUp: Scalars['Int']['output'];
  /** Pages that keep taking bookings with fewer hosts. */
  shrunkPools: Scalars['Int']['output'];
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

export type MailOutboxConnection = {
  __typename?: 'MailOutboxConnection';
  edges: Array<MailOutboxEdge>;
  pageInfo: PageInfo;
};

export type MailOutboxEdge = {
  __typename?: 'MailOutboxEdge';
  cursor: Scalars['String']['output'];
  node: MailOutboxMessage;
};

/** One message the embedded gateway's local mail sink accepted: what its recipient would read. */
export type MailOutboxMessage = {
  __typename?: 'MailOutboxMessage';
  /** The HTML part exactly as sent; render it only sandboxed, as `/outbox` does. */
  html: Scalars['String']['output'];
  /** `mail_…`; the message's page is `/outbox/<id>` on the gateway. */
  id: Scalars['ID']['output'];
  /** The HTML part's language (`en`, `ja`, `it`, `pl` for the notifications); null without one. */
  language?: Maybe<Scalars['String']['output']>;
  /** Every http(s) link in the message (the one-click reconnect link among them), each once. */
  links: Array<Scalars['String']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  subject: Scalars['String']['output'];
  text: Scalars['String']['output'];
  /** The recipient addresses. */
  to: Array<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  addLocation: BookingPage;
  /**
   * Gives the page to `userId`. The owner is always a member: a new owner who is not one joins the members
   * (recorded in the BOOKING_PAGE_UPDATED event's `addedMemberIds`).
   */
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
  /**
   * Creates an API key (name at most 100 characters). MEMBER and ADMIN keys act as `userId` (default: the
   * caller); an ADMIN key needs an admin. ADMIN only.
   */
  createApiKey: CreatedApiKey;
  createBookingPage: BookingPage;
  /**
   * Registers an endpoint; it receives the events committed from now on. Returns the signing secret once.
   * ADMIN only.
   */
  createWebhookEndpoint: WebhookEndpointWithSecret;
  /** Deletes the endpoint and its delivery log; returns its id. ADMIN only. */
  deleteWebhookEndpoint: Scalars['ID']['output'];
  /** Sends a delivery again (same webhook-id, fresh retry window). ADMIN only. */
  redeliverWebhook: WebhookDelivery;
  removeAllLocations: BookingPage;
  /** Removes one location of the page; NOT_FOUND when the location is not on that page. */
  removeLocation: BookingPage;
  /**
   * Tests the stored settings (with the stored secret, which never leaves the server) against `participant`'s
   * mailbox, records the report (status OK or BROKEN) and probes the organization's EXCHANGE calendars with
   * them. NOT_FOUND with extensions.reason INTEROP_NOT_CONFIGURED when none are stored. ADMIN only.
   */
  retestExchangeSettings: ExchangeConnectionReport;
  /** Revokes a key of the organization at once; revoking it again changes nothing. ADMIN only. */
  revokeApiKey: ApiKey;
  /**
   * Makes a new signing secret and returns it once. For `overlapHours` (0 to 168, default 24) the old secret
   * signs too (both signatures in webhook-signature), so the receiver can switch without losing a message.
   * ADMIN only.
   */
  rotateWebhookSecret: WebhookEndpointWithSecret;
  /** Stores the settings untested (status UNTESTED). ADMIN only. */
  saveExchangeSettings: ExchangeSettings;
  /**
   * Sends a test message to the caller now, over each channel they receive on (quiet hours do not hold it), and
   * says how each went. An empty list: no channel is on.
   */
  sendTestNotification: Array<NotificationTestResult>;
  /** Queues a WEBHOOK_TEST message to the endpoint, also while it is disabled. ADMIN only. */
  sendTestWebhook: WebhookDelivery;
  setBookingPageEnabled: BookingPage;
  /**
   * Starts signing in again to the connection's own account (the provider is hinted its accountEmail). Finished
   * like `connectAccount`, and only by the user who started it; an unlink made meanwhile wins.
   */
  startReconnect: AuthorizationSession;
  /**
   * Bulk, idempotent upsert and removal of the organization's people and booking pages, keyed by the product's own
   * external ids, in one transaction (ADMIN and SERVICE credentials). Sending the same call twice changes nothing
   * the second time.
   */
  syncDirectory: DirectorySyncPayload;
  /**
   * Tests the settings step by step against `participant`'s mailbox. With `save`, stores them (OK when
   * the report passed, BROKEN otherwise); without it, stores nothing. ADMIN only.
   */
  testExchangeConnection: ExchangeConnectionReport;
  unlinkConnection: Connection;
  updateBookingPage: BookingPage;
  /**
   * The caller's own settings (no userId), or, for an admin, anyone's. An invalid field is BAD_USER_INPUT naming
   * it, and nothing changes.
   */
  updateNotificationSettings: UserNotificationSettings;
  /** Admins only. An invalid field is BAD_USER_INPUT naming it, and nothing changes. */
  updateOrganizationNotificationSettings: OrganizationNotificationSettings;
  /** Changes what is given. ADMIN only. */
  updateWebhookEndpoint: WebhookEndpoint;
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


export type MutationCreateApiKeyArgs = {
  name: Scalars['String']['input'];
  role: ApiKeyRole;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCreateBookingPageArgs = {
  input: CreateBookingPageInput;
};


export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


export type MutationDeleteWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRedeliverWebhookArgs = {
  deliveryId: Scalars['ID']['input'];
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


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
  overlapHours?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationSaveExchangeSettingsArgs = {
  input: ExchangeSettingsInput;
};


export type MutationSendTestWebhookArgs = {
  endpointId: Scalars['ID']['input'];
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


export type MutationSyncDirectoryArgs = {
  input: DirectorySyncInput;
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


export type MutationUpdateNotificationSettingsArgs = {
  input: UserNotificationSettingsInput;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationUpdateOrganizationNotificationSettingsArgs = {
  input: OrganizationNotificationSettingsInput;
};


export type MutationUpdateWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWebhookEndpointInput;
};

/** Where a notification goes: e-mail (SMTP) or a Slack-compatible incoming webhook. */
export type NotificationChannel =
  | 'EMAIL'
  | 'SLACK';

export type NotificationKind =
  /** A connection still works but will break (health AT_RISK): a warning to the same people. */
  | 'CONNECTION_AT_RISK'
  /** A connection broke (ERROR): told to its owner, or for Exchange to the admins. */
  | 'CONNECTION_BROKEN'
  /** A connection is still broken after the organization's escalation delay: told to every admin, once. */
  | 'CONNECTION_ESCALATED'
  /** A broken connection works again: a short notice to whoever was told it broke. */
  | 'CONNECTION_RECOVERED'
  /** A test the person asked for (sendTestNotification). */
  | 'TEST';

/** One thing told (or to be told) to one person on one channel. Several may share one message (a digest). */
export type NotificationRecord = {
  __typename?: 'NotificationRecord';
  channel: NotificationChannel;
  /** The connection it is about; null for a test. */
  connectionId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: NotificationKind;
  /** Why it failed or was cancelled (an SMTP code, an HTTP status, CHANNEL_OFF…). */
  lastError?: Maybe<Scalars['String']['output']>;
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  status: NotificationStatus;
};

export type NotificationStatus =
  /**
   * Never sent, on purpose: it healed before anyone was told, a break overtook the warning, or the channel was
   * switched off.
   */
  | 'CANCELLED'
  /** Every attempt failed, or the channel refused it for good. */
  | 'FAILED'
  /** Waiting: for the digest window, quiet hours, or a retry. */
  | 'PENDING'
  | 'SENT';

/** How a test message went on one channel. */
export type NotificationTestResult = {
  __typename?: 'NotificationTestResult';
  channel: NotificationChannel;
  error?: Maybe<Scalars['String']['output']>;
  ok: Scalars['Boolean']['output'];
};

/**
 * An organization's connection health over a period, from its event log and notification records. A break is a
 * connection going from CONNECTED to ERROR (its detection); it began when the failures that led to it began (the
 * first transient failure of the run, or the detection itself when the first failure was conclusive).
 */
export type OrganizationHealthReport = {
  __typename?: 'OrganizationHealthReport';
  /** Breaks detected in the period. */
  breaks: Scalars['Int']['output'];
  /** From a break to its detection. */
  detection: DurationFigures;
  /**
   * From a break to its connection's owner being told (the first message about it marked sent), over the breaks
   * whose owner was told by `until`.
   */
  ownerNotified: DurationFigures;
  /** Booking pages disabled by a connection error, times the minutes each stood so within the period. */
  pageDisabledMinutes: Scalars['Float']['output'];
  /** From a break to the connection's reconnect, over the breaks reconnected by `until`. */
  reconnect: DurationFigures;
  since: Scalars['DateTime']['output'];
  /** Of those, not reconnected by `until`. */
  unresolved: Scalars['Int']['output'];
  until: Scalars['DateTime']['output'];
};

/**
 * The organization's notification settings (admins). Absent fields of an update stay as they are; an explicit
 * null clears (the Slack URL, the quiet hours).
 */
export type OrganizationNotificationSettings = {
  __typename?: 'OrganizationNotificationSettings';
  /** Owners are warned this many days before a connection's predicted break (`breaksAt`; default 7). */
  atRiskWarningDays: Scalars['Int']['output'];
  /**
   * At most one message per person and channel in this many minutes; what comes in between goes as one digest
   * (default 15).
   */
  digestWindowMinutes: Scalars['Int']['output'];
  /** E-mail for everyone in the organization (each person may still switch it off for themself). */
  emailEnabled: Scalars['Boolean']['output'];
  /** How long a connection stays broken before the admins are told, in minutes (default 1440 = 24 h). */
  escalationDelayMinutes: Scalars['Int']['output'];
  /** The quiet hours of people who set none. */
  quietHours?: Maybe<QuietHours>;
  /** Slack for everyone: posts go to a person's own URL, else to the organization's. */
  slackEnabled: Scalars['Boolean']['output'];
  /**
   * What is shown of the organization's Slack URL (scheme, host, last 4 characters); the URL is a secret and is
   * never returned.
   */
  slackWebhookUrlHint?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type OrganizationNotificationSettingsInput = {
  /** 1 to 30. */
  atRiskWarningDays?: InputMaybe<Scalars['Int']['input']>;
  /** 0 to 1440. */
  digestWindowMinutes?: InputMaybe<Scalars['Int']['input']>;
  emailEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** 5 to 10080. */
  escalationDelayMinutes?: InputMaybe<Scalars['Int']['input']>;
  quietHours?: InputMaybe<QuietHoursInput>;
  slackEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** An http(s) incoming-webhook URL; in production it must reach a public address. null removes it. */
  slackWebhookUrl?: InputMaybe<Scalars['String']['input']>;
};

/** What one page would do after the change, computed in memory from the current state (nothing is written). */
export type PageImpact = {
  __typename?: 'PageImpact';
  bookingPage: BookingPage;
  effect: PageImpactEffect;
  gainedHosts: Array<User>;
  hostsAfter: Scalars['Int']['output'];
  /**
   * Eligible hosts before and after (ANY_MEMBER: the round-robin pool; ALL_MEMBERS: every member while it takes
   * bookings).
   */
  hostsBefore: Scalars['Int']['output'];
  lostHosts: Array<User>;
  /** Why it would not take bookings after the change, and what would re-enable it then. */
  reasonsAfter: Array<Reason>;
  remediationAfter: Array<RemediationStep>;
  /** Locations the change would take off the page (the one removed, or an unlink's follow-up). */
  removedLocationIds: Array<Scalars['ID']['output']>;
  stateAfter: BookingPageState;
  stateBefore: BookingPageState;
  /** Why it keeps taking bookings; null when it would not take them. */
  stayUpReason?: Maybe<StayUpReason>;
};

export type PageImpactEffect =
  /** Takes bookings now and would stop. */
  | 'DISABLED'
  /** Does not take bookings now and would. */
  | 'ENABLED'
  /** Keeps taking bookings with more eligible hosts. */
  | 'HOSTS_INCREASED'
  /** Keeps taking bookings with fewer eligible hosts (a round-robin pool shrinks). */
  | 'HOSTS_REDUCED'
  /** Does not take bookings now and still would not. */
  | 'STAYS_DOWN'
  /** Keeps taking bookings with the same hosts (see `stayUpReason`). */
  | 'STAYS_UP';

/** Forward pagination state for a connection (list) type. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null when the list is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PlannedPageChangeInput = {
  kind: PlannedPageChangeKind;
  /** REMOVE_LOCATION: the location. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** The page: `pg_…` or `ext:<externalId>`. */
  pageId: Scalars['ID']['input'];
  /** REMOVE_MEMBER, CHANGE_OWNER: the user, `usr_…` or `ext:<externalId>`. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** A change to a page being planned (impact analysis). */
export type PlannedPageChangeKind =
  /** Make `userId` the owner (a non-member joins the members, as `changeOwner` does). */
  | 'CHANGE_OWNER'
  /** Take the location `locationId` off the page. */
  | 'REMOVE_LOCATION'
  /** Take `userId` off the page's members. */
  | 'REMOVE_MEMBER';

export type Provider =
  | 'EXCHANGE'
  | 'GOOGLE_CALENDAR'
  | 'MICROSOFT_CALENDAR'
  | 'MICROSOFT_TEAMS'
  | 'ZOOM';

/** The last provider failure of a connection, as classified by the error taxonomy. */
export type ProviderError = {
  __typename?: 'ProviderError';
  action: ErrorAction;
  code: ErrorCode;
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
  subReason?: Maybe<SubReason>;
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

/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type Query = {
  __typename?: 'Query';
  /** The organization's API keys, newest first, revoked ones included. ADMIN only. */
  apiKeys: Array<ApiKey>;
  /** NOT_FOUND when the viewer cannot see the page. */
  bookingPage?: Maybe<BookingPage>;
  /**
   * Pages disabled by a connection error first, then the rest; members see the pages they own or belong to.
   * `first` is at most 100.
   */
  bookingPages: BookingPageConnection;
  connection?: Maybe<Connection>;
  connectionAlerts: ConnectionAlerts;
  /**
   * Admins: what would happen if the connections failed (ERROR) or were unlinked (DISCONNECTED) — which pages
   * would be disabled, which round-robin pools would shrink, which pages stay up and why. Computed in memory from
   * the current state; nothing is written.
   */
  connectionImpact: ImpactReport;
  /**
   * The organization's connections (unlinked ones included unless filtered out), oldest first, for admins and
   * service tokens. `first` is at most 100. Each one's `affectedBookingPages` are the pages it stops.
   */
  connections: ConnectionConnection;
  /**
   * The event log, oldest first, after `after` (exclusive). Admins and service tokens only. `first` is at most 500.
   * EVENTS_EXPIRED when retention has deleted some of the organization's events after `after`: read the current
   * state, then follow from `extensions.resyncCursor`.
   */
  events: EventConnection;
  /** The organization's Exchange settings, or null. ADMIN and SERVICE tokens only. */
  exchangeSettings?: Maybe<ExchangeSettings>;
  /** One row per provider for `userId` (default: the viewer). */
  integrations: Array<Integration>;
  /**
   * The mail the embedded gateway's local SMTP sink received, newest first: a member reads mail addressed to
   * themself, an admin mail to any user of their organization. Only embedded mode without SMTP_URL runs the sink;
   * elsewhere this is FEATURE_UNAVAILABLE. `first` is 1 to 100 (default 20).
   */
  mailOutbox: MailOutboxConnection;
  /** A person's notification settings: the caller's own (no userId), or, for an admin, anyone's in the organization. */
  notificationSettings: UserNotificationSettings;
  /** A person's recent notifications, newest first: the caller's own, or, for an admin, anyone's. */
  notifications: Array<NotificationRecord>;
  /**
   * Admins: the organization's connection-health figures over [since, until) — time from a break to its detection,
   * to the owner being told and to the reconnect, and pages disabled × minutes. `until` defaults to now; a period
   * is at most 366 days and cannot end before it starts (BAD_USER_INPUT). Reads only what the event log still
   * keeps (EVENT_RETENTION_DAYS).
   */
  organizationHealthReport: OrganizationHealthReport;
  /** The organization's notification settings. Admins only. */
  organizationNotificationSettings: OrganizationNotificationSettings;
  /**
   * Admins: what a planned change to a page would do (removing a member, changing the owner, removing a location).
   * A change the page cannot take (the last member, a user who is not a member, an unknown location) is
   * BAD_USER_INPUT. Nothing is written.
   */
  plannedChangeImpact: ImpactReport;
  /** The organization's people by name, for admins and service tokens. `first` is at most 100. */
  users: UserConnection;
  /** The user the bearer token names. SERVICE tokens that name no user get FORBIDDEN. */
  viewer: User;
  /** An endpoint's delivery log, newest first (at most 100 per page). ADMIN only. */
  webhookDeliveries: WebhookDeliveryConnection;
  /** The organization's webhook endpoints, newest first. ADMIN only. */
  webhookEndpoints: Array<WebhookEndpoint>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryBookingPageArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryBookingPagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<BookingPageState>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryConnectionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryConnectionImpactArgs = {
  input: ConnectionImpactInput;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryConnectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ConnectionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryIntegrationsArgs = {
  tab?: InputMaybe<IntegrationTab>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryMailOutboxArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryNotificationSettingsArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryNotificationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryOrganizationHealthReportArgs = {
  since: Scalars['DateTime']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryPlannedChangeImpactArgs = {
  input: PlannedPageChangeInput;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:` followed by the
 * product's own id for it (its `externalId`, e.g. `ext:emp-1042`), so the product need not store our ids. An
 * external id is looked up in the caller's organization only; one that names nothing there answers exactly as
 * an unknown id does, and `ext:` with nothing after it is BAD_USER_INPUT. Connections, locations, API keys and
 * events are Tsunagi's own: their arguments take our ids only.
 */
export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  endpointId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
};

/** A daily window in local time during which nothing is sent; what comes due inside waits until it ends. */
export type QuietHours = {
  __typename?: 'QuietHours';
  end: Scalars['String']['output'];
  /** `HH:MM`, 24-hour. */
  start: Scalars['String']['output'];
  /** IANA time zone, e.g. `Europe/Rome`. */
  timeZone: Scalars['String']['output'];
};

export type QuietHoursInput = {
  end: Scalars['String']['input'];
  start: Scalars['String']['input'];
  timeZone: Scalars['String']['input'];
};

/** Why a page is disabled (or would be, when INACTIVE). */
export type Reason = {
  __typename?: 'Reason';
  /** The errored connections behind the reason. */
  connections: Array<Connection>;
  kind: ReasonKind;
  /** The reason in words, in `locale`. */
  message: Scalars['String']['output'];
  /** The member (MEMBER_CALENDAR_ERROR) or owner (OWNER_LOCATION_ERROR). */
  user?: Maybe<User>;
};


/** Why a page is disabled (or would be, when INACTIVE). */
export type ReasonMessageArgs = {
  locale?: InputMaybe<Locale>;
};

/** What disables a page (DESIGN §2). */
export type ReasonKind =
  /** ALL_MEMBERS: a member's calendar connection is in ERROR (one reason per such connection). */
  | 'MEMBER_CALENDAR_ERROR'
  /** ANY_MEMBER: each half is met by some member, never by the same one. */
  | 'NO_ELIGIBLE_HOST'
  /** ANY_MEMBER: no member's calendar can be used. */
  | 'NO_MEMBER_CALENDAR_AVAILABLE'
  /** ANY_MEMBER: no member can use any of the page's locations. */
  | 'NO_MEMBER_LOCATION_AVAILABLE'
  /** ALL_MEMBERS: the page has locations and none is usable for the owner. */
  | 'OWNER_LOCATION_ERROR';

/** One thing a person does. */
export type RemediationAction = {
  __typename?: 'RemediationAction';
  /**
   * FIX_INTEROP_SETTINGS: the failing check, the sub-reason of the connection's last error (e.g.
   * INTEROP_SSL_ERROR), when the error taxonomy has one.
   */
  check?: Maybe<SubReason>;
  /** The connection to reconnect, fix or unlink. */
  connection?: Maybe<Connection>;
  kind: RemediationActionKind;
  performedBy: RemediationPerformer;
  provider?: Maybe<Provider>;
  /** Whose connection it is (RECONNECT, FIX_INTEROP_SETTINGS, UNLINK), or the new owner (CHANGE_OWNER). */
  user?: Maybe<User>;
};

export type RemediationActionKind =
  /** Add a location usable for the page (`addLocation`). */
  | 'ADD_VALID_LOCATION'
  /** Give the page to `user` (`changeOwner`). */
  | 'CHANGE_OWNER'
  /**
   * An EXCHANGE calendar has no per-user sign-in: an organization admin fixes the Calendar Interop settings
   * (`testExchangeConnection(…, save: true)` or `retestExchangeSettings`), which re-probes the Exchange calendars.
   * `check` names the failing check.
   */
  | 'FIX_INTEROP_SETTINGS'
  /** Sign the account in again (`startReconnect`): OAuth providers only. */
  | 'RECONNECT'
  /** Remove every location of the page (`removeAllLocations`). */
  | 'REMOVE_ALL_LOCATIONS'
  /** Unlink the connection (`unlinkConnection`). */
  | 'UNLINK';

export type RemediationGoal =
  /** ALL_MEMBERS: clear one member calendar's error. */
  | 'CLEAR_CALENDAR_ERROR'
  /** ANY_MEMBER: make some member an eligible host. */
  | 'MAKE_SOME_MEMBER_ELIGIBLE'
  /** ALL_MEMBERS: make a location usable for the owner again. */
  | 'RESTORE_OWNER_LOCATION';

/** A way to do a step: all of its actions are needed. */
export type RemediationOption = {
  __typename?: 'RemediationOption';
  actions: Array<RemediationAction>;
  /** ANY_MEMBER pages: the member this option makes an eligible host. */
  host?: Maybe<User>;
};

/** Who can perform an action: the least-privileged role that can (an organization admin can do them all). */
export type RemediationPerformer =
  /** The user whose connection it is (`user`). */
  | 'CONNECTION_OWNER'
  /** An organization admin. */
  | 'ORGANIZATION_ADMIN'
  /** The page's owner. */
  | 'PAGE_OWNER';

/** Every step must be done to re-enable the page; any one of its options does a step. */
export type RemediationStep = {
  __typename?: 'RemediationStep';
  goal: RemediationGoal;
  options: Array<RemediationOption>;
};

/** Why a page that would take bookings after the change still does. */
export type StayUpReason =
  /** ANY_MEMBER: some member remains an eligible host. */
  | 'HOSTS_REMAIN'
  /** ALL_MEMBERS with locations: one of them is still usable for the owner. */
  | 'LOCATION_STILL_USABLE'
  /** Nothing the page relies on changes (e.g. a Zoom account of a page with no Zoom location). */
  | 'NOT_RELIED_ON'
  /** ALL_MEMBERS: the page is left with no location, so the owner needs none. */
  | 'NO_LOCATION_NEEDED'
  /** ALL_MEMBERS: an unlinked calendar leaves a member without one, which warns but does not disable. */
  | 'UNLINKED_CALENDAR_ONLY_WARNS';

/** A finer, stable reason the remediation text is specific about (@tsunagi/errors `SubReason`). */
export type SubReason =
  | 'GOOGLE_ADMIN_POLICY_ENFORCED'
  | 'GOOGLE_API_DISABLED'
  | 'GOOGLE_CALENDAR_USAGE_LIMITS'
  | 'GOOGLE_CONDITION_NOT_MET'
  | 'GOOGLE_DUPLICATE_ID'
  | 'GOOGLE_FORBIDDEN_FOR_NON_ORGANIZER'
  | 'GOOGLE_SCOPE_INSUFFICIENT'
  | 'GOOGLE_SYNC_TOKEN_EXPIRED'
  | 'GOOGLE_USER_RATE_LIMIT'
  | 'INTEROP_BAD_REQUEST'
  | 'INTEROP_CONNECTION_ERROR'
  | 'INTEROP_EWS_COMMUNICATION_ERROR'
  | 'INTEROP_EWS_RESPONSE_ERROR'
  | 'INTEROP_HOST_NOT_FOUND'
  | 'INTEROP_INVALID_PARTICIPANT'
  | 'INTEROP_MALFORMED_URL'
  | 'INTEROP_NOT_CONFIGURED'
  | 'INTEROP_SSL_ERROR'
  | 'INTEROP_UNAUTHORIZED'
  | 'INTEROP_USERNAME_NOT_EMAIL'
  | 'MS_APP_NOT_FOUND'
  | 'MS_CLIENT_SECRET_EXPIRED'
  | 'MS_CLIENT_SECRET_INVALID'
  | 'MS_CONDITIONAL_ACCESS_BLOCKED'
  | 'MS_CONSENT_REQUIRED'
  | 'MS_GRANT_REVOKED'
  | 'MS_MAILBOX_NOT_ENABLED'
  | 'MS_MFA_REQUIRED'
  | 'MS_REFRESH_TOKEN_EXPIRED'
  | 'MS_TENANT_NOT_FOUND'
  | 'MS_USER_NOT_IN_TENANT'
  | 'TLS_CERT_EXPIRED'
  | 'TLS_CERT_UNTRUSTED'
  | 'TLS_HOSTNAME_MISMATCH'
  | 'TLS_HOST_IS_IP_ADDRESS'
  | 'ZOOM_DAILY_LIMIT';

export type Subscription = {
  __typename?: 'Subscription';
  /** State changes of `pageId` (default: every page the viewer can see). */
  bookingPageStateChanged: BookingPageStateEvent;
  /** Status changes of the connections of `userId` (default: members their own, admins and services the organization). */
  connectionStatusChanged: ConnectionStatusEvent;
  /**
   * Replays the log after `after` (exclusive), then goes live, with no gap and no duplicate; without `after` it
   * replays the whole log from its first event, so a new consumer loses nothing. Admins and service tokens only.
   * Ends with EVENTS_EXPIRED, never with a silent gap, when retention has deleted some of the events it would replay.
   */
  events: Event;
  /**
   * `testExchangeConnection`, live: one message per finished step, in order, the last with the report. With
   * `save`, stores the settings exactly as the mutation does, once the last step has run (also when the socket
   * closed before: as a mutation whose client went away). ADMIN only.
   */
  exchangeConnectionTest: ExchangeConnectionTestProgress;
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


export type SubscriptionExchangeConnectionTestArgs = {
  input: ExchangeSettingsInput;
  participant: Scalars['String']['input'];
  save?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateBookingPageInput = {
  /** Replaces the member list (the owner stays a member): users, `usr_…` or `ext:<externalId>`. */
  memberIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  mode?: InputMaybe<AttendanceMode>;
  roundRobin?: InputMaybe<Scalars['Boolean']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateWebhookEndpointInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** false turns it off (reason ADMIN); true turns it back on, also after FAILING, and it resumes where it stopped. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  eventTypes?: InputMaybe<Array<EventType>>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  /** The user's linked accounts (unlinked ones included, with status DISCONNECTED), oldest first. */
  connections: Array<Connection>;
  email: Scalars['String']['output'];
  /**
   * The product's own id for this person (set by directory sync); null for people it has not synced. Arguments
   * that name a user take it as `ext:<externalId>`.
   */
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The language the person reads, when the product has said; texts for them default to English otherwise. */
  locale?: Maybe<Locale>;
  name: Scalars['String']['output'];
  role: UserRole;
};


export type UserConnectionsArgs = {
  kind?: InputMaybe<ConnectionKind>;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
  /** How many users match, across all pages of results. */
  totalCount: Scalars['Int']['output'];
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

/** Narrows the organization's user list; every field given must hold. */
export type UserFilter = {
  /** Only users with one of these roles (an empty list matches nobody). */
  role?: InputMaybe<Array<UserRole>>;
  /** Only users whose name or email starts with this text, ignoring case. At most 320 characters. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** One person's notification settings. */
export type UserNotificationSettings = {
  __typename?: 'UserNotificationSettings';
  emailEnabled: Scalars['Boolean']['output'];
  /** Their own quiet hours; null means the organization's apply. */
  quietHours?: Maybe<QuietHours>;
  /** Slack, when the organization has it on and a URL (this person's or the organization's) is set. */
  slackEnabled: Scalars['Boolean']['output'];
  /** What is shown of this person's own Slack URL; null when they use the organization's or none. */
  slackWebhookUrlHint?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  userId: Scalars['ID']['output'];
};

export type UserNotificationSettingsInput = {
  emailEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  quietHours?: InputMaybe<QuietHoursInput>;
  slackEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  slackWebhookUrl?: InputMaybe<Scalars['String']['input']>;
};

/** What a person may do in their organization: members manage their own connections and pages, admins all of them. */
export type UserRole =
  | 'ADMIN'
  | 'MEMBER';

/**
 * One message to one endpoint and how its delivery went. `id` is the message's `webhook-id` header: the same on
 * every attempt and redelivery, so a receiver de-duplicates by it.
 */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  endpointId: Scalars['ID']['output'];
  /** The event log cursor of the event it carries (ordered per organization); null for a test message. */
  eventCursor?: Maybe<Scalars['String']['output']>;
  /**
   * The event type, WEBHOOK_TEST, or EVENTS_EXPIRED (retention removed events the endpoint had not received;
   * the body says from which cursor to which).
   */
  eventType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** What went wrong with the last attempt (`HTTP 503`, `ECONNREFUSED`, `timed out`, …); null after a success. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** How long the last attempt took, in milliseconds. */
  latencyMs?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The HTTP status of the last answer; null when there was none (refused, unreachable, timed out). */
  responseStatus?: Maybe<Scalars['Int']['output']>;
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  edges: Array<WebhookDeliveryEdge>;
  pageInfo: PageInfo;
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

export type WebhookDeliveryStatus =
  | 'DELIVERED'
  /** The retry window ended without a 2xx answer; redeliverWebhook sends it again. */
  | 'FAILED'
  /** Not yet answered 2xx; retried with exponential backoff until the retry window (at least 72 hours) ends. */
  | 'PENDING';

/** Why an outgoing webhook endpoint is not sent to. */
export type WebhookDisabledReason =
  /** An admin turned it off (updateWebhookEndpoint enabled: false). */
  | 'ADMIN'
  /** Every attempt failed for longer than the gateway's WEBHOOK_DISABLE_AFTER_DAYS: this is the notice to admins. */
  | 'FAILING';

/**
 * A receiver of the organization's events, signed per Standard Webhooks (webhook-id, webhook-timestamp,
 * webhook-signature). The signing secret is shown once, by createWebhookEndpoint and rotateWebhookSecret.
 */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  disabledReason?: Maybe<WebhookDisabledReason>;
  enabled: Scalars['Boolean']['output'];
  /** The event types it receives; empty means all. */
  eventTypes: Array<EventType>;
  /** Since when every attempt has failed; null while it works. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Until when the previous secret still signs beside the current one (after a rotation); null when it does not. */
  previousSecretExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
};

export type WebhookEndpointWithSecret = {
  __typename?: 'WebhookEndpointWithSecret';
  endpoint: WebhookEndpoint;
  /**
   * The signing secret (`whsec_…`), for the receiver's Standard Webhooks verification. Store it now: it is never
   * shown again.
   */
  secret: Scalars['String']['output'];
};

export type OrganizationConnectionsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ConnectionFilter>;
  locale?: InputMaybe<Locale>;
}>;


export type OrganizationConnectionsQuery = { __typename?: 'Query', connections: { __typename?: 'ConnectionConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'ConnectionEdge', cursor: string, node: { __typename?: 'Connection', id: string, provider: Provider, kind: ConnectionKind, accountEmail?: string | null, status: ConnectionStatus, health: ConnectionHealth, statusChangedAt: string, user: { __typename?: 'User', id: string, name: string, email: string }, lastError?: { __typename?: 'ProviderError', code: ErrorCode, action: ErrorAction, title: string, remediation: string } | null, affectedBookingPages: Array<{ __typename?: 'BookingPage', id: string, title: string, state: BookingPageState }> } }> } };

export type OrganizationUsersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
}>;


export type OrganizationUsersQuery = { __typename?: 'Query', users: { __typename?: 'UserConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'UserEdge', cursor: string, node: { __typename?: 'User', id: string, name: string, email: string, role: UserRole } }> } };

export type ConnectionAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConnectionAlertsQuery = { __typename?: 'Query', connectionAlerts: { __typename?: 'ConnectionAlerts', erroredConnections: number, disabledBookingPages: number, atRiskConnections: number, earliestBreaksAt?: string | null } };

export type BookingPagesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<BookingPageState>;
  locale?: InputMaybe<Locale>;
}>;


export type BookingPagesQuery = { __typename?: 'Query', bookingPages: { __typename?: 'BookingPageConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'BookingPageEdge', cursor: string, node: { __typename?: 'BookingPage', id: string, title: string, slug: string, mode: AttendanceMode, roundRobin: boolean, state: BookingPageState, acceptingBookings: boolean, stateChangedAt: string, owner: { __typename?: 'User', id: string, name: string }, members: Array<{ __typename?: 'User', id: string, name: string }>, eligibleHosts: Array<{ __typename?: 'User', id: string }>, reasons: Array<{ __typename?: 'Reason', kind: ReasonKind, message: string, user?: { __typename?: 'User', id: string, name: string } | null, connections: Array<{ __typename?: 'Connection', id: string, provider: Provider, accountEmail?: string | null, lastError?: { __typename?: 'ProviderError', code: ErrorCode, title: string, remediation: string } | null }> }>, remediation: Array<{ __typename?: 'RemediationStep', goal: RemediationGoal, options: Array<{ __typename?: 'RemediationOption', actions: Array<{ __typename?: 'RemediationAction', kind: RemediationActionKind, performedBy: RemediationPerformer, check?: SubReason | null, provider?: Provider | null, connection?: { __typename?: 'Connection', id: string } | null, user?: { __typename?: 'User', id: string, name: string } | null }> }> }>, warnings: Array<{ __typename?: 'BookingPageWarning', kind: BookingPageWarningKind, message: string }> } }> } };

export type IntegrationsQueryVariables = Exact<{
  tab?: InputMaybe<IntegrationTab>;
  userId?: InputMaybe<Scalars['ID']['input']>;
  locale?: InputMaybe<Locale>;
}>;


export type IntegrationsQuery = { __typename?: 'Query', integrations: Array<{ __typename?: 'Integration', provider: Provider, kind: ConnectionKind, status: ConnectionStatus, accounts: Array<{ __typename?: 'Connection', id: string, accountEmail?: string | null, status: ConnectionStatus, health: ConnectionHealth, breaksAt?: string | null, atRiskReason?: string | null, statusChangedAt: string, lastCheckedAt?: string | null, lastError?: { __typename?: 'ProviderError', code: ErrorCode, action: ErrorAction, title: string, remediation: string } | null }> }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'User', id: string, name: string, email: string, role: UserRole, locale?: Locale | null } };

export type EventLogQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type EventLogQuery = { __typename?: 'Query', events: { __typename?: 'EventConnection', pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'EventEdge', cursor: string, node: { __typename?: 'Event', id: string, type: EventType, occurredAt: string, connectionState?: { __typename?: 'ConnectionSnapshot', status: ConnectionStatus, health: ConnectionHealth, lastError?: { __typename?: 'ProviderError', code: ErrorCode, subReason?: SubReason | null } | null } | null, pageState?: { __typename?: 'BookingPageSnapshot', state: BookingPageState, acceptingBookings: boolean } | null } }> } };

export type BookingPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  locale?: InputMaybe<Locale>;
}>;


export type BookingPageQuery = { __typename?: 'Query', bookingPage?: { __typename?: 'BookingPage', id: string, title: string, slug: string, mode: AttendanceMode, roundRobin: boolean, enabled: boolean, state: BookingPageState, acceptingBookings: boolean, stateChangedAt: string, owner: { __typename?: 'User', id: string, name: string }, members: Array<{ __typename?: 'User', id: string, name: string }>, eligibleHosts: Array<{ __typename?: 'User', id: string }>, locations: Array<{ __typename?: 'Location', id: string, type: LocationType, usable: boolean }>, reasons: Array<{ __typename?: 'Reason', kind: ReasonKind, message: string, user?: { __typename?: 'User', id: string, name: string } | null, connections: Array<{ __typename?: 'Connection', id: string, provider: Provider, accountEmail?: string | null, status: ConnectionStatus, lastError?: { __typename?: 'ProviderError', code: ErrorCode, title: string, remediation: string } | null }> }>, remediation: Array<{ __typename?: 'RemediationStep', goal: RemediationGoal, options: Array<{ __typename?: 'RemediationOption', actions: Array<{ __typename?: 'RemediationAction', kind: RemediationActionKind, performedBy: RemediationPerformer, check?: SubReason | null, provider?: Provider | null, connection?: { __typename?: 'Connection', id: string } | null, user?: { __typename?: 'User', id: string, name: string } | null }> }> }>, warnings: Array<{ __typename?: 'BookingPageWarning', kind: BookingPageWarningKind, message: string, users: Array<{ __typename?: 'User', id: string, name: string }> }> } | null };

export type SyncDirectoryMutationVariables = Exact<{
  input: DirectorySyncInput;
}>;


export type SyncDirectoryMutation = { __typename?: 'Mutation', syncDirectory: { __typename?: 'DirectorySyncPayload', applied: boolean, dryRun: boolean, unlinkedConnectionIds: Array<string>, errors: Array<{ __typename?: 'DirectoryRowError', list: DirectoryList, index?: number | null, externalId?: string | null, field?: string | null, code: DirectoryRowErrorCode, message: string }>, counts: { __typename?: 'DirectorySyncCounts', usersCreated: number, usersUpdated: number, usersUnchanged: number, usersDeleted: number, pagesCreated: number, pagesUpdated: number, pagesUnchanged: number, pagesDeleted: number, pagesReevaluated: number }, users: Array<{ __typename?: 'ExternalIdMapping', externalId: string, id: string }>, pages: Array<{ __typename?: 'ExternalIdMapping', externalId: string, id: string }> } };

export type ExchangeSettingsQueryVariables = Exact<{
  locale?: InputMaybe<Locale>;
}>;


export type ExchangeSettingsQuery = { __typename?: 'Query', exchangeSettings?: { __typename?: 'ExchangeSettings', ewsUrl: string, roleAccount: string, applicationId?: string | null, status: ExchangeSettingsStatus, lastTestedAt?: string | null, lastReport?: { __typename?: 'ExchangeConnectionReport', ok: boolean, steps: Array<{ __typename?: 'ExchangeConnectionStep', id: ExchangeStepId, status: ExchangeStepStatus, detail: string, error?: { __typename?: 'ProviderError', code: ErrorCode, subReason?: SubReason | null, title: string, remediation: string } | null }> } | null } | null };

export type TestExchangeConnectionMutationVariables = Exact<{
  input: ExchangeSettingsInput;
  participant: Scalars['String']['input'];
  save?: InputMaybe<Scalars['Boolean']['input']>;
  locale?: InputMaybe<Locale>;
}>;


export type TestExchangeConnectionMutation = { __typename?: 'Mutation', testExchangeConnection: { __typename?: 'ExchangeConnectionReport', ok: boolean, steps: Array<{ __typename?: 'ExchangeConnectionStep', id: ExchangeStepId, status: ExchangeStepStatus, detail: string, error?: { __typename?: 'ProviderError', code: ErrorCode, subReason?: SubReason | null, connectionBroken: boolean, title: string, remediation: string } | null }> } };

export type SaveExchangeSettingsMutationVariables = Exact<{
  input: ExchangeSettingsInput;
}>;


export type SaveExchangeSettingsMutation = { __typename?: 'Mutation', saveExchangeSettings: { __typename?: 'ExchangeSettings', ewsUrl: string, roleAccount: string, applicationId?: string | null, status: ExchangeSettingsStatus, lastTestedAt?: string | null } };

export type ConnectExchangeCalendarMutationVariables = Exact<{
  mailbox?: InputMaybe<Scalars['String']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
  locale?: InputMaybe<Locale>;
}>;


export type ConnectExchangeCalendarMutation = { __typename?: 'Mutation', connectExchangeCalendar: { __typename?: 'Connection', id: string, provider: Provider, status: ConnectionStatus, health: ConnectionHealth, accountEmail?: string | null, lastError?: { __typename?: 'ProviderError', code: ErrorCode, subReason?: SubReason | null, title: string, remediation: string } | null } };

export type ExchangeConnectionTestSubscriptionVariables = Exact<{
  input: ExchangeSettingsInput;
  participant: Scalars['String']['input'];
  save?: InputMaybe<Scalars['Boolean']['input']>;
  locale?: InputMaybe<Locale>;
}>;


export type ExchangeConnectionTestSubscription = { __typename?: 'Subscription', exchangeConnectionTest: { __typename?: 'ExchangeConnectionTestProgress', index: number, step: { __typename?: 'ExchangeConnectionStep', id: ExchangeStepId, status: ExchangeStepStatus, detail: string, error?: { __typename?: 'ProviderError', code: ErrorCode, subReason?: SubReason | null, connectionBroken: boolean, title: string, remediation: string } | null }, report?: { __typename?: 'ExchangeConnectionReport', ok: boolean, steps: Array<{ __typename?: 'ExchangeConnectionStep', id: ExchangeStepId, status: ExchangeStepStatus, detail: string, error?: { __typename?: 'ProviderError', code: ErrorCode, subReason?: SubReason | null, connectionBroken: boolean, title: string, remediation: string } | null }> } | null } };

export type OrganizationHealthReportQueryVariables = Exact<{
  since: Scalars['DateTime']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type OrganizationHealthReportQuery = { __typename?: 'Query', organizationHealthReport: { __typename?: 'OrganizationHealthReport', since: string, until: string, breaks: number, unresolved: number, pageDisabledMinutes: number, detection: { __typename?: 'DurationFigures', count: number, averageSeconds?: number | null, medianSeconds?: number | null, maxSeconds?: number | null }, ownerNotified: { __typename?: 'DurationFigures', count: number, averageSeconds?: number | null, medianSeconds?: number | null, maxSeconds?: number | null }, reconnect: { __typename?: 'DurationFigures', count: number, averageSeconds?: number | null, medianSeconds?: number | null, maxSeconds?: number | null } } };

export type DurationFiguresFieldsFragment = { __typename?: 'DurationFigures', count: number, averageSeconds?: number | null, medianSeconds?: number | null, maxSeconds?: number | null };

export type ConnectionImpactQueryVariables = Exact<{
  input: ConnectionImpactInput;
  locale?: InputMaybe<Locale>;
}>;


export type ConnectionImpactQuery = { __typename?: 'Query', connectionImpact: { __typename?: 'ImpactReport', disabledPages: number, enabledPages: number, shrunkPools: number, pagesStayingUp: number, connections: Array<{ __typename?: 'Connection', id: string, provider: Provider, accountEmail?: string | null, status: ConnectionStatus, user: { __typename?: 'User', id: string, name: string } }>, pages: Array<{ __typename?: 'PageImpact', effect: PageImpactEffect, stateBefore: BookingPageState, stateAfter: BookingPageState, hostsBefore: number, hostsAfter: number, stayUpReason?: StayUpReason | null, removedLocationIds: Array<string>, bookingPage: { __typename?: 'BookingPage', id: string, title: string }, lostHosts: Array<{ __typename?: 'User', id: string, name: string }>, gainedHosts: Array<{ __typename?: 'User', id: string, name: string }>, reasonsAfter: Array<{ __typename?: 'Reason', kind: ReasonKind, message: string, connections: Array<{ __typename?: 'Connection', id: string, provider: Provider }> }>, remediationAfter: Array<{ __typename?: 'RemediationStep', goal: RemediationGoal, options: Array<{ __typename?: 'RemediationOption', actions: Array<{ __typename?: 'RemediationAction', kind: RemediationActionKind, provider?: Provider | null, connection?: { __typename?: 'Connection', id: string } | null, user?: { __typename?: 'User', id: string } | null }> }> }> }> } };

export type PlannedChangeImpactQueryVariables = Exact<{
  input: PlannedPageChangeInput;
  locale?: InputMaybe<Locale>;
}>;


export type PlannedChangeImpactQuery = { __typename?: 'Query', plannedChangeImpact: { __typename?: 'ImpactReport', disabledPages: number, enabledPages: number, shrunkPools: number, pagesStayingUp: number, connections: Array<{ __typename?: 'Connection', id: string, provider: Provider, accountEmail?: string | null, status: ConnectionStatus, user: { __typename?: 'User', id: string, name: string } }>, pages: Array<{ __typename?: 'PageImpact', effect: PageImpactEffect, stateBefore: BookingPageState, stateAfter: BookingPageState, hostsBefore: number, hostsAfter: number, stayUpReason?: StayUpReason | null, removedLocationIds: Array<string>, bookingPage: { __typename?: 'BookingPage', id: string, title: string }, lostHosts: Array<{ __typename?: 'User', id: string, name: string }>, gainedHosts: Array<{ __typename?: 'User', id: string, name: string }>, reasonsAfter: Array<{ __typename?: 'Reason', kind: ReasonKind, message: string, connections: Array<{ __typename?: 'Connection', id: string, provider: Provider }> }>, remediationAfter: Array<{ __typename?: 'RemediationStep', goal: RemediationGoal, options: Array<{ __typename?: 'RemediationOption', actions: Array<{ __typename?: 'RemediationAction', kind: RemediationActionKind, provider?: Provider | null, connection?: { __typename?: 'Connection', id: string } | null, user?: { __typename?: 'User', id: string } | null }> }> }> }> } };

export type ImpactReportFieldsFragment = { __typename?: 'ImpactReport', disabledPages: number, enabledPages: number, shrunkPools: number, pagesStayingUp: number, connections: Array<{ __typename?: 'Connection', id: string, provider: Provider, accountEmail?: string | null, status: ConnectionStatus, user: { __typename?: 'User', id: string, name: string } }>, pages: Array<{ __typename?: 'PageImpact', effect: PageImpactEffect, stateBefore: BookingPageState, stateAfter: BookingPageState, hostsBefore: number, hostsAfter: number, stayUpReason?: StayUpReason | null, removedLocationIds: Array<string>, bookingPage: { __typename?: 'BookingPage', id: string, title: string }, lostHosts: Array<{ __typename?: 'User', id: string, name: string }>, gainedHosts: Array<{ __typename?: 'User', id: string, name: string }>, reasonsAfter: Array<{ __typename?: 'Reason', kind: ReasonKind, message: string, connections: Array<{ __typename?: 'Connection', id: string, provider: Provider }> }>, remediationAfter: Array<{ __typename?: 'RemediationStep', goal: RemediationGoal, options: Array<{ __typename?: 'RemediationOption', actions: Array<{ __typename?: 'RemediationAction', kind: RemediationActionKind, provider?: Provider | null, connection?: { __typename?: 'Connection', id: string } | null, user?: { __typename?: 'User', id: string } | null }> }> }> }> };

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


export type CheckConnectionMutation = { __typename?: 'Mutation', checkConnection: { __typename?: 'Connection', id: string, status: ConnectionStatus, health: ConnectionHealth, lastCheckedAt?: string | null, lastError?: { __typename?: 'ProviderError', code: ErrorCode, subReason?: SubReason | null, retryAfterSeconds?: number | null, title: string, remediation: string } | null } };

export type ChangeOwnerMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
}>;


export type ChangeOwnerMutation = { __typename?: 'Mutation', changeOwner: { __typename?: 'BookingPage', id: string, state: BookingPageState, acceptingBookings: boolean, owner: { __typename?: 'User', id: string, name: string } } };

export type OrganizationNotificationSettingsFieldsFragment = { __typename?: 'OrganizationNotificationSettings', emailEnabled: boolean, slackEnabled: boolean, slackWebhookUrlHint?: string | null, escalationDelayMinutes: number, digestWindowMinutes: number, atRiskWarningDays: number, updatedAt?: string | null, quietHours?: { __typename?: 'QuietHours', start: string, end: string, timeZone: string } | null };

export type UserNotificationSettingsFieldsFragment = { __typename?: 'UserNotificationSettings', userId: string, emailEnabled: boolean, slackEnabled: boolean, slackWebhookUrlHint?: string | null, updatedAt?: string | null, quietHours?: { __typename?: 'QuietHours', start: string, end: string, timeZone: string } | null };

export type OrganizationNotificationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationNotificationSettingsQuery = { __typename?: 'Query', organizationNotificationSettings: { __typename?: 'OrganizationNotificationSettings', emailEnabled: boolean, slackEnabled: boolean, slackWebhookUrlHint?: string | null, escalationDelayMinutes: number, digestWindowMinutes: number, atRiskWarningDays: number, updatedAt?: string | null, quietHours?: { __typename?: 'QuietHours', start: string, end: string, timeZone: string } | null } };

export type UpdateOrganizationNotificationSettingsMutationVariables = Exact<{
  input: OrganizationNotificationSettingsInput;
}>;


export type UpdateOrganizationNotificationSettingsMutation = { __typename?: 'Mutation', updateOrganizationNotificationSettings: { __typename?: 'OrganizationNotificationSettings', emailEnabled: boolean, slackEnabled: boolean, slackWebhookUrlHint?: string | null, escalationDelayMinutes: number, digestWindowMinutes: number, atRiskWarningDays: number, updatedAt?: string | null, quietHours?: { __typename?: 'QuietHours', start: string, end: string, timeZone: string } | null } };

export type NotificationSettingsQueryVariables = Exact<{
  userId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type NotificationSettingsQuery = { __typename?: 'Query', notificationSettings: { __typename?: 'UserNotificationSettings', userId: string, emailEnabled: boolean, slackEnabled: boolean, slackWebhookUrlHint?: string | null, updatedAt?: string | null, quietHours?: { __typename?: 'QuietHours', start: string, end: string, timeZone: string } | null } };

export type UpdateNotificationSettingsMutationVariables = Exact<{
  userId?: InputMaybe<Scalars['ID']['input']>;
  input: UserNotificationSettingsInput;
}>;


export type UpdateNotificationSettingsMutation = { __typename?: 'Mutation', updateNotificationSettings: { __typename?: 'UserNotificationSettings', userId: string, emailEnabled: boolean, slackEnabled: boolean, slackWebhookUrlHint?: string | null, updatedAt?: string | null, quietHours?: { __typename?: 'QuietHours', start: string, end: string, timeZone: string } | null } };

export type NotificationsQueryVariables = Exact<{
  userId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type NotificationsQuery = { __typename?: 'Query', notifications: Array<{ __typename?: 'NotificationRecord', id: string, kind: NotificationKind, channel: NotificationChannel, status: NotificationStatus, connectionId?: string | null, createdAt: string, sentAt?: string | null, lastError?: string | null }> };

export type SendTestNotificationMutationVariables = Exact<{ [key: string]: never; }>;


export type SendTestNotificationMutation = { __typename?: 'Mutation', sendTestNotification: Array<{ __typename?: 'NotificationTestResult', channel: NotificationChannel, ok: boolean, error?: string | null }> };

export type MailOutboxQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MailOutboxQuery = { __typename?: 'Query', mailOutbox: { __typename?: 'MailOutboxConnection', edges: Array<{ __typename?: 'MailOutboxEdge', cursor: string, node: { __typename?: 'MailOutboxMessage', id: string, to: Array<string>, subject: string, language?: string | null, text: string, html: string, receivedAt: string, links: Array<string> } }>, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean } } };

export type EventsSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EventsSubscription = { __typename?: 'Subscription', events: { __typename?: 'Event', id: string, cursor: string, type: EventType, occurredAt: string, payload: unknown, connection?: { __typename?: 'Connection', id: string } | null, connectionState?: { __typename?: 'ConnectionSnapshot', status: ConnectionStatus, health: ConnectionHealth, lastError?: { __typename?: 'ProviderError', code: ErrorCode, subReason?: SubReason | null } | null } | null, page?: { __typename?: 'BookingPage', id: string } | null, pageState?: { __typename?: 'BookingPageSnapshot', state: BookingPageState, acceptingBookings: boolean } | null } };

export type BookingPageStateChangedSubscriptionVariables = Exact<{
  pageId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type BookingPageStateChangedSubscription = { __typename?: 'Subscription', bookingPageStateChanged: { __typename?: 'BookingPageStateEvent', cursor: string, occurredAt: string, previousState?: BookingPageState | null, state: BookingPageState, acceptingBookings: boolean, reasons: Array<{ __typename?: 'Reason', kind: ReasonKind }>, page: { __typename?: 'BookingPage', id: string, title: string } } };

export type ConnectionStatusChangedSubscriptionVariables = Exact<{
  userId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ConnectionStatusChangedSubscription = { __typename?: 'Subscription', connectionStatusChanged: { __typename?: 'ConnectionStatusEvent', cursor: string, occurredAt: string, previousStatus?: ConnectionStatus | null, status: ConnectionStatus, health: ConnectionHealth, lastError?: { __typename?: 'ProviderError', code: ErrorCode, subReason?: SubReason | null } | null, connection: { __typename?: 'Connection', id: string, provider: Provider, accountEmail?: string | null } } };

export type WebhookEndpointFieldsFragment = { __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<EventType>, enabled: boolean, disabledReason?: WebhookDisabledReason | null, disabledAt?: string | null, failingSince?: string | null, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string };

export type WebhookDeliveryFieldsFragment = { __typename?: 'WebhookDelivery', id: string, endpointId: string, eventCursor?: string | null, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt?: string | null, nextAttemptAt?: string | null, deliveredAt?: string | null, latencyMs?: number | null, responseStatus?: number | null, lastError?: string | null, createdAt: string };

export type WebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEndpointsQuery = { __typename?: 'Query', webhookEndpoints: Array<{ __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<EventType>, enabled: boolean, disabledReason?: WebhookDisabledReason | null, disabledAt?: string | null, failingSince?: string | null, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
}>;


export type WebhookDeliveriesQuery = { __typename?: 'Query', webhookDeliveries: { __typename?: 'WebhookDeliveryConnection', edges: Array<{ __typename?: 'WebhookDeliveryEdge', cursor: string, node: { __typename?: 'WebhookDelivery', id: string, endpointId: string, eventCursor?: string | null, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt?: string | null, nextAttemptAt?: string | null, deliveredAt?: string | null, latencyMs?: number | null, responseStatus?: number | null, lastError?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { __typename?: 'Mutation', createWebhookEndpoint: { __typename?: 'WebhookEndpointWithSecret', secret: string, endpoint: { __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<EventType>, enabled: boolean, disabledReason?: WebhookDisabledReason | null, disabledAt?: string | null, failingSince?: string | null, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string } } };

export type UpdateWebhookEndpointMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateWebhookEndpointInput;
}>;


export type UpdateWebhookEndpointMutation = { __typename?: 'Mutation', updateWebhookEndpoint: { __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<EventType>, enabled: boolean, disabledReason?: WebhookDisabledReason | null, disabledAt?: string | null, failingSince?: string | null, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string } };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  overlapHours?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RotateWebhookSecretMutation = { __typename?: 'Mutation', rotateWebhookSecret: { __typename?: 'WebhookEndpointWithSecret', secret: string, endpoint: { __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<EventType>, enabled: boolean, disabledReason?: WebhookDisabledReason | null, disabledAt?: string | null, failingSince?: string | null, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string } } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteWebhookEndpointMutation = { __typename?: 'Mutation', deleteWebhookEndpoint: string };

export type RedeliverWebhookMutationVariables = Exact<{
  deliveryId: Scalars['ID']['input'];
}>;


export type RedeliverWebhookMutation = { __typename?: 'Mutation', redeliverWebhook: { __typename?: 'WebhookDelivery', id: string, endpointId: string, eventCursor?: string | null, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt?: string | null, nextAttemptAt?: string | null, deliveredAt?: string | null, latencyMs?: number | null, responseStatus?: number | null, lastError?: string | null, createdAt: string } };

export type SendTestWebhookMutationVariables = Exact<{
  endpointId: Scalars['ID']['input'];
}>;


export type SendTestWebhookMutation = { __typename?: 'Mutation', sendTestWebhook: { __typename?: 'WebhookDelivery', id: string, endpointId: string, eventCursor?: string | null, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt?: string | null, nextAttemptAt?: string | null, deliveredAt?: string | null, latencyMs?: number | null, responseStatus?: number | null, lastError?: string | null, createdAt: string } };

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
export const DurationFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment DurationFiguresFields on DurationFigures {
  count
  averageSeconds
  medianSeconds
  maxSeconds
}
    `, {"fragmentName":"DurationFiguresFields"}) as unknown as TypedDocumentString<DurationFiguresFieldsFragment, unknown>;
export const ImpactReportFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImpactReportFields on ImpactReport {
  disabledPages
  enabledPages
  shrunkPools
  pagesStayingUp
  connections {
    id
    provider
    accountEmail
    status
    user {
      id
      name
    }
  }
  pages {
    bookingPage {
      id
      title
    }
    effect
    stateBefore
    stateAfter
    hostsBefore
    hostsAfter
    lostHosts {
      id
      name
    }
    gainedHosts {
      id
      name
    }
    stayUpReason
    removedLocationIds
    reasonsAfter {
      kind
      message(locale: $locale)
      connections {
        id
        provider
      }
    }
    remediationAfter {
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
          }
        }
      }
    }
  }
}
    `, {"fragmentName":"ImpactReportFields"}) as unknown as TypedDocumentString<ImpactReportFieldsFragment, unknown>;
export const OrganizationNotificationSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrganizationNotificationSettingsFields on OrganizationNotificationSettings {
  emailEnabled
  slackEnabled
  slackWebhookUrlHint
  escalationDelayMinutes
  digestWindowMinutes
  atRiskWarningDays
  quietHours {
    start
    end
    timeZone
  }
  updatedAt
}
    `, {"fragmentName":"OrganizationNotificationSettingsFields"}) as unknown as TypedDocumentString<OrganizationNotificationSettingsFieldsFragment, unknown>;
export const UserNotificationSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserNotificationSettingsFields on UserNotificationSettings {
  userId
  emailEnabled
  slackEnabled
  slackWebhookUrlHint
  quietHours {
    start
    end
    timeZone
  }
  updatedAt
}
    `, {"fragmentName":"UserNotificationSettingsFields"}) as unknown as TypedDocumentString<UserNotificationSettingsFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  disabledAt
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const WebhookDeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  endpointId
  eventCursor
  eventType
  status
  attempts
  lastAttemptAt
  nextAttemptAt
  deliveredAt
  latencyMs
  responseStatus
  lastError
  createdAt
}
    `, {"fragmentName":"WebhookDeliveryFields"}) as unknown as TypedDocumentString<WebhookDeliveryFieldsFragment, unknown>;
export const OrganizationConnectionsDocument = new TypedDocumentString(`
    query OrganizationConnections($first: Int = 50, $after: String, $filter: ConnectionFilter, $locale: Locale = EN) {
  connections(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        id
        provider
        kind
        accountEmail
        status
        health
        statusChangedAt
        user {
          id
          name
          email
        }
        lastError {
          code
          action
          title(locale: $locale)
          remediation(locale: $locale)
        }
        affectedBookingPages {
          id
          title
          state
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationConnectionsQuery, OrganizationConnectionsQueryVariables>;
export const OrganizationUsersDocument = new TypedDocumentString(`
    query OrganizationUsers($first: Int = 50, $after: String, $filter: UserFilter) {
  users(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        id
        name
        email
        role
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationUsersQuery, OrganizationUsersQueryVariables>;
export const ConnectionAlertsDocument = new TypedDocumentString(`
    query ConnectionAlerts {
  connectionAlerts {
    erroredConnections
    disabledBookingPages
    atRiskConnections
    earliestBreaksAt
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
          message(locale: $locale)
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
              performedBy
              check
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
          message(locale: $locale)
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
      breaksAt
      atRiskReason
      statusChangedAt
      lastCheckedAt
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
    role
    locale
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
        occurredAt
        connectionState {
          status
          health
          lastError {
            code
            subReason
          }
        }
        pageState {
          state
          acceptingBookings
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EventLogQuery, EventLogQueryVariables>;
export const BookingPageDocument = new TypedDocumentString(`
    query BookingPage($id: ID!, $locale: Locale = EN) {
  bookingPage(id: $id) {
    id
    title
    slug
    mode
    roundRobin
    enabled
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
    locations {
      id
      type
      usable
    }
    reasons {
      kind
      message(locale: $locale)
      user {
        id
        name
      }
      connections {
        id
        provider
        accountEmail
        status
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
          performedBy
          check
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
      message(locale: $locale)
      users {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BookingPageQuery, BookingPageQueryVariables>;
export const SyncDirectoryDocument = new TypedDocumentString(`
    mutation SyncDirectory($input: DirectorySyncInput!) {
  syncDirectory(input: $input) {
    applied
    dryRun
    errors {
      list
      index
      externalId
      field
      code
      message
    }
    counts {
      usersCreated
      usersUpdated
      usersUnchanged
      usersDeleted
      pagesCreated
      pagesUpdated
      pagesUnchanged
      pagesDeleted
      pagesReevaluated
    }
    users {
      externalId
      id
    }
    pages {
      externalId
      id
    }
    unlinkedConnectionIds
  }
}
    `) as unknown as TypedDocumentString<SyncDirectoryMutation, SyncDirectoryMutationVariables>;
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
export const ExchangeConnectionTestDocument = new TypedDocumentString(`
    subscription ExchangeConnectionTest($input: ExchangeSettingsInput!, $participant: String!, $save: Boolean = false, $locale: Locale = EN) {
  exchangeConnectionTest(input: $input, participant: $participant, save: $save) {
    index
    step {
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
    report {
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
}
    `) as unknown as TypedDocumentString<ExchangeConnectionTestSubscription, ExchangeConnectionTestSubscriptionVariables>;
export const OrganizationHealthReportDocument = new TypedDocumentString(`
    query OrganizationHealthReport($since: DateTime!, $until: DateTime) {
  organizationHealthReport(since: $since, until: $until) {
    since
    until
    breaks
    unresolved
    detection {
      ...DurationFiguresFields
    }
    ownerNotified {
      ...DurationFiguresFields
    }
    reconnect {
      ...DurationFiguresFields
    }
    pageDisabledMinutes
  }
}
    fragment DurationFiguresFields on DurationFigures {
  count
  averageSeconds
  medianSeconds
  maxSeconds
}`) as unknown as TypedDocumentString<OrganizationHealthReportQuery, OrganizationHealthReportQueryVariables>;
export const ConnectionImpactDocument = new TypedDocumentString(`
    query ConnectionImpact($input: ConnectionImpactInput!, $locale: Locale = EN) {
  connectionImpact(input: $input) {
    ...ImpactReportFields
  }
}
    fragment ImpactReportFields on ImpactReport {
  disabledPages
  enabledPages
  shrunkPools
  pagesStayingUp
  connections {
    id
    provider
    accountEmail
    status
    user {
      id
      name
    }
  }
  pages {
    bookingPage {
      id
      title
    }
    effect
    stateBefore
    stateAfter
    hostsBefore
    hostsAfter
    lostHosts {
      id
      name
    }
    gainedHosts {
      id
      name
    }
    stayUpReason
    removedLocationIds
    reasonsAfter {
      kind
      message(locale: $locale)
      connections {
        id
        provider
      }
    }
    remediationAfter {
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
          }
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<ConnectionImpactQuery, ConnectionImpactQueryVariables>;
export const PlannedChangeImpactDocument = new TypedDocumentString(`
    query PlannedChangeImpact($input: PlannedPageChangeInput!, $locale: Locale = EN) {
  plannedChangeImpact(input: $input) {
    ...ImpactReportFields
  }
}
    fragment ImpactReportFields on ImpactReport {
  disabledPages
  enabledPages
  shrunkPools
  pagesStayingUp
  connections {
    id
    provider
    accountEmail
    status
    user {
      id
      name
    }
  }
  pages {
    bookingPage {
      id
      title
    }
    effect
    stateBefore
    stateAfter
    hostsBefore
    hostsAfter
    lostHosts {
      id
      name
    }
    gainedHosts {
      id
      name
    }
    stayUpReason
    removedLocationIds
    reasonsAfter {
      kind
      message(locale: $locale)
      connections {
        id
        provider
      }
    }
    remediationAfter {
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
          }
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<PlannedChangeImpactQuery, PlannedChangeImpactQueryVariables>;
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
export const ChangeOwnerDocument = new TypedDocumentString(`
    mutation ChangeOwner($pageId: ID!, $userId: ID!) {
  changeOwner(pageId: $pageId, userId: $userId) {
    id
    state
    acceptingBookings
    owner {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ChangeOwnerMutation, ChangeOwnerMutationVariables>;
export const OrganizationNotificationSettingsDocument = new TypedDocumentString(`
    query OrganizationNotificationSettings {
  organizationNotificationSettings {
    ...OrganizationNotificationSettingsFields
  }
}
    fragment OrganizationNotificationSettingsFields on OrganizationNotificationSettings {
  emailEnabled
  slackEnabled
  slackWebhookUrlHint
  escalationDelayMinutes
  digestWindowMinutes
  atRiskWarningDays
  quietHours {
    start
    end
    timeZone
  }
  updatedAt
}`) as unknown as TypedDocumentString<OrganizationNotificationSettingsQuery, OrganizationNotificationSettingsQueryVariables>;
export const UpdateOrganizationNotificationSettingsDocument = new TypedDocumentString(`
    mutation UpdateOrganizationNotificationSettings($input: OrganizationNotificationSettingsInput!) {
  updateOrganizationNotificationSettings(input: $input) {
    ...OrganizationNotificationSettingsFields
  }
}
    fragment OrganizationNotificationSettingsFields on OrganizationNotificationSettings {
  emailEnabled
  slackEnabled
  slackWebhookUrlHint
  escalationDelayMinutes
  digestWindowMinutes
  atRiskWarningDays
  quietHours {
    start
    end
    timeZone
  }
  updatedAt
}`) as unknown as TypedDocumentString<UpdateOrganizationNotificationSettingsMutation, UpdateOrganizationNotificationSettingsMutationVariables>;
export const NotificationSettingsDocument = new TypedDocumentString(`
    query NotificationSettings($userId: ID) {
  notificationSettings(userId: $userId) {
    ...UserNotificationSettingsFields
  }
}
    fragment UserNotificationSettingsFields on UserNotificationSettings {
  userId
  emailEnabled
  slackEnabled
  slackWebhookUrlHint
  quietHours {
    start
    end
    timeZone
  }
  updatedAt
}`) as unknown as TypedDocumentString<NotificationSettingsQuery, NotificationSettingsQueryVariables>;
export const UpdateNotificationSettingsDocument = new TypedDocumentString(`
    mutation UpdateNotificationSettings($userId: ID, $input: UserNotificationSettingsInput!) {
  updateNotificationSettings(userId: $userId, input: $input) {
    ...UserNotificationSettingsFields
  }
}
    fragment UserNotificationSettingsFields on UserNotificationSettings {
  userId
  emailEnabled
  slackEnabled
  slackWebhookUrlHint
  quietHours {
    start
    end
    timeZone
  }
  updatedAt
}`) as unknown as TypedDocumentString<UpdateNotificationSettingsMutation, UpdateNotificationSettingsMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($userId: ID, $first: Int = 20) {
  notifications(userId: $userId, first: $first) {
    id
    kind
    channel
    status
    connectionId
    createdAt
    sentAt
    lastError
  }
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const SendTestNotificationDocument = new TypedDocumentString(`
    mutation SendTestNotification {
  sendTestNotification {
    channel
    ok
    error
  }
}
    `) as unknown as TypedDocumentString<SendTestNotificationMutation, SendTestNotificationMutationVariables>;
export const MailOutboxDocument = new TypedDocumentString(`
    query MailOutbox($first: Int = 20, $after: String) {
  mailOutbox(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        to
        subject
        language
        text
        html
        receivedAt
        links
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<MailOutboxQuery, MailOutboxQueryVariables>;
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
    }
    connectionState {
      status
      health
      lastError {
        code
        subReason
      }
    }
    page {
      id
    }
    pageState {
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
    reasons {
      kind
    }
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
    health
    lastError {
      code
      subReason
    }
    connection {
      id
      provider
      accountEmail
    }
  }
}
    `) as unknown as TypedDocumentString<ConnectionStatusChangedSubscription, ConnectionStatusChangedSubscriptionVariables>;
export const WebhookEndpointsDocument = new TypedDocumentString(`
    query WebhookEndpoints {
  webhookEndpoints {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  disabledAt
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($endpointId: ID!, $first: Int = 20, $after: String, $status: WebhookDeliveryStatus) {
  webhookDeliveries(
    endpointId: $endpointId
    first: $first
    after: $after
    status: $status
  ) {
    edges {
      cursor
      node {
        ...WebhookDeliveryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  endpointId
  eventCursor
  eventType
  status
  attempts
  lastAttemptAt
  nextAttemptAt
  deliveredAt
  latencyMs
  responseStatus
  lastError
  createdAt
}`) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    secret
    endpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  disabledAt
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const UpdateWebhookEndpointDocument = new TypedDocumentString(`
    mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(id: $id, input: $input) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  disabledAt
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($id: ID!, $overlapHours: Int = 24) {
  rotateWebhookSecret(id: $id, overlapHours: $overlapHours) {
    secret
    endpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  disabledAt
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const RedeliverWebhookDocument = new TypedDocumentString(`
    mutation RedeliverWebhook($deliveryId: ID!) {
  redeliverWebhook(deliveryId: $deliveryId) {
    ...WebhookDeliveryFields
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  endpointId
  eventCursor
  eventType
  status
  attempts
  lastAttemptAt
  nextAttemptAt
  deliveredAt
  latencyMs
  responseStatus
  lastError
  createdAt
}`) as unknown as TypedDocumentString<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;
export const SendTestWebhookDocument = new TypedDocumentString(`
    mutation SendTestWebhook($endpointId: ID!) {
  sendTestWebhook(endpointId: $endpointId) {
    ...WebhookDeliveryFields
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  endpointId
  eventCursor
  eventType
  status
  attempts
  lastAttemptAt
  nextAttemptAt
  deliveredAt
  latencyMs
  responseStatus
  lastError
  createdAt
}`) as unknown as TypedDocumentString<SendTestWebhookMutation, SendTestWebhookMutationVariables>;