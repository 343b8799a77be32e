// Recording probe results at scale. Most probes find a healthy connection healthy: nothing changes but when
// it was last checked. Those are written together — one UPDATE … FROM (VALUES …) for every such result that
// arrived while the previous write was under way (group commit: no waiting when the recorder is idle, larger
// batches under load) — guarded by the state in which a healthy probe changes nothing. A connection the guard
// does not match (it is at risk, failing, in error, unlinked, or moved since) is recorded through the state
// service as before: hysteresis, page re-evaluation and events in one transaction.
import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import type { ProbeResult } from './hysteresis.js';
import { ok, type Result } from './result.js';
import { type Actor, systemActor } from './service/runner.js';
import type { StateService } from './service/state-service.js';
import { databaseUnavailable } from './unavailable.js';

/** How a probe result was recorded: in a shared UPDATE, or in its own state-service transaction. */
export type ProbeRecording = 'BATCHED' | 'TRANSACTION';

export interface ProbeRecorderOptions {
  readonly db: Database;
  readonly state: Pick<StateService, 'recordProbeResult'>;
  /** The state service's clock. */
  readonly now?: () => Date;
  /** Most results per UPDATE (bound parameters: two each). Default 500. */
  readonly maxBatch?: number;
}

export interface ProbeRecorder {
  /** Records one connection's probe result; the system records probes (the organization scopes the row). */
  record(organizationId: string, connectionId: string, result: ProbeResult): Promise<Result<ProbeRecording>>;
}

interface Waiter {
  readonly organizationId: string;
  readonly connectionId: string;
  resolve(result: Result<ProbeRecording>): void;
  reject(error: unknown): void;
}

/** A healthy result with nothing to store beside it: no warning, no prediction. */
export const isPlainHealthy = (result: ProbeResult): boolean =>
  result.ok && result.atRisk === undefined && result.foresight === undefined;

/**
 * Marks `items` checked at `now` where a healthy probe changes nothing: CONNECTED, HEALTHY, no stored error,
 * no failure run, no prediction. One statement; answers the ids it updated (the others need the full path).
 */
export async function recordSteadyHealthyProbes(
  db: Database,
  items: readonly { organizationId: string; connectionId: string }[],
  now: Date,
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const values = sql.join(
    items.map((item) => sql`(${item.connectionId}, ${item.organizationId})`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    UPDATE connections AS c
    SET last_checked_at = ${now.toISOString()}::timestamptz, version = c.version + 1,
        updated_at = ${now.toISOString()}::timestamptz
    FROM (VALUES ${values}) AS probed (id, organization_id)
    WHERE c.id = probed.id AND c.organization_id = probed.organization_id
      AND c.status = 'CONNECTED' AND c.health = 'HEALTHY' AND c.last_error IS NULL
      AND c.consecutive_failures = 0 AND c.failure_run_started_at IS NULL
      AND c.breaks_at IS NULL AND c.at_risk_reason IS NULL
    RETURNING c.id`)) as unknown as { rows: { id: string }[] };
  return new Set(result.rows.map((row) => row.id));
}

export function createProbeRecorder(options: ProbeRecorderOptions): ProbeRecorder {
  const { db, state } = options;
  const now = options.now ?? (() => new Date());
  const maxBatch = Math.max(1, options.maxBatch ?? 500);
  let queued: Waiter[] = [];
  let writing = false;

  const viaService = async (waiter: Waiter, result: ProbeResult) => {
    const actor: Actor = systemActor(waiter.organizationId);
    const recorded = await state.recordProbeResult(actor, waiter.connectionId, result);
    return recorded.ok ? ok<ProbeRecording>('TRANSACTION') : recorded;
  };

  /** The UPDATE, again after a deadlock (two writers' row locks crossed; nothing was applied). */
  const steady = async (batch: readonly Waiter[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await recordSteadyHealthyProbes(db, batch, now());
      } catch (error) {
        if ((error as { code?: unknown }).code !== '40P01' || attempt >= 3) throw error;
      }
    }
  };

  const writeBatch = async (batch: Waiter[]) => {
    try {
      const updated = await steady(batch);
      for (const waiter of batch) {
        if (updated.has(waiter.connectionId)) waiter.resolve(ok('BATCHED'));
        // Not in the steady state (or gone): the full path decides, and answers NOT_FOUND or CONFLICT.
        else viaService(waiter, { ok: true }).then(waiter.resolve, waiter.reject);
      }
    } catch (error) {
      const failure = databaseUnavailable(error) ?? error;
      for (const waiter of batch) waiter.reject(failure);
    }
  };

  const drain = async () => {
    writing = true;
    try {
      while (queued.length > 0) {
        const batch = queued.slice(0, maxBatch);
        queued = queued.slice(batch.length);
        await writeBatch(batch);
      }
    } finally {
      writing = false;
    }
  };

  return {
    record(organizationId, connectionId, result) {
      if (!isPlainHealthy(result)) {
        return viaService({ organizationId, connectionId, resolve() {}, reject() {} }, result);
      }
      return new Promise((resolve, reject) => {
        queued.push({ organizationId, connectionId, resolve, reject });
        // The first result of an idle recorder waits one turn, so results of the same turn share its write.
        if (!writing) {
          writing = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
