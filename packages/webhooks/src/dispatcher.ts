// Moves events from the log to receivers. Two steps, each safe to run in any number of processes at once:
// 1. fan-out: per endpoint, in one transaction, read the events after its cursor, add one message per wanted
//    event (unique per endpoint and event, so a repeat adds nothing) and move the cursor. The endpoint row is
//    locked with SKIP LOCKED, so two processes never fan out one endpoint together.
// 2. delivery: claim due messages (SKIP LOCKED; the claim pushes `next_attempt_at` out by a lease), send them
//    signed, record the answer. A process that dies mid-attempt leaves the lease to run out, and the message is
//    sent again with the same `webhook-id`: at least once, de-duplicated by the receiver.
// The event's own transaction writes nothing here: the log already is the outbox.
import {
  type Database,
  type EventBus,
  isEventsExpiredError,
  type Keyring,
  newId,
  openSecret,
  readEvents,
  type TsunagiEvent,
  Wakeup,
  type WebhookEndpointRow,
  webhookSecretContext,
} from '@tsunagi/db';
import { events, webhookEndpoints, webhookMessages } from '@tsunagi/db/schema';
import { and, eq, inArray, isNull, lt, lte, min, or, sql } from 'drizzle-orm';
import { EXPIRED_MESSAGE_TYPE, eventMessageBody, expiredMessageBody } from './message.js';
import { attemptLeaseMs, type DeliveryPolicy, retryDelayMs } from './policy.js';
import { type SendOutcome, WebhookSender } from './sender.js';
import { signWebhook } from './signing.js';
import type { Resolver, TargetPolicy } from './targets.js';

export interface DispatcherLogger {
  warn(object: object, message: string): void;
  info?(object: object, message: string): void;
}

export interface WebhookDispatcherOptions {
  readonly db: Database;
  /** Wakes fan-out when an organization's log grows; without it, only the sweep does. */
  readonly bus?: EventBus;
  readonly keyring: Keyring;
  readonly policy: DeliveryPolicy;
  readonly targets: TargetPolicy;
  readonly resolver?: Resolver;
  readonly now?: () => Date;
  readonly random?: () => number;
  /** Attempts in flight in this process. Default 32. */
  readonly concurrency?: number;
  /** Events read per endpoint per fan-out transaction. Default 200. */
  readonly fanOutBatch?: number;
  /** How often the loop looks for work nobody announced (lost notices, other processes' retries). Default 5 s. */
  readonly sweepMs?: number;
  readonly logger?: DispatcherLogger;
}

interface Claimed {
  id: string;
  body: string;
  attempts: number;
  retryUntil: Date;
  endpoint: EndpointSecrets;
}

interface Delivered {
  message: Claimed;
  status: number;
  latencyMs: number;
  at: Date;
}

type EndpointSecrets = Pick<
  WebhookEndpointRow,
  'id' | 'organizationId' | 'url' | 'secret' | 'previousSecret' | 'previousSecretExpiresAt' | 'failingSince'
>;

const ERROR_TEXT_LIMIT = 200;

/** A disabled endpoint gets only test messages: how an admin checks a fix before enabling it again. */
const SENDABLE = or(eq(webhookEndpoints.enabled, true), isNull(webhookMessages.eventId));

export class WebhookDispatcher {
  readonly #options: WebhookDispatcherOptions;
  readonly #db: Database;
  readonly #sender: WebhookSender;
  readonly #now: () => Date;
  readonly #random: () => number;
  readonly #concurrency: number;
  readonly #batch: number;
  readonly #opened = new Map<string, string>();
  readonly #fanOutWork = new Wakeup();
  readonly #deliveryWork = new Wakeup();
  #loops: Promise<unknown> | null = null;
  #unsubscribe: (() => void) | null = null;
  #stopped = false;

  constructor(options: WebhookDispatcherOptions) {
    this.#options = options;
    this.#db = options.db;
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? Math.random;
    this.#concurrency = options.concurrency ?? 32;
    this.#batch = options.fanOutBatch ?? 200;
    this.#sender = new WebhookSender({
      policy: options.targets,
      timeoutMs: options.policy.timeoutMs,
      ...(options.resolver === undefined ? {} : { resolver: options.resolver }),
    });
  }

  /**
   * Runs two loops until `stop`: fan-out (woken by new events and the sweep) and delivery (woken by fan-out,
   * `poke`, the next retry coming due, and the sweep). Apart, a backlog's first messages go out while the rest
   * is still being fanned out.
   */
  start(): void {
    if (this.#loops !== null) return;
    this.#unsubscribe = this.#options.bus?.subscribe(() => this.#fanOutWork.poke()) ?? null;
    const sweepMs = this.#options.sweepMs ?? 5_000;
    this.#loops = Promise.all([
      this.#loop(this.#fanOutWork, async () => {
        await this.fanOut();
        return sweepMs;
      }),
      this.#loop(this.#deliveryWork, async () => {
        await this.deliverDue();
        const due = await this.#nextDue();
        return due === null ? sweepMs : Math.max(0, Math.min(sweepMs, due.getTime() - this.#now().getTime()));
      }),
    ]);
  }

  /** Something may be due (a new endpoint, a redelivery, a test message). */
  poke(): void {
    this.#fanOutWork.poke();
    this.#deliveryWork.poke();
  }

  /** Stops the loops and waits for attempts in flight; call before the database closes. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#fanOutWork.poke();
    this.#deliveryWork.poke();
    await this.#loops;
    this.#sender.close();
  }

  /** Fans out, then delivers everything due, until nothing is left (tests and tools; the loop does this). */
  async runOnce(): Promise<{ fannedOut: number; attempted: number }> {
    const fannedOut = await this.fanOut();
    const attempted = await this.deliverDue();
    return { fannedOut, attempted };
  }

  /** Runs `pass` whenever `work` is poked, or after the wait the last pass asked for. */
  async #loop(work: Wakeup, pass: () => Promise<number>): Promise<void> {
    while (!this.#stopped) {
      work.clear();
      let waitMs = this.#options.sweepMs ?? 5_000;
      try {
        waitMs = await pass();
      } catch (error) {
        // Losing the database fails this pass, not the process: the next pass starts from the tables.
        this.#options.logger?.warn({ err: error }, 'webhook dispatch pass failed');
      }
      if (!this.#stopped) await work.wait(waitMs);
    }
  }

  /** When the next claimable message comes due; a disabled endpoint's waiting messages do not count. */
  async #nextDue(): Promise<Date | null> {
    const [row] = await this.#db
      .select({ due: min(webhookMessages.nextAttemptAt) })
      .from(webhookMessages)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookMessages.endpointId))
      .where(and(eq(webhookMessages.status, 'PENDING'), SENDABLE));
    return row?.due ?? null;
  }

  /** Fans out every enabled endpoint that is behind its organization's log. Messages made. */
  async fanOut(): Promise<number> {
    const newest = this.#db
      .select({ id: sql`coalesce(max(${events.id}), 0)` })
      .from(events)
      .where(eq(events.organizationId, webhookEndpoints.organizationId));
    const behind = await this.#db
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.enabled, true), lt(webhookEndpoints.cursor, sql`(${newest})`)));
    let made = 0;
    for (const { id } of behind) {
      while (true) {
        const step = await this.#fanOutEndpoint(id);
        made += step.made;
        if (step.made > 0) this.#deliveryWork.poke();
        if (step.read < this.#batch) break;
      }
    }
    return made;
  }

  async #fanOutEndpoint(id: string): Promise<{ read: number; made: number }> {
    return this.#db.transaction(async (tx) => {
      const [endpoint] = await tx
        .select({
          organizationId: webhookEndpoints.organizationId,
          cursor: webhookEndpoints.cursor,
          eventTypes: webhookEndpoints.eventTypes,
        })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.enabled, true)))
        .for('update', { skipLocked: true });
      // Another process holds it (and fans it out), or it was disabled or deleted.
      if (endpoint === undefined) return { read: 0, made: 0 };
      const now = this.#now();
      const retryUntil = new Date(now.getTime() + this.#options.policy.retryWindowMs);
      let read: TsunagiEvent[];
      try {
        read = await readEvents(tx, endpoint.organizationId, endpoint.cursor, this.#batch);
      } catch (error) {
        if (!isEventsExpiredError(error)) throw error;
        // Retention removed events this endpoint never got: one EVENTS_EXPIRED message says so (with the
        // cursor to follow from after a re-read of the state) and the endpoint resumes after the gap.
        await tx.insert(webhookMessages).values({
          id: newId('msg'),
          organizationId: endpoint.organizationId,
          endpointId: id,
          eventId: null,
          eventType: EXPIRED_MESSAGE_TYPE,
          body: expiredMessageBody(error, now),
          nextAttemptAt: now,
          retryUntil,
          createdAt: now,
        });
        await tx
          .update(webhookEndpoints)
          .set({ cursor: error.oldestCursor })
          .where(eq(webhookEndpoints.id, id));
        return { read: this.#batch, made: 1 };
      }
      const last = read.at(-1);
      if (last === undefined) return { read: 0, made: 0 };
      const wanted = read.filter(
        (event) => endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.type),
      );
      if (wanted.length > 0) {
        await tx
          .insert(webhookMessages)
          .values(
            wanted.map((event) => ({
              id: newId('msg'),
              organizationId: endpoint.organizationId,
              endpointId: id,
              eventId: event.id,
              eventType: event.type,
              body: eventMessageBody(event),
              nextAttemptAt: now,
              retryUntil,
              createdAt: now,
            })),
          )
          .onConflictDoNothing();
      }
      await tx.update(webhookEndpoints).set({ cursor: last.id }).where(eq(webhookEndpoints.id, id));
      return { read: read.length, made: wanted.length };
    });
  }

  /**
   * Sends every message that is due until none is: `concurrency` senders take messages from a local queue that
   * one claim at a time refills while they send (up to a second batch ahead, so a slow round trip does not leave
   * them idle), and successes are recorded in batches beside them: the database's round trips overlap the
   * receivers' instead of taking turns with them. Attempts made.
   */
  async deliverDue(): Promise<number> {
    const queue: Claimed[] = [];
    const delivered: Delivered[] = [];
    let attempted = 0;
    let drained = false;
    let failure: unknown = null;
    let refilling: Promise<void> | null = null;
    let recording: Promise<void> = Promise.resolve();
    const record = () => {
      const batch = delivered.splice(0);
      recording = recording.then(() => this.#recordDelivered(batch));
    };
    const refill = (): Promise<void> | null => {
      if (refilling === null && !drained && !this.#stopped && queue.length < this.#concurrency) {
        refilling = this.#claim(this.#concurrency)
          .then(
            (claimed) => {
              queue.push(...claimed);
              drained = claimed.length < this.#concurrency;
            },
            (error: unknown) => {
              // The database is gone for now: finish what is in hand; the next pass starts over.
              failure = error;
              drained = true;
            },
          )
          .finally(() => {
            refilling = null;
          });
      }
      return refilling;
    };
    const sender = async () => {
      while (true) {
        const message = queue.shift();
        if (message === undefined) {
          const pending = refill();
          if (pending === null) return;
          await pending;
          continue;
        }
        void refill();
        attempted++;
        await this.#attempt(message, delivered);
        if (delivered.length >= Math.max(1, this.#concurrency / 2)) record();
      }
    };
    await Promise.all(Array.from({ length: this.#concurrency }, sender));
    record();
    await recording;
    if (failure !== null) throw failure;
    return attempted;
  }

  /** Claims up to `limit` due messages, each with what its endpoint needs to send it. */
  async #claim(limit: number): Promise<Claimed[]> {
    const now = this.#now();
    const due = this.#db
      .select({ id: webhookMessages.id })
      .from(webhookMessages)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookMessages.endpointId))
      .where(and(eq(webhookMessages.status, 'PENDING'), lte(webhookMessages.nextAttemptAt, now), SENDABLE))
      // No ORDER BY: sorting every due row made each claim cost the whole backlog. Any due rows will do, and
      // none starves: a claimed row leaves the due set, so the rest come up in the next claims.
      .limit(limit)
      .for('update', { of: webhookMessages, skipLocked: true });
    const rows = await this.#db
      .update(webhookMessages)
      .set({
        attempts: sql`${webhookMessages.attempts} + 1`,
        lastAttemptAt: now,
        nextAttemptAt: new Date(now.getTime() + attemptLeaseMs(this.#options.policy)),
      })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, webhookMessages.endpointId), inArray(webhookMessages.id, due)))
      .returning({
        id: webhookMessages.id,
        body: webhookMessages.body,
        attempts: webhookMessages.attempts,
        retryUntil: webhookMessages.retryUntil,
        endpointId: webhookEndpoints.id,
        organizationId: webhookEndpoints.organizationId,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        previousSecret: webhookEndpoints.previousSecret,
        previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
        failingSince: webhookEndpoints.failingSince,
      });
    return rows.map(({ id, body, attempts, retryUntil, endpointId, ...endpoint }) => ({
      id,
      body,
      attempts,
      retryUntil,
      endpoint: { id: endpointId, ...endpoint },
    }));
  }

  #open(endpointId: string, envelope: string): string {
    const key = `${endpointId}\u0000${envelope}`;
    let secret = this.#opened.get(key);
    if (secret === undefined) {
      secret = openSecret(this.#options.keyring, envelope, webhookSecretContext(endpointId));
      if (this.#opened.size > 10_000) this.#opened.clear();
      this.#opened.set(key, secret);
    }
    return secret;
  }

  /** The secrets that sign now: the current one, and the previous one while its overlap lasts. */
  #secrets(endpoint: EndpointSecrets, now: Date): string[] {
    const secrets = [this.#open(endpoint.id, endpoint.secret)];
    if (
      endpoint.previousSecret !== null &&
      endpoint.previousSecretExpiresAt !== null &&
      endpoint.previousSecretExpiresAt > now
    ) {
      secrets.push(this.#open(endpoint.id, endpoint.previousSecret));
    }
    return secrets;
  }

  async #attempt(message: Claimed, delivered: Delivered[]): Promise<void> {
    const { endpoint } = message;
    try {
      const now = this.#now();
      const headers = signWebhook(message.id, now, message.body, this.#secrets(endpoint, now));
      const outcome = await this.#sender.send(endpoint.url, { ...headers }, message.body);
      if (outcome.kind === 'answered' && outcome.status >= 200 && outcome.status < 300) {
        delivered.push({ message, status: outcome.status, latencyMs: outcome.latencyMs, at: this.#now() });
        return;
      }
      await this.#recordFailure(message, outcome);
    } catch (error) {
      // The lease runs out and the message is tried again.
      this.#options.logger?.warn({ err: error, messageId: message.id }, 'webhook attempt not recorded');
    }
  }

  /** Marks answered messages DELIVERED in one statement (only the attempt that claimed them), and ends streaks. */
  async #recordDelivered(delivered: readonly Delivered[]): Promise<void> {
    if (delivered.length === 0) return;
    try {
      const values = sql.join(
        delivered.map(
          ({ message, status, latencyMs, at }) =>
            sql`(${message.id}, ${message.attempts}::int, ${latencyMs}::int, ${status}::smallint, ${at.toISOString()}::timestamptz)`,
        ),
        sql`, `,
      );
      // One statement: the messages, and the end of their endpoints' failure streaks, land together.
      await this.#db.execute(sql`
        WITH done AS (
          UPDATE ${webhookMessages} AS m
          SET status = 'DELIVERED', delivered_at = v.at, next_attempt_at = v.at, latency_ms = v.latency,
              response_status = v.status, last_error = NULL
          FROM (VALUES ${values}) AS v(id, attempts, latency, status, at)
          WHERE m.id = v.id AND m.attempts = v.attempts
          RETURNING m.endpoint_id
        )
        UPDATE ${webhookEndpoints} SET failing_since = NULL
        WHERE id IN (SELECT endpoint_id FROM done) AND failing_since IS NOT NULL`);
    } catch (error) {
      // Unrecorded successes are sent again when their lease ends: at least once, never lost.
      this.#options.logger?.warn({ err: error, count: delivered.length }, 'webhook deliveries not recorded');
    }
  }

  async #recordFailure(message: Claimed, outcome: SendOutcome): Promise<void> {
    const now = this.#now();
    const mine = and(eq(webhookMessages.id, message.id), eq(webhookMessages.attempts, message.attempts));
    const answered = outcome.kind === 'answered' ? outcome.status : null;
    const next = new Date(now.getTime() + retryDelayMs(message.attempts, this.#options.policy, this.#random));
    const exhausted = next > message.retryUntil;
    const error = outcome.kind === 'failed' ? outcome.error : `HTTP ${answered}`;
    await this.#db
      .update(webhookMessages)
      .set({
        status: exhausted ? 'FAILED' : 'PENDING',
        nextAttemptAt: exhausted ? now : next,
        latencyMs: outcome.latencyMs,
        responseStatus: answered,
        lastError: error.slice(0, ERROR_TEXT_LIMIT),
      })
      .where(mine);
    await this.#noteFailure(message.endpoint, now);
  }

  /** Starts or extends the endpoint's failure streak; one too long disables it (reason FAILING). */
  async #noteFailure(endpoint: EndpointSecrets, now: Date): Promise<void> {
    const [row] = await this.#db
      .update(webhookEndpoints)
      .set({
        failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)`,
      })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning({ failingSince: webhookEndpoints.failingSince, enabled: webhookEndpoints.enabled });
    const since = row?.failingSince ?? null;
    if (row === undefined || !row.enabled || since === null) return;
    if (now.getTime() - since.getTime() < this.#options.policy.disableAfterMs) return;
    const disabled = await this.#db
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: 'FAILING', disabledAt: now, updatedAt: now })
      .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, true)))
      .returning({ id: webhookEndpoints.id });
    if (disabled.length > 0) {
      this.#options.logger?.warn(
        { endpointId: endpoint.id, organizationId: endpoint.organizationId, failingSince: since },
        'webhook endpoint disabled after failing continuously',
      );
    }
  }
}
