// Embedded (PGlite) mode: the demo organization on PGlite, served with the Google, Microsoft, Zoom and
// Exchange (EWS) emulators as its providers (`startEmbedded`). It keeps its generated secrets beside the data directory, so restarts and the
// `token` command agree with the running server. Postgres deployments pass them in the environment.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createDatabase, type DatabaseHandle, parseKeyring, seedDemo } from '@tsunagi/db';
import { ZOOM_EMULATOR_WEBHOOK_SECRET } from '@tsunagi/emulators';
import { z } from 'zod';
import {
  type DemoEmulators,
  demoProviderRegistry,
  type ProvisionedExchange,
  type ProvisionReport,
  provisionDemoAccounts,
  provisionDemoExchange,
  startDemoEmulators,
} from './demo/emulators.js';
import { type GatewayConfig, generateCredentialsKeys, generateJwtSecret } from './env.js';
import { createGateway, type Gateway } from './gateway.js';
import { createLogger, type Logger } from './ops/logger.js';
import type { GatewayMailOutbox } from './outbox/service.js';

const secretsSchema = z.object({ jwtSecret: z.string().min(32), credentialsKeys: z.string().min(1) });
export type EmbeddedSecrets = z.infer<typeof secretsSchema>;

export function embeddedSecretsFile(pgliteDataDir: string): string {
  return join(dirname(resolve(pgliteDataDir)), 'gateway-secrets.json');
}

/** Reads the secrets file, creating it (mode 0600) on first use. `created` says whether it was just made. */
export function loadOrCreateEmbeddedSecrets(file: string): EmbeddedSecrets & { created: boolean } {
  if (existsSync(file)) {
    const parsed = secretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(`${file} is not a valid gateway secrets file; delete it to regenerate`);
    return { ...parsed.data, created: false };
  }
  const secrets: EmbeddedSecrets = {
    jwtSecret: generateJwtSecret(),
    credentialsKeys: generateCredentialsKeys(),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return { ...secrets, created: true };
}

export interface EmbeddedGateway {
  readonly gateway: Gateway & { readonly demo: NonNullable<Gateway['demo']> };
  readonly emulators: DemoEmulators;
  /** The demo connections backed by emulator accounts on this start, and the errored ones to reconnect. */
  readonly provisioned: ProvisionReport;
  /** Each demo organization's Interop settings, pointed at an EWS emulator and tested on this start. */
  readonly exchange: readonly ProvisionedExchange[];
  /** The local mail sink the notifications go to (read at `/outbox`); null when SMTP_URL names a real server. */
  readonly outbox: GatewayMailOutbox | null;
  /** Stops the gateway (and its mail sink), closes the database, then stops the emulators. */
  stop(): Promise<void>;
}

/**
 * The embedded boot (no DATABASE_URL): starts the provider emulators, opens and migrates PGlite
 * (`config.pgliteDataDir`, null = in memory), seeds the demo once, backs its Google/Microsoft/Zoom connections
 * with emulator accounts and tokens and its Interop settings with the EWS emulators (every start: emulators
 * forget), then serves the gateway with adapters pointed at the emulators. Provisioning finishes before the gateway listens, so nothing probes the seeded tokens.
 */
export async function startEmbedded(options: {
  config: GatewayConfig;
  logger?: Logger;
  /** Tests: the same demo and emulators on this database (e.g. Postgres) instead of PGlite; closed by `stop`. */
  database?: DatabaseHandle;
  /** The console's demo sign-in (default on); off, the console asks for a token as on a deployment. */
  demoSignIn?: boolean;
}): Promise<EmbeddedGateway> {
  const { config } = options;
  if (config.databaseUrl !== undefined) throw new Error('startEmbedded runs on PGlite: unset DATABASE_URL');
  const log = options.logger ?? createLogger(config.logLevel);
  // First, so a data directory another gateway holds is refused before anything starts.
  const database: DatabaseHandle =
    options.database ??
    createDatabase(config.pgliteDataDir === null ? {} : { dataDir: config.pgliteDataDir });
  let started: DemoEmulators | null = null;
  try {
    const emulators = await startDemoEmulators();
    started = emulators;
    await database.migrate();
    const keyring = parseKeyring(config.credentialsKeys);
    // The failures seeded now are news to the notification dispatcher: their owners are mailed (the outbox).
    const notificationsSince = new Date();
    const seeded = await seedDemo(database.db, { keyring, bus: database.bus });
    const provisioned = await provisionDemoAccounts({ db: database.db, keyring, emulators, logger: log });
    const exchange = await provisionDemoExchange({
      db: database.db,
      keyring,
      emulators,
      demoOrganizationId: seeded.organizationId,
      logger: log,
    });
    const gateway = await createGateway(config, {
      database,
      // Without SMTP_URL the demo's notification e-mail goes to a local sink, shown at /outbox.
      mailOutbox: true,
      notificationsSince,
      logger: log,
      seedDemo: true,
      demoSignIn: options.demoSignIn ?? true,
      providers: demoProviderRegistry(emulators),
      exchange: emulators.exchangeReach,
      // The Zoom emulator signs its deauthorization events with its own secret token.
      zoomWebhookSecretToken: config.zoomWebhookSecretToken ?? ZOOM_EMULATOR_WEBHOOK_SECRET,
    });
    if (gateway.demo === null) throw new Error('The embedded gateway has no demo organization');
    const open = database;
    let stopping: Promise<void> | null = null;
    return {
      gateway: gateway as EmbeddedGateway['gateway'],
      emulators,
      provisioned,
      exchange,
      outbox: gateway.mailOutbox,
      stop() {
        stopping ??= (async () => {
          try {
            await gateway.stop();
            await open.close();
          } finally {
            await emulators.stop();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    await started?.stop();
    throw error;
  }
}
