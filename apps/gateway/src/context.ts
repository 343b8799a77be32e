// What every resolver receives: who is asking, what they may read, and the services that change state.
import {
  type Actor,
  type DatabaseHandle,
  type ExchangeSettingsStore,
  liveApiKey,
  type ReadRepository,
  type ReadScope,
  type StateService,
  type UserRow,
} from '@tsunagi/db';
import type { Authenticator } from './auth/authenticate.js';
import type { Viewer } from './auth/token.js';
import type { SubscriptionLimits } from './env.js';
import { forbidden, gatewayError } from './errors.js';
import type { ClientGates } from './limits/client-gate.js';
import { createLoaders, type Loaders, primeUsers } from './loaders.js';
import type { GatewayNotifications } from './notifications/service.js';
import type { Logger } from './ops/logger.js';
import type { GatewayMetrics } from './ops/metrics.js';
import type { GatewayMailOutbox } from './outbox/service.js';
import type { ExchangeAnalyzerOptions } from './providers/exchange.js';
import type { ProviderRegistry } from './providers/registry.js';
import type { ReconnectLinks } from './reconnect/links.js';
import type { GatewayWebhooks } from './webhooks/service.js';

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
  /** How subscriptions replay the event log and share delivery per user. */
  readonly subscriptionLimits: SubscriptionLimits;
  readonly deliveryGates: ClientGates;
  /** Verifies bearer credentials (API keys, identity-provider and development tokens). */
  readonly authenticator: Authenticator;
  /** Outgoing webhook endpoints and their delivery log. */
  readonly webhooks: GatewayWebhooks;
  /** One-click reconnect links (`GET /reconnect/<token>`), issued for failure messages. */
  readonly reconnectLinks: ReconnectLinks;
  /** Notification settings, recent notifications and test messages. */
  readonly notifications: GatewayNotifications;
  /** The embedded gateway's local mail sink (`mailOutbox`, `/outbox`); null elsewhere. */
  readonly mailOutbox: GatewayMailOutbox | null;
}

export interface GatewayContext {
  /** What the token says; `viewer` is what the database makes of it. */
  readonly claims: Viewer;
  /** Re-read by long-lived subscriptions (`refreshViewer`): a demoted admin acts as a member from then on. */
  viewer: Viewer;
  /** What reads are confined to: the organization, and for a MEMBER their own things. */
  scope: ReadScope;
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
 * The viewer a token's claims make, as the database has them now. MEMBER and ADMIN tokens must name a user of
 * their organization (a token outliving its user is refused); SERVICE tokens name a service, not a user.
 */
async function currentViewer(
  services: GatewayServices,
  claims: Viewer,
): Promise<{ viewer: Viewer; user: UserRow | null }> {
  // A revoked key stops at once: every request, subscribe and event batch comes through here.
  if (
    claims.apiKeyId !== undefined &&
    (await liveApiKey(services.database.db, claims.organizationId, claims.apiKeyId)) === null
  ) {
    throw gatewayError('UNAUTHENTICATED', 'The API key has been revoked', { http: true });
  }
  if (claims.role === 'SERVICE') {
    if ((await services.reads.organization(claims.organizationId)) === null) {
      throw gatewayError('UNAUTHENTICATED', 'The token names no organization', { http: true });
    }
    return { viewer: claims, user: null };
  }
  const [user = null] = await services.reads.usersByIds({ organizationId: claims.organizationId }, [
    claims.userId,
  ]);
  if (user === null) {
    throw gatewayError('UNAUTHENTICATED', 'The token names no user of its organization', { http: true });
  }
  // The database decides who is an admin: an ADMIN token for a member acts as a member.
  const viewer: Viewer =
    claims.role === 'ADMIN' && user.role !== 'ADMIN' ? { ...claims, role: 'MEMBER' } : claims;
  return { viewer, user };
}

/** Builds a context for a verified token's claims (see `currentViewer` for what is refused). */
export async function createContext(
  services: GatewayServices,
  claims: Viewer,
  requestId: string,
  log: Logger,
): Promise<GatewayContext> {
  const { viewer, user } = await currentViewer(services, claims);
  const scope = scopeFor(viewer);
  const loaders = createLoaders(services.reads, scope);
  // Settled too, or every relation naming the viewer would wait on the loader (most pages' owner, on a list).
  if (user !== null) primeUsers(loaders, [user]);
  return { claims, viewer, scope, loaders, services, requestId, log };
}

/**
 * Re-reads the viewer of a long-lived operation and re-scopes its context (fresh loaders included): throws
 * UNAUTHENTICATED when the user is gone, and a demoted admin reads as a member from here on.
 */
export async function refreshViewer(context: GatewayContext): Promise<void> {
  const { viewer } = await currentViewer(context.services, context.claims);
  context.viewer = viewer;
  context.scope = scopeFor(viewer);
  refreshLoaders(context);
}

export function refreshLoaders(context: GatewayContext): void {
  context.loaders = createLoaders(context.services.reads, context.scope);
}

/** The service actor for a mutation; SERVICE tokens only read and subscribe (directory sync, their one write, maps
 * them to a system actor itself: src/directory/resolvers.ts). */
export function actorOf(context: GatewayContext): Actor {
  const { viewer } = context;
  if (viewer.role === 'SERVICE') throw forbidden('Service tokens cannot change anything');
  return { organizationId: viewer.organizationId, role: viewer.role, userId: viewer.userId };
}

export function requireAdminOrService(context: GatewayContext, what: string): void {
  if (context.viewer.role === 'MEMBER') throw forbidden(`${what} is for admins and service tokens`);
}
