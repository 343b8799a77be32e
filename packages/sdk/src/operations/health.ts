import { graphql } from '../__generated__/gql.js';

/**
 * Admins: the organization's connection-health figures over [since, until): time from a break to its detection,
 * to the owner being told and to the reconnect (count, average, median, max in seconds), breaks still open, and
 * booking pages disabled × minutes. `until` defaults to now.
 */
export const OrganizationHealthReportQuery = graphql(`
  query OrganizationHealthReport($since: DateTime!, $until: DateTime) {
    organizationHealthReport(since: $since, until: $until) {
      since
      until
      breaks
      unresolved
      detection {
        ...DurationFiguresFields
      }
      ownerNotified {
        ...DurationFiguresFields
      }
      reconnect {
        ...DurationFiguresFields
      }
      pageDisabledMinutes
    }
  }
`);

export const DurationFiguresFields = graphql(`
  fragment DurationFiguresFields on DurationFigures {
    count
    averageSeconds
    medianSeconds
    maxSeconds
  }
`);
