// Outgoing webhooks over GraphQL, for admins: endpoints (the secret once), the delivery log, redelivery and
// test messages. Every call is confined to the caller's organization by the store.
import { EVENT_TYPES } from '@tsunagi/db';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../context.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { checkFirst, checkId, checkText } from '../validation.js';

const MAX_DESCRIPTION_LENGTH = 500;
const MAX_URL_LENGTH = 2000;
const MAX_LOG_PAGE = 100;
const MAX_OVERLAP_HOURS = 168;

function requireAdmin(context: GatewayContext, what: string): string {
  if (context.viewer.role !== 'ADMIN') throw forbidden(`${what} is for admins`);
  return context.viewer.organizationId;
}

async function checkedUrl(context: GatewayContext, value: string): Promise<string> {
  const url = checkText(value.trim(), 'input.url', MAX_URL_LENGTH);
  const checked = await context.services.webhooks.checkUrl(url);
  if (!checked.ok) throw badInput(`input.url ${checked.problem}`, 'input.url');
  return url;
}

const checkDescription = (value: string) =>
  checkText(value.trim(), 'input.description', MAX_DESCRIPTION_LENGTH);

/** Each type once, in the log's own order. */
const eventTypesOf = (values: readonly string[]) => EVENT_TYPES.filter((type) => values.includes(type));

function parseLogCursor(value: string | null | undefined): number | null {
  if (value == null) return null;
  if (!/^[1-9][0-9]{0,14}$/.test(value)) throw badInput('after is not a delivery log cursor', 'after');
  return Number(value);
}

export const webhookResolvers: Resolvers = {
  Query: {
    webhookEndpoints: (_parent, _args, context) =>
      context.services.webhooks.store.list(requireAdmin(context, 'Listing webhook endpoints')),
    webhookDeliveries: async (_parent, { endpointId, first, after, status }, context) => {
      const organizationId = requireAdmin(context, 'Reading webhook deliveries');
      const id = checkId(endpointId, 'endpointId');
      const page = {
        first: checkFirst(first ?? 20, MAX_LOG_PAGE),
        after: parseLogCursor(after),
        status: status ?? null,
      };
      const { store } = context.services.webhooks;
      if ((await store.get(organizationId, id)) === null) throw notFound('Webhook endpoint');
      return store.deliveries(organizationId, id, page);
    },
  },
  Mutation: {
    createWebhookEndpoint: async (_parent, { input }, context) => {
      const organizationId = requireAdmin(context, 'Creating webhook endpoints');
      const description = checkDescription(input.description ?? '');
      const url = await checkedUrl(context, input.url);
      const created = await context.services.webhooks.store.create(organizationId, {
        url,
        description,
        eventTypes: eventTypesOf(input.eventTypes ?? []),
      });
      context.log.info({ endpointId: created.endpoint.id }, 'webhook endpoint created');
      return created;
    },
    updateWebhookEndpoint: async (_parent, { id, input }, context) => {
      const organizationId = requireAdmin(context, 'Changing webhook endpoints');
      const endpointId = checkId(id, 'id');
      const description = input.description == null ? undefined : checkDescription(input.description);
      const url = input.url == null ? undefined : await checkedUrl(context, input.url);
      const updated = await context.services.webhooks.store.update(organizationId, endpointId, {
        ...(url === undefined ? {} : { url }),
        ...(description === undefined ? {} : { description }),
        ...(input.eventTypes == null ? {} : { eventTypes: eventTypesOf(input.eventTypes) }),
        ...(input.enabled == null ? {} : { enabled: input.enabled }),
      });
      if (updated === null) throw notFound('Webhook endpoint');
      if (updated.enabled) context.services.webhooks.poke();
      context.log.info({ endpointId, enabled: updated.enabled }, 'webhook endpoint updated');
      return updated;
    },
    rotateWebhookSecret: async (_parent, { id, overlapHours }, context) => {
      const organizationId = requireAdmin(context, 'Rotating webhook secrets');
      const endpointId = checkId(id, 'id');
      const hours = overlapHours ?? 24;
      if (!Number.isInteger(hours) || hours < 0 || hours > MAX_OVERLAP_HOURS) {
        throw badInput(`overlapHours must be 0 to ${MAX_OVERLAP_HOURS}`, 'overlapHours');
      }
      const rotated = await context.services.webhooks.store.rotateSecret(
        organizationId,
        endpointId,
        hours * 3_600_000,
      );
      if (rotated === null) throw notFound('Webhook endpoint');
      context.log.info({ endpointId, overlapHours: hours }, 'webhook secret rotated');
      return rotated;
    },
    deleteWebhookEndpoint: async (_parent, { id }, context) => {
      const organizationId = requireAdmin(context, 'Deleting webhook endpoints');
      const endpointId = checkId(id, 'id');
      if (!(await context.services.webhooks.store.delete(organizationId, endpointId))) {
        throw notFound('Webhook endpoint');
      }
      context.log.info({ endpointId }, 'webhook endpoint deleted');
      return endpointId;
    },
    redeliverWebhook: async (_parent, { deliveryId }, context) => {
      const organizationId = requireAdmin(context, 'Redelivering webhooks');
      const delivery = await context.services.webhooks.store.redeliver(
        organizationId,
        checkId(deliveryId, 'deliveryId'),
      );
      if (delivery === null) throw notFound('Webhook delivery');
      context.services.webhooks.poke();
      return delivery;
    },
    sendTestWebhook: async (_parent, { endpointId }, context) => {
      const organizationId = requireAdmin(context, 'Sending test webhooks');
      const delivery = await context.services.webhooks.store.sendTest(
        organizationId,
        checkId(endpointId, 'endpointId'),
      );
      if (delivery === null) throw notFound('Webhook endpoint');
      context.services.webhooks.poke();
      return delivery;
    },
  },
  WebhookEndpoint: {
    eventTypes: (endpoint) => eventTypesOf(endpoint.eventTypes),
  },
  WebhookDelivery: {
    eventCursor: (delivery) => (delivery.eventId === null ? null : String(delivery.eventId)),
    nextAttemptAt: (delivery) => (delivery.status === 'PENDING' ? delivery.nextAttemptAt : null),
  },
  WebhookDeliveryEdge: {
    cursor: (line) => String(line.seq),
    node: (line) => line,
  },
  WebhookDeliveryConnection: {
    edges: (page) => page.lines,
    pageInfo: (page) => ({
      hasNextPage: page.hasNextPage,
      endCursor: page.lines.length === 0 ? null : String(page.lines.at(-1)?.seq),
    }),
  },
};
