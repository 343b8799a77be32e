// Warned ahead (issue 14 §2): a connection foresight predicts will break (its `breaksAt`) is warned about once,
// when the break comes within the organization's warning horizon (default 7 days), not when the prediction is
// first made (AT_RISK begins up to 14 days ahead). Driven by the clock, like escalation: the fan-out opens the
// AT_RISK alert unwarned, and this step warns it when its time comes; a prediction that moves is read afresh.
import type { Executor } from '@tsunagi/db';
import { connectionAlerts, connections, organizationNotificationSettings, users } from '@tsunagi/db/schema';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { enqueueItems } from './fan-out.js';
import type { PolicyOptions } from './policy.js';
import { DEFAULT_AT_RISK_WARNING_DAYS } from './settings.js';

const WARN_BATCH = 100;

/** True when a break predicted for `breaksAt` is within the warning horizon at `now`. */
export function warnNow(breaksAt: Date, now: Date, warningDays: number): boolean {
  return breaksAt.getTime() - warningDays * 24 * 3_600_000 <= now.getTime();
}

/** The organization's warning horizon, in days. */
export async function warningDaysOf(tx: Executor, organizationId: string): Promise<number> {
  const [row] = await tx
    .select({ days: organizationNotificationSettings.atRiskWarningDays })
    .from(organizationNotificationSettings)
    .where(eq(organizationNotificationSettings.organizationId, organizationId));
  return row?.days ?? DEFAULT_AT_RISK_WARNING_DAYS;
}

/** Warns every AT_RISK connection whose predicted break has come within its organization's horizon. */
export async function warnAheadDue(options: PolicyOptions): Promise<number> {
  const now = options.now();
  return options.db.transaction(async (tx) => {
    const due = await tx
      .select({
        connectionId: connectionAlerts.connectionId,
        organizationId: connectionAlerts.organizationId,
        eventId: connectionAlerts.eventId,
        userId: connections.userId,
        provider: connections.provider,
      })
      .from(connectionAlerts)
      .innerJoin(connections, eq(connections.id, connectionAlerts.connectionId))
      .leftJoin(
        organizationNotificationSettings,
        eq(organizationNotificationSettings.organizationId, connectionAlerts.organizationId),
      )
      .where(
        and(
          eq(connectionAlerts.state, 'AT_RISK'),
          isNull(connectionAlerts.warnedAt),
          eq(connections.status, 'CONNECTED'),
          eq(connections.health, 'AT_RISK'),
          isNotNull(connections.breaksAt),
          sql`${connections.breaksAt} - make_interval(days => coalesce(${organizationNotificationSettings.atRiskWarningDays}, ${DEFAULT_AT_RISK_WARNING_DAYS})) <= ${now.toISOString()}::timestamptz`,
        ),
      )
      .limit(WARN_BATCH)
      .for('update', { of: connectionAlerts, skipLocked: true });
    let made = 0;
    for (const alert of due) {
      // Exchange is fixed in the organization's Interop settings, which only admins can change.
      const recipientIds =
        alert.provider === 'EXCHANGE'
          ? (
              await tx
                .select({ id: users.id })
                .from(users)
                .where(and(eq(users.organizationId, alert.organizationId), eq(users.role, 'ADMIN')))
            ).map((admin) => admin.id)
          : [alert.userId];
      made += await enqueueItems(tx, options, alert.organizationId, {
        eventId: alert.eventId,
        kind: 'CONNECTION_AT_RISK',
        connectionId: alert.connectionId,
        recipientIds,
      });
      await tx
        .update(connectionAlerts)
        .set({ warnedAt: now })
        .where(eq(connectionAlerts.connectionId, alert.connectionId));
    }
    return made;
  });
}
