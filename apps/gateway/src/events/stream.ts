// Subscriptions read the event log through followEventBatches (replay from a cursor, then live, no gap, no
// duplicate) and keep the events the subscriber asked for and may see — as the subscriber is now: the viewer
// is re-read from the database with every batch, so a demoted or deleted user stops receiving at once.
// Reads wait out a lost database like the log does.
import { followEventBatches, latestEventId, retryWhileUnavailable, type TsunagiEvent } from '@tsunagi/db';
import { type GatewayContext, refreshLoaders, refreshViewer } from '../context.js';
import { eventLogFailure } from '../errors.js';

export interface EventStreamOptions {
  /** Replay after this event id; null starts live from the newest event. */
  readonly after: number | null;
  /** Which subscription field, for the metrics. */
  readonly field: string;
  /**
   * May the viewer, as the database has them now, still hold this subscription? Throws (FORBIDDEN…) when
   * not; runs before every batch of events is delivered.
   */
  readonly authorize?: (context: GatewayContext) => void;
  /** Runs with fresh loaders for each event. */
  readonly accept: (event: TsunagiEvent, context: GatewayContext) => boolean | Promise<boolean>;
}

/** The last item of a stream that ends on an error: its resolver throws it, so the client gets it typed. */
export class StreamEnd {
  constructor(readonly error: unknown) {}
}

export type StreamItem = TsunagiEvent | StreamEnd;

/** A subscription field's `resolve`: the event, or the error that ends the subscription. */
export function delivered(item: StreamItem): TsunagiEvent {
  if (item instanceof StreamEnd) throw item.error;
  return item;
}

/**
 * An async iterator whose `return()` (the client unsubscribed or the socket closed) or the gateway's
 * shutdown ends it at once, even while it waits for the next event. A live-from-now stream fixes its
 * starting point before it is returned: every event committed after the subscription started is delivered.
 * It never throws: a revoked right or a failure is its last item (`StreamEnd`), then it completes.
 */
export async function eventStream(
  context: GatewayContext,
  options: EventStreamOptions,
): Promise<AsyncIterableIterator<StreamItem>> {
  const { services } = context;
  const { db, bus } = services.database;
  const organizationId = context.viewer.organizationId;
  const after = options.after ?? (await latestEventId(db, organizationId));
  const controller = new AbortController();
  const stop = () => controller.abort();
  services.shutdownSignal.addEventListener('abort', stop, { once: true });
  const client = `${context.claims.organizationId}/${context.claims.userId}`;

  async function* accepted(): AsyncGenerator<StreamItem, void, undefined> {
    services.metrics.subscriptionsActive.inc({ subscription: options.field });
    try {
      const batches = followEventBatches({
        db,
        bus,
        organizationId,
        after,
        signal: controller.signal,
        batchSize: services.subscriptionLimits.replayBatchSize,
      });
      for await (const batch of batches) {
        // Read after every event of the batch committed: a change of rights before them is seen here.
        await retryWhileUnavailable(() => refreshViewer(context), controller.signal);
        options.authorize?.(context);
        const release = await services.deliveryGates.acquire(client, controller.signal);
        if (release === null) return;
        try {
          for (const event of batch) {
            if (controller.signal.aborted) return;
            // Fresh loaders on each try, since a DataLoader keeps a failed load.
            const wanted = await retryWhileUnavailable(async () => {
              refreshLoaders(context);
              return options.accept(event, context);
            }, controller.signal);
            if (!wanted) continue;
            services.metrics.eventsPublished.inc({ subscription: options.field });
            yield event;
          }
        } finally {
          release();
        }
      }
    } catch (error) {
      // A cursor that fell behind retention ends the stream with EVENTS_EXPIRED, never with a silent gap.
      if (!controller.signal.aborted) yield new StreamEnd(eventLogFailure(error));
    } finally {
      services.shutdownSignal.removeEventListener('abort', stop);
      services.metrics.subscriptionsActive.dec({ subscription: options.field });
    }
  }

  const inner = accepted();
  const iterator: AsyncIterableIterator<StreamItem> = {
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
