import { graphql } from '../__generated__/gql.js';

/**
 * Pushes the product's people and booking pages, keyed by its own external ids (ADMIN or SERVICE credentials).
 * `mode: FULL` makes the lists the complete directory; `dryRun: true` answers without writing. Refused rows
 * come back in `errors`, and then nothing changed.
 */
export const SyncDirectoryMutation = graphql(`
  mutation SyncDirectory($input: DirectorySyncInput!) {
    syncDirectory(input: $input) {
      applied
      dryRun
      errors {
        list
        index
        externalId
        field
        code
        message
      }
      counts {
        usersCreated
        usersUpdated
        usersUnchanged
        usersDeleted
        pagesCreated
        pagesUpdated
        pagesUnchanged
        pagesDeleted
        pagesReevaluated
      }
      users {
        externalId
        id
      }
      pages {
        externalId
        id
      }
      unlinkedConnectionIds
    }
  }
`);
