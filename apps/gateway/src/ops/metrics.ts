// Prometheus metrics, on a registry of the gateway's own (several gateways may share a process in tests).
import type { Database } from '@tsunagi/db';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface StateCounts {
  readonly connectionsByStatus: Readonly<Record<string, number>>;
  readonly pagesByState: Readonly<Record<string, number>>;
}

const CONNECTION_STATUSES = ['CONNECTED', 'ERROR', 'DISCONNECTED'] as const;
const PAGE_STATES = ['ACTIVE', 'DISABLED_CONNECTION_ERROR', 'INACTIVE'] as const;
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly operationDuration: Histogram<'type' | 'field'>;
  readonly resolverDuration: Histogram<'field'>;
  readonly eventsPublished: Counter<'subscription'>;
  readonly subscriptionsActive: Gauge<'subscription'>;
  readonly errors: Counter<'code'>;
  /** Foresight's fleet-wide alerts: 1 while the product's own app credential is within the horizon. */
  readonly fleetAlerts: Gauge<'app' | 'reason'>;
  readonly appCredentialExpiry: Gauge<'app'>;

  /** `readCounts` runs once per scrape; both state gauges share its answer. */
  constructor(readCounts: () => Promise<StateCounts>) {
    const registers = [this.registry];
    let scrape: Promise<StateCounts> | null = null;
    const counts = () => {
      scrape ??= readCounts().finally(() => {
        // Drop it after this scrape so the next one reads fresh numbers.
        setImmediate(() => {
          scrape = null;
        });
      });
      return scrape;
    };
    new Gauge({
      name: 'tsunagi_connections',
      help: 'Connections by status (read from the database on scrape)',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        const { connectionsByStatus } = await counts();
        for (const status of CONNECTION_STATUSES) this.set({ status }, connectionsByStatus[status] ?? 0);
      },
    });
    new Gauge({
      name: 'tsunagi_booking_pages',
      help: 'Booking pages by state (read from the database on scrape)',
      labelNames: ['state'] as const,
      registers,
      async collect() {
        const { pagesByState } = await counts();
        for (const state of PAGE_STATES) this.set({ state }, pagesByState[state] ?? 0);
      },
    });
    this.operationDuration = new Histogram({
      name: 'tsunagi_graphql_operation_duration_seconds',
      help: 'GraphQL operation latency over HTTP, by operation type and first root field',
      labelNames: ['type', 'field'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.resolverDuration = new Histogram({
      name: 'tsunagi_graphql_resolver_duration_seconds',
      help: 'Latency of root field resolvers (Query.*, Mutation.*)',
      labelNames: ['field'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.eventsPublished = new Counter({
      name: 'tsunagi_events_published_total',
      help: 'Events published to subscribers, by subscription field',
      labelNames: ['subscription'] as const,
      registers,
    });
    this.fleetAlerts = new Gauge({
      name: 'tsunagi_fleet_alerts',
      help: "Fleet-wide alerts (every tenant breaks at once), 1 while active: the product's own OAuth app credential expiring",
      labelNames: ['app', 'reason'] as const,
      registers,
    });
    this.appCredentialExpiry = new Gauge({
      name: 'tsunagi_app_credential_expiry_timestamp_seconds',
      help: "When the product's OAuth app client secret or certificate expires (Unix seconds), per app with an alert",
      labelNames: ['app'] as const,
      registers,
    });
    this.subscriptionsActive = new Gauge({
      name: 'tsunagi_subscriptions_active',
      help: 'Subscriptions currently streaming events, by subscription field',
      labelNames: ['subscription'] as const,
      registers,
    });
    this.errors = new Counter({
      name: 'tsunagi_graphql_errors_total',
      help: 'GraphQL errors returned, by extensions.code',
      labelNames: ['code'] as const,
      registers,
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'tsunagi_gateway_' });
  }

  /** Foresight's FleetAlertSink: one series per application, not per connection. */
  fleetAlert(alert: { app: string; reason: string; breaksAt: Date }, active: boolean): void {
    this.fleetAlerts.set({ app: alert.app, reason: alert.reason }, active ? 1 : 0);
    if (active) this.appCredentialExpiry.set({ app: alert.app }, Math.floor(alert.breaksAt.getTime() / 1000));
    else this.appCredentialExpiry.remove({ app: alert.app });
  }
}

/**
 * Counts for the state gauges, across every organization. Reads one column per row: cheap at the scale of
 * a scrape every few seconds, but a grouped count in @tsunagi/db would be better for very large tables.
 */
export async function readStateCounts(db: Database): Promise<StateCounts> {
  const [connectionRows, pageRows] = await Promise.all([
    db.query.connections.findMany({ columns: { status: true } }),
    db.query.bookingPages.findMany({ columns: { state: true } }),
  ]);
  const tally = (values: readonly string[]) => {
    const counts: Record<string, number> = {};
    for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  };
  return {
    connectionsByStatus: tally(connectionRows.map((row) => row.status)),
    pagesByState: tally(pageRows.map((row) => row.state)),
  };
}
