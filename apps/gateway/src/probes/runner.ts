// Starts the gateway's health probes: pg-boss on Postgres (several processes share the work), the in-process
// scheduler on PGlite. Both probe through the adapter registry, which records each result through the db
// state service (hysteresis, page re-evaluation and events in one transaction).
import type { ConnectionProvider, DatabaseHandle } from '@tsunagi/db';
import type { AdapterProviderRegistry } from '../providers/adapter-registry.js';
import { traceProbe } from '../telemetry/probes.js';
import type { ProbeConfig } from './config.js';
import { PgBossProbeQueue, type ProbeQueueDb } from './pg-boss.js';
import { type ProbeOutcome, ProbeScheduler, type ProbeTarget } from './scheduler.js';
import { listProbeTargets } from './targets.js';

export interface ProbeRunner {
  readonly mode: 'in-process' | 'pg-boss';
  readonly scheduler: ProbeScheduler | null;
  readonly queue: PgBossProbeQueue | null;
  /** Stops probing and waits for probes in flight; call before the database closes. */
  stop(): Promise<void>;
}

interface ProbeLogger {
  warn(object: object, message: string): void;
}

export interface StartProbesOptions {
  readonly database: DatabaseHandle;
  readonly registry: AdapterProviderRegistry;
  readonly config: ProbeConfig;
  readonly logger?: ProbeLogger;
  /** Force the in-process scheduler even on Postgres. */
  readonly inProcess?: boolean;
  /** Runs after each recorded probe (foresight: the connection's prediction and keep-alive). */
  readonly afterProbe?: (target: ProbeTarget) => Promise<void>;
}

/** The probe both modes run: one connection through the registry, Retry-After handed back. */
export function registryProbe(
  registry: AdapterProviderRegistry,
  logger?: ProbeLogger,
  afterProbe?: (target: ProbeTarget) => Promise<void>,
): (target: ProbeTarget) => Promise<ProbeOutcome> {
  return async (target) => {
    const result = await traceProbe(
      target,
      () =>
        registry.probeConnection({
          organizationId: target.organizationId,
          connectionId: target.id,
          provider: target.provider,
        }),
      (probed) => (probed.ok ? 'ok' : probed.error.code),
    );
    if (!result.ok) {
      // NOT_FOUND: unlinked or deleted since it was listed; nothing to pause for.
      if (result.error.code !== 'NOT_FOUND')
        logger?.warn({ connectionId: target.id, code: result.error.code }, 'probe not recorded');
      return {};
    }
    await afterProbe?.(target).catch((error: unknown) =>
      logger?.warn({ err: error, connectionId: target.id }, 'foresight after probe failed'),
    );
    return result.value.retryAfterSeconds === undefined
      ? {}
      : { retryAfterSeconds: result.value.retryAfterSeconds };
  };
}

export async function startProbes(options: StartProbesOptions): Promise<ProbeRunner> {
  const { database, registry, config, logger } = options;
  const providers: ConnectionProvider[] = registry.providers();
  const listTargets = () => listProbeTargets(database.db, providers);
  const probe = registryProbe(registry, logger, options.afterProbe);
  const onError = (error: unknown, target?: ProbeTarget) =>
    logger?.warn({ err: error, connectionId: target?.id }, 'probe failed');

  if (database.driver === 'pg' && !options.inProcess) {
    // pg-boss runs on the gateway's own pool (drizzle exposes the node-postgres pool as `$client`).
    const pool = (database.db as unknown as { $client: { query: ProbeQueueDb['executeSql'] } }).$client;
    const queue = new PgBossProbeQueue({
      db: { executeSql: (text, values) => pool.query(text, values) },
      providers,
      listTargets,
      probe,
      intervalSeconds: config.intervalSeconds,
      concurrencyPerProvider: config.concurrencyPerProvider,
      ...(config.spread === undefined ? {} : { spread: config.spread }),
      onError,
    });
    await queue.start();
    return { mode: 'pg-boss', scheduler: null, queue, stop: () => queue.stop() };
  }

  const scheduler = new ProbeScheduler({
    listTargets,
    probe,
    intervalMs: config.intervalSeconds * 1000,
    concurrencyPerProvider: config.concurrencyPerProvider,
    refreshMs: Math.min(30_000, (config.intervalSeconds * 1000) / 4),
    onError,
  });
  scheduler.start();
  return { mode: 'in-process', scheduler, queue: null, stop: () => scheduler.stop() };
}
