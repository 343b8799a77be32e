// A webhook receiver on loopback that checks every request with the `standardwebhooks` package, as a
// customer's receiver would, and can be told to fail, hold its answers, or take a new secret.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly body: string;
  /** Whether a secret the receiver holds verified it (Webhook.verify). */
  readonly verified: boolean;
  /** The secrets, by index in `secrets`, each of which verifies it on its own. */
  readonly verifiedBy: readonly number[];
  /** The answer it was given. */
  readonly status: number;
}

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** The secrets it verifies with; any one is enough (a receiver mid-rotation holds two). */
  secrets: string[] = [];
  #failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  #held: ServerResponse[] | null = null;
  #waiters: { count: number; resolve: () => void }[] = [];
  readonly #server: Server;
  #url = '';

  private constructor() {
    this.#server = createServer((request, response) => void this.#handle(request, response));
    this.#server.keepAliveTimeout = 60_000;
  }

  static async start(secrets: string[] = []): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.secrets = secrets;
    receiver.#server.listen(0, '127.0.0.1');
    await once(receiver.#server, 'listening');
    const { port } = receiver.#server.address() as AddressInfo;
    receiver.#url = `http://127.0.0.1:${port}/hooks`;
    return receiver;
  }

  get url(): string {
    return this.#url;
  }

  /** The next `count` requests are answered `status`. */
  failNext(count: number, status = 503): void {
    this.#failures = { remaining: count, status };
  }

  /** Requests are recorded but not answered until `release` (a sender that dies now dies mid-delivery). */
  hold(): void {
    this.#held ??= [];
  }

  release(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const response of held) if (!response.destroyed) response.writeHead(204).end();
  }

  /** The distinct `webhook-id`s received and verified: what a de-duplicating receiver processed. */
  uniqueIds(): string[] {
    return [...new Set(this.received.filter((entry) => entry.verified).map((entry) => entry.id))];
  }

  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Waited for ${count} webhooks, got ${this.received.length}`)),
        timeoutMs,
      );
      this.#waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  async close(): Promise<void> {
    this.release();
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = {
      'webhook-id': String(request.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
    };
    const verifiedBy = this.secrets.flatMap((secret, index) => {
      try {
        new Webhook(secret).verify(body, headers);
        return [index];
      } catch {
        return [];
      }
    });
    const failing = this.#failures.remaining > 0;
    if (failing) this.#failures.remaining--;
    const status = failing ? this.#failures.status : 204;
    this.received.push({
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signature: headers['webhook-signature'],
      body,
      verified: verifiedBy.length > 0,
      verifiedBy,
      status,
    });
    for (const waiter of this.#waiters.filter((entry) => this.received.length >= entry.count)) {
      waiter.resolve();
    }
    this.#waiters = this.#waiters.filter((entry) => this.received.length < entry.count);
    if (this.#held !== null && !failing) {
      this.#held.push(response);
      return;
    }
    response.writeHead(status).end();
  }
}
