// What each GraphQL object type resolves from (codegen `mappers`): database rows and engine values,
// so resolvers pass rows along and DataLoaders fetch relations.
import type {
  DisableReason,
  EvaluationWarning,
  RemediationAction,
  RemediationOption,
  RemediationStep,
} from '@tsunagi/booking-rules';
import type {
  ApiKeyView,
  BookingPageList,
  BookingPageLocationRow,
  BookingPageRow,
  BookingPageSnapshot,
  ConnectionKind,
  ConnectionProvider,
  ConnectionRow,
  ConnectionSnapshot,
  ConnectionStatus,
  ExchangeSettingsView,
  StoredConnectionError,
  StoredExchangeReport,
  StoredExchangeStep,
  TsunagiEvent,
  UserRow,
} from '@tsunagi/db';
import type { WebhookEndpointView, WebhookMessageView } from '@tsunagi/webhooks';
import type { AuthorizationStarted } from './providers/registry.js';

export type UserParent = UserRow;
export type ApiKeyParent = ApiKeyView;
export type ConnectionParent = ConnectionRow;
export type ProviderErrorParent = StoredConnectionError;
export type BookingPageParent = BookingPageRow;

export interface IntegrationParent {
  readonly provider: ConnectionProvider;
  readonly kind: ConnectionKind;
  readonly status: ConnectionStatus;
  readonly accounts: readonly ConnectionRow[];
}

export interface LocationParent {
  readonly row: BookingPageLocationRow;
  readonly usable: boolean;
}

export type ReasonParent = DisableReason;
export type RemediationStepParent = RemediationStep;
export type RemediationOptionParent = RemediationOption;
export type RemediationActionParent = RemediationAction;
export type WarningParent = EvaluationWarning;

export interface BookingPageEdgeParent {
  readonly cursor: string;
  readonly node: BookingPageRow;
}

export type BookingPageConnectionParent = BookingPageList;

export type AuthorizationSessionParent = AuthorizationStarted;
export type EventParent = TsunagiEvent;
export type ConnectionSnapshotParent = ConnectionSnapshot;
export type BookingPageSnapshotParent = BookingPageSnapshot;
export type EventEdgeParent = TsunagiEvent;

export interface EventConnectionParent {
  readonly events: readonly TsunagiEvent[];
  readonly hasNextPage: boolean;
}

export type ExchangeSettingsParent = ExchangeSettingsView;
export type ExchangeReportParent = StoredExchangeReport;
export type ExchangeStepParent = StoredExchangeStep;

export type WebhookEndpointParent = WebhookEndpointView;
export type WebhookDeliveryParent = WebhookMessageView;
export type WebhookDeliveryEdgeParent = WebhookMessageView;

export interface WebhookDeliveryConnectionParent {
  readonly lines: readonly WebhookMessageView[];
  readonly hasNextPage: boolean;
}
