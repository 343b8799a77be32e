import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { apiKeyResolvers } from '../auth/index.js';
import { connectionResolvers } from '../connections/resolvers.js';
import { directoryResolvers } from '../directory/resolvers.js';
import { eventResolvers } from '../events/resolvers.js';
import { exchangeLiveResolvers } from '../exchange/live-test.js';
import { exchangeResolvers } from '../exchange/resolvers.js';
import { healthResolvers } from '../health/resolvers.js';
import { impactResolvers } from '../impact/resolvers.js';
import { notificationResolvers } from '../notifications/resolvers.js';
import { outboxResolvers } from '../outbox/resolvers.js';
import { pageResolvers } from '../pages/resolvers.js';
import { userResolvers } from '../users/resolvers.js';
import { webhookResolvers } from '../webhooks/resolvers.js';
import { DateTime, JSONScalar } from './scalars.js';
import { loadTypeDefs } from './type-defs.js';

const scalarResolvers = { DateTime, JSON: JSONScalar };

const moduleResolvers: Resolvers[] = [
  userResolvers,
  connectionResolvers,
  pageResolvers,
  eventResolvers,
  exchangeResolvers,
  exchangeLiveResolvers,
  apiKeyResolvers,
  directoryResolvers,
  webhookResolvers,
  notificationResolvers,
  outboxResolvers,
  impactResolvers,
  healthResolvers,
];

/** The executable schema: every module's SDL with its resolvers. */
export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [scalarResolvers, ...moduleResolvers],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
