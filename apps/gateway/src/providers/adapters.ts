// Adapter factories per provider, and a registry wired to running emulators (tests, the embedded demo).
import type { DatabaseHandle, ExchangeSettingsStore, Keyring, StateService } from '@tsunagi/db';
import type { GoogleEmulator, MicrosoftEmulator, ZoomEmulator } from '@tsunagi/emulators';
import {
  GOOGLE_API_ROOT,
  GOOGLE_OAUTH_ENDPOINTS,
  GoogleCalendarProvider,
  type GoogleOAuthEndpoints,
  GoogleOAuthFlow,
  type Logger,
  MicrosoftCalendarProvider,
  MicrosoftOAuthFlow,
  TeamsMeetingProvider,
  ZoomMeetingProvider,
  ZoomOAuthFlow,
} from '@tsunagi/providers';
import { DEFAULT_PROVIDER_TIMEOUTS, type ProviderApps } from '../env.js';
import { AdapterProviderRegistry, type AdapterProviderRegistryOptions } from './adapter-registry.js';
import type { ExchangeAnalyzerOptions } from './exchange.js';
import type { OAuthClientOrigins } from './oauth-origins.js';
import type { ProviderAdapters } from './provider-access.js';
import type { ProviderRegistry } from './registry.js';

export interface MicrosoftAdapterOptions {
  readonly clientId: string;
  readonly clientSecret?: string;
  /** Authority including the tenant (default `https://login.microsoftonline.com/common`). */
  readonly authority?: string;
  /** Graph root without the version (default `https://graph.microsoft.com`). */
  readonly graphBaseUrl?: string;
  readonly logger?: Logger;
  /** Per-request timeout of Graph and the token endpoint (adapter default: 30 s). */
  readonly timeoutMs?: number;
}

/** Outlook calendars (MICROSOFT_CALENDAR) and Teams meetings (MICROSOFT_TEAMS): one app registration. */
export function microsoftAdapters(options: MicrosoftAdapterOptions): ProviderAdapters {
  const graph = {
    ...(options.graphBaseUrl === undefined ? {} : { graphBaseUrl: options.graphBaseUrl }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  const flow = (provider: 'MICROSOFT_CALENDAR' | 'MICROSOFT_TEAMS') =>
    new MicrosoftOAuthFlow({
      clientId: options.clientId,
      provider,
      ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
      ...(options.authority === undefined ? {} : { authority: options.authority }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...graph,
    });
  return {
    MICROSOFT_CALENDAR: {
      oauth: flow('MICROSOFT_CALENDAR'),
      open: (context) => new MicrosoftCalendarProvider(context, graph),
    },
    MICROSOFT_TEAMS: {
      oauth: flow('MICROSOFT_TEAMS'),
      open: (context) => new TeamsMeetingProvider(context, graph),
    },
  };
}

export interface GoogleAdapterOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly endpoints?: GoogleOAuthEndpoints;
  /** Root of the Google APIs (default `https://www.googleapis.com/`). */
  readonly apiRoot?: string;
  readonly logger?: Logger;
  /** Per-request timeout of the Calendar API and the token endpoint (adapter default: 30 s). */
  readonly timeoutMs?: number;
}

/** Google Calendar (GOOGLE_CALENDAR). */
export function googleAdapters(options: GoogleAdapterOptions): ProviderAdapters {
  const oauth = new GoogleOAuthFlow({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    endpoints: options.endpoints ?? GOOGLE_OAUTH_ENDPOINTS,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const apiRoot = options.apiRoot ?? GOOGLE_API_ROOT;
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  return {
    GOOGLE_CALENDAR: {
      oauth,
      open: (context) => new GoogleCalendarProvider({ context, apiRoot, ...timeout }),
    },
  };
}

export interface ZoomAdapterOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Defaults: `https://zoom.us/oauth/{authorize,token,revoke}`. */
  readonly authorizeUrl?: string;
  readonly tokenUrl?: string;
  readonly revokeUrl?: string;
  /** API root including `/v2` (default `https://api.zoom.us/v2`). */
  readonly apiBaseUrl?: string;
  readonly logger?: Logger;
  /** Per-request timeout of the API and the token endpoint (adapter default: 30 s). */
  readonly timeoutMs?: number;
}

/** Zoom meetings (ZOOM) as a booking location. */
export function zoomAdapters(options: ZoomAdapterOptions): ProviderAdapters {
  const { logger, ...rest } = options;
  const oauth = new ZoomOAuthFlow({ ...rest, ...(logger === undefined ? {} : { logger }) });
  const api = {
    ...(options.apiBaseUrl === undefined ? {} : { apiBaseUrl: options.apiBaseUrl }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  return { ZOOM: { oauth, open: (context) => new ZoomMeetingProvider(context, api) } };
}

/** What `createGateway` hands a registry factory once its database and services exist. */
export interface ProviderRegistryDependencies {
  readonly database: DatabaseHandle;
  readonly keyring: Keyring;
  readonly state: StateService;
  /** The gateway's origin (`http://host:port`), known once it listens. */
  readonly publicUrl: () => string;
  readonly logger?: Logger;
  /** The organizations' Interop settings and how to reach Exchange: EXCHANGE connections probe through them. */
  readonly exchangeSettings: ExchangeSettingsStore;
  readonly exchange: ExchangeAnalyzerOptions;
  /** Client origins an OAuth flow may redirect or return to (OAUTH_REDIRECT_ORIGINS, OAUTH_RETURN_ORIGINS). */
  readonly clientOrigins?: OAuthClientOrigins;
}

export type ProviderRegistryFactory = (dependencies: ProviderRegistryDependencies) => ProviderRegistry;

/** Registry options a factory may set beyond what the gateway hands it (clock, retry, logger…). */
export type RegistryExtras = Partial<
  Omit<AdapterProviderRegistryOptions, 'db' | 'keyring' | 'state' | 'adapters'>
>;

export interface EmulatedProvidersOptions extends RegistryExtras {
  readonly microsoft?: MicrosoftEmulator;
  readonly google?: GoogleEmulator;
  readonly zoom?: ZoomEmulator;
}

/** The registry over `adapters`, with EXCHANGE through the organizations' Interop settings. */
function registryOver(
  dependencies: ProviderRegistryDependencies,
  adapters: ProviderAdapters,
  extra: RegistryExtras = {},
): AdapterProviderRegistry {
  const logger = extra.logger ?? dependencies.logger;
  return new AdapterProviderRegistry({
    publicUrl: dependencies.publicUrl,
    ...(dependencies.clientOrigins === undefined ? {} : { clientOrigins: dependencies.clientOrigins }),
    ...extra,
    ...(logger === undefined ? {} : { logger }),
    db: dependencies.database.db,
    keyring: dependencies.keyring,
    state: dependencies.state,
    adapters,
    exchange: { settings: dependencies.exchangeSettings, reach: dependencies.exchange },
  });
}

/**
 * The gateway's reach options with the environment's EWS timeout when they set none. A view, not a copy: reach
 * options may be read live (getters), so they stay the prototype.
 */
function boundedReach(reach: ExchangeAnalyzerOptions, timeoutMs: number): ExchangeAnalyzerOptions {
  if (reach.timeoutMs !== undefined) return reach;
  return Object.create(reach, {
    timeoutMs: { value: timeoutMs, enumerable: true },
  }) as ExchangeAnalyzerOptions;
}

/**
 * The production registry factory: the OAuth apps configured in the environment (GOOGLE_*, MICROSOFT_*,
 * ZOOM_*), and EXCHANGE through each organization's Interop settings. Providers without an app answer
 * PROVIDER_ERROR; probes cover the configured ones and EXCHANGE.
 */
export function configuredProviderRegistry(apps: ProviderApps): ProviderRegistryFactory {
  const timeouts = apps.timeouts ?? DEFAULT_PROVIDER_TIMEOUTS;
  return (dependencies) => {
    const { logger } = dependencies;
    const log = logger === undefined ? {} : { logger };
    const bounded = { ...log, timeoutMs: timeouts.requestMs };
    return registryOver(
      { ...dependencies, exchange: boundedReach(dependencies.exchange, timeouts.exchangeMs) },
      {
        ...(apps.google === undefined ? {} : googleAdapters({ ...apps.google, ...bounded })),
        ...(apps.microsoft === undefined ? {} : microsoftAdapters({ ...apps.microsoft, ...bounded })),
        ...(apps.zoom === undefined ? {} : zoomAdapters({ ...apps.zoom, ...bounded })),
      },
      { retry: { deadlineMs: timeouts.callDeadlineMs } },
    );
  };
}

export interface RunningEmulators {
  readonly microsoft?: MicrosoftEmulator | undefined;
  readonly google?: GoogleEmulator | undefined;
  readonly zoom?: ZoomEmulator | undefined;
}

/** Adapters pointed at running emulators (their client credentials and endpoints). */
export function emulatorAdapters(emulators: RunningEmulators, logger?: Logger): ProviderAdapters {
  const { microsoft, google, zoom } = emulators;
  const log = logger === undefined ? {} : { logger };
  return {
    ...(microsoft === undefined
      ? {}
      : microsoftAdapters({
          clientId: microsoft.clientId,
          clientSecret: microsoft.clientSecret,
          authority: microsoft.endpoints.authority,
          graphBaseUrl: microsoft.endpoints.graphBaseUrl,
          ...log,
        })),
    ...(google === undefined
      ? {}
      : googleAdapters({
          clientId: google.client.clientId,
          clientSecret: google.client.clientSecret,
          endpoints: google.endpoints,
          apiRoot: google.endpoints.apiRoot,
          ...log,
        })),
    ...(zoom === undefined
      ? {}
      : zoomAdapters({
          clientId: zoom.clientId,
          clientSecret: zoom.clientSecret,
          ...zoom.endpoints,
          ...log,
        })),
  };
}

/** A registry factory for `createGateway({ providers })` whose adapters talk to running emulators. */
export function createEmulatedProviderRegistry(options: EmulatedProvidersOptions): ProviderRegistryFactory {
  const { microsoft, google, zoom, ...rest } = options;
  return (dependencies) =>
    registryOver(
      dependencies,
      emulatorAdapters({ microsoft, google, zoom }, rest.logger ?? dependencies.logger),
      rest,
    );
}
