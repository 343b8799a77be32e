// Directory sync over GraphQL: check the request's size, call the one service, revoke the unlinked
// connections' grants after the commit. Row-level refusals come back in the payload, not as GraphQL errors.
import {
  type Actor,
  type DirectoryPage,
  type DirectorySyncInput,
  type DirectoryUser,
  INPUT_LIMITS,
  systemActor,
} from '@tsunagi/db';
import type { DirectoryPageInput, DirectoryUserInput, Resolvers } from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../context.js';
import { refreshLoaders } from '../context.js';
import { forbidden, unwrap } from '../errors.js';
import { catalogLocale } from '../locale.js';
import { checkCount } from '../validation.js';

const MAX_ROWS = INPUT_LIMITS.directoryRowsPerList;

/** ADMIN acts as themselves; a SERVICE credential as its organization's system actor; members may not. */
function directoryActor(context: GatewayContext): Actor {
  const { viewer } = context;
  if (viewer.role === 'SERVICE') return systemActor(viewer.organizationId);
  if (viewer.role === 'ADMIN')
    return { organizationId: viewer.organizationId, role: 'ADMIN', userId: viewer.userId };
  throw forbidden('Directory sync is for admins and service tokens');
}

function directoryUser(row: DirectoryUserInput): DirectoryUser {
  return {
    externalId: row.externalId,
    name: row.name,
    email: row.email,
    ...(row.role == null ? {} : { role: row.role }),
    // Omitted keeps the person's locale; an explicit null clears it.
    ...(row.locale === undefined ? {} : { locale: row.locale === null ? null : catalogLocale(row.locale) }),
  };
}

function directoryPage(row: DirectoryPageInput): DirectoryPage {
  return {
    externalId: row.externalId,
    title: row.title,
    ownerExternalId: row.ownerExternalId,
    ...(row.slug == null ? {} : { slug: row.slug }),
    ...(row.memberExternalIds == null ? {} : { memberExternalIds: [...row.memberExternalIds] }),
    ...(row.mode == null ? {} : { mode: row.mode }),
    ...(row.roundRobin == null ? {} : { roundRobin: row.roundRobin }),
    ...(row.enabled == null ? {} : { enabled: row.enabled }),
    ...(row.locations == null
      ? {}
      : {
          locations: row.locations.map((location) => ({
            type: location.type,
            ...(location.label == null ? {} : { label: location.label }),
            value: location.value ?? null,
          })),
        }),
  };
}

export const directoryResolvers: Resolvers = {
  Mutation: {
    syncDirectory: async (_parent, { input }, context) => {
      const actor = directoryActor(context);
      const lists: Record<string, readonly unknown[] | null | undefined> = {
        users: input.users,
        pages: input.pages,
        deleteUsers: input.deleteUsers,
        deletePages: input.deletePages,
      };
      for (const [field, list] of Object.entries(lists)) if (list != null) checkCount(list, field, MAX_ROWS);
      const request: DirectorySyncInput = {
        mode: input.mode,
        ...(input.users == null ? {} : { users: input.users.map(directoryUser) }),
        ...(input.pages == null ? {} : { pages: input.pages.map(directoryPage) }),
        ...(input.deleteUsers == null ? {} : { deleteUsers: [...input.deleteUsers] }),
        ...(input.deletePages == null ? {} : { deletePages: [...input.deletePages] }),
        ...(input.dryRun == null ? {} : { dryRun: input.dryRun }),
      };
      const result = unwrap(await context.services.state.syncDirectory(actor, request));
      refreshLoaders(context);
      const unlinked = result.unlinkedConnections;
      if (unlinked.length > 0) {
        context.log.info({ unlinkedConnections: unlinked.length }, 'directory sync unlinked connections');
        // Best effort, after the commit: the removal stands whatever the providers answer (logged per grant).
        await context.services.providers.revokeGrants?.(unlinked);
      }
      return {
        applied: result.applied,
        dryRun: result.dryRun,
        errors: result.errors,
        counts: result.counts,
        users: result.users,
        pages: result.pages,
        unlinkedConnectionIds: unlinked.map((connection) => connection.connectionId),
      };
    },
  },
};
