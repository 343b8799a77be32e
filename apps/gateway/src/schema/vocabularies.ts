// The schema's closed vocabularies and the TypeScript `as const` lists they are written from: one source of
// truth per vocabulary, where its data is owned. `vocabularies.test.ts` fails when an enum and its list diverge.
import {
  CONNECTION_STATUSES,
  DISABLE_REASON_KINDS,
  EVALUATION_WARNING_KINDS,
  IMPACT_STATUSES,
  LOCATION_TYPES,
  PAGE_IMPACT_EFFECTS,
  PAGE_TEXT_LOCALES,
  PLANNED_PAGE_CHANGE_KINDS,
  PROVIDERS,
  REMEDIATION_ACTION_KINDS,
  REMEDIATION_GOALS,
  REMEDIATION_PERFORMERS,
  STAY_UP_REASONS,
} from '@tsunagi/booking-rules';
import {
  API_KEY_ROLES,
  CONNECTION_HEALTHS,
  DIRECTORY_LISTS,
  DIRECTORY_ROW_ERROR_CODES,
  DIRECTORY_SYNC_MODES,
  EVENT_TYPES,
  EXCHANGE_SETTINGS_STATUSES,
  EXCHANGE_STEP_STATUSES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  STORED_LOCALES,
  USER_ROLES,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DISABLED_REASONS,
} from '@tsunagi/db';
import { ACTIONS, ERROR_CODES, LOCALES, SUB_REASONS } from '@tsunagi/errors';
import { EXCHANGE_STEP_IDS } from '@tsunagi/providers';

/** GraphQL enum name → the values it must have, in order. */
export const SCHEMA_VOCABULARIES: Readonly<Record<string, readonly string[]>> = {
  Provider: PROVIDERS,
  ConnectionStatus: CONNECTION_STATUSES,
  ConnectionHealth: CONNECTION_HEALTHS,
  LocationType: LOCATION_TYPES,
  ReasonKind: DISABLE_REASON_KINDS,
  RemediationActionKind: REMEDIATION_ACTION_KINDS,
  RemediationPerformer: REMEDIATION_PERFORMERS,
  RemediationGoal: REMEDIATION_GOALS,
  BookingPageWarningKind: EVALUATION_WARNING_KINDS,
  AssumedConnectionStatus: IMPACT_STATUSES,
  PlannedPageChangeKind: PLANNED_PAGE_CHANGE_KINDS,
  PageImpactEffect: PAGE_IMPACT_EFFECTS,
  StayUpReason: STAY_UP_REASONS,
  ErrorCode: ERROR_CODES,
  ErrorAction: ACTIONS,
  SubReason: SUB_REASONS,
  EventType: EVENT_TYPES,
  ExchangeStepId: EXCHANGE_STEP_IDS,
  ExchangeStepStatus: EXCHANGE_STEP_STATUSES,
  ExchangeSettingsStatus: EXCHANGE_SETTINGS_STATUSES,
  UserRole: USER_ROLES,
  ApiKeyRole: API_KEY_ROLES,
  DirectorySyncMode: DIRECTORY_SYNC_MODES,
  DirectoryList: DIRECTORY_LISTS,
  DirectoryRowErrorCode: DIRECTORY_ROW_ERROR_CODES,
  WebhookDeliveryStatus: WEBHOOK_DELIVERY_STATUSES,
  WebhookDisabledReason: WEBHOOK_DISABLED_REASONS,
  NotificationChannel: NOTIFICATION_CHANNELS,
  NotificationKind: NOTIFICATION_KINDS,
  NotificationStatus: NOTIFICATION_STATUSES,
  // Both text catalogs (errors' remediation, pages' reasons and warnings) speak the schema's locales.
  Locale: LOCALES.map((locale) => locale.toUpperCase()),
};

/** The same catalogs' locales, which must all equal the `Locale` enum's. */
export const TEXT_LOCALES: Readonly<Record<string, readonly string[]>> = {
  '@tsunagi/errors': LOCALES,
  '@tsunagi/booking-rules': PAGE_TEXT_LOCALES,
  '@tsunagi/db (users.locale)': STORED_LOCALES,
};
