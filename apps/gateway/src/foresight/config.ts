// Foresight settings: the OAuth applications as the operator registered them (publishing status, client secret
// or certificate expiry) and how often the sweep runs. Read from the environment once (env.ts).
import type { OAuthAppFacts } from '@tsunagi/providers';
import type { EntraAppRegistration } from './app-credentials.js';

/** The product's OAuth applications, by provider family; an app absent here has no known expiry or status. */
export interface ForesightApps {
  readonly google?: OAuthAppFacts;
  readonly microsoft?: OAuthAppFacts;
  readonly zoom?: OAuthAppFacts;
}

export interface ForesightConfig {
  /** Off: no sweep and no prediction after probes. Default on. */
  readonly enabled: boolean;
  /** How often every connection's prediction is computed again (time alone moves a prediction). */
  readonly sweepIntervalSeconds: number;
  readonly apps: ForesightApps;
  /**
   * Read the Entra ID app's credential expiry from Graph at every sweep (MICROSOFT_READ_APP_CREDENTIALS; the app
   * needs Application.Read.All); what it reads replaces MICROSOFT_CLIENT_SECRET_EXPIRES_AT, which stays the
   * fallback when the read fails.
   */
  readonly microsoftRegistration?: EntraAppRegistration | undefined;
}

export const DEFAULT_FORESIGHT_CONFIG: ForesightConfig = Object.freeze({
  enabled: true,
  sweepIntervalSeconds: 3600,
  apps: {},
});
