import { ACTION_PERFORMER, describeReason, describeWarning } from '@tsunagi/booking-rules';
import { type BookingPageRow, encodePageCursor, INPUT_LIMITS, MAX_PAGE_SIZE } from '@tsunagi/db';
import { isSubReason } from '@tsunagi/errors';
import type { LocationInput, Resolvers } from '../__generated__/resolvers-types.js';
import { actorOf, type GatewayContext, refreshLoaders } from '../context.js';
import { notFound, unwrap } from '../errors.js';
import { primeMemberIds, primePages, settledOrLoad } from '../loaders.js';
import { catalogLocale } from '../locale.js';
import { resolvePageId, resolveUserId, resolveUserIds } from '../references/index.js';
import { optionalUser, referencedUser, usersInOrder } from '../relations.js';
import { checkCount, checkFirst, checkId, checkText, MAX_CURSOR_LENGTH } from '../validation.js';
import { prefetchPageRelations } from './prefetch.js';

// The state service's own limits, checked here too so oversized input never reaches SQL.
const {
  membersPerPage: MAX_MEMBERS,
  locationsPerPage: MAX_LOCATIONS,
  titleLength: MAX_TITLE,
  slugLength: MAX_SLUG,
  labelLength: MAX_LABEL,
  locationValueLength: MAX_VALUE,
} = INPUT_LIMITS;

/** A page the viewer may see, or NOT_FOUND (other tenants' ids look exactly like unknown ones). */
async function visiblePage(context: GatewayContext, id: string, field: string): Promise<BookingPageRow> {
  const page = await context.loaders.page.load(await resolvePageId(context, id, field));
  if (page === null) throw notFound('Booking page');
  return page;
}

function locationDraft(location: LocationInput, field: string) {
  return {
    type: location.type,
    ...(location.label === null || location.label === undefined
      ? {}
      : { label: checkText(location.label, `${field}.label`, MAX_LABEL) }),
    value: checkText(location.value ?? null, `${field}.value`, MAX_VALUE),
  };
}

/** Mutations answer with the page as stored after the change, read past this request's caches. */
function changed(context: GatewayContext, page: BookingPageRow): BookingPageRow {
  refreshLoaders(context);
  primePages(context.loaders, [page]);
  return page;
}

export const pageResolvers: Resolvers = {
  Query: {
    bookingPages: async (_parent, { first, after, state }, context, info) => {
      const list = unwrap(
        await context.services.reads.listBookingPages(context.scope, {
          first: checkFirst(first, MAX_PAGE_SIZE),
          after: checkText(after ?? null, 'after', MAX_CURSOR_LENGTH),
          ...(state === null || state === undefined ? {} : { states: [state] }),
        }),
      );
      primePages(context.loaders, list.nodes);
      for (const [pageId, memberIds] of list.memberIds) primeMemberIds(context.loaders, pageId, memberIds);
      await prefetchPageRelations(context, list.nodes, info);
      return list;
    },
    bookingPage: (_parent, { id }, context) => visiblePage(context, id, 'id'),
  },
  Mutation: {
    createBookingPage: async (_parent, { input }, context) => {
      const actor = actorOf(context);
      // One lookup for the owner and the members when they are named by external id.
      const [ownerId, memberIds] = await Promise.all([
        input.ownerId == null ? null : resolveUserId(context, input.ownerId, 'ownerId'),
        input.memberIds == null ? null : resolveUserIds(context, input.memberIds, 'memberIds', MAX_MEMBERS),
      ]);
      const page = unwrap(
        await context.services.state.createBookingPage(actor, {
          title: checkText(input.title, 'title', MAX_TITLE),
          ...(input.slug == null ? {} : { slug: checkText(input.slug, 'slug', MAX_SLUG) }),
          ...(ownerId === null ? {} : { ownerId }),
          ...(memberIds === null ? {} : { memberIds }),
          ...(input.mode == null ? {} : { mode: input.mode }),
          ...(input.roundRobin == null ? {} : { roundRobin: input.roundRobin }),
          ...(input.enabled == null ? {} : { enabled: input.enabled }),
          ...(input.locations == null
            ? {}
            : {
                locations: checkCount(input.locations, 'locations', MAX_LOCATIONS).map((location, index) =>
                  locationDraft(location, `locations.${index}`),
                ),
              }),
        }),
      );
      return changed(context, page);
    },
    updateBookingPage: async (_parent, { id, input }, context) => {
      const actor = actorOf(context);
      const [pageId, memberIds] = await Promise.all([
        resolvePageId(context, id, 'id'),
        input.memberIds == null ? null : resolveUserIds(context, input.memberIds, 'memberIds', MAX_MEMBERS),
      ]);
      const page = unwrap(
        await context.services.state.updateBookingPage(actor, pageId, {
          ...(input.title == null ? {} : { title: checkText(input.title, 'title', MAX_TITLE) }),
          ...(input.slug == null ? {} : { slug: checkText(input.slug, 'slug', MAX_SLUG) }),
          ...(memberIds === null ? {} : { memberIds }),
          ...(input.mode == null ? {} : { mode: input.mode }),
          ...(input.roundRobin == null ? {} : { roundRobin: input.roundRobin }),
        }),
      );
      return changed(context, page);
    },
    addLocation: async (_parent, { pageId, location }, context) => {
      const actor = actorOf(context);
      const { page } = unwrap(
        await context.services.state.addLocation(
          actor,
          await resolvePageId(context, pageId, 'pageId'),
          locationDraft(location, 'location'),
        ),
      );
      return changed(context, page);
    },
    removeLocation: async (_parent, { pageId, locationId }, context) => {
      const actor = actorOf(context);
      checkId(locationId, 'locationId');
      // The service finds a location by its id alone: make sure it is on the page the caller named.
      const locations = await context.loaders.locationsByPage.load(
        await resolvePageId(context, pageId, 'pageId'),
      );
      if (!locations.some((location) => location.id === locationId)) throw notFound('Location');
      return changed(context, unwrap(await context.services.state.removeLocation(actor, locationId)));
    },
    removeAllLocations: async (_parent, { pageId }, context) => {
      const actor = actorOf(context);
      return changed(
        context,
        unwrap(
          await context.services.state.removeAllLocations(
            actor,
            await resolvePageId(context, pageId, 'pageId'),
          ),
        ),
      );
    },
    changeOwner: async (_parent, { pageId, userId }, context) => {
      const actor = actorOf(context);
      const [page, owner] = await Promise.all([
        resolvePageId(context, pageId, 'pageId'),
        resolveUserId(context, userId, 'userId'),
      ]);
      return changed(context, unwrap(await context.services.state.changeOwner(actor, page, owner)));
    },
    setBookingPageEnabled: async (_parent, { pageId, enabled }, context) => {
      const actor = actorOf(context);
      return changed(
        context,
        unwrap(
          await context.services.state.setBookingPageEnabled(
            actor,
            await resolvePageId(context, pageId, 'pageId'),
            enabled,
          ),
        ),
      );
    },
  },
  BookingPageConnection: {
    edges: (list) => list.nodes.map((node) => ({ cursor: encodePageCursor(node), node })),
  },
  BookingPage: {
    owner: (page, _args, context) => referencedUser(context, page.ownerId),
    members: (page, _args, context) => {
      const memberIds = context.loaders.settled.memberIds.get(page.id);
      return memberIds === undefined
        ? context.loaders.memberIdsByPage.load(page.id).then((ids) => usersInOrder(context, ids))
        : usersInOrder(context, memberIds);
    },
    locations: async (page, _args, context) => {
      const usable = new Set(page.usableLocationIds);
      const rows = await context.loaders.locationsByPage.load(page.id);
      return rows.map((row) => ({ row, usable: usable.has(row.id) }));
    },
    reasons: (page) => page.reasons,
    remediation: (page) => page.plan,
    eligibleHosts: (page, _args, context) => usersInOrder(context, page.eligibleHostIds),
    warnings: (page) => page.warnings,
  },
  Location: {
    id: ({ row }) => row.id,
    type: ({ row }) => row.type,
    label: ({ row }) => row.label,
    value: ({ row }) => row.value,
  },
  Reason: {
    message: (reason, { locale }) => describeReason(reason, catalogLocale(locale)),
    user: (reason, _args, context) => optionalUser(context, reason.userId),
    connections: (reason, _args, context) =>
      settledOrLoad(context.loaders.settled.connections, context.loaders.connection, reason.connectionIds),
  },
  RemediationOption: {
    host: (option, _args, context) => optionalUser(context, option.hostId),
  },
  RemediationAction: {
    connection: (action, _args, context) => {
      if (action.connectionId === undefined) return null;
      const settled = context.loaders.settled.connections.get(action.connectionId);
      return settled !== undefined ? settled : context.loaders.connection.load(action.connectionId);
    },
    user: (action, _args, context) => optionalUser(context, action.userId),
    provider: (action) => action.provider ?? null,
    performedBy: (action) => ACTION_PERFORMER[action.kind],
    check: (action) => (isSubReason(action.check) ? action.check : null),
  },
  BookingPageWarning: {
    users: (warning, _args, context) => usersInOrder(context, warning.userIds),
    message: (warning, { locale }) => describeWarning(warning, catalogLocale(locale)),
  },
};
