export type { AuthorizedCall, AuthorizedSession } from './authorized-call.js';
export { createAuthorizedSession, DEFAULT_RETRY, REFRESH_AHEAD_MS } from './authorized-call.js';
export type {
  AccountIdentity,
  AdapterContext,
  AuthorizationRequest,
  CalendarEvent,
  CalendarProvider,
  CodeExchange,
  EventPage,
  FreeBusyResult,
  LocationProvider,
  Logger,
  NewEvent,
  NewMeeting,
  OAuthFlow,
  OAuthTokens,
  OnlineMeeting,
  ProbeResult,
  ProviderId,
  TimeRange,
  TokenStore,
} from './contract.js';
export { noopLogger } from './contract.js';
export type {
  AnalyzeExchangeConnectionInput,
  EwsUrlCheck,
  ExchangeCalendarProbeOptions,
  ExchangeConnectionReport,
  ExchangeStep,
  ExchangeStepId,
  ExchangeStepStatus,
} from './exchange/index.js';
export {
  analyzeExchangeConnection,
  EXCHANGE_STEP_IDS,
  ExchangeCalendarProbe,
  ExchangeCalendarProvider,
  INTEROP_MESSAGES,
  parseEwsUrl,
  testExchangeConnection,
} from './exchange/index.js';
export type {
  AtRiskReason,
  FleetAlert,
  Foresight,
  GrantFacts,
  OAuthAppFacts,
  Prediction,
  PredictOptions,
} from './foresight/index.js';
export {
  AT_RISK_REASONS,
  DEFAULT_AT_RISK_HORIZON_MS,
  DEFAULT_REFRESH_MARGIN_MS,
  fleetAlerts,
  GOOGLE_INACTIVITY_MONTHS,
  GOOGLE_LIVE_GRANT_LIMIT,
  GOOGLE_TESTING_GRANT_LIFETIME_MS,
  MICROSOFT_REFRESH_TOKEN_LIFETIME_MS,
  predictBreakage,
} from './foresight/index.js';
export type {
  GoogleCalendarProviderOptions,
  GoogleOAuthEndpoints,
  GoogleOAuthFlowOptions,
} from './google/index.js';
export {
  GOOGLE_API_ROOT,
  GOOGLE_CALENDAR_SCOPES,
  GOOGLE_DEFAULT_SCOPES,
  GOOGLE_OAUTH_ENDPOINTS,
  GoogleCalendarProvider,
  GoogleOAuthFlow,
  googleProviderError,
  missingGoogleScopes,
} from './google/index.js';
export type { MicrosoftGraphOptions, MicrosoftOAuthOptions } from './microsoft/index.js';
export {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_MICROSOFT_AUTHORITY,
  DEFAULT_MICROSOFT_SCOPES,
  MICROSOFT_CALENDAR_SCOPES,
  MicrosoftCalendarProvider,
  MicrosoftOAuthFlow,
  TEAMS_SCOPES,
  TeamsMeetingProvider,
} from './microsoft/index.js';
export type { ZoomMeetingOptions, ZoomOAuthOptions } from './zoom/index.js';
export {
  DEFAULT_ZOOM_API_BASE_URL,
  ZOOM_MEETING_SCOPES,
  ZOOM_OAUTH_ENDPOINTS,
  ZoomMeetingProvider,
  ZoomOAuthFlow,
} from './zoom/index.js';
