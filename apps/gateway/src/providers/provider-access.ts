// The one piece every provider service of the gateway shares: the database and the state service, the
// sealed credentials, the adapters configured per provider, Exchange access, and the logger. The registry
// builds it once and passes it to the OAuth flow, the probes, Exchange linking and revocation.
import {
  type ConnectionProvider,
  type CredentialStore,
  createCredentialStore,
  type Database,
  type Keyring,
  type StateService,
} from '@tsunagi/db';
import {
  type AdapterContext,
  type CalendarProvider,
  type LocationProvider,
  type Logger,
  noopLogger,
  type OAuthFlow,
} from '@tsunagi/providers';
import type { ExchangeAccess } from './exchange.js';

/** What the gateway needs of one provider: its OAuth flow and how to open one connection's adapter. */
export interface ProviderAdapter {
  readonly oauth: OAuthFlow;
  /** The calendar or location provider of one connection, around that connection's token store. */
  open(context: AdapterContext): CalendarProvider | LocationProvider;
}

export type ProviderAdapters = Partial<Record<ConnectionProvider, ProviderAdapter>>;

export interface ProviderAccess {
  readonly db: Database;
  readonly state: StateService;
  /** Connections' tokens, sealed in `connection_credentials`. */
  readonly credentials: CredentialStore;
  readonly logger: Logger;
  /** EXCHANGE connections are read through each organization's Interop settings; undefined: not offered. */
  readonly exchange: ExchangeAccess | undefined;
  /** The adapter configured for a provider, if any. */
  adapter(provider: ConnectionProvider): ProviderAdapter | undefined;
  /** Providers with an adapter, and EXCHANGE when Interop access is configured (what probes cover). */
  providers(): ConnectionProvider[];
}

export interface ProviderAccessOptions {
  readonly db: Database;
  readonly keyring: Keyring;
  readonly state: StateService;
  readonly adapters: ProviderAdapters;
  readonly exchange?: ExchangeAccess | undefined;
  readonly logger?: Logger | undefined;
}

export function createProviderAccess(options: ProviderAccessOptions): ProviderAccess {
  const { adapters, exchange } = options;
  return {
    db: options.db,
    state: options.state,
    credentials: createCredentialStore(options.db, options.keyring),
    logger: options.logger ?? noopLogger,
    exchange,
    adapter: (provider) => adapters[provider],
    providers() {
      const configured = (Object.keys(adapters) as ConnectionProvider[]).filter(
        (provider) => adapters[provider] !== undefined,
      );
      return exchange === undefined ? configured : [...configured, 'EXCHANGE'];
    },
  };
}
