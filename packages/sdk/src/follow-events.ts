import type { EventsSubscription as EventsSubscriptionResult } from './__generated__/graphql.js';
import { isTsunagiClientError, type TsunagiClient } from './client.js';
import { EventsSubscription } from './operations/subscriptions.js';

export type TsunagiEvent = EventsSubscriptionResult['events'];

export interface FollowEventsOptions {
  /** Resume right after this cursor (an event's `cursor`); from the start of the log when absent. */
  readonly after?: string | null;
  readonly signal?: AbortSignal;
  /** Backoff between reconnects: full jitter between 0 and min(maxDelayMs, baseDelayMs · 2^attempt). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Give up after this many consecutive failed reconnects (default: never). */
  readonly maxConsecutiveFailures?: number;
  /** Called before each reconnect with the cursor it resumes from. */
  readonly onReconnect?: (info: { cursor: string | null; attempt: number; error: unknown }) => void;
}

// Failures that a reconnect cannot fix. EVENTS_EXPIRED: the cursor fell behind the log's retention; the
// consumer resyncs (reads current state, then follows from the error's `extensions.resyncCursor`).
const FATAL_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'EVENTS_EXPIRED',
]);

/**
 * Every event of the organization's log, in order, from `after` on, surviving disconnects: after a dropped
 * socket it resubscribes from the last cursor it delivered, so a consumer loses nothing and sees nothing twice.
 * Persist `event.cursor` to resume across restarts.
 */
export async function* followEvents(
  client: TsunagiClient,
  options: FollowEventsOptions = {},
): AsyncGenerator<TsunagiEvent, void, undefined> {
  let cursor = options.after ?? null;
  let failures = 0;
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 10_000;
  while (!options.signal?.aborted) {
    try {
      const subscription = client.subscribe(
        EventsSubscription,
        { after: cursor },
        { signal: options.signal },
      );
      for await (const { events } of subscription) {
        failures = 0;
        cursor = events.cursor;
        yield events;
      }
      return; // the server completed the subscription
    } catch (error) {
      if (options.signal?.aborted) return;
      const code = isTsunagiClientError(error) ? error.code : undefined;
      if (code && FATAL_CODES.has(code)) throw error;
      failures++;
      if (options.maxConsecutiveFailures !== undefined && failures > options.maxConsecutiveFailures)
        throw error;
      options.onReconnect?.({ cursor, attempt: failures, error });
      await sleep(Math.random() * Math.min(max, base * 2 ** (failures - 1)), options.signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
