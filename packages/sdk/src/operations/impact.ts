import { graphql } from '../__generated__/gql.js';

/**
 * An administrator's "what if": which pages would stop, which round-robin pools would shrink (from how many hosts
 * to how many), and which pages stay up and why, if the connections failed (`status: ERROR`) or were unlinked
 * (`DISCONNECTED`). Name the connections, a user, or a provider for the whole organization. Nothing is written.
 */
export const ConnectionImpactQuery = graphql(`
  query ConnectionImpact($input: ConnectionImpactInput!, $locale: Locale = EN) {
    connectionImpact(input: $input) {
      ...ImpactReportFields
    }
  }
`);

/** The same for a planned change to a page: removing a member, changing the owner, removing a location. */
export const PlannedChangeImpactQuery = graphql(`
  query PlannedChangeImpact($input: PlannedPageChangeInput!, $locale: Locale = EN) {
    plannedChangeImpact(input: $input) {
      ...ImpactReportFields
    }
  }
`);

export const ImpactReportFields = graphql(`
  fragment ImpactReportFields on ImpactReport {
    disabledPages
    enabledPages
    shrunkPools
    pagesStayingUp
    connections {
      id
      provider
      accountEmail
      status
      user {
        id
        name
      }
    }
    pages {
      bookingPage {
        id
        title
      }
      effect
      stateBefore
      stateAfter
      hostsBefore
      hostsAfter
      lostHosts {
        id
        name
      }
      gainedHosts {
        id
        name
      }
      stayUpReason
      removedLocationIds
      reasonsAfter {
        kind
        message(locale: $locale)
        connections {
          id
          provider
        }
      }
      remediationAfter {
        goal
        options {
          actions {
            kind
            provider
            connection {
              id
            }
            user {
              id
            }
          }
        }
      }
    }
  }
`);
