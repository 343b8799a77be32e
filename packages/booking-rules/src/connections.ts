import type {
  ConnectionInput,
  ConnectionKind,
  ConnectionSource,
  ConnectionsByUser,
  LocationType,
  Provider,
} from './types.js';

export const CONNECTION_KIND: Readonly<Record<Provider, ConnectionKind>> = {
  GOOGLE_CALENDAR: 'CALENDAR',
  MICROSOFT_CALENDAR: 'CALENDAR',
  EXCHANGE: 'CALENDAR',
  ZOOM: 'LOCATION',
  MICROSOFT_TEAMS: 'LOCATION',
};

export function connectionKind(provider: Provider): ConnectionKind {
  return CONNECTION_KIND[provider];
}

/** The connection a location rides on: Google Meet links are created through the Google Calendar API. */
export const LOCATION_REQUIRED_PROVIDER: Readonly<Record<LocationType, Provider | null>> = {
  ZOOM: 'ZOOM',
  MICROSOFT_TEAMS: 'MICROSOFT_TEAMS',
  GOOGLE_MEET: 'GOOGLE_CALENDAR',
  IN_PERSON: null,
  PHONE: null,
  CUSTOM_URL: null,
};

/** Google and Microsoft accounts are reconnected one by one (a user may link several); Zoom and Teams per user. */
export const RECONNECT_SCOPE: Readonly<Record<Provider, 'ACCOUNT' | 'USER'>> = {
  GOOGLE_CALENDAR: 'ACCOUNT',
  MICROSOFT_CALENDAR: 'ACCOUNT',
  EXCHANGE: 'ACCOUNT',
  ZOOM: 'USER',
  MICROSOFT_TEAMS: 'USER',
};

/**
 * How an errored connection of each provider is brought back. Google, Microsoft, Zoom and Teams accounts go
 * through OAuth again (RECONNECT); an EXCHANGE calendar is read through the organization's Calendar Interop
 * settings and has no per-user sign-in (`startReconnect` refuses it with NOT_OAUTH), so an administrator fixes
 * those settings (FIX_INTEROP_SETTINGS), after which the connection is probed again.
 */
export const RESTORE_ACTION: Readonly<Record<Provider, 'RECONNECT' | 'FIX_INTEROP_SETTINGS'>> = {
  GOOGLE_CALENDAR: 'RECONNECT',
  MICROSOFT_CALENDAR: 'RECONNECT',
  EXCHANGE: 'FIX_INTEROP_SETTINGS',
  ZOOM: 'RECONNECT',
  MICROSOFT_TEAMS: 'RECONNECT',
};

/** Groups connections by user once, so bulk evaluation does not scan every connection per page. */
export function groupConnectionsByUser(
  connections: Iterable<ConnectionInput>,
): Map<string, ConnectionInput[]> {
  const byUser = new Map<string, ConnectionInput[]>();
  for (const connection of connections) {
    const list = byUser.get(connection.userId);
    if (list === undefined) byUser.set(connection.userId, [connection]);
    else list.push(connection);
  }
  return byUser;
}

export function toConnectionsByUser(source: ConnectionSource): ConnectionsByUser {
  return isConnectionList(source) ? groupConnectionsByUser(source) : source;
}

export function isConnectionList(source: ConnectionSource): source is readonly ConnectionInput[] {
  return Array.isArray(source);
}

// A user's connections summarised as bits: bit p = a CONNECTED connection of provider p, bit p + 5 = one in ERROR.
// Evaluation of a healthy page reads nothing else, so it allocates nothing per connection.
export const PROVIDER_BIT: Readonly<Record<Provider, number>> = {
  GOOGLE_CALENDAR: 1,
  MICROSOFT_CALENDAR: 2,
  EXCHANGE: 4,
  ZOOM: 8,
  MICROSOFT_TEAMS: 16,
};
export const ERROR_SHIFT = 5;
export const CALENDAR_CONNECTED_BITS = 1 | 2 | 4;
export const CALENDAR_ERROR_BITS = CALENDAR_CONNECTED_BITS << ERROR_SHIFT;

/**
 * The provider bit a location type needs (0: none), or UNKNOWN_LOCATION_BIT for a type outside LocationType.
 * A switch on interned literals compares pointers: cheaper than a keyed property load in the hot loop.
 */
export function locationRequiredBit(type: string): number {
  switch (type) {
    case 'ZOOM':
      return PROVIDER_BIT.ZOOM;
    case 'MICROSOFT_TEAMS':
      return PROVIDER_BIT.MICROSOFT_TEAMS;
    case 'GOOGLE_MEET':
      return PROVIDER_BIT.GOOGLE_CALENDAR;
    case 'IN_PERSON':
    case 'PHONE':
    case 'CUSTOM_URL':
      return 0;
    default:
      return UNKNOWN_LOCATION_BIT;
  }
}

/** No user has this bit: a location type the engine does not know is usable by nobody. */
export const UNKNOWN_LOCATION_BIT = 1 << 30;

export function connectionMask(connections: readonly ConnectionInput[] | undefined): number {
  if (connections === undefined) return 0;
  let mask = 0;
  for (let i = 0; i < connections.length; i++) {
    const connection = connections[i]!;
    const bit = PROVIDER_BIT[connection.provider];
    if (bit === undefined) continue;
    if (connection.status === 'CONNECTED') mask |= bit;
    else if (connection.status === 'ERROR') mask |= bit << ERROR_SHIFT;
  }
  return mask;
}

export function isCalendarUsableMask(mask: number): boolean {
  return (mask & CALENDAR_CONNECTED_BITS) !== 0 && (mask & CALENDAR_ERROR_BITS) === 0;
}

/** Calendar-usable(U): at least one CONNECTED calendar connection and none in ERROR. */
export function isCalendarUsable(connections: readonly ConnectionInput[] | undefined): boolean {
  return isCalendarUsableMask(connectionMask(connections));
}

/** A location is usable for U when it needs no connection or U has a CONNECTED connection for it. */
export function isLocationUsable(
  type: LocationType,
  connections: readonly ConnectionInput[] | undefined,
): boolean {
  const required = locationRequiredBit(type);
  return required === 0 || (connectionMask(connections) & required) !== 0;
}

// ---- The integrations list (All / Connected / Not connected) ----

export type IntegrationTab = 'ALL' | 'CONNECTED' | 'NOT_CONNECTED';

export interface IntegrationRow {
  readonly provider: Provider;
  /** CONNECTION_ERROR: linked, but at least one account needs a person ("接続エラー"). */
  readonly state: 'CONNECTED' | 'CONNECTION_ERROR' | 'NOT_CONNECTED';
  /** Linked accounts (CONNECTED or ERROR), sorted. */
  readonly connectionIds: readonly string[];
  /** The accounts in connection error, sorted: what the row's "確認する" button leads to. */
  readonly errorConnectionIds: readonly string[];
  readonly tabs: readonly IntegrationTab[];
}

/**
 * One row per provider for one user's integrations list. An integration in connection error is still linked,
 * so it shows under All and Connected, flagged CONNECTION_ERROR; unlinked accounts do not count as linked.
 */
export function integrationList(
  userConnections: readonly ConnectionInput[],
  tab: IntegrationTab = 'ALL',
): IntegrationRow[] {
  const rows: IntegrationRow[] = [];
  for (const provider of Object.keys(PROVIDER_BIT) as Provider[]) {
    const linked: string[] = [];
    const errored: string[] = [];
    for (const connection of userConnections) {
      if (connection.provider !== provider || connection.status === 'DISCONNECTED') continue;
      linked.push(connection.id);
      if (connection.status === 'ERROR') errored.push(connection.id);
    }
    linked.sort(compareIds);
    errored.sort(compareIds);
    const state =
      linked.length === 0 ? 'NOT_CONNECTED' : errored.length > 0 ? 'CONNECTION_ERROR' : 'CONNECTED';
    const tabs: IntegrationTab[] =
      state === 'NOT_CONNECTED' ? ['ALL', 'NOT_CONNECTED'] : ['ALL', 'CONNECTED'];
    if (tabs.includes(tab))
      rows.push({ provider, state, connectionIds: linked, errorConnectionIds: errored, tabs });
  }
  return rows;
}

/** Code-unit order: deterministic and locale-independent. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
