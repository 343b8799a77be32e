// What the webhook resolvers use: the organization-scoped store, the target check under this gateway's
// policy, and a nudge for this process's dispatcher.
import type { Database, DatabaseHandle, Keyring } from '@tsunagi/db';
import {
  checkWebhookUrl,
  type TargetPolicy,
  type UrlCheck,
  WebhookDispatcher,
  WebhookStore,
} from '@tsunagi/webhooks';
import type { Logger } from '../ops/logger.js';
import type { WebhookConfig } from './config.js';

export interface GatewayWebhooks {
  readonly store: WebhookStore;
  /** The URL's form and, in production, that it reaches only public addresses. */
  checkUrl(url: string): Promise<UrlCheck>;
  /** A message may be due now (a new endpoint, a redelivery, a test): wake this process's dispatcher. */
  poke(): void;
}

export interface Webhooks {
  readonly service: GatewayWebhooks;
  /** Null when this process does not deliver (WEBHOOKS_ENABLED=false). */
  readonly dispatcher: WebhookDispatcher | null;
}

export function createWebhooks(
  database: DatabaseHandle,
  keyring: Keyring,
  config: WebhookConfig,
  logger: Logger,
): Webhooks {
  const db: Database = database.db;
  const targets: TargetPolicy = config.allowPrivateTargets ? 'any' : 'public-only';
  const dispatcher = config.enabled
    ? new WebhookDispatcher({
        db,
        bus: database.bus,
        keyring,
        policy: config.policy,
        targets,
        concurrency: config.concurrency,
        sweepMs: config.sweepMs,
        logger,
      })
    : null;
  return {
    dispatcher,
    service: {
      store: new WebhookStore({ db, keyring, policy: config.policy }),
      checkUrl: (url) => checkWebhookUrl(url, targets),
      poke: () => dispatcher?.poke(),
    },
  };
}
