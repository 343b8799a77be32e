#!/usr/bin/env node
// `tsunagi-gateway [serve]` runs the gateway; `tsunagi-gateway token …` mints a development token.
import { parseArgs } from 'node:util';
import { mintToken, ROLES, type Role } from './auth/token.js';
import { demoProviderLines } from './demo/banner.js';
import {
  type EmbeddedGateway,
  embeddedSecretsFile,
  loadOrCreateEmbeddedSecrets,
  startEmbedded,
} from './embedded.js';
import { ConfigError, configFromEnv, type GatewayEnv, parseEnv } from './env.js';
import { createGateway } from './gateway.js';
import { createLogger } from './ops/logger.js';
import { AdapterProviderRegistry } from './providers/adapter-registry.js';
import { configuredProviderRegistry } from './providers/adapters.js';

const USAGE = `Usage:
  node apps/gateway/dist/main.js [serve]
      Starts the gateway. Without DATABASE_URL it runs on embedded PGlite (PGLITE_DATA_DIR), loads the
      demo organization, starts the Google, Microsoft, Zoom and Exchange emulators as its providers,
      serves the GraphQL IDE at / and prints an admin token.
  node apps/gateway/dist/main.js token --user <userId> --org <organizationId> [--role MEMBER|ADMIN|SERVICE] [--expires 24h]
      Prints a development token signed with JWT_SECRET (embedded mode: the generated secret).`;

/**
 * JWT_SECRET and CREDENTIALS_KEYS from the environment, or (embedded mode) from the generated file. On
 * Postgres JWT_SECRET may be absent (parseEnv allows it only with an identity provider): no development tokens.
 */
function settleSecrets(env: GatewayEnv): {
  jwtSecret: string | null;
  credentialsKeys: string;
  generatedIn: string | null;
} {
  if (env.DATABASE_URL !== undefined && env.CREDENTIALS_KEYS !== undefined) {
    return { jwtSecret: env.JWT_SECRET ?? null, credentialsKeys: env.CREDENTIALS_KEYS, generatedIn: null };
  }
  if (env.JWT_SECRET !== undefined && env.CREDENTIALS_KEYS !== undefined) {
    return { jwtSecret: env.JWT_SECRET, credentialsKeys: env.CREDENTIALS_KEYS, generatedIn: null };
  }
  // parseEnv refuses a missing CREDENTIALS_KEYS with DATABASE_URL, so this is embedded mode.
  const file = embeddedSecretsFile(env.PGLITE_DATA_DIR);
  const stored = loadOrCreateEmbeddedSecrets(file);
  return {
    jwtSecret: env.JWT_SECRET ?? stored.jwtSecret,
    credentialsKeys: env.CREDENTIALS_KEYS ?? stored.credentialsKeys,
    generatedIn: stored.created ? file : null,
  };
}

async function serve(): Promise<void> {
  const env = parseEnv();
  const secrets = settleSecrets(env);
  const config = configFromEnv(env, secrets);
  const log = createLogger(config.logLevel);
  const embedded = config.databaseUrl === undefined;
  const embeddedGateway: EmbeddedGateway | null = embedded
    ? await startEmbedded({ config, logger: log })
    : null;
  const gateway =
    embeddedGateway?.gateway ??
    (await createGateway(config, {
      logger: log,
      providers: configuredProviderRegistry(config.providerApps ?? {}),
    }));

  const lines = [
    `Tsunagi gateway on ${embedded ? `embedded PGlite (${env.PGLITE_DATA_DIR})` : 'PostgreSQL'}`,
  ];
  lines.push(
    `  GraphQL      ${gateway.url}   (WebSocket subscriptions: ${gateway.url.replace(/^http/, 'ws')})`,
  );
  if (config.graphiql) lines.push(`  IDE          ${new URL('/', gateway.url).href}`);
  if (gateway.consoleUrl !== null) lines.push(`  Console      ${gateway.consoleUrl}`);
  if (embeddedGateway?.outbox) {
    lines.push(
      `  Outbox       ${new URL('/outbox', gateway.url).href}   (mail the demo sends; local SMTP sink ${embeddedGateway.outbox.outbox.url})`,
    );
  }
  lines.push(`  Operations   ${new URL('/healthz', gateway.url).href}  /readyz  /metrics`);
  if (secrets.generatedIn !== null) lines.push(`  Secrets      generated and kept in ${secrets.generatedIn}`);
  if (!embedded && gateway.services.providers instanceof AdapterProviderRegistry) {
    lines.push(
      `  Providers    ${gateway.services.providers.providers().join(', ')} (see GOOGLE_*, MICROSOFT_*, ZOOM_*)`,
    );
  }
  if (gateway.demo !== null) {
    lines.push(
      '',
      `Demo organization ${gateway.demo.organizationId}; admin token (Aiko Tanaka, 30 days):`,
      gateway.demo.adminToken,
      '',
      `Try: curl -s ${gateway.url} -H 'content-type: application/json' -H "authorization: Bearer <token>" \\`,
      `       -d '{"query":"{ connectionAlerts { erroredConnections disabledBookingPages } }"}'`,
    );
  }
  if (embeddedGateway !== null) lines.push('', ...demoProviderLines(embeddedGateway));
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    (embeddedGateway ?? gateway).stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function token(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string', default: 'MEMBER' },
      expires: { type: 'string', default: '24h' },
    },
    strict: true,
  });
  if (values.user === undefined || values.org === undefined)
    throw new UsageError('token needs --user and --org');
  if (!(ROLES as readonly string[]).includes(values.role)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  }
  const env = parseEnv();
  const { jwtSecret } = settleSecrets(env);
  if (jwtSecret === null) {
    throw new UsageError(
      'JWT_SECRET is not set, so development tokens are off: use the identity provider or an API key',
    );
  }
  const minted = await mintToken({
    secret: jwtSecret,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    userId: values.user,
    organizationId: values.org,
    role: values.role as Role,
    expiresIn: values.expires,
  });
  process.stdout.write(`${minted}\n`);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve();
    case 'token':
      return token(rest);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (
    error instanceof UsageError ||
    (error as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
  ) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
  } else {
    process.stderr.write(`tsunagi-gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
