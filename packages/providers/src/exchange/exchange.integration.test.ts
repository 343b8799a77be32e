// Every Calendar Interop message of seeds/calendar-interop-errors.it.txt reproduced over real
// TLS / HTTP against the Exchange emulator, plus a fully passing analysis.
import { createServer } from 'node:net';
import type { ExchangeEmulator, ExchangeEmulatorOptions } from '@tsunagi/emulators';
import { describeClassification, isProviderError } from '@tsunagi/errors';
import { describe, expect, it } from 'vitest';
import { loopback, useExchangeEmulators } from '../../test/exchange.js';
import {
  type AnalyzeExchangeConnectionInput,
  analyzeExchangeConnection,
  ExchangeCalendarProbe,
  type ExchangeConnectionReport,
} from './index.js';

const PARTICIPANT = 'mario.rossi@contoso.test';
const startEmulator = useExchangeEmulators();

async function emulator(options: ExchangeEmulatorOptions): Promise<ExchangeEmulator> {
  const e = await startEmulator(options);
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

/**
 * Asserts the report fails at `id` with `subReason`, everything before passed (APPLICATION may be
 * skipped: Basic auth) and everything after skipped.
 */
function expectFailure(report: ExchangeConnectionReport, id: string, subReason: string) {
  expect(report.ok).toBe(false);
  const index = report.steps.findIndex((s) => s.id === id);
  expect(index).toBeGreaterThanOrEqual(0);
  expect(
    report.steps
      .slice(0, index)
      .every((s) => s.status === 'PASSED' || (s.id === 'APPLICATION' && s.status === 'SKIPPED')),
  ).toBe(true);
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
      ['APPLICATION', 'SKIPPED'],
      ['CREDENTIALS', 'PASSED'],
      ['AVAILABILITY', 'PASSED'],
    ]);
    expect(report.ok).toBe(true);
    expect(report.steps.find((s) => s.id === 'APPLICATION')?.detail).toContain('Basic authentication');
    expect(report.steps.at(-1)?.detail).toContain('1 busy block');
    expect(report.steps.every((s) => s.classification === undefined)).toBe(true);
    expect(e.requests.filter((r) => r.authorized).map((r) => r.auth)).toEqual(['basic']);
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
  it('hands each step to onStep as it finishes, in order, before the next one runs', async () => {
    const e = await emulator({ tls: 'valid' });
    // The authenticated availability request (CREDENTIALS) answers late, so earlier steps are seen first.
    e.faults.inject({ kind: 'LATENCY', ms: 1_500, requests: 1 });
    const seen: { id: string; authorizedRequests: number }[] = [];
    const report = await analyze(e, {
      onStep: (step) =>
        seen.push({ id: step.id, authorizedRequests: e.requests.filter((r) => r.authorized).length }),
    });
    expect(report.ok).toBe(true);
    expect(seen.map((s) => s.id)).toEqual(report.steps.map((s) => s.id));
    // Every step before CREDENTIALS was handed over before the authenticated request was even sent.
    const credentials = seen.findIndex((s) => s.id === 'CREDENTIALS');
    expect(seen.slice(0, credentials).every((s) => s.authorizedRequests === 0)).toBe(true);
    expect(seen[credentials]?.authorizedRequests).toBe(1);
  });

  it('hands the SKIPPED steps after a failure to onStep too', async () => {
    const e = await emulator({ tls: 'valid' });
    const ids: string[] = [];
    const report = await analyze(e, { password: 'wrong', onStep: (step) => ids.push(step.id) });
    expect(ids).toEqual(report.steps.map((s) => s.id));
    expect(report.steps.at(-1)?.status).toBe('SKIPPED');
  });
});

describe('analyzeExchangeConnection in application mode (Exchange Online, client credentials)', () => {
  const withApplication = (e: ExchangeEmulator, over: Partial<AnalyzeExchangeConnectionInput> = {}) =>
    analyze(e, {
      applicationId: e.application.clientId,
      password: e.application.clientSecret,
      identityAuthority: e.identityAuthority,
      ...over,
    });

  it('gets an app-only token and passes every step with EWS over a bearer', async () => {
    const e = await emulator({ tls: 'valid' });
    const report = await withApplication(e);
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([
      ['URL_FORMAT', 'PASSED'],
      ['HTTPS', 'PASSED'],
      ['DNS', 'PASSED'],
      ['TCP', 'PASSED'],
      ['TLS', 'PASSED'],
      ['EWS_ENDPOINT', 'PASSED'],
      ['APPLICATION', 'PASSED'],
      ['CREDENTIALS', 'PASSED'],
      ['AVAILABILITY', 'PASSED'],
    ]);
    expect(report.ok).toBe(true);
    expect(report.steps.find((s) => s.id === 'APPLICATION')?.detail).toBe(
      `Application ${e.application.clientId} got an app-only token for contoso.test.`,
    );
    const ews = e.requests.filter((r) => r.authorized);
    expect(ews.map((r) => [r.path, r.auth, r.anchorMailbox])).toEqual([
      ['/EWS/Exchange.asmx', 'bearer', PARTICIPANT],
    ]);
    expect(e.requests.some((r) => r.path === '/contoso.test/oauth2/v2.0/token')).toBe(true);
  });

  it('Errore 400: richiesta non valida — wrong application id (AADSTS700016)', async () => {
    const e = await emulator({ tls: 'valid' });
    const wrongId = '11111111-2222-3333-4444-555555555555';
    const step = expectFailure(
      await withApplication(e, { applicationId: wrongId }),
      'APPLICATION',
      'INTEROP_BAD_REQUEST',
    );
    expect(step.classification?.code).toBe('MISCONFIGURED');
    expect(step.classification?.httpStatus).toBe(400);
    expect(step.detail).toContain(`application id "${wrongId}" was not found in tenant "contoso.test"`);
    expect(step.detail).toContain('AADSTS700016');
    const it_ = describeClassification(step.classification as NonNullable<typeof step.classification>, 'it');
    expect(it_.remediation).toContain('ID applicazione');
  });

  it('401 Non autorizzato — wrong or missing client secret (AADSTS7000215 / 7000216)', async () => {
    const e = await emulator({ tls: 'valid' });
    for (const [secret, aadsts] of [
      ['not-the-secret', 'AADSTS7000215'],
      ['', 'AADSTS7000216'],
    ] as const) {
      const step = expectFailure(
        await withApplication(e, { password: secret }),
        'APPLICATION',
        'INTEROP_UNAUTHORIZED',
      );
      expect(step.classification?.httpStatus).toBe(401);
      expect(step.detail).toContain(aadsts);
      expect(step.detail).toContain('client secret is wrong or missing');
      expect(step.detail).toContain('ACL');
      if (secret !== '') expect(JSON.stringify(step)).not.toContain(secret);
    }
    expect(e.requests.some((r) => r.auth === 'bearer')).toBe(false);
  });

  it('an unreachable identity host is a Connection error naming it, an unknown one Host not found', async () => {
    const e = await emulator({ tls: 'valid' });
    const port = await closedPort();
    const refused = expectFailure(
      await withApplication(e, { identityAuthority: `https://localhost:${port}` }),
      'APPLICATION',
      'INTEROP_CONNECTION_ERROR',
    );
    expect(refused.detail).toContain('identity platform host localhost');
    expect(refused.detail).toContain('ECONNREFUSED');

    const unknown = expectFailure(
      await withApplication(e, { identityAuthority: 'https://login.nonexistent.invalid' }),
      'APPLICATION',
      'INTEROP_HOST_NOT_FOUND',
    );
    expect(unknown.detail).toContain('login.nonexistent.invalid');
  });

  it('an identity host whose certificate is not trusted is an SSL error', async () => {
    const e = await emulator({ tls: 'valid' });
    const identity = await emulator({ tls: 'self-signed' });
    const step = expectFailure(
      await withApplication(e, { identityAuthority: identity.identityAuthority }),
      'APPLICATION',
      'INTEROP_SSL_ERROR',
    );
    expect(step.detail).toContain('TLS handshake with the identity platform host localhost');
  });

  it('a token from another directory is refused by EWS: 401 Unauthorized at CREDENTIALS', async () => {
    const e = await emulator({ tls: 'valid' });
    const other = await emulator({ tls: 'valid' });
    const step = expectFailure(
      await withApplication(e, { identityAuthority: other.identityAuthority }),
      'CREDENTIALS',
      'INTEROP_UNAUTHORIZED',
    );
    expect(step.detail).toContain('full_access_as_app');
    expect(e.requests.filter((r) => r.auth === 'bearer').map((r) => r.authorized)).toEqual([false]);
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

  it('a certificate that expires within 14 days is a warning: the probe passes, AT_RISK material', async () => {
    const e = await emulator({ tls: 'expiring' });
    const result = await new ExchangeCalendarProbe({
      ewsUrl: e.url,
      username: e.credentials.username,
      password: e.credentials.password,
      resolveHost: loopback,
      trustedCa: [e.caPem],
    }).probe();
    expect(result.ok).toBe(true);
    expect(result.warning).toMatchObject({
      code: 'TLS_ERROR',
      subReason: 'INTEROP_SSL_ERROR',
      connectionBroken: false,
      providerReason: 'certificate_expiring',
    });
    expect(result.warning?.message).toMatch(/expires on .* \(in [45] days\); renew it/);

    const report = await analyzeExchangeConnection({
      ewsUrl: e.url,
      username: e.credentials.username,
      password: e.credentials.password,
      participant: PARTICIPANT,
      resolveHost: loopback,
      trustedCa: [e.caPem],
    });
    expect(report.ok).toBe(true);
    expect(report.steps.find((step) => step.id === 'TLS')?.detail).toMatch(/It expires in [45] day\(s\)/);

    const healthy = await emulator({ tls: 'valid' });
    const fine = await new ExchangeCalendarProbe({
      ewsUrl: healthy.url,
      username: healthy.credentials.username,
      password: healthy.credentials.password,
      resolveHost: loopback,
      trustedCa: [healthy.caPem],
    }).probe();
    expect(fine.warning).toBeUndefined();
  });

  it('a server that stops answering is a transient failure, explained as the seed\'s "Connection error"', async () => {
    const port = await closedPort();
    const down = await new ExchangeCalendarProbe({
      ewsUrl: `https://localhost:${port}/EWS/Exchange.asmx`,
      username: 'interop-role@contoso.test',
      password: 'x',
      resolveHost: loopback,
    })
      .probe()
      .catch((x) => x);
    if (!isProviderError(down)) throw new Error('expected a ProviderError');
    // Transient: the hysteresis, not one refused connection, decides when the calendars break.
    expect(down.classification).toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      retryable: true,
      connectionBroken: false,
      subReason: 'INTEROP_CONNECTION_ERROR',
      providerCode: 'ECONNREFUSED',
    });
    expect(describeClassification(down.classification, 'it').title).toMatch(/^Errore di connessione/);
  });

  it('probes with an app-only token in application mode; a wrong secret is 401 Unauthorized', async () => {
    const e = await emulator({ tls: 'valid' });
    const options = {
      ewsUrl: e.url,
      username: e.credentials.username,
      applicationId: e.application.clientId,
      identityAuthority: e.identityAuthority,
      trustedCa: [e.caPem],
      resolveHost: loopback,
    };
    const result = await new ExchangeCalendarProbe({
      ...options,
      password: e.application.clientSecret,
    }).probe();
    expect(result.ok).toBe(true);
    const ews = e.requests.filter((r) => r.path === '/EWS/Exchange.asmx');
    expect(ews.map((r) => [r.auth, r.authorized, r.anchorMailbox])).toEqual([
      ['bearer', true, e.credentials.username],
    ]);

    const wrongSecret = await new ExchangeCalendarProbe({ ...options, password: 'not-the-secret' })
      .probe()
      .catch((x) => x);
    expect(isProviderError(wrongSecret) && wrongSecret.classification.subReason).toBe('INTEROP_UNAUTHORIZED');
    expect(isProviderError(wrongSecret) && wrongSecret.classification.httpStatus).toBe(401);
    expect(String(wrongSecret.message)).not.toContain('not-the-secret');

    const wrongId = await new ExchangeCalendarProbe({
      ...options,
      applicationId: '11111111-2222-3333-4444-555555555555',
      password: e.application.clientSecret,
    })
      .probe()
      .catch((x) => x);
    expect(isProviderError(wrongId) && wrongId.classification.subReason).toBe('INTEROP_BAD_REQUEST');
  });
});
