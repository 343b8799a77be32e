import { isConnectionList, LOCATION_REQUIRED_PROVIDER, RESTORE_ACTION } from './connections.js';
import { appliedRule, distinctMembers } from './evaluate.js';
import type {
  BookingPageInput,
  ConnectionInput,
  ConnectionSource,
  LocationInput,
  LocationType,
  RemediationAction,
} from './types.js';

export interface RemediatedWorld {
  readonly page: BookingPageInput;
  readonly connections: ConnectionInput[];
}

/**
 * What the world looks like once a person has done `actions` — the semantics the plan's laws are stated in.
 * Order-independent, as if done in this order: every UNLINK (status DISCONNECTED), every RECONNECT and
 * FIX_INTEROP_SETTINGS (status CONNECTED: the account signed in again, or the organization's Interop settings fixed
 * so the Exchange calendar's next probe passes; either way unlinking and restoring one account leaves it relinked),
 * REMOVE_ALL_LOCATIONS, then
 * ADD_VALID_LOCATION (appends one IN_PERSON location), then CHANGE_OWNER (the last one given wins).
 * It models the actions only; follow-ups such as `removeLocationsForUnlinkedConnection` are the caller's.
 * Throws on an action that names a connection not in `connections` or lacks its id: that is a bug.
 */
export function applyRemediation(
  page: BookingPageInput,
  connections: readonly ConnectionInput[],
  actions: readonly RemediationAction[],
): RemediatedWorld {
  const reconnected = new Set<string>();
  const unlinked = new Set<string>();
  let removeAll = false;
  let addLocation = false;
  let ownerId = page.ownerId;
  for (const action of actions) {
    switch (action.kind) {
      case 'RECONNECT':
      case 'FIX_INTEROP_SETTINGS':
      case 'UNLINK': {
        const id = action.connectionId;
        if (id === undefined) throw new TypeError(`${action.kind} needs a connectionId`);
        const connection = connections.find((c) => c.id === id);
        if (connection === undefined) throw new RangeError(`${action.kind}: unknown connection "${id}"`);
        if (action.kind !== 'UNLINK' && RESTORE_ACTION[connection.provider] !== action.kind) {
          // The action a person could not perform: startReconnect refuses EXCHANGE, Interop settings fix no OAuth.
          throw new RangeError(`${action.kind} cannot restore a ${connection.provider} connection`);
        }
        (action.kind === 'UNLINK' ? unlinked : reconnected).add(id);
        break;
      }
      case 'ADD_VALID_LOCATION':
        addLocation = true;
        break;
      case 'REMOVE_ALL_LOCATIONS':
        removeAll = true;
        break;
      case 'CHANGE_OWNER':
        if (action.userId === undefined) throw new TypeError('CHANGE_OWNER needs a userId');
        ownerId = action.userId;
        break;
      default:
        throw new TypeError(`unknown remediation action "${String((action as { kind: unknown }).kind)}"`);
    }
  }

  const nextConnections = connections.map((c): ConnectionInput => {
    const status = reconnected.has(c.id) ? 'CONNECTED' : unlinked.has(c.id) ? 'DISCONNECTED' : c.status;
    return status === c.status ? c : { ...c, status };
  });
  let locations: readonly LocationInput[] = removeAll ? [] : page.locations;
  if (addLocation) locations = [...locations, { id: freshLocationId(page.id, locations), type: 'IN_PERSON' }];
  const changed = locations !== page.locations || ownerId !== page.ownerId;
  return { page: changed ? { ...page, ownerId, locations } : page, connections: nextConnections };
}

function freshLocationId(pageId: string, locations: readonly LocationInput[]): string {
  const base = `${pageId}:in-person`;
  let id = base;
  for (let n = 2; locations.some((l) => l.id === id); n++) id = `${base}-${n}`;
  return id;
}

export interface RemovedLocation {
  readonly pageId: string;
  readonly locationId: string;
  readonly locationType: LocationType;
  /** The unlinked connection the location depended on (for the page history). */
  readonly connectionId: string;
}

export interface LocationRemoval {
  /** The pages that lost a location, updated, in input order. Other pages are unchanged. */
  readonly pages: BookingPageInput[];
  readonly removed: RemovedLocation[];
}

/**
 * DESIGN §2: unlinking a location connection removes the locations that depended on it from that owner's
 * ALL_MEMBERS pages. A ZOOM or MICROSOFT_TEAMS location depends on the owner's connection of that provider, and a
 * GOOGLE_MEET location on the owner's Google Calendar connection — but only while the owner has no other linked
 * (CONNECTED or ERROR) account of that provider; an errored one can still be reconnected. ANY_MEMBER pages keep their
 * locations (other members may host them). `connections` are the owner's, before or after the unlink.
 * Removing locations that the owner cannot use never disables a page, so callers may apply it freely.
 */
export function removeLocationsForUnlinkedConnection(
  unlinkedConnection: ConnectionInput,
  pages: Iterable<BookingPageInput>,
  connections: ConnectionSource,
): LocationRemoval {
  const result: LocationRemoval = { pages: [], removed: [] };
  const provider = unlinkedConnection.provider;
  const ownerId = unlinkedConnection.userId;
  const served = (Object.keys(LOCATION_REQUIRED_PROVIDER) as LocationType[]).filter(
    (type) => LOCATION_REQUIRED_PROVIDER[type] === provider,
  );
  if (served.length === 0) return result;
  const owned = isConnectionList(connections)
    ? connections.filter((c) => c.userId === ownerId)
    : (connections.get(ownerId) ?? []);
  const stillLinked = owned.some(
    (c) => c.id !== unlinkedConnection.id && c.provider === provider && c.status !== 'DISCONNECTED',
  );
  if (stillLinked) return result;

  for (const page of pages) {
    if (page.ownerId !== ownerId) continue;
    if (appliedRule(page, distinctMembers(page.memberIds).length) !== 'ALL_MEMBERS') continue;
    const kept = page.locations.filter((l) => !served.includes(l.type));
    if (kept.length === page.locations.length) continue;
    for (const location of page.locations) {
      if (!served.includes(location.type)) continue;
      result.removed.push({
        pageId: page.id,
        locationId: location.id,
        locationType: location.type,
        connectionId: unlinkedConnection.id,
      });
    }
    result.pages.push({ ...page, locations: kept });
  }
  return result;
}
