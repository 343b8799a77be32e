import { graphql } from '../__generated__/gql.js';

/** The top banner: how many connections are in error and how many pages they disabled. */
export const ConnectionAlertsQuery = graphql(`
  query ConnectionAlerts {
    connectionAlerts {
      erroredConnections
      disabledBookingPages
      atRiskConnections
      earliestBreaksAt
    }
  }
`);

/** The booking page list: pages disabled by a connection error first, with what to fix. */
export const BookingPagesQuery = graphql(`
  query BookingPages($first: Int = 50, $after: String, $state: BookingPageState, $locale: Locale = EN) {
    bookingPages(first: $first, after: $after, state: $state) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          title
          slug
          mode
          roundRobin
          state
          acceptingBookings
          stateChangedAt
          owner {
            id
            name
          }
          members {
            id
            name
          }
          eligibleHosts {
            id
          }
          reasons {
            kind
            message(locale: $locale)
            user {
              id
              name
            }
            connections {
              id
              provider
              accountEmail
              lastError {
                code
                title(locale: $locale)
                remediation(locale: $locale)
              }
            }
          }
          remediation {
            goal
            options {
              actions {
                kind
                performedBy
                check
                provider
                connection {
                  id
                }
                user {
                  id
                  name
                }
              }
            }
          }
          warnings {
            kind
            message(locale: $locale)
          }
        }
      }
    }
  }
`);

/** The integrations list with its All / Connected / Not connected tabs. */
export const IntegrationsQuery = graphql(`
  query Integrations($tab: IntegrationTab = ALL, $userId: ID, $locale: Locale = EN) {
    integrations(tab: $tab, userId: $userId) {
      provider
      kind
      status
      accounts {
        id
        accountEmail
        status
        health
        breaksAt
        atRiskReason
        statusChangedAt
        lastCheckedAt
        lastError {
          code
          action
          title(locale: $locale)
          remediation(locale: $locale)
        }
      }
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      email
      role
      locale
    }
  }
`);

/** The event log, oldest first, after a cursor. Admin and service tokens. */
export const EventLogQuery = graphql(`
  query EventLog($after: String, $first: Int = 100) {
    events(after: $after, first: $first) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          type
          occurredAt
          connectionState {
            status
            health
            lastError {
              code
              subReason
            }
          }
          pageState {
            state
            acceptingBookings
          }
        }
      }
    }
  }
`);

/** One booking page in full: reasons, the remediation plan, and which members can host and why the others cannot. */
export const BookingPageQuery = graphql(`
  query BookingPage($id: ID!, $locale: Locale = EN) {
    bookingPage(id: $id) {
      id
      title
      slug
      mode
      roundRobin
      enabled
      state
      acceptingBookings
      stateChangedAt
      owner {
        id
        name
      }
      members {
        id
        name
      }
      eligibleHosts {
        id
      }
      locations {
        id
        type
        usable
      }
      reasons {
        kind
        message(locale: $locale)
        user {
          id
          name
        }
        connections {
          id
          provider
          accountEmail
          status
          lastError {
            code
            title(locale: $locale)
            remediation(locale: $locale)
          }
        }
      }
      remediation {
        goal
        options {
          actions {
            kind
            performedBy
            check
            provider
            connection {
              id
            }
            user {
              id
              name
            }
          }
        }
      }
      warnings {
        kind
        message(locale: $locale)
        users {
          id
          name
        }
      }
    }
  }
`);
