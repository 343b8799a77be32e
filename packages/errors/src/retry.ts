import { isProviderError, ProviderError } from './provider-error.js';
import type { ProviderErrorClassification } from './types.js';
import { Action, isProvider } from './vocabulary.js';

export interface Clock {
  now(): number;
  /** Resolves after `ms`; should reject promptly when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Rejection of `withRetry` when its signal aborts (before, during or between attempts). */
export class RetryAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(reason?: unknown) {
    super('The operation was aborted', { cause: reason });
  }
}

function abortError(signal: AbortSignal): RetryAbortedError {
  return new RetryAbortedError(signal.reason);
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal as AbortSignal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface RetryAttempt {
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** How long withRetry will wait before the next attempt. */
  delayMs: number;
  classification: ProviderErrorClassification;
  error: unknown;
}

export interface RetryPolicy {
  /** Total attempts, the first included (at least 1). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Overall budget measured from the first attempt; a wait that would overrun it is not started. */
  deadlineMs?: number;
  signal?: AbortSignal;
  clock?: Clock;
  /** Returns [0, 1); defaults to Math.random. */
  random?: () => number;
  /** Classifies a rejection; defaults to reading `ProviderError.classification`. */
  classify?: (error: unknown) => ProviderErrorClassification | undefined;
  onRetry?: (attempt: RetryAttempt) => void;
  /**
   * Called once for a REFRESH_TOKEN classification; when it resolves the call is retried at once.
   * Without it, REFRESH_TOKEN failures are rethrown: refreshing is the caller's job.
   */
  onRefresh?: (classification: ProviderErrorClassification, error: unknown) => Promise<void>;
}

function defaultClassify(error: unknown): ProviderErrorClassification | undefined {
  return isProviderError(error) ? error.classification : undefined;
}

function classifyWith(policy: RetryPolicy, error: unknown): ProviderErrorClassification | undefined {
  try {
    return policy.classify?.(error) ?? defaultClassify(error);
  } catch {
    return defaultClassify(error);
  }
}

/** Waits on `promise` but rejects as soon as `signal` aborts, whether or not the promise listens. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The call ran out of its deadline: a transient timeout (NETWORK_UNREACHABLE, ETIMEDOUT) in the words of the
 * provider that failed last, keeping that failure as `cause`.
 */
function deadlineExceeded(lastError: unknown): ProviderError {
  const provider = isProviderError(lastError) ? lastError.classification.provider : 'unknown';
  return ProviderError.fromFailure(
    { provider: isProvider(provider) ? provider : 'network', errorCode: 'ETIMEDOUT' },
    lastError === undefined ? undefined : { cause: lastError },
  );
}

function jitter(random: () => number): number {
  const r = random();
  return Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
}

/**
 * Runs `fn` until it succeeds, retrying only RETRY_WITH_BACKOFF classifications with exponential
 * backoff and full jitter: after the k-th failure it waits
 * `max(random() * min(maxDelayMs, baseDelayMs * 2 ** (k - 1)), retryAfterSeconds * 1000)`.
 * It gives up (rethrowing the last error) when attempts run out, when the wait would reach the
 * deadline, or at once for any other classification. REFRESH_TOKEN is retried once only through
 * `onRefresh`. Aborting `signal` rejects promptly with a `RetryAbortedError` (name `AbortError`).
 */
export async function withRetry<T>(
  fn: (attempt: number, signal: AbortSignal) => Promise<T>,
  policy: RetryPolicy,
): Promise<T> {
  const clock = policy.clock ?? systemClock;
  const random = policy.random ?? Math.random;
  const maxAttempts = Number.isFinite(policy.maxAttempts) ? Math.max(1, Math.floor(policy.maxAttempts)) : 1;
  const base = Math.max(0, policy.baseDelayMs);
  const cap = Math.max(0, policy.maxDelayMs);
  const outer = policy.signal;
  const deadline =
    policy.deadlineMs === undefined ? Number.POSITIVE_INFINITY : clock.now() + policy.deadlineMs;
  let refreshed = false;
  let backoffs = 0;
  let lastError: unknown;

  for (let attempt = 1; ; attempt++) {
    if (outer?.aborted) throw abortError(outer);
    const remaining = deadline - clock.now();
    if (remaining <= 0) throw deadlineExceeded(lastError);
    // The deadline bounds the attempts too, not only the waits: an attempt still running when it passes is
    // aborted (its signal) and abandoned, so a provider that holds the answer cannot hold the caller.
    const expiry = new AbortController();
    const timer = Number.isFinite(remaining) ? setTimeout(() => expiry.abort(), remaining) : undefined;
    const attemptSignal = outer === undefined ? expiry.signal : AbortSignal.any([outer, expiry.signal]);
    try {
      return await untilAborted(
        Promise.resolve().then(() => fn(attempt, attemptSignal)),
        attemptSignal,
      );
    } catch (error) {
      if (outer?.aborted) throw error instanceof RetryAbortedError ? error : abortError(outer);
      if (expiry.signal.aborted) throw deadlineExceeded(lastError);
      lastError = error;
      const classification = classifyWith(policy, error);
      if (classification === undefined || attempt >= maxAttempts) throw error;

      if (classification.action === Action.REFRESH_TOKEN) {
        if (policy.onRefresh === undefined || refreshed) throw error;
        refreshed = true;
        await untilAborted(policy.onRefresh(classification, error), outer);
        continue;
      }
      if (classification.action !== Action.RETRY_WITH_BACKOFF) throw error;

      backoffs++;
      const exponential = Math.min(cap, base * 2 ** (backoffs - 1));
      const hinted = (classification.retryAfterSeconds ?? 0) * 1000;
      const delayMs = Math.max(jitter(random) * exponential, Number.isFinite(hinted) ? hinted : 0);
      // Waiting is only worth it when an attempt can follow before the deadline: compared as the clock will
      // add it (`now + delay`), so a wait that lands exactly on the deadline never sleeps only to give up.
      if (clock.now() + delayMs >= deadline) throw error;
      policy.onRetry?.({ attempt, delayMs, classification, error });
      await untilAborted(clock.sleep(delayMs, outer), outer);
    } finally {
      clearTimeout(timer);
    }
  }
}
