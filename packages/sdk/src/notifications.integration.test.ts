// The SDK's notification operations against a live gateway (embedded PGlite, demo data) with a real SMTP sink
// and Slack-compatible receiver on loopback: what the README shows, as written there.
import { createGateway, DEFAULT_WEBHOOK_CONFIG, type Gateway, gatewayConfig } from '@tsunagi/gateway';
import {
  type SlackReceiver,
  type SmtpSink,
  startSlackReceiver,
  startSmtpSink,
} from '@tsunagi/notifications/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTsunagiClient, type TsunagiClient, TsunagiClientError } from './client.js';
import {
  NotificationSettingsQuery,
  NotificationsQuery,
  OrganizationNotificationSettingsQuery,
  SendTestNotificationMutation,
  UpdateNotificationSettingsMutation,
  UpdateOrganizationNotificationSettingsMutation,
} from './operations/notifications.js';

let gateway: Gateway;
let admin: TsunagiClient;
let sink: SmtpSink;
let slack: SlackReceiver;

beforeAll(async () => {
  [sink, slack] = await Promise.all([startSmtpSink(), startSlackReceiver()]);
  gateway = await createGateway(
    gatewayConfig({
      webhooks: { ...DEFAULT_WEBHOOK_CONFIG, enabled: false, allowPrivateTargets: true },
      notifications: { enabled: true, smtpUrl: sink.url, from: 'Tsunagi <notify@tsunagi.example>' },
    }),
    { seedDemo: true },
  );
  admin = createTsunagiClient({ url: gateway.url, token: gateway.demo!.adminToken });
}, 60_000);

afterAll(async () => {
  await admin?.close();
  await gateway?.stop();
  await Promise.all([sink?.stop(), slack?.stop()]);
});

it('sets the organization’s and a person’s settings, tests each channel and lists what was sent', async () => {
  const url = slack.url('T0/B0/readme');
  const { updateOrganizationNotificationSettings: organization } = await admin.mutate(
    UpdateOrganizationNotificationSettingsMutation,
    { input: { slackEnabled: true, slackWebhookUrl: url, escalationDelayMinutes: 8 * 60 } },
  );
  expect(organization).toMatchObject({
    slackEnabled: true,
    escalationDelayMinutes: 480,
    digestWindowMinutes: 15,
  });
  expect(organization.slackWebhookUrlHint).toBe(`http://${new URL(url).host}/…adme`);
  const { updateNotificationSettings: mine } = await admin.mutate(UpdateNotificationSettingsMutation, {
    input: { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Rome' } },
  });
  expect(mine.quietHours).toEqual({ start: '22:00', end: '07:00', timeZone: 'Europe/Rome' });
  expect((await admin.query(NotificationSettingsQuery, {})).notificationSettings.userId).toBe(
    gateway.demo!.users.aiko,
  );
  expect(
    (await admin.query(OrganizationNotificationSettingsQuery, {})).organizationNotificationSettings,
  ).toMatchObject({ slackEnabled: true });

  const { sendTestNotification } = await admin.mutate(SendTestNotificationMutation, {});
  expect(sendTestNotification).toEqual([
    { channel: 'EMAIL', ok: true, error: null },
    { channel: 'SLACK', ok: true, error: null },
  ]);
  await Promise.all([sink.waitFor(1), slack.waitFor(1)]);
  expect(slack.received[0]?.body.text).toContain('Test notification from Tsunagi');
  const { notifications } = await admin.query(NotificationsQuery, { first: 10 });
  // The demo's seeded failures are news to this gateway too (their items may be listed, sent or waiting).
  expect(
    notifications
      .filter((line) => line.kind === 'TEST')
      .map((line) => `${line.kind} ${line.channel} ${line.status}`)
      .sort(),
  ).toEqual(['TEST EMAIL SENT', 'TEST SLACK SENT']);
});

it('answers a wrong field with a typed error naming it', async () => {
  const error = await admin
    .mutate(UpdateOrganizationNotificationSettingsMutation, { input: { digestWindowMinutes: 5000 } })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TsunagiClientError);
  expect((error as TsunagiClientError).errors[0]?.extensions?.field).toBe('input.digestWindowMinutes');
});
