// The per-organization health figures (@tsunagi/db organizationHealthReport) as OpenTelemetry gauges over a
// trailing window, observed at each metric export. Organizations observed: those with a connection or page
// state change in the window, or a page disabled now (at most MAX_ORGANIZATIONS per export; the
// organizationHealthReport query answers any organization's administrator for any period).
import type { Attributes, BatchObservableResult, Meter, ObservableGauge } from '@opentelemetry/api';
import { type Database, organizationHealthReport, organizationsWithHealthActivity } from '@tsunagi/db';

const MAX_ORGANIZATIONS = 1_000;

export interface HealthMetrics {
  /** Stops observing (before the database closes). */
  stop(): void;
}

interface Gauges {
  readonly breaks: ObservableGauge;
  readonly unresolved: ObservableGauge;
  readonly detection: ObservableGauge;
  readonly ownerNotified: ObservableGauge;
  readonly reconnect: ObservableGauge;
  readonly pageDisabled: ObservableGauge;
}

function gauges(meter: Meter): Gauges {
  return {
    breaks: meter.createObservableGauge('tsunagi.health.breaks', {
      description: 'Connection breaks detected in the trailing window',
      unit: '{break}',
    }),
    unresolved: meter.createObservableGauge('tsunagi.health.breaks.unresolved', {
      description: 'Breaks detected in the trailing window and not reconnected yet',
      unit: '{break}',
    }),
    detection: meter.createObservableGauge('tsunagi.health.detection.duration', {
      description: 'Average time from a break to its detection, over the trailing window',
      unit: 's',
    }),
    ownerNotified: meter.createObservableGauge('tsunagi.health.owner_notified.duration', {
      description: "Average time from a break to its connection's owner being told, over the trailing window",
      unit: 's',
    }),
    reconnect: meter.createObservableGauge('tsunagi.health.reconnect.duration', {
      description: 'Average time from a break to the reconnect, over the trailing window',
      unit: 's',
    }),
    pageDisabled: meter.createObservableGauge('tsunagi.health.pages_disabled', {
      description: 'Booking pages disabled by a connection error × minutes, over the trailing window',
      unit: 'min',
    }),
  };
}

export function observeHealthFigures(
  meter: Meter,
  db: Database,
  windowMs: number,
  onError: (error: unknown) => void,
  now: () => Date = () => new Date(),
): HealthMetrics {
  const g = gauges(meter);
  const window = `${Math.round(windowMs / 3_600_000)}h`;
  const callback = async (result: BatchObservableResult) => {
    try {
      const until = now();
      const since = new Date(until.getTime() - windowMs);
      for (const organizationId of await organizationsWithHealthActivity(db, since, MAX_ORGANIZATIONS)) {
        const report = await organizationHealthReport(db, organizationId, { since, until });
        const attributes: Attributes = {
          'tsunagi.organization.id': organizationId,
          'tsunagi.window': window,
        };
        result.observe(g.breaks, report.breaks, attributes);
        result.observe(g.unresolved, report.unresolved, attributes);
        result.observe(g.pageDisabled, report.pageDisabledMinutes, attributes);
        const averages = [
          [g.detection, report.detection.averageSeconds],
          [g.ownerNotified, report.ownerNotified.averageSeconds],
          [g.reconnect, report.reconnect.averageSeconds],
        ] as const;
        for (const [gauge, average] of averages)
          if (average !== null) result.observe(gauge, average, attributes);
      }
    } catch (error) {
      // A lost database skips one export's figures; the next export tries again.
      onError(error);
    }
  };
  const observables = Object.values(g);
  meter.addBatchObservableCallback(callback, observables);
  return { stop: () => meter.removeBatchObservableCallback(callback, observables) };
}
