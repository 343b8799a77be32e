// The engine's vocabulary. Inputs are treated as immutable: the engine and the index keep references to them.

export const PROVIDERS = [
  'GOOGLE_CALENDAR',
  'MICROSOFT_CALENDAR',
  'EXCHANGE',
  'ZOOM',
  'MICROSOFT_TEAMS',
] as const;
export type Provider = (typeof PROVIDERS)[number];

export const CALENDAR_PROVIDERS = ['GOOGLE_CALENDAR', 'MICROSOFT_CALENDAR', 'EXCHANGE'] as const;
export type CalendarProvider = (typeof CALENDAR_PROVIDERS)[number];

export const LOCATION_PROVIDERS = ['ZOOM', 'MICROSOFT_TEAMS'] as const;
export type LocationProvider = (typeof LOCATION_PROVIDERS)[number];

export type ConnectionKind = 'CALENDAR' | 'LOCATION';

export const CONNECTION_STATUSES = ['CONNECTED', 'ERROR', 'DISCONNECTED'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** Refines CONNECTED; the engine treats every health as working. */
export type ConnectionHealth = 'HEALTHY' | 'DEGRADED' | 'AT_RISK';

export interface ConnectionInput {
  readonly id: string;
  readonly userId: string;
  readonly provider: Provider;
  readonly status: ConnectionStatus;
  readonly health?: ConnectionHealth | undefined;
  /**
   * ERROR: the stable sub-reason of the last failure (e.g. INTEROP_SSL_ERROR), when the error taxonomy has one.
   * A FIX_INTEROP_SETTINGS action names it as the check the administrator has to make pass.
   */
  readonly errorSubReason?: string | undefined;
}

export const LOCATION_TYPES = [
  'ZOOM',
  'MICROSOFT_TEAMS',
  'GOOGLE_MEET',
  'IN_PERSON',
  'PHONE',
  'CUSTOM_URL',
] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export interface LocationInput {
  readonly id: string;
  readonly type: LocationType;
}

export type BookingPageMode = 'ALL_MEMBERS' | 'ANY_MEMBER';

export interface BookingPageInput {
  readonly id: string;
  readonly ownerId: string;
  readonly memberIds: readonly string[];
  readonly mode: BookingPageMode;
  readonly roundRobin: boolean;
  readonly enabled: boolean;
  readonly locations: readonly LocationInput[];
}

/** Every connection of the users a page involves, grouped by user id (see `groupConnectionsByUser`). */
export type ConnectionsByUser = ReadonlyMap<string, readonly ConnectionInput[]>;

/** What the evaluator accepts: the raw list (scanned per call) or the prebuilt grouping (the fast path). */
export type ConnectionSource = readonly ConnectionInput[] | ConnectionsByUser;

export type BookingPageState = 'ACTIVE' | 'DISABLED_CONNECTION_ERROR' | 'INACTIVE';

export const DISABLE_REASON_KINDS = [
  'MEMBER_CALENDAR_ERROR',
  'OWNER_LOCATION_ERROR',
  'NO_MEMBER_CALENDAR_AVAILABLE',
  'NO_MEMBER_LOCATION_AVAILABLE',
  'NO_ELIGIBLE_HOST',
] as const;
export type DisableReasonKind = (typeof DISABLE_REASON_KINDS)[number];

export interface DisableReason {
  readonly kind: DisableReasonKind;
  /** The member (MEMBER_CALENDAR_ERROR) or owner (OWNER_LOCATION_ERROR); absent on page-wide ANY_MEMBER reasons. */
  readonly userId?: string;
  /** The errored connections behind the reason, sorted. May be empty (e.g. the owner has no Zoom account at all). */
  readonly connectionIds: readonly string[];
}

export const REMEDIATION_ACTION_KINDS = [
  'RECONNECT',
  /** An EXCHANGE connection has no per-user OAuth: an admin fixes the organization's Interop settings instead. */
  'FIX_INTEROP_SETTINGS',
  'UNLINK',
  'ADD_VALID_LOCATION',
  'REMOVE_ALL_LOCATIONS',
  'CHANGE_OWNER',
] as const;
export type RemediationActionKind = (typeof REMEDIATION_ACTION_KINDS)[number];

/** Who can perform an action (the least-privileged role that can; an organization admin can do them all). */
export const REMEDIATION_PERFORMERS = ['CONNECTION_OWNER', 'PAGE_OWNER', 'ORGANIZATION_ADMIN'] as const;
export type RemediationPerformer = (typeof REMEDIATION_PERFORMERS)[number];

/**
 * One thing a person does. RECONNECT, FIX_INTEROP_SETTINGS and UNLINK carry `connectionId`, plus the connection's
 * `userId` and `provider` (whose account, and in which flow); CHANGE_OWNER carries the new owner in `userId`.
 * FIX_INTEROP_SETTINGS carries in `check` the failing check (the connection's error sub-reason), when known.
 */
export interface RemediationAction {
  readonly kind: RemediationActionKind;
  readonly connectionId?: string;
  readonly userId?: string;
  readonly provider?: Provider;
  readonly check?: string;
}

export interface RemediationOption {
  /** ANY_MEMBER pages: the member this option makes an eligible host (absent for page-wide options). */
  readonly hostId?: string;
  /** All of them are needed. */
  readonly actions: readonly RemediationAction[];
}

export const REMEDIATION_GOALS = [
  'CLEAR_CALENDAR_ERROR',
  'RESTORE_OWNER_LOCATION',
  'MAKE_SOME_MEMBER_ELIGIBLE',
] as const;
export type RemediationGoal = (typeof REMEDIATION_GOALS)[number];

export interface RemediationStep {
  readonly goal: RemediationGoal;
  /** CLEAR_CALENDAR_ERROR: the errored calendar connection this step is about. */
  readonly connectionId?: string;
  /** Any one of them does the step. An empty list means nothing in the plan's vocabulary can do it. */
  readonly options: readonly RemediationOption[];
}

/** Every step must be done. Empty when nothing needs fixing. */
export type RemediationPlan = readonly RemediationStep[];

export const EVALUATION_WARNING_KINDS = ['HOSTS_UNAVAILABLE', 'MEMBERS_WITHOUT_CALENDAR'] as const;
export type EvaluationWarningKind = (typeof EVALUATION_WARNING_KINDS)[number];

export interface EvaluationWarning {
  readonly kind: EvaluationWarningKind;
  /** The members concerned, in page member order. */
  readonly userIds: readonly string[];
  /** How many distinct members the page has (for "2 of 5 hosts unavailable"). */
  readonly memberCount: number;
}

/** Which rule set decided the page: ALL_MEMBERS also covers single-member pages, whatever their mode. */
export type AppliedRule = 'ALL_MEMBERS' | 'ANY_MEMBER';

export interface BookingPageEvaluation {
  readonly pageId: string;
  readonly rule: AppliedRule;
  readonly state: BookingPageState;
  readonly acceptingBookings: boolean;
  readonly reasons: readonly DisableReason[];
  readonly plan: RemediationPlan;
  /** In page member order. ANY_MEMBER: the eligible members. ALL_MEMBERS: every member when no reason holds, else []. */
  readonly eligibleHostIds: readonly string[];
  /** In page location order. ALL_MEMBERS: usable for the owner. ANY_MEMBER: usable for at least one eligible host. */
  readonly usableLocationIds: readonly string[];
  readonly warnings: readonly EvaluationWarning[];
}
