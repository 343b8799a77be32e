import type { EventPayloads, EventSnapshots, EventType, TsunagiEvent } from '@tsunagi/db';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { type GatewayContext, requireAdminOrService } from '../context.js';
import { eventLogFailure, forbidden, notFound } from '../errors.js';
import { resolvePageId, resolveUserId } from '../references/index.js';
import { optionalUser } from '../relations.js';
import { checkFirst, parseEventCursor } from '../validation.js';
import { delivered, eventStream } from './stream.js';

const MAX_EVENTS_PER_PAGE = 500;

const cursorOf = (event: TsunagiEvent) => String(event.id);

function payloadOf<K extends EventType>(event: TsunagiEvent, type: K): EventPayloads[K] & EventSnapshots {
  if (event.type !== type) throw new Error(`Event ${event.id} is ${event.type}, not ${type}`);
  return event.payload as EventPayloads[K] & EventSnapshots;
}

function relatedConnection(event: TsunagiEvent, context: GatewayContext) {
  return event.connectionId === null ? null : context.loaders.connection.load(event.connectionId);
}

function relatedPage(event: TsunagiEvent, context: GatewayContext) {
  return event.bookingPageId === null ? null : context.loaders.page.load(event.bookingPageId);
}

async function required<T>(value: Promise<T | null> | T | null, what: string): Promise<T> {
  const resolved = await value;
  if (resolved === null) throw notFound(what);
  return resolved;
}

export const eventResolvers: Resolvers = {
  Query: {
    events: async (_parent, { after, first }, context) => {
      requireAdminOrService(context, 'The event log');
      const limit = checkFirst(first, MAX_EVENTS_PER_PAGE);
      const events = await context.services.reads
        .eventsAfter(context.scope, parseEventCursor(after) ?? 0, limit + 1)
        .catch((error: unknown) => {
          throw eventLogFailure(error);
        });
      return { events: events.slice(0, limit), hasNextPage: events.length > limit };
    },
  },
  EventConnection: {
    edges: (page) => page.events,
    pageInfo: (page) => ({
      hasNextPage: page.hasNextPage,
      endCursor: page.events.at(-1)?.id.toString() ?? null,
    }),
  },
  EventEdge: {
    cursor: cursorOf,
    node: (event) => event,
  },
  Event: {
    id: cursorOf,
    cursor: cursorOf,
    occurredAt: (event) => event.createdAt,
    connection: (event, _args, context) => relatedConnection(event, context),
    page: (event, _args, context) => relatedPage(event, context),
    connectionState: (event) => event.payload.connectionState ?? null,
    pageState: (event) => event.payload.pageState ?? null,
    user: (event, _args, context) => optionalUser(context, event.userId),
    payload: (event) => event.payload,
  },
  ConnectionStatusEvent: {
    cursor: cursorOf,
    occurredAt: (event) => event.createdAt,
    connection: (event, _args, context) => required(relatedConnection(event, context), 'Connection'),
    previousStatus: (event) => payloadOf(event, 'CONNECTION_STATUS_CHANGED').from,
    status: (event) => payloadOf(event, 'CONNECTION_STATUS_CHANGED').to,
    health: (event) => payloadOf(event, 'CONNECTION_STATUS_CHANGED').health,
    // Events recorded before snapshots carry no error; null then, never today's error.
    lastError: (event) => payloadOf(event, 'CONNECTION_STATUS_CHANGED').connectionState?.lastError ?? null,
  },
  BookingPageStateEvent: {
    cursor: cursorOf,
    occurredAt: (event) => event.createdAt,
    page: (event, _args, context) => required(relatedPage(event, context), 'Booking page'),
    previousState: (event) => payloadOf(event, 'BOOKING_PAGE_STATE_CHANGED').from,
    state: (event) => payloadOf(event, 'BOOKING_PAGE_STATE_CHANGED').to,
    acceptingBookings: (event) => payloadOf(event, 'BOOKING_PAGE_STATE_CHANGED').acceptingBookings,
    reasons: (event) => payloadOf(event, 'BOOKING_PAGE_STATE_CHANGED').reasons,
  },
  Subscription: {
    events: {
      subscribe: async (_parent, { after }, context) => {
        const authorize = (current: GatewayContext) => requireAdminOrService(current, 'The event log');
        authorize(context);
        // Null replays the whole log, as the schema says: a new consumer loses nothing.
        return eventStream(context, {
          after: parseEventCursor(after) ?? 0,
          field: 'events',
          authorize,
          accept: () => true,
        });
      },
      resolve: delivered,
    },
    connectionStatusChanged: {
      subscribe: async (_parent, { userId }, context) => {
        // Resolved once: the subscription follows the user it was opened for, whatever their external id becomes.
        const requested =
          userId === null || userId === undefined ? null : await resolveUserId(context, userId, 'userId');
        // Members follow their own connections: asked for someone else, refused; asked for nobody, their own.
        const authorize = ({ viewer }: GatewayContext) => {
          if (requested !== null && viewer.role === 'MEMBER' && requested !== viewer.userId) {
            throw forbidden('Members follow only their own connections');
          }
        };
        const subject = ({ viewer }: GatewayContext) =>
          requested ?? (viewer.role === 'MEMBER' ? viewer.userId : null);
        authorize(context);
        if (requested !== null && (await context.loaders.user.load(requested)) === null)
          throw notFound('User');
        return eventStream(context, {
          after: null,
          field: 'connectionStatusChanged',
          authorize,
          accept: (event, eventContext) => {
            const only = subject(eventContext);
            return event.type === 'CONNECTION_STATUS_CHANGED' && (only === null || event.userId === only);
          },
        });
      },
      resolve: delivered,
    },
    bookingPageStateChanged: {
      subscribe: async (_parent, { pageId }, context) => {
        const only =
          pageId === null || pageId === undefined ? null : await resolvePageId(context, pageId, 'pageId');
        if (only !== null) await required(context.loaders.page.load(only), 'Booking page');
        return eventStream(context, {
          after: null,
          field: 'bookingPageStateChanged',
          accept: async (event, eventContext) =>
            event.type === 'BOOKING_PAGE_STATE_CHANGED' &&
            event.bookingPageId !== null &&
            (only === null || event.bookingPageId === only) &&
            // Members hear about the pages they can see, as they are now.
            (await eventContext.loaders.page.load(event.bookingPageId)) !== null,
        });
      },
      resolve: delivered,
    },
  },
};
