// Remediation plans. Only pages with a reason get here, so clarity wins over allocation counts.
import {
  CALENDAR_CONNECTED_BITS,
  CONNECTION_KIND,
  compareIds,
  connectionMask,
  PROVIDER_BIT,
} from './connections.js';
import type {
  ConnectionInput,
  DisableReason,
  RemediationAction,
  RemediationActionKind,
  RemediationOption,
  RemediationPlan,
  RemediationStep,
} from './types.js';
import type { ConnectionLookup } from './user-table.js';

const NO_CONNECTIONS: readonly ConnectionInput[] = Object.freeze([]);

/** The page's locations reduced to what usability needs. */
export interface LocationNeeds {
  readonly hasLocations: boolean;
  /** Some location needs no connection (IN_PERSON, PHONE, CUSTOM_URL): usable for everyone. */
  readonly hasFree: boolean;
  /** Provider bits of the connections that would serve a page location. */
  readonly needBits: number;
}

export const ADD_VALID_LOCATION: RemediationAction = Object.freeze({ kind: 'ADD_VALID_LOCATION' });
export const REMOVE_ALL_LOCATIONS: RemediationAction = Object.freeze({ kind: 'REMOVE_ALL_LOCATIONS' });

export function reconnect(connection: ConnectionInput): RemediationAction {
  return {
    kind: 'RECONNECT',
    connectionId: connection.id,
    userId: connection.userId,
    provider: connection.provider,
  };
}

export function unlink(connection: ConnectionInput): RemediationAction {
  return {
    kind: 'UNLINK',
    connectionId: connection.id,
    userId: connection.userId,
    provider: connection.provider,
  };
}

export function changeOwner(userId: string): RemediationAction {
  return { kind: 'CHANGE_OWNER', userId };
}

const ACTION_RANK: Readonly<Record<RemediationActionKind, number>> = {
  RECONNECT: 0,
  UNLINK: 1,
  ADD_VALID_LOCATION: 2,
  REMOVE_ALL_LOCATIONS: 3,
  CHANGE_OWNER: 4,
};

/** Actions by kind (RECONNECT, UNLINK, ADD_VALID_LOCATION, REMOVE_ALL_LOCATIONS, CHANGE_OWNER), then ids. */
export function compareActions(a: RemediationAction, b: RemediationAction): number {
  return (
    ACTION_RANK[a.kind] - ACTION_RANK[b.kind] ||
    compareIds(a.connectionId ?? '', b.connectionId ?? '') ||
    compareIds(a.userId ?? '', b.userId ?? '')
  );
}

/** Fewer actions first, then action by action. */
export function compareOptions(a: RemediationOption, b: RemediationOption): number {
  if (a.actions.length !== b.actions.length) return a.actions.length - b.actions.length;
  for (let i = 0; i < a.actions.length; i++) {
    const order = compareActions(a.actions[i]!, b.actions[i]!);
    if (order !== 0) return order;
  }
  return compareIds(a.hostId ?? '', b.hostId ?? '');
}

function option(actions: RemediationAction[], hostId?: string): RemediationOption {
  actions.sort(compareActions);
  return hostId === undefined ? { actions } : { hostId, actions };
}

function erroredCalendars(connections: readonly ConnectionInput[]): ConnectionInput[] {
  return connections
    .filter((c) => c.status === 'ERROR' && CONNECTION_KIND[c.provider] === 'CALENDAR')
    .sort((a, b) => compareIds(a.id, b.id));
}

/** The owner's (or a member's) errored connections that would serve one of the page's locations. */
export function erroredServingConnections(
  connections: readonly ConnectionInput[],
  needBits: number,
): ConnectionInput[] {
  return connections
    .filter((c) => c.status === 'ERROR' && (PROVIDER_BIT[c.provider] & needBits) !== 0)
    .sort((a, b) => compareIds(a.id, b.id));
}

/**
 * ALL_MEMBERS: one step per reason, one action per option (the seed's list).
 * Steps never conflict because `applyRemediation` lets RECONNECT win over UNLINK of the same connection:
 * the owner's errored Google account can be both a calendar step (reconnect / unlink) and the Meet location's fix.
 */
export function allMembersPlan(
  reasons: readonly DisableReason[],
  ownerId: string,
  members: readonly string[],
  byUser: ConnectionLookup,
  needs: LocationNeeds,
): RemediationPlan {
  const steps: RemediationStep[] = [];
  for (const reason of reasons) {
    if (reason.kind === 'MEMBER_CALENDAR_ERROR') {
      const connectionId = reason.connectionIds[0]!;
      const connection = (byUser.get(reason.userId!) ?? NO_CONNECTIONS).find((c) => c.id === connectionId)!;
      steps.push({
        goal: 'CLEAR_CALENDAR_ERROR',
        connectionId,
        options: [option([reconnect(connection)]), option([unlink(connection)])],
      });
    } else {
      const owned = byUser.get(ownerId) ?? NO_CONNECTIONS;
      const options = erroredServingConnections(owned, needs.needBits).map((c) => option([reconnect(c)]));
      options.push(option([ADD_VALID_LOCATION]), option([REMOVE_ALL_LOCATIONS]));
      for (const member of members) {
        if (member === ownerId) continue;
        if ((connectionMask(byUser.get(member)) & needs.needBits) !== 0)
          options.push(option([changeOwner(member)]));
      }
      steps.push({ goal: 'RESTORE_OWNER_LOCATION', options: options.sort(compareOptions) });
    }
  }
  return steps;
}

/**
 * The minimal ways to make one member's calendar usable ([[]] when it already is, [] when nothing in the
 * vocabulary can: no calendar linked at all). Curated rather than exhaustive: reconnect every errored account;
 * or, with another calendar working, unlink them all; or, with none working, keep one and unlink the rest.
 */
export function calendarFixes(connections: readonly ConnectionInput[]): RemediationAction[][] {
  const errored = erroredCalendars(connections);
  const workingCalendars = connectionMask(connections) & CALENDAR_CONNECTED_BITS;
  if (errored.length === 0) return workingCalendars !== 0 ? [[]] : [];
  const fixes = [errored.map(reconnect)];
  if (workingCalendars !== 0) fixes.push(errored.map(unlink));
  else if (errored.length >= 2) {
    for (const kept of errored) fixes.push(errored.map((c) => (c === kept ? reconnect(c) : unlink(c))));
  }
  return fixes;
}

/** Connected-provider bits once the actions are applied (RECONNECT wins over UNLINK, as in applyRemediation). */
function connectedBitsAfter(
  connections: readonly ConnectionInput[],
  actions: readonly RemediationAction[],
): number {
  let bits = 0;
  for (const c of connections) {
    const reconnected = actions.some((a) => a.kind === 'RECONNECT' && a.connectionId === c.id);
    if (c.status === 'CONNECTED' || reconnected) bits |= PROVIDER_BIT[c.provider];
  }
  return bits;
}

/**
 * ANY_MEMBER: one step, "make some member eligible", one option per way of fixing one member.
 * When some member's calendar already works, adding a valid location or removing all locations alone makes that
 * member eligible, so those page-wide options appear once and never inside a member's option (that would not be
 * minimal). Options touching only member m's connections cannot help any other member, which keeps them minimal.
 */
export function anyMemberPlan(
  members: readonly string[],
  byUser: ConnectionLookup,
  needs: LocationNeeds,
  someCalendarUsable: boolean,
): RemediationPlan {
  const options: RemediationOption[] = [];
  const locationsBlock = needs.hasLocations && !needs.hasFree;
  if (someCalendarUsable && locationsBlock) {
    options.push(option([ADD_VALID_LOCATION]), option([REMOVE_ALL_LOCATIONS]));
  }
  for (const member of members) {
    const connections = byUser.get(member) ?? NO_CONNECTIONS;
    for (const fix of calendarFixes(connections)) {
      if (!locationsBlock || (connectedBitsAfter(connections, fix) & needs.needBits) !== 0) {
        if (fix.length > 0) options.push(option(fix, member));
        continue;
      }
      for (const c of connections) {
        const untouched = !fix.some((a) => a.connectionId === c.id);
        if (untouched && c.status === 'ERROR' && (PROVIDER_BIT[c.provider] & needs.needBits) !== 0) {
          options.push(option([...fix, reconnect(c)], member));
        }
      }
      if (!someCalendarUsable) {
        options.push(
          option([...fix, ADD_VALID_LOCATION], member),
          option([...fix, REMOVE_ALL_LOCATIONS], member),
        );
      }
    }
  }
  return [{ goal: 'MAKE_SOME_MEMBER_ELIGIBLE', options: dedupe(options.sort(compareOptions)) }];
}

function optionKey(o: RemediationOption): string {
  return o.actions.map((a) => `${a.kind}:${a.connectionId ?? ''}:${a.userId ?? ''}`).join('|');
}

function dedupe(sorted: RemediationOption[]): RemediationOption[] {
  const seen = new Set<string>();
  return sorted.filter((o) => {
    const key = `${optionKey(o)}#${o.hostId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
