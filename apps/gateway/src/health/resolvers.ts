// The organization's health figures for its administrators: check the period, read the report.
import { MAX_HEALTH_REPORT_DAYS, organizationHealthReport } from '@tsunagi/db';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { badInput, forbidden } from '../errors.js';

const DAY_MS = 86_400_000;

export const healthResolvers: Resolvers = {
  Query: {
    organizationHealthReport: (_parent, args, context) => {
      if (context.viewer.role !== 'ADMIN') throw forbidden('The health report is for admins');
      const until = args.until ?? new Date();
      if (until.getTime() <= args.since.getTime()) throw badInput('until must be after since', 'until');
      if (until.getTime() - args.since.getTime() > MAX_HEALTH_REPORT_DAYS * DAY_MS)
        throw badInput(`A report covers at most ${MAX_HEALTH_REPORT_DAYS} days`, 'since');
      return organizationHealthReport(context.services.database.db, context.viewer.organizationId, {
        since: args.since,
        until,
      });
    },
  },
};
