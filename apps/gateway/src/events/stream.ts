// Subscriptions read the event log through followEvents (replay from a cursor, then live, no gap, no
// duplicate) and keep the events the subscriber asked for and may see.
import { followEvents, latestEventId, retryWhileUnavailable, type TsunagiEvent } from '@tsunagi/db';
import { type GatewayContext, refreshLoaders } from '../context.js';

export interface EventStreamOptions {
  /** Replay after this event id; null starts live from the newest event. */
  readonly after: number | null;
  /** Which subscription field, for the metrics. */
  readonly field: string;
  /** Runs with fresh loaders for each event. */
  readonly accept: (event: TsunagiEvent, context: GatewayContext) => boolean | Promise<boolean>;
}

/**
 * An async iterator whose `return()` (the client unsubscribed or the socket closed) or the gateway's
 * shutdown ends it at once, even while it waits for the next event. A live-from-now stream fixes its
 * starting point before it is returned: every event committed after the subscription started is delivered.
 */
export async function eventStream(
  context: GatewayContext,
  options: EventStreamOptions,
): Promise<AsyncIterableIterator<TsunagiEvent>> {
  const { services } = context;
  const { db, bus } = services.database;
  const organizationId = context.viewer.organizationId;
  const after = options.after ?? (await latestEventId(db, organizationId));
  const controller = new AbortController();
  const stop = () => controller.abort();
  services.shutdownSignal.addEventListener('abort', stop, { once: true });

  async function* accepted(): AsyncGenerator<TsunagiEvent, void, undefined> {
    services.metrics.subscriptionsActive.inc({ subscription: options.field });
    try {
      const events = followEvents({ db, bus, organizationId, after, signal: controller.signal });
      for await (const event of events) {
        // A filter that reads (what the viewer may see) waits out a lost database like the log does;
        // fresh loaders each time, since a DataLoader keeps a failed load.
        const wanted = await retryWhileUnavailable(async () => {
          refreshLoaders(context);
          return options.accept(event, context);
        }, controller.signal);
        if (!wanted) continue;
        services.metrics.eventsPublished.inc({ subscription: options.field });
        yield event;
      }
    } finally {
      services.shutdownSignal.removeEventListener('abort', stop);
      services.metrics.subscriptionsActive.dec({ subscription: options.field });
    }
  }

  const inner = accepted();
  const iterator: AsyncIterableIterator<TsunagiEvent> = {
    next: () => inner.next(),
    return: async () => {
      controller.abort();
      return inner.return(undefined);
    },
    throw: async (error: unknown) => {
      controller.abort();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
