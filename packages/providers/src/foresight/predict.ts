// Breakage predicted: when a working connection will stop working, from what the state knows of its grant, its
// application and the provider's published rules. Pure: the caller passes the clock's `now`.
import type { ProviderId } from '../contract.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a connection will break; each code is one provider rule (see RULES for its source). */
export const AT_RISK_REASONS = [
  'GOOGLE_TESTING_APP_GRANT_EXPIRY',
  'GOOGLE_GRANT_INACTIVITY',
  'GOOGLE_GRANT_LIMIT',
  'MICROSOFT_REFRESH_TOKEN_INACTIVITY',
  'APP_CREDENTIAL_EXPIRY',
  'MISSING_SCOPES',
  'EXCHANGE_CERTIFICATE_EXPIRY',
] as const;
export type AtRiskReason = (typeof AT_RISK_REASONS)[number];

/**
 * Google: "A Google Cloud Platform project with an OAuth consent screen configured for an external user type and
 * a publishing status of 'Testing' is issued a refresh token expiring in 7 days"; a refresh token "has not been
 * used for six months" stops working; and there is a limit of refresh tokens per Google Account per OAuth 2.0
 * client ID (100), past which "creating a new refresh token automatically invalidates the oldest refresh token
 * without warning". https://developers.google.com/identity/protocols/oauth2#expiration
 */
export const GOOGLE_TESTING_GRANT_LIFETIME_MS = 7 * DAY_MS;
export const GOOGLE_INACTIVITY_MONTHS = 6;
export const GOOGLE_LIVE_GRANT_LIMIT = 100;

/**
 * Microsoft identity platform: "The default lifetime for the refresh tokens is 24 hours for single page apps and
 * 90 days for all other scenarios. Refresh tokens replace themselves with a fresh token upon every use." So an
 * unused grant dies 90 days after its last refresh (a sliding window); the lifetime cannot be configured.
 * https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-lifetime
 */
export const MICROSOFT_REFRESH_TOKEN_LIFETIME_MS = 90 * DAY_MS;

/** The OAuth application a grant was issued to, as the operator configured it. */
export interface OAuthAppFacts {
  /** Google Cloud consent screen publishing status; only Google reads it. */
  readonly publishingStatus?: 'TESTING' | 'PRODUCTION' | undefined;
  /** When the app's client secret or certificate expires (Entra shows it per credential; Zoom and Google: config). */
  readonly credentialExpiresAt?: Date | undefined;
}

/** What the state knows of one connection's grant. */
export interface GrantFacts {
  readonly provider: ProviderId;
  /** When the account signed in (the refresh token was issued). */
  readonly issuedAt?: Date | undefined;
  /** When the grant was last used to get a token (refresh) or call the provider successfully. */
  readonly lastUsedAt?: Date | undefined;
  readonly grantedScopes?: readonly string[] | undefined;
  readonly requiredScopes?: readonly string[] | undefined;
  /**
   * Google: live grants of this account for our client, and how many of them are newer than this one (0: the
   * newest). The oldest goes when the limit is passed.
   */
  readonly liveGrants?: { readonly count: number; readonly newer: number } | undefined;
  /** EXCHANGE: when the server's TLS certificate expires, as presented. */
  readonly certificateValidTo?: Date | undefined;
}

export interface Prediction {
  readonly reason: AtRiskReason;
  /** When the connection stops working (or may, from then on). */
  readonly breaksAt: Date;
  /** True when use keeps the grant alive: refreshing before `breaksAt` moves it (see `refreshBy`). */
  readonly keptAliveByUse: boolean;
  /** True when the cause is the product's own application, not this account: every tenant breaks at once. */
  readonly fleetWide: boolean;
}

export interface Foresight {
  /** Every rule that applies, earliest first. */
  readonly predictions: readonly Prediction[];
  /**
   * The earliest prediction within the horizon. One that use keeps away only gets there when the refreshes
   * scheduled by `refreshBy` (a margin wider than the horizon) did not happen.
   */
  readonly atRisk: Prediction | null;
  /** When to refresh at the latest so that use keeps the grant alive (null: nothing to keep alive). */
  readonly refreshBy: Date | null;
}

export interface PredictOptions {
  readonly now: Date;
  /** A prediction this close makes the connection AT_RISK; default 14 days (as the Exchange certificate). */
  readonly horizonMs?: number;
  /** How long before an inactivity expiry the next refresh is due; default 30 days (wider than the horizon). */
  readonly refreshMarginMs?: number;
}

export const DEFAULT_AT_RISK_HORIZON_MS = 14 * DAY_MS;
export const DEFAULT_REFRESH_MARGIN_MS = 30 * DAY_MS;

const GOOGLE: ReadonlySet<ProviderId> = new Set(['GOOGLE_CALENDAR']);
const MICROSOFT: ReadonlySet<ProviderId> = new Set(['MICROSOFT_CALENDAR', 'MICROSOFT_TEAMS']);

function addMonths(at: Date, months: number): Date {
  const next = new Date(at.getTime());
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/** Every foreseeable failure of one connection, and whether it is AT_RISK now. */
export function predictBreakage(grant: GrantFacts, app: OAuthAppFacts, options: PredictOptions): Foresight {
  const { now } = options;
  const predictions: Prediction[] = [];
  const add = (reason: AtRiskReason, breaksAt: Date, keptAliveByUse = false, fleetWide = false) =>
    predictions.push({ reason, breaksAt, keptAliveByUse, fleetWide });

  if (GOOGLE.has(grant.provider)) {
    if (app.publishingStatus === 'TESTING' && grant.issuedAt !== undefined) {
      add(
        'GOOGLE_TESTING_APP_GRANT_EXPIRY',
        new Date(grant.issuedAt.getTime() + GOOGLE_TESTING_GRANT_LIFETIME_MS),
      );
    }
    const used = grant.lastUsedAt ?? grant.issuedAt;
    if (used !== undefined) add('GOOGLE_GRANT_INACTIVITY', addMonths(used, GOOGLE_INACTIVITY_MONTHS), true);
    // The oldest live grant goes with the next one issued past the limit: it may break at any moment.
    const live = grant.liveGrants;
    if (live !== undefined && live.count >= GOOGLE_LIVE_GRANT_LIMIT && live.newer >= live.count - 1) {
      add('GOOGLE_GRANT_LIMIT', now);
    }
  }
  if (MICROSOFT.has(grant.provider)) {
    const used = grant.lastUsedAt ?? grant.issuedAt;
    if (used !== undefined) {
      add(
        'MICROSOFT_REFRESH_TOKEN_INACTIVITY',
        new Date(used.getTime() + MICROSOFT_REFRESH_TOKEN_LIFETIME_MS),
        true,
      );
    }
  }
  // The app's client secret or certificate: configured per app; every grant of every tenant fails with it.
  if (app.credentialExpiresAt !== undefined && grant.provider !== 'EXCHANGE') {
    add('APP_CREDENTIAL_EXPIRY', app.credentialExpiresAt, false, true);
  }
  if (grant.requiredScopes !== undefined && grant.grantedScopes !== undefined) {
    const granted = new Set(grant.grantedScopes);
    if (grant.requiredScopes.some((scope) => !granted.has(scope))) add('MISSING_SCOPES', now);
  }
  if (grant.provider === 'EXCHANGE' && grant.certificateValidTo !== undefined) {
    add('EXCHANGE_CERTIFICATE_EXPIRY', grant.certificateValidTo);
  }

  predictions.sort((a, b) => a.breaksAt.getTime() - b.breaksAt.getTime());
  const horizon = now.getTime() + (options.horizonMs ?? DEFAULT_AT_RISK_HORIZON_MS);
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const alive = predictions.find((p) => p.keptAliveByUse);
  return {
    predictions,
    atRisk: predictions.find((p) => p.breaksAt.getTime() <= horizon) ?? null,
    refreshBy:
      alive === undefined ? null : new Date(Math.max(now.getTime(), alive.breaksAt.getTime() - margin)),
  };
}

/** One operator alert per application whose credential expires within the horizon (not one per user). */
export interface FleetAlert {
  readonly app: string;
  readonly reason: 'APP_CREDENTIAL_EXPIRY';
  readonly breaksAt: Date;
}

export function fleetAlerts(
  apps: Readonly<Record<string, OAuthAppFacts>>,
  options: Pick<PredictOptions, 'now' | 'horizonMs'>,
): FleetAlert[] {
  const horizon = options.now.getTime() + (options.horizonMs ?? DEFAULT_AT_RISK_HORIZON_MS);
  return Object.entries(apps)
    .filter(
      ([, app]) => app.credentialExpiresAt !== undefined && app.credentialExpiresAt.getTime() <= horizon,
    )
    .map(([app, facts]) => ({
      app,
      reason: 'APP_CREDENTIAL_EXPIRY' as const,
      breaksAt: facts.credentialExpiresAt!,
    }))
    .sort((a, b) => a.breaksAt.getTime() - b.breaksAt.getTime());
}
