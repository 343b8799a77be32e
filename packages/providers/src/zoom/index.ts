export type { ZoomMeetingOptions } from './meetings.js';
export { ZoomMeetingProvider } from './meetings.js';
export type { ZoomOAuthOptions } from './oauth.js';
export { ZOOM_MEETING_SCOPES, ZOOM_OAUTH_ENDPOINTS, ZoomOAuthFlow } from './oauth.js';
export { DEFAULT_ZOOM_API_BASE_URL } from './zoom-http.js';
