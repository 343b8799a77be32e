import { graphql } from '../__generated__/gql.js';

/** The organization's Calendar Interop settings (the secret is write-only) and its last test report. Admins and services. */
export const ExchangeSettingsQuery = graphql(`
  query ExchangeSettings($locale: Locale = EN) {
    exchangeSettings {
      ewsUrl
      roleAccount
      applicationId
      status
      lastTestedAt
      lastReport {
        ok
        steps {
          id
          status
          detail
          error {
            code
            subReason
            title(locale: $locale)
            remediation(locale: $locale)
          }
        }
      }
    }
  }
`);

/** Tests settings step by step against a participant's mailbox; stores them only with `save`. Admins. */
export const TestExchangeConnectionMutation = graphql(`
  mutation TestExchangeConnection(
    $input: ExchangeSettingsInput!
    $participant: String!
    $save: Boolean = false
    $locale: Locale = EN
  ) {
    testExchangeConnection(input: $input, participant: $participant, save: $save) {
      ok
      steps {
        id
        status
        detail
        error {
          code
          subReason
          connectionBroken
          title(locale: $locale)
          remediation(locale: $locale)
        }
      }
    }
  }
`);

/** Stores the settings untested (status UNTESTED). Admins. */
export const SaveExchangeSettingsMutation = graphql(`
  mutation SaveExchangeSettings($input: ExchangeSettingsInput!) {
    saveExchangeSettings(input: $input) {
      ewsUrl
      roleAccount
      applicationId
      status
      lastTestedAt
    }
  }
`);

/** Links an Exchange mailbox as an EXCHANGE calendar; a failed availability lookup is a PROVIDER_ERROR. */
export const ConnectExchangeCalendarMutation = graphql(`
  mutation ConnectExchangeCalendar($mailbox: String, $userId: ID, $locale: Locale = EN) {
    connectExchangeCalendar(mailbox: $mailbox, userId: $userId) {
      id
      provider
      status
      health
      accountEmail
      lastError {
        code
        subReason
        title(locale: $locale)
        remediation(locale: $locale)
      }
    }
  }
`);

/**
 * `TestExchangeConnectionMutation`, live: one message per finished step, in order; the last carries the report
 * (and, with `save`, the settings are stored by then). Admins.
 */
export const ExchangeConnectionTestSubscription = graphql(`
  subscription ExchangeConnectionTest(
    $input: ExchangeSettingsInput!
    $participant: String!
    $save: Boolean = false
    $locale: Locale = EN
  ) {
    exchangeConnectionTest(input: $input, participant: $participant, save: $save) {
      index
      step {
        id
        status
        detail
        error {
          code
          subReason
          connectionBroken
          title(locale: $locale)
          remediation(locale: $locale)
        }
      }
      report {
        ok
        steps {
          id
          status
          detail
          error {
            code
            subReason
            connectionBroken
            title(locale: $locale)
            remediation(locale: $locale)
          }
        }
      }
    }
  }
`);
