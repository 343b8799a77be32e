// What every resolver receives: who is asking, what they may read, and the services that change state.
import type {
  Actor,
  DatabaseHandle,
  ExchangeSettingsStore,
  ReadRepository,
  ReadScope,
  StateService,
  UserRow,
} from '@tsunagi/db';
import type { Viewer } from './auth/token.js';
import { forbidden, gatewayError } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Logger } from './ops/logger.js';
import type { GatewayMetrics } from './ops/metrics.js';
import type { ExchangeAnalyzerOptions } from './providers/exchange.js';
import type { ProviderRegistry } from './providers/registry.js';

export type { ExchangeAnalyzerOptions } from './providers/exchange.js';

/** Built once per gateway; shared by every request. */
export interface GatewayServices {
  readonly database: DatabaseHandle;
  readonly reads: ReadRepository;
  readonly state: StateService;
  readonly providers: ProviderRegistry;
  readonly metrics: GatewayMetrics;
  /** The organization's Exchange (Calendar Interop) settings, secret sealed. */
  readonly exchangeSettings: ExchangeSettingsStore;
  /** How the Exchange connection analyzer reaches servers (trust store, resolver, timeout). */
  readonly exchange: ExchangeAnalyzerOptions;
  /** Subscriptions end when it aborts (shutdown). */
  readonly shutdownSignal: AbortSignal;
}

export interface GatewayContext {
  readonly viewer: Viewer;
  /** What reads are confined to: the organization, and for a MEMBER their own things. */
  readonly scope: ReadScope;
  /** Replaced for every subscription event, so long-lived subscriptions never serve stale rows. */
  loaders: Loaders;
  readonly services: GatewayServices;
  readonly requestId: string;
  readonly log: Logger;
}

export function scopeFor(viewer: Viewer): ReadScope {
  return viewer.role === 'MEMBER'
    ? { organizationId: viewer.organizationId, viewerId: viewer.userId }
    : { organizationId: viewer.organizationId };
}

/**
 * Builds a context for a verified viewer. MEMBER and ADMIN tokens must name a user of their organization
 * (a token outliving its user is refused); SERVICE tokens name a service, not a user.
 */
export async function createContext(
  services: GatewayServices,
  viewer: Viewer,
  requestId: string,
  log: Logger,
): Promise<GatewayContext> {
  let effective = viewer;
  let user: UserRow | null = null;
  if (viewer.role === 'SERVICE') {
    if ((await services.reads.organization(viewer.organizationId)) === null) {
      throw gatewayError('UNAUTHENTICATED', 'The token names no organization', { http: true });
    }
  } else {
    [user = null] = await services.reads.usersByIds({ organizationId: viewer.organizationId }, [
      viewer.userId,
    ]);
    if (user === null) {
      throw gatewayError('UNAUTHENTICATED', 'The token names no user of its organization', { http: true });
    }
    // The database decides who is an admin: an ADMIN token for a member acts as a member.
    if (viewer.role === 'ADMIN' && user.role !== 'ADMIN') effective = { ...viewer, role: 'MEMBER' };
  }
  const scope = scopeFor(effective);
  const loaders = createLoaders(services.reads, scope);
  if (user !== null) loaders.user.prime(user.id, user);
  return { viewer: effective, scope, loaders, services, requestId, log };
}

export function refreshLoaders(context: GatewayContext): void {
  context.loaders = createLoaders(context.services.reads, context.scope);
}

/** The service actor for a mutation; SERVICE tokens only read and subscribe. */
export function actorOf(context: GatewayContext): Actor {
  const { viewer } = context;
  if (viewer.role === 'SERVICE') throw forbidden('Service tokens cannot change anything');
  return { organizationId: viewer.organizationId, role: viewer.role, userId: viewer.userId };
}

export function requireAdminOrService(context: GatewayContext, what: string): void {
  if (context.viewer.role === 'MEMBER') throw forbidden(`${what} is for admins and service tokens`);
}
