// Notices that events were committed. A notice carries no events, only "the log of this organization
// now reaches id N": listeners read the log from their own cursor, so notices may be coalesced,
// repeated or reordered without losing or duplicating anything.
import { sql } from 'drizzle-orm';
import { Client, type ClientConfig } from 'pg';
import type { Executor } from './database.js';

export type EventNotice =
  | { kind: 'appended'; organizationId: string; lastEventId: number }
  /** Notices may have been missed (the listener connection was re-established): re-read the log. */
  | { kind: 'resync' };

export type EventListener = (notice: EventNotice) => void;

export interface EventBus {
  /** Runs inside the transaction that appended the events, just before it commits. */
  announce(tx: Executor, notice: EventNotice & { kind: 'appended' }): Promise<void>;
  /** Runs after that transaction committed. */
  publish(notice: EventNotice): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Resolves once notices published from now on will reach subscribers. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

function deliver(listeners: Iterable<EventListener>, notice: EventNotice): void {
  for (const listener of listeners) {
    try {
      listener(notice);
    } catch {
      // A faulty listener must not stop the others or the publisher.
    }
  }
}

/** For one process (PGlite): publishing after commit is enough. */
export class InProcessEventBus implements EventBus {
  readonly #listeners = new Set<EventListener>();

  async announce(): Promise<void> {}

  publish(notice: EventNotice): void {
    deliver([...this.#listeners], notice);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}

/** Null object for services that run without subscribers (seeding, scripts). */
export class NoopEventBus implements EventBus {
  async announce(): Promise<void> {}
  publish(): void {}
  subscribe(): () => void {
    return () => {};
  }
  async ready(): Promise<void> {}
  async close(): Promise<void> {}
}

export interface PgNotifyEventBusOptions {
  connectionString?: string;
  /** Extra settings for the dedicated LISTEN client. */
  client?: Omit<ClientConfig, 'connectionString'>;
  /** Channel name; defaults to `tsunagi_events`. */
  channel?: string;
  /** Delay before re-establishing a lost LISTEN connection. */
  reconnectDelayMs?: number;
  onError?: (error: unknown) => void;
}

const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Shares notices between processes on one Postgres database. Each committing transaction runs
 * `pg_notify(channel, 'orgId:lastEventId')`, which Postgres delivers only on commit; one dedicated client
 * per process LISTENs and fans out to subscribers. The LISTEN connection opens with the first subscriber.
 */
export class PgNotifyEventBus implements EventBus {
  readonly channel: string;
  readonly #options: PgNotifyEventBusOptions;
  readonly #listeners = new Set<EventListener>();
  #client: Client | null = null;
  #connecting: Promise<void> | null = null;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: PgNotifyEventBusOptions) {
    this.channel = options.channel ?? 'tsunagi_events';
    if (!CHANNEL_PATTERN.test(this.channel)) throw new Error(`Invalid channel name "${this.channel}"`);
    this.#options = options;
  }

  async announce(tx: Executor, notice: EventNotice & { kind: 'appended' }): Promise<void> {
    await tx.execute(
      sql`SELECT pg_notify(${this.channel}, ${`${notice.organizationId}:${notice.lastEventId}`})`,
    );
  }

  publish(notice: EventNotice): void {
    // Local subscribers hear it at once; the NOTIFY (which also reaches us) serves other processes.
    deliver([...this.#listeners], notice);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    // Subscribed while the database is unreachable: keep trying, and resync once connected.
    void this.ready().catch(() => this.#scheduleReconnect());
    return () => this.#listeners.delete(listener);
  }

  ready(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('Event bus is closed'));
    if (this.#client !== null) return Promise.resolve();
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = null;
    });
    return this.#connecting;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    if (this.#reconnectTimer !== null) clearTimeout(this.#reconnectTimer);
    await this.#connecting?.catch(() => {});
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    const client = new Client({ ...this.#options.client, connectionString: this.#options.connectionString });
    client.on('notification', (message) => {
      if (message.channel !== this.channel || message.payload === undefined) return;
      const at = message.payload.lastIndexOf(':');
      const lastEventId = Number(message.payload.slice(at + 1));
      if (at <= 0 || !Number.isSafeInteger(lastEventId)) return;
      deliver([...this.#listeners], {
        kind: 'appended',
        organizationId: message.payload.slice(0, at),
        lastEventId,
      });
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('LISTEN connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
  }

  #lost(client: Client, error: unknown): void {
    if (this.#client !== client || this.#closed) return;
    this.#client = null;
    this.#options.onError?.(error);
    void client.end().catch(() => {});
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#reconnectTimer !== null) return;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      if (this.#closed || this.#listeners.size === 0) return;
      this.ready().then(
        // Notifications sent while we were away are gone: tell listeners to re-read their cursor.
        () => deliver([...this.#listeners], { kind: 'resync' }),
        (error: unknown) => {
          this.#options.onError?.(error);
          this.#scheduleReconnect();
        },
      );
    }, this.#options.reconnectDelayMs ?? 1000);
    this.#reconnectTimer.unref();
  }
}
