export type {
  AtRiskReason,
  FleetAlert,
  Foresight,
  GrantFacts,
  OAuthAppFacts,
  Prediction,
  PredictOptions,
} from './predict.js';
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
} from './predict.js';
