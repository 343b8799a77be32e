// Every message of seeds/calendar-interop-errors.it.txt, met the way an admin meets it: through GraphQL
// (testExchangeConnection, connectExchangeCalendar, checkConnection) against the Exchange emulator over real
// TLS, with the failed step, its classification and the seed's remediation in Italian. Then the life of an
// EXCHANGE connection: linked through the organization's settings, broken by bad settings (its pages stop at
// once) and back by itself the moment the settings are fixed.
import net from 'node:net';
import type { ExchangeEmulator } from '@tsunagi/emulators';
import { beforeAll, describe, expect, it } from 'vitest';
import { loopbackOnly, PARTICIPANT, useExchangeEmulators } from '../../test/exchange.js';
import { type Caller, codes, describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { listProbeTargets } from '../probes/targets.js';
import { AdapterProviderRegistry } from '../providers/adapter-registry.js';
import { configuredProviderRegistry, createEmulatedProviderRegistry } from '../providers/adapters.js';

const trustedCa: string[] = [];
const emulator = useExchangeEmulators(trustedCa);
/** The identity platform the gateway is configured with: the emulator of the case at hand. */
let identityAuthority = 'https://localhost:1';
const exchangeReach = {
  trustedCa,
  resolveHost: loopbackOnly,
  timeoutMs: 5_000,
  get identityAuthority() {
    return identityAuthority;
  },
};

const TEST = `mutation Test($input: ExchangeSettingsInput!, $participant: String!, $save: Boolean) {
  testExchangeConnection(input: $input, participant: $participant, save: $save) {
    ok
    steps { id status detail error { code subReason connectionBroken title(locale: IT) remediation(locale: IT) } }
  }
}`;
const SAVE = `mutation Save($input: ExchangeSettingsInput!) { saveExchangeSettings(input: $input) { status } }`;
const CONNECTION_FIELDS = `id provider status health accountEmail
  lastError { code subReason connectionBroken title(locale: IT) remediation(locale: IT) }`;
const CONNECT = `mutation Connect($mailbox: String, $userId: ID) {
  connectExchangeCalendar(mailbox: $mailbox, userId: $userId) { ${CONNECTION_FIELDS} }
}`;
const RETEST = `mutation Retest($participant: String!) {
  retestExchangeSettings(participant: $participant) { ok steps { id status error { subReason } } }
}`;
const CHECK = `mutation Check($id: ID!) { checkConnection(connectionId: $id) { ${CONNECTION_FIELDS} } }`;

interface StepError {
  code: string;
  subReason: string | null;
  connectionBroken: boolean;
  title: string;
  remediation: string;
}
interface Report {
  ok: boolean;
  steps: { id: string; status: string; detail: string; error: StepError | null }[];
}
interface ConnectionView {
  id: string;
  status: string;
  health: string;
  accountEmail: string | null;
  lastError: StepError | null;
}

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const basic = (e: ExchangeEmulator) => ({
  ewsUrl: e.url,
  roleAccount: e.credentials.username,
  secret: e.credentials.password,
});
const application = (e: ExchangeEmulator, overrides: { applicationId?: string; secret?: string } = {}) => {
  identityAuthority = e.identityAuthority;
  return {
    ewsUrl: e.url,
    roleAccount: e.credentials.username,
    applicationId: overrides.applicationId ?? e.application.clientId,
    secret: overrides.secret ?? e.application.clientSecret,
  };
};

interface SeedCase {
  /** The seed's message, as the Italian title begins. */
  readonly message: string;
  readonly why: string;
  readonly settings: () => Promise<{ input: Record<string, string>; participant?: string }>;
  readonly step: string;
  readonly code: string;
  readonly subReason: string;
  /** Words of the seed's remediation the Italian text must carry. */
  readonly remediation: string;
  readonly detail: RegExp;
}

const SEED_CASES: readonly SeedCase[] = [
  {
    message: 'Errore di connessione',
    why: 'nothing listens on the port (firewall, wrong host or port)',
    settings: async () => ({
      input: {
        ewsUrl: `https://localhost:${await closedPort()}/EWS/Exchange.asmx`,
        roleAccount: 'interop-role@contoso.test',
        secret: 'x',
      },
    }),
    step: 'TCP',
    code: 'MISCONFIGURED',
    subReason: 'INTEROP_CONNECTION_ERROR',
    remediation: 'Analizzatore connettività remota di Microsoft',
    detail: /ECONNREFUSED/,
  },
  {
    message: 'Errore di comunicazione dei Servizi Web Exchange (EWS)',
    why: 'the URL uses http://',
    settings: async () => ({ input: basic(await emulator({ tls: 'none' })) }),
    step: 'HTTPS',
    code: 'INSECURE_ENDPOINT',
    subReason: 'INTEROP_EWS_COMMUNICATION_ERROR',
    remediation: "inserisci HTTPS nell'URL del server Exchange",
    detail: /http:\/\/ instead of https:\/\//,
  },
  {
    message: 'Errore di risposta EWS',
    why: 'the URL answers, but it is an ordinary web server, not EWS',
    settings: async () => ({ input: basic(await emulator({ tls: 'valid', kind: 'not-ews' })) }),
    step: 'EWS_ENDPOINT',
    code: 'MISCONFIGURED',
    subReason: 'INTEROP_EWS_RESPONSE_ERROR',
    remediation: 'directory virtuali',
    detail: /not EWS/,
  },
  {
    message: 'Errore di risposta EWS',
    why: 'wrong Exchange credentials',
    settings: async () => ({
      input: { ...basic(await emulator({ tls: 'valid' })), secret: 'not-the-password' },
    }),
    step: 'CREDENTIALS',
    code: 'MISCONFIGURED',
    subReason: 'INTEROP_EWS_RESPONSE_ERROR',
    remediation: 'le credenziali di Exchange',
    detail: /rejected the credentials/,
  },
  {
    message: 'Il nome utente di Exchange non è un indirizzo email',
    why: 'the role account lacks its domain',
    settings: async () => ({
      input: { ...basic(await emulator({ tls: 'valid' })), roleAccount: 'interop-role' },
    }),
    step: 'CREDENTIALS',
    code: 'MISCONFIGURED',
    subReason: 'INTEROP_USERNAME_NOT_EMAIL',
    remediation: 'nome di dominio',
    detail: /not an email address/,
  },
  {
    message: 'Host non trovato',
    why: 'no DNS record for the host name',
    settings: async () => ({
      input: {
        ewsUrl: 'https://mail.contoso-typo.test/EWS/Exchange.asmx',
        roleAccount: 'interop-role@contoso.test',
        secret: 'x',
      },
    }),
    step: 'DNS',
    code: 'DNS_NOT_FOUND',
    subReason: 'INTEROP_HOST_NOT_FOUND',
    remediation: 'record DNS',
    detail: /ENOTFOUND/,
  },
  {
    message: 'Partecipante non valido',
    why: 'the looked-up user does not exist',
    settings: async () => ({
      input: basic(await emulator({ tls: 'valid' })),
      participant: 'nobody@contoso.test',
    }),
    step: 'AVAILABILITY',
    code: 'ACCOUNT_UNAVAILABLE',
    subReason: 'INTEROP_INVALID_PARTICIPANT',
    remediation: 'Microsoft Active Directory',
    detail: /ErrorMailRecipientNotFound/,
  },
  {
    message: 'Formato URL di Exchange non corretto',
    why: 'the URL is not an absolute URL',
    settings: async () => ({
      input: { ewsUrl: 'mail.contoso.test/EWS', roleAccount: 'interop-role@contoso.test', secret: 'x' },
    }),
    step: 'URL_FORMAT',
    code: 'MISCONFIGURED',
    subReason: 'INTEROP_MALFORMED_URL',
    remediation: "l'URL completo di Exchange",
    detail: /not an absolute URL/,
  },
  {
    message: 'Errore SSL',
    why: 'the certificate has expired',
    settings: async () => ({ input: basic(await emulator({ tls: 'expired' })) }),
    step: 'TLS',
    code: 'TLS_ERROR',
    subReason: 'INTEROP_SSL_ERROR',
    remediation: 'non scaduto',
    detail: /has expired/,
  },
  {
    message: 'Errore SSL',
    why: 'the certificate is self-signed (no trusted root)',
    settings: async () => ({ input: basic(await emulator({ tls: 'self-signed' })) }),
    step: 'TLS',
    code: 'TLS_ERROR',
    subReason: 'INTEROP_SSL_ERROR',
    remediation: 'radice attendibile',
    detail: /self-signed/,
  },
  {
    message: 'Errore SSL',
    why: 'the host is an alias the certificate does not name',
    settings: async () => ({ input: basic(await emulator({ tls: 'wrong-name' })) }),
    step: 'TLS',
    code: 'TLS_ERROR',
    subReason: 'INTEROP_SSL_ERROR',
    remediation: 'corrispondente al nome host',
    detail: /does not match the host name/,
  },
  {
    message: 'Errore SSL',
    why: 'the URL gives an IP address instead of a host name',
    settings: async () => {
      const e = await emulator({ tls: 'valid' });
      return { input: { ...basic(e), ewsUrl: e.url.replace('localhost', '127.0.0.1') } };
    },
    step: 'TLS',
    code: 'TLS_ERROR',
    subReason: 'INTEROP_SSL_ERROR',
    remediation: 'non un indirizzo IP',
    detail: /IP address 127\.0\.0\.1 instead of a host name/,
  },
  {
    message: 'Errore 400: richiesta non valida',
    why: 'the application id is wrong',
    settings: async () => ({
      input: application(await emulator({ tls: 'valid' }), {
        applicationId: '00000000-0000-0000-0000-00000000dead',
      }),
    }),
    step: 'APPLICATION',
    code: 'MISCONFIGURED',
    subReason: 'INTEROP_BAD_REQUEST',
    remediation: "l'ID applicazione sia corretto",
    detail: /00000000-0000-0000-0000-00000000dead/,
  },
  {
    message: '401 Non autorizzato',
    why: 'the client secret is wrong',
    settings: async () => ({
      input: application(await emulator({ tls: 'valid' }), { secret: 'not-the-client-secret' }),
    }),
    step: 'APPLICATION',
    code: 'MISCONFIGURED',
    subReason: 'INTEROP_UNAUTHORIZED',
    remediation: 'client secret',
    detail: /secret/,
  },
];

describe('every Calendar Interop message of the seed, through GraphQL', () => {
  const t = useTestGateway('pglite', {
    gateway: { exchange: exchangeReach, providers: createEmulatedProviderRegistry({}) },
  });
  let admin: Caller;

  beforeAll(async () => {
    const org = await t().organization(['ada'] as const, { ada: 'ADMIN' });
    admin = { organizationId: org.organizationId, userId: org.users.ada, role: 'ADMIN' };
  });

  it.each(SEED_CASES)('"$message" when $why: step $step fails with the seed remediation', async (c) => {
    const { input, participant } = await c.settings();
    const response = await t().graphql<{ testExchangeConnection: Report }>(TEST, {
      caller: admin,
      variables: { input, participant: participant ?? PARTICIPANT },
    });
    expect(response.body.errors).toBeUndefined();
    const report = response.body.data?.testExchangeConnection as Report;
    expect(report.ok).toBe(false);
    const failedAt = report.steps.findIndex((s) => s.status === 'FAILED');
    const failed = report.steps[failedAt];
    expect(failed?.id).toBe(c.step);
    expect(failed?.detail).toMatch(c.detail);
    expect(failed?.error).toMatchObject({ code: c.code, subReason: c.subReason, connectionBroken: true });
    expect(failed?.error?.title.startsWith(c.message)).toBe(true);
    expect(failed?.error?.remediation).toContain(c.remediation);
    // Before the failure every step passed (APPLICATION is skipped without an application id); after, skipped.
    for (const step of report.steps.slice(0, failedAt)) {
      expect(step.status === 'PASSED' || (step.id === 'APPLICATION' && step.status === 'SKIPPED')).toBe(true);
      expect(step.error).toBeNull();
    }
    expect(report.steps.slice(failedAt + 1).every((s) => s.status === 'SKIPPED')).toBe(true);
    // Secrets never come back, not even in the failing step's detail.
    if (input.secret !== 'x') expect(response.text).not.toContain(input.secret);
  });

  it('"Interop non è configurato": linking or checking an Exchange calendar without settings', async () => {
    const w = await World.create(t(), ['noa', 'eli'] as const, { noa: 'ADMIN' });
    const refused = await w.request('eli', CONNECT, { mailbox: 'eli@contoso.test' });
    expect(codes(refused)).toEqual(['PROVIDER_ERROR']);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      provider: 'EXCHANGE',
      reason: 'INTEROP_NOT_CONFIGURED',
    });
    expect(
      await t().handle.db.query.connections.findMany({ where: (c, { eq }) => eq(c.userId, w.users.eli) }),
    ).toEqual([]);

    const retest = await w.request('noa', RETEST, { participant: PARTICIPANT });
    expect(codes(retest)).toEqual(['NOT_FOUND']);
    expect(retest.body.errors?.[0]?.extensions?.reason).toBe('INTEROP_NOT_CONFIGURED');
    // A connection linked before the settings were removed (or by a migration) breaks on its next check.
    const id = await w.link('eli', 'EXCHANGE', 'eli-mailbox');
    const page = await w.createPage('eli', { title: 'Eli on Exchange' });
    const { checkConnection } = await w.run<{ checkConnection: ConnectionView }>('eli', CHECK, { id });
    expect(checkConnection).toMatchObject({
      status: 'ERROR',
      lastError: { code: 'MISCONFIGURED', subReason: 'INTEROP_NOT_CONFIGURED', connectionBroken: true },
    });
    expect(checkConnection.lastError?.title).toBe('Interop non è configurato');
    expect(checkConnection.lastError?.remediation).toContain('Calendar Interop sia attivato');
    expect((await w.page('eli', page.id)).state).toBe('DISABLED_CONNECTION_ERROR');
  });
});

describe('an untrusted root certification authority, through GraphQL', () => {
  // This gateway trusts no test CA: the emulator's properly issued certificate chains to an unknown root.
  const t = useTestGateway('pglite', {
    gateway: { exchange: { trustedCa: [], resolveHost: loopbackOnly, timeoutMs: 5_000 } },
  });

  it('"Errore SSL" at the TLS step', async () => {
    const org = await t().organization(['ada'] as const, { ada: 'ADMIN' });
    const admin: Caller = { organizationId: org.organizationId, userId: org.users.ada, role: 'ADMIN' };
    const e = await emulator({ tls: 'valid' });
    const response = await t().graphql<{ testExchangeConnection: Report }>(TEST, {
      caller: admin,
      variables: { input: basic(e), participant: PARTICIPANT },
    });
    const failed = response.body.data?.testExchangeConnection.steps.find((s) => s.status === 'FAILED');
    expect(failed?.id).toBe('TLS');
    expect(failed?.detail).toContain('untrusted root certification authority');
    expect(failed?.error).toMatchObject({ code: 'TLS_ERROR', subReason: 'INTEROP_SSL_ERROR' });
  });
});

// The production registry (main.ts on Postgres): no OAuth app configured, EXCHANGE through the settings.
describeEachDriver('EXCHANGE connections live on the organization settings (%s)', (driver) => {
  const t = useTestGateway(driver, {
    gateway: { exchange: exchangeReach, providers: configuredProviderRegistry({}) },
  });

  it('link through the settings, break with bad settings, come back when they are fixed', async () => {
    const good = await emulator({ tls: 'valid' });
    const expired = await emulator({ tls: 'expired' });
    for (const e of [good, expired]) e.users.add('bo@contoso.test');
    const w = await World.create(t(), ['ada', 'bo'] as const, { ada: 'ADMIN' });

    const tested = await w.run<{ testExchangeConnection: Report }>('ada', TEST, {
      input: basic(good),
      participant: PARTICIPANT,
      save: true,
    });
    expect(tested.testExchangeConnection.ok).toBe(true);
    expect(tested.testExchangeConnection.steps.find((s) => s.id === 'APPLICATION')?.status).toBe('SKIPPED');

    // A mailbox Exchange does not know is refused with the seed's reason, and nothing is linked.
    const unknown = await w.request('bo', CONNECT, { mailbox: 'ghost@contoso.test' });
    expect(codes(unknown)).toEqual(['PROVIDER_ERROR']);
    expect(unknown.body.errors?.[0]?.extensions?.reason).toBe('INTEROP_INVALID_PARTICIPANT');
    // A member links only their own calendar; an address must be an address.
    expect(codes(await w.request('bo', CONNECT, { userId: w.users.ada }))).toEqual(['FORBIDDEN']);
    expect(codes(await w.request('bo', CONNECT, { mailbox: 'bo' }))).toEqual(['BAD_USER_INPUT']);

    const { connectExchangeCalendar: linked } = await w.run<{ connectExchangeCalendar: ConnectionView }>(
      'bo',
      CONNECT,
      { mailbox: 'bo@contoso.test' },
    );
    expect(linked).toMatchObject({ status: 'CONNECTED', accountEmail: 'bo@contoso.test', lastError: null });
    const again = await w.request('bo', CONNECT, { mailbox: 'bo@contoso.test' });
    expect(codes(again)).toEqual(['CONFLICT']);
    const page = await w.createPage('bo', { title: 'Bo on Exchange' });
    expect(page.state).toBe('ACTIVE');

    // The probes cover EXCHANGE: the scheduler lists the connection.
    const registry = t().gateway.services.providers as AdapterProviderRegistry;
    expect(registry).toBeInstanceOf(AdapterProviderRegistry);
    expect(registry.providers()).toEqual(['EXCHANGE']);
    expect((await listProbeTargets(t().handle.db, registry.providers())).map((x) => x.id)).toContain(
      linked.id,
    );
    // No OAuth for Exchange: a reconnect says what to do instead.
    const reconnect = await w.request(
      'bo',
      'mutation($id: ID!) { startReconnect(connectionId: $id) { state } }',
      {
        id: linked.id,
      },
    );
    expect(codes(reconnect)).toEqual(['BAD_USER_INPUT']);
    expect(reconnect.body.errors?.[0]?.extensions?.reason).toBe('NOT_OAUTH');

    // Saving broken settings stops the page at once (the connections are probed with them right away).
    await w.run('ada', SAVE, { input: basic(expired) });
    const broken = await w.run<{ connection: ConnectionView }>(
      'bo',
      `query($id: ID!) { connection(id: $id) { ${CONNECTION_FIELDS} } }`,
      { id: linked.id },
    );
    expect(broken.connection).toMatchObject({
      status: 'ERROR',
      lastError: { code: 'TLS_ERROR', subReason: 'INTEROP_SSL_ERROR' },
    });
    const stopped = await w.page('bo', page.id);
    expect(stopped.state).toBe('DISABLED_CONNECTION_ERROR');
    expect(stopped.acceptingBookings).toBe(false);

    // Fixing the settings (tested and saved) brings the connection and its page back by themselves.
    await w.run('ada', TEST, { input: basic(good), participant: PARTICIPANT, save: true });
    const { checkConnection } = await w.run<{ checkConnection: ConnectionView }>('bo', CHECK, {
      id: linked.id,
    });
    expect(checkConnection).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', lastError: null });
    expect((await w.page('bo', page.id)).state).toBe('ACTIVE');

    // Re-testing the stored settings needs no secret from the admin (and is for admins only).
    expect(codes(await w.request('bo', RETEST, { participant: PARTICIPANT }))).toEqual(['FORBIDDEN']);
    const retest = await w.request<{ retestExchangeSettings: Report }>('ada', RETEST, {
      participant: 'ghost@contoso.test',
    });
    expect(retest.body.errors).toBeUndefined();
    expect(retest.body.data?.retestExchangeSettings.ok).toBe(false);
    expect(retest.body.data?.retestExchangeSettings.steps.at(-1)?.error?.subReason).toBe(
      'INTEROP_INVALID_PARTICIPANT',
    );
    expect(retest.text).not.toContain(good.credentials.password);
    const passing = await w.run<{ retestExchangeSettings: Report }>('ada', RETEST, {
      participant: PARTICIPANT,
    });
    expect(passing.retestExchangeSettings.ok).toBe(true);
    const { exchangeSettings } = await w.run<{ exchangeSettings: { status: string; ewsUrl: string } }>(
      'ada',
      '{ exchangeSettings { status ewsUrl } }',
    );
    expect(exchangeSettings).toEqual({ status: 'OK', ewsUrl: good.url });
  });

  it('a certificate about to expire makes the calendars AT_RISK while their pages keep taking bookings', async () => {
    const e = await emulator({ tls: 'expiring' });
    e.users.add('ed@contoso.test');
    const w = await World.create(t(), ['ada', 'ed'] as const, { ada: 'ADMIN' });
    const tested = await w.run<{ testExchangeConnection: Report }>('ada', TEST, {
      input: basic(e),
      participant: PARTICIPANT,
      save: true,
    });
    expect(tested.testExchangeConnection.ok).toBe(true);
    expect(tested.testExchangeConnection.steps.find((s) => s.id === 'TLS')?.detail).toContain('renew it');
    const { connectExchangeCalendar: linked } = await w.run<{ connectExchangeCalendar: ConnectionView }>(
      'ed',
      CONNECT,
      { mailbox: 'ed@contoso.test' },
    );
    const page = await w.createPage('ed', { title: 'Ed on Exchange' });
    const { checkConnection } = await w.run<{ checkConnection: ConnectionView }>('ed', CHECK, {
      id: linked.id,
    });
    expect(checkConnection).toMatchObject({
      status: 'CONNECTED',
      health: 'AT_RISK',
      lastError: { code: 'TLS_ERROR', subReason: 'INTEROP_SSL_ERROR', connectionBroken: false },
    });
    expect(checkConnection.lastError?.remediation).toContain('non scaduto');
    expect((await w.page('ed', page.id)).acceptingBookings).toBe(true);
  });

  it('an Exchange server that stops answering degrades the calendars, not their pages (hysteresis)', async () => {
    const e = await emulator({ tls: 'valid' });
    e.users.add('di@contoso.test');
    const w = await World.create(t(), ['ada', 'di'] as const, { ada: 'ADMIN' });
    await w.run('ada', TEST, { input: basic(e), participant: PARTICIPANT, save: true });
    const { connectExchangeCalendar: linked } = await w.run<{ connectExchangeCalendar: ConnectionView }>(
      'di',
      CONNECT,
      { mailbox: 'di@contoso.test' },
    );
    const page = await w.createPage('di', { title: 'Di on Exchange' });
    await e.stop();
    const { checkConnection } = await w.run<{ checkConnection: ConnectionView }>('di', CHECK, {
      id: linked.id,
    });
    expect(checkConnection).toMatchObject({
      status: 'CONNECTED',
      health: 'DEGRADED',
      lastError: {
        code: 'NETWORK_UNREACHABLE',
        subReason: 'INTEROP_CONNECTION_ERROR',
        connectionBroken: false,
      },
    });
    expect(checkConnection.lastError?.title.startsWith('Errore di connessione')).toBe(true);
    expect((await w.page('di', page.id)).acceptingBookings).toBe(true);
  });

  it("application mode: the probes use an app-only token, and a revoked secret breaks the organization's mailboxes", async () => {
    const e = await emulator({ tls: 'valid' });
    e.users.add('cy@contoso.test');
    const w = await World.create(t(), ['ada', 'cy'] as const, { ada: 'ADMIN' });
    const saved = await w.run<{ testExchangeConnection: Report }>('ada', TEST, {
      input: application(e),
      participant: PARTICIPANT,
      save: true,
    });
    expect(saved.testExchangeConnection.ok).toBe(true);
    expect(saved.testExchangeConnection.steps.map((s) => s.status)).toEqual(Array(9).fill('PASSED'));
    const { connectExchangeCalendar: linked } = await w.run<{ connectExchangeCalendar: ConnectionView }>(
      'ada',
      CONNECT,
      { userId: w.users.cy, mailbox: 'cy@contoso.test' },
    );
    expect(linked.status).toBe('CONNECTED');
    expect(
      e.requests.filter((r) => r.path.toLowerCase() === '/ews/exchange.asmx' && r.auth === 'bearer').length,
    ).toBeGreaterThan(0);

    await w.run('ada', SAVE, { input: application(e, { secret: 'rotated-away' }) });
    const { checkConnection } = await w.run<{ checkConnection: ConnectionView }>('cy', CHECK, {
      id: linked.id,
    });
    expect(checkConnection).toMatchObject({
      status: 'ERROR',
      lastError: { subReason: 'INTEROP_UNAUTHORIZED', title: '401 Non autorizzato' },
    });
  });
});
