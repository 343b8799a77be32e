// Retention of everything but the event log (which has its own watermark, event-retention.ts): rows that
// stopped meaning anything are deleted in small batches, each batch one short statement, so a table grown over
// months never needs one long delete that writers would queue behind. Two kinds of row:
// - expired credentials of a flow: OAuth states and Zoom replay keys, gone once past `expires_at` (their checks
//   refuse them anyway); reconnect links a while after they expired (until then an opened one still answers
//   "expired" rather than "unknown");
// - logs: the outgoing webhook delivery log and sent or given-up notifications, after `logDays`. Only what is
//   settled: a PENDING delivery or notification is still work and is never removed here.
import { and, inArray, lt, ne, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database.js';
import { pause } from './event-retention.js';
import { notifications, oauthStates, reconnectLinks, webhookDeliveries, webhookMessages } from './schema.js';

/** Default retention of the delivery and notification logs, and of expired reconnect links. */
export const DEFAULT_RECORD_RETENTION_DAYS = 30;

const DAY_MS = 86_400_000;

export const RETAINED_RECORDS = [
  'oauthStates',
  'providerWebhookKeys',
  'reconnectLinks',
  'webhookDeliveryLog',
  'notifications',
] as const;
export type RetainedRecord = (typeof RETAINED_RECORDS)[number];

export interface RecordSweepOptions {
  readonly now: Date;
  /** Logs (and expired reconnect links) older than this many days go; 0 keeps them. */
  readonly logDays: number;
  /** Rows per delete statement. */
  readonly batchSize?: number;
  /** Pause between two statements on one table. */
  readonly pauseMs?: number;
  readonly signal?: AbortSignal;
}

interface Rule {
  readonly table: PgTable;
  readonly key: PgColumn;
  readonly expired: (now: Date, logCutoff: Date | null) => SQL | undefined;
}

const RULES: Record<RetainedRecord, Rule> = {
  oauthStates: {
    table: oauthStates,
    key: oauthStates.id,
    expired: (now) => lt(oauthStates.expiresAt, now),
  },
  providerWebhookKeys: {
    table: webhookDeliveries,
    key: webhookDeliveries.key,
    expired: (now) => lt(webhookDeliveries.expiresAt, now),
  },
  reconnectLinks: {
    table: reconnectLinks,
    key: reconnectLinks.id,
    expired: (_now, cutoff) => (cutoff === null ? undefined : lt(reconnectLinks.expiresAt, cutoff)),
  },
  webhookDeliveryLog: {
    table: webhookMessages,
    key: webhookMessages.id,
    expired: (_now, cutoff) =>
      cutoff === null
        ? undefined
        : and(ne(webhookMessages.status, 'PENDING'), lt(webhookMessages.createdAt, cutoff)),
  },
  notifications: {
    table: notifications,
    key: notifications.id,
    expired: (_now, cutoff) =>
      cutoff === null
        ? undefined
        : and(ne(notifications.status, 'PENDING'), lt(notifications.createdAt, cutoff)),
  },
};

/**
 * Deletes every retained table's expired rows, `batchSize` per statement (the rows are picked with SKIP
 * LOCKED, so sweepers in several processes take disjoint batches). Rows deleted, per table.
 */
export async function sweepExpiredRecords(
  db: Executor,
  options: RecordSweepOptions,
): Promise<Record<RetainedRecord, number>> {
  const batchSize = options.batchSize ?? 1_000;
  const cutoff = options.logDays > 0 ? new Date(options.now.getTime() - options.logDays * DAY_MS) : null;
  const deleted = Object.fromEntries(RETAINED_RECORDS.map((name) => [name, 0])) as Record<
    RetainedRecord,
    number
  >;
  for (const name of RETAINED_RECORDS) {
    const rule = RULES[name];
    const expired = rule.expired(options.now, cutoff);
    if (expired === undefined) continue;
    while (!options.signal?.aborted) {
      const doomed = db
        .select({ key: rule.key })
        .from(rule.table)
        .where(expired)
        .limit(batchSize)
        .for('update', { skipLocked: true });
      const removed = await db
        .delete(rule.table)
        .where(inArray(rule.key, doomed))
        .returning({ key: rule.key });
      deleted[name] += removed.length;
      if (removed.length < batchSize) break;
      if ((options.pauseMs ?? 20) > 0) await pause(options.pauseMs ?? 20, options.signal);
    }
  }
  return deleted;
}
