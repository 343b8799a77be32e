import { graphql } from '../__generated__/gql.js';

/**
 * The embedded gateway's local mail sink, newest first: a member reads mail addressed to themself, an admin mail
 * to their organization's users. A gateway that sends to a real SMTP server answers FEATURE_UNAVAILABLE.
 */
export const MailOutboxQuery = graphql(`
  query MailOutbox($first: Int = 20, $after: String) {
    mailOutbox(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          to
          subject
          language
          text
          html
          receivedAt
          links
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
