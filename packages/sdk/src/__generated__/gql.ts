/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query OrganizationConnections(\n    $first: Int = 50\n    $after: String\n    $filter: ConnectionFilter\n    $locale: Locale = EN\n  ) {\n    connections(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          provider\n          kind\n          accountEmail\n          status\n          health\n          statusChangedAt\n          user {\n            id\n            name\n            email\n          }\n          lastError {\n            code\n            action\n            title(locale: $locale)\n            remediation(locale: $locale)\n          }\n          affectedBookingPages {\n            id\n            title\n            state\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationConnectionsDocument,
    "\n  query OrganizationUsers($first: Int = 50, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          role\n        }\n      }\n    }\n  }\n": typeof types.OrganizationUsersDocument,
    "\n  query ConnectionAlerts {\n    connectionAlerts {\n      erroredConnections\n      disabledBookingPages\n    }\n  }\n": typeof types.ConnectionAlertsDocument,
    "\n  query BookingPages($first: Int = 50, $after: String, $state: BookingPageState, $locale: Locale = EN) {\n    bookingPages(first: $first, after: $after, state: $state) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          slug\n          mode\n          roundRobin\n          state\n          acceptingBookings\n          stateChangedAt\n          owner {\n            id\n            name\n          }\n          members {\n            id\n            name\n          }\n          eligibleHosts {\n            id\n          }\n          reasons {\n            kind\n            message(locale: $locale)\n            user {\n              id\n              name\n            }\n            connections {\n              id\n              provider\n              accountEmail\n              lastError {\n                code\n                title(locale: $locale)\n                remediation(locale: $locale)\n              }\n            }\n          }\n          remediation {\n            goal\n            options {\n              actions {\n                kind\n                performedBy\n                check\n                provider\n                connection {\n                  id\n                }\n                user {\n                  id\n                  name\n                }\n              }\n            }\n          }\n          warnings {\n            kind\n            message(locale: $locale)\n          }\n        }\n      }\n    }\n  }\n": typeof types.BookingPagesDocument,
    "\n  query Integrations($tab: IntegrationTab = ALL, $userId: ID, $locale: Locale = EN) {\n    integrations(tab: $tab, userId: $userId) {\n      provider\n      kind\n      status\n      accounts {\n        id\n        accountEmail\n        status\n        health\n        statusChangedAt\n        lastError {\n          code\n          action\n          title(locale: $locale)\n          remediation(locale: $locale)\n        }\n      }\n    }\n  }\n": typeof types.IntegrationsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query EventLog($after: String, $first: Int = 100) {\n    events(after: $after, first: $first) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          type\n          occurredAt\n          connectionState {\n            status\n            health\n            lastError {\n              code\n              subReason\n            }\n          }\n          pageState {\n            state\n            acceptingBookings\n          }\n        }\n      }\n    }\n  }\n": typeof types.EventLogDocument,
    "\n  mutation SyncDirectory($input: DirectorySyncInput!) {\n    syncDirectory(input: $input) {\n      applied\n      dryRun\n      errors {\n        list\n        index\n        externalId\n        field\n        code\n        message\n      }\n      counts {\n        usersCreated\n        usersUpdated\n        usersUnchanged\n        usersDeleted\n        pagesCreated\n        pagesUpdated\n        pagesUnchanged\n        pagesDeleted\n        pagesReevaluated\n      }\n      users {\n        externalId\n        id\n      }\n      pages {\n        externalId\n        id\n      }\n      unlinkedConnectionIds\n    }\n  }\n": typeof types.SyncDirectoryDocument,
    "\n  query ExchangeSettings($locale: Locale = EN) {\n    exchangeSettings {\n      ewsUrl\n      roleAccount\n      applicationId\n      status\n      lastTestedAt\n      lastReport {\n        ok\n        steps {\n          id\n          status\n          detail\n          error {\n            code\n            subReason\n            title(locale: $locale)\n            remediation(locale: $locale)\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExchangeSettingsDocument,
    "\n  mutation TestExchangeConnection(\n    $input: ExchangeSettingsInput!\n    $participant: String!\n    $save: Boolean = false\n    $locale: Locale = EN\n  ) {\n    testExchangeConnection(input: $input, participant: $participant, save: $save) {\n      ok\n      steps {\n        id\n        status\n        detail\n        error {\n          code\n          subReason\n          connectionBroken\n          title(locale: $locale)\n          remediation(locale: $locale)\n        }\n      }\n    }\n  }\n": typeof types.TestExchangeConnectionDocument,
    "\n  mutation SaveExchangeSettings($input: ExchangeSettingsInput!) {\n    saveExchangeSettings(input: $input) {\n      ewsUrl\n      roleAccount\n      applicationId\n      status\n      lastTestedAt\n    }\n  }\n": typeof types.SaveExchangeSettingsDocument,
    "\n  mutation ConnectExchangeCalendar($mailbox: String, $userId: ID, $locale: Locale = EN) {\n    connectExchangeCalendar(mailbox: $mailbox, userId: $userId) {\n      id\n      provider\n      status\n      health\n      accountEmail\n      lastError {\n        code\n        subReason\n        title(locale: $locale)\n        remediation(locale: $locale)\n      }\n    }\n  }\n": typeof types.ConnectExchangeCalendarDocument,
    "\n  mutation StartReconnect($connectionId: ID!, $redirectUri: String, $returnUrl: String) {\n    startReconnect(connectionId: $connectionId, redirectUri: $redirectUri, returnUrl: $returnUrl) {\n      authorizationUrl\n      state\n      expiresAt\n    }\n  }\n": typeof types.StartReconnectDocument,
    "\n  mutation UnlinkConnection($connectionId: ID!) {\n    unlinkConnection(connectionId: $connectionId) {\n      id\n      status\n    }\n  }\n": typeof types.UnlinkConnectionDocument,
    "\n  mutation SetBookingPageEnabled($pageId: ID!, $enabled: Boolean!) {\n    setBookingPageEnabled(pageId: $pageId, enabled: $enabled) {\n      id\n      enabled\n      state\n      acceptingBookings\n    }\n  }\n": typeof types.SetBookingPageEnabledDocument,
    "\n  mutation RemoveAllLocations($pageId: ID!) {\n    removeAllLocations(pageId: $pageId) {\n      id\n      state\n      acceptingBookings\n      locations {\n        id\n      }\n    }\n  }\n": typeof types.RemoveAllLocationsDocument,
    "\n  mutation AddLocation($pageId: ID!, $location: LocationInput!) {\n    addLocation(pageId: $pageId, location: $location) {\n      id\n      state\n      acceptingBookings\n      locations {\n        id\n        type\n        usable\n      }\n    }\n  }\n": typeof types.AddLocationDocument,
    "\n  mutation CheckConnection($connectionId: ID!, $locale: Locale = EN) {\n    checkConnection(connectionId: $connectionId) {\n      id\n      status\n      health\n      lastCheckedAt\n      lastError {\n        code\n        subReason\n        retryAfterSeconds\n        title(locale: $locale)\n        remediation(locale: $locale)\n      }\n    }\n  }\n": typeof types.CheckConnectionDocument,
    "\n  fragment OrganizationNotificationSettingsFields on OrganizationNotificationSettings {\n    emailEnabled\n    slackEnabled\n    slackWebhookUrlHint\n    escalationDelayMinutes\n    digestWindowMinutes\n    quietHours {\n      start\n      end\n      timeZone\n    }\n    updatedAt\n  }\n": typeof types.OrganizationNotificationSettingsFieldsFragmentDoc,
    "\n  fragment UserNotificationSettingsFields on UserNotificationSettings {\n    userId\n    emailEnabled\n    slackEnabled\n    slackWebhookUrlHint\n    quietHours {\n      start\n      end\n      timeZone\n    }\n    updatedAt\n  }\n": typeof types.UserNotificationSettingsFieldsFragmentDoc,
    "\n  query OrganizationNotificationSettings {\n    organizationNotificationSettings {\n      ...OrganizationNotificationSettingsFields\n    }\n  }\n": typeof types.OrganizationNotificationSettingsDocument,
    "\n  mutation UpdateOrganizationNotificationSettings($input: OrganizationNotificationSettingsInput!) {\n    updateOrganizationNotificationSettings(input: $input) {\n      ...OrganizationNotificationSettingsFields\n    }\n  }\n": typeof types.UpdateOrganizationNotificationSettingsDocument,
    "\n  query NotificationSettings($userId: ID) {\n    notificationSettings(userId: $userId) {\n      ...UserNotificationSettingsFields\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($userId: ID, $input: UserNotificationSettingsInput!) {\n    updateNotificationSettings(userId: $userId, input: $input) {\n      ...UserNotificationSettingsFields\n    }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
    "\n  query Notifications($userId: ID, $first: Int = 20) {\n    notifications(userId: $userId, first: $first) {\n      id\n      kind\n      channel\n      status\n      connectionId\n      createdAt\n      sentAt\n      lastError\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation SendTestNotification {\n    sendTestNotification {\n      channel\n      ok\n      error\n    }\n  }\n": typeof types.SendTestNotificationDocument,
    "\n  query MailOutbox($first: Int = 20, $after: String) {\n    mailOutbox(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          language\n          text\n          html\n          receivedAt\n          links\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.MailOutboxDocument,
    "\n  subscription Events($after: String) {\n    events(after: $after) {\n      id\n      cursor\n      type\n      occurredAt\n      payload\n      connection {\n        id\n      }\n      connectionState {\n        status\n        health\n        lastError {\n          code\n          subReason\n        }\n      }\n      page {\n        id\n      }\n      pageState {\n        state\n        acceptingBookings\n      }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  subscription BookingPageStateChanged($pageId: ID) {\n    bookingPageStateChanged(pageId: $pageId) {\n      cursor\n      occurredAt\n      previousState\n      state\n      acceptingBookings\n      reasons {\n        kind\n      }\n      page {\n        id\n        title\n      }\n    }\n  }\n": typeof types.BookingPageStateChangedDocument,
    "\n  subscription ConnectionStatusChanged($userId: ID) {\n    connectionStatusChanged(userId: $userId) {\n      cursor\n      occurredAt\n      previousStatus\n      status\n      health\n      lastError {\n        code\n        subReason\n      }\n      connection {\n        id\n        provider\n        accountEmail\n      }\n    }\n  }\n": typeof types.ConnectionStatusChangedDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    previousSecretExpiresAt\n    createdAt\n    updatedAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventCursor\n    eventType\n    status\n    attempts\n    lastAttemptAt\n    nextAttemptAt\n    deliveredAt\n    latencyMs\n    responseStatus\n    lastError\n    createdAt\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int = 20, $after: String, $status: WebhookDeliveryStatus) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after, status: $status) {\n      edges {\n        cursor\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!, $overlapHours: Int = 24) {\n    rotateWebhookSecret(id: $id, overlapHours: $overlapHours) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryFields\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      ...WebhookDeliveryFields\n    }\n  }\n": typeof types.SendTestWebhookDocument,
};
const documents: Documents = {
    "\n  query OrganizationConnections(\n    $first: Int = 50\n    $after: String\n    $filter: ConnectionFilter\n    $locale: Locale = EN\n  ) {\n    connections(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          provider\n          kind\n          accountEmail\n          status\n          health\n          statusChangedAt\n          user {\n            id\n            name\n            email\n          }\n          lastError {\n            code\n            action\n            title(locale: $locale)\n            remediation(locale: $locale)\n          }\n          affectedBookingPages {\n            id\n            title\n            state\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationConnectionsDocument,
    "\n  query OrganizationUsers($first: Int = 50, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          role\n        }\n      }\n    }\n  }\n": types.OrganizationUsersDocument,
    "\n  query ConnectionAlerts {\n    connectionAlerts {\n      erroredConnections\n      disabledBookingPages\n    }\n  }\n": types.ConnectionAlertsDocument,
    "\n  query BookingPages($first: Int = 50, $after: String, $state: BookingPageState, $locale: Locale = EN) {\n    bookingPages(first: $first, after: $after, state: $state) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          slug\n          mode\n          roundRobin\n          state\n          acceptingBookings\n          stateChangedAt\n          owner {\n            id\n            name\n          }\n          members {\n            id\n            name\n          }\n          eligibleHosts {\n            id\n          }\n          reasons {\n            kind\n            message(locale: $locale)\n            user {\n              id\n              name\n            }\n            connections {\n              id\n              provider\n              accountEmail\n              lastError {\n                code\n                title(locale: $locale)\n                remediation(locale: $locale)\n              }\n            }\n          }\n          remediation {\n            goal\n            options {\n              actions {\n                kind\n                performedBy\n                check\n                provider\n                connection {\n                  id\n                }\n                user {\n                  id\n                  name\n                }\n              }\n            }\n          }\n          warnings {\n            kind\n            message(locale: $locale)\n          }\n        }\n      }\n    }\n  }\n": types.BookingPagesDocument,
    "\n  query Integrations($tab: IntegrationTab = ALL, $userId: ID, $locale: Locale = EN) {\n    integrations(tab: $tab, userId: $userId) {\n      provider\n      kind\n      status\n      accounts {\n        id\n        accountEmail\n        status\n        health\n        statusChangedAt\n        lastError {\n          code\n          action\n          title(locale: $locale)\n          remediation(locale: $locale)\n        }\n      }\n    }\n  }\n": types.IntegrationsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n": types.ViewerDocument,
    "\n  query EventLog($after: String, $first: Int = 100) {\n    events(after: $after, first: $first) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          type\n          occurredAt\n          connectionState {\n            status\n            health\n            lastError {\n              code\n              subReason\n            }\n          }\n          pageState {\n            state\n            acceptingBookings\n          }\n        }\n      }\n    }\n  }\n": types.EventLogDocument,
    "\n  mutation SyncDirectory($input: DirectorySyncInput!) {\n    syncDirectory(input: $input) {\n      applied\n      dryRun\n      errors {\n        list\n        index\n        externalId\n        field\n        code\n        message\n      }\n      counts {\n        usersCreated\n        usersUpdated\n        usersUnchanged\n        usersDeleted\n        pagesCreated\n        pagesUpdated\n        pagesUnchanged\n        pagesDeleted\n        pagesReevaluated\n      }\n      users {\n        externalId\n        id\n      }\n      pages {\n        externalId\n        id\n      }\n      unlinkedConnectionIds\n    }\n  }\n": types.SyncDirectoryDocument,
    "\n  query ExchangeSettings($locale: Locale = EN) {\n    exchangeSettings {\n      ewsUrl\n      roleAccount\n      applicationId\n      status\n      lastTestedAt\n      lastReport {\n        ok\n        steps {\n          id\n          status\n          detail\n          error {\n            code\n            subReason\n            title(locale: $locale)\n            remediation(locale: $locale)\n          }\n        }\n      }\n    }\n  }\n": types.ExchangeSettingsDocument,
    "\n  mutation TestExchangeConnection(\n    $input: ExchangeSettingsInput!\n    $participant: String!\n    $save: Boolean = false\n    $locale: Locale = EN\n  ) {\n    testExchangeConnection(input: $input, participant: $participant, save: $save) {\n      ok\n      steps {\n        id\n        status\n        detail\n        error {\n          code\n          subReason\n          connectionBroken\n          title(locale: $locale)\n          remediation(locale: $locale)\n        }\n      }\n    }\n  }\n": types.TestExchangeConnectionDocument,
    "\n  mutation SaveExchangeSettings($input: ExchangeSettingsInput!) {\n    saveExchangeSettings(input: $input) {\n      ewsUrl\n      roleAccount\n      applicationId\n      status\n      lastTestedAt\n    }\n  }\n": types.SaveExchangeSettingsDocument,
    "\n  mutation ConnectExchangeCalendar($mailbox: String, $userId: ID, $locale: Locale = EN) {\n    connectExchangeCalendar(mailbox: $mailbox, userId: $userId) {\n      id\n      provider\n      status\n      health\n      accountEmail\n      lastError {\n        code\n        subReason\n        title(locale: $locale)\n        remediation(locale: $locale)\n      }\n    }\n  }\n": types.ConnectExchangeCalendarDocument,
    "\n  mutation StartReconnect($connectionId: ID!, $redirectUri: String, $returnUrl: String) {\n    startReconnect(connectionId: $connectionId, redirectUri: $redirectUri, returnUrl: $returnUrl) {\n      authorizationUrl\n      state\n      expiresAt\n    }\n  }\n": types.StartReconnectDocument,
    "\n  mutation UnlinkConnection($connectionId: ID!) {\n    unlinkConnection(connectionId: $connectionId) {\n      id\n      status\n    }\n  }\n": types.UnlinkConnectionDocument,
    "\n  mutation SetBookingPageEnabled($pageId: ID!, $enabled: Boolean!) {\n    setBookingPageEnabled(pageId: $pageId, enabled: $enabled) {\n      id\n      enabled\n      state\n      acceptingBookings\n    }\n  }\n": types.SetBookingPageEnabledDocument,
    "\n  mutation RemoveAllLocations($pageId: ID!) {\n    removeAllLocations(pageId: $pageId) {\n      id\n      state\n      acceptingBookings\n      locations {\n        id\n      }\n    }\n  }\n": types.RemoveAllLocationsDocument,
    "\n  mutation AddLocation($pageId: ID!, $location: LocationInput!) {\n    addLocation(pageId: $pageId, location: $location) {\n      id\n      state\n      acceptingBookings\n      locations {\n        id\n        type\n        usable\n      }\n    }\n  }\n": types.AddLocationDocument,
    "\n  mutation CheckConnection($connectionId: ID!, $locale: Locale = EN) {\n    checkConnection(connectionId: $connectionId) {\n      id\n      status\n      health\n      lastCheckedAt\n      lastError {\n        code\n        subReason\n        retryAfterSeconds\n        title(locale: $locale)\n        remediation(locale: $locale)\n      }\n    }\n  }\n": types.CheckConnectionDocument,
    "\n  fragment OrganizationNotificationSettingsFields on OrganizationNotificationSettings {\n    emailEnabled\n    slackEnabled\n    slackWebhookUrlHint\n    escalationDelayMinutes\n    digestWindowMinutes\n    quietHours {\n      start\n      end\n      timeZone\n    }\n    updatedAt\n  }\n": types.OrganizationNotificationSettingsFieldsFragmentDoc,
    "\n  fragment UserNotificationSettingsFields on UserNotificationSettings {\n    userId\n    emailEnabled\n    slackEnabled\n    slackWebhookUrlHint\n    quietHours {\n      start\n      end\n      timeZone\n    }\n    updatedAt\n  }\n": types.UserNotificationSettingsFieldsFragmentDoc,
    "\n  query OrganizationNotificationSettings {\n    organizationNotificationSettings {\n      ...OrganizationNotificationSettingsFields\n    }\n  }\n": types.OrganizationNotificationSettingsDocument,
    "\n  mutation UpdateOrganizationNotificationSettings($input: OrganizationNotificationSettingsInput!) {\n    updateOrganizationNotificationSettings(input: $input) {\n      ...OrganizationNotificationSettingsFields\n    }\n  }\n": types.UpdateOrganizationNotificationSettingsDocument,
    "\n  query NotificationSettings($userId: ID) {\n    notificationSettings(userId: $userId) {\n      ...UserNotificationSettingsFields\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($userId: ID, $input: UserNotificationSettingsInput!) {\n    updateNotificationSettings(userId: $userId, input: $input) {\n      ...UserNotificationSettingsFields\n    }\n  }\n": types.UpdateNotificationSettingsDocument,
    "\n  query Notifications($userId: ID, $first: Int = 20) {\n    notifications(userId: $userId, first: $first) {\n      id\n      kind\n      channel\n      status\n      connectionId\n      createdAt\n      sentAt\n      lastError\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation SendTestNotification {\n    sendTestNotification {\n      channel\n      ok\n      error\n    }\n  }\n": types.SendTestNotificationDocument,
    "\n  query MailOutbox($first: Int = 20, $after: String) {\n    mailOutbox(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          language\n          text\n          html\n          receivedAt\n          links\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.MailOutboxDocument,
    "\n  subscription Events($after: String) {\n    events(after: $after) {\n      id\n      cursor\n      type\n      occurredAt\n      payload\n      connection {\n        id\n      }\n      connectionState {\n        status\n        health\n        lastError {\n          code\n          subReason\n        }\n      }\n      page {\n        id\n      }\n      pageState {\n        state\n        acceptingBookings\n      }\n    }\n  }\n": types.EventsDocument,
    "\n  subscription BookingPageStateChanged($pageId: ID) {\n    bookingPageStateChanged(pageId: $pageId) {\n      cursor\n      occurredAt\n      previousState\n      state\n      acceptingBookings\n      reasons {\n        kind\n      }\n      page {\n        id\n        title\n      }\n    }\n  }\n": types.BookingPageStateChangedDocument,
    "\n  subscription ConnectionStatusChanged($userId: ID) {\n    connectionStatusChanged(userId: $userId) {\n      cursor\n      occurredAt\n      previousStatus\n      status\n      health\n      lastError {\n        code\n        subReason\n      }\n      connection {\n        id\n        provider\n        accountEmail\n      }\n    }\n  }\n": types.ConnectionStatusChangedDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    previousSecretExpiresAt\n    createdAt\n    updatedAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventCursor\n    eventType\n    status\n    attempts\n    lastAttemptAt\n    nextAttemptAt\n    deliveredAt\n    latencyMs\n    responseStatus\n    lastError\n    createdAt\n  }\n": types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int = 20, $after: String, $status: WebhookDeliveryStatus) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after, status: $status) {\n      edges {\n        cursor\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!, $overlapHours: Int = 24) {\n    rotateWebhookSecret(id: $id, overlapHours: $overlapHours) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryFields\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      ...WebhookDeliveryFields\n    }\n  }\n": types.SendTestWebhookDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationConnections(\n    $first: Int = 50\n    $after: String\n    $filter: ConnectionFilter\n    $locale: Locale = EN\n  ) {\n    connections(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          provider\n          kind\n          accountEmail\n          status\n          health\n          statusChangedAt\n          user {\n            id\n            name\n            email\n          }\n          lastError {\n            code\n            action\n            title(locale: $locale)\n            remediation(locale: $locale)\n          }\n          affectedBookingPages {\n            id\n            title\n            state\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').OrganizationConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationUsers($first: Int = 50, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          role\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').OrganizationUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectionAlerts {\n    connectionAlerts {\n      erroredConnections\n      disabledBookingPages\n    }\n  }\n"): typeof import('./graphql.js').ConnectionAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingPages($first: Int = 50, $after: String, $state: BookingPageState, $locale: Locale = EN) {\n    bookingPages(first: $first, after: $after, state: $state) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          slug\n          mode\n          roundRobin\n          state\n          acceptingBookings\n          stateChangedAt\n          owner {\n            id\n            name\n          }\n          members {\n            id\n            name\n          }\n          eligibleHosts {\n            id\n          }\n          reasons {\n            kind\n            message(locale: $locale)\n            user {\n              id\n              name\n            }\n            connections {\n              id\n              provider\n              accountEmail\n              lastError {\n                code\n                title(locale: $locale)\n                remediation(locale: $locale)\n              }\n            }\n          }\n          remediation {\n            goal\n            options {\n              actions {\n                kind\n                performedBy\n                check\n                provider\n                connection {\n                  id\n                }\n                user {\n                  id\n                  name\n                }\n              }\n            }\n          }\n          warnings {\n            kind\n            message(locale: $locale)\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').BookingPagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Integrations($tab: IntegrationTab = ALL, $userId: ID, $locale: Locale = EN) {\n    integrations(tab: $tab, userId: $userId) {\n      provider\n      kind\n      status\n      accounts {\n        id\n        accountEmail\n        status\n        health\n        statusChangedAt\n        lastError {\n          code\n          action\n          title(locale: $locale)\n          remediation(locale: $locale)\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').IntegrationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n"): typeof import('./graphql.js').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventLog($after: String, $first: Int = 100) {\n    events(after: $after, first: $first) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          type\n          occurredAt\n          connectionState {\n            status\n            health\n            lastError {\n              code\n              subReason\n            }\n          }\n          pageState {\n            state\n            acceptingBookings\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').EventLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncDirectory($input: DirectorySyncInput!) {\n    syncDirectory(input: $input) {\n      applied\n      dryRun\n      errors {\n        list\n        index\n        externalId\n        field\n        code\n        message\n      }\n      counts {\n        usersCreated\n        usersUpdated\n        usersUnchanged\n        usersDeleted\n        pagesCreated\n        pagesUpdated\n        pagesUnchanged\n        pagesDeleted\n        pagesReevaluated\n      }\n      users {\n        externalId\n        id\n      }\n      pages {\n        externalId\n        id\n      }\n      unlinkedConnectionIds\n    }\n  }\n"): typeof import('./graphql.js').SyncDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExchangeSettings($locale: Locale = EN) {\n    exchangeSettings {\n      ewsUrl\n      roleAccount\n      applicationId\n      status\n      lastTestedAt\n      lastReport {\n        ok\n        steps {\n          id\n          status\n          detail\n          error {\n            code\n            subReason\n            title(locale: $locale)\n            remediation(locale: $locale)\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ExchangeSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestExchangeConnection(\n    $input: ExchangeSettingsInput!\n    $participant: String!\n    $save: Boolean = false\n    $locale: Locale = EN\n  ) {\n    testExchangeConnection(input: $input, participant: $participant, save: $save) {\n      ok\n      steps {\n        id\n        status\n        detail\n        error {\n          code\n          subReason\n          connectionBroken\n          title(locale: $locale)\n          remediation(locale: $locale)\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestExchangeConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveExchangeSettings($input: ExchangeSettingsInput!) {\n    saveExchangeSettings(input: $input) {\n      ewsUrl\n      roleAccount\n      applicationId\n      status\n      lastTestedAt\n    }\n  }\n"): typeof import('./graphql.js').SaveExchangeSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectExchangeCalendar($mailbox: String, $userId: ID, $locale: Locale = EN) {\n    connectExchangeCalendar(mailbox: $mailbox, userId: $userId) {\n      id\n      provider\n      status\n      health\n      accountEmail\n      lastError {\n        code\n        subReason\n        title(locale: $locale)\n        remediation(locale: $locale)\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConnectExchangeCalendarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReconnect($connectionId: ID!, $redirectUri: String, $returnUrl: String) {\n    startReconnect(connectionId: $connectionId, redirectUri: $redirectUri, returnUrl: $returnUrl) {\n      authorizationUrl\n      state\n      expiresAt\n    }\n  }\n"): typeof import('./graphql.js').StartReconnectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkConnection($connectionId: ID!) {\n    unlinkConnection(connectionId: $connectionId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.js').UnlinkConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBookingPageEnabled($pageId: ID!, $enabled: Boolean!) {\n    setBookingPageEnabled(pageId: $pageId, enabled: $enabled) {\n      id\n      enabled\n      state\n      acceptingBookings\n    }\n  }\n"): typeof import('./graphql.js').SetBookingPageEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAllLocations($pageId: ID!) {\n    removeAllLocations(pageId: $pageId) {\n      id\n      state\n      acceptingBookings\n      locations {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.js').RemoveAllLocationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddLocation($pageId: ID!, $location: LocationInput!) {\n    addLocation(pageId: $pageId, location: $location) {\n      id\n      state\n      acceptingBookings\n      locations {\n        id\n        type\n        usable\n      }\n    }\n  }\n"): typeof import('./graphql.js').AddLocationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckConnection($connectionId: ID!, $locale: Locale = EN) {\n    checkConnection(connectionId: $connectionId) {\n      id\n      status\n      health\n      lastCheckedAt\n      lastError {\n        code\n        subReason\n        retryAfterSeconds\n        title(locale: $locale)\n        remediation(locale: $locale)\n      }\n    }\n  }\n"): typeof import('./graphql.js').CheckConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationNotificationSettingsFields on OrganizationNotificationSettings {\n    emailEnabled\n    slackEnabled\n    slackWebhookUrlHint\n    escalationDelayMinutes\n    digestWindowMinutes\n    quietHours {\n      start\n      end\n      timeZone\n    }\n    updatedAt\n  }\n"): typeof import('./graphql.js').OrganizationNotificationSettingsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserNotificationSettingsFields on UserNotificationSettings {\n    userId\n    emailEnabled\n    slackEnabled\n    slackWebhookUrlHint\n    quietHours {\n      start\n      end\n      timeZone\n    }\n    updatedAt\n  }\n"): typeof import('./graphql.js').UserNotificationSettingsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationNotificationSettings {\n    organizationNotificationSettings {\n      ...OrganizationNotificationSettingsFields\n    }\n  }\n"): typeof import('./graphql.js').OrganizationNotificationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganizationNotificationSettings($input: OrganizationNotificationSettingsInput!) {\n    updateOrganizationNotificationSettings(input: $input) {\n      ...OrganizationNotificationSettingsFields\n    }\n  }\n"): typeof import('./graphql.js').UpdateOrganizationNotificationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings($userId: ID) {\n    notificationSettings(userId: $userId) {\n      ...UserNotificationSettingsFields\n    }\n  }\n"): typeof import('./graphql.js').NotificationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($userId: ID, $input: UserNotificationSettingsInput!) {\n    updateNotificationSettings(userId: $userId, input: $input) {\n      ...UserNotificationSettingsFields\n    }\n  }\n"): typeof import('./graphql.js').UpdateNotificationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($userId: ID, $first: Int = 20) {\n    notifications(userId: $userId, first: $first) {\n      id\n      kind\n      channel\n      status\n      connectionId\n      createdAt\n      sentAt\n      lastError\n    }\n  }\n"): typeof import('./graphql.js').NotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestNotification {\n    sendTestNotification {\n      channel\n      ok\n      error\n    }\n  }\n"): typeof import('./graphql.js').SendTestNotificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailOutbox($first: Int = 20, $after: String) {\n    mailOutbox(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          language\n          text\n          html\n          receivedAt\n          links\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql.js').MailOutboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Events($after: String) {\n    events(after: $after) {\n      id\n      cursor\n      type\n      occurredAt\n      payload\n      connection {\n        id\n      }\n      connectionState {\n        status\n        health\n        lastError {\n          code\n          subReason\n        }\n      }\n      page {\n        id\n      }\n      pageState {\n        state\n        acceptingBookings\n      }\n    }\n  }\n"): typeof import('./graphql.js').EventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BookingPageStateChanged($pageId: ID) {\n    bookingPageStateChanged(pageId: $pageId) {\n      cursor\n      occurredAt\n      previousState\n      state\n      acceptingBookings\n      reasons {\n        kind\n      }\n      page {\n        id\n        title\n      }\n    }\n  }\n"): typeof import('./graphql.js').BookingPageStateChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConnectionStatusChanged($userId: ID) {\n    connectionStatusChanged(userId: $userId) {\n      cursor\n      occurredAt\n      previousStatus\n      status\n      health\n      lastError {\n        code\n        subReason\n      }\n      connection {\n        id\n        provider\n        accountEmail\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConnectionStatusChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    previousSecretExpiresAt\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql.js').WebhookEndpointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventCursor\n    eventType\n    status\n    attempts\n    lastAttemptAt\n    nextAttemptAt\n    deliveredAt\n    latencyMs\n    responseStatus\n    lastError\n    createdAt\n  }\n"): typeof import('./graphql.js').WebhookDeliveryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n"): typeof import('./graphql.js').WebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $first: Int = 20, $after: String, $status: WebhookDeliveryStatus) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after, status: $status) {\n      edges {\n        cursor\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').CreateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n"): typeof import('./graphql.js').UpdateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!, $overlapHours: Int = 24) {\n    rotateWebhookSecret(id: $id, overlapHours: $overlapHours) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').RotateWebhookSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): typeof import('./graphql.js').DeleteWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryFields\n    }\n  }\n"): typeof import('./graphql.js').RedeliverWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      ...WebhookDeliveryFields\n    }\n  }\n"): typeof import('./graphql.js').SendTestWebhookDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
