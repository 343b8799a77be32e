export type { MicrosoftGraphOptions } from './calendar.js';
export { MICROSOFT_CALENDAR_SCOPES, MicrosoftCalendarProvider, TEAMS_SCOPES } from './calendar.js';
export { DEFAULT_GRAPH_BASE_URL } from './graph-http.js';
export type { MicrosoftOAuthOptions } from './oauth.js';
export { DEFAULT_MICROSOFT_AUTHORITY, DEFAULT_MICROSOFT_SCOPES, MicrosoftOAuthFlow } from './oauth.js';
export { TeamsMeetingProvider } from './teams.js';
