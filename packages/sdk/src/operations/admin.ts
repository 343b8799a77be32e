import { graphql } from '../__generated__/gql.js';

/**
 * The organization's connections for an administrator (or a service token), filtered; with
 * `filter: { status: [ERROR] }` it lists what the banner counts, each with the pages it stops.
 */
export const OrganizationConnectionsQuery = graphql(`
  query OrganizationConnections(
    $first: Int = 50
    $after: String
    $filter: ConnectionFilter
    $locale: Locale = EN
  ) {
    connections(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          provider
          kind
          accountEmail
          status
          health
          statusChangedAt
          user {
            id
            name
            email
          }
          lastError {
            code
            action
            title(locale: $locale)
            remediation(locale: $locale)
          }
          affectedBookingPages {
            id
            title
            state
          }
        }
      }
    }
  }
`);

/** The organization's people for an administrator (or a service token), by name, filtered by role or prefix. */
export const OrganizationUsersQuery = graphql(`
  query OrganizationUsers($first: Int = 50, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          name
          email
          role
        }
      }
    }
  }
`);
