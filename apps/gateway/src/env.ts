// The gateway's whole configuration, read from the environment once at start and passed down.
import { randomBytes } from 'node:crypto';
import { DEFAULT_RECONNECT_LINK_TTL_SECONDS, generateKey, parseKeyring } from '@tsunagi/db';
import { z } from 'zod';
import { DEFAULT_CLAIM_NAMES, type IdentityProviderSettings } from './auth/jwks.js';
import type { JwtSettings } from './auth/token.js';
import { DEFAULT_FORESIGHT_CONFIG, type ForesightApps, type ForesightConfig } from './foresight/config.js';
import { DEFAULT_PROBE_CONFIG, type ProbeConfig } from './probes/config.js';
import { type OAuthClientOrigins, parseOrigin } from './providers/oauth-origins.js';
import { DEFAULT_EVENT_RETENTION_CONFIG, type EventRetentionConfig } from './retention/config.js';
import { type TelemetryConfig, telemetryFromEnv } from './telemetry/config.js';
import { DEFAULT_WEBHOOK_CONFIG, type WebhookConfig } from './webhooks/config.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface QueryLimits {
  /** Deepest field nesting an operation may have. */
  readonly maxDepth: number;
  /** Static cost ceiling (limits/cost-weights.ts): objects per instance, times the lists above them; round trips once. */
  readonly maxCost: number;
  /** Most aliased fields one operation may have. */
  readonly maxAliases: number;
  /** Multiplier for list fields without a `first` argument. */
  readonly defaultListSize: number;
  /** Largest JSON request body, in bytes. */
  readonly maxBodyBytes: number;
  /**
   * Largest JSON request body for ADMIN and SERVICE credentials (a directory sync carries thousands of rows);
   * such a request is authenticated before its body is read.
   */
  readonly directorySyncMaxBodyBytes: number;
}

/** What one client may hold open over graphql-ws, and how replays read the event log. */
export interface SubscriptionLimits {
  /** Operations one WebSocket may run at once; one more is refused with BAD_USER_INPUT. */
  readonly maxPerSocket: number;
  /** Operations all the sockets of one token may run at once in this process. */
  readonly maxPerToken: number;
  /** Events a subscription reads from the log per query while it replays. */
  readonly replayBatchSize: number;
  /** Subscriptions of one user that deliver at the same time; the others wait their turn. */
  readonly deliveringPerUser: number;
}

export interface NotificationConfig {
  readonly enabled: boolean;
  /** nodemailer's connection URL, `smtp://user:pass@host:587` or `smtps://…`. */
  readonly smtpUrl: string | null;
  /** The From header. */
  readonly from: string;
}

export interface GatewayConfig {
  /** Connection-failure e-mail; absent or without an SMTP URL: none is sent. */
  readonly notifications?: NotificationConfig;
  /** How long a one-click reconnect link stays valid; absent: 168 (7 days). */
  readonly reconnectLinkTtlHours?: number;
  readonly port: number;
  readonly host: string;
  /** `postgres://…` selects Postgres; absent, the gateway runs on PGlite. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory; null keeps the database in memory (tests). */
  readonly pgliteDataDir: string | null;
  /**
   * HS256 development tokens (the gateway mints them: `token` command, demo, tests). Null when JWT_SECRET is
   * unset on Postgres with an identity provider: development tokens are then off.
   */
  readonly jwt: JwtSettings | null;
  /** The product's identity provider (OIDC_ISSUER / JWT_JWKS_URL); absent, none. */
  readonly identityProvider?: IdentityProviderSettings | undefined;
  /** Accept development tokens; default: only when no identity provider is configured. */
  readonly allowDevTokens?: boolean | undefined;
  /** `keyId:base64[,keyId:base64…]`, the first one active (see @tsunagi/db parseKeyring). */
  readonly credentialsKeys: string;
  readonly introspection: boolean;
  /** Serve the offline GraphiQL IDE at `/`. */
  readonly graphiql: boolean;
  readonly limits: QueryLimits;
  readonly subscriptionLimits: SubscriptionLimits;
  readonly logLevel: LogLevel;
  /** How long shutdown waits for in-flight requests before closing the database anyway. */
  readonly shutdownTimeoutMs: number;
  /** Scheduled health probes; absent: the defaults, on when the gateway has provider adapters. */
  readonly probes?: ProbeConfig;
  /** Outgoing webhooks; absent: DEFAULT_WEBHOOK_CONFIG (delivering, public targets only). */
  readonly webhooks?: WebhookConfig;
  /** How long the event log keeps events, and how the sweep deletes them; absent: the defaults (30 days). */
  readonly eventRetention?: EventRetentionConfig;
  /** Zoom app's webhook secret token: mounts POST /webhooks/zoom (deauthorization notifications). */
  readonly zoomWebhookSecretToken?: string | undefined;
  /** The public origin the providers redirect back to (behind a proxy); default the listening address. */
  readonly publicUrl?: string | undefined;
  /** Client origins an OAuth flow may redirect to (redirectUri) or send the browser back to (returnUrl). */
  readonly oauthClientOrigins?: OAuthClientOrigins;
  /** The OAuth apps registered with each provider (`main.ts` builds the provider registry from them). */
  readonly providerApps?: ProviderApps;
  /** Breakage predicted: the apps' publishing status and credential expiry, the sweep; absent: the defaults. */
  readonly foresight?: ForesightConfig;
  /** OpenTelemetry over OTLP/HTTP (OTEL_EXPORTER_OTLP_*); absent or without URLs: nothing is exported. */
  readonly telemetry?: TelemetryConfig;
}

/** Bounds on every outbound provider call (milliseconds). */
export interface ProviderTimeouts {
  /** One HTTP request to Google, Graph, Zoom or a token endpoint. */
  readonly requestMs: number;
  /** A whole call, retries and their waits included (the shared retry policy's deadline). */
  readonly callDeadlineMs: number;
  /** One EWS request of an Exchange probe (connect, TLS, request and answer). */
  readonly exchangeMs: number;
}

export const DEFAULT_PROVIDER_TIMEOUTS: ProviderTimeouts = Object.freeze({
  requestMs: 30_000,
  callDeadlineMs: 30_000,
  exchangeMs: 10_000,
});

export interface ProviderApps {
  /** How long provider calls may take; absent: DEFAULT_PROVIDER_TIMEOUTS. */
  readonly timeouts?: ProviderTimeouts;
  readonly google?: { readonly clientId: string; readonly clientSecret: string };
  /** A public client (PKCE, no secret) is allowed. */
  readonly microsoft?: {
    readonly clientId: string;
    readonly clientSecret?: string;
    readonly authority?: string;
  };
  readonly zoom?: { readonly clientId: string; readonly clientSecret: string };
}

export const DEFAULT_LIMITS: QueryLimits = Object.freeze({
  maxDepth: 12,
  maxCost: 100_000,
  maxAliases: 30,
  defaultListSize: 5,
  maxBodyBytes: 100 * 1024,
  directorySyncMaxBodyBytes: 8 * 1024 * 1024,
});

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = Object.freeze({
  maxPerSocket: 25,
  maxPerToken: 50,
  replayBatchSize: 50,
  deliveringPerUser: 2,
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid gateway configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const httpUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { error: 'must be an http:// or https:// URL' })
  .transform((url) => url.replace(/\/+$/, ''));

/** A signal's own OTLP endpoint: used exactly as given (the specification appends no path to it). */
const signalEndpoint = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { error: 'must be an http:// or https:// URL' });

/** A comma-separated list of bare http(s) origins (`https://app.example,https://admin.example`). */
const originList = z.string().transform((list, ctx) => {
  const origins: string[] = [];
  for (const entry of list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const origin = parseOrigin(entry);
    if (origin === null) {
      ctx.addIssue({
        code: 'custom',
        message: `must list http(s) origins without a path ("${entry}" is not one)`,
      });
      return z.NEVER;
    }
    origins.push(origin);
  }
  return origins;
});

/** An ISO 8601 date (`2027-03-01`) or date-time with a zone (`2027-03-01T00:00:00Z`). */
const isoInstant = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  const at = Date.parse(trimmed);
  if (
    !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(trimmed) ||
    Number.isNaN(at)
  ) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an ISO 8601 date (2027-03-01) or date-time with a zone',
    });
    return z.NEVER;
  }
  return new Date(at);
});

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const flag = z.stringbool({ error: 'must be true or false (also accepted: 1/0, yes/no, on/off)' });

const envSchema = z.object({
  PORT: integer(0, 65_535).default(4000),
  HOST: z.string().trim().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  PGLITE_DATA_DIR: z.string().trim().min(1, { error: 'must not be empty' }).default('.tsunagi-data/pglite'),
  JWT_SECRET: z.string().min(32, { error: 'must be at least 32 characters (HS256 secret)' }).optional(),
  JWT_ISSUER: z.string().min(1).default('tsunagi'),
  JWT_AUDIENCE: z.string().min(1).default('tsunagi-gateway'),
  // Compared exactly with each token's iss (a trailing slash matters), so kept as given.
  OIDC_ISSUER: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { error: 'must be an http:// or https:// URL' })
    .optional(),
  JWT_JWKS_URL: httpUrl.optional(),
  OIDC_AUDIENCE: z.string().trim().min(1).optional(),
  OIDC_ORGANIZATION_CLAIM: z.string().trim().min(1).default(DEFAULT_CLAIM_NAMES.organization),
  OIDC_USER_CLAIM: z.string().trim().min(1).default(DEFAULT_CLAIM_NAMES.user),
  OIDC_ROLE_CLAIM: z.string().trim().min(1).default(DEFAULT_CLAIM_NAMES.role),
  JWKS_COOLDOWN_SECONDS: integer(0, 3600).default(30),
  ALLOW_DEV_TOKENS: flag.optional(),
  CREDENTIALS_KEYS: z
    .string()
    .superRefine((spec, ctx) => {
      try {
        parseKeyring(spec);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `is not a valid keyring (${(error as Error).message})` });
      }
    })
    .optional(),
  INTROSPECTION: flag.optional(),
  GRAPHIQL: flag.optional(),
  MAX_QUERY_DEPTH: integer(2, 100).default(DEFAULT_LIMITS.maxDepth),
  MAX_QUERY_COST: integer(10, 10_000_000).default(DEFAULT_LIMITS.maxCost),
  MAX_QUERY_ALIASES: integer(0, 1000).default(DEFAULT_LIMITS.maxAliases),
  MAX_BODY_BYTES: integer(1024, 50 * 1024 * 1024).default(DEFAULT_LIMITS.maxBodyBytes),
  DIRECTORY_SYNC_MAX_BODY_BYTES: integer(1024, 256 * 1024 * 1024).default(
    DEFAULT_LIMITS.directorySyncMaxBodyBytes,
  ),
  MAX_SUBSCRIPTIONS_PER_SOCKET: integer(1, 10_000).default(DEFAULT_SUBSCRIPTION_LIMITS.maxPerSocket),
  MAX_SUBSCRIPTIONS_PER_TOKEN: integer(1, 100_000).default(DEFAULT_SUBSCRIPTION_LIMITS.maxPerToken),
  SUBSCRIPTION_REPLAY_BATCH: integer(1, 1000).default(DEFAULT_SUBSCRIPTION_LIMITS.replayBatchSize),
  SUBSCRIPTIONS_DELIVERING_PER_USER: integer(1, 1000).default(DEFAULT_SUBSCRIPTION_LIMITS.deliveringPerUser),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  SHUTDOWN_TIMEOUT_MS: integer(0, 600_000).default(10_000),
  PROBES_ENABLED: flag.optional(),
  // At most 12 h: pg-boss archives finished jobs after 12 h, and a round's job must outlive its round.
  PROBE_INTERVAL_SECONDS: integer(5, 43_200).default(DEFAULT_PROBE_CONFIG.intervalSeconds),
  // A round of 100,000 connections at 200 ms a probe needs a few hundred in flight per process.
  PROBE_CONCURRENCY_PER_PROVIDER: integer(1, 2_000).default(DEFAULT_PROBE_CONFIG.concurrencyPerProvider),
  PROBE_SPREAD_PERCENT: integer(0, 100).default(100),
  WEBHOOKS_ENABLED: flag.optional(),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: flag.optional(),
  // The issue's floor: a receiver down for a long weekend still gets everything.
  WEBHOOK_RETRY_HOURS: integer(72, 720).default(DEFAULT_WEBHOOK_CONFIG.policy.retryWindowMs / HOUR_MS),
  WEBHOOK_DISABLE_AFTER_DAYS: integer(1, 60).default(DEFAULT_WEBHOOK_CONFIG.policy.disableAfterMs / DAY_MS),
  WEBHOOK_TIMEOUT_MS: integer(1000, 60_000).default(DEFAULT_WEBHOOK_CONFIG.policy.timeoutMs),
  WEBHOOK_CONCURRENCY: integer(1, 1000).default(DEFAULT_WEBHOOK_CONFIG.concurrency),
  EVENT_RETENTION_DAYS: integer(0, 36_500).default(DEFAULT_EVENT_RETENTION_CONFIG.days),
  RECORD_RETENTION_DAYS: integer(0, 36_500).default(DEFAULT_EVENT_RETENTION_CONFIG.recordDays),
  EVENT_RETENTION_BATCH_SIZE: integer(10, 100_000).default(DEFAULT_EVENT_RETENTION_CONFIG.batchSize),
  EVENT_RETENTION_SWEEP_SECONDS: integer(10, 86_400).default(
    DEFAULT_EVENT_RETENTION_CONFIG.sweepIntervalSeconds,
  ),
  NOTIFICATIONS_ENABLED: flag.optional(),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/[^/]/.test(value), { error: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().min(3).max(320).default('Tsunagi <notifications@localhost>'),
  // At most 30 days: a link in an old email should not outlive the breakage it was sent for by much.
  RECONNECT_LINK_TTL_HOURS: integer(1, 720).default(DEFAULT_RECONNECT_LINK_TTL_SECONDS / 3600),
  ZOOM_WEBHOOK_SECRET_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  PUBLIC_URL: httpUrl.optional(),
  OAUTH_REDIRECT_ORIGINS: originList.optional(),
  OAUTH_RETURN_ORIGINS: originList.optional(),
  GOOGLE_CLIENT_ID: z.string().trim().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_CLIENT_ID: z.string().trim().min(1).optional(),
  MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_AUTHORITY: httpUrl.optional(),
  ZOOM_CLIENT_ID: z.string().trim().min(1).optional(),
  ZOOM_CLIENT_SECRET: z.string().min(1).optional(),
  // Foresight (issue 14 §2): what only the operator knows of each OAuth app, and the sweep.
  FORESIGHT_ENABLED: flag.optional(),
  FORESIGHT_SWEEP_SECONDS: integer(60, 86_400).default(DEFAULT_FORESIGHT_CONFIG.sweepIntervalSeconds),
  GOOGLE_APP_PUBLISHING_STATUS: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['TESTING', 'PRODUCTION'], { error: 'must be testing or production' }))
    .optional(),
  GOOGLE_CLIENT_SECRET_EXPIRES_AT: isoInstant.optional(),
  MICROSOFT_CLIENT_SECRET_EXPIRES_AT: isoInstant.optional(),
  ZOOM_CLIENT_SECRET_EXPIRES_AT: isoInstant.optional(),
  MICROSOFT_READ_APP_CREDENTIALS: flag.optional(),
  MICROSOFT_GRAPH_URL: httpUrl.default('https://graph.microsoft.com'),
  PROVIDER_REQUEST_TIMEOUT_MS: integer(100, 600_000).default(DEFAULT_PROVIDER_TIMEOUTS.requestMs),
  PROVIDER_CALL_DEADLINE_MS: integer(100, 600_000).default(DEFAULT_PROVIDER_TIMEOUTS.callDeadlineMs),
  EXCHANGE_REQUEST_TIMEOUT_MS: integer(100, 600_000).default(DEFAULT_PROVIDER_TIMEOUTS.exchangeMs),
  NODE_ENV: z.string().optional(),
  // The OpenTelemetry SDK's standard variables (telemetry/config.ts cites the specification).
  OTEL_SDK_DISABLED: flag.optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: signalEndpoint.optional(),
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: signalEndpoint.optional(),
  OTEL_SERVICE_NAME: z.string().trim().min(1).max(255).optional(),
  OTEL_METRIC_EXPORT_INTERVAL: integer(1_000, 86_400_000).optional(),
});

/** Variables that only make sense together: one without the other is a configuration mistake. */
const PAIRS = [
  ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
  ['ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'],
] as const;

/** A foresight setting describes one app: without the app it describes, it is a mistake. */
const FORESIGHT_SETTINGS = [
  ['GOOGLE_APP_PUBLISHING_STATUS', 'GOOGLE_CLIENT_ID'],
  ['GOOGLE_CLIENT_SECRET_EXPIRES_AT', 'GOOGLE_CLIENT_ID'],
  ['MICROSOFT_CLIENT_SECRET_EXPIRES_AT', 'MICROSOFT_CLIENT_ID'],
  ['ZOOM_CLIENT_SECRET_EXPIRES_AT', 'ZOOM_CLIENT_ID'],
  ['MICROSOFT_READ_APP_CREDENTIALS', 'MICROSOFT_CLIENT_SECRET'],
] as const;

export type GatewayEnv = z.infer<typeof envSchema>;

/**
 * Validates the environment. Throws ConfigError naming every bad variable. In embedded mode (no
 * DATABASE_URL) absent JWT_SECRET and CREDENTIALS_KEYS are generated by main.ts. On Postgres
 * CREDENTIALS_KEYS is required, and JWT_SECRET whenever development tokens are accepted: with an identity
 * provider (OIDC_ISSUER) and without ALLOW_DEV_TOKENS=true it may be left out, and development tokens are off.
 */
export function parseEnv(env: Readonly<Record<string, string | undefined>> = process.env): GatewayEnv {
  // An empty variable means "unset", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const got =
          typeof present[name] === 'string' && !/SECRET|KEYS|URL|ENDPOINT/.test(name)
            ? ` (got "${present[name]}")`
            : '';
        return `${name} ${issue.message}${got}`;
      }),
    );
  }
  const value = parsed.data;
  const unpaired = PAIRS.flatMap(([id, secret]) =>
    (value[id] === undefined) !== (value[secret] === undefined)
      ? [`${id} and ${secret} must be set together`]
      : [],
  );
  if (value.MICROSOFT_CLIENT_ID === undefined && value.MICROSOFT_CLIENT_SECRET !== undefined) {
    unpaired.push('MICROSOFT_CLIENT_SECRET needs MICROSOFT_CLIENT_ID');
  }
  for (const [setting, app] of FORESIGHT_SETTINGS) {
    const set = value[setting] !== undefined && value[setting] !== false;
    if (set && value[app] === undefined) unpaired.push(`${setting} needs ${app}`);
  }
  if (value.JWT_JWKS_URL !== undefined && value.OIDC_ISSUER === undefined) {
    unpaired.push("JWT_JWKS_URL needs OIDC_ISSUER (the tokens' iss)");
  }
  if (value.OIDC_ISSUER !== undefined && value.OIDC_AUDIENCE === undefined) {
    unpaired.push("OIDC_ISSUER needs OIDC_AUDIENCE (the tokens' aud for this gateway)");
  }
  if (unpaired.length > 0) throw new ConfigError(unpaired);
  if (value.DATABASE_URL !== undefined) {
    const missing = [
      value.JWT_SECRET === undefined && devTokensAccepted(value)
        ? value.ALLOW_DEV_TOKENS === true
          ? 'JWT_SECRET is required when ALLOW_DEV_TOKENS is true (it signs the development tokens)'
          : 'JWT_SECRET is required when DATABASE_URL is set without OIDC_ISSUER (development tokens are the only login then)'
        : null,
      value.CREDENTIALS_KEYS === undefined ? 'CREDENTIALS_KEYS is required when DATABASE_URL is set' : null,
    ].filter((problem): problem is string => problem !== null);
    if (missing.length > 0) throw new ConfigError(missing);
  }
  return value;
}

/** ALLOW_DEV_TOKENS, defaulting to "only without an identity provider" (as the Authenticator decides). */
function devTokensAccepted(env: GatewayEnv): boolean {
  return env.ALLOW_DEV_TOKENS ?? env.OIDC_ISSUER === undefined;
}

/** Turns a validated environment plus the secrets main.ts settled on into the gateway's configuration. */
export function configFromEnv(
  env: GatewayEnv,
  secrets: { jwtSecret: string | null; credentialsKeys: string },
): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    jwt:
      secrets.jwtSecret === null
        ? null
        : { secret: secrets.jwtSecret, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
    identityProvider: identityProviderFromEnv(env),
    allowDevTokens: env.ALLOW_DEV_TOKENS,
    credentialsKeys: secrets.credentialsKeys,
    introspection: env.INTROSPECTION ?? !production,
    graphiql: env.GRAPHIQL ?? !production,
    limits: {
      maxDepth: env.MAX_QUERY_DEPTH,
      maxCost: env.MAX_QUERY_COST,
      maxAliases: env.MAX_QUERY_ALIASES,
      defaultListSize: DEFAULT_LIMITS.defaultListSize,
      maxBodyBytes: env.MAX_BODY_BYTES,
      // Never below the general limit: an admin's ordinary request is not refused sooner than anyone's.
      directorySyncMaxBodyBytes: Math.max(env.DIRECTORY_SYNC_MAX_BODY_BYTES, env.MAX_BODY_BYTES),
    },
    subscriptionLimits: {
      maxPerSocket: env.MAX_SUBSCRIPTIONS_PER_SOCKET,
      maxPerToken: env.MAX_SUBSCRIPTIONS_PER_TOKEN,
      replayBatchSize: env.SUBSCRIPTION_REPLAY_BATCH,
      deliveringPerUser: env.SUBSCRIPTIONS_DELIVERING_PER_USER,
    },
    logLevel: env.LOG_LEVEL,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    probes: {
      enabled: env.PROBES_ENABLED,
      intervalSeconds: env.PROBE_INTERVAL_SECONDS,
      concurrencyPerProvider: env.PROBE_CONCURRENCY_PER_PROVIDER,
      spread: env.PROBE_SPREAD_PERCENT / 100,
    },
    webhooks: {
      ...DEFAULT_WEBHOOK_CONFIG,
      enabled: env.WEBHOOKS_ENABLED ?? true,
      allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? !production,
      policy: {
        ...DEFAULT_WEBHOOK_CONFIG.policy,
        retryWindowMs: env.WEBHOOK_RETRY_HOURS * HOUR_MS,
        disableAfterMs: env.WEBHOOK_DISABLE_AFTER_DAYS * DAY_MS,
        timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      },
      concurrency: env.WEBHOOK_CONCURRENCY,
    },
    eventRetention: {
      days: env.EVENT_RETENTION_DAYS,
      recordDays: env.RECORD_RETENTION_DAYS,
      batchSize: env.EVENT_RETENTION_BATCH_SIZE,
      sweepIntervalSeconds: env.EVENT_RETENTION_SWEEP_SECONDS,
    },
    reconnectLinkTtlHours: env.RECONNECT_LINK_TTL_HOURS,
    notifications: {
      enabled: env.NOTIFICATIONS_ENABLED ?? env.SMTP_URL !== undefined,
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM,
    },
    zoomWebhookSecretToken: env.ZOOM_WEBHOOK_SECRET_TOKEN,
    publicUrl: env.PUBLIC_URL,
    oauthClientOrigins: {
      redirectOrigins: env.OAUTH_REDIRECT_ORIGINS ?? [],
      returnOrigins: env.OAUTH_RETURN_ORIGINS ?? [],
    },
    providerApps: providerAppsFromEnv(env),
    telemetry: telemetryFromEnv(env),
    foresight: {
      enabled: env.FORESIGHT_ENABLED ?? true,
      sweepIntervalSeconds: env.FORESIGHT_SWEEP_SECONDS,
      apps: foresightAppsFromEnv(env),
      microsoftRegistration:
        env.MICROSOFT_READ_APP_CREDENTIALS === true &&
        env.MICROSOFT_CLIENT_ID !== undefined &&
        env.MICROSOFT_CLIENT_SECRET !== undefined
          ? {
              tokenUrl: `${env.MICROSOFT_AUTHORITY ?? 'https://login.microsoftonline.com/common'}/oauth2/v2.0/token`,
              graphBaseUrl: env.MICROSOFT_GRAPH_URL,
              clientId: env.MICROSOFT_CLIENT_ID,
              clientSecret: env.MICROSOFT_CLIENT_SECRET,
            }
          : undefined,
    },
  };
}

function foresightAppsFromEnv(env: GatewayEnv): ForesightApps {
  const app = (facts: { publishingStatus?: 'TESTING' | 'PRODUCTION'; credentialExpiresAt?: Date }) =>
    Object.keys(facts).length === 0 ? undefined : facts;
  const google = app({
    ...(env.GOOGLE_APP_PUBLISHING_STATUS === undefined
      ? {}
      : { publishingStatus: env.GOOGLE_APP_PUBLISHING_STATUS }),
    ...(env.GOOGLE_CLIENT_SECRET_EXPIRES_AT === undefined
      ? {}
      : { credentialExpiresAt: env.GOOGLE_CLIENT_SECRET_EXPIRES_AT }),
  });
  const microsoft = app(
    env.MICROSOFT_CLIENT_SECRET_EXPIRES_AT === undefined
      ? {}
      : { credentialExpiresAt: env.MICROSOFT_CLIENT_SECRET_EXPIRES_AT },
  );
  const zoom = app(
    env.ZOOM_CLIENT_SECRET_EXPIRES_AT === undefined
      ? {}
      : { credentialExpiresAt: env.ZOOM_CLIENT_SECRET_EXPIRES_AT },
  );
  return {
    ...(google === undefined ? {} : { google }),
    ...(microsoft === undefined ? {} : { microsoft }),
    ...(zoom === undefined ? {} : { zoom }),
  };
}

function identityProviderFromEnv(env: GatewayEnv): IdentityProviderSettings | undefined {
  if (env.OIDC_ISSUER === undefined || env.OIDC_AUDIENCE === undefined) return undefined;
  return {
    issuer: env.OIDC_ISSUER,
    jwksUrl: env.JWT_JWKS_URL,
    audience: env.OIDC_AUDIENCE,
    claims: {
      organization: env.OIDC_ORGANIZATION_CLAIM,
      user: env.OIDC_USER_CLAIM,
      role: env.OIDC_ROLE_CLAIM,
    },
    cooldownMs: env.JWKS_COOLDOWN_SECONDS * 1000,
  };
}

function providerAppsFromEnv(env: GatewayEnv): ProviderApps {
  return {
    timeouts: {
      requestMs: env.PROVIDER_REQUEST_TIMEOUT_MS,
      callDeadlineMs: env.PROVIDER_CALL_DEADLINE_MS,
      exchangeMs: env.EXCHANGE_REQUEST_TIMEOUT_MS,
    },
    ...(env.GOOGLE_CLIENT_ID === undefined || env.GOOGLE_CLIENT_SECRET === undefined
      ? {}
      : { google: { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET } }),
    ...(env.MICROSOFT_CLIENT_ID === undefined
      ? {}
      : {
          microsoft: {
            clientId: env.MICROSOFT_CLIENT_ID,
            ...(env.MICROSOFT_CLIENT_SECRET === undefined
              ? {}
              : { clientSecret: env.MICROSOFT_CLIENT_SECRET }),
            ...(env.MICROSOFT_AUTHORITY === undefined ? {} : { authority: env.MICROSOFT_AUTHORITY }),
          },
        }),
    ...(env.ZOOM_CLIENT_ID === undefined || env.ZOOM_CLIENT_SECRET === undefined
      ? {}
      : { zoom: { clientId: env.ZOOM_CLIENT_ID, clientSecret: env.ZOOM_CLIENT_SECRET } }),
  };
}

/** A configuration that mints development tokens: what gatewayConfig builds. */
export type EmbeddableGatewayConfig = GatewayConfig & { readonly jwt: JwtSettings };

/**
 * A complete configuration for embedding the gateway (tests, the SDK's tests, scripts): loopback on a free
 * port, in-memory PGlite, fresh random secrets, IDE off. Override what you need.
 */
export function gatewayConfig(overrides: Partial<EmbeddableGatewayConfig> = {}): EmbeddableGatewayConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    pgliteDataDir: null,
    jwt: { secret: generateJwtSecret(), issuer: 'tsunagi', audience: 'tsunagi-gateway' },
    credentialsKeys: generateCredentialsKeys(),
    introspection: true,
    graphiql: false,
    limits: DEFAULT_LIMITS,
    subscriptionLimits: DEFAULT_SUBSCRIPTION_LIMITS,
    logLevel: 'silent',
    shutdownTimeoutMs: 5000,
    // Off unless a test asks: a probe firing mid-test would change what it observes.
    probes: { ...DEFAULT_PROBE_CONFIG, enabled: false },
    // Likewise no dispatcher (its sweep would add queries to what tests count); receivers may be on loopback.
    webhooks: { ...DEFAULT_WEBHOOK_CONFIG, enabled: false, allowPrivateTargets: true },
    // Off unless a test asks: its sweep would change what tests observe.
    foresight: { ...DEFAULT_FORESIGHT_CONFIG, enabled: false },
    // Off unless a test asks, for the same reason (and test clocks date events in the past).
    eventRetention: { ...DEFAULT_EVENT_RETENTION_CONFIG, days: 0, recordDays: 0, sweepIntervalSeconds: 0 },
    ...overrides,
  };
}

export function generateJwtSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A one-key keyring spec for CREDENTIALS_KEYS. */
export function generateCredentialsKeys(): string {
  return `k1:${Buffer.from(generateKey()).toString('base64')}`;
}
