import { graphql } from '../__generated__/gql.js';

export const StartReconnectMutation = graphql(`
  mutation StartReconnect($connectionId: ID!, $redirectUri: String, $returnUrl: String) {
    startReconnect(connectionId: $connectionId, redirectUri: $redirectUri, returnUrl: $returnUrl) {
      authorizationUrl
      state
      expiresAt
    }
  }
`);

export const UnlinkConnectionMutation = graphql(`
  mutation UnlinkConnection($connectionId: ID!) {
    unlinkConnection(connectionId: $connectionId) {
      id
      status
    }
  }
`);

export const SetBookingPageEnabledMutation = graphql(`
  mutation SetBookingPageEnabled($pageId: ID!, $enabled: Boolean!) {
    setBookingPageEnabled(pageId: $pageId, enabled: $enabled) {
      id
      enabled
      state
      acceptingBookings
    }
  }
`);

export const RemoveAllLocationsMutation = graphql(`
  mutation RemoveAllLocations($pageId: ID!) {
    removeAllLocations(pageId: $pageId) {
      id
      state
      acceptingBookings
      locations {
        id
      }
    }
  }
`);

export const AddLocationMutation = graphql(`
  mutation AddLocation($pageId: ID!, $location: LocationInput!) {
    addLocation(pageId: $pageId, location: $location) {
      id
      state
      acceptingBookings
      locations {
        id
        type
        usable
      }
    }
  }
`);

/** Probes a connection now and records the result. */
export const CheckConnectionMutation = graphql(`
  mutation CheckConnection($connectionId: ID!, $locale: Locale = EN) {
    checkConnection(connectionId: $connectionId) {
      id
      status
      health
      lastCheckedAt
      lastError {
        code
        subReason
        retryAfterSeconds
        title(locale: $locale)
        remediation(locale: $locale)
      }
    }
  }
`);

/** Gives a page to another member (a remediation when the owner's location cannot work). */
export const ChangeOwnerMutation = graphql(`
  mutation ChangeOwner($pageId: ID!, $userId: ID!) {
    changeOwner(pageId: $pageId, userId: $userId) {
      id
      state
      acceptingBookings
      owner {
        id
        name
      }
    }
  }
`);
