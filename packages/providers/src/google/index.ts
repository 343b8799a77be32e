export type { GoogleCalendarProviderOptions } from './calendar.js';
export { GOOGLE_API_ROOT, GoogleCalendarProvider, missingGoogleScopes } from './calendar.js';
export { toProviderError as googleProviderError } from './errors.js';
export type { GoogleOAuthEndpoints, GoogleOAuthFlowOptions } from './oauth.js';
export {
  GOOGLE_CALENDAR_SCOPES,
  GOOGLE_DEFAULT_SCOPES,
  GOOGLE_OAUTH_ENDPOINTS,
  GoogleOAuthFlow,
} from './oauth.js';
