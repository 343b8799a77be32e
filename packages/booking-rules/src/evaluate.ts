import {
  CALENDAR_CONNECTED_BITS,
  CALENDAR_ERROR_BITS,
  CONNECTION_KIND,
  compareIds,
  connectionMask,
  groupConnectionsByUser,
  isCalendarUsableMask,
  isConnectionList,
  locationRequiredBit,
  PROVIDER_BIT,
} from './connections.js';
import {
  anyMemberPlan,
  type CalendarErrors,
  type LocationNeeds,
  memberCalendarErrors,
  ownerLocationReason,
  ownerLocationStep,
} from './plan.js';
import type {
  AppliedRule,
  BookingPageEvaluation,
  BookingPageInput,
  BookingPageState,
  ConnectionInput,
  ConnectionSource,
  ConnectionsByUser,
  DisableReason,
  EvaluationWarning,
  LocationInput,
  RemediationStep,
} from './types.js';
import { ENTRY_MASK, entryIndex, UserTable } from './user-table.js';

// Shared, frozen empties: an ACTIVE page's evaluation allocates only what is specific to it.
const EMPTY: readonly never[] = Object.freeze([]);
const NO_CONNECTIONS: readonly ConnectionInput[] = EMPTY;

/**
 * Decides whether a booking page accepts bookings, why not, the plan that re-enables it, and who may host.
 * `connections` holds the connections of every user the page involves (others are ignored): the raw list, which is
 * scanned per call, or the `groupConnectionsByUser` map, which is only looked up. For many pages use `evaluateAll`.
 */
export function evaluateBookingPage(
  page: BookingPageInput,
  connections: ConnectionSource,
): BookingPageEvaluation {
  return evaluatePage(page, isConnectionList(connections) ? groupInvolved(page, connections) : connections);
}

function groupInvolved(page: BookingPageInput, connections: readonly ConnectionInput[]): ConnectionsByUser {
  const involved = new Set(page.memberIds).add(page.ownerId);
  return groupConnectionsByUser(connections.filter((c) => involved.has(c.userId)));
}

/** Evaluates every page against one interning of the connections; results in the order of `pages`. */
export function evaluateAll(
  pages: readonly BookingPageInput[],
  connections: ConnectionSource,
): BookingPageEvaluation[] {
  const table = UserTable.from(connections);
  const evaluations = new Array<BookingPageEvaluation>(pages.length);
  for (let i = 0; i < pages.length; i++) evaluations[i] = evaluatePage(pages[i]!, table);
  return evaluations;
}

// A page's decision packed in a byte (see BookingPageDecisions): state, rule, and where its eligible hosts are.
export const DECIDED_STATE_BITS = 3;
export const DECIDED_DISABLED = 1;
export const DECIDED_INACTIVE = 2;
export const DECIDED_ANY_MEMBER = 4;
/** No eligible host. Without this bit or HOSTS_DEFERRED, the eligible hosts are the page's distinct members. */
export const DECIDED_NO_HOSTS = 8;
/** Some members are hosts (ANY_MEMBER), or the page is INACTIVE: the full evaluation says which. */
export const DECIDED_HOSTS_DEFERRED = 16;

/**
 * Decides a page's state, rule and kind of eligible hosts with no allocation, from the same decision steps as
 * `evaluatePage`. `gathered[offset…]` holds the table entries of the page's `memberIds`, looked up beforehand
 * (see `decideAll`). An INACTIVE page is decided without reading connections at all (it has no entries there).
 */
export function decidePage(
  page: BookingPageInput,
  table: UserTable,
  gathered: Float64Array,
  offset: number,
): number {
  if (!page.enabled) {
    const n = page.memberIds.length;
    const rule = appliedRule(page, n > 1 ? distinctMembers(page.memberIds).length : n);
    return DECIDED_INACTIVE | DECIDED_HOSTS_DEFERRED | (rule === 'ANY_MEMBER' ? DECIDED_ANY_MEMBER : 0);
  }
  const members = loadGathered(page, table, gathered, offset);
  const n = members.length;
  loadLocationNeeds(page.locations);
  if (appliedRule(page, n) === 'ALL_MEMBERS') {
    return decideAllMembers(page, members, table) ? DECIDED_DISABLED | DECIDED_NO_HOSTS : 0;
  }
  if (decideAnyMember(n)) return DECIDED_ANY_MEMBER | DECIDED_DISABLED | DECIDED_NO_HOSTS;
  return eligibleCount === n ? DECIDED_ANY_MEMBER : DECIDED_ANY_MEMBER | DECIDED_HOSTS_DEFERRED;
}

function growScratch(n: number): void {
  memberEntries = new Float64Array(n * 2);
  memberMasks = new Int32Array(n * 2);
}

/** Page member ids without repeats, in first-seen order; the page's own array when it has none. */
export function distinctMembers(memberIds: readonly string[]): readonly string[] {
  const n = memberIds.length;
  if (n > 16) {
    const distinct = new Set(memberIds);
    return distinct.size === n ? memberIds : [...distinct];
  }
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) if (memberIds[i] === memberIds[j]) return [...new Set(memberIds)];
  }
  return memberIds;
}

/** ALL_MEMBERS rules also govern single-member pages, whatever their mode. */
export function appliedRule(page: BookingPageInput, distinctMemberCount: number): AppliedRule {
  return page.mode === 'ANY_MEMBER' && distinctMemberCount !== 1 ? 'ANY_MEMBER' : 'ALL_MEMBERS';
}

// Scratch state of the page being evaluated, reused across calls (evaluation is synchronous and never re-entered):
// per-member table entries and masks, and the page's location needs. A healthy page allocates only its result.
let memberEntries = new Float64Array(32);
let memberMasks = new Int32Array(32);
let hasLocations = false;
let hasFree = false;
let needBits = 0;

/** What evaluation reads connections from: the interned table (bulk) or a user → connections map. */
export type EvaluationSource = UserTable | ConnectionsByUser;

export function evaluatePage(page: BookingPageInput, source: EvaluationSource): BookingPageEvaluation {
  const members = loadMembers(page, source);
  return evaluateMasked(page, members, members.length, source);
}

/**
 * Loads the masks (and, from a table, the entries) of the page's distinct members into the scratch arrays and
 * returns those members: the page's own array when it has no repeats.
 */
function loadMembers(page: BookingPageInput, source: EvaluationSource): readonly string[] {
  let members = page.memberIds;
  let n = members.length;
  if (memberMasks.length < n) growScratch(n);
  if (source instanceof UserTable) {
    for (let i = 0; i < n; i++) {
      const entry = source.entryOf(members[i]!);
      memberEntries[i] = entry;
      memberMasks[i] = entry & ENTRY_MASK;
    }
    if (n > 1 && hasRepeatedMember(members, n)) {
      members = distinctMembers(members);
      n = members.length;
      for (let i = 0; i < n; i++) {
        const entry = source.entryOf(members[i]!);
        memberEntries[i] = entry;
        memberMasks[i] = entry & ENTRY_MASK;
      }
    }
    return members;
  }
  members = distinctMembers(members);
  n = members.length;
  for (let i = 0; i < n; i++) memberMasks[i] = connectionMask(source.get(members[i]!));
  return members;
}

/** `loadMembers` from entries looked up beforehand; a page with repeated members looks its distinct ones up again. */
function loadGathered(
  page: BookingPageInput,
  table: UserTable,
  gathered: Float64Array,
  offset: number,
): readonly string[] {
  const members = page.memberIds;
  const n = members.length;
  if (memberMasks.length < n) growScratch(n);
  for (let i = 0; i < n; i++) {
    const entry = gathered[offset + i]!;
    memberEntries[i] = entry;
    memberMasks[i] = entry & ENTRY_MASK;
  }
  return n > 1 && hasRepeatedMember(members, n) ? loadMembers(page, table) : members;
}

/** Evaluates the page from its distinct `members` and their masks, already in `memberMasks`. */
function evaluateMasked(
  page: BookingPageInput,
  members: readonly string[],
  n: number,
  source: EvaluationSource,
): BookingPageEvaluation {
  loadLocationNeeds(page.locations);
  return appliedRule(page, n) === 'ALL_MEMBERS'
    ? evaluateAllMembers(page, members, source)
    : evaluateAnyMember(page, members, source);
}

function loadLocationNeeds(locations: readonly LocationInput[]): void {
  hasLocations = locations.length > 0;
  hasFree = false;
  needBits = 0;
  for (let i = 0; i < locations.length; i++) {
    const bit = locationRequiredBit(locations[i]!.type);
    if (bit === 0) hasFree = true;
    else needBits |= bit;
  }
}

/** Compares table entries, not strings; only members the table does not know fall back to strings. */
function hasRepeatedMember(members: readonly string[], n: number): boolean {
  for (let i = 1; i < n; i++) {
    const entry = memberEntries[i]!;
    for (let j = 0; j < i; j++) {
      if (memberEntries[j] === entry && (entry >= 0 || members[i] === members[j])) return true;
    }
  }
  return false;
}

function locationNeeds(): LocationNeeds {
  return { hasLocations, hasFree, needBits };
}

function locationUsable(mask: number): boolean {
  return !hasLocations || hasFree || (needBits & mask) !== 0;
}

function stateOf(page: BookingPageInput, disabled: boolean): BookingPageState {
  return !page.enabled ? 'INACTIVE' : disabled ? 'DISABLED_CONNECTION_ERROR' : 'ACTIVE';
}

function evaluation(
  page: BookingPageInput,
  rule: AppliedRule,
  reasons: readonly DisableReason[],
  plan: BookingPageEvaluation['plan'],
  eligibleHostIds: readonly string[],
  usableLocationIds: readonly string[],
  warnings: readonly EvaluationWarning[],
): BookingPageEvaluation {
  const state = stateOf(page, reasons.length > 0);
  return {
    pageId: page.id,
    rule,
    state,
    acceptingBookings: state === 'ACTIVE',
    reasons,
    plan,
    eligibleHostIds,
    usableLocationIds,
    warnings,
  };
}

// Result arrays are allocated at their exact size: arrays grown by push keep spare capacity, which adds up.
function usableLocationIds(locations: readonly LocationInput[], connectedBits: number): readonly string[] {
  let count = 0;
  for (let i = 0; i < locations.length; i++) if (usableWith(locations[i]!, connectedBits)) count++;
  if (count === 0) return EMPTY;
  const ids = new Array<string>(count);
  for (let i = 0, at = 0; at < count; i++) {
    const location = locations[i]!;
    if (usableWith(location, connectedBits)) ids[at++] = location.id;
  }
  return ids;
}

function usableWith(location: LocationInput, connectedBits: number): boolean {
  const bit = locationRequiredBit(location.type);
  return bit === 0 || (bit & connectedBits) !== 0;
}

// What the decision steps found, read by the evaluation that follows them (and by nothing else).
let erroredMembers = 0;
let withoutCalendar = 0;
let ownerLocationUsable = true;
let ownerMask = 0;
let eligibleCount = 0;
let eligibleBits = 0;
let someCalendarUsable = false;
let someLocationUsable = false;

/** ALL_MEMBERS: whether a reason holds (a member calendar in error, or no page location usable for the owner). */
function decideAllMembers(
  page: BookingPageInput,
  members: readonly string[],
  source: EvaluationSource,
): boolean {
  erroredMembers = 0;
  withoutCalendar = 0;
  for (let i = 0; i < members.length; i++) {
    const mask = memberMasks[i]!;
    if ((mask & CALENDAR_ERROR_BITS) !== 0) erroredMembers++;
    else if ((mask & CALENDAR_CONNECTED_BITS) === 0) withoutCalendar++;
  }
  ownerLocationUsable = true;
  if (hasLocations) {
    // The owner need not be a member: then only the location rule looks at them.
    ownerMask = ownerMaskOf(page.ownerId, members, source);
    ownerLocationUsable = locationUsable(ownerMask);
  }
  return erroredMembers > 0 || !ownerLocationUsable;
}

/** ANY_MEMBER: whether no member is an eligible host (calendar usable and some page location usable). */
function decideAnyMember(n: number): boolean {
  eligibleCount = 0;
  eligibleBits = 0;
  someCalendarUsable = false;
  someLocationUsable = false;
  for (let i = 0; i < n; i++) {
    const mask = memberMasks[i]!;
    const calendar = isCalendarUsableMask(mask);
    const location = locationUsable(mask);
    if (calendar) someCalendarUsable = true;
    if (location) someLocationUsable = true;
    if (calendar && location) {
      eligibleCount++;
      eligibleBits |= mask;
    }
  }
  return eligibleCount === 0;
}

function evaluateAllMembers(
  page: BookingPageInput,
  members: readonly string[],
  source: EvaluationSource,
): BookingPageEvaluation {
  const disabled = decideAllMembers(page, members, source);
  const locationIds =
    hasLocations && ownerLocationUsable ? usableLocationIds(page.locations, ownerMask) : EMPTY;
  if (!disabled) {
    const warnings = withoutCalendar === 0 ? EMPTY : [membersWithoutCalendar(members, withoutCalendar)];
    return evaluation(page, 'ALL_MEMBERS', EMPTY, EMPTY, members, locationIds, warnings);
  }
  return disabledAllMembers(page, members, source, erroredMembers, ownerLocationUsable, locationIds);
}

// The errored members' calendar reasons and steps, gathered before the exact-size result arrays are allocated.
let erroredScratch: CalendarErrors[] = [];

/** One reason and one plan step per errored member calendar (members in order), then the owner's location. */
function disabledAllMembers(
  page: BookingPageInput,
  members: readonly string[],
  source: EvaluationSource,
  erroredMembers: number,
  ownerLocationUsable: boolean,
  locationIds: readonly string[],
): BookingPageEvaluation {
  if (erroredScratch.length < erroredMembers) erroredScratch = new Array<CalendarErrors>(erroredMembers * 2);
  let count = ownerLocationUsable ? 0 : 1;
  for (let i = 0, at = 0; at < erroredMembers; i++) {
    if ((memberMasks[i]! & CALENDAR_ERROR_BITS) === 0) continue;
    const errors =
      source instanceof UserTable
        ? source.calendarErrorsAt(entryIndex(memberEntries[i]!))
        : memberCalendarErrors(members[i]!, source.get(members[i]!) ?? NO_CONNECTIONS, false);
    erroredScratch[at++] = errors;
    count += errors.reasons.length;
  }
  const reasons = new Array<DisableReason>(count);
  const plan = new Array<RemediationStep>(count);
  let at = 0;
  for (let e = 0; e < erroredMembers; e++) {
    const errors = erroredScratch[e]!;
    erroredScratch[e] = NO_ERRORS;
    for (let r = 0; r < errors.reasons.length; r++, at++) {
      reasons[at] = errors.reasons[r]!;
      plan[at] = errors.steps[r]!;
    }
  }
  if (!ownerLocationUsable) {
    const needs = locationNeeds();
    reasons[at] = ownerLocationReason(page.ownerId, source, needs);
    plan[at] = ownerLocationStep(page.ownerId, members, source, needs);
  }
  return evaluation(page, 'ALL_MEMBERS', reasons, plan, EMPTY, locationIds, EMPTY);
}

const NO_ERRORS: CalendarErrors = Object.freeze({ reasons: EMPTY, steps: EMPTY });

function ownerMaskOf(ownerId: string, members: readonly string[], source: EvaluationSource): number {
  for (let i = 0; i < members.length; i++) if (members[i] === ownerId) return memberMasks[i]!;
  return source instanceof UserTable ? source.maskOf(ownerId) : connectionMask(source.get(ownerId));
}

function membersWithoutCalendar(members: readonly string[], count: number): EvaluationWarning {
  const userIds = new Array<string>(count);
  for (let i = 0, at = 0; at < count; i++) {
    if ((memberMasks[i]! & CALENDAR_CONNECTED_BITS) === 0) userIds[at++] = members[i]!;
  }
  return { kind: 'MEMBERS_WITHOUT_CALENDAR', userIds, memberCount: members.length };
}

function evaluateAnyMember(
  page: BookingPageInput,
  members: readonly string[],
  table: EvaluationSource,
): BookingPageEvaluation {
  const n = members.length;
  decideAnyMember(n);
  if (eligibleCount > 0) {
    const locationIds = usableLocationIds(page.locations, eligibleBits);
    if (eligibleCount === n) return evaluation(page, 'ANY_MEMBER', EMPTY, EMPTY, members, locationIds, EMPTY);
    const eligible = new Array<string>(eligibleCount);
    const unavailable = new Array<string>(n - eligibleCount);
    for (let i = 0, e = 0, u = 0; i < n; i++) {
      const mask = memberMasks[i]!;
      if (isCalendarUsableMask(mask) && locationUsable(mask)) eligible[e++] = members[i]!;
      else unavailable[u++] = members[i]!;
    }
    const warning: EvaluationWarning = { kind: 'HOSTS_UNAVAILABLE', userIds: unavailable, memberCount: n };
    return evaluation(page, 'ANY_MEMBER', EMPTY, EMPTY, eligible, locationIds, [warning]);
  }

  const calendarIds: string[] = [];
  const locationIds: string[] = [];
  for (const member of members) {
    for (const c of table.get(member) ?? NO_CONNECTIONS) {
      if (c.status !== 'ERROR') continue;
      if (CONNECTION_KIND[c.provider] === 'CALENDAR') calendarIds.push(c.id);
      if ((PROVIDER_BIT[c.provider] & needBits) !== 0) locationIds.push(c.id);
    }
  }
  calendarIds.sort(compareIds);
  locationIds.sort(compareIds);
  const reasons: DisableReason[] = [];
  if (!someCalendarUsable) reasons.push({ kind: 'NO_MEMBER_CALENDAR_AVAILABLE', connectionIds: calendarIds });
  if (!someLocationUsable && hasLocations) {
    reasons.push({ kind: 'NO_MEMBER_LOCATION_AVAILABLE', connectionIds: locationIds });
  }
  if (someCalendarUsable && someLocationUsable) {
    const both = [...new Set([...calendarIds, ...locationIds])].sort(compareIds);
    reasons.push({ kind: 'NO_ELIGIBLE_HOST', connectionIds: both });
  }
  const plan = anyMemberPlan(members, table, locationNeeds(), someCalendarUsable);
  return evaluation(page, 'ANY_MEMBER', reasons, plan, EMPTY, EMPTY, EMPTY);
}
