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
 * the client gets a typed error instead of a closed socket. Returned early (the client left), it stops
 * yielding; the run then ends on its own and, reaching no `yield`, a save made by it still is the mutation's.
 */
async function* progressOf(
  run: (onStep: (step: ExchangeStep) => void) => Promise<StoredExchangeReport>,
): AsyncGenerator<ProgressItem> {
  const testedAt = new Date();
  const finished: StoredExchangeStep[] = [];
  let wake: () => void = () => {};
  let settled = false;
  const outcome = run((step) => {
    finished.push(storedStep(step, testedAt));
    wake();
  });
  outcome.then(
    () => {
      settled = true;
      wake();
    },
    () => {
      settled = true;
      wake();
    },
  );
  const last = EXCHANGE_STEP_IDS.length - 1;
  let sent = 0;
  try {
    for (;;) {
      const step = finished[sent];
      if (step !== undefined && (sent < last || settled)) {
        yield { step, index: sent, report: sent === last ? await outcome : null };
        sent += 1;
        continue;
      }
      if (settled && step === undefined) {
        await outcome;
        return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } catch (error) {
    yield new StreamEnd(error);
  }
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
