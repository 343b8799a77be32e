// Endpoints and their delivery log, always within one organization. Secrets are sealed at rest and returned
// only by the calls that make them (create, rotate).
import {
  type Executor,
  type Keyring,
  latestEventId,
  newId,
  sealSecret,
  type WebhookDeliveryStatus,
  type WebhookEndpointRow,
  type WebhookMessageRow,
  webhookSecretContext,
} from '@tsunagi/db';
import { webhookEndpoints, webhookMessages } from '@tsunagi/db/schema';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { testMessageBody } from './message.js';
import type { DeliveryPolicy } from './policy.js';
import { generateWebhookSecret } from './signing.js';

/** An endpoint as admins see it: never a secret, sealed or not. */
export type WebhookEndpointView = Omit<WebhookEndpointRow, 'secret' | 'previousSecret'>;
/** One line of the delivery log (the body stays server-side). */
export type WebhookMessageView = Omit<WebhookMessageRow, 'body'>;

export interface WebhookEndpointInput {
  readonly url: string;
  readonly description: string;
  /** Empty: every event type. */
  readonly eventTypes: readonly string[];
}

function view({
  secret: _secret,
  previousSecret: _previous,
  ...rest
}: WebhookEndpointRow): WebhookEndpointView {
  return rest;
}

function messageView({ body: _body, ...rest }: WebhookMessageRow): WebhookMessageView {
  return rest;
}

const inOrganization = (organizationId: string, id: string) =>
  and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.id, id));

export interface WebhookStoreOptions {
  readonly db: Executor;
  readonly keyring: Keyring;
  readonly policy: DeliveryPolicy;
  readonly now?: () => Date;
}

export class WebhookStore {
  readonly #db: Executor;
  readonly #keyring: Keyring;
  readonly #policy: DeliveryPolicy;
  readonly #now: () => Date;

  constructor(options: WebhookStoreOptions) {
    this.#db = options.db;
    this.#keyring = options.keyring;
    this.#policy = options.policy;
    this.#now = options.now ?? (() => new Date());
  }

  /** Registers an endpoint; it receives the events committed from now on. The secret is returned this once. */
  async create(
    organizationId: string,
    input: WebhookEndpointInput,
  ): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
    const id = newId('whe');
    const secret = generateWebhookSecret();
    const now = this.#now();
    const [row] = await this.#db
      .insert(webhookEndpoints)
      .values({
        id,
        organizationId,
        url: input.url,
        description: input.description,
        eventTypes: [...input.eventTypes],
        secret: sealSecret(this.#keyring, secret, webhookSecretContext(id)),
        // Ids commit in order per organization, so every event after this one is still to come.
        cursor: await latestEventId(this.#db, organizationId),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (row === undefined) throw new Error('Insert returned no webhook endpoint');
    return { endpoint: view(row), secret };
  }

  async list(organizationId: string): Promise<WebhookEndpointView[]> {
    const rows = await this.#db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.organizationId, organizationId))
      .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
    return rows.map(view);
  }

  async get(organizationId: string, id: string): Promise<WebhookEndpointView | null> {
    const [row] = await this.#db.select().from(webhookEndpoints).where(inOrganization(organizationId, id));
    return row === undefined ? null : view(row);
  }

  /**
   * Changes what is given. Enabling clears a FAILING disable and the failure streak (the endpoint resumes from
   * where it stopped, so nothing committed meanwhile is lost); disabling records reason ADMIN.
   */
  async update(
    organizationId: string,
    id: string,
    input: Partial<WebhookEndpointInput> & { readonly enabled?: boolean },
  ): Promise<WebhookEndpointView | null> {
    const now = this.#now();
    const [row] = await this.#db
      .update(webhookEndpoints)
      .set({
        ...(input.url === undefined ? {} : { url: input.url }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.eventTypes === undefined ? {} : { eventTypes: [...input.eventTypes] }),
        ...(input.enabled === undefined
          ? {}
          : input.enabled
            ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null }
            : { enabled: false, disabledReason: 'ADMIN' as const, disabledAt: now }),
        updatedAt: now,
      })
      .where(inOrganization(organizationId, id))
      .returning();
    return row === undefined ? null : view(row);
  }

  /**
   * A new secret, returned this once. The current one becomes the previous one and keeps signing (beside the
   * new one) for `overlapMs`, so receivers can switch without losing a message.
   */
  async rotateSecret(
    organizationId: string,
    id: string,
    overlapMs: number,
  ): Promise<{ endpoint: WebhookEndpointView; secret: string } | null> {
    const secret = generateWebhookSecret();
    const now = this.#now();
    const [row] = await this.#db
      .update(webhookEndpoints)
      .set({
        previousSecret: overlapMs > 0 ? webhookEndpoints.secret : null,
        previousSecretExpiresAt: overlapMs > 0 ? new Date(now.getTime() + overlapMs) : null,
        secret: sealSecret(this.#keyring, secret, webhookSecretContext(id)),
        updatedAt: now,
      })
      .where(inOrganization(organizationId, id))
      .returning();
    return row === undefined ? null : { endpoint: view(row), secret };
  }

  /** Deletes the endpoint and its log. False when there was none. */
  async delete(organizationId: string, id: string): Promise<boolean> {
    const rows = await this.#db
      .delete(webhookEndpoints)
      .where(inOrganization(organizationId, id))
      .returning({ id: webhookEndpoints.id });
    return rows.length > 0;
  }

  /** The endpoint's log, newest first: `first` lines after the line whose `seq` is `after`. */
  async deliveries(
    organizationId: string,
    endpointId: string,
    options: { first: number; after?: number | null; status?: WebhookDeliveryStatus | null },
  ): Promise<{ lines: WebhookMessageView[]; hasNextPage: boolean }> {
    const conditions: SQL[] = [
      eq(webhookMessages.organizationId, organizationId),
      eq(webhookMessages.endpointId, endpointId),
    ];
    if (options.after != null) conditions.push(lt(webhookMessages.seq, options.after));
    if (options.status != null) conditions.push(eq(webhookMessages.status, options.status));
    const rows = await this.#db
      .select()
      .from(webhookMessages)
      .where(and(...conditions))
      .orderBy(desc(webhookMessages.seq))
      .limit(options.first + 1);
    return { lines: rows.slice(0, options.first).map(messageView), hasNextPage: rows.length > options.first };
  }

  async delivery(organizationId: string, id: string): Promise<WebhookMessageView | null> {
    const [row] = await this.#db
      .select()
      .from(webhookMessages)
      .where(and(eq(webhookMessages.organizationId, organizationId), eq(webhookMessages.id, id)));
    return row === undefined ? null : messageView(row);
  }

  /**
   * Sends a message again, with the same `webhook-id` (a receiver that has it already drops it) and a fresh
   * retry window; its attempts count from zero.
   */
  async redeliver(organizationId: string, id: string): Promise<WebhookMessageView | null> {
    const now = this.#now();
    const [row] = await this.#db
      .update(webhookMessages)
      .set({
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        retryUntil: new Date(now.getTime() + this.#policy.retryWindowMs),
        deliveredAt: null,
      })
      .where(and(eq(webhookMessages.organizationId, organizationId), eq(webhookMessages.id, id)))
      .returning();
    return row === undefined ? null : messageView(row);
  }

  /** Queues a WEBHOOK_TEST message to the endpoint (enabled or not: a test is how an admin checks a fix). */
  async sendTest(organizationId: string, endpointId: string): Promise<WebhookMessageView | null> {
    const endpoint = await this.get(organizationId, endpointId);
    if (endpoint === null) return null;
    const now = this.#now();
    const [row] = await this.#db
      .insert(webhookMessages)
      .values({
        id: newId('msg'),
        organizationId,
        endpointId,
        eventId: null,
        eventType: 'WEBHOOK_TEST',
        body: testMessageBody(organizationId, endpointId, now),
        nextAttemptAt: now,
        retryUntil: new Date(now.getTime() + this.#policy.retryWindowMs),
        createdAt: now,
      })
      .returning();
    if (row === undefined) throw new Error('Insert returned no webhook message');
    return messageView(row);
  }
}
