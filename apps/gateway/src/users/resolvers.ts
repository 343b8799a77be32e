import type { Resolvers } from '../__generated__/resolvers-types.js';
import { forbidden, gatewayError } from '../errors.js';
import { LOCALE_OF_CATALOG } from '../locale.js';

export const userResolvers: Resolvers = {
  Query: {
    viewer: async (_parent, _args, context) => {
      if (context.viewer.role === 'SERVICE') throw forbidden('Service tokens name no user');
      const user = await context.loaders.user.load(context.viewer.userId);
      if (user === null) throw gatewayError('UNAUTHENTICATED', 'The token names no user of its organization');
      return user;
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
