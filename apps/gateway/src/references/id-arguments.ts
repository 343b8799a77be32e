// Every ID argument of the schema, and what it names. Users and booking pages are the product's as much as
// ours: their arguments take `ext:<external id>` too (resolved by references.ts). Connections, locations, API
// keys, webhook endpoints and deliveries, and events are Tsunagi's own: the product learns their ids from us,
// so they take our ids only.
// The contract test (id-arguments.test.ts) fails when an ID argument of the schema is missing here.

export const ID_ARGUMENT_KINDS = [
  'user',
  'page',
  'connection',
  'location',
  'apiKey',
  'webhookEndpoint',
  'webhookDelivery',
] as const;
export type IdArgumentKind = (typeof ID_ARGUMENT_KINDS)[number];

/** Whether arguments of the kind accept `ext:<external id>` besides our id. */
export const ACCEPTS_EXTERNAL_ID: Readonly<Record<IdArgumentKind, boolean>> = {
  user: true,
  page: true,
  connection: false,
  location: false,
  apiKey: false,
  webhookEndpoint: false,
  webhookDelivery: false,
};

/**
 * `Type.field.argument` for field arguments, `Input.field` for input-object fields (lists of ids included).
 */
export const ID_ARGUMENTS: Readonly<Record<string, IdArgumentKind>> = {
  'Query.bookingPage.id': 'page',
  'Query.connection.id': 'connection',
  'Query.integrations.userId': 'user',
  'Mutation.addLocation.pageId': 'page',
  'Mutation.changeOwner.pageId': 'page',
  'Mutation.changeOwner.userId': 'user',
  'Mutation.checkConnection.connectionId': 'connection',
  'Mutation.connectExchangeCalendar.userId': 'user',
  'Mutation.createApiKey.userId': 'user',
  'Mutation.removeAllLocations.pageId': 'page',
  'Mutation.removeLocation.locationId': 'location',
  'Mutation.removeLocation.pageId': 'page',
  'Mutation.revokeApiKey.id': 'apiKey',
  'Mutation.setBookingPageEnabled.pageId': 'page',
  'Mutation.startReconnect.connectionId': 'connection',
  'Mutation.unlinkConnection.connectionId': 'connection',
  'Mutation.updateBookingPage.id': 'page',
  'Query.webhookDeliveries.endpointId': 'webhookEndpoint',
  'Mutation.updateWebhookEndpoint.id': 'webhookEndpoint',
  'Mutation.rotateWebhookSecret.id': 'webhookEndpoint',
  'Mutation.deleteWebhookEndpoint.id': 'webhookEndpoint',
  'Mutation.sendTestWebhook.endpointId': 'webhookEndpoint',
  'Mutation.redeliverWebhook.deliveryId': 'webhookDelivery',
  'Query.notificationSettings.userId': 'user',
  'Query.notifications.userId': 'user',
  'Mutation.updateNotificationSettings.userId': 'user',
  'Subscription.bookingPageStateChanged.pageId': 'page',
  'Subscription.connectionStatusChanged.userId': 'user',
  'ConnectionFilter.userId': 'user',
  'CreateBookingPageInput.memberIds': 'user',
  'CreateBookingPageInput.ownerId': 'user',
  'UpdateBookingPageInput.memberIds': 'user',
  'ConnectionImpactInput.connectionIds': 'connection',
  'ConnectionImpactInput.userId': 'user',
  'PlannedPageChangeInput.pageId': 'page',
  'PlannedPageChangeInput.userId': 'user',
  'PlannedPageChangeInput.locationId': 'location',
};

/** The arguments that take `ext:<external id>`, with what they name. */
export function externalIdArguments(): [argument: string, kind: IdArgumentKind][] {
  return Object.entries(ID_ARGUMENTS).filter(([, kind]) => ACCEPTS_EXTERNAL_ID[kind]);
}
