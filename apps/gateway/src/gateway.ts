// The running gateway: Express 5 + Apollo Server 5 on /graphql, graphql-ws on the same port and path,
// operations endpoints, the offline IDE, and a shutdown that drains everything in order.
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { metrics as otelMetrics } from '@opentelemetry/api';
import {
  CoalescedReadRepository,
  createDatabase,
  createExchangeSettingsStore,
  createStateService,
  type DatabaseHandle,
  type DemoPerson,
  type Keyring,
  parseKeyring,
  seedDemo,
} from '@tsunagi/db';
import type { NotificationDispatcher } from '@tsunagi/notifications';
import type { WebhookDispatcher } from '@tsunagi/webhooks';
import express from 'express';
import { type GraphQLError, type GraphQLFormattedError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { Authenticator, authenticate } from './auth/index.js';
import { mintToken } from './auth/token.js';
import type { ExchangeAnalyzerOptions, GatewayContext, GatewayServices } from './context.js';
import { demoSignInHandler } from './demo/console-sign-in.js';
import type { GatewayConfig } from './env.js';
import { formatGatewayError, isExpectedError } from './errors.js';
import { DEFAULT_FORESIGHT_CONFIG } from './foresight/config.js';
import { ForesightService } from './foresight/service.js';
import { bodyErrorHandler } from './http/body-errors.js';
import { earlyContext, graphqlBodyParser } from './http/body-limit.js';
import { builtConsoleDir, CONSOLE_PATH, consoleRouter } from './http/console.js';
import { databaseUnavailableHandler } from './http/database-unavailable.js';
import { graphiqlRouter } from './http/graphiql.js';
import { graphqlRequestGuard } from './http/request-guard.js';
import { serveSubscriptions } from './http/subscriptions.js';
import { ClientGates } from './limits/client-gate.js';
import { gatewayValidationRules, NoNulCharacterRule } from './limits/document-checks.js';
import { createNotifications } from './notifications/service.js';
import { operationsPlugin } from './ops/apollo-plugin.js';
import { createLogger, type Logger, requestLogging } from './ops/logger.js';
import { GatewayMetrics, readStateCounts } from './ops/metrics.js';
import { outboxRouter } from './outbox/page.js';
import { type GatewayMailOutbox, notificationsVia, startGatewayMailOutbox } from './outbox/service.js';
import { DEFAULT_PROBE_CONFIG } from './probes/config.js';
import { type ProbeRunner, startProbes } from './probes/runner.js';
import { AdapterProviderRegistry } from './providers/adapter-registry.js';
import type { ProviderRegistryFactory } from './providers/adapters.js';
import { handleOAuthAuthorize } from './providers/authorize-route.js';
import { handleOAuthCallback } from './providers/callback-route.js';
import { oauthUnavailablePage } from './providers/oauth-answer.js';
import { AUTHORIZE_PATH } from './providers/oauth-flow.js';
import { NO_CLIENT_ORIGINS } from './providers/oauth-origins.js';
import { type ProviderRegistry, UnconfiguredProviderRegistry } from './providers/registry.js';
import { ZOOM_WEBHOOK_PATH, ZoomWebhook, zoomWebhookHandler } from './providers/zoom-webhook.js';
import { RECONNECT_LINK_PATH, ReconnectLinks } from './reconnect/links.js';
import { handleReconnectLink } from './reconnect/route.js';
import { DEFAULT_EVENT_RETENTION_CONFIG } from './retention/config.js';
import { EventRetentionSweeper } from './retention/sweeper.js';
import { createSchema } from './schema/index.js';
import { TELEMETRY_OFF, telemetryEnabled } from './telemetry/config.js';
import { observeHealthFigures } from './telemetry/health-metrics.js';
import { tracingMiddleware } from './telemetry/http.js';
import { instrumentRootResolvers } from './telemetry/resolvers.js';
import { startTelemetry, type Telemetry } from './telemetry/sdk.js';
import { DEFAULT_WEBHOOK_CONFIG } from './webhooks/config.js';
import { createWebhooks } from './webhooks/service.js';

export const GRAPHQL_PATH = '/graphql';
/** How long an idle keep-alive socket stays open (Node's default is 5 s). */
const IDLE_SOCKET_MS = 65_000;

export interface GatewayOptions {
  /** An open, migrated database. Without it the gateway opens (and migrates, and later closes) its own. */
  readonly database?: DatabaseHandle;
  /** Defaults to the registry with no adapters (provider mutations answer PROVIDER_ERROR). A factory is
   * called with the gateway's database, keyring, state service and public origin (see
   * `createEmulatedProviderRegistry`). */
  readonly providers?: ProviderRegistry | ProviderRegistryFactory;
  readonly logger?: Logger;
  /** Loads the demo organizations (once; a database that has them is left alone) and mints an admin token. */
  readonly seedDemo?: boolean;
  /** The Zoom app's webhook secret token: mounts `POST /webhooks/zoom` (deauthorization, URL validation). */
  readonly zoomWebhookSecretToken?: string;
  /** How `testExchangeConnection` reaches Exchange servers: tests trust an emulator's CA and resolve its host. */
  readonly exchange?: ExchangeAnalyzerOptions;
  /** The reconnect links' clock (tests move it to expire a link). */
  readonly reconnectLinkClock?: () => Date;
  /** Foresight's and the notification policy's clock (tests move it to bring a predicted break near). */
  readonly clock?: () => Date;
  /**
   * Events committed from this moment on are news to the notification dispatcher (for organizations it has not
   * seen); default: when createGateway was called. Embedded mode passes the moment before its seed.
   */
  readonly notificationsSince?: Date;
  /** Embedded mode: without an SMTP server configured (config.notifications.smtpUrl), notifications go to a
   * local SMTP sink on 127.0.0.1 that `mailOutbox` and `GET /outbox` read. */
  readonly mailOutbox?: boolean;
  /** The web console's built files, served at /console; default: apps/console/dist when built, null = none. */
  readonly consoleDir?: string | null;
  /** Embedded mode: the console offers the demo people to sign in as (needs `seedDemo` and JWT_SECRET). */
  readonly demoSignIn?: boolean;
}

export interface DemoAccess {
  readonly organizationId: string;
  readonly otherOrganizationId: string;
  /** User ids by first name: `aiko` administers the demo organization, `hana` the other one. */
  readonly users: Readonly<Record<DemoPerson, string>>;
  /** ADMIN of the demo organization, valid 30 days; also prefilled in the IDE. */
  readonly adminToken: string;
}

export interface Gateway {
  /** `http://host:port/graphql`; the WebSocket endpoint is the same URL with `ws://`. */
  readonly url: string;
  readonly httpServer: Server;
  readonly database: DatabaseHandle;
  readonly metrics: GatewayMetrics;
  /** What resolvers use; with `createContext`, runs operations in process (benchmarks, tools). */
  readonly services: GatewayServices;
  readonly logger: Logger;
  /** Set when created with `seedDemo`. */
  readonly demo: DemoAccess | null;
  /** The web console (`http://host:port/console/`), null when it is not built. */
  readonly consoleUrl: string | null;
  /** The scheduled health probes (config.probes), null when off. */
  readonly probes: ProbeRunner | null;
  /** This process's webhook dispatcher (config.webhooks.enabled), null when off. */
  readonly webhooks: WebhookDispatcher | null;
  /** This process's notification e-mail dispatcher (config.notifications), null when off. */
  readonly notifications: NotificationDispatcher | null;
  /** The local mail sink notifications go to (options.mailOutbox without SMTP_URL), null otherwise. */
  readonly mailOutbox: GatewayMailOutbox | null;
  /** The retention sweep (config.eventRetention), null when it has no interval (the tests' configuration). */
  readonly eventRetention: EventRetentionSweeper | null;
  /** Breakage predicted (config.foresight): after probes and on a timer; null when off or without adapters. */
  readonly foresight: ForesightService | null;
  /** The OpenTelemetry SDK exporting over OTLP (config.telemetry), null when no endpoint is configured. */
  readonly telemetry: Telemetry | null;
  /** Stops accepting, closes WebSockets (1001), waits for in-flight requests, closes the database it opened. */
  stop(): Promise<void>;
}

async function seedDemoAccess(
  database: DatabaseHandle,
  keyring: Keyring,
  config: GatewayConfig,
): Promise<DemoAccess> {
  if (config.jwt === null) throw new Error('The demo mints an admin token: it needs config.jwt (JWT_SECRET)');
  const seed = await seedDemo(database.db, { keyring, bus: database.bus });
  const adminToken = await mintToken({
    ...config.jwt,
    userId: seed.users.aiko,
    organizationId: seed.organizationId,
    role: 'ADMIN',
    expiresIn: '30d',
  });
  return {
    organizationId: seed.organizationId,
    otherOrganizationId: seed.otherOrganizationId,
    users: seed.users,
    adminToken,
  };
}

export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  // What this start seeds is news to the notification dispatcher; what the database held before is not.
  const startedAt = options.notificationsSince ?? new Date();
  const log = options.logger ?? createLogger(config.logLevel);
  const ownsDatabase = options.database === undefined;
  const database =
    options.database ??
    createDatabase(
      config.databaseUrl !== undefined
        ? {
            databaseUrl: config.databaseUrl,
            onConnectionError: (error) => log.warn({ err: error }, 'database connection lost'),
          }
        : config.pgliteDataDir === null
          ? {}
          : { dataDir: config.pgliteDataDir },
    );
  if (ownsDatabase) await database.migrate();
  const keyring = parseKeyring(config.credentialsKeys);
  const demo = options.seedDemo ? await seedDemoAccess(database, keyring, config) : null;

  const shutdown = new AbortController();
  // Every live subscription listens for shutdown (removed when it ends); their number is capped elsewhere.
  setMaxListeners(0, shutdown.signal);
  const metrics = new GatewayMetrics(() => readStateCounts(database.db));
  const state = createStateService({ db: database.db, keyring, bus: database.bus });
  let origin: string | null = null;
  const publicUrl = () => {
    if (config.publicUrl !== undefined) return config.publicUrl;
    if (origin === null) throw new Error('The gateway is not listening yet');
    return origin;
  };
  const exchangeSettings = createExchangeSettingsStore(database.db, keyring);
  const exchange = options.exchange ?? {};
  const webhooks = createWebhooks(database, keyring, config.webhooks ?? DEFAULT_WEBHOOK_CONFIG, log);
  const mailOutbox =
    options.mailOutbox && config.notifications?.smtpUrl == null
      ? await startGatewayMailOutbox(database.db)
      : null;
  const reconnectLinks = new ReconnectLinks(database.db, keyring, {
    publicUrl,
    ttlSeconds: (config.reconnectLinkTtlHours ?? 168) * 3600,
    now: options.reconnectLinkClock,
  });
  // Slack URLs are checked like webhook targets: public addresses only unless private targets are allowed.
  const notifications = createNotifications({
    database,
    keyring,
    config: notificationsVia(mailOutbox, config.notifications),
    allowPrivateTargets: (config.webhooks ?? DEFAULT_WEBHOOK_CONFIG).allowPrivateTargets,
    links: reconnectLinks,
    logger: log,
    enabledAt: startedAt,
    now: options.clock,
  });
  const services: GatewayServices = {
    database,
    // Concurrent viewers' reads of users and pages by id share queries (live subscribers wake together).
    reads: new CoalescedReadRepository(database.db),
    state,
    providers:
      typeof options.providers === 'function'
        ? options.providers({
            database,
            keyring,
            state,
            publicUrl,
            logger: log,
            exchangeSettings,
            exchange,
            clientOrigins: config.oauthClientOrigins ?? NO_CLIENT_ORIGINS,
          })
        : (options.providers ?? new UnconfiguredProviderRegistry()),
    metrics,
    exchangeSettings,
    exchange,
    shutdownSignal: shutdown.signal,
    subscriptionLimits: config.subscriptionLimits,
    deliveryGates: new ClientGates(config.subscriptionLimits.deliveringPerUser),
    authenticator: new Authenticator(
      { jwt: config.jwt, identityProvider: config.identityProvider, allowDevTokens: config.allowDevTokens },
      database.db,
    ),
    webhooks: webhooks.service,
    reconnectLinks,
    notifications: notifications.service,
    mailOutbox,
  };
  const telemetryConfig = config.telemetry ?? TELEMETRY_OFF;
  const tracing = telemetryConfig.tracesUrl !== null;
  // Unconfigured, no SDK is registered: the API calls in the libraries stay no-ops, nothing is sent.
  const telemetry = telemetryEnabled(telemetryConfig) ? startTelemetry(telemetryConfig) : null;
  const schema = instrumentRootResolvers(createSchema(), {
    tracing,
    observe: (field, seconds) => metrics.resolverDuration.observe({ field }, seconds),
  });
  // graphql-ws validates with these; Apollo always runs graphql-js's specified rules and adds the rest.
  const validationRules = gatewayValidationRules(
    config.introspection ? [] : [NoSchemaIntrospectionCustomRule],
  );

  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = formatGatewayError(formatted, error);
    metrics.errors.inc({ code: String(result.extensions?.code) });
    return result;
  };
  const logUnexpected = (errors: readonly unknown[], requestId: string | undefined) => {
    for (const error of errors) {
      if (!isExpectedError(error))
        log.error({ err: error, requestId }, 'unexpected error in a GraphQL operation');
    }
  };

  // ---- HTTP
  let draining = false;
  const app = express();
  app.disable('x-powered-by');
  if (tracing) app.use(tracingMiddleware());
  app.use(requestLogging(log));
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (request, response) => {
    if (draining) {
      response.status(503).json({ status: 'draining' });
      return;
    }
    try {
      // Reads a table the migrations create: fails until the database is reachable and migrated.
      await services.reads.organization('readiness-probe');
      response.json({ status: 'ready', driver: database.driver });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      response.status(503).json({ status: 'unavailable' });
    }
  });
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get(AUTHORIZE_PATH, (request, response) => handleOAuthAuthorize(services, request, response));
  app.get('/oauth/callback/:provider', (request, response) =>
    handleOAuthCallback(services.providers, request, response),
  );
  app.get(`${RECONNECT_LINK_PATH}/:token`, (request, response) =>
    handleReconnectLink(services.reconnectLinks, services.providers, request, response),
  );
  const zoomWebhookSecretToken = options.zoomWebhookSecretToken ?? config.zoomWebhookSecretToken;
  if (zoomWebhookSecretToken !== undefined) {
    // Raw body: the signature covers the bytes exactly as sent.
    const zoom = new ZoomWebhook({
      secretToken: zoomWebhookSecretToken,
      db: database.db,
      state,
      logger: log,
    });
    app.post(ZOOM_WEBHOOK_PATH, express.raw({ type: '*/*', limit: '64kb' }), zoomWebhookHandler(zoom));
  }
  if (mailOutbox !== null) app.use(outboxRouter(mailOutbox));
  const consoleDir = options.consoleDir === undefined ? builtConsoleDir() : options.consoleDir;
  if (consoleDir !== null) {
    const demoUsers =
      options.demoSignIn && demo !== null && config.jwt !== null
        ? demoSignInHandler(database, demo, config.jwt)
        : undefined;
    app.use(consoleRouter({ dir: consoleDir, demoUsers }));
  }
  if (config.graphiql) app.use(graphiqlRouter({ graphqlPath: GRAPHQL_PATH, defaultToken: demo?.adminToken }));

  const httpServer = createServer(app);
  // A client that reuses an idle keep-alive socket just as the server times it out gets "other side closed"
  // (nodejs/undici#3141). Idle sockets live longer than any client's or proxy's pool keeps them; the drain
  // plugin still closes them at shutdown.
  httpServer.keepAliveTimeout = IDLE_SOCKET_MS;
  httpServer.headersTimeout = IDLE_SOCKET_MS + 1_000;

  const subscriptions = serveSubscriptions({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    validationRules,
    services,
    config,
    log,
    formatErrors: (errors, requestId) => {
      logUnexpected(errors, requestId);
      return errors.map((error) => format(error.toJSON(), error));
    },
  });

  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    formatError: format,
    validationRules: [NoNulCharacterRule],
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      ApolloServerPluginLandingPageDisabled(),
      // No field sets a cache hint, and the default cache-control plugin would hook every field resolved.
      ApolloServerPluginCacheControlDisabled(),
      operationsPlugin({ schema, limits: config.limits, metrics, logUnexpected }),
    ],
  });
  await apollo.start();

  app.use(
    GRAPHQL_PATH,
    graphqlBodyParser({
      limits: config.limits,
      authenticate: (req) => authenticate(services, req.headers.authorization, req.requestId, req.log),
    }),
    graphqlRequestGuard({
      schema,
      limits: config.limits,
      format: (error: GraphQLError) => format(error.toJSON(), error),
    }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const early = earlyContext(res);
        if (early !== undefined) return early;
        try {
          return await authenticate(services, req.headers.authorization, req.requestId, req.log);
        } catch (error) {
          // Apollo answers a failed context without running the plugins: log here what nobody expected.
          if (!isExpectedError(error)) req.log.error({ err: error }, 'authentication failed unexpectedly');
          throw error;
        }
      },
    }),
  );
  // Every route above that lost its database answers 503 with Retry-After here, one way for all.
  app.use(databaseUnavailableHandler({ page: oauthUnavailablePage }));
  app.use(bodyErrorHandler(config.limits, log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
  const url = `${origin}${GRAPHQL_PATH}`;
  log.info({ url, driver: database.driver }, 'gateway listening');

  // Breakage predicted needs the grants' adapters (to keep grants alive) and runs after every probe.
  const foresightConfig = config.foresight ?? DEFAULT_FORESIGHT_CONFIG;
  const registry = services.providers instanceof AdapterProviderRegistry ? services.providers : null;
  const foresight =
    registry !== null && foresightConfig.enabled
      ? new ForesightService({
          db: database.db,
          state,
          config: foresightConfig,
          logger: log,
          metrics,
          keepAlive: (request) => registry.keepGrantAlive(request),
          ...(options.clock === undefined ? {} : { now: options.clock }),
        })
      : null;
  // Scheduled probes need adapters: an unconfigured registry has nothing to probe with.
  const probeConfig = config.probes ?? DEFAULT_PROBE_CONFIG;
  let probes: ProbeRunner | null = null;
  if (services.providers instanceof AdapterProviderRegistry && probeConfig.enabled !== false) {
    try {
      probes = await startProbes({
        database,
        registry: services.providers,
        config: probeConfig,
        logger: log,
        ...(foresight === null ? {} : { afterProbe: (target) => foresight.afterProbe(target) }),
      });
    } catch (error) {
      // Nothing is left listening or open behind a gateway that failed to start.
      await subscriptions.close(0);
      await apollo.stop();
      await mailOutbox?.stop();
      if (ownsDatabase) await database.close();
      await telemetry?.shutdown();
      throw error;
    }
  }
  if (probes !== null) log.info({ mode: probes.mode, ...probeConfig }, 'health probes scheduled');
  webhooks.dispatcher?.start();
  notifications.dispatcher?.start();
  foresight?.start();

  const healthMetrics =
    telemetry !== null && telemetryConfig.metricsUrl !== null
      ? observeHealthFigures(
          otelMetrics.getMeter('@tsunagi/gateway'),
          database.db,
          telemetryConfig.healthWindowMs,
          (error) => log.warn({ err: error }, 'health figures not observed'),
        )
      : null;

  const retentionConfig = config.eventRetention ?? DEFAULT_EVENT_RETENTION_CONFIG;
  // Runs even when every event and record is kept: it also removes expired OAuth states and replay keys, and
  // folds the page-count deltas `totalCount` sums (left unfolded, every page change would slow it a little).
  const eventRetention =
    retentionConfig.sweepIntervalSeconds > 0
      ? new EventRetentionSweeper({ db: database.db, config: retentionConfig, logger: log })
      : null;
  eventRetention?.start();

  let stopping: Promise<void> | null = null;
  return {
    url,
    httpServer,
    database,
    metrics,
    services,
    logger: log,
    demo,
    consoleUrl: consoleDir === null ? null : `${origin}${CONSOLE_PATH}/`,
    probes,
    webhooks: webhooks.dispatcher,
    notifications: notifications.dispatcher,
    mailOutbox,
    eventRetention,
    foresight,
    telemetry,
    stop() {
      stopping ??= (async () => {
        draining = true;
        log.info('gateway stopping');
        // Subscriptions end and their sockets close with 1001 ("going away") first: an upgraded socket
        // would otherwise hold the HTTP drain open until its grace period runs out.
        shutdown.abort();
        // Probes write through the database: they end (in-flight ones finish) before it closes.
        await probes?.stop();
        await foresight?.stop();
        // Attempts in flight finish and are recorded; one cut short is sent again by whoever runs next.
        await webhooks.dispatcher?.stop();
        await notifications.dispatcher?.stop();
        await mailOutbox?.stop();
        await eventRetention?.stop();
        healthMetrics?.stop();
        await subscriptions.close(config.shutdownTimeoutMs);
        // Stops accepting and waits for in-flight requests (and so their transactions).
        await apollo.stop();
        if (ownsDatabase) await database.close();
        // Last: what the shutdown itself did is exported too.
        await telemetry?.shutdown();
        log.info('gateway stopped');
      })();
      return stopping;
    },
  };
}
