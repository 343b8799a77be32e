// API keys over GraphQL, for admins: create (the secret once), list (never a secret), revoke.
import { createApiKey, listApiKeys, revokeApiKey } from '@tsunagi/db';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../context.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { resolveUserId } from '../references/index.js';
import { checkId, checkText } from '../validation.js';

const MAX_NAME_LENGTH = 100;

function requireAdmin(context: GatewayContext, what: string): string {
  if (context.viewer.role !== 'ADMIN') throw forbidden(`${what} is for admins`);
  return context.viewer.organizationId;
}

export const apiKeyResolvers: Resolvers = {
  Query: {
    apiKeys: async (_parent, _args, context) =>
      listApiKeys(context.services.database.db, requireAdmin(context, 'Listing API keys')),
  },
  Mutation: {
    createApiKey: async (_parent, args, context) => {
      const organizationId = requireAdmin(context, 'Creating API keys');
      const name = checkText(args.name.trim(), 'name', MAX_NAME_LENGTH);
      if (name.length === 0) throw badInput('name is empty', 'name');
      let userId: string | null = null;
      if (args.role === 'SERVICE') {
        if (args.userId != null) throw badInput('A SERVICE key names no user', 'userId');
      } else {
        userId =
          args.userId == null ? context.viewer.userId : await resolveUserId(context, args.userId, 'userId');
        const user = await context.loaders.user.load(userId);
        if (user === null) throw notFound('User');
        if (args.role === 'ADMIN' && user.role !== 'ADMIN') {
          throw badInput('An ADMIN key must act as an admin', 'userId');
        }
      }
      const { key, secret } = await createApiKey(context.services.database.db, {
        organizationId,
        name,
        role: args.role,
        userId,
      });
      context.log.info({ apiKeyId: key.id, role: key.role }, 'API key created');
      return { key: secret, apiKey: key };
    },
    revokeApiKey: async (_parent, args, context) => {
      const organizationId = requireAdmin(context, 'Revoking API keys');
      const key = await revokeApiKey(context.services.database.db, organizationId, checkId(args.id, 'id'));
      if (key === null) throw notFound('API key');
      context.log.info({ apiKeyId: key.id }, 'API key revoked');
      return key;
    },
  },
};
