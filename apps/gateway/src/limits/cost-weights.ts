// What fields cost, for the static cost limit. A field's cost follows what resolving it does:
// - a leaf (scalar or enum) is read off an object already in memory: free (the body size limit bounds them);
// - an object is one item of work per instance, multiplied by the size of every list above it;
// - a relation fetched through a request's DataLoader is one batched round trip per query path, however many
//   parents ask for it (the loaders in src/loaders.ts), so its round trip is counted once, not per parent;
// - a root field runs its own SQL once.

/** One object resolved, per instance. */
export const OBJECT_COST = 1;

/** One batched DataLoader round trip (or a root field's own query), counted once per query path. */
export const ROUND_TRIP_COST = 10;

/** Fields resolved through a DataLoader (`Type.field`): their round trip is counted once per query path. */
export const BATCHED_FIELDS: ReadonlySet<string> = new Set([
  'BookingPage.owner',
  'BookingPage.members',
  'BookingPage.locations',
  'BookingPage.eligibleHosts',
  'Reason.user',
  'Reason.connections',
  'RemediationOption.host',
  'RemediationAction.connection',
  'RemediationAction.user',
  'BookingPageWarning.users',
  'User.connections',
  'Connection.user',
  'Connection.affectedBookingPages',
  'AuthorizationSession.connection',
  'Event.connection',
  'Event.page',
  'Event.user',
  'ConnectionStatusEvent.connection',
  'BookingPageStateEvent.page',
]);
