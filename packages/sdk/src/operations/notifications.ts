import { graphql } from '../__generated__/gql.js';

/**
 * Notification settings: the organization's (admins) and each person's (themself, or an admin). Slack URLs are
 * secrets: they are written here and only ever read back as `slackWebhookUrlHint`.
 */
export const OrganizationNotificationSettingsFields = graphql(`
  fragment OrganizationNotificationSettingsFields on OrganizationNotificationSettings {
    emailEnabled
    slackEnabled
    slackWebhookUrlHint
    escalationDelayMinutes
    digestWindowMinutes
    atRiskWarningDays
    quietHours {
      start
      end
      timeZone
    }
    updatedAt
  }
`);

export const UserNotificationSettingsFields = graphql(`
  fragment UserNotificationSettingsFields on UserNotificationSettings {
    userId
    emailEnabled
    slackEnabled
    slackWebhookUrlHint
    quietHours {
      start
      end
      timeZone
    }
    updatedAt
  }
`);

/** The organization's notification settings. Admins only. */
export const OrganizationNotificationSettingsQuery = graphql(`
  query OrganizationNotificationSettings {
    organizationNotificationSettings {
      ...OrganizationNotificationSettingsFields
    }
  }
`);

/** Absent fields stay; `null` clears the Slack URL or the quiet hours. A wrong field: BAD_USER_INPUT naming it. */
export const UpdateOrganizationNotificationSettingsMutation = graphql(`
  mutation UpdateOrganizationNotificationSettings($input: OrganizationNotificationSettingsInput!) {
    updateOrganizationNotificationSettings(input: $input) {
      ...OrganizationNotificationSettingsFields
    }
  }
`);

/** A person's settings: the caller's own without `userId`; an admin may name anyone in the organization. */
export const NotificationSettingsQuery = graphql(`
  query NotificationSettings($userId: ID) {
    notificationSettings(userId: $userId) {
      ...UserNotificationSettingsFields
    }
  }
`);

export const UpdateNotificationSettingsMutation = graphql(`
  mutation UpdateNotificationSettings($userId: ID, $input: UserNotificationSettingsInput!) {
    updateNotificationSettings(userId: $userId, input: $input) {
      ...UserNotificationSettingsFields
    }
  }
`);

/** A person's recent notifications, newest first (kind, channel, status, when sent). */
export const NotificationsQuery = graphql(`
  query Notifications($userId: ID, $first: Int = 20) {
    notifications(userId: $userId, first: $first) {
      id
      kind
      channel
      status
      connectionId
      createdAt
      sentAt
      lastError
    }
  }
`);

/** Sends a test message to the caller on each of their channels now; one result per channel. */
export const SendTestNotificationMutation = graphql(`
  mutation SendTestNotification {
    sendTestNotification {
      channel
      ok
      error
    }
  }
`);
