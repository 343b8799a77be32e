// Remediation plans. Only pages with a reason get here, so clarity wins over allocation counts.
import {
  CALENDAR_CONNECTED_BITS,
  CONNECTION_KIND,
  compareIds,
  connectionMask,
  PROVIDER_BIT,
  RESTORE_ACTION,
} from './connections.js';
import type {
  ConnectionInput,
  DisableReason,
  RemediationAction,
  RemediationActionKind,
  RemediationOption,
  RemediationPerformer,
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

/** Brings an errored connection back: RECONNECT through OAuth, or the Interop settings fix for EXCHANGE. */
export function reconnect(connection: ConnectionInput): RemediationAction {
  const kind = RESTORE_ACTION[connection.provider];
  const action: RemediationAction = {
    kind,
    connectionId: connection.id,
    userId: connection.userId,
    provider: connection.provider,
  };
  return kind === 'FIX_INTEROP_SETTINGS' && connection.errorSubReason !== undefined
    ? { ...action, check: connection.errorSubReason }
    : action;
}

/** Who can perform each action: the connection's user, the page's owner, or only an organization admin. */
export const ACTION_PERFORMER: Readonly<Record<RemediationActionKind, RemediationPerformer>> = {
  RECONNECT: 'CONNECTION_OWNER',
  FIX_INTEROP_SETTINGS: 'ORGANIZATION_ADMIN',
  UNLINK: 'CONNECTION_OWNER',
  ADD_VALID_LOCATION: 'PAGE_OWNER',
  REMOVE_ALL_LOCATIONS: 'PAGE_OWNER',
  CHANGE_OWNER: 'PAGE_OWNER',
};

/** Actions that bring a connection back to CONNECTED. */
export function restores(action: RemediationAction): boolean {
  return action.kind === 'RECONNECT' || action.kind === 'FIX_INTEROP_SETTINGS';
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
  FIX_INTEROP_SETTINGS: 1,
  UNLINK: 2,
  ADD_VALID_LOCATION: 3,
  REMOVE_ALL_LOCATIONS: 4,
  CHANGE_OWNER: 5,
};

/** Actions by kind (in REMEDIATION_ACTION_KINDS order), then ids. */
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

/** A member's errored calendars, sorted by id: one MEMBER_CALENDAR_ERROR reason and one plan step each. */
export interface CalendarErrors {
  readonly reasons: readonly DisableReason[];
  readonly steps: readonly RemediationStep[];
}

/**
 * ALL_MEMBERS, MEMBER_CALENDAR_ERROR: a reason and a step (one action per option: reconnect or unlink) per errored
 * calendar of the member. They depend on the member's connections alone, so bulk evaluation builds them once per
 * member and shares them, `frozen`, between the member's pages.
 */
export function memberCalendarErrors(
  userId: string,
  connections: readonly ConnectionInput[],
  frozen: boolean,
): CalendarErrors {
  const ids: string[] = [];
  for (const c of connections) {
    if (c.status === 'ERROR' && CONNECTION_KIND[c.provider] === 'CALENDAR') ids.push(c.id);
  }
  ids.sort(compareIds);
  const reasons = new Array<DisableReason>(ids.length);
  const steps = new Array<RemediationStep>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const connectionId = ids[i]!;
    const connection = connections.find((c) => c.id === connectionId)!;
    const reason: DisableReason = { kind: 'MEMBER_CALENDAR_ERROR', userId, connectionIds: [connectionId] };
    const step: RemediationStep = {
      goal: 'CLEAR_CALENDAR_ERROR',
      connectionId,
      options: [option([reconnect(connection)]), option([unlink(connection)])],
    };
    reasons[i] = frozen ? deepFreeze(reason) : reason;
    steps[i] = frozen ? deepFreeze(step) : step;
  }
  return frozen ? { reasons: Object.freeze(reasons), steps: Object.freeze(steps) } : { reasons, steps };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** ALL_MEMBERS, OWNER_LOCATION_ERROR: the owner's errored connections that would serve a page location. */
export function ownerLocationReason(
  ownerId: string,
  byUser: ConnectionLookup,
  needs: LocationNeeds,
): DisableReason {
  return {
    kind: 'OWNER_LOCATION_ERROR',
    userId: ownerId,
    connectionIds: erroredServingConnections(byUser.get(ownerId) ?? NO_CONNECTIONS, needs.needBits).map(
      (c) => c.id,
    ),
  };
}

/** ALL_MEMBERS, OWNER_LOCATION_ERROR: reconnect, fix the locations, or hand the page to a member who can serve one. */
export function ownerLocationStep(
  ownerId: string,
  members: readonly string[],
  byUser: ConnectionLookup,
  needs: LocationNeeds,
): RemediationStep {
  const owned = byUser.get(ownerId) ?? NO_CONNECTIONS;
  const options = erroredServingConnections(owned, needs.needBits).map((c) => option([reconnect(c)]));
  options.push(option([ADD_VALID_LOCATION]), option([REMOVE_ALL_LOCATIONS]));
  for (const member of members) {
    if (member === ownerId) continue;
    if ((connectionMask(byUser.get(member)) & needs.needBits) !== 0)
      options.push(option([changeOwner(member)]));
  }
  return { goal: 'RESTORE_OWNER_LOCATION', options: options.sort(compareOptions) };
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

/** Connected-provider bits once the actions are applied (a restore wins over UNLINK, as in applyRemediation). */
function connectedBitsAfter(
  connections: readonly ConnectionInput[],
  actions: readonly RemediationAction[],
): number {
  let bits = 0;
  for (const c of connections) {
    const reconnected = actions.some((a) => restores(a) && a.connectionId === c.id);
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
