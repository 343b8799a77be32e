import type { ImpactChange, ImpactFailure, ImpactReport, ImpactTarget } from '@tsunagi/booking-rules';
import type {
  ConnectionImpactInput,
  PlannedPageChangeInput,
  Resolvers,
} from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../context.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { loadVisible } from '../loaders.js';
import { resolvePageId, resolveUserId } from '../references/index.js';
import { usersInOrder } from '../relations.js';
import { checkCount, checkId } from '../validation.js';
import { analyzeOrganizationImpact } from './service.js';

const MAX_CONNECTION_IDS = 100;

function requireAdmin(context: GatewayContext): string {
  if (context.viewer.role !== 'ADMIN') throw forbidden('Impact analysis is for admins');
  return context.viewer.organizationId;
}

/** A user of the viewer's organization, or NOT_FOUND (other tenants' ids look exactly like unknown ones). */
async function organizationUser(context: GatewayContext, value: string, field: string): Promise<string> {
  const userId = await resolveUserId(context, value, field);
  if ((await context.loaders.user.load(userId)) === null) throw notFound('User');
  return userId;
}

async function connectionTarget(
  context: GatewayContext,
  input: ConnectionImpactInput,
): Promise<ImpactTarget> {
  const given = [input.connectionIds, input.userId, input.provider].filter((v) => v != null).length;
  if (given !== 1) throw badInput('Give exactly one of connectionIds, userId and provider', 'input');
  if (input.connectionIds != null) {
    const ids = checkCount(input.connectionIds, 'input.connectionIds', MAX_CONNECTION_IDS).map((id, at) =>
      checkId(id, `input.connectionIds.${at}`),
    );
    const found = await loadVisible(context.loaders.connection, ids);
    if (found.length !== new Set(ids).size) throw notFound('Connection');
    return { connectionIds: ids };
  }
  if (input.userId != null) return { userId: await organizationUser(context, input.userId, 'input.userId') };
  return { provider: input.provider! };
}

async function plannedChange(context: GatewayContext, input: PlannedPageChangeInput): Promise<ImpactChange> {
  const pageId = await resolvePageId(context, input.pageId, 'input.pageId');
  if ((await context.loaders.page.load(pageId)) === null) throw notFound('Booking page');
  if (input.kind === 'REMOVE_LOCATION') {
    if (input.locationId == null) throw badInput('REMOVE_LOCATION needs locationId', 'input.locationId');
    return { kind: 'REMOVE_LOCATION', pageId, locationId: checkId(input.locationId, 'input.locationId') };
  }
  if (input.userId == null) throw badInput(`${input.kind} needs userId`, 'input.userId');
  return { kind: input.kind, pageId, userId: await organizationUser(context, input.userId, 'input.userId') };
}

async function answer(context: GatewayContext, organizationId: string, change: ImpactChange) {
  const result = await analyzeOrganizationImpact(context.services, organizationId, change);
  if (!result.ok) throw failure(result.error);
  return result.report;
}

function failure(error: ImpactFailure) {
  switch (error.code) {
    case 'UNKNOWN_PAGE':
      return notFound('Booking page');
    case 'UNKNOWN_LOCATION':
      return badInput('The page has no such location', 'input.locationId');
    case 'NOT_A_MEMBER':
      return badInput('The user is not a member of the page', 'input.userId');
    case 'LAST_MEMBER':
      return badInput('A page keeps at least one member', 'input.userId');
  }
}

const count = (report: ImpactReport, effect: keyof ImpactReport['counts']) => report.counts[effect];

export const impactResolvers: Resolvers = {
  Query: {
    connectionImpact: async (_parent, { input }, context) => {
      const organizationId = requireAdmin(context);
      const target = await connectionTarget(context, input);
      return answer(context, organizationId, { kind: 'CONNECTIONS', target, status: input.status });
    },
    plannedChangeImpact: async (_parent, { input }, context) => {
      const organizationId = requireAdmin(context);
      return answer(context, organizationId, await plannedChange(context, input));
    },
  },
  ImpactReport: {
    connections: (report, _args, context) => loadVisible(context.loaders.connection, report.connectionIds),
    pages: (report) => report.pages,
    disabledPages: (report) => count(report, 'DISABLED'),
    enabledPages: (report) => count(report, 'ENABLED'),
    shrunkPools: (report) => count(report, 'HOSTS_REDUCED'),
    pagesStayingUp: (report) => report.pages.filter((p) => p.stayUpReason !== null).length,
  },
  PageImpact: {
    bookingPage: async (impact, _args, context) => {
      const page = await context.loaders.page.load(impact.pageId);
      if (page === null) throw notFound('Booking page');
      return page;
    },
    stateBefore: (impact) => impact.before.state,
    stateAfter: (impact) => impact.after.state,
    lostHosts: (impact, _args, context) => usersInOrder(context, impact.lostHostIds),
    gainedHosts: (impact, _args, context) => usersInOrder(context, impact.gainedHostIds),
    reasonsAfter: (impact) => impact.after.reasons,
    remediationAfter: (impact) => impact.after.plan,
  },
};
