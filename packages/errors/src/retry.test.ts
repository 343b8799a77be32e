import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { classifyProviderError } from './classify.js';
import { isProviderError, ProviderError } from './provider-error.js';
import { type Clock, RetryAbortedError, type RetryPolicy, systemClock, withRetry } from './retry.js';
import type { ProviderErrorClassification, ProviderFailureInput } from './types.js';

/** A clock that never really sleeps: time jumps forward by each requested delay. */
function fakeClock(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  const advance = (ms: number): void => {
    now += ms;
  };
  return { clock, sleeps, advance };
}

/** A clock whose sleeps never end by themselves (only an abort can end them). */
function stuckClock() {
  const started: number[] = [];
  const clock: Clock = {
    now: () => 0,
    sleep: (ms) => {
      started.push(ms);
      return new Promise<void>(() => {});
    },
  };
  return { clock, started };
}

const failure = (input: ProviderFailureInput) =>
  new ProviderError(classifyProviderError(input), { cause: input });
const unavailable = (retryAfter?: string) =>
  failure({
    provider: 'microsoft',
    status: 503,
    headers: retryAfter === undefined ? undefined : { 'Retry-After': retryAfter },
  });
const revoked = () =>
  failure({
    provider: 'google-oauth',
    status: 400,
    body: '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
  });
const expired = () =>
  failure({ provider: 'zoom', status: 401, body: '{"code":124,"message":"Invalid access token."}' });

function failingTimes<T>(errors: unknown[], value: T) {
  const calls: number[] = [];
  const fn = vi.fn(async (attempt: number, signal: AbortSignal) => {
    calls.push(attempt);
    expect(signal).toBeInstanceOf(AbortSignal);
    const error = errors[attempt - 1];
    if (error !== undefined) throw error;
    return value;
  });
  return { fn, calls };
}

const policy = (extra: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  random: () => 0.5,
  ...extra,
});

describe('withRetry', () => {
  it('retries transient failures with exponential backoff and full jitter', async () => {
    const { clock, sleeps } = fakeClock();
    const { fn, calls } = failingTimes([unavailable(), unavailable(), unavailable(), unavailable()], 'ok');
    await expect(withRetry(fn, policy({ clock }))).resolves.toBe('ok');
    expect(calls).toEqual([1, 2, 3, 4, 5]);
    // random() * min(maxDelay, base * 2 ** (k - 1)) with random() = 0.5
    expect(sleeps).toEqual([50, 100, 200, 400]);
  });

  it('caps the exponential term at maxDelayMs', async () => {
    const { clock, sleeps } = fakeClock();
    const errors = Array.from({ length: 7 }, () => unavailable());
    const { fn } = failingTimes(errors, 'ok');
    await withRetry(fn, policy({ clock, maxAttempts: 8, random: () => 0.999 }));
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(1_000);
    expect(sleeps.at(-1)).toBeCloseTo(999, 0);
  });

  it('rethrows the last error when attempts run out', async () => {
    const { clock, sleeps } = fakeClock();
    const last = unavailable();
    const { fn, calls } = failingTimes([unavailable(), unavailable(), last, 'never'], 'ok');
    await expect(withRetry(fn, policy({ clock, maxAttempts: 3 }))).rejects.toBe(last);
    expect(calls).toEqual([1, 2, 3]);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry what backoff cannot fix', async () => {
    const { clock, sleeps } = fakeClock();
    const dead = revoked();
    const { fn, calls } = failingTimes([dead], 'ok');
    await expect(withRetry(fn, policy({ clock }))).rejects.toBe(dead);
    expect(calls).toEqual([1]);
    expect(sleeps).toEqual([]);
    const plain = new Error('bug');
    await expect(withRetry(failingTimes([plain], 'ok').fn, policy({ clock }))).rejects.toBe(plain);
  });

  it('waits at least retryAfterSeconds', async () => {
    const { clock, sleeps } = fakeClock();
    const { fn } = failingTimes([unavailable('7')], 'ok');
    await withRetry(fn, policy({ clock, random: () => 0 }));
    expect(sleeps).toEqual([7_000]);
  });

  it('gives up at once when Retry-After exceeds the remaining deadline', async () => {
    const { clock, sleeps } = fakeClock();
    const busy = unavailable('120');
    const { fn, calls } = failingTimes([busy], 'ok');
    await expect(withRetry(fn, policy({ clock, deadlineMs: 30_000 }))).rejects.toBe(busy);
    expect(calls).toEqual([1]);
    expect(sleeps).toEqual([]);
  });

  it('stops when the next backoff would overrun the deadline', async () => {
    const { clock, sleeps } = fakeClock();
    const errors = Array.from({ length: 10 }, () => unavailable());
    const { fn, calls } = failingTimes(errors, 'ok');
    await expect(
      withRetry(fn, policy({ clock, maxAttempts: 10, deadlineMs: 400, random: () => 1 })),
    ).rejects.toBe(errors[2]);
    expect(sleeps).toEqual([100, 200]);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('counts time spent inside attempts against the deadline', async () => {
    const { clock, advance } = fakeClock();
    const slowFailure = unavailable();
    const fn = vi.fn(async () => {
      advance(900);
      throw slowFailure;
    });
    await expect(withRetry(fn, policy({ clock, deadlineMs: 1_000 }))).rejects.toBe(slowFailure);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('leaves REFRESH_TOKEN to the caller unless onRefresh is given', async () => {
    const { clock } = fakeClock();
    const stale = expired();
    await expect(withRetry(failingTimes([stale], 'ok').fn, policy({ clock }))).rejects.toBe(stale);
  });

  it('refreshes once through onRefresh and retries immediately', async () => {
    const { clock, sleeps } = fakeClock();
    const onRefresh = vi.fn(async (_classification: ProviderErrorClassification, _error: unknown) => {});
    const { fn, calls } = failingTimes([expired()], 'ok');
    await expect(withRetry(fn, policy({ clock, onRefresh }))).resolves.toBe('ok');
    expect(onRefresh).toHaveBeenCalledOnce();
    expect(onRefresh.mock.calls[0]?.[0]).toMatchObject({ code: 'AUTH_EXPIRED', action: 'REFRESH_TOKEN' });
    expect(calls).toEqual([1, 2]);
    expect(sleeps).toEqual([]);

    const second = expired();
    const twice = failingTimes([expired(), second], 'ok');
    await expect(withRetry(twice.fn, policy({ clock, onRefresh }))).rejects.toBe(second);
    expect(twice.calls).toEqual([1, 2]);
  });

  it('reports each retry through onRetry', async () => {
    const { clock } = fakeClock();
    const onRetry = vi.fn();
    const first = unavailable('2');
    await withRetry(failingTimes([first], 'ok').fn, policy({ clock, onRetry }));
    expect(onRetry).toHaveBeenCalledWith({
      attempt: 1,
      delayMs: 2_000,
      classification: first.classification,
      error: first,
    });
  });

  it('uses a custom classifier for errors that carry no classification', async () => {
    const { clock } = fakeClock();
    const httpError = { status: 429, headers: { 'retry-after': '1' } };
    const classify = (error: unknown) =>
      typeof error === 'object' && error !== null && 'status' in error
        ? classifyProviderError({ provider: 'zoom', ...(error as { status: number }) })
        : undefined;
    const { fn, calls } = failingTimes([httpError], 'ok');
    await expect(withRetry(fn, policy({ clock, classify }))).resolves.toBe('ok');
    expect(calls).toEqual([1, 2]);
  });

  it('treats a throwing classifier as "no classification"', async () => {
    const { clock } = fakeClock();
    const error = new Error('x');
    const classify = () => {
      throw new Error('classifier bug');
    };
    await expect(withRetry(failingTimes([error], 'ok').fn, policy({ clock, classify }))).rejects.toBe(error);
  });

  it('clamps a misbehaving random source', async () => {
    const { clock, sleeps } = fakeClock();
    await withRetry(
      failingTimes([unavailable(), unavailable()], 'ok').fn,
      policy({ clock, random: () => Number.NaN }),
    );
    await withRetry(failingTimes([unavailable()], 'ok').fn, policy({ clock, random: () => 7 }));
    expect(sleeps).toEqual([0, 0, 100]);
  });

  it('rejects with an AbortError before the first attempt when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    const { fn } = failingTimes([], 'ok');
    const promise = withRetry(fn, policy({ clock: fakeClock().clock, signal: controller.signal }));
    await expect(promise).rejects.toBeInstanceOf(RetryAbortedError);
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(fn).not.toHaveBeenCalled();
  });

  it('rejects promptly when aborted mid-sleep, even if the clock ignores the signal', async () => {
    const { clock, started } = stuckClock();
    const controller = new AbortController();
    const { fn } = failingTimes([unavailable()], 'ok');
    const promise = withRetry(fn, policy({ clock, signal: controller.signal }));
    await vi.waitFor(() => expect(started).toHaveLength(1));
    const reason = new Error('user navigated away');
    controller.abort(reason);
    await expect(promise).rejects.toMatchObject({ name: 'AbortError', cause: reason });
    expect(fn).toHaveBeenCalledOnce();
  });

  it('rejects promptly when aborted during an attempt that ignores its signal', async () => {
    const controller = new AbortController();
    const fn = vi.fn(() => new Promise<string>(() => {}));
    const promise = withRetry(fn, policy({ clock: fakeClock().clock, signal: controller.signal }));
    await vi.waitFor(() => expect(fn).toHaveBeenCalled());
    controller.abort();
    await expect(promise).rejects.toBeInstanceOf(RetryAbortedError);
  });

  it("hands the attempt a signal that follows the caller's", async () => {
    const controller = new AbortController();
    const fn = vi.fn(async (_attempt: number, signal: AbortSignal) => signal);
    const signal = await withRetry(fn, policy({ signal: controller.signal }));
    expect(signal.aborted).toBe(false);
    controller.abort();
    expect(signal.aborted).toBe(true);
  });

  it('the deadline bounds an attempt that never answers: aborted, a transient ETIMEDOUT in its own words', async () => {
    let seen: AbortSignal | undefined;
    const hanging = (_attempt: number, signal: AbortSignal) => {
      seen = signal;
      return new Promise<never>(() => {});
    };
    const started = Date.now();
    const error = await withRetry(hanging, policy({ deadlineMs: 50 })).catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(seen?.aborted).toBe(true);
    expect(isProviderError(error) && error.classification).toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      retryable: true,
      connectionBroken: false,
      providerCode: 'ETIMEDOUT',
    });
  });

  it('the deadline bounds the whole call, waits and attempts: a slow second attempt is cut too', async () => {
    let attempts = 0;
    const fn = async (_attempt: number, signal: AbortSignal) => {
      attempts++;
      if (attempts === 1) throw unavailable();
      return new Promise<never>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('aborted by the deadline')), { once: true });
      });
    };
    const error = await withRetry(
      fn,
      policy({ deadlineMs: 80, baseDelayMs: 1, maxDelayMs: 1, clock: systemClock }),
    ).catch((x: unknown) => x);
    expect(attempts).toBe(2);
    // The cut names the provider that failed last, and keeps that failure.
    expect(isProviderError(error) && error.classification.providerCode).toBe('ETIMEDOUT');
    expect(isProviderError(error) && error.classification.provider).toBe('microsoft');
    expect((error as Error).cause).toMatchObject({ classification: { code: 'PROVIDER_UNAVAILABLE' } });
  });

  it('turns a synchronous throw into a rejection', async () => {
    const bug = new TypeError('sync');
    const fn = (() => {
      throw bug;
    }) as unknown as () => Promise<never>;
    await expect(withRetry(fn, policy({ clock: fakeClock().clock }))).rejects.toBe(bug);
  });

  it('never sleeps only to give up: a wait that would land on the deadline is not taken', async () => {
    // fast-check found it: 1,000,000 + 3.9999999999854481 rounds to 1,000,004, the deadline itself.
    const { clock, sleeps } = fakeClock();
    let calls = 0;
    const fn = async () => {
      calls++;
      throw unavailable();
    };
    const run = withRetry(fn, {
      maxAttempts: 2,
      baseDelayMs: 4,
      maxDelayMs: 4,
      deadlineMs: 4,
      clock,
      random: () => 0.9999999999854481,
    });
    await expect(run).rejects.toSatisfy(isProviderError);
    expect({ calls, sleeps }).toEqual({ calls: 1, sleeps: [] });
  });

  it('obeys its bounds for any failure sequence (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('busy', 'busy-hint', 'dead', 'ok'), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        async (script, maxAttempts, baseDelayMs, maxDelayMs, deadlineMs, r) => {
          const { clock, sleeps } = fakeClock();
          const start = clock.now();
          let calls = 0;
          const fn = async () => {
            const step = script[Math.min(calls++, script.length - 1)];
            if (step === 'ok') return 'ok';
            throw step === 'dead' ? revoked() : unavailable(step === 'busy-hint' ? '3' : undefined);
          };
          await withRetry(fn, {
            maxAttempts,
            baseDelayMs,
            maxDelayMs,
            deadlineMs,
            clock,
            random: () => r,
          }).catch((error: unknown) => expect(isProviderError(error)).toBe(true));
          expect(calls).toBeLessThanOrEqual(maxAttempts);
          expect(sleeps.length).toBeLessThan(Math.max(calls, 1));
          for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(Math.max(maxDelayMs, 3_000));
          if (deadlineMs !== undefined) expect(clock.now() - start).toBeLessThanOrEqual(deadlineMs);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('systemClock', () => {
  it('rejects an already-aborted sleep without waiting', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(systemClock.sleep(60_000, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops a pending sleep on abort', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const sleeping = systemClock.sleep(60_000, controller.signal);
      controller.abort();
      await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
      const done = systemClock.sleep(10);
      vi.advanceTimersByTime(10);
      await expect(done).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('ProviderError', () => {
  it('carries its classification, name and cause', () => {
    const cause = new Error('socket hang up');
    const error = ProviderError.fromFailure({ provider: 'network', errorCode: 'ECONNRESET' }, { cause });
    expect(error.name).toBe('ProviderError');
    expect(error.classification.code).toBe('NETWORK_UNREACHABLE');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(error.classification.message);
    expect(error).toBeInstanceOf(Error);
    expect(new ProviderError(error.classification)).not.toHaveProperty('cause');
  });

  it('is recognised by its brand across package copies, not by instanceof', () => {
    const foreign = Object.assign(new Error('from another copy'), {
      [Symbol.for('tsunagi.ProviderError')]: true,
      classification: classifyProviderError({ provider: 'google', status: 503 }),
    });
    expect(foreign instanceof ProviderError).toBe(false);
    expect(isProviderError(foreign)).toBe(true);
    for (const value of [null, undefined, 'ProviderError', new Error('x'), { name: 'ProviderError' }]) {
      expect(isProviderError(value)).toBe(false);
    }
  });
});
