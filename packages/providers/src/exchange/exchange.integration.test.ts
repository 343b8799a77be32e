// Every Calendar Interop message of seeds/calendar-interop-errors.it.txt reproduced over real
// TLS / HTTP against the Exchange emulator, plus a fully passing analysis.
import { createServer } from 'node:net';
import {
  type ExchangeEmulator,
  type ExchangeEmulatorOptions,
  startExchangeEmulator,
} from '@tsunagi/emulators';
import { describeClassification, isProviderError } from '@tsunagi/errors';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AnalyzeExchangeConnectionInput,
  analyzeExchangeConnection,
  ExchangeCalendarProbe,
  type ExchangeConnectionReport,
} from './index.js';

const PARTICIPANT = 'mario.rossi@contoso.test';
const loopback = async (host: string): Promise<string> => {
  if (host === 'localhost') return '127.0.0.1';
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

const running: ExchangeEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

async function emulator(options: ExchangeEmulatorOptions): Promise<ExchangeEmulator> {
  const e = await startExchangeEmulator(options);
  running.push(e);
  e.users.add(PARTICIPANT, [
    { start: new Date('2026-11-22T09:00:00Z'), end: new Date('2026-11-22T10:00:00Z') },
  ]);
  return e;
}

function analyze(e: ExchangeEmulator, over: Partial<AnalyzeExchangeConnectionInput> = {}) {
  return analyzeExchangeConnection({
    ewsUrl: e.url,
    username: e.credentials.username,
    password: e.credentials.password,
    participant: PARTICIPANT,
    trustedCa: e.caPem === '' ? undefined : [e.caPem],
    resolveHost: loopback,
    timeoutMs: 5_000,
    ...over,
  });
}

/** Asserts the report fails at `id` with `subReason`, everything before passed and everything after skipped. */
function expectFailure(report: ExchangeConnectionReport, id: string, subReason: string) {
  expect(report.ok).toBe(false);
  const index = report.steps.findIndex((s) => s.id === id);
  expect(index).toBeGreaterThanOrEqual(0);
  expect(report.steps.slice(0, index).every((s) => s.status === 'PASSED')).toBe(true);
  const step = report.steps[index];
  expect(step?.status).toBe('FAILED');
  expect(step?.classification?.provider).toBe('google-interop');
  expect(step?.classification?.subReason).toBe(subReason);
  expect(report.steps.slice(index + 1).every((s) => s.status === 'SKIPPED')).toBe(true);
  return step as NonNullable<typeof step>;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('analyzeExchangeConnection', () => {
  it('passes every step against a valid EWS endpoint whose CA is trusted', async () => {
    const e = await emulator({ tls: 'valid' });
    const report = await analyze(e);
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([
      ['URL_FORMAT', 'PASSED'],
      ['HTTPS', 'PASSED'],
      ['DNS', 'PASSED'],
      ['TCP', 'PASSED'],
      ['TLS', 'PASSED'],
      ['EWS_ENDPOINT', 'PASSED'],
      ['CREDENTIALS', 'PASSED'],
      ['AVAILABILITY', 'PASSED'],
    ]);
    expect(report.ok).toBe(true);
    expect(report.steps.at(-1)?.detail).toContain('1 busy block');
    expect(report.steps.every((s) => s.classification === undefined)).toBe(true);
  });

  it('Malformed Exchange URL', async () => {
    const report = await analyzeExchangeConnection({
      ewsUrl: 'mail.contoso.test/EWS/Exchange.asmx',
      username: 'role@contoso.test',
      password: 'x',
      participant: PARTICIPANT,
    });
    const step = expectFailure(report, 'URL_FORMAT', 'INTEROP_MALFORMED_URL');
    expect(
      describeClassification(step.classification as NonNullable<typeof step.classification>, 'it').title,
    ).toBe('Formato URL di Exchange non corretto');
  });

  it('http:// → Exchange Web Services (EWS) communication error', async () => {
    const e = await emulator({ tls: 'none' });
    expect(e.url.startsWith('http://')).toBe(true);
    const step = expectFailure(await analyze(e), 'HTTPS', 'INTEROP_EWS_COMMUNICATION_ERROR');
    const it_ = describeClassification(step.classification as NonNullable<typeof step.classification>, 'it');
    expect(it_.remediation).toContain("inserisci HTTPS nell'URL del server Exchange");
  });

  it('Host not found (injected resolver: ENOTFOUND for nonexistent.invalid)', async () => {
    const report = await analyzeExchangeConnection({
      ewsUrl: 'https://nonexistent.invalid/EWS/Exchange.asmx',
      username: 'role@contoso.test',
      password: 'x',
      participant: PARTICIPANT,
      resolveHost: loopback,
    });
    const step = expectFailure(report, 'DNS', 'INTEROP_HOST_NOT_FOUND');
    expect(step.classification?.code).toBe('DNS_NOT_FOUND');
    expect(step.detail).toContain('ENOTFOUND');
  });

  it('Connection error (connection refused)', async () => {
    const port = await closedPort();
    const report = await analyzeExchangeConnection({
      ewsUrl: `https://localhost:${port}/EWS/Exchange.asmx`,
      username: 'role@contoso.test',
      password: 'x',
      participant: PARTICIPANT,
      resolveHost: loopback,
    });
    const step = expectFailure(report, 'TCP', 'INTEROP_CONNECTION_ERROR');
    expect(step.detail).toContain('ECONNREFUSED');
    expect(
      describeClassification(step.classification as NonNullable<typeof step.classification>, 'it')
        .remediation,
    ).toContain('firewall');
  });

  it('SSL error: expired certificate', async () => {
    const step = expectFailure(await analyze(await emulator({ tls: 'expired' })), 'TLS', 'INTEROP_SSL_ERROR');
    expect(step.classification?.code).toBe('TLS_ERROR');
    expect(step.detail).toContain('expired');
    const it_ = describeClassification(step.classification as NonNullable<typeof step.classification>, 'it');
    expect(it_.remediation).toContain('non scaduto');
  });

  it('SSL error: self-signed certificate (untrusted root)', async () => {
    const step = expectFailure(
      await analyze(await emulator({ tls: 'self-signed' })),
      'TLS',
      'INTEROP_SSL_ERROR',
    );
    expect(step.detail).toContain('self-signed');
  });

  it('SSL error: certificate from a CA that is not trusted', async () => {
    const e = await emulator({ tls: 'valid' });
    const step = expectFailure(await analyze(e, { trustedCa: [] }), 'TLS', 'INTEROP_SSL_ERROR');
    expect(step.detail).toMatch(/untrusted|trusted root/);
  });

  it('SSL error: certificate for the wrong name', async () => {
    const step = expectFailure(
      await analyze(await emulator({ tls: 'wrong-name' })),
      'TLS',
      'INTEROP_SSL_ERROR',
    );
    expect(step.detail).toContain('does not match the host name localhost');
  });

  it('SSL error: IP address instead of a host name', async () => {
    const e = await emulator({ tls: 'valid' });
    const report = await analyze(e, { ewsUrl: e.url.replace('localhost', '127.0.0.1') });
    const step = expectFailure(report, 'TLS', 'INTEROP_SSL_ERROR');
    expect(step.detail).toContain('IP address 127.0.0.1 instead of a host name');
    expect(
      describeClassification(step.classification as NonNullable<typeof step.classification>, 'it')
        .remediation,
    ).toContain('non un indirizzo IP');
  });

  it('EWS response error: the URL is an ordinary web server', async () => {
    const step = expectFailure(
      await analyze(await emulator({ tls: 'valid', kind: 'not-ews' })),
      'EWS_ENDPOINT',
      'INTEROP_EWS_RESPONSE_ERROR',
    );
    expect(step.detail).toContain('text/html');
    expect(
      describeClassification(step.classification as NonNullable<typeof step.classification>, 'it')
        .remediation,
    ).toContain('directory virtuali');
  });

  it('EWS response error: wrong credentials (HTTP 401)', async () => {
    const e = await emulator({ tls: 'valid' });
    const step = expectFailure(
      await analyze(e, { password: 'wrong' }),
      'CREDENTIALS',
      'INTEROP_EWS_RESPONSE_ERROR',
    );
    expect(step.classification?.httpStatus).toBe(401);
    expect(e.requests.some((r) => !r.authorized)).toBe(true);
  });

  it('Exchange username is not an email address', async () => {
    const e = await emulator({ tls: 'valid' });
    const step = expectFailure(
      await analyze(e, { username: 'interop-role' }),
      'CREDENTIALS',
      'INTEROP_USERNAME_NOT_EMAIL',
    );
    expect(step.detail).toContain('interop-role');
  });

  it('Invalid participant (ErrorMailRecipientNotFound)', async () => {
    const e = await emulator({ tls: 'valid' });
    const step = expectFailure(
      await analyze(e, { participant: 'nobody@contoso.test' }),
      'AVAILABILITY',
      'INTEROP_INVALID_PARTICIPANT',
    );
    expect(step.detail).toContain('ErrorMailRecipientNotFound');
    expect(step.classification?.code).toBe('ACCOUNT_UNAVAILABLE');
  });
});

describe('ExchangeCalendarProbe', () => {
  it('probes with one availability request as the role account', async () => {
    const e = await emulator({ tls: 'valid' });
    const probe = new ExchangeCalendarProbe({
      ewsUrl: e.url,
      username: e.credentials.username,
      password: e.credentials.password,
      trustedCa: [e.caPem],
      resolveHost: loopback,
    });
    const result = await probe.probe();
    expect(result.account?.email).toBe(e.credentials.username);
    expect(e.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('fails as ProviderError: wrong password, untrusted certificate', async () => {
    const e = await emulator({ tls: 'self-signed' });
    const base = {
      ewsUrl: e.url,
      username: e.credentials.username,
      resolveHost: loopback,
      trustedCa: [e.caPem],
    };
    const ssl = await new ExchangeCalendarProbe({ ...base, password: e.credentials.password })
      .probe()
      .catch((x) => x);
    expect(isProviderError(ssl) && ssl.classification.subReason).toBe('INTEROP_SSL_ERROR');

    const valid = await emulator({ tls: 'valid' });
    const creds = await new ExchangeCalendarProbe({
      ...base,
      ewsUrl: valid.url,
      trustedCa: [valid.caPem],
      password: 'nope',
    })
      .probe()
      .catch((x) => x);
    expect(isProviderError(creds) && creds.classification.subReason).toBe('INTEROP_EWS_RESPONSE_ERROR');
    expect(isProviderError(creds) && creds.classification.httpStatus).toBe(401);
  });
});
