// POST /webhooks/zoom: Zoom's event notifications for the Zoom app. Verifies `x-zm-signature`
// (v0=HMAC-SHA256(secretToken, "v0:{x-zm-request-timestamp}:{raw body}")) over the raw body, rejects stale
// timestamps (older than 5 minutes) and replays, answers the `endpoint.url_validation` challenge, and turns every
// ZOOM connection of a deauthorizing user (accountExternalId = Zoom user id) ERROR with AUTH_REVOKED through the
// state service (pages react in the same transaction, DESIGN §2).
//
// Replays: the signature and Zoom's per-event `payload.signature` of each processed event are claimed in the
// database (webhook_deliveries) once it was processed, for the tolerance window plus a minute; past it the
// timestamp check rejects the event anyway. Every replica and a restarted process see the same claims, so a replay is refused wherever it
// lands — it matters: a replay after the user reconnected would break the new grant. For the same reason a
// deauthorization older than a connection's last status change (a reconnect, a new link) leaves it alone.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  createWebhookDeliveryStore,
  type Database,
  type StateService,
  systemActor,
  type WebhookDeliveryStore,
} from '@tsunagi/db';
import { outcomeForCode } from '@tsunagi/errors';
import { type Logger, noopLogger } from '@tsunagi/providers';
import type { Request, Response } from 'express';

export const ZOOM_WEBHOOK_PATH = '/webhooks/zoom';
/** Zoom's guidance: reject events whose timestamp is more than five minutes away. */
export const ZOOM_WEBHOOK_TOLERANCE_SECONDS = 300;

export interface ZoomWebhookOptions {
  /** The app's webhook "Secret Token" (Zoom Marketplace → Features → Access). */
  readonly secretToken: string;
  readonly db: Database;
  readonly state: StateService;
  readonly logger?: Logger;
  readonly now?: () => number;
  readonly toleranceSeconds?: number;
  /** Where processed deliveries are claimed; default the database's webhook_deliveries table. */
  readonly deliveries?: WebhookDeliveryStore;
}

export type ZoomWebhookOutcome =
  | { readonly status: 401; readonly reason: 'signature' | 'timestamp' }
  | { readonly status: 400; readonly reason: 'body' }
  | { readonly status: 200; readonly body: Record<string, unknown> };

function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export class ZoomWebhook {
  readonly #options: ZoomWebhookOptions;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #toleranceMs: number;
  readonly #deliveries: WebhookDeliveryStore;

  constructor(options: ZoomWebhookOptions) {
    this.#options = options;
    this.#logger = options.logger ?? noopLogger;
    this.#now = options.now ?? Date.now;
    this.#toleranceMs = (options.toleranceSeconds ?? ZOOM_WEBHOOK_TOLERANCE_SECONDS) * 1000;
    this.#deliveries =
      options.deliveries ?? createWebhookDeliveryStore(options.db, { now: () => new Date(this.#now()) });
  }

  /** Verifies and handles one delivery; `rawBody` exactly as received. */
  async handle(
    headers: { signature?: string; timestamp?: string },
    rawBody: string,
  ): Promise<ZoomWebhookOutcome> {
    const { signature, timestamp } = headers;
    if (signature === undefined || timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
      return { status: 401, reason: 'signature' };
    }
    const expected = `v0=${hmacHex(this.#options.secretToken, `v0:${timestamp}:${rawBody}`)}`;
    if (!sameText(signature, expected)) return { status: 401, reason: 'signature' };
    const now = this.#now();
    if (Math.abs(now - Number(timestamp) * 1000) > this.#toleranceMs)
      return { status: 401, reason: 'timestamp' };

    let json: Record<string, unknown>;
    try {
      json = record(JSON.parse(rawBody));
    } catch {
      return { status: 400, reason: 'body' };
    }
    const event = typeof json.event === 'string' ? json.event : '';
    const payload = record(json.payload);
    if (event === 'endpoint.url_validation') {
      const plainToken = typeof payload.plainToken === 'string' ? payload.plainToken : '';
      if (!plainToken) return { status: 400, reason: 'body' };
      return {
        status: 200,
        body: { plainToken, encryptedToken: hmacHex(this.#options.secretToken, plainToken) },
      };
    }

    const keys = [
      signature,
      ...(typeof payload.signature === 'string' ? [`event:${payload.signature}`] : []),
    ];
    if (await this.#deliveries.seen('zoom', keys)) {
      this.#logger.info({ event }, 'zoom webhook replay ignored');
      return { status: 200, body: { status: 'duplicate' } };
    }

    // Claimed after the work, not before: a delivery that fails on the way (a lost database, answered 503)
    // leaves no claim, so Zoom's redelivery is processed rather than taken for a replay (Zoom resends an
    // event not answered 200/204 three times, after 5, 20 and 60 minutes: "Resolving webhook delays",
    // https://developers.zoom.us/blog/webhook-delays). Doing the work twice (a redelivery racing the first)
    // is harmless: a deauthorization older than a connection's last status change leaves it alone.
    let body: Record<string, unknown>;
    if (event !== 'app_deauthorized') body = { status: 'ignored' };
    else {
      const userId = typeof payload.user_id === 'string' ? payload.user_id : '';
      const marked = userId
        ? await this.#deauthorize(userId, payload, eventTime(json, payload, timestamp))
        : 0;
      body = { status: 'processed', connections: marked };
    }
    if (!(await this.#deliveries.claim('zoom', keys, new Date(now + this.#toleranceMs + 60_000)))) {
      this.#logger.info({ event }, 'zoom webhook delivered twice at once; handled idempotently');
    }
    return { status: 200, body };
  }

  async #deauthorize(userId: string, payload: Record<string, unknown>, at: number): Promise<number> {
    const found = await this.#options.db.query.connections.findMany({
      where: (t, { and, eq, ne }) =>
        and(eq(t.provider, 'ZOOM'), eq(t.accountExternalId, userId), ne(t.status, 'DISCONNECTED')),
      columns: { id: true, organizationId: true, statusChangedAt: true },
    });
    let marked = 0;
    for (const connection of found) {
      // Linked or reconnected after the user removed the app: that grant is newer than the event.
      if (connection.statusChangedAt.getTime() > at) {
        this.#logger.info(
          { connectionId: connection.id },
          'zoom deauthorization older than the grant ignored',
        );
        continue;
      }
      const result = await this.#options.state.markConnectionError(
        systemActor(connection.organizationId),
        connection.id,
        {
          code: 'AUTH_REVOKED',
          ...outcomeForCode('AUTH_REVOKED'),
          provider: 'zoom',
          providerReason: 'app_deauthorized',
          message: 'The Zoom user removed the app (app_deauthorized)',
        },
      );
      if (result.ok) marked++;
      else
        this.#logger.warn(
          { connectionId: connection.id, error: result.error.code },
          'zoom deauthorization not recorded',
        );
    }
    this.#logger.info(
      { connections: marked, accountId: typeof payload.account_id === 'string' ? payload.account_id : null },
      'zoom app deauthorized',
    );
    return marked;
  }
}

/** When the user removed the app: `deauthorization_time`, else `event_ts`, else the signed timestamp. */
function eventTime(
  json: Record<string, unknown>,
  payload: Record<string, unknown>,
  timestamp: string,
): number {
  const at =
    typeof payload.deauthorization_time === 'string' ? Date.parse(payload.deauthorization_time) : Number.NaN;
  if (Number.isFinite(at)) return at;
  return typeof json.event_ts === 'number' ? json.event_ts : Number(timestamp) * 1000;
}

/** Express handler; mount with a raw body parser (`express.raw({ type: '*\/*' })`), never after express.json. */
export function zoomWebhookHandler(webhook: ZoomWebhook) {
  return async (request: Request, response: Response): Promise<void> => {
    const raw = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
    const outcome = await webhook.handle(
      {
        signature: request.header('x-zm-signature') ?? undefined,
        timestamp: request.header('x-zm-request-timestamp') ?? undefined,
      },
      raw,
    );
    if (outcome.status === 200) response.status(200).json(outcome.body);
    else response.status(outcome.status).json({ error: outcome.reason });
  };
}
