// Passing trouble at an Exchange server reaches the classifier as Exchange said it: EWS answers throttling and
// transient states as SOAP faults with HTTP 500 (ErrorServerBusy with BackOffMilliseconds…,
// https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange), and
// the probe must not turn them into Interop's "EWS response error", which breaks every calendar of the server.
import type { ExchangeEmulator, ExchangeTransientCode } from '@tsunagi/emulators';
import { isProviderError, type ProviderErrorClassification } from '@tsunagi/errors';
import { describe, expect, it } from 'vitest';
import { loopback, useExchangeEmulators } from '../../test/exchange.js';
import { analyzeExchangeConnection, ExchangeCalendarProbe } from './index.js';

const startEmulator = useExchangeEmulators();
const emulator = (): Promise<ExchangeEmulator> => startEmulator({ tls: 'valid' });

function probe(e: ExchangeEmulator): ExchangeCalendarProbe {
  return new ExchangeCalendarProbe({
    ewsUrl: e.url,
    username: e.credentials.username,
    password: e.credentials.password,
    trustedCa: [e.caPem],
    resolveHost: loopback,
    timeoutMs: 5_000,
  });
}

async function failure(p: ExchangeCalendarProbe): Promise<ProviderErrorClassification> {
  const error = await p.probe().catch((x: unknown) => x);
  if (!isProviderError(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error.classification;
}

describe('ExchangeCalendarProbe: transient EWS answers stay transient', () => {
  it('ErrorServerBusy: RATE_LIMITED, BackOffMilliseconds is the retry delay, the connection is not broken', async () => {
    const e = await emulator();
    e.faults.inject({
      kind: 'EWS_FAULT',
      responseCode: 'ErrorServerBusy',
      backOffMilliseconds: 297_749,
      requests: 1,
    });
    expect(await failure(probe(e))).toMatchObject({
      code: 'RATE_LIMITED',
      action: 'RETRY_WITH_BACKOFF',
      retryable: true,
      connectionBroken: false,
      httpStatus: 500,
      providerReason: 'ErrorServerBusy',
      retryAfterSeconds: 297.749,
    });
    // The fault passed: the next probe works.
    await expect(probe(e).probe()).resolves.toMatchObject({ ok: true });
  });

  it.each<ExchangeTransientCode>([
    'ErrorTimeoutExpired',
    'ErrorInternalServerTransientError',
    'ErrorMailboxStoreUnavailable',
  ])('%s: PROVIDER_UNAVAILABLE, retried with backoff, not broken', async (responseCode) => {
    const e = await emulator();
    e.faults.inject({ kind: 'EWS_FAULT', responseCode, requests: 1 });
    const classification = await failure(probe(e));
    expect(classification).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      action: 'RETRY_WITH_BACKOFF',
      connectionBroken: false,
      providerReason: responseCode,
    });
    expect(classification.subReason).toBeUndefined();
  });

  it('a connection the server cuts mid-request is NETWORK_UNREACHABLE with the seed\'s "Connection error" advice', async () => {
    const e = await emulator();
    e.faults.inject({ kind: 'RESET_CONNECTION', requests: 1 });
    expect(await failure(probe(e))).toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      connectionBroken: false,
      subReason: 'INTEROP_CONNECTION_ERROR',
    });
  });

  it('a permanent answer stays permanent: an unknown mailbox is the seed\'s "Invalid participant"', async () => {
    const e = await emulator();
    const p = new ExchangeCalendarProbe({
      ewsUrl: e.url,
      username: e.credentials.username,
      password: e.credentials.password,
      mailbox: 'nobody@contoso.test',
      trustedCa: [e.caPem],
      resolveHost: loopback,
    });
    expect(await failure(p)).toMatchObject({
      code: 'ACCOUNT_UNAVAILABLE',
      connectionBroken: true,
      subReason: 'INTEROP_INVALID_PARTICIPANT',
    });
  });
});

describe('ExchangeCalendarProbe is bounded', () => {
  it('a server that holds its answer past timeoutMs is a transient Connection error, promptly', async () => {
    const e = await emulator();
    e.faults.inject({ kind: 'LATENCY', ms: 5_000, requests: 1 });
    const p = new ExchangeCalendarProbe({
      ewsUrl: e.url,
      username: e.credentials.username,
      password: e.credentials.password,
      trustedCa: [e.caPem],
      resolveHost: loopback,
      timeoutMs: 200,
    });
    const started = Date.now();
    const classification = await failure(p);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(classification).toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      connectionBroken: false,
      providerCode: 'ETIMEDOUT',
      subReason: 'INTEROP_CONNECTION_ERROR',
    });
  });
});

describe('analyzeExchangeConnection: a throttled answer is not a settings problem', () => {
  it('AVAILABILITY fails transiently with Exchange\'s own code and back-off, not "EWS response error"', async () => {
    const e = await emulator();
    // The analyzer's EWS_ENDPOINT probe (unauthenticated) is answered 401 before faults apply; the
    // authenticated CREDENTIALS request meets the throttling.
    e.faults.inject({
      kind: 'EWS_FAULT',
      responseCode: 'ErrorServerBusy',
      backOffMilliseconds: 60_000,
      requests: 1,
    });
    const report = await analyzeExchangeConnection({
      ewsUrl: e.url,
      username: e.credentials.username,
      password: e.credentials.password,
      participant: e.credentials.username,
      trustedCa: [e.caPem],
      resolveHost: loopback,
      timeoutMs: 5_000,
    });
    const step = report.steps.find((s) => s.id === 'AVAILABILITY');
    expect(step?.status).toBe('FAILED');
    expect(step?.classification).toMatchObject({
      code: 'RATE_LIMITED',
      connectionBroken: false,
      retryAfterSeconds: 60,
      providerReason: 'ErrorServerBusy',
    });
    expect(step?.detail).toMatch(/test again later/);
  });
});
