// The embedded demo's providers: the Google, Microsoft and Zoom emulators and two EWS emulators (a healthy
// Exchange server and one whose certificate has expired) on 127.0.0.1, and the seeded demo connections backed
// by real emulator accounts with real (emulator-issued, sealed) tokens. Emulator state is in memory, so
// `provisionDemoAccounts` runs on every start: it signs each account in again through the same OAuth flows the
// gateway uses, re-points the connection at the emulator account and sets up in the emulator what each
// troubled demo connection's stored state says (a revoked grant, a grant short of a scope, an outage), so a
// probe finds what the seed wrote. `provisionDemoExchange` points the
// organizations' Interop settings at the EWS emulators and tests them.
import { createHash, randomBytes } from 'node:crypto';
import {
  attachDemoAccount,
  type ConnectionProvider,
  createExchangeSettingsStore,
  type Database,
  type DemoAccountConnection,
  type Keyring,
  listDemoAccounts,
} from '@tsunagi/db';
import {
  type ExchangeEmulator,
  type GoogleEmulator,
  type MicrosoftEmulator,
  startExchangeEmulator,
  startGoogleEmulator,
  startMicrosoftEmulator,
  startZoomEmulator,
  type ZoomEmulator,
} from '@tsunagi/emulators';
import { analyzeExchangeConnection, DEFAULT_RETRY, GOOGLE_CALENDAR_SCOPES } from '@tsunagi/providers';
import type { Logger } from '../ops/logger.js';
import { createEmulatedProviderRegistry, emulatorAdapters } from '../providers/adapters.js';
import { type ExchangeAnalyzerOptions, storedReport } from '../providers/exchange.js';

/** OAuth providers the embedded demo emulates (EXCHANGE goes through the organizations' Interop settings). */
export const EMULATED_PROVIDERS = [
  'GOOGLE_CALENDAR',
  'MICROSOFT_CALENDAR',
  'MICROSOFT_TEAMS',
  'ZOOM',
] as const satisfies readonly ConnectionProvider[];

/** Where the provisioning sign-ins "redirect"; never requested, the code is read from the Location header. */
const PROVISIONING_REDIRECT_URI = 'http://127.0.0.1/demo-provisioning';
const TEAMS_SCOPE = 'OnlineMeetings.ReadWrite';

export interface DemoEmulators {
  readonly google: GoogleEmulator;
  readonly microsoft: MicrosoftEmulator;
  readonly zoom: ZoomEmulator;
  /** A healthy Exchange server (EWS over HTTPS with a certificate from the demo CA). */
  readonly exchange: ExchangeEmulator;
  /** The same Exchange, but its certificate has expired: Interop's "SSL error". */
  readonly exchangeExpired: ExchangeEmulator;
  /** How the gateway reaches the EWS emulators: trusts the demo CA, resolves localhost to 127.0.0.1. */
  readonly exchangeReach: ExchangeAnalyzerOptions;
  stop(): Promise<void>;
}

export const loopbackOnly = async (host: string): Promise<string> => {
  if (host === 'localhost') return '127.0.0.1';
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

/** Starts the emulators on 127.0.0.1 (port 0: free ports). */
export async function startDemoEmulators(): Promise<DemoEmulators> {
  const [google, microsoft, zoom, exchange, exchangeExpired] = await Promise.all([
    startGoogleEmulator({ port: 0 }),
    startMicrosoftEmulator({ port: 0 }),
    startZoomEmulator({ port: 0 }),
    startExchangeEmulator({ tls: 'valid' }),
    startExchangeEmulator({ tls: 'expired' }),
  ]);
  return {
    google,
    microsoft,
    zoom,
    exchange,
    exchangeExpired,
    // The demo never reaches outside the machine: only localhost resolves.
    exchangeReach: {
      trustedCa: [...new Set([exchange.caPem, exchangeExpired.caPem])],
      resolveHost: loopbackOnly,
      timeoutMs: 5_000,
      identityAuthority: exchange.identityAuthority,
    },
    stop: async () => {
      await Promise.all([
        google.stop(),
        microsoft.stop(),
        zoom.stop(),
        exchange.stop(),
        exchangeExpired.stop(),
      ]);
    },
  };
}

/** The registry factory for `createGateway({ providers })`, pointed at the emulators. */
export function demoProviderRegistry(emulators: DemoEmulators) {
  return createEmulatedProviderRegistry({
    google: emulators.google,
    microsoft: emulators.microsoft,
    zoom: emulators.zoom,
  });
}

export interface ProvisionedConnection {
  readonly connectionId: string;
  readonly organizationId: string;
  readonly provider: ConnectionProvider;
  readonly accountEmail: string;
  /** The emulator account id, now the connection's accountExternalId. */
  readonly accountId: string;
  /** What the emulator reproduces of the connection's stored trouble, if anything. */
  readonly fault: DemoFault | null;
}

/**
 * REVOKE_GRANT: the grant is dead until a reconnect consents again. MISSING_SCOPE: Teams consented without
 * OnlineMeetings.ReadWrite. READ_ONLY_GRANT: a Google calendar shared read-only (calendar.readonly instead of
 * calendar.events), at risk. OUTAGE: the provider answers 503 to the account's next probe, then recovers.
 */
export type DemoFault = 'REVOKE_GRANT' | 'MISSING_SCOPE' | 'READ_ONLY_GRANT' | 'OUTAGE';

/** How a fault changes the scopes asked for at the provisioning sign-in. */
const CONSENTED_SCOPES: Partial<Record<DemoFault, (scopes: string[]) => string[]>> = {
  MISSING_SCOPE: (scopes) => scopes.filter((scope) => scope !== TEAMS_SCOPE),
  READ_ONLY_GRANT: (scopes) =>
    scopes.map((scope) =>
      scope === GOOGLE_CALENDAR_SCOPES.events ? GOOGLE_CALENDAR_SCOPES.calendarReadonly : scope,
    ),
};

export interface ProvisionReport {
  readonly connections: readonly ProvisionedConnection[];
  /** Errored demo connections a reconnect repairs (their stored failure is reproduced by the emulator). */
  readonly reconnectable: readonly DemoAccountConnection[];
}

function accountFor(emulators: DemoEmulators, provider: ConnectionProvider, email: string) {
  if (provider === 'GOOGLE_CALENDAR') {
    const { accounts } = emulators.google;
    return (
      accounts.list().find((a) => a.email.toLowerCase() === email.toLowerCase()) ?? accounts.create({ email })
    );
  }
  // Idempotent per email.
  if (provider === 'ZOOM') return emulators.zoom.accounts.create({ email });
  return emulators.microsoft.accounts.create({ email });
}

function faultsOf(emulators: DemoEmulators, provider: ConnectionProvider) {
  if (provider === 'GOOGLE_CALENDAR') return emulators.google.faults;
  if (provider === 'ZOOM') return emulators.zoom.faults;
  return emulators.microsoft.faults;
}

/** What the emulator must reproduce so a probe finds the connection's stored trouble. */
function faultFor(connection: DemoAccountConnection): DemoFault | null {
  const error = connection.lastError;
  if (error === null) return null;
  // A transient failure (DEGRADED, or ERROR after a long run of them) passes by itself.
  if (error.retryable && !error.connectionBroken) return 'OUTAGE';
  if (connection.status === 'CONNECTED') {
    return error.code === 'INSUFFICIENT_SCOPE' && connection.provider === 'GOOGLE_CALENDAR'
      ? 'READ_ONLY_GRANT'
      : null;
  }
  if (connection.status !== 'ERROR') return null;
  if (error.code === 'INSUFFICIENT_SCOPE') {
    return connection.provider === 'MICROSOFT_TEAMS' ? 'MISSING_SCOPE' : null;
  }
  // Any other errored connection needs a person: its grant stays dead until a reconnect consents again.
  return 'REVOKE_GRANT';
}

/**
 * Creates an emulator account for every demo user and every live demo connection of an emulated provider,
 * signs each connection's account in through the provider's OAuth flow (the emulators consent for the
 * login hint), and stores the issued tokens sealed on the connection. Then re-injects the failures of the
 * errored ones: a revoked grant (REVOKE_GRANT, healed by the next consent) or a Teams grant without
 * OnlineMeetings.ReadWrite. Safe to run on every start.
 */
export async function provisionDemoAccounts(options: {
  db: Database;
  keyring: Keyring;
  emulators: DemoEmulators;
  logger?: Logger;
}): Promise<ProvisionReport> {
  const { db, keyring, emulators } = options;
  const demo = await listDemoAccounts(db, EMULATED_PROVIDERS);
  // Users can connect (connectAccount) with their own address: the emulators sign them in by login_hint.
  for (const email of demo.userEmails) {
    accountFor(emulators, 'GOOGLE_CALENDAR', email);
    accountFor(emulators, 'MICROSOFT_CALENDAR', email);
    accountFor(emulators, 'ZOOM', email);
  }
  const adapters = emulatorAdapters(emulators);
  const provisioned: ProvisionedConnection[] = [];
  const reconnectable: DemoAccountConnection[] = [];
  const afterSignIn: { provider: ConnectionProvider; accountId: string; fault: DemoFault }[] = [];
  for (const connection of demo.connections) {
    const oauth = adapters[connection.provider]?.oauth;
    if (oauth === undefined) continue;
    const email = connection.accountEmail ?? connection.userEmail;
    const account = accountFor(emulators, connection.provider, email);
    const fault = faultFor(connection);

    const verifier = randomBytes(32).toString('base64url');
    const url = new URL(
      oauth.authorizationUrl({
        state: randomBytes(16).toString('base64url'),
        codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
        redirectUri: PROVISIONING_REDIRECT_URI,
        loginHint: email,
      }),
    );
    const consented = fault === null ? undefined : CONSENTED_SCOPES[fault];
    if (consented !== undefined) {
      const asked = (url.searchParams.get('scope') ?? '').split(' ').filter(Boolean);
      url.searchParams.set('scope', consented(asked).join(' '));
    }
    const response = await fetch(url, { redirect: 'manual' });
    const location = response.headers.get('location');
    const code = location === null ? null : new URL(location).searchParams.get('code');
    if (code === null) {
      throw new Error(
        `Demo provisioning: the ${connection.provider} emulator did not sign in ${email} (${response.status} ${location ?? ''})`,
      );
    }
    const { tokens, account: identity } = await oauth.exchangeCode({
      code,
      codeVerifier: verifier,
      redirectUri: PROVISIONING_REDIRECT_URI,
    });
    const attached = await attachDemoAccount(db, keyring, connection.id, {
      accountExternalId: identity.externalId,
      credentials: {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken ?? null,
        expiresAt: tokens.expiresAt === undefined ? null : new Date(tokens.expiresAt),
        scopes: tokens.scopes,
      },
    });
    if (!attached) continue;
    if (fault === 'REVOKE_GRANT' || fault === 'OUTAGE') {
      afterSignIn.push({ provider: connection.provider, accountId: account.id, fault });
    }
    if (fault === 'REVOKE_GRANT' || fault === 'MISSING_SCOPE') reconnectable.push(connection);
    provisioned.push({
      connectionId: connection.id,
      organizationId: connection.organizationId,
      provider: connection.provider,
      accountEmail: email,
      accountId: identity.externalId,
      fault,
    });
  }
  // After every sign-in: a consent heals the account's revoked grant in the emulator. The outage lasts one
  // probe, every retry of it included: the next probe finds the provider back (DEGRADED, then HEALTHY).
  for (const { provider, accountId, fault } of afterSignIn) {
    faultsOf(emulators, provider).inject(
      accountId,
      fault === 'OUTAGE'
        ? { kind: 'SERVER_ERROR_BURST', requests: DEFAULT_RETRY.maxAttempts, status: 503 }
        : { kind: 'REVOKE_GRANT' },
    );
  }
  options.logger?.info(
    { connections: provisioned.length, errored: reconnectable.length },
    'demo connections backed by the provider emulators',
  );
  return { connections: provisioned, reconnectable };
}

export interface ProvisionedExchange {
  readonly organizationId: string;
  readonly ewsUrl: string;
  readonly ok: boolean;
}

/** Seeded placeholder hosts (`mail.<org>.example`) and earlier starts' emulator URLs are re-pointed. */
function emulatedUrl(ewsUrl: string): boolean {
  try {
    const host = new URL(ewsUrl).hostname;
    return host === 'localhost' || host.endsWith('.example');
  } catch {
    return false;
  }
}

/**
 * Points each demo organization's Calendar Interop settings at an EWS emulator and tests them with the
 * analyzer, storing the real report: the demo organization starts on the Exchange whose certificate has
 * expired (its Exchange calendars are in ERROR, "SSL error"), the other one on the healthy server. Settings an
 * admin fixed earlier (status OK) stay on the healthy server across restarts; settings that point elsewhere
 * are left alone. Every demo user gets a mailbox on both servers.
 */
export async function provisionDemoExchange(options: {
  db: Database;
  keyring: Keyring;
  emulators: DemoEmulators;
  demoOrganizationId: string;
  logger?: Logger;
}): Promise<ProvisionedExchange[]> {
  const { db, keyring, emulators } = options;
  const demo = await listDemoAccounts(db, []);
  for (const email of demo.userEmails) {
    emulators.exchange.users.add(email);
    emulators.exchangeExpired.users.add(email);
  }
  const store = createExchangeSettingsStore(db, keyring);
  const provisioned: ProvisionedExchange[] = [];
  for (const organizationId of demo.organizationIds) {
    const current = await store.get(organizationId);
    if (current !== null && !emulatedUrl(current.ewsUrl)) continue;
    // An admin's fix from an earlier start (tested OK on the emulator) survives restarts.
    const fixedEarlier = current?.status === 'OK' && new URL(current.ewsUrl).hostname === 'localhost';
    const healthy = fixedEarlier || organizationId !== options.demoOrganizationId;
    const server = healthy ? emulators.exchange : emulators.exchangeExpired;
    const input = {
      ewsUrl: server.url,
      roleAccount: server.credentials.username,
      secret: server.credentials.password,
    };
    const result = await analyzeExchangeConnection({
      ewsUrl: input.ewsUrl,
      username: input.roleAccount,
      password: input.secret,
      participant: input.roleAccount,
      ...emulators.exchangeReach,
    });
    await store.upsert(organizationId, input, storedReport(result));
    provisioned.push({ organizationId, ewsUrl: input.ewsUrl, ok: result.ok });
  }
  options.logger?.info(
    { organizations: provisioned.length, ok: provisioned.filter((p) => p.ok).length },
    'demo Interop settings pointed at the EWS emulators',
  );
  return provisioned;
}
