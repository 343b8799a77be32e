import { CONNECTION_KIND, type IntegrationRow } from '@tsunagi/booking-rules';
import {
  type ConnectionRow,
  INPUT_LIMITS,
  isEmailAddress,
  MAX_PAGE_SIZE,
  type StoredConnectionError,
} from '@tsunagi/db';
import { describeError, isErrorCode, isSubReason, outcomeForCode } from '@tsunagi/errors';
import type { ConnectionStatus, Locale, Resolvers } from '../__generated__/resolvers-types.js';
import { actorOf, type GatewayContext, refreshLoaders, requireAdminOrService } from '../context.js';
import { badInput, forbidden, gatewayError, notFound, unwrap } from '../errors.js';
import { primeConnections } from '../loaders.js';
import { catalogLocale } from '../locale.js';
import type { ProviderResult } from '../providers/registry.js';
import { resolveUserId } from '../references/index.js';
import { referencedUser } from '../relations.js';
import { checkFirst, checkId, checkText, MAX_CURSOR_LENGTH } from '../validation.js';

const INTEGRATION_STATUS: Readonly<Record<IntegrationRow['state'], ConnectionStatus>> = {
  CONNECTED: 'CONNECTED',
  CONNECTION_ERROR: 'ERROR',
  NOT_CONNECTED: 'DISCONNECTED',
};

const MAX_URI_LENGTH = INPUT_LIMITS.urlLength;
const MAX_OAUTH_PARAMETER_LENGTH = 2048;

/** A connection the viewer may see, or NOT_FOUND (other tenants' ids look exactly like unknown ones). */
export async function visibleConnection(
  context: GatewayContext,
  id: string,
  field: string,
): Promise<ConnectionRow> {
  const connection = await context.loaders.connection.load(checkId(id, field));
  if (connection === null) throw notFound('Connection');
  return connection;
}

function providerValue<T>(result: ProviderResult<T>): T {
  if (result.ok) return result.value;
  const { code, message, provider, reason } = result.error;
  throw gatewayError(code, message, {
    extensions: {
      ...(provider === undefined ? {} : { provider }),
      ...(reason === undefined ? {} : { reason }),
    },
  });
}

/** Reloads a connection after a change, past any row this request had cached. */
async function freshConnection(context: GatewayContext, id: string): Promise<ConnectionRow> {
  refreshLoaders(context);
  return visibleConnection(context, id, 'connectionId');
}

export const connectionResolvers: Resolvers = {
  Query: {
    integrations: async (_parent, { tab, userId }, context) => {
      const { viewer } = context;
      let subject: string;
      if (userId === null || userId === undefined) {
        if (viewer.role === 'SERVICE')
          throw gatewayError('BAD_USER_INPUT', 'Service tokens must pass userId');
        subject = viewer.userId;
      } else {
        subject = await resolveUserId(context, userId, 'userId');
        if (viewer.role === 'MEMBER' && subject !== viewer.userId) {
          throw forbidden('Members see only their own integrations');
        }
        if ((await context.loaders.user.load(subject)) === null) throw notFound('User');
      }
      const [integrations = []] = await context.services.reads.integrationsByUserIds(
        context.scope,
        [subject],
        tab,
      );
      return integrations.map((integration) => {
        primeConnections(context.loaders, integration.connections);
        return {
          provider: integration.provider,
          kind: CONNECTION_KIND[integration.provider],
          status: INTEGRATION_STATUS[integration.state],
          accounts: integration.connections,
        };
      });
    },
    connection: (_parent, { id }, context) => visibleConnection(context, id, 'id'),
    connections: async (_parent, { first, after, filter }, context) => {
      requireAdminOrService(context, 'The connection list');
      let userId: string | null = null;
      if (filter?.userId != null) {
        // A filter naming nobody is a mistake to report, not an empty list.
        userId = await resolveUserId(context, filter.userId, 'filter.userId');
        if ((await context.loaders.user.load(userId)) === null) throw notFound('User');
      }
      const list = unwrap(
        await context.services.reads.listConnections(context.scope, {
          first: checkFirst(first, MAX_PAGE_SIZE),
          after: checkText(after ?? null, 'after', MAX_CURSOR_LENGTH),
          filter: {
            ...(filter?.status == null ? {} : { statuses: [...new Set(filter.status)] }),
            ...(filter?.health == null ? {} : { healths: [...new Set(filter.health)] }),
            ...(filter?.provider == null ? {} : { providers: [...new Set(filter.provider)] }),
            ...(userId === null ? {} : { userId }),
          },
        }),
      );
      primeConnections(
        context.loaders,
        list.edges.map(({ node }) => node),
      );
      return list;
    },
    connectionAlerts: async (_parent, _args, context) => {
      const counts = await context.services.reads.alertCounts(context.scope);
      return {
        erroredConnections: counts.erroredConnections,
        disabledBookingPages: counts.disabledPages,
        atRiskConnections: counts.atRiskConnections,
        earliestBreaksAt: counts.earliestBreaksAt,
      };
    },
  },
  Mutation: {
    connectAccount: async (_parent, { provider, redirectUri, returnUrl }, context) => {
      const actor = actorOf(context);
      return providerValue(
        await context.services.providers.startAuthorization({
          organizationId: actor.organizationId,
          userId: context.viewer.userId,
          provider,
          connectionId: null,
          redirectUri: checkText(redirectUri ?? null, 'redirectUri', MAX_URI_LENGTH),
          startedBy: context.viewer.userId,
          returnUrl: checkText(returnUrl ?? null, 'returnUrl', MAX_URI_LENGTH),
        }),
      );
    },
    connectExchangeCalendar: async (_parent, { mailbox, userId }, context) => {
      const actor = actorOf(context);
      const { viewer } = context;
      const subject =
        userId === null || userId === undefined
          ? viewer.userId
          : await resolveUserId(context, userId, 'userId');
      if (subject !== viewer.userId) {
        if (viewer.role !== 'ADMIN') throw forbidden('Members link only their own calendars');
        if ((await context.loaders.user.load(subject)) === null) throw notFound('User');
      }
      const address = checkText(mailbox?.trim() || null, 'mailbox', INPUT_LIMITS.emailLength);
      if (address !== null && !isEmailAddress(address)) {
        throw badInput('mailbox is not an email address', 'mailbox');
      }
      const registry = context.services.providers;
      if (registry.connectExchange === undefined) {
        throw gatewayError('PROVIDER_ERROR', 'No Exchange access is configured', {
          extensions: { provider: 'EXCHANGE' },
        });
      }
      const { connectionId } = providerValue(
        await registry.connectExchange({
          organizationId: actor.organizationId,
          userId: subject,
          mailbox: address,
        }),
      );
      return freshConnection(context, connectionId);
    },
    startReconnect: async (_parent, { connectionId, redirectUri, returnUrl }, context) => {
      const actor = actorOf(context);
      const connection = await visibleConnection(context, connectionId, 'connectionId');
      return providerValue(
        await context.services.providers.startAuthorization({
          organizationId: actor.organizationId,
          userId: connection.userId,
          provider: connection.provider,
          connectionId: connection.id,
          redirectUri: checkText(redirectUri ?? null, 'redirectUri', MAX_URI_LENGTH),
          startedBy: context.viewer.userId,
          returnUrl: checkText(returnUrl ?? null, 'returnUrl', MAX_URI_LENGTH),
        }),
      );
    },
    completeAuthorization: async (_parent, { state, code }, context) => {
      const actor = actorOf(context);
      const { connectionId } = providerValue(
        await context.services.providers.completeAuthorization({
          organizationId: actor.organizationId,
          userId: context.viewer.userId,
          state: checkText(state, 'state', MAX_OAUTH_PARAMETER_LENGTH),
          code: checkText(code, 'code', MAX_OAUTH_PARAMETER_LENGTH),
        }),
      );
      return freshConnection(context, connectionId);
    },
    unlinkConnection: async (_parent, { connectionId }, context) => {
      const actor = actorOf(context);
      const id = checkId(connectionId, 'connectionId');
      const revoke =
        (await context.services.providers.prepareRevocation?.({
          organizationId: actor.organizationId,
          connectionId: id,
        })) ?? null;
      const change = unwrap(await context.services.state.unlinkConnection(actor, id));
      refreshLoaders(context);
      // Best effort, after the commit: the unlink stands whatever the provider answers (logged either way).
      await revoke?.();
      return change.connection;
    },
    checkConnection: async (_parent, { connectionId }, context) => {
      const actor = actorOf(context);
      const connection = await visibleConnection(context, connectionId, 'connectionId');
      providerValue(
        await context.services.providers.checkConnection({
          organizationId: actor.organizationId,
          connectionId: connection.id,
          provider: connection.provider,
        }),
      );
      return freshConnection(context, connection.id);
    },
  },
  Connection: {
    user: (connection, _args, context) => referencedUser(context, connection.userId),
    affectedBookingPages: async (connection, _args, context) => {
      const pages = await context.loaders.pagesByConnection.load(connection.id);
      return pages.filter((page) =>
        page.reasons.some((reason) => reason.connectionIds.includes(connection.id)),
      );
    },
  },
  AuthorizationSession: {
    connection: (session, _args, context) =>
      session.connectionId === null ? null : context.loaders.connection.load(session.connectionId),
  },
  ProviderError: {
    // Stored errors outlive vocabulary changes: a code no longer known reads as UNKNOWN, with its action.
    code: (error) => codeOf(error),
    action: (error) => outcomeForCode(codeOf(error)).action,
    subReason: (error) => (isSubReason(error.subReason) ? error.subReason : null),
    occurredAt: (error) => new Date(error.occurredAt),
    title: (error, { locale }) => describe(error, locale).title,
    remediation: (error, { locale }) => describe(error, locale).remediation,
  },
};

/** Localized text through @tsunagi/errors (specific to the sub-reason when there is one); a code it does not know reads as UNKNOWN. */
function describe(error: StoredConnectionError, locale: Locale | null | undefined) {
  return describeError(codeOf(error), catalogLocale(locale), {
    ...(error.provider === null ? {} : { provider: error.provider }),
    ...(error.subReason === null || error.subReason === undefined ? {} : { subReason: error.subReason }),
  });
}

function codeOf(error: StoredConnectionError) {
  return isErrorCode(error.code) ? error.code : 'UNKNOWN';
}
