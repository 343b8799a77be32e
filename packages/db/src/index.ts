export type { ApiKeyView, CreateApiKeyInput } from './api-keys.js';
export {
  API_KEY_PREFIX,
  API_KEY_TOUCH_INTERVAL_MS,
  createApiKey,
  findApiKey,
  findApiKeyById,
  isApiKey,
  listApiKeys,
  liveApiKey,
  revokeApiKey,
  touchApiKey,
} from './api-keys.js';
export { CoalescedReadRepository, coalesceLoads } from './coalesced-reads.js';
export type { ConnectionCredentials, CredentialStore, GrantUse, RotationReport } from './credentials.js';
export { createCredentialStore, rotateCredentials, webhookSecretContext } from './credentials.js';
export type { Keyring, KeyringInput } from './crypto.js';
export {
  createKeyring,
  envelopeKeyId,
  generateKey,
  openSecret,
  parseKeyring,
  SecretDecryptionError,
  sealSecret,
} from './crypto.js';
export type { DataDirectoryLock } from './data-dir-lock.js';
export {
  DataDirectoryLockedError,
  isDataDirectoryLocked,
  lockDataDirectory,
} from './data-dir-lock.js';
export type {
  CreateDatabaseOptions,
  Database,
  DatabaseHandle,
  DriverName,
  Executor,
  Schema,
  Transaction,
} from './database.js';
export { createDatabase, MIGRATIONS_FOLDER } from './database.js';
export type { DemoAccountConnection, DemoAccounts } from './demo-accounts.js';
export { attachDemoAccount, listDemoAccounts } from './demo-accounts.js';
export {
  createOrganization,
  createUser,
  findOrganization,
  findUser,
  organizationByReference,
  setBookingPageExternalId,
  setUserExternalId,
  userByExternalId,
} from './directory.js';
export type { EventBus, EventListener, EventNotice, PgNotifyEventBusOptions } from './event-bus.js';
export { InProcessEventBus, NoopEventBus, PgNotifyEventBus } from './event-bus.js';
export type { EventSweepOptions, EventSweepResult } from './event-retention.js';
export {
  assertCursorRetained,
  DEFAULT_EVENT_RETENTION_DAYS,
  deleteExpiredEventBatch,
  EVENTS_RESYNC_HINT,
  EventsExpiredError,
  expiredThrough,
  isEventsExpiredError,
  retentionCutoff,
  sweepExpiredEvents,
} from './event-retention.js';
export type {
  BookingPageField,
  BookingPageSnapshot,
  ConnectionSnapshot,
  EventCause,
  EventDraft,
  EventPayloads,
  EventSnapshots,
  EventType,
  FollowEventsOptions,
  TsunagiEvent,
} from './events.js';
export {
  EVENT_TYPES,
  followEventBatches,
  followEvents,
  latestEventId,
  readEvents,
  readPageHistory,
} from './events.js';
export type {
  ExchangeSettingsInput,
  ExchangeSettingsStore,
  ExchangeSettingsView,
} from './exchange-settings.js';
export { createExchangeSettingsStore } from './exchange-settings.js';
export type { StoredGrantFacts } from './grant-facts.js';
export { listGrantFacts, readGrantFacts } from './grant-facts.js';
export type { DurationFigures, HealthReportPeriod, OrganizationHealthReport } from './health-report.js';
export {
  MAX_HEALTH_REPORT_DAYS,
  organizationHealthReport,
  organizationsWithHealthActivity,
  summarizeDurations,
} from './health-report.js';
export type {
  BreakagePrediction,
  ConnectionHealthState,
  HysteresisPolicy,
  ProbeResult,
  ProviderErrorClassificationLike,
} from './hysteresis.js';
export {
  applyConnectionError,
  applyProbeResult,
  DEFAULT_HYSTERESIS_POLICY,
  storedError,
} from './hysteresis.js';
export type { IdPrefix } from './ids.js';
export { newId } from './ids.js';
export type { CursorKey, ListPage } from './keyset.js';
export { MAX_PAGE_SIZE } from './keyset.js';
export type {
  CreateOAuthStateInput,
  OAuthAuthorization,
  OAuthStateConditions,
  OAuthStateError,
  OAuthStateRefusal,
  OAuthStateResult,
  OAuthStateStore,
} from './oauth-states.js';
export { createOAuthStateStore, OAUTH_STATE_REFUSALS } from './oauth-states.js';
export type {
  ConnectionListFilter,
  ConnectionListOptions,
  UserListFilter,
  UserListOptions,
} from './organization-lists.js';
export type { OrganizationWorld } from './organization-world.js';
export { readOrganizationWorld } from './organization-world.js';
export { compactPageCounts, countPages } from './page-counts.js';
export type { ProbeRecorder, ProbeRecorderOptions, ProbeRecording } from './probe-recording.js';
export { createProbeRecorder, isPlainHealthy, recordSteadyHealthyProbes } from './probe-recording.js';
export { createDatabaseIfMissing } from './provision.js';
export type { ReadScope } from './read-scope.js';
export { readScopeFor } from './read-scope.js';
export type {
  ReconnectLinkError,
  ReconnectLinkRefusal,
  ReconnectLinkResult,
  ReconnectLinkStore,
  RedeemedReconnectLink,
} from './reconnect-links.js';
export {
  createReconnectLinkStore,
  DEFAULT_RECONNECT_LINK_TTL_SECONDS,
  RECONNECT_LINK_REFUSALS,
} from './reconnect-links.js';
export type { RecordSweepOptions, RetainedRecord } from './record-retention.js';
export {
  DEFAULT_RECORD_RETENTION_DAYS,
  RETAINED_RECORDS,
  sweepExpiredRecords,
} from './record-retention.js';
export type { AlertCounts, BookingPageList, Integration, ListBookingPagesOptions } from './repositories.js';
export { createReadRepository, decodePageCursor, encodePageCursor, ReadRepository } from './repositories.js';
export type { Result, ServiceError, ServiceErrorCode } from './result.js';
export { SERVICE_ERROR_CODES } from './result.js';
export type {
  ApiKeyRole,
  ApiKeyRow,
  BookingPageLocationRow,
  BookingPageMemberRow,
  BookingPageMode,
  BookingPageRow,
  BookingPageRule,
  BookingPageState,
  ConnectionHealth,
  ConnectionKind,
  ConnectionProvider,
  ConnectionRow,
  ConnectionStatus,
  EventRow,
  ExchangeSettingsRow,
  ExchangeSettingsStatus,
  LocationType,
  OAuthStateRow,
  OrganizationRow,
  StoredConnectionError,
  StoredExchangeReport,
  StoredExchangeStep,
  StoredLocale,
  UserRole,
  UserRow,
  WebhookDeliveryStatus,
  WebhookDisabledReason,
  WebhookEndpointRow,
  WebhookMessageRow,
} from './schema.js';
export {
  API_KEY_ROLES,
  CONNECTION_HEALTHS,
  EXCHANGE_SETTINGS_STATUSES,
  EXCHANGE_STEP_STATUSES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  STORED_LOCALES,
  USER_ROLES,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DISABLED_REASONS,
} from './schema.js';
export type { DemoPerson, DemoSeed, SeedDemoOptions } from './seed.js';
export {
  DEMO_ORGANIZATION_SLUG,
  DemoSeedConflictError,
  OTHER_ORGANIZATION_SLUG,
  seedDemo,
} from './seed.js';
export { storedEvaluation } from './service/page-evaluation.js';
export type {
  Actor,
  ConnectionChange,
  CreateBookingPageInput,
  CreateConnectionInput,
  DirectoryList,
  DirectoryPage,
  DirectoryRowError,
  DirectoryRowErrorCode,
  DirectorySyncCounts,
  DirectorySyncInput,
  DirectorySyncMode,
  DirectorySyncResult,
  DirectoryUser,
  ExternalIdMapping,
  LocationInputDraft,
  StateService,
  StateServiceOptions,
  UnlinkedConnection,
  UpdateBookingPageInput,
} from './service/state-service.js';
export {
  createStateService,
  DIRECTORY_LISTS,
  DIRECTORY_ROW_ERROR_CODES,
  DIRECTORY_SYNC_MODES,
  systemActor,
} from './service/state-service.js';
export { INPUT_LIMITS, isEmailAddress } from './service/validation.js';
export type { UnavailableOutcome } from './unavailable.js';
export {
  DatabaseUnavailableError,
  databaseUnavailable,
  isConnectionLoss,
  isDatabaseUnavailable,
  retryWhileUnavailable,
} from './unavailable.js';
export { Wakeup } from './wakeup.js';
export { createWebhookDeliveryStore, type WebhookDeliveryStore } from './webhook-deliveries.js';
