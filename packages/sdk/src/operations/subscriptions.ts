import { graphql } from '../__generated__/gql.js';

/** The ordered event log: replay after a cursor, then live. Admin and service tokens. */
export const EventsSubscription = graphql(`
  subscription Events($after: String) {
    events(after: $after) {
      id
      cursor
      type
      occurredAt
      payload
      connection {
        id
      }
      connectionState {
        status
        health
        lastError {
          code
          subReason
        }
      }
      page {
        id
      }
      pageState {
        state
        acceptingBookings
      }
    }
  }
`);

export const BookingPageStateChangedSubscription = graphql(`
  subscription BookingPageStateChanged($pageId: ID) {
    bookingPageStateChanged(pageId: $pageId) {
      cursor
      occurredAt
      previousState
      state
      acceptingBookings
      reasons {
        kind
      }
      page {
        id
        title
      }
    }
  }
`);

export const ConnectionStatusChangedSubscription = graphql(`
  subscription ConnectionStatusChanged($userId: ID) {
    connectionStatusChanged(userId: $userId) {
      cursor
      occurredAt
      previousStatus
      status
      health
      lastError {
        code
        subReason
      }
      connection {
        id
        provider
        accountEmail
      }
    }
  }
`);
