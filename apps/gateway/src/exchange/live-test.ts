// The Exchange connection test, live (subscription exchangeConnectionTest): the same analysis as the
// testExchangeConnection mutation, one message per step as soon as it has finished, the last one with the report.
import { type StoredExchangeReport, type StoredExchangeStep, storedError } from '@tsunagi/db';
import { EXCHANGE_STEP_IDS, type ExchangeStep } from '@tsunagi/providers';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { StreamEnd } from '../events/stream.js';
import { prepareExchangeTest } from './resolvers.js';

interface Progress {
  readonly step: StoredExchangeStep;
  readonly index: number;
  readonly report: StoredExchangeReport | null;
}

type ProgressItem = Progress | StreamEnd;

/** A step as the stored report keeps it (its error classified and dated), sent before the report exists. */
function storedStep(step: ExchangeStep, testedAt: Date): StoredExchangeStep {
  return {
    id: step.id,
    status: step.status,
    detail: step.detail,
    error: step.classification === undefined ? null : storedError(step.classification, testedAt),
  };
}

/**
 * Streams a run: each finished step as it comes; the last step waits for the run to end (the save included), so
 * it carries the report. It never throws: a failure is its last item (`StreamEnd`), whose resolver throws it, so
 * the client gets a typed error instead of a closed socket. `return()` (the client left, the socket closed, the
 * gateway stops) ends it at once, even while a step runs; the run itself goes on to its end, and with `save`
 * stores the settings as a mutation whose client went away does.
 */
function progressOf(
  run: (onStep: (step: ExchangeStep) => void) => Promise<StoredExchangeReport>,
): AsyncGenerator<ProgressItem, undefined> {
  const testedAt = new Date();
  const finished: StoredExchangeStep[] = [];
  let wake: () => void = () => {};
  let settled = false;
  let closed = false;
  const outcome = run((step) => {
    finished.push(storedStep(step, testedAt));
    wake();
  });
  const settle = () => {
    settled = true;
    wake();
  };
  outcome.then(settle, settle);
  const last = EXCHANGE_STEP_IDS.length - 1;
  let sent = 0;
  const end = { done: true, value: undefined } as const;
  const failure = (error: unknown) => {
    closed = true;
    return { done: false, value: new StreamEnd(error) } as const;
  };

  const iterator: AsyncGenerator<ProgressItem, undefined> = {
    async next() {
      while (!closed) {
        const step = finished[sent];
        if (step !== undefined && (sent < last || settled)) {
          const index = sent;
          sent += 1;
          if (index < last) return { done: false, value: { step, index, report: null } };
          try {
            return { done: false, value: { step, index, report: await outcome } };
          } catch (error) {
            return failure(error);
          }
        }
        if (settled) {
          try {
            await outcome;
          } catch (error) {
            return failure(error);
          }
          closed = true;
          break;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      return end;
    },
    async return() {
      closed = true;
      wake();
      return end;
    },
    async throw(error: unknown) {
      closed = true;
      wake();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

export const exchangeLiveResolvers: Resolvers = {
  Subscription: {
    exchangeConnectionTest: {
      // Not a generator itself: the rights and the input are checked when the client subscribes, so a refusal
      // is the operation's typed error and nothing runs.
      subscribe: (_parent, args, context) => progressOf(prepareExchangeTest(context, args)),
      resolve: (item: ProgressItem) => {
        if (item instanceof StreamEnd) throw item.error;
        return item;
      },
    },
  },
};
