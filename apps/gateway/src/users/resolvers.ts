import { INPUT_LIMITS, MAX_PAGE_SIZE } from '@tsunagi/db';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { requireAdminOrService } from '../context.js';
import { forbidden, gatewayError, unwrap } from '../errors.js';
import { primeUsers } from '../loaders.js';
import { LOCALE_OF_CATALOG } from '../locale.js';
import { checkFirst, checkText, MAX_CURSOR_LENGTH } from '../validation.js';

export const userResolvers: Resolvers = {
  Query: {
    viewer: async (_parent, _args, context) => {
      if (context.viewer.role === 'SERVICE') throw forbidden('Service tokens name no user');
      const user = await context.loaders.user.load(context.viewer.userId);
      if (user === null) throw gatewayError('UNAUTHENTICATED', 'The token names no user of its organization');
      return user;
    },
    users: async (_parent, { first, after, filter }, context) => {
      requireAdminOrService(context, 'The user list');
      const list = unwrap(
        await context.services.reads.listUsers(context.scope, {
          first: checkFirst(first, MAX_PAGE_SIZE),
          after: checkText(after ?? null, 'after', MAX_CURSOR_LENGTH),
          filter: {
            ...(filter?.role == null ? {} : { roles: [...new Set(filter.role)] }),
            ...(filter?.search == null
              ? {}
              : { search: checkText(filter.search, 'filter.search', INPUT_LIMITS.emailLength) }),
          },
        }),
      );
      primeUsers(
        context.loaders,
        list.edges.map(({ node }) => node),
      );
      return list;
    },
  },
  User: {
    locale: (user) => (user.locale === null ? null : LOCALE_OF_CATALOG[user.locale]),
    connections: async (user, { kind }, context) => {
      const connections = await context.loaders.connectionsByUser.load(user.id);
      return kind === null || kind === undefined
        ? connections
        : connections.filter((row) => row.kind === kind);
    },
  },
};
