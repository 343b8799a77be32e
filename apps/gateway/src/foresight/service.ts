// Breakage predicted (issue 14 §2), run: after each probe and on a timer (time alone moves a prediction: a
// Testing app's grant reaches its last days without any probe seeing a change), every working connection's
// grant facts go through `@tsunagi/providers`' predictBreakage. A prediction within the horizon makes the
// connection AT_RISK with `breaksAt` and a reason (the state service writes and emits it once, and clears it
// when the risk is gone); a grant whose inactivity limit nears is refreshed (use keeps it alive); and the
// product's own application credential expiring is ONE operator alert (a log line and a metric), never written
// to the thousands of connections it would break.
import {
  type Database,
  listGrantFacts,
  readGrantFacts,
  type StateService,
  type StoredGrantFacts,
  systemActor,
} from '@tsunagi/db';
import {
  type FleetAlert,
  type Foresight,
  fleetAlerts,
  type OAuthAppFacts,
  predictBreakage,
} from '@tsunagi/providers';
import type { CheckConnectionRequest } from '../providers/registry.js';
import { readEntraCredentialExpiry } from './app-credentials.js';
import type { ForesightApps, ForesightConfig } from './config.js';

interface ForesightLogger {
  error(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** Where the fleet-wide alert is counted (the gateway's /metrics). */
export interface FleetAlertSink {
  fleetAlert(alert: FleetAlert, active: boolean): void;
}

export interface ForesightServiceOptions {
  readonly db: Database;
  readonly state: StateService;
  readonly config: ForesightConfig;
  readonly now?: () => Date;
  readonly logger?: ForesightLogger;
  readonly metrics?: FleetAlertSink;
  /** Refreshes a connection's grant now (the registry's keep-alive); absent, nothing is refreshed. */
  readonly keepAlive?: (request: CheckConnectionRequest) => Promise<boolean>;
  /** Connections read per sweep query. Default 500. */
  readonly batchSize?: number;
}

export interface ForesightSweepResult {
  /** Connections whose prediction was computed. */
  readonly checked: number;
  /** Predictions written (set, moved or cleared). */
  readonly changed: number;
  /** Grants refreshed to keep them alive. */
  readonly keptAlive: number;
  /** Fleet-wide alerts raised by this sweep (each once per process). */
  readonly fleetAlerts: readonly FleetAlert[];
}

type Prediction = { breaksAt: Date; reason: string } | null;

/** The application a provider's grants were issued to. */
function appOf(apps: ForesightApps, provider: StoredGrantFacts['provider']): OAuthAppFacts {
  switch (provider) {
    case 'GOOGLE_CALENDAR':
      return apps.google ?? {};
    case 'MICROSOFT_CALENDAR':
    case 'MICROSOFT_TEAMS':
      return apps.microsoft ?? {};
    case 'ZOOM':
      return apps.zoom ?? {};
    case 'EXCHANGE':
      return {};
  }
}

export class ForesightService {
  readonly #options: ForesightServiceOptions;
  readonly #now: () => Date;
  /** Fleet alerts already raised by this process (`app@breaksAt`): one alert, not one per sweep. */
  readonly #raised = new Set<string>();
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;
  #sweeping: Promise<ForesightSweepResult> | null = null;

  constructor(options: ForesightServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** Every foreseeable failure of one connection's grant, as of now. The app's own credential is left out:
   * it is the fleet's alert, not this connection's (see `fleetAlerts`). */
  foresee(facts: StoredGrantFacts, now: Date = this.#now()): Foresight {
    const { publishingStatus } = appOf(this.#options.config.apps, facts.provider);
    return predictBreakage(
      {
        provider: facts.provider,
        issuedAt: facts.issuedAt ?? undefined,
        lastUsedAt: facts.lastUsedAt ?? undefined,
        liveGrants: facts.liveGrants,
      },
      { publishingStatus },
      { now },
    );
  }

  /** After a probe of one connection: its prediction, and a keep-alive refresh when one is due. */
  async afterProbe(target: { organizationId: string; id: string }): Promise<void> {
    const facts = (await readGrantFacts(this.#options.db, [target.id])).get(target.id);
    if (facts === undefined || facts.organizationId !== target.organizationId) return;
    await this.#apply(facts, this.#now());
  }

  /** One pass over every working connection, then the fleet-wide alerts. A sweep already running is joined. */
  sweep(): Promise<ForesightSweepResult> {
    this.#sweeping ??= this.#sweep().finally(() => {
      this.#sweeping = null;
    });
    return this.#sweeping;
  }

  /** Sweeps now, then every `sweepIntervalSeconds`, until `stop()`. */
  start(): void {
    if (this.#timer !== null || this.#stopped) return;
    const loop = () => {
      void this.sweep()
        .catch((error: unknown) => this.#options.logger?.warn({ err: error }, 'foresight sweep failed'))
        .finally(() => {
          if (!this.#stopped)
            this.#timer = setTimeout(loop, this.#options.config.sweepIntervalSeconds * 1000);
        });
    };
    this.#timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#sweeping?.catch(() => {});
  }

  async #sweep(): Promise<ForesightSweepResult> {
    const now = this.#now();
    const limit = this.#options.batchSize ?? 500;
    let after: string | null = null;
    let checked = 0;
    let changed = 0;
    let keptAlive = 0;
    for (;;) {
      const page = await listGrantFacts(this.#options.db, { after, limit });
      for (const facts of page) {
        const outcome = await this.#apply(facts, now);
        checked++;
        if (outcome.changed) changed++;
        if (outcome.keptAlive) keptAlive++;
      }
      if (page.length < limit) break;
      after = page.at(-1)?.connectionId ?? null;
    }
    return { checked, changed, keptAlive, fleetAlerts: this.#raiseFleetAlerts(await this.#apps(now), now) };
  }

  /** The applications as configured, with what the identity platform says of its own credential where read. */
  async #apps(now: Date): Promise<ForesightApps> {
    const { apps, microsoftRegistration } = this.#options.config;
    if (microsoftRegistration === undefined) return apps;
    const read = await readEntraCredentialExpiry(microsoftRegistration, { now });
    if (!read.ok) {
      this.#options.logger?.warn(
        { app: 'microsoft', error: read.error, status: read.status },
        "could not read the Entra app's credential expiry from Graph; using the configured one",
      );
      return apps;
    }
    if (read.expiresAt === null) return apps;
    return { ...apps, microsoft: { ...apps.microsoft, credentialExpiresAt: read.expiresAt } };
  }

  async #apply(facts: StoredGrantFacts, now: Date): Promise<{ changed: boolean; keptAlive: boolean }> {
    let current = facts;
    let foresight = this.foresee(current, now);
    let keptAlive = false;
    const { keepAlive } = this.#options;
    // Use keeps this grant alive: refresh it before the limit comes near (refreshBy), then predict again.
    if (keepAlive !== undefined && foresight.refreshBy !== null && foresight.refreshBy <= now) {
      keptAlive = await keepAlive({
        organizationId: facts.organizationId,
        connectionId: facts.connectionId,
        provider: facts.provider,
      });
      if (keptAlive) {
        const fresh = (await readGrantFacts(this.#options.db, [facts.connectionId])).get(facts.connectionId);
        if (fresh === undefined) return { changed: false, keptAlive };
        current = fresh;
        foresight = this.foresee(current, now);
      }
    }
    const prediction: Prediction =
      foresight.atRisk === null
        ? null
        : { breaksAt: foresight.atRisk.breaksAt, reason: foresight.atRisk.reason };
    if (!this.#differs(current, prediction)) return { changed: false, keptAlive };
    const recorded = await this.#options.state.recordForesight(
      systemActor(current.organizationId),
      current.connectionId,
      prediction,
    );
    return { changed: recorded.ok, keptAlive };
  }

  /** Whether the stored prediction differs from this one (the state service checks again under its lock). */
  #differs(facts: StoredGrantFacts, prediction: Prediction): boolean {
    if (facts.health !== 'HEALTHY' && facts.health !== 'AT_RISK') return false;
    if (prediction === null) return facts.breaksAt !== null;
    return (
      facts.health !== 'AT_RISK' ||
      facts.breaksAt?.getTime() !== prediction.breaksAt.getTime() ||
      facts.atRiskReason !== prediction.reason
    );
  }

  /** The product's own credentials: one alert per application and expiry, to the operators only. */
  #raiseFleetAlerts(known: ForesightApps, now: Date): FleetAlert[] {
    const due = fleetAlerts(known as Readonly<Record<string, OAuthAppFacts>>, { now });
    const raised: FleetAlert[] = [];
    const dueKeys = new Set(due.map((alert) => `${alert.app}@${alert.breaksAt.toISOString()}`));
    for (const alert of due) {
      this.#options.metrics?.fleetAlert(alert, true);
      const key = `${alert.app}@${alert.breaksAt.toISOString()}`;
      if (this.#raised.has(key)) continue;
      this.#raised.add(key);
      raised.push(alert);
      this.#options.logger?.error(
        {
          alert: 'FLEET_WIDE',
          reason: alert.reason,
          app: alert.app,
          breaksAt: alert.breaksAt.toISOString(),
          expired: alert.breaksAt <= now,
        },
        "the product's OAuth application credential expires: every connection of this app breaks with it; renew it and update the configuration",
      );
    }
    // Renewed (the configuration moved the expiry): the old alert is over.
    for (const key of [...this.#raised]) {
      if (dueKeys.has(key)) continue;
      this.#raised.delete(key);
      const [app = '', breaksAt = ''] = key.split('@');
      this.#options.metrics?.fleetAlert(
        { app, reason: 'APP_CREDENTIAL_EXPIRY', breaksAt: new Date(breaksAt) },
        false,
      );
    }
    return raised;
  }
}
