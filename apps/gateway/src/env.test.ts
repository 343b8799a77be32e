import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, DEFAULT_PROVIDER_TIMEOUTS, parseEnv } from './env.js';

const secrets = {
  jwtSecret: 'x'.repeat(32),
  credentialsKeys: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

function problems(env: Record<string, string>): readonly string[] {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEnv', () => {
  it("reads foresight's per-app facts once: publishing status, credential expiry, the sweep", () => {
    const config = configFromEnv(
      parseEnv({
        GOOGLE_CLIENT_ID: 'g',
        GOOGLE_CLIENT_SECRET: 's',
        GOOGLE_APP_PUBLISHING_STATUS: 'testing',
        GOOGLE_CLIENT_SECRET_EXPIRES_AT: '2027-03-01',
        MICROSOFT_CLIENT_ID: 'm',
        MICROSOFT_CLIENT_SECRET_EXPIRES_AT: '2027-01-15T12:00:00+09:00',
        FORESIGHT_SWEEP_SECONDS: '600',
      }),
      secrets,
    );
    expect(config.foresight).toEqual({
      enabled: true,
      sweepIntervalSeconds: 600,
      apps: {
        google: { publishingStatus: 'TESTING', credentialExpiresAt: new Date('2027-03-01T00:00:00Z') },
        microsoft: { credentialExpiresAt: new Date('2027-01-15T03:00:00Z') },
      },
    });
    expect(configFromEnv(parseEnv({}), secrets).foresight).toEqual({
      enabled: true,
      sweepIntervalSeconds: 3600,
      apps: {},
    });
  });

  it('refuses a foresight setting it cannot read, or one for an app that is not configured', () => {
    expect(
      problems({
        GOOGLE_CLIENT_ID: 'g',
        GOOGLE_CLIENT_SECRET: 's',
        GOOGLE_APP_PUBLISHING_STATUS: 'beta',
        GOOGLE_CLIENT_SECRET_EXPIRES_AT: 'next tuesday',
        FORESIGHT_SWEEP_SECONDS: '5',
      }),
    ).toEqual([
      'FORESIGHT_SWEEP_SECONDS must be at least 60 (got "5")',
      'GOOGLE_APP_PUBLISHING_STATUS must be testing or production (got "beta")',
      // A variable named like a secret is never echoed.
      'GOOGLE_CLIENT_SECRET_EXPIRES_AT must be an ISO 8601 date (2027-03-01) or date-time with a zone',
    ]);
    expect(problems({ ZOOM_CLIENT_SECRET_EXPIRES_AT: '2027-03-01' })).toEqual([
      'ZOOM_CLIENT_SECRET_EXPIRES_AT needs ZOOM_CLIENT_ID',
    ]);
  });

  it('defaults to embedded PGlite on loopback', () => {
    const config = configFromEnv(parseEnv({}), secrets);
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      pgliteDataDir: '.tsunagi-data/pglite',
      introspection: true,
      graphiql: true,
      logLevel: 'info',
      jwt: { issuer: 'tsunagi', audience: 'tsunagi-gateway' },
      subscriptionLimits: { maxPerSocket: 25, maxPerToken: 50, replayBatchSize: 50, deliveringPerUser: 2 },
      eventRetention: { days: 30, recordDays: 30, batchSize: 1000, sweepIntervalSeconds: 600 },
    });
  });

  it('reads the event retention, where 0 days keeps every event, and refuses a negative one', () => {
    const env = {
      EVENT_RETENTION_DAYS: '0',
      RECORD_RETENTION_DAYS: '7',
      EVENT_RETENTION_BATCH_SIZE: '500',
      EVENT_RETENTION_SWEEP_SECONDS: '60',
    };
    expect(configFromEnv(parseEnv(env), secrets).eventRetention).toEqual({
      days: 0,
      recordDays: 7,
      batchSize: 500,
      sweepIntervalSeconds: 60,
    });
    expect(
      problems({ EVENT_RETENTION_DAYS: '-1', RECORD_RETENTION_DAYS: '-2', EVENT_RETENTION_BATCH_SIZE: '1' }),
    ).toEqual([
      'EVENT_RETENTION_DAYS must be at least 0 (got "-1")',
      'RECORD_RETENTION_DAYS must be at least 0 (got "-2")',
      'EVENT_RETENTION_BATCH_SIZE must be at least 10 (got "1")',
    ]);
  });

  it('reads the OpenTelemetry variables: off when unset, signal paths appended to the base endpoint', () => {
    expect(configFromEnv(parseEnv({}), secrets).telemetry).toMatchObject({
      tracesUrl: null,
      metricsUrl: null,
      serviceName: 'tsunagi-gateway',
    });
    expect(
      configFromEnv(
        parseEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/', OTEL_SERVICE_NAME: 'gw-eu' }),
        secrets,
      ).telemetry,
    ).toMatchObject({
      tracesUrl: 'http://127.0.0.1:4318/v1/traces',
      metricsUrl: 'http://127.0.0.1:4318/v1/metrics',
      serviceName: 'gw-eu',
      metricExportIntervalMs: 60_000,
    });
    // A signal's own endpoint is used as given; the other signal stays off without a base endpoint.
    expect(
      configFromEnv(
        parseEnv({
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/custom/traces',
          OTEL_METRIC_EXPORT_INTERVAL: '5000',
        }),
        secrets,
      ).telemetry,
    ).toMatchObject({
      tracesUrl: 'http://127.0.0.1:4318/custom/traces',
      metricsUrl: null,
      metricExportIntervalMs: 5000,
    });
    expect(
      configFromEnv(
        parseEnv({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }),
        secrets,
      ).telemetry,
    ).toMatchObject({ tracesUrl: null, metricsUrl: null });
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' })).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL',
    ]);
  });

  it('reads every setting', () => {
    const config = configFromEnv(
      parseEnv({
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://app@db:5432/tsunagi',
        JWT_SECRET: secrets.jwtSecret,
        CREDENTIALS_KEYS: secrets.credentialsKeys,
        INTROSPECTION: 'false',
        GRAPHIQL: 'off',
        MAX_QUERY_DEPTH: '8',
        MAX_QUERY_COST: '5000',
        MAX_QUERY_ALIASES: '4',
        MAX_BODY_BYTES: '2048',
        DIRECTORY_SYNC_MAX_BODY_BYTES: '4096',
        MAX_SUBSCRIPTIONS_PER_SOCKET: '5',
        MAX_SUBSCRIPTIONS_PER_TOKEN: '12',
        SUBSCRIPTION_REPLAY_BATCH: '20',
        SUBSCRIPTIONS_DELIVERING_PER_USER: '1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      }),
      secrets,
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://app@db:5432/tsunagi',
      introspection: false,
      graphiql: false,
      limits: {
        maxDepth: 8,
        maxCost: 5000,
        maxAliases: 4,
        maxBodyBytes: 2048,
        directorySyncMaxBodyBytes: 4096,
      },
      subscriptionLimits: { maxPerSocket: 5, maxPerToken: 12, replayBatchSize: 20, deliveringPerUser: 1 },
      logLevel: 'warn',
    });
  });

  it('turns introspection and the IDE off by default in production', () => {
    const config = configFromEnv(parseEnv({ NODE_ENV: 'production' }), secrets);
    expect(config).toMatchObject({ introspection: false, graphiql: false });
  });

  it('names every bad variable with a clear message, and never echoes secrets', () => {
    const found = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://secret-password@db/x',
      JWT_SECRET: 'short-secret',
      CREDENTIALS_KEYS: 'k1:dG9vLXNob3J0',
      INTROSPECTION: 'maybe',
      LOG_LEVEL: 'loud',
      MAX_QUERY_DEPTH: '1',
    });
    expect(found).toEqual([
      'PORT must be a number (got "eighty")',
      'DATABASE_URL must be a postgres:// or postgresql:// URL',
      'JWT_SECRET must be at least 32 characters (HS256 secret)',
      'CREDENTIALS_KEYS is not a valid keyring (Key "k1" must be 32 bytes, got 9)',
      'INTROSPECTION must be true or false (also accepted: 1/0, yes/no, on/off) (got "maybe")',
      'MAX_QUERY_DEPTH must be at least 2 (got "1")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ]);
    expect(found.join('\n')).not.toContain('secret-password');
  });

  it('requires the secrets when running on Postgres', () => {
    expect(problems({ DATABASE_URL: 'postgres://db/x' })).toEqual([
      'JWT_SECRET is required when DATABASE_URL is set without OIDC_ISSUER (development tokens are the only login then)',
      'CREDENTIALS_KEYS is required when DATABASE_URL is set',
    ]);
  });

  describe('JWT_SECRET on Postgres with an identity provider', () => {
    const production = {
      DATABASE_URL: 'postgres://db/x',
      CREDENTIALS_KEYS: secrets.credentialsKeys,
      OIDC_ISSUER: 'https://login.example.com/',
      OIDC_AUDIENCE: 'api://tsunagi',
    };

    it('may be left out: development tokens are then off', () => {
      const config = configFromEnv(parseEnv(production), { ...secrets, jwtSecret: null });
      expect(config.jwt).toBeNull();
      expect(config.identityProvider).toMatchObject({ issuer: 'https://login.example.com/' });
      expect(config.allowDevTokens).toBeUndefined();
    });

    it('is still required when ALLOW_DEV_TOKENS=true asks for development tokens', () => {
      expect(problems({ ...production, ALLOW_DEV_TOKENS: 'true' })).toEqual([
        'JWT_SECRET is required when ALLOW_DEV_TOKENS is true (it signs the development tokens)',
      ]);
    });

    it('signs development tokens when given, with the identity provider alongside', () => {
      const config = configFromEnv(
        parseEnv({ ...production, JWT_SECRET: secrets.jwtSecret, ALLOW_DEV_TOKENS: 'true' }),
        secrets,
      );
      expect(config.jwt).toEqual({
        secret: secrets.jwtSecret,
        issuer: 'tsunagi',
        audience: 'tsunagi-gateway',
      });
      expect(config.allowDevTokens).toBe(true);
    });

    it('may be left out without an identity provider only when ALLOW_DEV_TOKENS=false (API keys alone)', () => {
      const { OIDC_ISSUER: _issuer, OIDC_AUDIENCE: _audience, ...apiKeysOnly } = production;
      expect(problems({ ...apiKeysOnly, ALLOW_DEV_TOKENS: 'false' })).toEqual([]);
      expect(problems(apiKeysOnly)).toEqual([
        'JWT_SECRET is required when DATABASE_URL is set without OIDC_ISSUER (development tokens are the only login then)',
      ]);
    });
  });

  it('reads the provider timeouts, bounded to sane values', () => {
    const config = configFromEnv(
      parseEnv({
        PROVIDER_REQUEST_TIMEOUT_MS: '5000',
        PROVIDER_CALL_DEADLINE_MS: '20000',
        EXCHANGE_REQUEST_TIMEOUT_MS: '8000',
      }),
      secrets,
    );
    expect(config.providerApps?.timeouts).toEqual({
      requestMs: 5_000,
      callDeadlineMs: 20_000,
      exchangeMs: 8_000,
    });
    expect(problems({ PROVIDER_REQUEST_TIMEOUT_MS: '0' })).toEqual([
      'PROVIDER_REQUEST_TIMEOUT_MS must be at least 100 (got "0")',
    ]);
  });

  it('reads the OAuth apps and the public URL, and refuses half-configured apps', () => {
    const config = configFromEnv(
      parseEnv({
        PUBLIC_URL: 'https://scheduling.example.com/',
        GOOGLE_CLIENT_ID: 'g-id.apps.googleusercontent.com',
        GOOGLE_CLIENT_SECRET: 'g-secret',
        MICROSOFT_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
        MICROSOFT_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
        ZOOM_CLIENT_ID: 'zoom-id',
        ZOOM_CLIENT_SECRET: 'zoom-secret',
      }),
      secrets,
    );
    expect(config.publicUrl).toBe('https://scheduling.example.com');
    expect(config.providerApps).toEqual({
      google: { clientId: 'g-id.apps.googleusercontent.com', clientSecret: 'g-secret' },
      microsoft: {
        clientId: '11111111-2222-3333-4444-555555555555',
        authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      },
      zoom: { clientId: 'zoom-id', clientSecret: 'zoom-secret' },
      timeouts: DEFAULT_PROVIDER_TIMEOUTS,
    });
    expect(configFromEnv(parseEnv({}), secrets).providerApps).toEqual({
      timeouts: DEFAULT_PROVIDER_TIMEOUTS,
    });

    expect(problems({ GOOGLE_CLIENT_ID: 'g', ZOOM_CLIENT_SECRET: 'top-secret-value' })).toEqual([
      'GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set together',
      'ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET must be set together',
    ]);
    expect(problems({ MICROSOFT_CLIENT_SECRET: 's' })).toEqual([
      'MICROSOFT_CLIENT_SECRET needs MICROSOFT_CLIENT_ID',
    ]);
    expect(problems({ PUBLIC_URL: 'scheduling.example.com' })).toEqual([
      'PUBLIC_URL must be an http:// or https:// URL',
    ]);
  });

  it('treats empty variables as unset', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: '' });
    expect(env.PORT).toBe(4000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads the identity provider, its claim names, and whether development tokens stay allowed', () => {
    expect(configFromEnv(parseEnv({}), secrets)).toMatchObject({ identityProvider: undefined });
    const config = configFromEnv(
      parseEnv({
        OIDC_ISSUER: 'https://login.example.com/tenant/',
        OIDC_AUDIENCE: 'api://tsunagi',
        OIDC_ORGANIZATION_CLAIM: 'https://example.com/org',
        OIDC_USER_CLAIM: 'oid',
        JWKS_COOLDOWN_SECONDS: '5',
        ALLOW_DEV_TOKENS: 'true',
      }),
      secrets,
    );
    expect(config.identityProvider).toEqual({
      // Compared exactly with `iss`: the trailing slash stays.
      issuer: 'https://login.example.com/tenant/',
      jwksUrl: undefined,
      audience: 'api://tsunagi',
      claims: { organization: 'https://example.com/org', user: 'oid', role: 'role' },
      cooldownMs: 5000,
    });
    expect(config.allowDevTokens).toBe(true);
    expect(problems({ OIDC_ISSUER: 'https://login.example.com' })).toEqual([
      "OIDC_ISSUER needs OIDC_AUDIENCE (the tokens' aud for this gateway)",
    ]);
    expect(problems({ JWT_JWKS_URL: 'https://login.example.com/keys' })).toEqual([
      "JWT_JWKS_URL needs OIDC_ISSUER (the tokens' iss)",
    ]);
    expect(problems({ OIDC_ISSUER: 'login.example.com', OIDC_AUDIENCE: 'a' })).toEqual([
      'OIDC_ISSUER must be an http:// or https:// URL (got "login.example.com")',
    ]);
  });

  it('reads the outgoing webhook settings, private targets off in production, and keeps retries at 72 h or more', () => {
    const development = configFromEnv(parseEnv({}), secrets).webhooks;
    expect(development).toMatchObject({ enabled: true, allowPrivateTargets: true });
    expect(development?.policy.retryWindowMs).toBe(72 * 3_600_000);
    const production = configFromEnv(
      parseEnv({
        NODE_ENV: 'production',
        WEBHOOKS_ENABLED: 'false',
        WEBHOOK_RETRY_HOURS: '96',
        WEBHOOK_DISABLE_AFTER_DAYS: '3',
        WEBHOOK_TIMEOUT_MS: '5000',
        WEBHOOK_CONCURRENCY: '8',
      }),
      secrets,
    ).webhooks;
    expect(production).toMatchObject({ enabled: false, allowPrivateTargets: false, concurrency: 8 });
    expect(production?.policy).toMatchObject({
      retryWindowMs: 96 * 3_600_000,
      disableAfterMs: 3 * 86_400_000,
      timeoutMs: 5000,
    });
    expect(problems({ WEBHOOK_RETRY_HOURS: '24' })).toEqual([
      'WEBHOOK_RETRY_HOURS must be at least 72 (got "24")',
    ]);
  });
});
