// A deliberately plain reading of DESIGN §2, sentence by sentence: the oracle the fast evaluator is checked against
// and the baseline the benchmark measures it against. Slow on purpose; no plan.
import {
  type AppliedRule,
  type BookingPageInput,
  type BookingPageState,
  CALENDAR_PROVIDERS,
  type ConnectionInput,
  type DisableReason,
  type LocationInput,
  type Provider,
} from '../types.js';

export interface ReferenceVerdict {
  readonly rule: AppliedRule;
  readonly state: BookingPageState;
  readonly reasons: readonly DisableReason[];
  readonly eligibleHostIds: readonly string[];
  readonly usableLocationIds: readonly string[];
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function requiredProvider(location: LocationInput): Provider | null {
  switch (location.type) {
    case 'ZOOM':
      return 'ZOOM';
    case 'MICROSOFT_TEAMS':
      return 'MICROSOFT_TEAMS';
    case 'GOOGLE_MEET':
      return 'GOOGLE_CALENDAR';
    default:
      return null;
  }
}

export function referenceEvaluate(
  page: BookingPageInput,
  connections: readonly ConnectionInput[],
): ReferenceVerdict {
  const members = [...new Set(page.memberIds)];
  const of = (userId: string) => connections.filter((c) => c.userId === userId);
  const isCalendar = (c: ConnectionInput) => (CALENDAR_PROVIDERS as readonly string[]).includes(c.provider);
  const usableFor = (location: LocationInput, userId: string) =>
    requiredProvider(location) === null ||
    of(userId).some((c) => c.status === 'CONNECTED' && c.provider === requiredProvider(location));
  const calendarUsable = (userId: string) =>
    of(userId).some((c) => isCalendar(c) && c.status === 'CONNECTED') &&
    !of(userId).some((c) => isCalendar(c) && c.status === 'ERROR');
  const servesAPageLocation = (c: ConnectionInput) =>
    page.locations.some((l) => requiredProvider(l) === c.provider);
  const hasLocations = page.locations.length > 0;
  const stateOf = (reasons: readonly DisableReason[]): BookingPageState =>
    !page.enabled ? 'INACTIVE' : reasons.length > 0 ? 'DISABLED_CONNECTION_ERROR' : 'ACTIVE';

  if (page.mode === 'ALL_MEMBERS' || members.length === 1) {
    const reasons: DisableReason[] = members.flatMap((userId) =>
      of(userId)
        .filter((c) => isCalendar(c) && c.status === 'ERROR')
        .map((c) => c.id)
        .sort(byId)
        .map((id) => ({ kind: 'MEMBER_CALENDAR_ERROR' as const, userId, connectionIds: [id] })),
    );
    const usableForOwner = page.locations.filter((l) => usableFor(l, page.ownerId)).map((l) => l.id);
    if (hasLocations && usableForOwner.length === 0) {
      const errored = of(page.ownerId).filter((c) => c.status === 'ERROR' && servesAPageLocation(c));
      reasons.push({
        kind: 'OWNER_LOCATION_ERROR',
        userId: page.ownerId,
        connectionIds: errored.map((c) => c.id).sort(byId),
      });
    }
    return {
      rule: 'ALL_MEMBERS',
      state: stateOf(reasons),
      reasons,
      eligibleHostIds: reasons.length > 0 ? [] : members,
      usableLocationIds: usableForOwner,
    };
  }

  const locationUsable = (userId: string) =>
    !hasLocations || page.locations.some((l) => usableFor(l, userId));
  const eligible = members.filter((m) => calendarUsable(m) && locationUsable(m));
  const reasons: DisableReason[] = [];
  if (eligible.length === 0) {
    const memberConnections = members.flatMap(of).filter((c) => c.status === 'ERROR');
    const calendarIds = memberConnections.filter(isCalendar).map((c) => c.id);
    const locationIds = memberConnections.filter(servesAPageLocation).map((c) => c.id);
    const someCalendar = members.some(calendarUsable);
    const someLocation = members.some(locationUsable);
    if (!someCalendar) {
      reasons.push({ kind: 'NO_MEMBER_CALENDAR_AVAILABLE', connectionIds: calendarIds.sort(byId) });
    }
    if (hasLocations && !someLocation) {
      reasons.push({ kind: 'NO_MEMBER_LOCATION_AVAILABLE', connectionIds: locationIds.sort(byId) });
    }
    if (someCalendar && someLocation) {
      const both = [...new Set([...calendarIds, ...locationIds])].sort(byId);
      reasons.push({ kind: 'NO_ELIGIBLE_HOST', connectionIds: both });
    }
  }
  return {
    rule: 'ANY_MEMBER',
    state: stateOf(reasons),
    reasons,
    eligibleHostIds: eligible,
    usableLocationIds: page.locations.filter((l) => eligible.some((m) => usableFor(l, m))).map((l) => l.id),
  };
}
