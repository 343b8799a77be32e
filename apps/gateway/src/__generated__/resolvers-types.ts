import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserParent, ApiKeyParent, ConnectionParent, ProviderErrorParent, IntegrationParent, BookingPageParent, LocationParent, ReasonParent, RemediationStepParent, RemediationOptionParent, RemediationActionParent, WarningParent, BookingPageEdgeParent, BookingPageConnectionParent, AuthorizationSessionParent, EventParent, EventEdgeParent, EventConnectionParent, ConnectionSnapshotParent, BookingPageSnapshotParent, ExchangeSettingsParent, ExchangeReportParent, ExchangeStepParent, WebhookEndpointParent, WebhookDeliveryParent, WebhookDeliveryEdgeParent, WebhookDeliveryConnectionParent } from '../mappers.js';
import type { ImpactReportParent, PageImpactParent } from '../impact/mappers.js';
import type { GatewayContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, serialized as an ISO 8601 string in UTC (`2026-01-31T09:00:00.000Z`). */
  DateTime: { input: Date; output: Date; }
  /** Free-form JSON, used only for event payloads whose shape depends on the event type. */
  JSON: { input: unknown; output: unknown; }
};

/** An API key's metadata. The secret is shown once, by createApiKey, and never again. */
export type ApiKey = {
  readonly __typename?: 'ApiKey';
  readonly createdAt: Scalars['DateTime']['output'];
  readonly id: Scalars['ID']['output'];
  /** When the key was last used, to the minute (it is recorded at most once a minute). */
  readonly lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  readonly name: Scalars['String']['output'];
  /** Set once the key is revoked: it no longer authenticates anything, open sockets included. */
  readonly revokedAt?: Maybe<Scalars['DateTime']['output']>;
  readonly role: ApiKeyRole;
  /** The user a MEMBER or ADMIN key acts as; null for SERVICE keys. */
  readonly userId?: Maybe<Scalars['ID']['output']>;
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
  readonly __typename?: 'AuthorizationSession';
  readonly authorizationUrl: Scalars['String']['output'];
  /** Set when the session reconnects an existing connection. */
  readonly connection?: Maybe<Connection>;
  readonly expiresAt: Scalars['DateTime']['output'];
  readonly provider: Provider;
  readonly state: Scalars['String']['output'];
};

export type BookingPage = {
  readonly __typename?: 'BookingPage';
  readonly acceptingBookings: Scalars['Boolean']['output'];
  readonly eligibleHosts: ReadonlyArray<User>;
  /** False when the owner turned the page off (state INACTIVE). */
  readonly enabled: Scalars['Boolean']['output'];
  /**
   * The product's own id for this page (set by directory sync); null for pages made through this API. Arguments
   * that name a page take it as `ext:<externalId>`.
   */
  readonly externalId?: Maybe<Scalars['String']['output']>;
  readonly id: Scalars['ID']['output'];
  readonly locations: ReadonlyArray<Location>;
  readonly members: ReadonlyArray<User>;
  readonly mode: AttendanceMode;
  readonly owner: User;
  readonly reasons: ReadonlyArray<Reason>;
  readonly remediation: ReadonlyArray<RemediationStep>;
  readonly roundRobin: Scalars['Boolean']['output'];
  readonly slug: Scalars['String']['output'];
  readonly state: BookingPageState;
  readonly stateChangedAt: Scalars['DateTime']['output'];
  readonly title: Scalars['String']['output'];
  readonly warnings: ReadonlyArray<BookingPageWarning>;
};

export type BookingPageConnection = {
  readonly __typename?: 'BookingPageConnection';
  readonly edges: ReadonlyArray<BookingPageEdge>;
  readonly pageInfo: PageInfo;
  /** How many pages match, across all pages of results. */
  readonly totalCount: Scalars['Int']['output'];
};

export type BookingPageEdge = {
  readonly __typename?: 'BookingPageEdge';
  readonly cursor: Scalars['String']['output'];
  readonly node: BookingPage;
};

/** An event's booking page as it was when the event happened. */
export type BookingPageSnapshot = {
  readonly __typename?: 'BookingPageSnapshot';
  readonly acceptingBookings: Scalars['Boolean']['output'];
  readonly enabled: Scalars['Boolean']['output'];
  readonly state: BookingPageState;
};

export type BookingPageState =
  /** Takes bookings. */
  | 'ACTIVE'
  /** Disabled because a connection its rules depend on is in error. */
  | 'DISABLED_CONNECTION_ERROR'
  /** Turned off by its owner (reasons and remediation are still computed). */
  | 'INACTIVE';

export type BookingPageStateEvent = {
  readonly __typename?: 'BookingPageStateEvent';
  readonly acceptingBookings: Scalars['Boolean']['output'];
  readonly cursor: Scalars['String']['output'];
  readonly occurredAt: Scalars['DateTime']['output'];
  /** The page as it is now; `state`, `acceptingBookings` and `reasons` are what they were when the event happened. */
  readonly page: BookingPage;
  readonly previousState?: Maybe<BookingPageState>;
  readonly reasons: ReadonlyArray<Reason>;
  readonly state: BookingPageState;
};

/** A page that works but with fewer hosts than members ("2 of 5 hosts unavailable"). */
export type BookingPageWarning = {
  readonly __typename?: 'BookingPageWarning';
  readonly kind: BookingPageWarningKind;
  readonly memberCount: Scalars['Int']['output'];
  /** The warning in words, in `locale` ("2 of 5 hosts unavailable"). */
  readonly message: Scalars['String']['output'];
  readonly users: ReadonlyArray<User>;
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
  readonly __typename?: 'Connection';
  readonly accountEmail?: Maybe<Scalars['String']['output']>;
  /** Booking pages that are disabled because of this connection (visible to the viewer). */
  readonly affectedBookingPages: ReadonlyArray<BookingPage>;
  readonly atRiskReason?: Maybe<Scalars['String']['output']>;
  /**
   * AT_RISK: when the connection is predicted to stop working, and the rule that says so (e.g.
   * GOOGLE_TESTING_APP_GRANT_EXPIRY, MICROSOFT_REFRESH_TOKEN_INACTIVITY, APP_CREDENTIAL_EXPIRY); null otherwise.
   */
  readonly breaksAt?: Maybe<Scalars['DateTime']['output']>;
  readonly health: ConnectionHealth;
  readonly id: Scalars['ID']['output'];
  readonly kind: ConnectionKind;
  readonly lastCheckedAt?: Maybe<Scalars['DateTime']['output']>;
  readonly lastError?: Maybe<ProviderError>;
  readonly provider: Provider;
  readonly status: ConnectionStatus;
  readonly statusChangedAt: Scalars['DateTime']['output'];
  readonly user: User;
};

/**
 * What the app's top banner needs. `erroredConnections` is the `totalCount` of
 * `connections(filter: { status: [ERROR] })`, which lists them.
 */
export type ConnectionAlerts = {
  readonly __typename?: 'ConnectionAlerts';
  /** Connections that work but are predicted to break (AT_RISK). */
  readonly atRiskConnections: Scalars['Int']['output'];
  readonly disabledBookingPages: Scalars['Int']['output'];
  /** The soonest an AT_RISK connection is predicted to break; null when none is. */
  readonly earliestBreaksAt?: Maybe<Scalars['DateTime']['output']>;
  readonly erroredConnections: Scalars['Int']['output'];
};

/** A page of connections (the name follows the Relay convention: a connection of Connection objects). */
export type ConnectionConnection = {
  readonly __typename?: 'ConnectionConnection';
  readonly edges: ReadonlyArray<ConnectionEdge>;
  readonly pageInfo: PageInfo;
  /** How many connections match, across all pages of results. */
  readonly totalCount: Scalars['Int']['output'];
};

export type ConnectionEdge = {
  readonly __typename?: 'ConnectionEdge';
  readonly cursor: Scalars['String']['output'];
  readonly node: Connection;
};

/**
 * Narrows the organization's connection list; every field given must hold, and a list holds when the
 * connection has one of its values (an empty list matches nothing).
 */
export type ConnectionFilter = {
  readonly health?: InputMaybe<ReadonlyArray<ConnectionHealth>>;
  readonly provider?: InputMaybe<ReadonlyArray<Provider>>;
  readonly status?: InputMaybe<ReadonlyArray<ConnectionStatus>>;
  /** Only this user's connections: `usr_…` or `ext:<externalId>` (NOT_FOUND when it names nobody). */
  readonly userId?: InputMaybe<Scalars['ID']['input']>;
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
  readonly connectionIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  readonly provider?: InputMaybe<Provider>;
  readonly status: AssumedConnectionStatus;
  /** The user: `usr_…` or `ext:<externalId>`. */
  readonly userId?: InputMaybe<Scalars['ID']['input']>;
};

export type ConnectionKind =
  | 'CALENDAR'
  | 'LOCATION';

/** An event's connection as it was when the event happened (events are facts: later changes do not show here). */
export type ConnectionSnapshot = {
  readonly __typename?: 'ConnectionSnapshot';
  readonly health: ConnectionHealth;
  readonly lastError?: Maybe<ProviderError>;
  readonly status: ConnectionStatus;
};

export type ConnectionStatus =
  /** Works. */
  | 'CONNECTED'
  /** Unlinked. */
  | 'DISCONNECTED'
  /** A connection error that needs a person (reconnect or unlink). */
  | 'ERROR';

export type ConnectionStatusEvent = {
  readonly __typename?: 'ConnectionStatusEvent';
  /** The connection as it is now; `status`, `health` and `lastError` are what it was when the event happened. */
  readonly connection: Connection;
  readonly cursor: Scalars['String']['output'];
  readonly health: ConnectionHealth;
  readonly lastError?: Maybe<ProviderError>;
  readonly occurredAt: Scalars['DateTime']['output'];
  readonly previousStatus?: Maybe<ConnectionStatus>;
  readonly status: ConnectionStatus;
};

export type CreateBookingPageInput = {
  readonly enabled?: InputMaybe<Scalars['Boolean']['input']>;
  readonly locations?: InputMaybe<ReadonlyArray<LocationInput>>;
  /** Users (`usr_…` or `ext:<externalId>`). The owner is always a member; at most 100. */
  readonly memberIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  readonly mode?: InputMaybe<AttendanceMode>;
  /** A user (`usr_…` or `ext:<externalId>`); defaults to the viewer. Only admins may create pages for someone else. */
  readonly ownerId?: InputMaybe<Scalars['ID']['input']>;
  readonly roundRobin?: InputMaybe<Scalars['Boolean']['input']>;
  /** Lowercase letters, digits and dashes, unique in the organization; derived from the title when absent. */
  readonly slug?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters. */
  readonly title: Scalars['String']['input'];
};

export type CreateWebhookEndpointInput = {
  /** At most 500 characters. */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Empty or omitted: every event type. */
  readonly eventTypes?: InputMaybe<ReadonlyArray<EventType>>;
  /**
   * http(s) URL, at most 2000 characters. In production it must reach a public address (no loopback, private or
   * link-local), checked now and again on every connection.
   */
  readonly url: Scalars['String']['input'];
};

export type CreatedApiKey = {
  readonly __typename?: 'CreatedApiKey';
  readonly apiKey: ApiKey;
  /** The secret (`tsk_…`), sent as `Authorization: Bearer <key>`. Store it now: it cannot be shown again. */
  readonly key: Scalars['String']['output'];
};

/** The list of a sync call a row error points into. */
export type DirectoryList =
  | 'DELETE_PAGES'
  | 'DELETE_USERS'
  | 'PAGES'
  | 'USERS';

/** A booking page's complete description: omitted fields take their defaults (as createBookingPage's), except `slug`. */
export type DirectoryPageInput = {
  readonly enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The product's own id for the page: the key of the upsert. */
  readonly externalId: Scalars['String']['input'];
  readonly locations?: InputMaybe<ReadonlyArray<LocationInput>>;
  /** In order; defaults to the owner alone, and must include the owner. */
  readonly memberExternalIds?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  readonly mode?: InputMaybe<AttendanceMode>;
  /** The owner's external id (a person of this call or already synced). */
  readonly ownerExternalId: Scalars['String']['input'];
  readonly roundRobin?: InputMaybe<Scalars['Boolean']['input']>;
  /** Omitted: an existing page keeps its slug, a new one gets a free slug derived from the title. */
  readonly slug?: InputMaybe<Scalars['String']['input']>;
  readonly title: Scalars['String']['input'];
};

export type DirectoryRowError = {
  readonly __typename?: 'DirectoryRowError';
  readonly code: DirectoryRowErrorCode;
  readonly externalId?: Maybe<Scalars['String']['output']>;
  /** The field at fault as named in the row (`email`, `memberExternalIds.2`, `locations.0.value`). */
  readonly field?: Maybe<Scalars['String']['output']>;
  /** The row's position in its list; null for a person a FULL sync removes (named by no row). */
  readonly index?: Maybe<Scalars['Int']['output']>;
  readonly list: DirectoryList;
  readonly message: Scalars['String']['output'];
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
  readonly __typename?: 'DirectorySyncCounts';
  readonly pagesCreated: Scalars['Int']['output'];
  readonly pagesDeleted: Scalars['Int']['output'];
  /** Pages whose evaluation was recomputed: created, changed in what their state depends on, or left by a member. */
  readonly pagesReevaluated: Scalars['Int']['output'];
  readonly pagesUnchanged: Scalars['Int']['output'];
  readonly pagesUpdated: Scalars['Int']['output'];
  readonly usersCreated: Scalars['Int']['output'];
  readonly usersDeleted: Scalars['Int']['output'];
  readonly usersUnchanged: Scalars['Int']['output'];
  readonly usersUpdated: Scalars['Int']['output'];
};

export type DirectorySyncInput = {
  /** External ids of pages to remove. Ids the organization does not have are ignored. */
  readonly deletePages?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /**
   * External ids of people to remove: their connections are unlinked (grants revoked at the provider after the
   * commit) and they leave every page. Ids the organization does not have are ignored.
   */
  readonly deleteUsers?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Check everything and report what the call would do, then roll back. */
  readonly dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  readonly mode: DirectorySyncMode;
  readonly pages?: InputMaybe<ReadonlyArray<DirectoryPageInput>>;
  /** At most 5,000 rows in each list. */
  readonly users?: InputMaybe<ReadonlyArray<DirectoryUserInput>>;
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
  readonly __typename?: 'DirectorySyncPayload';
  /** True when the call committed; false for a dry run and whenever `errors` is not empty. */
  readonly applied: Scalars['Boolean']['output'];
  readonly counts: DirectorySyncCounts;
  readonly dryRun: Scalars['Boolean']['output'];
  /** Every refused row. When there is any, nothing changed and the counts are zero. */
  readonly errors: ReadonlyArray<DirectoryRowError>;
  readonly pages: ReadonlyArray<ExternalIdMapping>;
  /** Connections of removed people that were unlinked (their grants are revoked at the provider, best effort). */
  readonly unlinkedConnectionIds: ReadonlyArray<Scalars['ID']['output']>;
  /** The call's people and pages, in row order (for new rows a dry run answers placeholder ids, never stored: the real call assigns its own). */
  readonly users: ReadonlyArray<ExternalIdMapping>;
};

/** A person as the product knows them. */
export type DirectoryUserInput = {
  readonly email: Scalars['String']['input'];
  /** The product's own id for the person: the key of the upsert. At most 256 characters. */
  readonly externalId: Scalars['String']['input'];
  /** Omitted: a new person has none and an existing person keeps theirs; null clears it. */
  readonly locale?: InputMaybe<Locale>;
  readonly name: Scalars['String']['input'];
  /** Omitted: MEMBER for a new person, an existing person keeps theirs. */
  readonly role?: InputMaybe<UserRole>;
};

/** How long something took, over the breaks a figure covers (seconds). Null figures: no break to measure. */
export type DurationFigures = {
  readonly __typename?: 'DurationFigures';
  readonly averageSeconds?: Maybe<Scalars['Float']['output']>;
  /** How many breaks the figures cover. */
  readonly count: Scalars['Int']['output'];
  readonly maxSeconds?: Maybe<Scalars['Float']['output']>;
  readonly medianSeconds?: Maybe<Scalars['Float']['output']>;
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
  readonly __typename?: 'Event';
  /** The connection the event is about, as it is now; what it was then is `connectionState`. */
  readonly connection?: Maybe<Connection>;
  /**
   * The connection's status, health and error as they were when the event happened (null when the event is about
   * no connection, or was recorded before snapshots were).
   */
  readonly connectionState?: Maybe<ConnectionSnapshot>;
  /** Pass as `after` to resume right after this event. */
  readonly cursor: Scalars['String']['output'];
  readonly id: Scalars['ID']['output'];
  readonly occurredAt: Scalars['DateTime']['output'];
  /** The page the event is about, as it is now; what it was then is `pageState`. */
  readonly page?: Maybe<BookingPage>;
  /**
   * The page's state as it was when the event happened (null when the event is about no page, or was recorded
   * before snapshots were).
   */
  readonly pageState?: Maybe<BookingPageSnapshot>;
  readonly payload: Scalars['JSON']['output'];
  readonly type: EventType;
  readonly user?: Maybe<User>;
};

export type EventConnection = {
  readonly __typename?: 'EventConnection';
  readonly edges: ReadonlyArray<EventEdge>;
  readonly pageInfo: PageInfo;
};

export type EventEdge = {
  readonly __typename?: 'EventEdge';
  readonly cursor: Scalars['String']['output'];
  readonly node: Event;
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
  readonly __typename?: 'ExchangeConnectionReport';
  readonly ok: Scalars['Boolean']['output'];
  readonly steps: ReadonlyArray<ExchangeConnectionStep>;
};

/**
 * One step of an Exchange connection test. A FAILED step carries its classified error, with title and
 * remediation in the viewer's locale.
 */
export type ExchangeConnectionStep = {
  readonly __typename?: 'ExchangeConnectionStep';
  readonly detail: Scalars['String']['output'];
  readonly error?: Maybe<ProviderError>;
  readonly id: ExchangeStepId;
  readonly status: ExchangeStepStatus;
};

/**
 * One finished step of a live Exchange connection test. The last message also carries the whole report (and,
 * when the test was asked to save, the settings are stored before it is sent).
 */
export type ExchangeConnectionTestProgress = {
  readonly __typename?: 'ExchangeConnectionTestProgress';
  /** The step's position, from 0; the test always reports every step of ExchangeStepId, SKIPPED ones included. */
  readonly index: Scalars['Int']['output'];
  /** Null until the last step; then the report `testExchangeConnection` returns. */
  readonly report?: Maybe<ExchangeConnectionReport>;
  readonly step: ExchangeConnectionStep;
};

/** The organization's Calendar Interop settings. The secret is write-only and never returned. */
export type ExchangeSettings = {
  readonly __typename?: 'ExchangeSettings';
  readonly applicationId?: Maybe<Scalars['String']['output']>;
  readonly ewsUrl: Scalars['String']['output'];
  readonly lastReport?: Maybe<ExchangeConnectionReport>;
  readonly lastTestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The role account's user name (an email address). */
  readonly roleAccount: Scalars['String']['output'];
  readonly status: ExchangeSettingsStatus;
};

export type ExchangeSettingsInput = {
  readonly applicationId?: InputMaybe<Scalars['String']['input']>;
  /** https://… URL of the EWS endpoint (at most 2000 characters). */
  readonly ewsUrl: Scalars['String']['input'];
  /** The role account's email address (at most 320 characters). */
  readonly roleAccount: Scalars['String']['input'];
  /** The role account password or the application's client secret (at most 1024 characters). */
  readonly secret: Scalars['String']['input'];
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
  readonly __typename?: 'ExternalIdMapping';
  readonly externalId: Scalars['String']['output'];
  readonly id: Scalars['ID']['output'];
};

export type ImpactReport = {
  readonly __typename?: 'ImpactReport';
  /** The connections whose status the change moves (empty for planned page changes). */
  readonly connections: ReadonlyArray<Connection>;
  readonly disabledPages: Scalars['Int']['output'];
  readonly enabledPages: Scalars['Int']['output'];
  /** Every page the change involves, by id. */
  readonly pages: ReadonlyArray<PageImpact>;
  /** Pages that keep taking bookings (shrunk pools included). */
  readonly pagesStayingUp: Scalars['Int']['output'];
  /** Pages that keep taking bookings with fewer hosts. */
  readonly shrunkPools: Scalars['Int']['output'];
};

/** One row of the integrations list: a provider and the user's accounts with it. */
export type Integration = {
  readonly __typename?: 'Integration';
  /** The linked (not unlinked) accounts, errored ones included. */
  readonly accounts: ReadonlyArray<Connection>;
  readonly kind: ConnectionKind;
  readonly provider: Provider;
  /** ERROR if any linked account is in error, CONNECTED if any is linked, else DISCONNECTED. */
  readonly status: ConnectionStatus;
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
  readonly __typename?: 'Location';
  readonly id: Scalars['ID']['output'];
  readonly label?: Maybe<Scalars['String']['output']>;
  readonly type: LocationType;
  /** Usable for the page: for the owner on ALL_MEMBERS pages, for some eligible host on ANY_MEMBER pages. */
  readonly usable: Scalars['Boolean']['output'];
  /** The address, phone number or URL, for the location types that have one. */
  readonly value?: Maybe<Scalars['String']['output']>;
};

export type LocationInput = {
  /** At most 200 characters. */
  readonly label?: InputMaybe<Scalars['String']['input']>;
  readonly type: LocationType;
  /** The address, phone number or URL. At most 2000 characters. */
  readonly value?: InputMaybe<Scalars['String']['input']>;
};

export type LocationType =
  | 'CUSTOM_URL'
  | 'GOOGLE_MEET'
  | 'IN_PERSON'
  | 'MICROSOFT_TEAMS'
  | 'PHONE'
  | 'ZOOM';

export type MailOutboxConnection = {
  readonly __typename?: 'MailOutboxConnection';
  readonly edges: ReadonlyArray<MailOutboxEdge>;
  readonly pageInfo: PageInfo;
};

export type MailOutboxEdge = {
  readonly __typename?: 'MailOutboxEdge';
  readonly cursor: Scalars['String']['output'];
  readonly node: MailOutboxMessage;
};

/** One message the embedded gateway's local mail sink accepted: what its recipient would read. */
export type MailOutboxMessage = {
  readonly __typename?: 'MailOutboxMessage';
  /** The HTML part exactly as sent; render it only sandboxed, as `/outbox` does. */
  readonly html: Scalars['String']['output'];
  /** `mail_…`; the message's page is `/outbox/<id>` on the gateway. */
  readonly id: Scalars['ID']['output'];
  /** The HTML part's language (`en`, `ja`, `it`, `pl` for the notifications); null without one. */
  readonly language?: Maybe<Scalars['String']['output']>;
  /** Every http(s) link in the message (the one-click reconnect link among them), each once. */
  readonly links: ReadonlyArray<Scalars['String']['output']>;
  readonly receivedAt: Scalars['DateTime']['output'];
  readonly subject: Scalars['String']['output'];
  readonly text: Scalars['String']['output'];
  /** The recipient addresses. */
  readonly to: ReadonlyArray<Scalars['String']['output']>;
};

export type Mutation = {
  readonly __typename?: 'Mutation';
  readonly addLocation: BookingPage;
  /**
   * Gives the page to `userId`. The owner is always a member: a new owner who is not one joins the members
   * (recorded in the BOOKING_PAGE_UPDATED event's `addedMemberIds`).
   */
  readonly changeOwner: BookingPage;
  /** Probes the connection now and records the result. */
  readonly checkConnection: Connection;
  /**
   * Finishes a flow whose redirectUri is the client's own page: only the user who started it may. An error
   * means nothing changed and the state is still usable by that user.
   */
  readonly completeAuthorization: Connection;
  /**
   * Starts linking a new account. Open `authorizationUrl` (the gateway's binding endpoint) with this caller's
   * bearer token: it binds the flow to that browser by an HttpOnly cookie and sends it on to the provider; the
   * gateway's callback then finishes only in that browser. `redirectUri` (default: the gateway's callback route)
   * must be an origin listed in OAUTH_REDIRECT_ORIGINS, for clients that finish with `completeAuthorization`.
   * `returnUrl` (an origin listed in OAUTH_RETURN_ORIGINS) is where the callback sends the browser afterwards,
   * with the outcome in its query; without it the browser gets a short page.
   */
  readonly connectAccount: AuthorizationSession;
  /**
   * Links an Exchange mailbox (default: the user's email) as an EXCHANGE calendar of `userId` (default: the
   * viewer; admins may link anyone's). Exchange is read through the organization's Calendar Interop settings, so
   * nothing is signed in: the mailbox's availability is looked up first, and a failure (Interop not configured,
   * invalid participant, SSL error…) is a PROVIDER_ERROR whose extensions.reason is the seed's sub-reason, and
   * links nothing.
   */
  readonly connectExchangeCalendar: Connection;
  /**
   * Creates an API key (name at most 100 characters). MEMBER and ADMIN keys act as `userId` (default: the
   * caller); an ADMIN key needs an admin. ADMIN only.
   */
  readonly createApiKey: CreatedApiKey;
  readonly createBookingPage: BookingPage;
  /**
   * Registers an endpoint; it receives the events committed from now on. Returns the signing secret once.
   * ADMIN only.
   */
  readonly createWebhookEndpoint: WebhookEndpointWithSecret;
  /** Deletes the endpoint and its delivery log; returns its id. ADMIN only. */
  readonly deleteWebhookEndpoint: Scalars['ID']['output'];
  /** Sends a delivery again (same webhook-id, fresh retry window). ADMIN only. */
  readonly redeliverWebhook: WebhookDelivery;
  readonly removeAllLocations: BookingPage;
  /** Removes one location of the page; NOT_FOUND when the location is not on that page. */
  readonly removeLocation: BookingPage;
  /**
   * Tests the stored settings (with the stored secret, which never leaves the server) against `participant`'s
   * mailbox, records the report (status OK or BROKEN) and probes the organization's EXCHANGE calendars with
   * them. NOT_FOUND with extensions.reason INTEROP_NOT_CONFIGURED when none are stored. ADMIN only.
   */
  readonly retestExchangeSettings: ExchangeConnectionReport;
  /** Revokes a key of the organization at once; revoking it again changes nothing. ADMIN only. */
  readonly revokeApiKey: ApiKey;
  /**
   * Makes a new signing secret and returns it once. For `overlapHours` (0 to 168, default 24) the old secret
   * signs too (both signatures in webhook-signature), so the receiver can switch without losing a message.
   * ADMIN only.
   */
  readonly rotateWebhookSecret: WebhookEndpointWithSecret;
  /** Stores the settings untested (status UNTESTED). ADMIN only. */
  readonly saveExchangeSettings: ExchangeSettings;
  /**
   * Sends a test message to the caller now, over each channel they receive on (quiet hours do not hold it), and
   * says how each went. An empty list: no channel is on.
   */
  readonly sendTestNotification: ReadonlyArray<NotificationTestResult>;
  /** Queues a WEBHOOK_TEST message to the endpoint, also while it is disabled. ADMIN only. */
  readonly sendTestWebhook: WebhookDelivery;
  readonly setBookingPageEnabled: BookingPage;
  /**
   * Starts signing in again to the connection's own account (the provider is hinted its accountEmail). Finished
   * like `connectAccount`, and only by the user who started it; an unlink made meanwhile wins.
   */
  readonly startReconnect: AuthorizationSession;
  /**
   * Bulk, idempotent upsert and removal of the organization's people and booking pages, keyed by the product's own
   * external ids, in one transaction (ADMIN and SERVICE credentials). Sending the same call twice changes nothing
   * the second time.
   */
  readonly syncDirectory: DirectorySyncPayload;
  /**
   * Tests the settings step by step against `participant`'s mailbox. With `save`, stores them (OK when
   * the report passed, BROKEN otherwise); without it, stores nothing. ADMIN only.
   */
  readonly testExchangeConnection: ExchangeConnectionReport;
  readonly unlinkConnection: Connection;
  readonly updateBookingPage: BookingPage;
  /**
   * The caller's own settings (no userId), or, for an admin, anyone's. An invalid field is BAD_USER_INPUT naming
   * it, and nothing changes.
   */
  readonly updateNotificationSettings: UserNotificationSettings;
  /** Admins only. An invalid field is BAD_USER_INPUT naming it, and nothing changes. */
  readonly updateOrganizationNotificationSettings: OrganizationNotificationSettings;
  /** Changes what is given. ADMIN only. */
  readonly updateWebhookEndpoint: WebhookEndpoint;
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
  readonly __typename?: 'NotificationRecord';
  readonly channel: NotificationChannel;
  /** The connection it is about; null for a test. */
  readonly connectionId?: Maybe<Scalars['ID']['output']>;
  readonly createdAt: Scalars['DateTime']['output'];
  readonly id: Scalars['ID']['output'];
  readonly kind: NotificationKind;
  /** Why it failed or was cancelled (an SMTP code, an HTTP status, CHANNEL_OFF…). */
  readonly lastError?: Maybe<Scalars['String']['output']>;
  readonly sentAt?: Maybe<Scalars['DateTime']['output']>;
  readonly status: NotificationStatus;
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
  readonly __typename?: 'NotificationTestResult';
  readonly channel: NotificationChannel;
  readonly error?: Maybe<Scalars['String']['output']>;
  readonly ok: Scalars['Boolean']['output'];
};

/**
 * An organization's connection health over a period, from its event log and notification records. A break is a
 * connection going from CONNECTED to ERROR (its detection); it began when the failures that led to it began (the
 * first transient failure of the run, or the detection itself when the first failure was conclusive).
 */
export type OrganizationHealthReport = {
  readonly __typename?: 'OrganizationHealthReport';
  /** Breaks detected in the period. */
  readonly breaks: Scalars['Int']['output'];
  /** From a break to its detection. */
  readonly detection: DurationFigures;
  /**
   * From a break to its connection's owner being told (the first message about it marked sent), over the breaks
   * whose owner was told by `until`.
   */
  readonly ownerNotified: DurationFigures;
  /** Booking pages disabled by a connection error, times the minutes each stood so within the period. */
  readonly pageDisabledMinutes: Scalars['Float']['output'];
  /** From a break to the connection's reconnect, over the breaks reconnected by `until`. */
  readonly reconnect: DurationFigures;
  readonly since: Scalars['DateTime']['output'];
  /** Of those, not reconnected by `until`. */
  readonly unresolved: Scalars['Int']['output'];
  readonly until: Scalars['DateTime']['output'];
};

/**
 * The organization's notification settings (admins). Absent fields of an update stay as they are; an explicit
 * null clears (the Slack URL, the quiet hours).
 */
export type OrganizationNotificationSettings = {
  readonly __typename?: 'OrganizationNotificationSettings';
  /** Owners are warned this many days before a connection's predicted break (`breaksAt`; default 7). */
  readonly atRiskWarningDays: Scalars['Int']['output'];
  /**
   * At most one message per person and channel in this many minutes; what comes in between goes as one digest
   * (default 15).
   */
  readonly digestWindowMinutes: Scalars['Int']['output'];
  /** E-mail for everyone in the organization (each person may still switch it off for themself). */
  readonly emailEnabled: Scalars['Boolean']['output'];
  /** How long a connection stays broken before the admins are told, in minutes (default 1440 = 24 h). */
  readonly escalationDelayMinutes: Scalars['Int']['output'];
  /** The quiet hours of people who set none. */
  readonly quietHours?: Maybe<QuietHours>;
  /** Slack for everyone: posts go to a person's own URL, else to the organization's. */
  readonly slackEnabled: Scalars['Boolean']['output'];
  /**
   * What is shown of the organization's Slack URL (scheme, host, last 4 characters); the URL is a secret and is
   * never returned.
   */
  readonly slackWebhookUrlHint?: Maybe<Scalars['String']['output']>;
  readonly updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type OrganizationNotificationSettingsInput = {
  /** 1 to 30. */
  readonly atRiskWarningDays?: InputMaybe<Scalars['Int']['input']>;
  /** 0 to 1440. */
  readonly digestWindowMinutes?: InputMaybe<Scalars['Int']['input']>;
  readonly emailEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** 5 to 10080. */
  readonly escalationDelayMinutes?: InputMaybe<Scalars['Int']['input']>;
  readonly quietHours?: InputMaybe<QuietHoursInput>;
  readonly slackEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** An http(s) incoming-webhook URL; in production it must reach a public address. null removes it. */
  readonly slackWebhookUrl?: InputMaybe<Scalars['String']['input']>;
};

/** What one page would do after the change, computed in memory from the current state (nothing is written). */
export type PageImpact = {
  readonly __typename?: 'PageImpact';
  readonly bookingPage: BookingPage;
  readonly effect: PageImpactEffect;
  readonly gainedHosts: ReadonlyArray<User>;
  readonly hostsAfter: Scalars['Int']['output'];
  /**
   * Eligible hosts before and after (ANY_MEMBER: the round-robin pool; ALL_MEMBERS: every member while it takes
   * bookings).
   */
  readonly hostsBefore: Scalars['Int']['output'];
  readonly lostHosts: ReadonlyArray<User>;
  /** Why it would not take bookings after the change, and what would re-enable it then. */
  readonly reasonsAfter: ReadonlyArray<Reason>;
  readonly remediationAfter: ReadonlyArray<RemediationStep>;
  /** Locations the change would take off the page (the one removed, or an unlink's follow-up). */
  readonly removedLocationIds: ReadonlyArray<Scalars['ID']['output']>;
  readonly stateAfter: BookingPageState;
  readonly stateBefore: BookingPageState;
  /** Why it keeps taking bookings; null when it would not take them. */
  readonly stayUpReason?: Maybe<StayUpReason>;
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
  readonly __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null when the list is empty. */
  readonly endCursor?: Maybe<Scalars['String']['output']>;
  readonly hasNextPage: Scalars['Boolean']['output'];
};

export type PlannedPageChangeInput = {
  readonly kind: PlannedPageChangeKind;
  /** REMOVE_LOCATION: the location. */
  readonly locationId?: InputMaybe<Scalars['ID']['input']>;
  /** The page: `pg_…` or `ext:<externalId>`. */
  readonly pageId: Scalars['ID']['input'];
  /** REMOVE_MEMBER, CHANGE_OWNER: the user, `usr_…` or `ext:<externalId>`. */
  readonly userId?: InputMaybe<Scalars['ID']['input']>;
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
  readonly __typename?: 'ProviderError';
  readonly action: ErrorAction;
  readonly code: ErrorCode;
  readonly connectionBroken: Scalars['Boolean']['output'];
  readonly httpStatus?: Maybe<Scalars['Int']['output']>;
  readonly occurredAt: Scalars['DateTime']['output'];
  readonly providerReason?: Maybe<Scalars['String']['output']>;
  readonly remediation: Scalars['String']['output'];
  /** How long the provider asked us to wait (Retry-After, rate-limit headers), in seconds. */
  readonly retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
  readonly retryable: Scalars['Boolean']['output'];
  /**
   * A finer, stable reason the remediation is specific about (e.g. INTEROP_SSL_ERROR, one per message of
   * Google's Calendar Interop help), when the taxonomy has one.
   */
  readonly subReason?: Maybe<SubReason>;
  readonly title: Scalars['String']['output'];
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
  readonly __typename?: 'Query';
  /** The organization's API keys, newest first, revoked ones included. ADMIN only. */
  readonly apiKeys: ReadonlyArray<ApiKey>;
  /** NOT_FOUND when the viewer cannot see the page. */
  readonly bookingPage?: Maybe<BookingPage>;
  /**
   * Pages disabled by a connection error first, then the rest; members see the pages they own or belong to.
   * `first` is at most 100.
   */
  readonly bookingPages: BookingPageConnection;
  readonly connection?: Maybe<Connection>;
  readonly connectionAlerts: ConnectionAlerts;
  /**
   * Admins: what would happen if the connections failed (ERROR) or were unlinked (DISCONNECTED) — which pages
   * would be disabled, which round-robin pools would shrink, which pages stay up and why. Computed in memory from
   * the current state; nothing is written.
   */
  readonly connectionImpact: ImpactReport;
  /**
   * The organization's connections (unlinked ones included unless filtered out), oldest first, for admins and
   * service tokens. `first` is at most 100. Each one's `affectedBookingPages` are the pages it stops.
   */
  readonly connections: ConnectionConnection;
  /**
   * The event log, oldest first, after `after` (exclusive). Admins and service tokens only. `first` is at most 500.
   * EVENTS_EXPIRED when retention has deleted some of the organization's events after `after`: read the current
   * state, then follow from `extensions.resyncCursor`.
   */
  readonly events: EventConnection;
  /** The organization's Exchange settings, or null. ADMIN and SERVICE tokens only. */
  readonly exchangeSettings?: Maybe<ExchangeSettings>;
  /** One row per provider for `userId` (default: the viewer). */
  readonly integrations: ReadonlyArray<Integration>;
  /**
   * The mail the embedded gateway's local SMTP sink received, newest first: a member reads mail addressed to
   * themself, an admin mail to any user of their organization. Only embedded mode without SMTP_URL runs the sink;
   * elsewhere this is FEATURE_UNAVAILABLE. `first` is 1 to 100 (default 20).
   */
  readonly mailOutbox: MailOutboxConnection;
  /** A person's notification settings: the caller's own (no userId), or, for an admin, anyone's in the organization. */
  readonly notificationSettings: UserNotificationSettings;
  /** A person's recent notifications, newest first: the caller's own, or, for an admin, anyone's. */
  readonly notifications: ReadonlyArray<NotificationRecord>;
  /**
   * Admins: the organization's connection-health figures over [since, until) — time from a break to its detection,
   * to the owner being told and to the reconnect, and pages disabled × minutes. `until` defaults to now; a period
   * is at most 366 days and cannot end before it starts (BAD_USER_INPUT). Reads only what the event log still
   * keeps (EVENT_RETENTION_DAYS).
   */
  readonly organizationHealthReport: OrganizationHealthReport;
  /** The organization's notification settings. Admins only. */
  readonly organizationNotificationSettings: OrganizationNotificationSettings;
  /**
   * Admins: what a planned change to a page would do (removing a member, changing the owner, removing a location).
   * A change the page cannot take (the last member, a user who is not a member, an unknown location) is
   * BAD_USER_INPUT. Nothing is written.
   */
  readonly plannedChangeImpact: ImpactReport;
  /** The organization's people by name, for admins and service tokens. `first` is at most 100. */
  readonly users: UserConnection;
  /** The user the bearer token names. SERVICE tokens that name no user get FORBIDDEN. */
  readonly viewer: User;
  /** An endpoint's delivery log, newest first (at most 100 per page). ADMIN only. */
  readonly webhookDeliveries: WebhookDeliveryConnection;
  /** The organization's webhook endpoints, newest first. ADMIN only. */
  readonly webhookEndpoints: ReadonlyArray<WebhookEndpoint>;
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
  readonly __typename?: 'QuietHours';
  readonly end: Scalars['String']['output'];
  /** `HH:MM`, 24-hour. */
  readonly start: Scalars['String']['output'];
  /** IANA time zone, e.g. `Europe/Rome`. */
  readonly timeZone: Scalars['String']['output'];
};

export type QuietHoursInput = {
  readonly end: Scalars['String']['input'];
  readonly start: Scalars['String']['input'];
  readonly timeZone: Scalars['String']['input'];
};

/** Why a page is disabled (or would be, when INACTIVE). */
export type Reason = {
  readonly __typename?: 'Reason';
  /** The errored connections behind the reason. */
  readonly connections: ReadonlyArray<Connection>;
  readonly kind: ReasonKind;
  /** The reason in words, in `locale`. */
  readonly message: Scalars['String']['output'];
  /** The member (MEMBER_CALENDAR_ERROR) or owner (OWNER_LOCATION_ERROR). */
  readonly user?: Maybe<User>;
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
  readonly __typename?: 'RemediationAction';
  /**
   * FIX_INTEROP_SETTINGS: the failing check, the sub-reason of the connection's last error (e.g.
   * INTEROP_SSL_ERROR), when the error taxonomy has one.
   */
  readonly check?: Maybe<SubReason>;
  /** The connection to reconnect, fix or unlink. */
  readonly connection?: Maybe<Connection>;
  readonly kind: RemediationActionKind;
  readonly performedBy: RemediationPerformer;
  readonly provider?: Maybe<Provider>;
  /** Whose connection it is (RECONNECT, FIX_INTEROP_SETTINGS, UNLINK), or the new owner (CHANGE_OWNER). */
  readonly user?: Maybe<User>;
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
  readonly __typename?: 'RemediationOption';
  readonly actions: ReadonlyArray<RemediationAction>;
  /** ANY_MEMBER pages: the member this option makes an eligible host. */
  readonly host?: Maybe<User>;
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
  readonly __typename?: 'RemediationStep';
  readonly goal: RemediationGoal;
  readonly options: ReadonlyArray<RemediationOption>;
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
  readonly __typename?: 'Subscription';
  /** State changes of `pageId` (default: every page the viewer can see). */
  readonly bookingPageStateChanged: BookingPageStateEvent;
  /** Status changes of the connections of `userId` (default: members their own, admins and services the organization). */
  readonly connectionStatusChanged: ConnectionStatusEvent;
  /**
   * Replays the log after `after` (exclusive), then goes live, with no gap and no duplicate; without `after` it
   * replays the whole log from its first event, so a new consumer loses nothing. Admins and service tokens only.
   * Ends with EVENTS_EXPIRED, never with a silent gap, when retention has deleted some of the events it would replay.
   */
  readonly events: Event;
  /**
   * `testExchangeConnection`, live: one message per finished step, in order, the last with the report. With
   * `save`, stores the settings exactly as the mutation does, once the last step has run (also when the socket
   * closed before: as a mutation whose client went away). ADMIN only.
   */
  readonly exchangeConnectionTest: ExchangeConnectionTestProgress;
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
  readonly memberIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  readonly mode?: InputMaybe<AttendanceMode>;
  readonly roundRobin?: InputMaybe<Scalars['Boolean']['input']>;
  readonly slug?: InputMaybe<Scalars['String']['input']>;
  readonly title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateWebhookEndpointInput = {
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** false turns it off (reason ADMIN); true turns it back on, also after FAILING, and it resumes where it stopped. */
  readonly enabled?: InputMaybe<Scalars['Boolean']['input']>;
  readonly eventTypes?: InputMaybe<ReadonlyArray<EventType>>;
  readonly url?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  readonly __typename?: 'User';
  /** The user's linked accounts (unlinked ones included, with status DISCONNECTED), oldest first. */
  readonly connections: ReadonlyArray<Connection>;
  readonly email: Scalars['String']['output'];
  /**
   * The product's own id for this person (set by directory sync); null for people it has not synced. Arguments
   * that name a user take it as `ext:<externalId>`.
   */
  readonly externalId?: Maybe<Scalars['String']['output']>;
  readonly id: Scalars['ID']['output'];
  /** The language the person reads, when the product has said; texts for them default to English otherwise. */
  readonly locale?: Maybe<Locale>;
  readonly name: Scalars['String']['output'];
  readonly role: UserRole;
};


export type UserConnectionsArgs = {
  kind?: InputMaybe<ConnectionKind>;
};

export type UserConnection = {
  readonly __typename?: 'UserConnection';
  readonly edges: ReadonlyArray<UserEdge>;
  readonly pageInfo: PageInfo;
  /** How many users match, across all pages of results. */
  readonly totalCount: Scalars['Int']['output'];
};

export type UserEdge = {
  readonly __typename?: 'UserEdge';
  readonly cursor: Scalars['String']['output'];
  readonly node: User;
};

/** Narrows the organization's user list; every field given must hold. */
export type UserFilter = {
  /** Only users with one of these roles (an empty list matches nobody). */
  readonly role?: InputMaybe<ReadonlyArray<UserRole>>;
  /** Only users whose name or email starts with this text, ignoring case. At most 320 characters. */
  readonly search?: InputMaybe<Scalars['String']['input']>;
};

/** One person's notification settings. */
export type UserNotificationSettings = {
  readonly __typename?: 'UserNotificationSettings';
  readonly emailEnabled: Scalars['Boolean']['output'];
  /** Their own quiet hours; null means the organization's apply. */
  readonly quietHours?: Maybe<QuietHours>;
  /** Slack, when the organization has it on and a URL (this person's or the organization's) is set. */
  readonly slackEnabled: Scalars['Boolean']['output'];
  /** What is shown of this person's own Slack URL; null when they use the organization's or none. */
  readonly slackWebhookUrlHint?: Maybe<Scalars['String']['output']>;
  readonly updatedAt?: Maybe<Scalars['DateTime']['output']>;
  readonly userId: Scalars['ID']['output'];
};

export type UserNotificationSettingsInput = {
  readonly emailEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  readonly quietHours?: InputMaybe<QuietHoursInput>;
  readonly slackEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  readonly slackWebhookUrl?: InputMaybe<Scalars['String']['input']>;
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
  readonly __typename?: 'WebhookDelivery';
  readonly attempts: Scalars['Int']['output'];
  readonly createdAt: Scalars['DateTime']['output'];
  readonly deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  readonly endpointId: Scalars['ID']['output'];
  /** The event log cursor of the event it carries (ordered per organization); null for a test message. */
  readonly eventCursor?: Maybe<Scalars['String']['output']>;
  /**
   * The event type, WEBHOOK_TEST, or EVENTS_EXPIRED (retention removed events the endpoint had not received;
   * the body says from which cursor to which).
   */
  readonly eventType: Scalars['String']['output'];
  readonly id: Scalars['ID']['output'];
  readonly lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** What went wrong with the last attempt (`HTTP 503`, `ECONNREFUSED`, `timed out`, …); null after a success. */
  readonly lastError?: Maybe<Scalars['String']['output']>;
  /** How long the last attempt took, in milliseconds. */
  readonly latencyMs?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (PENDING only). */
  readonly nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The HTTP status of the last answer; null when there was none (refused, unreachable, timed out). */
  readonly responseStatus?: Maybe<Scalars['Int']['output']>;
  readonly status: WebhookDeliveryStatus;
};

export type WebhookDeliveryConnection = {
  readonly __typename?: 'WebhookDeliveryConnection';
  readonly edges: ReadonlyArray<WebhookDeliveryEdge>;
  readonly pageInfo: PageInfo;
};

export type WebhookDeliveryEdge = {
  readonly __typename?: 'WebhookDeliveryEdge';
  readonly cursor: Scalars['String']['output'];
  readonly node: WebhookDelivery;
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
  readonly __typename?: 'WebhookEndpoint';
  readonly createdAt: Scalars['DateTime']['output'];
  readonly description: Scalars['String']['output'];
  readonly disabledAt?: Maybe<Scalars['DateTime']['output']>;
  readonly disabledReason?: Maybe<WebhookDisabledReason>;
  readonly enabled: Scalars['Boolean']['output'];
  /** The event types it receives; empty means all. */
  readonly eventTypes: ReadonlyArray<EventType>;
  /** Since when every attempt has failed; null while it works. */
  readonly failingSince?: Maybe<Scalars['DateTime']['output']>;
  readonly id: Scalars['ID']['output'];
  /** Until when the previous secret still signs beside the current one (after a rotation); null when it does not. */
  readonly previousSecretExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  readonly updatedAt: Scalars['DateTime']['output'];
  readonly url: Scalars['String']['output'];
};

export type WebhookEndpointWithSecret = {
  readonly __typename?: 'WebhookEndpointWithSecret';
  readonly endpoint: WebhookEndpoint;
  /**
   * The signing secret (`whsec_…`), for the receiver's Standard Webhooks verification. Store it now: it is never
   * shown again.
   */
  readonly secret: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiKey: ResolverTypeWrapper<ApiKeyParent>;
  ApiKeyRole: ApiKeyRole;
  AssumedConnectionStatus: AssumedConnectionStatus;
  AttendanceMode: AttendanceMode;
  AuthorizationSession: ResolverTypeWrapper<AuthorizationSessionParent>;
  BookingPage: ResolverTypeWrapper<BookingPageParent>;
  BookingPageConnection: ResolverTypeWrapper<BookingPageConnectionParent>;
  BookingPageEdge: ResolverTypeWrapper<BookingPageEdgeParent>;
  BookingPageSnapshot: ResolverTypeWrapper<BookingPageSnapshotParent>;
  BookingPageState: BookingPageState;
  BookingPageStateEvent: ResolverTypeWrapper<EventParent>;
  BookingPageWarning: ResolverTypeWrapper<WarningParent>;
  BookingPageWarningKind: BookingPageWarningKind;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Connection: ResolverTypeWrapper<ConnectionParent>;
  ConnectionAlerts: ResolverTypeWrapper<ConnectionAlerts>;
  ConnectionConnection: ResolverTypeWrapper<Omit<ConnectionConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['ConnectionEdge']> }>;
  ConnectionEdge: ResolverTypeWrapper<Omit<ConnectionEdge, 'node'> & { node: ResolversTypes['Connection'] }>;
  ConnectionFilter: ConnectionFilter;
  ConnectionHealth: ConnectionHealth;
  ConnectionImpactInput: ConnectionImpactInput;
  ConnectionKind: ConnectionKind;
  ConnectionSnapshot: ResolverTypeWrapper<ConnectionSnapshotParent>;
  ConnectionStatus: ConnectionStatus;
  ConnectionStatusEvent: ResolverTypeWrapper<EventParent>;
  CreateBookingPageInput: CreateBookingPageInput;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  CreatedApiKey: ResolverTypeWrapper<Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DirectoryList: DirectoryList;
  DirectoryPageInput: DirectoryPageInput;
  DirectoryRowError: ResolverTypeWrapper<DirectoryRowError>;
  DirectoryRowErrorCode: DirectoryRowErrorCode;
  DirectorySyncCounts: ResolverTypeWrapper<DirectorySyncCounts>;
  DirectorySyncInput: DirectorySyncInput;
  DirectorySyncMode: DirectorySyncMode;
  DirectorySyncPayload: ResolverTypeWrapper<DirectorySyncPayload>;
  DirectoryUserInput: DirectoryUserInput;
  DurationFigures: ResolverTypeWrapper<DurationFigures>;
  ErrorAction: ErrorAction;
  ErrorCode: ErrorCode;
  Event: ResolverTypeWrapper<EventParent>;
  EventConnection: ResolverTypeWrapper<EventConnectionParent>;
  EventEdge: ResolverTypeWrapper<EventEdgeParent>;
  EventType: EventType;
  ExchangeConnectionReport: ResolverTypeWrapper<ExchangeReportParent>;
  ExchangeConnectionStep: ResolverTypeWrapper<ExchangeStepParent>;
  ExchangeConnectionTestProgress: ResolverTypeWrapper<Omit<ExchangeConnectionTestProgress, 'report' | 'step'> & { report?: Maybe<ResolversTypes['ExchangeConnectionReport']>, step: ResolversTypes['ExchangeConnectionStep'] }>;
  ExchangeSettings: ResolverTypeWrapper<ExchangeSettingsParent>;
  ExchangeSettingsInput: ExchangeSettingsInput;
  ExchangeSettingsStatus: ExchangeSettingsStatus;
  ExchangeStepId: ExchangeStepId;
  ExchangeStepStatus: ExchangeStepStatus;
  ExternalIdMapping: ResolverTypeWrapper<ExternalIdMapping>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImpactReport: ResolverTypeWrapper<ImpactReportParent>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Integration: ResolverTypeWrapper<IntegrationParent>;
  IntegrationTab: IntegrationTab;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Locale: Locale;
  Location: ResolverTypeWrapper<LocationParent>;
  LocationInput: LocationInput;
  LocationType: LocationType;
  MailOutboxConnection: ResolverTypeWrapper<MailOutboxConnection>;
  MailOutboxEdge: ResolverTypeWrapper<MailOutboxEdge>;
  MailOutboxMessage: ResolverTypeWrapper<MailOutboxMessage>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotificationChannel: NotificationChannel;
  NotificationKind: NotificationKind;
  NotificationRecord: ResolverTypeWrapper<NotificationRecord>;
  NotificationStatus: NotificationStatus;
  NotificationTestResult: ResolverTypeWrapper<NotificationTestResult>;
  OrganizationHealthReport: ResolverTypeWrapper<OrganizationHealthReport>;
  OrganizationNotificationSettings: ResolverTypeWrapper<OrganizationNotificationSettings>;
  OrganizationNotificationSettingsInput: OrganizationNotificationSettingsInput;
  PageImpact: ResolverTypeWrapper<PageImpactParent>;
  PageImpactEffect: PageImpactEffect;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PlannedPageChangeInput: PlannedPageChangeInput;
  PlannedPageChangeKind: PlannedPageChangeKind;
  Provider: Provider;
  ProviderError: ResolverTypeWrapper<ProviderErrorParent>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QuietHours: ResolverTypeWrapper<QuietHours>;
  QuietHoursInput: QuietHoursInput;
  Reason: ResolverTypeWrapper<ReasonParent>;
  ReasonKind: ReasonKind;
  RemediationAction: ResolverTypeWrapper<RemediationActionParent>;
  RemediationActionKind: RemediationActionKind;
  RemediationGoal: RemediationGoal;
  RemediationOption: ResolverTypeWrapper<RemediationOptionParent>;
  RemediationPerformer: RemediationPerformer;
  RemediationStep: ResolverTypeWrapper<RemediationStepParent>;
  StayUpReason: StayUpReason;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SubReason: SubReason;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateBookingPageInput: UpdateBookingPageInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  User: ResolverTypeWrapper<UserParent>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserFilter: UserFilter;
  UserNotificationSettings: ResolverTypeWrapper<UserNotificationSettings>;
  UserNotificationSettingsInput: UserNotificationSettingsInput;
  UserRole: UserRole;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryParent>;
  WebhookDeliveryConnection: ResolverTypeWrapper<WebhookDeliveryConnectionParent>;
  WebhookDeliveryEdge: ResolverTypeWrapper<WebhookDeliveryEdgeParent>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
  WebhookDisabledReason: WebhookDisabledReason;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpointParent>;
  WebhookEndpointWithSecret: ResolverTypeWrapper<Omit<WebhookEndpointWithSecret, 'endpoint'> & { endpoint: ResolversTypes['WebhookEndpoint'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiKey: ApiKeyParent;
  AuthorizationSession: AuthorizationSessionParent;
  BookingPage: BookingPageParent;
  BookingPageConnection: BookingPageConnectionParent;
  BookingPageEdge: BookingPageEdgeParent;
  BookingPageSnapshot: BookingPageSnapshotParent;
  BookingPageStateEvent: EventParent;
  BookingPageWarning: WarningParent;
  Boolean: Scalars['Boolean']['output'];
  Connection: ConnectionParent;
  ConnectionAlerts: ConnectionAlerts;
  ConnectionConnection: Omit<ConnectionConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['ConnectionEdge']> };
  ConnectionEdge: Omit<ConnectionEdge, 'node'> & { node: ResolversParentTypes['Connection'] };
  ConnectionFilter: ConnectionFilter;
  ConnectionImpactInput: ConnectionImpactInput;
  ConnectionSnapshot: ConnectionSnapshotParent;
  ConnectionStatusEvent: EventParent;
  CreateBookingPageInput: CreateBookingPageInput;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  CreatedApiKey: Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  DateTime: Scalars['DateTime']['output'];
  DirectoryPageInput: DirectoryPageInput;
  DirectoryRowError: DirectoryRowError;
  DirectorySyncCounts: DirectorySyncCounts;
  DirectorySyncInput: DirectorySyncInput;
  DirectorySyncPayload: DirectorySyncPayload;
  DirectoryUserInput: DirectoryUserInput;
  DurationFigures: DurationFigures;
  Event: EventParent;
  EventConnection: EventConnectionParent;
  EventEdge: EventEdgeParent;
  ExchangeConnectionReport: ExchangeReportParent;
  ExchangeConnectionStep: ExchangeStepParent;
  ExchangeConnectionTestProgress: Omit<ExchangeConnectionTestProgress, 'report' | 'step'> & { report?: Maybe<ResolversParentTypes['ExchangeConnectionReport']>, step: ResolversParentTypes['ExchangeConnectionStep'] };
  ExchangeSettings: ExchangeSettingsParent;
  ExchangeSettingsInput: ExchangeSettingsInput;
  ExternalIdMapping: ExternalIdMapping;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  ImpactReport: ImpactReportParent;
  Int: Scalars['Int']['output'];
  Integration: IntegrationParent;
  JSON: Scalars['JSON']['output'];
  Location: LocationParent;
  LocationInput: LocationInput;
  MailOutboxConnection: MailOutboxConnection;
  MailOutboxEdge: MailOutboxEdge;
  MailOutboxMessage: MailOutboxMessage;
  Mutation: Record<PropertyKey, never>;
  NotificationRecord: NotificationRecord;
  NotificationTestResult: NotificationTestResult;
  OrganizationHealthReport: OrganizationHealthReport;
  OrganizationNotificationSettings: OrganizationNotificationSettings;
  OrganizationNotificationSettingsInput: OrganizationNotificationSettingsInput;
  PageImpact: PageImpactParent;
  PageInfo: PageInfo;
  PlannedPageChangeInput: PlannedPageChangeInput;
  ProviderError: ProviderErrorParent;
  Query: Record<PropertyKey, never>;
  QuietHours: QuietHours;
  QuietHoursInput: QuietHoursInput;
  Reason: ReasonParent;
  RemediationAction: RemediationActionParent;
  RemediationOption: RemediationOptionParent;
  RemediationStep: RemediationStepParent;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UpdateBookingPageInput: UpdateBookingPageInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  User: UserParent;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserFilter: UserFilter;
  UserNotificationSettings: UserNotificationSettings;
  UserNotificationSettingsInput: UserNotificationSettingsInput;
  WebhookDelivery: WebhookDeliveryParent;
  WebhookDeliveryConnection: WebhookDeliveryConnectionParent;
  WebhookDeliveryEdge: WebhookDeliveryEdgeParent;
  WebhookEndpoint: WebhookEndpointParent;
  WebhookEndpointWithSecret: Omit<WebhookEndpointWithSecret, 'endpoint'> & { endpoint: ResolversParentTypes['WebhookEndpoint'] };
};

export type ApiKeyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ApiKeyRole'], ParentType, ContextType>;
  userId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type AuthorizationSessionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AuthorizationSession'] = ResolversParentTypes['AuthorizationSession']> = {
  authorizationUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  connection?: Resolver<Maybe<ResolversTypes['Connection']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BookingPageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BookingPage'] = ResolversParentTypes['BookingPage']> = {
  acceptingBookings?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  eligibleHosts?: Resolver<ReadonlyArray<ResolversTypes['User']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locations?: Resolver<ReadonlyArray<ResolversTypes['Location']>, ParentType, ContextType>;
  members?: Resolver<ReadonlyArray<ResolversTypes['User']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['AttendanceMode'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  reasons?: Resolver<ReadonlyArray<ResolversTypes['Reason']>, ParentType, ContextType>;
  remediation?: Resolver<ReadonlyArray<ResolversTypes['RemediationStep']>, ParentType, ContextType>;
  roundRobin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['BookingPageState'], ParentType, ContextType>;
  stateChangedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warnings?: Resolver<ReadonlyArray<ResolversTypes['BookingPageWarning']>, ParentType, ContextType>;
};

export type BookingPageConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BookingPageConnection'] = ResolversParentTypes['BookingPageConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['BookingPageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BookingPageEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BookingPageEdge'] = ResolversParentTypes['BookingPageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType>;
};

export type BookingPageSnapshotResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BookingPageSnapshot'] = ResolversParentTypes['BookingPageSnapshot']> = {
  acceptingBookings?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['BookingPageState'], ParentType, ContextType>;
};

export type BookingPageStateEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BookingPageStateEvent'] = ResolversParentTypes['BookingPageStateEvent']> = {
  acceptingBookings?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  page?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType>;
  previousState?: Resolver<Maybe<ResolversTypes['BookingPageState']>, ParentType, ContextType>;
  reasons?: Resolver<ReadonlyArray<ResolversTypes['Reason']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['BookingPageState'], ParentType, ContextType>;
};

export type BookingPageWarningResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BookingPageWarning'] = ResolversParentTypes['BookingPageWarning']> = {
  kind?: Resolver<ResolversTypes['BookingPageWarningKind'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<BookingPageWarningMessageArgs, 'locale'>>;
  users?: Resolver<ReadonlyArray<ResolversTypes['User']>, ParentType, ContextType>;
};

export type ConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Connection'] = ResolversParentTypes['Connection']> = {
  accountEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  affectedBookingPages?: Resolver<ReadonlyArray<ResolversTypes['BookingPage']>, ParentType, ContextType>;
  atRiskReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  breaksAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  health?: Resolver<ResolversTypes['ConnectionHealth'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ConnectionKind'], ParentType, ContextType>;
  lastCheckedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['ProviderError']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConnectionStatus'], ParentType, ContextType>;
  statusChangedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type ConnectionAlertsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConnectionAlerts'] = ResolversParentTypes['ConnectionAlerts']> = {
  atRiskConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  disabledBookingPages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  earliestBreaksAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  erroredConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConnectionConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConnectionConnection'] = ResolversParentTypes['ConnectionConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['ConnectionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConnectionEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConnectionEdge'] = ResolversParentTypes['ConnectionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Connection'], ParentType, ContextType>;
};

export type ConnectionSnapshotResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConnectionSnapshot'] = ResolversParentTypes['ConnectionSnapshot']> = {
  health?: Resolver<ResolversTypes['ConnectionHealth'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['ProviderError']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConnectionStatus'], ParentType, ContextType>;
};

export type ConnectionStatusEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConnectionStatusEvent'] = ResolversParentTypes['ConnectionStatusEvent']> = {
  connection?: Resolver<ResolversTypes['Connection'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  health?: Resolver<ResolversTypes['ConnectionHealth'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['ProviderError']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  previousStatus?: Resolver<Maybe<ResolversTypes['ConnectionStatus']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConnectionStatus'], ParentType, ContextType>;
};

export type CreatedApiKeyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DirectoryRowErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DirectoryRowError'] = ResolversParentTypes['DirectoryRowError']> = {
  code?: Resolver<ResolversTypes['DirectoryRowErrorCode'], ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  index?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  list?: Resolver<ResolversTypes['DirectoryList'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DirectorySyncCountsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DirectorySyncCounts'] = ResolversParentTypes['DirectorySyncCounts']> = {
  pagesCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pagesDeleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pagesReevaluated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pagesUnchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pagesUpdated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersDeleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersUnchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersUpdated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DirectorySyncPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DirectorySyncPayload'] = ResolversParentTypes['DirectorySyncPayload']> = {
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  counts?: Resolver<ResolversTypes['DirectorySyncCounts'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  errors?: Resolver<ReadonlyArray<ResolversTypes['DirectoryRowError']>, ParentType, ContextType>;
  pages?: Resolver<ReadonlyArray<ResolversTypes['ExternalIdMapping']>, ParentType, ContextType>;
  unlinkedConnectionIds?: Resolver<ReadonlyArray<ResolversTypes['ID']>, ParentType, ContextType>;
  users?: Resolver<ReadonlyArray<ResolversTypes['ExternalIdMapping']>, ParentType, ContextType>;
};

export type DurationFiguresResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DurationFigures'] = ResolversParentTypes['DurationFigures']> = {
  averageSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  medianSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type EventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = {
  connection?: Resolver<Maybe<ResolversTypes['Connection']>, ParentType, ContextType>;
  connectionState?: Resolver<Maybe<ResolversTypes['ConnectionSnapshot']>, ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  page?: Resolver<Maybe<ResolversTypes['BookingPage']>, ParentType, ContextType>;
  pageState?: Resolver<Maybe<ResolversTypes['BookingPageSnapshot']>, ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EventType'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type EventConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['EventConnection'] = ResolversParentTypes['EventConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['EventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type EventEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['EventEdge'] = ResolversParentTypes['EventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
};

export type ExchangeConnectionReportResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ExchangeConnectionReport'] = ResolversParentTypes['ExchangeConnectionReport']> = {
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  steps?: Resolver<ReadonlyArray<ResolversTypes['ExchangeConnectionStep']>, ParentType, ContextType>;
};

export type ExchangeConnectionStepResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ExchangeConnectionStep'] = ResolversParentTypes['ExchangeConnectionStep']> = {
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['ProviderError']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ExchangeStepId'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExchangeStepStatus'], ParentType, ContextType>;
};

export type ExchangeConnectionTestProgressResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ExchangeConnectionTestProgress'] = ResolversParentTypes['ExchangeConnectionTestProgress']> = {
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  report?: Resolver<Maybe<ResolversTypes['ExchangeConnectionReport']>, ParentType, ContextType>;
  step?: Resolver<ResolversTypes['ExchangeConnectionStep'], ParentType, ContextType>;
};

export type ExchangeSettingsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ExchangeSettings'] = ResolversParentTypes['ExchangeSettings']> = {
  applicationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ewsUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastReport?: Resolver<Maybe<ResolversTypes['ExchangeConnectionReport']>, ParentType, ContextType>;
  lastTestedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roleAccount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExchangeSettingsStatus'], ParentType, ContextType>;
};

export type ExternalIdMappingResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ExternalIdMapping'] = ResolversParentTypes['ExternalIdMapping']> = {
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ImpactReportResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImpactReport'] = ResolversParentTypes['ImpactReport']> = {
  connections?: Resolver<ReadonlyArray<ResolversTypes['Connection']>, ParentType, ContextType>;
  disabledPages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enabledPages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pages?: Resolver<ReadonlyArray<ResolversTypes['PageImpact']>, ParentType, ContextType>;
  pagesStayingUp?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shrunkPools?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IntegrationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Integration'] = ResolversParentTypes['Integration']> = {
  accounts?: Resolver<ReadonlyArray<ResolversTypes['Connection']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ConnectionKind'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConnectionStatus'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LocationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['LocationType'], ParentType, ContextType>;
  usable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MailOutboxConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['MailOutboxConnection'] = ResolversParentTypes['MailOutboxConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['MailOutboxEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MailOutboxEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['MailOutboxEdge'] = ResolversParentTypes['MailOutboxEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MailOutboxMessage'], ParentType, ContextType>;
};

export type MailOutboxMessageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['MailOutboxMessage'] = ResolversParentTypes['MailOutboxMessage']> = {
  html?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  links?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addLocation?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType, RequireFields<MutationAddLocationArgs, 'location' | 'pageId'>>;
  changeOwner?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType, RequireFields<MutationChangeOwnerArgs, 'pageId' | 'userId'>>;
  checkConnection?: Resolver<ResolversTypes['Connection'], ParentType, ContextType, RequireFields<MutationCheckConnectionArgs, 'connectionId'>>;
  completeAuthorization?: Resolver<ResolversTypes['Connection'], ParentType, ContextType, RequireFields<MutationCompleteAuthorizationArgs, 'code' | 'state'>>;
  connectAccount?: Resolver<ResolversTypes['AuthorizationSession'], ParentType, ContextType, RequireFields<MutationConnectAccountArgs, 'provider'>>;
  connectExchangeCalendar?: Resolver<ResolversTypes['Connection'], ParentType, ContextType, Partial<MutationConnectExchangeCalendarArgs>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'name' | 'role'>>;
  createBookingPage?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType, RequireFields<MutationCreateBookingPageArgs, 'input'>>;
  createWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpointWithSecret'], ParentType, ContextType, RequireFields<MutationCreateWebhookEndpointArgs, 'input'>>;
  deleteWebhookEndpoint?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteWebhookEndpointArgs, 'id'>>;
  redeliverWebhook?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType, RequireFields<MutationRedeliverWebhookArgs, 'deliveryId'>>;
  removeAllLocations?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType, RequireFields<MutationRemoveAllLocationsArgs, 'pageId'>>;
  removeLocation?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType, RequireFields<MutationRemoveLocationArgs, 'locationId' | 'pageId'>>;
  retestExchangeSettings?: Resolver<ResolversTypes['ExchangeConnectionReport'], ParentType, ContextType, RequireFields<MutationRetestExchangeSettingsArgs, 'participant'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['WebhookEndpointWithSecret'], ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'id' | 'overlapHours'>>;
  saveExchangeSettings?: Resolver<ResolversTypes['ExchangeSettings'], ParentType, ContextType, RequireFields<MutationSaveExchangeSettingsArgs, 'input'>>;
  sendTestNotification?: Resolver<ReadonlyArray<ResolversTypes['NotificationTestResult']>, ParentType, ContextType>;
  sendTestWebhook?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType, RequireFields<MutationSendTestWebhookArgs, 'endpointId'>>;
  setBookingPageEnabled?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType, RequireFields<MutationSetBookingPageEnabledArgs, 'enabled' | 'pageId'>>;
  startReconnect?: Resolver<ResolversTypes['AuthorizationSession'], ParentType, ContextType, RequireFields<MutationStartReconnectArgs, 'connectionId'>>;
  syncDirectory?: Resolver<ResolversTypes['DirectorySyncPayload'], ParentType, ContextType, RequireFields<MutationSyncDirectoryArgs, 'input'>>;
  testExchangeConnection?: Resolver<ResolversTypes['ExchangeConnectionReport'], ParentType, ContextType, RequireFields<MutationTestExchangeConnectionArgs, 'input' | 'participant' | 'save'>>;
  unlinkConnection?: Resolver<ResolversTypes['Connection'], ParentType, ContextType, RequireFields<MutationUnlinkConnectionArgs, 'connectionId'>>;
  updateBookingPage?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType, RequireFields<MutationUpdateBookingPageArgs, 'id' | 'input'>>;
  updateNotificationSettings?: Resolver<ResolversTypes['UserNotificationSettings'], ParentType, ContextType, RequireFields<MutationUpdateNotificationSettingsArgs, 'input'>>;
  updateOrganizationNotificationSettings?: Resolver<ResolversTypes['OrganizationNotificationSettings'], ParentType, ContextType, RequireFields<MutationUpdateOrganizationNotificationSettingsArgs, 'input'>>;
  updateWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType, RequireFields<MutationUpdateWebhookEndpointArgs, 'id' | 'input'>>;
};

export type NotificationRecordResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NotificationRecord'] = ResolversParentTypes['NotificationRecord']> = {
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  connectionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NotificationStatus'], ParentType, ContextType>;
};

export type NotificationTestResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NotificationTestResult'] = ResolversParentTypes['NotificationTestResult']> = {
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type OrganizationHealthReportResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrganizationHealthReport'] = ResolversParentTypes['OrganizationHealthReport']> = {
  breaks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  detection?: Resolver<ResolversTypes['DurationFigures'], ParentType, ContextType>;
  ownerNotified?: Resolver<ResolversTypes['DurationFigures'], ParentType, ContextType>;
  pageDisabledMinutes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reconnect?: Resolver<ResolversTypes['DurationFigures'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  unresolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  until?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type OrganizationNotificationSettingsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrganizationNotificationSettings'] = ResolversParentTypes['OrganizationNotificationSettings']> = {
  atRiskWarningDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  digestWindowMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  emailEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  escalationDelayMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quietHours?: Resolver<Maybe<ResolversTypes['QuietHours']>, ParentType, ContextType>;
  slackEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  slackWebhookUrlHint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type PageImpactResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageImpact'] = ResolversParentTypes['PageImpact']> = {
  bookingPage?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType>;
  effect?: Resolver<ResolversTypes['PageImpactEffect'], ParentType, ContextType>;
  gainedHosts?: Resolver<ReadonlyArray<ResolversTypes['User']>, ParentType, ContextType>;
  hostsAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hostsBefore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lostHosts?: Resolver<ReadonlyArray<ResolversTypes['User']>, ParentType, ContextType>;
  reasonsAfter?: Resolver<ReadonlyArray<ResolversTypes['Reason']>, ParentType, ContextType>;
  remediationAfter?: Resolver<ReadonlyArray<ResolversTypes['RemediationStep']>, ParentType, ContextType>;
  removedLocationIds?: Resolver<ReadonlyArray<ResolversTypes['ID']>, ParentType, ContextType>;
  stateAfter?: Resolver<ResolversTypes['BookingPageState'], ParentType, ContextType>;
  stateBefore?: Resolver<ResolversTypes['BookingPageState'], ParentType, ContextType>;
  stayUpReason?: Resolver<Maybe<ResolversTypes['StayUpReason']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProviderErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProviderError'] = ResolversParentTypes['ProviderError']> = {
  action?: Resolver<ResolversTypes['ErrorAction'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ErrorCode'], ParentType, ContextType>;
  connectionBroken?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  httpStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  providerReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remediation?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ProviderErrorRemediationArgs, 'locale'>>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  retryable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  subReason?: Resolver<Maybe<ResolversTypes['SubReason']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ProviderErrorTitleArgs, 'locale'>>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiKeys?: Resolver<ReadonlyArray<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  bookingPage?: Resolver<Maybe<ResolversTypes['BookingPage']>, ParentType, ContextType, RequireFields<QueryBookingPageArgs, 'id'>>;
  bookingPages?: Resolver<ResolversTypes['BookingPageConnection'], ParentType, ContextType, RequireFields<QueryBookingPagesArgs, 'first'>>;
  connection?: Resolver<Maybe<ResolversTypes['Connection']>, ParentType, ContextType, RequireFields<QueryConnectionArgs, 'id'>>;
  connectionAlerts?: Resolver<ResolversTypes['ConnectionAlerts'], ParentType, ContextType>;
  connectionImpact?: Resolver<ResolversTypes['ImpactReport'], ParentType, ContextType, RequireFields<QueryConnectionImpactArgs, 'input'>>;
  connections?: Resolver<ResolversTypes['ConnectionConnection'], ParentType, ContextType, RequireFields<QueryConnectionsArgs, 'first'>>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, RequireFields<QueryEventsArgs, 'first'>>;
  exchangeSettings?: Resolver<Maybe<ResolversTypes['ExchangeSettings']>, ParentType, ContextType>;
  integrations?: Resolver<ReadonlyArray<ResolversTypes['Integration']>, ParentType, ContextType, RequireFields<QueryIntegrationsArgs, 'tab'>>;
  mailOutbox?: Resolver<ResolversTypes['MailOutboxConnection'], ParentType, ContextType, RequireFields<QueryMailOutboxArgs, 'first'>>;
  notificationSettings?: Resolver<ResolversTypes['UserNotificationSettings'], ParentType, ContextType, Partial<QueryNotificationSettingsArgs>>;
  notifications?: Resolver<ReadonlyArray<ResolversTypes['NotificationRecord']>, ParentType, ContextType, RequireFields<QueryNotificationsArgs, 'first'>>;
  organizationHealthReport?: Resolver<ResolversTypes['OrganizationHealthReport'], ParentType, ContextType, RequireFields<QueryOrganizationHealthReportArgs, 'since'>>;
  organizationNotificationSettings?: Resolver<ResolversTypes['OrganizationNotificationSettings'], ParentType, ContextType>;
  plannedChangeImpact?: Resolver<ResolversTypes['ImpactReport'], ParentType, ContextType, RequireFields<QueryPlannedChangeImpactArgs, 'input'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryUsersArgs, 'first'>>;
  viewer?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  webhookDeliveries?: Resolver<ResolversTypes['WebhookDeliveryConnection'], ParentType, ContextType, RequireFields<QueryWebhookDeliveriesArgs, 'endpointId' | 'first'>>;
  webhookEndpoints?: Resolver<ReadonlyArray<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
};

export type QuietHoursResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QuietHours'] = ResolversParentTypes['QuietHours']> = {
  end?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReasonResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Reason'] = ResolversParentTypes['Reason']> = {
  connections?: Resolver<ReadonlyArray<ResolversTypes['Connection']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReasonKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ReasonMessageArgs, 'locale'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RemediationActionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RemediationAction'] = ResolversParentTypes['RemediationAction']> = {
  check?: Resolver<Maybe<ResolversTypes['SubReason']>, ParentType, ContextType>;
  connection?: Resolver<Maybe<ResolversTypes['Connection']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RemediationActionKind'], ParentType, ContextType>;
  performedBy?: Resolver<ResolversTypes['RemediationPerformer'], ParentType, ContextType>;
  provider?: Resolver<Maybe<ResolversTypes['Provider']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RemediationOptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RemediationOption'] = ResolversParentTypes['RemediationOption']> = {
  actions?: Resolver<ReadonlyArray<ResolversTypes['RemediationAction']>, ParentType, ContextType>;
  host?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RemediationStepResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RemediationStep'] = ResolversParentTypes['RemediationStep']> = {
  goal?: Resolver<ResolversTypes['RemediationGoal'], ParentType, ContextType>;
  options?: Resolver<ReadonlyArray<ResolversTypes['RemediationOption']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  bookingPageStateChanged?: SubscriptionResolver<ResolversTypes['BookingPageStateEvent'], "bookingPageStateChanged", ParentType, ContextType, Partial<SubscriptionBookingPageStateChangedArgs>>;
  connectionStatusChanged?: SubscriptionResolver<ResolversTypes['ConnectionStatusEvent'], "connectionStatusChanged", ParentType, ContextType, Partial<SubscriptionConnectionStatusChangedArgs>>;
  events?: SubscriptionResolver<ResolversTypes['Event'], "events", ParentType, ContextType, Partial<SubscriptionEventsArgs>>;
  exchangeConnectionTest?: SubscriptionResolver<ResolversTypes['ExchangeConnectionTestProgress'], "exchangeConnectionTest", ParentType, ContextType, RequireFields<SubscriptionExchangeConnectionTestArgs, 'input' | 'participant' | 'save'>>;
};

export type UserResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  connections?: Resolver<ReadonlyArray<ResolversTypes['Connection']>, ParentType, ContextType, Partial<UserConnectionsArgs>>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locale?: Resolver<Maybe<ResolversTypes['Locale']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['UserRole'], ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserNotificationSettingsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UserNotificationSettings'] = ResolversParentTypes['UserNotificationSettings']> = {
  emailEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  quietHours?: Resolver<Maybe<ResolversTypes['QuietHours']>, ParentType, ContextType>;
  slackEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  slackWebhookUrlHint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endpointId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latencyMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  responseStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
};

export type WebhookDeliveryConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookDeliveryConnection'] = ResolversParentTypes['WebhookDeliveryConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['WebhookDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type WebhookDeliveryEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookDeliveryEdge'] = ResolversParentTypes['WebhookDeliveryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType>;
};

export type WebhookEndpointResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  disabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  disabledReason?: Resolver<Maybe<ResolversTypes['WebhookDisabledReason']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  eventTypes?: Resolver<ReadonlyArray<ResolversTypes['EventType']>, ParentType, ContextType>;
  failingSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  previousSecretExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookEndpointWithSecretResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookEndpointWithSecret'] = ResolversParentTypes['WebhookEndpointWithSecret']> = {
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  ApiKey?: ApiKeyResolvers<ContextType>;
  AuthorizationSession?: AuthorizationSessionResolvers<ContextType>;
  BookingPage?: BookingPageResolvers<ContextType>;
  BookingPageConnection?: BookingPageConnectionResolvers<ContextType>;
  BookingPageEdge?: BookingPageEdgeResolvers<ContextType>;
  BookingPageSnapshot?: BookingPageSnapshotResolvers<ContextType>;
  BookingPageStateEvent?: BookingPageStateEventResolvers<ContextType>;
  BookingPageWarning?: BookingPageWarningResolvers<ContextType>;
  Connection?: ConnectionResolvers<ContextType>;
  ConnectionAlerts?: ConnectionAlertsResolvers<ContextType>;
  ConnectionConnection?: ConnectionConnectionResolvers<ContextType>;
  ConnectionEdge?: ConnectionEdgeResolvers<ContextType>;
  ConnectionSnapshot?: ConnectionSnapshotResolvers<ContextType>;
  ConnectionStatusEvent?: ConnectionStatusEventResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DirectoryRowError?: DirectoryRowErrorResolvers<ContextType>;
  DirectorySyncCounts?: DirectorySyncCountsResolvers<ContextType>;
  DirectorySyncPayload?: DirectorySyncPayloadResolvers<ContextType>;
  DurationFigures?: DurationFiguresResolvers<ContextType>;
  Event?: EventResolvers<ContextType>;
  EventConnection?: EventConnectionResolvers<ContextType>;
  EventEdge?: EventEdgeResolvers<ContextType>;
  ExchangeConnectionReport?: ExchangeConnectionReportResolvers<ContextType>;
  ExchangeConnectionStep?: ExchangeConnectionStepResolvers<ContextType>;
  ExchangeConnectionTestProgress?: ExchangeConnectionTestProgressResolvers<ContextType>;
  ExchangeSettings?: ExchangeSettingsResolvers<ContextType>;
  ExternalIdMapping?: ExternalIdMappingResolvers<ContextType>;
  ImpactReport?: ImpactReportResolvers<ContextType>;
  Integration?: IntegrationResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Location?: LocationResolvers<ContextType>;
  MailOutboxConnection?: MailOutboxConnectionResolvers<ContextType>;
  MailOutboxEdge?: MailOutboxEdgeResolvers<ContextType>;
  MailOutboxMessage?: MailOutboxMessageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NotificationRecord?: NotificationRecordResolvers<ContextType>;
  NotificationTestResult?: NotificationTestResultResolvers<ContextType>;
  OrganizationHealthReport?: OrganizationHealthReportResolvers<ContextType>;
  OrganizationNotificationSettings?: OrganizationNotificationSettingsResolvers<ContextType>;
  PageImpact?: PageImpactResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProviderError?: ProviderErrorResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QuietHours?: QuietHoursResolvers<ContextType>;
  Reason?: ReasonResolvers<ContextType>;
  RemediationAction?: RemediationActionResolvers<ContextType>;
  RemediationOption?: RemediationOptionResolvers<ContextType>;
  RemediationStep?: RemediationStepResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserNotificationSettings?: UserNotificationSettingsResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookDeliveryConnection?: WebhookDeliveryConnectionResolvers<ContextType>;
  WebhookDeliveryEdge?: WebhookDeliveryEdgeResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointWithSecret?: WebhookEndpointWithSecretResolvers<ContextType>;
};

