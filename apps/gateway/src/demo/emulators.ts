// The embedded demo's providers: the Google and Microsoft emulators on 127.0.0.1, and the seeded demo
// connections backed by real emulator accounts with real (emulator-issued, sealed) tokens. Emulator state is
// in memory, so `provisionDemoAccounts` runs on every start: it signs each account in again through the same
// OAuth flows the gateway uses, re-points the connection at the emulator account and re-injects the faults
// that keep an errored demo connection failing until the user reconnects.
import { createHash, randomBytes } from 'node:crypto';
import {
  attachDemoAccount,
  type ConnectionProvider,
  type Database,
  type DemoAccountConnection,
  type Keyring,
  listDemoAccounts,
} from '@tsunagi/db';
import {
  type GoogleEmulator,
  type MicrosoftEmulator,
  startGoogleEmulator,
  startMicrosoftEmulator,
} from '@tsunagi/emulators';
import type { Logger } from '../ops/logger.js';
import type { ProviderAdapters } from '../providers/adapter-registry.js';
import { createEmulatedProviderRegistry, googleAdapters, microsoftAdapters } from '../providers/adapters.js';

/** Providers the embedded demo emulates; the others (ZOOM, EXCHANGE) have no adapter yet. */
export const EMULATED_PROVIDERS = [
  'GOOGLE_CALENDAR',
  'MICROSOFT_CALENDAR',
  'MICROSOFT_TEAMS',
] as const satisfies readonly ConnectionProvider[];

/** Where the provisioning sign-ins "redirect"; never requested, the code is read from the Location header. */
const PROVISIONING_REDIRECT_URI = 'http://127.0.0.1/demo-provisioning';
const TEAMS_SCOPE = 'OnlineMeetings.ReadWrite';

export interface DemoEmulators {
  readonly google: GoogleEmulator;
  readonly microsoft: MicrosoftEmulator;
  stop(): Promise<void>;
}

/** Starts both emulators on 127.0.0.1 (port 0: free ports). */
export async function startDemoEmulators(): Promise<DemoEmulators> {
  const [google, microsoft] = await Promise.all([
    startGoogleEmulator({ port: 0 }),
    startMicrosoftEmulator({ port: 0 }),
  ]);
  return {
    google,
    microsoft,
    stop: async () => {
      await Promise.all([google.stop(), microsoft.stop()]);
    },
  };
}

/** The registry factory for `createGateway({ providers })`, pointed at the emulators. */
export function demoProviderRegistry(emulators: DemoEmulators) {
  return createEmulatedProviderRegistry({ google: emulators.google, microsoft: emulators.microsoft });
}

function emulatorAdapters(emulators: DemoEmulators): ProviderAdapters {
  const { google, microsoft } = emulators;
  return {
    ...googleAdapters({
      clientId: google.client.clientId,
      clientSecret: google.client.clientSecret,
      endpoints: google.endpoints,
      apiRoot: google.endpoints.apiRoot,
    }),
    ...microsoftAdapters({
      clientId: microsoft.clientId,
      clientSecret: microsoft.clientSecret,
      authority: microsoft.endpoints.authority,
      graphBaseUrl: microsoft.endpoints.graphBaseUrl,
    }),
  };
}

export interface ProvisionedConnection {
  readonly connectionId: string;
  readonly organizationId: string;
  readonly provider: ConnectionProvider;
  readonly accountEmail: string;
  /** The emulator account id, now the connection's accountExternalId. */
  readonly accountId: string;
  /** What keeps an errored connection failing in the emulator, if anything. */
  readonly fault: 'REVOKE_GRANT' | 'MISSING_SCOPE' | null;
}

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
  return emulators.microsoft.accounts.create({ email });
}

/** What the emulator must reproduce so the connection's stored failure keeps happening. */
function faultFor(connection: DemoAccountConnection): ProvisionedConnection['fault'] {
  if (connection.status !== 'ERROR' || connection.lastError === null) return null;
  if (connection.lastError.code === 'INSUFFICIENT_SCOPE') {
    return connection.provider === 'MICROSOFT_TEAMS' ? 'MISSING_SCOPE' : null;
  }
  return connection.lastError.action === 'REAUTHORIZE' ? 'REVOKE_GRANT' : null;
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
  }
  const adapters = emulatorAdapters(emulators);
  const provisioned: ProvisionedConnection[] = [];
  const reconnectable: DemoAccountConnection[] = [];
  const revoke: { provider: ConnectionProvider; accountId: string }[] = [];
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
    if (fault === 'MISSING_SCOPE') {
      const scopes = (url.searchParams.get('scope') ?? '').split(' ').filter((s) => s !== TEAMS_SCOPE);
      url.searchParams.set('scope', scopes.join(' '));
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
    if (fault === 'REVOKE_GRANT') revoke.push({ provider: connection.provider, accountId: account.id });
    if (fault !== null) reconnectable.push(connection);
    provisioned.push({
      connectionId: connection.id,
      organizationId: connection.organizationId,
      provider: connection.provider,
      accountEmail: email,
      accountId: identity.externalId,
      fault,
    });
  }
  // After every sign-in: a consent heals the account's revoked grant in the emulator.
  for (const { provider, accountId } of revoke) {
    const faults = provider === 'GOOGLE_CALENDAR' ? emulators.google.faults : emulators.microsoft.faults;
    faults.inject(accountId, { kind: 'REVOKE_GRANT' });
  }
  options.logger?.info(
    { connections: provisioned.length, errored: reconnectable.length },
    'demo connections backed by the provider emulators',
  );
  return { connections: provisioned, reconnectable };
}
