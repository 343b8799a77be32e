export type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
export { graphql } from './__generated__/gql.js';
export type * as Types from './__generated__/graphql.js';
export type {
  SubscribeOptions,
  TsunagiClient,
  TsunagiClientOptions,
  TsunagiErrorDetail,
  TypedDocument,
} from './client.js';
export { createTsunagiClient, isTsunagiClientError, TsunagiClientError } from './client.js';
export type { FollowEventsOptions, TsunagiEvent } from './follow-events.js';
export { followEvents } from './follow-events.js';
export { OrganizationConnectionsQuery, OrganizationUsersQuery } from './operations/admin.js';
export {
  BookingPageQuery,
  BookingPagesQuery,
  ConnectionAlertsQuery,
  EventLogQuery,
  IntegrationsQuery,
  ViewerQuery,
} from './operations/dashboard.js';
export { SyncDirectoryMutation } from './operations/directory.js';
export {
  ConnectExchangeCalendarMutation,
  ExchangeConnectionTestSubscription,
  ExchangeSettingsQuery,
  SaveExchangeSettingsMutation,
  TestExchangeConnectionMutation,
} from './operations/exchange.js';
export { DurationFiguresFields, OrganizationHealthReportQuery } from './operations/health.js';
export {
  ConnectionImpactQuery,
  ImpactReportFields,
  PlannedChangeImpactQuery,
} from './operations/impact.js';
export {
  AddLocationMutation,
  ChangeOwnerMutation,
  CheckConnectionMutation,
  RemoveAllLocationsMutation,
  SetBookingPageEnabledMutation,
  StartReconnectMutation,
  UnlinkConnectionMutation,
} from './operations/mutations.js';
export {
  NotificationSettingsQuery,
  NotificationsQuery,
  OrganizationNotificationSettingsFields,
  OrganizationNotificationSettingsQuery,
  SendTestNotificationMutation,
  UpdateNotificationSettingsMutation,
  UpdateOrganizationNotificationSettingsMutation,
  UserNotificationSettingsFields,
} from './operations/notifications.js';
export { MailOutboxQuery } from './operations/outbox.js';
export {
  BookingPageStateChangedSubscription,
  ConnectionStatusChangedSubscription,
  EventsSubscription,
} from './operations/subscriptions.js';
export {
  CreateWebhookEndpointMutation,
  DeleteWebhookEndpointMutation,
  RedeliverWebhookMutation,
  RotateWebhookSecretMutation,
  SendTestWebhookMutation,
  UpdateWebhookEndpointMutation,
  WebhookDeliveriesQuery,
  WebhookDeliveryFields,
  WebhookEndpointFields,
  WebhookEndpointsQuery,
} from './operations/webhooks.js';
