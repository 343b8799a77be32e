import type { Resolvers } from '../__generated__/resolvers-types.js';
import { forbidden, gatewayError } from '../errors.js';

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
    connections: async (user, { kind }, context) => {
      const connections = await context.loaders.connectionsByUser.load(user.id);
      return kind === null || kind === undefined
        ? connections
        : connections.filter((row) => row.kind === kind);
    },
  },
};
