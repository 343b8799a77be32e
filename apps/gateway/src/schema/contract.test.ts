// schema.graphql is the contract the SDK is generated from: it must describe exactly the schema the
// server runs. `pnpm codegen` rewrites it.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from './index.js';
import { CONTRACT_FILE, printContract } from './type-defs.js';

describe('schema.graphql', () => {
  it('is up to date with the modules’ SDL (run `pnpm codegen` if not)', () => {
    const checkedIn = buildSchema(readFileSync(CONTRACT_FILE, 'utf8'));
    expect(printContract(checkedIn)).toBe(printContract(createSchema()));
  });

  it('keeps the names the issue fixes', () => {
    const schema = createSchema();
    const fields = (type: string) =>
      Object.keys((schema.getType(type) as { getFields(): object }).getFields()).sort();
    expect(fields('Query')).toEqual(
      [
        'bookingPage',
        'bookingPages',
        'connection',
        'connectionAlerts',
        'events',
        'integrations',
        'viewer',
        // Issue 5 §2: organization-level Exchange settings.
        'exchangeSettings',
        // Issue 11 §2: API keys for services and operators.
        'apiKeys',
        // Issue 11 §4: administrators see the whole organization.
        'users',
        'connections',
        // Issue 12 §3/§5: outgoing webhooks.
        'webhookEndpoints',
        'webhookDeliveries',
        // Issue 12 §5: notification settings.
        'organizationNotificationSettings',
        'notificationSettings',
        'notifications',
        // Issue 12 §2: the embedded mail sink's outbox.
        'mailOutbox',
        // Issue 14 §1: impact analysis ("what if").
        'connectionImpact',
        'plannedChangeImpact',
        // Issue 15 "Operators see it": per-organization health figures.
        'organizationHealthReport',
      ].sort(),
    );
    expect(fields('Mutation')).toEqual(
      [
        'connectAccount',
        'startReconnect',
        'completeAuthorization',
        'unlinkConnection',
        'checkConnection',
        'createBookingPage',
        'updateBookingPage',
        'addLocation',
        'removeLocation',
        'removeAllLocations',
        'changeOwner',
        'setBookingPageEnabled',
        'testExchangeConnection',
        'saveExchangeSettings',
        // Issue 5 §2: an EXCHANGE calendar is linked through the organization's Interop settings.
        'connectExchangeCalendar',
        'retestExchangeSettings',
        // Issue 11 §2: API keys for services and operators.
        'createApiKey',
        'revokeApiKey',
        // Issue 11 §1: directory sync for SERVICE and ADMIN credentials.
        'syncDirectory',
        // Issue 12 §3/§5: outgoing webhooks.
        'createWebhookEndpoint',
        'updateWebhookEndpoint',
        'rotateWebhookSecret',
        'deleteWebhookEndpoint',
        'redeliverWebhook',
        'sendTestWebhook',
        // Issue 12 §5: notification settings and a test message.
        'updateOrganizationNotificationSettings',
        'updateNotificationSettings',
        'sendTestNotification',
      ].sort(),
    );
    expect(fields('Subscription')).toEqual(
      [
        'bookingPageStateChanged',
        'connectionStatusChanged',
        'events',
        // Issue 13 §1: the Exchange connectivity report, live as it runs.
        'exchangeConnectionTest',
      ].sort(),
    );
    expect(fields('BookingPageConnection')).toEqual(['edges', 'pageInfo', 'totalCount']);
  });
});
