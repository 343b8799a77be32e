// The whole database in one file: drizzle-kit reads it to generate the migrations in ../drizzle.
// Ids are prefixed random text (`usr_…`, `con_…`) so they are opaque strings all the way to GraphQL.
import type { BookingPageEvaluation } from '@tsunagi/booking-rules';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const userRole = pgEnum('user_role', ['MEMBER', 'ADMIN']);
export const apiKeyRole = pgEnum('api_key_role', ['MEMBER', 'ADMIN', 'SERVICE']);
export const connectionProvider = pgEnum('connection_provider', [
  'GOOGLE_CALENDAR',
  'MICROSOFT_CALENDAR',
  'EXCHANGE',
  'ZOOM',
  'MICROSOFT_TEAMS',
]);
export const connectionKind = pgEnum('connection_kind', ['CALENDAR', 'LOCATION']);
export const connectionStatus = pgEnum('connection_status', ['CONNECTED', 'ERROR', 'DISCONNECTED']);
/** The stored health: the engine's three for a CONNECTED connection, BROKEN for any other. */
export const connectionHealth = pgEnum('connection_health', ['HEALTHY', 'DEGRADED', 'AT_RISK', 'BROKEN']);
export const bookingPageMode = pgEnum('booking_page_mode', ['ALL_MEMBERS', 'ANY_MEMBER']);
/** Which rule set decided a page: ALL_MEMBERS also covers single-member pages, whatever their mode. */
export const bookingPageRule = pgEnum('booking_page_rule', ['ALL_MEMBERS', 'ANY_MEMBER']);
export const bookingPageState = pgEnum('booking_page_state', [
  'ACTIVE',
  'DISABLED_CONNECTION_ERROR',
  'INACTIVE',
]);
/** The languages the text catalogs speak, spelled as they spell them (GraphQL's `Locale` is the upper case). */
export const locale = pgEnum('locale', ['en', 'ja', 'it', 'pl']);
export const locationType = pgEnum('location_type', [
  'ZOOM',
  'MICROSOFT_TEAMS',
  'GOOGLE_MEET',
  'IN_PERSON',
  'PHONE',
  'CUSTOM_URL',
]);

export type UserRole = (typeof userRole.enumValues)[number];
/** The closed vocabularies the schema's enums are written from, for the gateway's contract test. */
export const USER_ROLES = userRole.enumValues;
export const API_KEY_ROLES = apiKeyRole.enumValues;
export const STORED_LOCALES = locale.enumValues;
export const CONNECTION_HEALTHS = connectionHealth.enumValues;
export type ApiKeyRole = (typeof apiKeyRole.enumValues)[number];
export type ConnectionProvider = (typeof connectionProvider.enumValues)[number];
export type ConnectionKind = (typeof connectionKind.enumValues)[number];
export type ConnectionStatus = (typeof connectionStatus.enumValues)[number];
export type ConnectionHealth = (typeof connectionHealth.enumValues)[number];
export type BookingPageMode = (typeof bookingPageMode.enumValues)[number];
export type BookingPageRule = (typeof bookingPageRule.enumValues)[number];
export type BookingPageState = (typeof bookingPageState.enumValues)[number];
export type LocationType = (typeof locationType.enumValues)[number];
export type StoredLocale = (typeof locale.enumValues)[number];

/** A provider failure as classified by `@tsunagi/errors`, frozen at the moment it was observed. */
export interface StoredConnectionError {
  code: string;
  action: string;
  retryable: boolean;
  connectionBroken: boolean;
  provider: string | null;
  httpStatus: number | null;
  providerReason: string | null;
  providerCode: string | null;
  subReason: string | null;
  retryAfterSeconds: number | null;
  message: string;
  /** ISO 8601. */
  occurredAt: string;
}

export const organizations = pgTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** The product's own id for this organization (the identity provider's organization claim may name it). */
  externalId: text('external_id').unique(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: userRole('role').notNull().default('MEMBER'),
    /** The language the person reads; null until the product says (texts then default to English). */
    locale: locale('locale'),
    /** The product's own id for this person (the identity provider's user claim); null until synced. */
    externalId: text('external_id'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_org_email_key').on(t.organizationId, t.email),
    // NULLs never collide: any number of users may still lack an external id.
    uniqueIndex('users_org_external_id_key').on(t.organizationId, t.externalId),
    // The admin's user list walks this order (organization-lists.ts).
    index('users_org_name_idx').on(t.organizationId, t.name, t.id),
  ],
);

/**
 * Keys for services and operators. Only the SHA-256 of the secret is kept (see api-keys.ts); a SERVICE key
 * names no user, MEMBER and ADMIN keys act as their user.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: apiKeyRole('role').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_keys_secret_hash_key').on(t.secretHash),
    index('api_keys_org_idx').on(t.organizationId, t.createdAt),
  ],
);

export const connections = pgTable(
  'connections',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: connectionProvider('provider').notNull(),
    kind: connectionKind('kind').notNull(),
    accountExternalId: text('account_external_id').notNull(),
    accountEmail: text('account_email'),
    status: connectionStatus('status').notNull().default('CONNECTED'),
    /** Refines CONNECTED (HEALTHY, DEGRADED, AT_RISK); BROKEN whenever the status is not CONNECTED. */
    health: connectionHealth('health').notNull().default('HEALTHY'),
    lastError: jsonb('last_error').$type<StoredConnectionError>(),
    /** AT_RISK: when it is predicted to stop working, and the rule that says so (foresight, AT_RISK_REASONS). */
    breaksAt: timestamptz('breaks_at'),
    atRiskReason: text('at_risk_reason'),
    lastCheckedAt: timestamptz('last_checked_at'),
    statusChangedAt: timestamptz('status_changed_at').notNull().defaultNow(),
    /** Hysteresis: the current run of transient probe failures, and when it began. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    failureRunStartedAt: timestamptz('failure_run_started_at'),
    version: integer('version').notNull().default(1),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('connections_org_status_idx').on(t.organizationId, t.status),
    // The admin's connection list walks this order (organization-lists.ts).
    index('connections_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    index('connections_user_idx').on(t.userId),
    // One live link per account; an unlinked (DISCONNECTED) row may be linked again later.
    uniqueIndex('connections_live_account_key')
      .on(t.userId, t.provider, t.accountExternalId)
      .where(sql`${t.status} <> 'DISCONNECTED'`),
  ],
);

/**
 * Secrets live apart from `connections` so no read query can select them by accident. `ciphertext` is
 * an AES-256-GCM envelope of `{ accessToken, refreshToken }` naming the key it was sealed with.
 */
export const connectionCredentials = pgTable(
  'connection_credentials',
  {
    connectionId: text('connection_id')
      .primaryKey()
      .references(() => connections.id, { onDelete: 'cascade' }),
    keyId: text('key_id').notNull(),
    ciphertext: text('ciphertext').notNull(),
    accessTokenExpiresAt: timestamptz('access_token_expires_at'),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    /** Foresight: when the grant (refresh token) was issued, at sign-in or reconnect. */
    grantIssuedAt: timestamptz('grant_issued_at'),
    /** Foresight: when the grant was last used (issued or refreshed): inactivity limits count from here. */
    grantUsedAt: timestamptz('grant_used_at'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('connection_credentials_key_idx').on(t.keyId)],
);

/**
 * Foresight: every grant our client was issued for an account and not yet revoked (a reconnect adds one, the
 * earlier one stays live at the provider; an unlink revokes them). Google caps live refresh tokens per account
 * and client: the oldest goes with the next sign-in past the cap.
 */
export const oauthGrants = pgTable(
  'oauth_grants',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'cascade' }),
    provider: connectionProvider('provider').notNull(),
    accountExternalId: text('account_external_id').notNull(),
    issuedAt: timestamptz('issued_at').notNull(),
  },
  (t) => [
    index('oauth_grants_account_idx').on(t.provider, t.accountExternalId, t.issuedAt),
    index('oauth_grants_connection_idx').on(t.connectionId),
  ],
);

export const bookingPages = pgTable(
  'booking_pages',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    /** The product's own id for this page; null for pages made through Tsunagi's own API. */
    externalId: text('external_id'),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id),
    mode: bookingPageMode('mode').notNull(),
    roundRobin: boolean('round_robin').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    // The stored evaluation: exactly what @tsunagi/booking-rules returned, refreshed in the transaction
    // of every change that can affect it.
    appliedRule: bookingPageRule('applied_rule').notNull(),
    state: bookingPageState('state').notNull(),
    acceptingBookings: boolean('accepting_bookings').notNull(),
    reasons: jsonb('reasons').$type<BookingPageEvaluation['reasons']>().notNull(),
    plan: jsonb('plan').$type<BookingPageEvaluation['plan']>().notNull(),
    eligibleHostIds: text('eligible_host_ids').array().notNull(),
    usableLocationIds: text('usable_location_ids').array().notNull(),
    warnings: jsonb('warnings').$type<BookingPageEvaluation['warnings']>().notNull(),
    /** 0 for pages disabled by a connection error, which the list shows first. */
    listRank: smallint('list_rank')
      .notNull()
      .generatedAlwaysAs(sql`CASE WHEN state = 'DISABLED_CONNECTION_ERROR' THEN 0 ELSE 1 END`),
    stateChangedAt: timestamptz('state_changed_at').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('booking_pages_org_slug_key').on(t.organizationId, t.slug),
    uniqueIndex('booking_pages_org_external_id_key').on(t.organizationId, t.externalId),
    index('booking_pages_list_idx').on(t.organizationId, t.listRank, t.title, t.id),
    index('booking_pages_owner_idx').on(t.ownerId),
  ],
);

/**
 * How many pages each organization has in each state, kept as signed deltas: statement-level triggers on
 * booking_pages (migration 0014) append one row per organization and state a statement changed, so writers
 * never wait on a shared counter row. The sum over an organization's rows is its count; the retention sweep
 * folds an organization's rows into one per state (`compactPageCounts`). No key: rows are summed, never
 * addressed.
 */
export const bookingPageCounts = pgTable(
  'booking_page_counts',
  {
    organizationId: text('organization_id').notNull(),
    state: bookingPageState('state').notNull(),
    pages: bigint('pages', { mode: 'number' }).notNull(),
  },
  (t) => [index('booking_page_counts_org_idx').on(t.organizationId, t.state)],
);

export const bookingPageMembers = pgTable(
  'booking_page_members',
  {
    bookingPageId: text('booking_page_id')
      .notNull()
      .references(() => bookingPages.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bookingPageId, t.userId] }),
    index('booking_page_members_user_idx').on(t.userId),
  ],
);

export const bookingPageLocations = pgTable(
  'booking_page_locations',
  {
    id: text('id').primaryKey(),
    bookingPageId: text('booking_page_id')
      .notNull()
      .references(() => bookingPages.id, { onDelete: 'cascade' }),
    type: locationType('type').notNull(),
    label: text('label').notNull(),
    value: text('value'),
    position: integer('position').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('booking_page_locations_page_idx').on(t.bookingPageId, t.position)],
);

/**
 * The ordered log every change appends to. `id` is the replay cursor; appends are serialized per
 * organization (see appendEvents) so that, within one organization, id order is commit order.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    connectionId: text('connection_id'),
    bookingPageId: text('booking_page_id'),
    userId: text('user_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('events_org_id_idx').on(t.organizationId, t.id),
    index('events_page_idx').on(t.bookingPageId, t.id),
    index('events_connection_idx').on(t.connectionId, t.id),
    // The retention sweep finds the oldest rows in one index probe, and finds nothing just as fast.
    index('events_created_at_idx').on(t.createdAt, t.id),
  ],
);

/**
 * Per organization, the highest event id the retention sweep has deleted. Ids are global, so "is this cursor
 * older than what is kept" is answered here, never from the first kept id (the ids between two of an
 * organization's events may belong to other organizations). Written in the transaction that deletes.
 */
export const eventRetention = pgTable('event_retention', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  expiredThrough: bigint('expired_through', { mode: 'number' }).notNull(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/**
 * One-click reconnect links (sent to a connection's owner when it breaks). The token is `<id>.<mac>`: the MAC
 * (HMAC-SHA256 under a key derived from keyring key `keyId`) covers the id, organization, connection and expiry
 * stored here, so a link cannot be re-pointed. `usedAt` is set once, by a conditional UPDATE.
 */
export const reconnectLinks = pgTable(
  'reconnect_links',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    connectionId: text('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'cascade' }),
    keyId: text('key_id').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('reconnect_links_connection_idx').on(t.connectionId),
    // The retention sweep's order (record-retention.ts).
    index('reconnect_links_expires_idx').on(t.expiresAt),
  ],
);

/** Where notification fan-out has read each organization's event log up to (the event log is the outbox). */
export const notificationCursors = pgTable('notification_cursors', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  cursor: bigint('cursor', { mode: 'number' }).notNull().default(0),
});

export const NOTIFICATION_KINDS = [
  'CONNECTION_BROKEN',
  'CONNECTION_AT_RISK',
  'CONNECTION_ESCALATED',
  'CONNECTION_RECOVERED',
  'TEST',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** CANCELLED: never sent, on purpose (healed before anyone was told, superseded by a break). */
export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED', 'CANCELLED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const NOTIFICATION_CHANNELS = ['EMAIL', 'SLACK'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
/** A message's kind: its one item's kind, or DIGEST when it combines several. */
export type NotificationMessageKind = NotificationKind | 'DIGEST';

/**
 * One thing to tell one person over one channel (an item): unique per (event, recipient, kind, channel), so
 * fan-out run twice (a restart, two processes) enqueues it once. Items wait until `nextAttemptAt` (the
 * recipient's digest window, quiet hours) and are then gathered, per recipient and channel, into one
 * `notification_messages` row, which is what is sent.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The event that caused it (an escalation: the event that broke the connection); null for a test. */
    eventId: bigint('event_id', { mode: 'number' }),
    recipientId: text('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    channel: text('channel').$type<NotificationChannel>().notNull().default('EMAIL'),
    connectionId: text('connection_id').references(() => connections.id, { onDelete: 'cascade' }),
    /** The message that carries it, once gathered; null while it waits. */
    messageId: text('message_id').references(() => notificationMessages.id, { onDelete: 'set null' }),
    status: text('status').$type<NotificationStatus>().notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    /** Not gathered before this time (digest window, quiet hours). */
    nextAttemptAt: timestamptz('next_attempt_at').notNull(),
    /** The last failure to send, without secrets (for operators). */
    lastError: text('last_error'),
    sentAt: timestamptz('sent_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_event_recipient_kind_channel_idx').on(
      t.eventId,
      t.recipientId,
      t.kind,
      t.channel,
    ),
    index('notifications_due_idx').on(t.status, t.nextAttemptAt),
    index('notifications_recipient_idx').on(t.recipientId, t.createdAt),
    index('notifications_connection_idx').on(t.connectionId),
    index('notifications_message_idx').on(t.messageId),
    // The retention sweep's order (record-retention.ts).
    index('notifications_created_idx').on(t.createdAt),
  ],
);

/**
 * What is sent: one e-mail or one Slack post to one person, carrying one or more items (a digest). Its id is
 * the e-mail's Message-ID, the same on every attempt. Claimed with SKIP LOCKED under a lease on
 * `nextAttemptAt`, marked SENT once the server accepted it.
 */
export const notificationMessages = pgTable(
  'notification_messages',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    recipientId: text('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    kind: text('kind').$type<NotificationMessageKind>().notNull(),
    status: text('status').$type<NotificationStatus>().notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: timestamptz('sent_at'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    index('notification_messages_due_idx').on(t.status, t.nextAttemptAt),
    index('notification_messages_recipient_idx').on(t.recipientId, t.channel, t.createdAt),
    // The retention sweep's order (record-retention.ts).
    index('notification_messages_created_idx').on(t.createdAt),
  ],
);

/**
 * The alert a connection is in, at most one: AT_RISK (warned) or BROKEN (told, escalated once). It is the
 * breakage's identity: an ERROR reported again while BROKEN tells nobody twice; a recovery closes it.
 */
export const connectionAlerts = pgTable(
  'connection_alerts',
  {
    connectionId: text('connection_id')
      .primaryKey()
      .references(() => connections.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    state: text('state').$type<'AT_RISK' | 'BROKEN'>().notNull(),
    /** The event that opened it; its items carry this id or a later one. */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    since: timestamptz('since').notNull(),
    escalatedAt: timestamptz('escalated_at'),
    /** AT_RISK with a predicted break: when the owner was warned (the warning waits for the warning horizon). */
    warnedAt: timestamptz('warned_at'),
  },
  (t) => [index('connection_alerts_escalation_idx').on(t.state, t.escalatedAt, t.since)],
);

/** An organization's notification settings; no row means the defaults. */
export const organizationNotificationSettings = pgTable('organization_notification_settings', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  emailEnabled: boolean('email_enabled').notNull().default(true),
  slackEnabled: boolean('slack_enabled').notNull().default(false),
  /** The organization's Slack incoming-webhook URL, sealed (it is a bearer secret). */
  slackWebhookCiphertext: text('slack_webhook_ciphertext'),
  /** What the API shows of it: scheme, host and the last 4 characters. */
  slackWebhookHint: text('slack_webhook_hint'),
  escalationDelayMinutes: integer('escalation_delay_minutes').notNull().default(1440),
  digestWindowMinutes: integer('digest_window_minutes').notNull().default(15),
  /** A connection predicted to break (foresight's breaksAt) is warned about this many days ahead. */
  atRiskWarningDays: integer('at_risk_warning_days').notNull().default(7),
  /** Default quiet hours (`HH:MM` local), for people who set none. */
  quietHoursStart: text('quiet_hours_start'),
  quietHoursEnd: text('quiet_hours_end'),
  timeZone: text('time_zone'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** One person's notification settings; no row means the defaults (e-mail on, the organization's quiet hours). */
export const userNotificationSettings = pgTable('user_notification_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  organizationId: text('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  emailEnabled: boolean('email_enabled').notNull().default(true),
  slackEnabled: boolean('slack_enabled').notNull().default(true),
  slackWebhookCiphertext: text('slack_webhook_ciphertext'),
  slackWebhookHint: text('slack_webhook_hint'),
  quietHoursStart: text('quiet_hours_start'),
  quietHoursEnd: text('quiet_hours_end'),
  timeZone: text('time_zone'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** In-flight OAuth authorizations. Only a hash of `state` is kept; the PKCE verifier is sealed. */
export const oauthStates = pgTable(
  'oauth_states',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: connectionProvider('provider').notNull(),
    /** Set when the flow reconnects an existing connection. */
    connectionId: text('connection_id').references(() => connections.id, { onDelete: 'cascade' }),
    stateHash: text('state_hash').notNull().unique(),
    keyId: text('key_id').notNull(),
    codeVerifierCiphertext: text('code_verifier_ciphertext').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    /** Who started the flow (an admin may reconnect another member's connection): only they may finish it. */
    startedBy: text('started_by'),
    /** SHA-256 of the secret in the starting browser's cookie, set once when that browser is bound. */
    browserBindingHash: text('browser_binding_hash'),
    /** Where the callback sends the browser afterwards (an allow-listed client origin); null: an HTML page. */
    returnUrl: text('return_url'),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('oauth_states_expires_idx').on(t.expiresAt)],
);

export const EXCHANGE_SETTINGS_STATUSES = ['UNTESTED', 'OK', 'BROKEN'] as const;
export const exchangeSettingsStatus = pgEnum('exchange_settings_status', EXCHANGE_SETTINGS_STATUSES);
export type ExchangeSettingsStatus = (typeof exchangeSettingsStatus.enumValues)[number];

/** One step of a stored Exchange connection report; `error` is the classified failure, if any. */
export const EXCHANGE_STEP_STATUSES = ['PASSED', 'FAILED', 'SKIPPED'] as const;

export interface StoredExchangeStep {
  id: string;
  status: (typeof EXCHANGE_STEP_STATUSES)[number];
  detail: string;
  error: StoredConnectionError | null;
}

export interface StoredExchangeReport {
  ok: boolean;
  steps: StoredExchangeStep[];
  /** ISO 8601. */
  testedAt: string;
}

/**
 * Organization-level Calendar Interop (Exchange / EWS) settings. `secretCiphertext` is an AES-256-GCM
 * envelope of the role account password or application client secret; it is never read back in clear
 * except by the code that tests the connection.
 */
export const exchangeSettings = pgTable('exchange_settings', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  ewsUrl: text('ews_url').notNull(),
  roleAccount: text('role_account').notNull(),
  applicationId: text('application_id'),
  keyId: text('key_id').notNull(),
  secretCiphertext: text('secret_ciphertext').notNull(),
  status: exchangeSettingsStatus('status').notNull().default('UNTESTED'),
  lastReport: jsonb('last_report').$type<StoredExchangeReport>(),
  lastTestedAt: timestamptz('last_tested_at'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export type OrganizationRow = typeof organizations.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ConnectionRow = typeof connections.$inferSelect;
export type BookingPageRow = typeof bookingPages.$inferSelect;
export type BookingPageMemberRow = typeof bookingPageMembers.$inferSelect;
export type BookingPageLocationRow = typeof bookingPageLocations.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type OAuthStateRow = typeof oauthStates.$inferSelect;
export type ExchangeSettingsRow = typeof exchangeSettings.$inferSelect;

/**
 * Provider webhook deliveries already processed, by a key the provider makes unique per delivery (Zoom: the
 * signature). Shared by every gateway process, so a replay is refused whichever replica it reaches; rows are
 * dropped once the provider's timestamp window has passed (the timestamp check refuses older ones anyway).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    key: text('key').primaryKey(),
    provider: text('provider').notNull(),
    receivedAt: timestamptz('received_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('webhook_deliveries_expires_idx').on(t.expiresAt)],
);

/** Why an outgoing webhook endpoint is not sent to: an admin turned it off, or it failed for too long. */
export const WEBHOOK_DISABLED_REASONS = ['ADMIN', 'FAILING'] as const;
export const webhookDisabledReason = pgEnum('webhook_disabled_reason', WEBHOOK_DISABLED_REASONS);
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

/** Where an outgoing delivery stands: PENDING until a 2xx (DELIVERED) or the retry window ends (FAILED). */
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * Receivers of the organization's events (Standard Webhooks). `cursor` is the last event id fanned out to
 * this endpoint: deliveries are made by reading the event log after it, so the event's own transaction writes
 * nothing here. Secrets are sealed (crypto.ts); the previous one keeps signing until `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  'outgoing_webhook_endpoints',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Event types sent; empty means every type. */
    eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: webhookDisabledReason('disabled_reason'),
    disabledAt: timestamptz('disabled_at'),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: timestamptz('previous_secret_expires_at'),
    cursor: bigint('cursor', { mode: 'number' }).notNull().default(0),
    /** The first failed attempt since the last success; null while it works. */
    failingSince: timestamptz('failing_since'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('outgoing_webhook_endpoints_org_idx').on(t.organizationId, t.createdAt)],
);

/**
 * One message to one endpoint: an event (unique per endpoint and event, so a second fan-out adds nothing) or a
 * test (`event_id` null). `id` is the `webhook-id` header: the same on every attempt, so receivers de-duplicate.
 */
export const webhookMessages = pgTable(
  'outgoing_webhook_deliveries',
  {
    id: text('id').primaryKey(),
    /** Log order (newest first) and the log's page cursor. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' }),
    eventType: text('event_type').notNull(),
    /** The JSON body, fixed when the message is made so every attempt sends the same bytes. */
    body: text('body').notNull(),
    status: webhookDeliveryStatus('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due; while an attempt runs, when it counts as lost (its lease). */
    nextAttemptAt: timestamptz('next_attempt_at').notNull(),
    /** Retries stop here (creation, or a manual redelivery, plus the retry window). */
    retryUntil: timestamptz('retry_until').notNull(),
    lastAttemptAt: timestamptz('last_attempt_at'),
    latencyMs: integer('latency_ms'),
    responseStatus: smallint('response_status'),
    lastError: text('last_error'),
    deliveredAt: timestamptz('delivered_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outgoing_webhook_deliveries_endpoint_event_key').on(t.endpointId, t.eventId),
    // Only what is still to send: a claim reads this small index, not every message ever delivered.
    index('outgoing_webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'PENDING'`),
    index('outgoing_webhook_deliveries_log_idx').on(t.endpointId, t.seq),
    // The retention sweep's order (record-retention.ts).
    index('outgoing_webhook_deliveries_created_idx').on(t.createdAt),
  ],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookMessageRow = typeof webhookMessages.$inferSelect;
