import type { LocaleCatalog } from './catalog.js';

export const enCatalog: LocaleCatalog = {
  services: { google: 'Google Calendar', microsoft: 'Microsoft 365', exchange: 'Exchange', zoom: 'Zoom' },
  anyService: 'the connected service',
  reconnect: {
    google:
      'Open Integrations > Google Calendar > Details, find the Google account in error under calendar and resource accounts, and click Check to reconnect it.',
    microsoft:
      'Open Integrations > Microsoft > Details, find the Microsoft account in error under calendar and resource accounts, and click Check to reconnect it (for Teams: Integrations > Teams > Details > Reconnect).',
    exchange:
      'Once the Exchange settings are fixed, open Integrations > Exchange > Details and check the connection again.',
    zoom: 'Open Integrations > Zoom > Details and click Reconnect.',
    any: 'Open Integrations, click Details on the integration in error and reconnect the account.',
  },
  codes: {
    RATE_LIMITED: {
      title: 'Too many requests to {service}',
      remediation:
        'Nothing to do: requests are retried automatically with increasing delays. If this keeps happening, sync calendars less often or ask the provider for a higher quota.',
    },
    QUOTA_EXCEEDED: {
      title: '{service} usage limit reached',
      remediation:
        'Requests are paused and retried later automatically. If it lasts more than a day, check the usage limits of the account in the {service} admin console and spread out bulk operations.',
    },
    PROVIDER_UNAVAILABLE: {
      title: '{service} is temporarily unavailable',
      remediation:
        'Nothing to do: we retry automatically. If it lasts more than an hour, check the {service} status page.',
    },
    NETWORK_UNREACHABLE: {
      title: 'Cannot reach {service}',
      remediation:
        "We retry automatically. If it persists, check this server's internet connection, proxy and firewall rules for outgoing HTTPS.",
    },
    AUTH_EXPIRED: {
      title: 'Access to {service} needs refreshing',
      remediation:
        'Nothing to do: the access token is refreshed automatically. If the error returns right after a refresh: {reconnect}',
    },
    AUTH_REVOKED: {
      title: 'The {service} connection expired or was revoked',
      remediation:
        '{reconnect} Booking pages disabled by this error are re-enabled as soon as it is reconnected.',
    },
    INTERACTION_REQUIRED: {
      title: '{service} needs you to sign in again',
      remediation: '{reconnect} Complete sign-in, multi-factor authentication and the consent screen.',
    },
    INSUFFICIENT_SCOPE: {
      title: 'A {service} permission is missing',
      remediation: '{reconnect} Keep every permission ticked on the consent screen.',
    },
    PERMISSION_DENIED: {
      title: '{service} refused access',
      remediation:
        'Ask the {service} administrator to allow this application (admin consent, API or application access policy) and to share the calendar with the connected account, then test the connection again.',
    },
    MISCONFIGURED: {
      title: 'The {service} integration is misconfigured',
      remediation:
        'An administrator must correct the integration settings (client ID and secret, enabled APIs, tenant, server URL), then test the connection again from Integrations.',
    },
    ACCOUNT_UNAVAILABLE: {
      title: 'The {service} account or mailbox is unavailable: an administrator must fix it',
      remediation:
        'Reconnecting will not help: the account has been deleted, disabled or left without a calendar licence. Ask your {service} administrator to restore or enable the account and assign it a licence with a mailbox and calendar; the connection works again by itself once they have.',
    },
    INSECURE_ENDPOINT: {
      title: 'The server URL is not secure',
      remediation: 'Change the configured server URL so that it starts with https:// and save the settings.',
    },
    TLS_ERROR: {
      title: "The server's SSL/TLS certificate is not valid",
      remediation:
        'Install a valid certificate on the server: issued by a trusted certificate authority, not expired, and matching the host name in the configured URL.',
    },
    DNS_NOT_FOUND: {
      title: 'The server host name does not exist',
      remediation:
        'Correct the host name in the configured server URL (check the spelling) or create the missing DNS record.',
    },
    INVALID_REQUEST: {
      title: '{service} rejected the request',
      remediation:
        'This is an application error, not a problem with your account: retrying it unchanged will not help. Contact support with the error details.',
    },
    NOT_FOUND: {
      title: 'The item was not found in {service}',
      remediation:
        'The calendar, event or meeting no longer exists (it was deleted) or is not shared with the connected account. Waiting will not bring it back: create it again, or check its sharing.',
    },
    ALREADY_DELETED: {
      title: 'The item was already deleted',
      remediation: 'Nothing to do.',
    },
    ALREADY_EXISTS: {
      title: 'The item already exists in {service}',
      remediation:
        'Nothing to do: the item is created under a new identifier or the existing one is updated.',
    },
    CONFLICT: {
      title: 'A conflicting change was in progress',
      remediation: 'Nothing to do: the remaining changes are retried automatically.',
    },
    PRECONDITION_FAILED: {
      title: 'The item changed in {service} meanwhile',
      remediation:
        'Nothing to do: the latest version is fetched and the change is applied again automatically.',
    },
    SYNC_TOKEN_INVALID: {
      title: 'The {service} sync state expired',
      remediation:
        'Nothing to do: a full calendar synchronisation runs automatically and may take a few minutes.',
    },
    ORGANIZER_ONLY: {
      title: 'Only the organizer can change this event',
      remediation:
        "Shared event settings (such as guest permissions) can only be changed on the organizer's copy. Make the change from the organizer's calendar.",
    },
    UNKNOWN: {
      title: 'Unexpected error from {service}',
      remediation: 'Try again later. If the error persists, contact support with the error details.',
    },
  },
  subReasons: {
    INTEROP_CONNECTION_ERROR: {
      title: "Connection error: Google Calendar can't reach the Exchange server",
      remediation:
        'A firewall may be blocking access, or the host name or port is wrong. Check the Exchange URL in the Google Admin console, make sure the server is reachable from the internet, and test it with Microsoft Remote Connectivity Analyzer.',
    },
    INTEROP_EWS_COMMUNICATION_ERROR: {
      title: 'EWS communication error: the Exchange server URL uses HTTP',
      remediation:
        'HTTP is not a secure protocol. In the Google Admin console, change the Exchange server URL so that it starts with https://.',
    },
    INTEROP_EWS_RESPONSE_ERROR: {
      title: 'EWS response error: the URL does not answer as Exchange Web Services',
      remediation:
        'Check the Exchange URL (in Exchange admin center: servers > virtual directories > EWS), the Exchange credentials, and that no firewall blocks the EWS port from the internet. Microsoft Remote Connectivity Analyzer can verify the setup.',
    },
    INTEROP_USERNAME_NOT_EMAIL: {
      title: 'The Exchange user name is not an email address',
      remediation:
        'In the Google Admin console, enter the Exchange role account as a full email address, including the domain name.',
    },
    INTEROP_HOST_NOT_FOUND: {
      title: 'Host not found: the Exchange host name does not resolve',
      remediation:
        'Check the spelling of the Exchange URL in the Google Admin console (Step 5: configure the Admin console) and that a DNS record exists for that host name.',
    },
    INTEROP_NOT_CONFIGURED: {
      title: 'Calendar Interop is not configured',
      remediation:
        'No Exchange connection settings were found. Turn on Calendar Interop in the Google Admin console and enter the Exchange settings (Step 5: configure the Admin console).',
    },
    INTEROP_INVALID_PARTICIPANT: {
      title: 'Invalid participant: the user does not exist in Exchange',
      remediation:
        'Check that the user whose availability is looked up exists in Microsoft Active Directory, or remove that member from the booking page.',
    },
    INTEROP_MALFORMED_URL: {
      title: 'The Exchange URL is malformed',
      remediation:
        'Check the settings in the Google Admin console and enter the complete Exchange URL, for example https://mail.example.com/EWS/Exchange.asmx (Step 5: configure the Admin console).',
    },
    INTEROP_SSL_ERROR: {
      title: 'SSL error: the Exchange certificate is not valid for this host',
      remediation:
        'Use the host name, not an IP address, in the Exchange URL, and make sure the SSL certificate on the Exchange server is valid, not expired, issued by a trusted root authority and covers that host name (no unrecognised alias).',
    },
    INTEROP_BAD_REQUEST: {
      title: 'Error 400: bad request',
      remediation:
        'Make sure the application ID is correct: check the settings in the Google Admin console (Step 5: configure the Admin console), then try again.',
    },
    INTEROP_UNAUTHORIZED: {
      title: 'Error 401: unauthorized',
      remediation:
        "Check that the client secret is correct, that the app registration has a client secret, and that your organization's access control list (ACL) does not block Calendar Interop; then try again.",
    },
    GOOGLE_USER_RATE_LIMIT: {
      title: 'Google Calendar rate limit reached',
      remediation:
        'Nothing to do: requests are retried with exponential backoff. If it happens often, raise the per-user quota of the project in the Google Cloud console.',
    },
    GOOGLE_CALENDAR_USAGE_LIMITS: {
      title: 'Google Calendar usage limits exceeded',
      remediation:
        'Google limits how many operations (for example invitations and new events) one account can perform. Requests are paused and retried later; avoid bulk operations on this calendar for a while.',
    },
    GOOGLE_FORBIDDEN_FOR_NON_ORGANIZER: {
      title: 'Only the organizer can change shared event properties',
      remediation:
        "Change guest options (such as 'guests can invite others') on the organizer's copy of the event; other copies are updated with patch requests only.",
    },
    GOOGLE_API_DISABLED: {
      title: 'The Google Calendar API is disabled for this project',
      remediation:
        'Open the Google Cloud console for the project, enable the Google Calendar API, wait a few minutes, then test the connection again.',
    },
    GOOGLE_SCOPE_INSUFFICIENT: {
      title: 'Google Calendar permission was not granted',
      remediation:
        "Reconnect the Google account from Integrations > Google Calendar > Details and keep every permission ticked on Google's consent screen.",
    },
    GOOGLE_SYNC_TOKEN_EXPIRED: {
      title: 'The Google Calendar sync token expired',
      remediation:
        'Nothing to do: the local copy is cleared and the calendar is fully resynchronised automatically.',
    },
    GOOGLE_DUPLICATE_ID: {
      title: 'An event with this ID already exists in Google Calendar',
      remediation: 'Nothing to do: a new identifier is generated, or the existing event is updated.',
    },
    GOOGLE_CONDITION_NOT_MET: {
      title: 'The Google Calendar event changed meanwhile',
      remediation: 'Nothing to do: the event is fetched again and the change is re-applied.',
    },
    GOOGLE_ADMIN_POLICY_ENFORCED: {
      title: 'Blocked by the Google Workspace administrator',
      remediation:
        'A Google Workspace admin must mark this app as trusted (Admin console > Security > Access and data control > API controls > Manage third-party app access); then reconnect the account.',
    },
    MS_CLIENT_SECRET_EXPIRED: {
      title: "The Microsoft app's client secret has expired",
      remediation:
        'In the Azure portal (App registrations > the app > Certificates & secrets) create a new client secret, enter its value in the integration settings and test the connection.',
    },
    MS_CLIENT_SECRET_INVALID: {
      title: 'The Microsoft client secret is wrong',
      remediation:
        'Enter the client secret value (not the secret ID) from Azure portal > App registrations > Certificates & secrets, then test the connection.',
    },
    MS_REFRESH_TOKEN_EXPIRED: {
      title: 'The Microsoft sign-in expired after a period of inactivity',
      remediation: 'Reconnect the Microsoft account from Integrations > Microsoft > Details.',
    },
    MS_GRANT_REVOKED: {
      title: 'The Microsoft sign-in was revoked',
      remediation:
        'The password was changed or the sessions were revoked. Reconnect the Microsoft account from Integrations > Microsoft > Details.',
    },
    MS_MFA_REQUIRED: {
      title: 'Multi-factor authentication is required',
      remediation:
        'Reconnect the Microsoft account from Integrations > Microsoft > Details and complete multi-factor authentication when asked.',
    },
    MS_CONSENT_REQUIRED: {
      title: 'Consent to the Microsoft app is required',
      remediation:
        'Reconnect the account and accept the requested permissions; if your organization requires it, ask a Microsoft Entra admin to grant admin consent to the app.',
    },
    MS_CONDITIONAL_ACCESS_BLOCKED: {
      title: 'Blocked by a Microsoft Entra Conditional Access policy',
      remediation:
        'Ask a Microsoft Entra administrator to review the Conditional Access policy shown in the sign-in logs and to allow this application; then reconnect the account.',
    },
    MS_MAILBOX_NOT_ENABLED: {
      title: 'The Microsoft 365 mailbox is not available: an administrator must fix it',
      remediation:
        'Reconnecting will not help: the mailbox is inactive, deleted, hosted on-premises or has no Exchange Online licence, so it is not enabled for the REST API. Ask a Microsoft 365 administrator to assign an Exchange Online licence in the Microsoft 365 admin center (or to connect on-premises Exchange through Interop); the connection works again by itself once they have.',
    },
    MS_USER_NOT_IN_TENANT: {
      title: 'The user does not exist in the Microsoft tenant: an administrator must fix it',
      remediation:
        "Reconnecting will not help: the account is not a user (or an invited guest) of the organization's Microsoft Entra tenant. Ask a Microsoft Entra administrator to add the user to the tenant, or connect an account of that tenant.",
    },
    MS_TENANT_NOT_FOUND: {
      title: 'The Microsoft tenant was not found',
      remediation:
        'Check the tenant ID or domain in the integration settings, and that the identity authority matches your cloud (global or national).',
    },
    MS_APP_NOT_FOUND: {
      title: 'The Microsoft app registration was not found',
      remediation:
        'Check the application (client) ID and tenant in the integration settings; for a multi-tenant app, an administrator of this tenant must consent to it first.',
    },
    ZOOM_DAILY_LIMIT: {
      title: 'Zoom daily API limit reached',
      remediation:
        'Nothing to do: requests resume automatically after 00:00 UTC, when Zoom resets the daily limit.',
    },
    TLS_CERT_EXPIRED: {
      title: 'The server certificate has expired',
      remediation:
        'Renew the SSL/TLS certificate on the server and install the new one together with its intermediate certificates.',
    },
    TLS_CERT_UNTRUSTED: {
      title: 'The server certificate is not trusted',
      remediation:
        'Replace the self-signed or incomplete certificate with one issued by a trusted certificate authority, and install the full intermediate chain.',
    },
    TLS_HOSTNAME_MISMATCH: {
      title: 'The certificate does not match the host name',
      remediation:
        'Use the host name the certificate was issued for in the configured URL, or reissue the certificate so that it includes this name.',
    },
    TLS_HOST_IS_IP_ADDRESS: {
      title: 'The URL uses an IP address instead of a host name',
      remediation:
        "Certificates are issued for host names: replace the IP address in the configured URL with the server's host name (for example mail.example.com).",
    },
  },
};
