export type { BookingRulesIndexInit, PageEvaluationChange } from './booking-rules-index.js';
export { BookingRulesIndex } from './booking-rules-index.js';
export type {
  ConnectionStatusState,
  HysteresisPolicy,
  ProbeOutcome,
} from './connection-status.js';
export {
  connectionStatusState,
  DEFAULT_HYSTERESIS_POLICY,
  nextConnectionStatus,
} from './connection-status.js';
export type { IntegrationRow, IntegrationTab } from './connections.js';
export {
  CONNECTION_KIND,
  connectionKind,
  groupConnectionsByUser,
  integrationList,
  isCalendarUsable,
  isLocationUsable,
  LOCATION_REQUIRED_PROVIDER,
  RECONNECT_SCOPE,
  RESTORE_ACTION,
} from './connections.js';
export { BookingPageDecisions, decideAll } from './decisions.js';
export { evaluationsEqual } from './equality.js';
export { evaluateAll, evaluateBookingPage } from './evaluate.js';
export { pickRoundRobinHost } from './hosts.js';
export type {
  ImpactChange,
  ImpactFailure,
  ImpactReport,
  ImpactResult,
  ImpactStatus,
  ImpactTarget,
  PageImpact,
  PageImpactEffect,
  StayUpReason,
} from './impact.js';
export {
  analyzeImpact,
  IMPACT_STATUSES,
  ImpactAnalyzer,
  PAGE_IMPACT_EFFECTS,
  PLANNED_PAGE_CHANGE_KINDS,
  STAY_UP_REASONS,
} from './impact.js';
export type { PageTextCatalog, PageTextLocale, WarningFigures } from './messages/index.js';
export { describeReason, describeWarning, PAGE_TEXT, PAGE_TEXT_LOCALES } from './messages/index.js';
export type { ConnectionErrorSummary } from './page-list.js';
export { compareForBookingPageList, summarizeConnectionErrors } from './page-list.js';
export { ACTION_PERFORMER } from './plan.js';
export type { LocationRemoval, RemediatedWorld, RemovedLocation } from './remediation.js';
export { applyRemediation, removeLocationsForUnlinkedConnection } from './remediation.js';
export type {
  AppliedRule,
  BookingPageEvaluation,
  BookingPageInput,
  BookingPageMode,
  BookingPageState,
  CalendarProvider,
  ConnectionHealth,
  ConnectionInput,
  ConnectionKind,
  ConnectionSource,
  ConnectionStatus,
  ConnectionsByUser,
  DisableReason,
  DisableReasonKind,
  EvaluationWarning,
  EvaluationWarningKind,
  LocationInput,
  LocationProvider,
  LocationType,
  Provider,
  RemediationAction,
  RemediationActionKind,
  RemediationGoal,
  RemediationOption,
  RemediationPerformer,
  RemediationPlan,
  RemediationStep,
} from './types.js';
export {
  CALENDAR_PROVIDERS,
  CONNECTION_STATUSES,
  DISABLE_REASON_KINDS,
  EVALUATION_WARNING_KINDS,
  LOCATION_PROVIDERS,
  LOCATION_TYPES,
  PROVIDERS,
  REMEDIATION_ACTION_KINDS,
  REMEDIATION_GOALS,
  REMEDIATION_PERFORMERS,
} from './types.js';
