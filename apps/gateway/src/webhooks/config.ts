// Outgoing webhook settings (WEBHOOKS_ENABLED, WEBHOOK_ALLOW_PRIVATE_TARGETS, WEBHOOK_RETRY_HOURS,
// WEBHOOK_DISABLE_AFTER_DAYS, WEBHOOK_TIMEOUT_MS, WEBHOOK_CONCURRENCY).
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from '@tsunagi/webhooks';

export interface WebhookConfig {
  /** Runs this process's dispatcher (fan-out and delivery). Endpoints can be managed either way. */
  readonly enabled: boolean;
  /** Lets endpoints reach loopback, private and link-local addresses: development and tests only. */
  readonly allowPrivateTargets: boolean;
  readonly policy: DeliveryPolicy;
  /** Attempts in flight per process. */
  readonly concurrency: number;
  /** How often the dispatcher looks for work nobody announced (other processes' retries, lost notices). */
  readonly sweepMs: number;
}

/** Production's defaults: on, public targets only. */
export const DEFAULT_WEBHOOK_CONFIG: WebhookConfig = Object.freeze({
  enabled: true,
  allowPrivateTargets: false,
  policy: DEFAULT_DELIVERY_POLICY,
  concurrency: 32,
  sweepMs: 5_000,
});
