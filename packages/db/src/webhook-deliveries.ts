// Replay protection for provider webhooks, in the database so every gateway process (and a restarted one)
// agrees: a delivery is claimed by inserting its keys; any key already there means it was processed before.
import { createHash } from 'node:crypto';
import { and, gte, inArray, lt } from 'drizzle-orm';
import type { Database } from './database.js';
import { webhookDeliveries } from './schema.js';

export interface WebhookDeliveryStore {
  /**
   * Claims a delivery by its keys (e.g. its signature and the event's own id) until `expiresAt`. False when
   * any key was claimed before: a replay, nothing to do. Also drops claims that have expired.
   */
  claim(provider: string, keys: readonly string[], expiresAt: Date): Promise<boolean>;
  /**
   * Whether any of the keys holds an unexpired claim, claiming nothing: lets a handler refuse a replay
   * before its work and claim only after the work succeeded, so a delivery that failed half-way (the
   * database lost) is not taken for a replay when the provider redelivers it.
   */
  seen(provider: string, keys: readonly string[]): Promise<boolean>;
}

/** Keys are stored hashed: a signature is not a secret, but there is no reason to keep it verbatim. */
const digest = (provider: string, key: string) =>
  createHash('sha256').update(`${provider}\u0000${key}`).digest('base64url');

export function createWebhookDeliveryStore(
  db: Database,
  options: { now?: () => Date } = {},
): WebhookDeliveryStore {
  const now = options.now ?? (() => new Date());
  return {
    async claim(provider, keys, expiresAt) {
      if (keys.length === 0) throw new Error('A webhook delivery needs at least one key');
      const hashed = [...new Set(keys.map((key) => digest(provider, key)))];
      return db.transaction(async (tx) => {
        await tx.delete(webhookDeliveries).where(lt(webhookDeliveries.expiresAt, now()));
        const inserted = await tx
          .insert(webhookDeliveries)
          .values(hashed.map((key) => ({ key, provider, expiresAt })))
          .onConflictDoNothing()
          .returning({ key: webhookDeliveries.key });
        if (inserted.length === hashed.length) return true;
        // Some key was seen: keep the earlier claim as it was, and this delivery's other keys out.
        const fresh = inserted.map((row) => row.key);
        if (fresh.length > 0) await tx.delete(webhookDeliveries).where(inArray(webhookDeliveries.key, fresh));
        return false;
      });
    },
    async seen(provider, keys) {
      const hashed = [...new Set(keys.map((key) => digest(provider, key)))];
      if (hashed.length === 0) return false;
      const found = await db
        .select({ key: webhookDeliveries.key })
        .from(webhookDeliveries)
        .where(and(inArray(webhookDeliveries.key, hashed), gte(webhookDeliveries.expiresAt, now())))
        .limit(1);
      return found.length > 0;
    },
  };
}
