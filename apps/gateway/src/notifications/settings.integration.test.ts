// Notification settings over GraphQL on both drivers: admins set the organization's (a Slack URL sealed at
// rest and only ever shown masked), people their own; a MEMBER is refused the organization's and anyone
// else's, a foreign organization's user is NOT_FOUND; a wrong field is BAD_USER_INPUT naming it and changes
// nothing; a test message reaches the caller on each channel (a real SMTP sink and Slack receiver on
// loopback) and shows in their recent notifications. In production mode a loopback Slack URL is refused.
import {
  type SlackReceiver,
  type SmtpSink,
  startSlackReceiver,
  startSmtpSink,
} from '@tsunagi/notifications/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { columnsHolding, snapshot } from '../../test/database.js';
import { codes, describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { DEFAULT_WEBHOOK_CONFIG } from '../webhooks/config.js';

let sink: SmtpSink;
let slack: SlackReceiver;

beforeAll(async () => {
  [sink, slack] = await Promise.all([startSmtpSink(), startSlackReceiver()]);
});

afterAll(async () => {
  await Promise.all([sink?.stop(), slack?.stop()]);
});

const ORG_FIELDS =
  'emailEnabled slackEnabled slackWebhookUrlHint escalationDelayMinutes digestWindowMinutes atRiskWarningDays quietHours { start end timeZone }';
const USER_FIELDS = 'userId emailEnabled slackEnabled slackWebhookUrlHint quietHours { start end timeZone }';
const READ_ORG = `query { organizationNotificationSettings { ${ORG_FIELDS} } }`;
const UPDATE_ORG = `mutation U($input: OrganizationNotificationSettingsInput!) {
  updateOrganizationNotificationSettings(input: $input) { ${ORG_FIELDS} } }`;
const READ_USER = `query R($userId: ID) { notificationSettings(userId: $userId) { ${USER_FIELDS} } }`;
const UPDATE_USER = `mutation U($userId: ID, $input: UserNotificationSettingsInput!) {
  updateNotificationSettings(userId: $userId, input: $input) { ${USER_FIELDS} } }`;
const RECENT = `query N($userId: ID) { notifications(userId: $userId) { kind channel status sentAt lastError } }`;
const TEST = 'mutation { sendTestNotification { channel ok error } }';

describeEachDriver('notification settings (%s)', (driver) => {
  const t = useTestGateway(driver, {
    config: {
      get notifications() {
        return { enabled: true, smtpUrl: sink.url, from: 'Tsunagi <notify@tsunagi.example>' };
      },
    },
  });

  it('lets an admin set the organization’s settings; the Slack URL is sealed and shown masked', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    const defaults = await t().graphql(READ_ORG, { caller: w.caller('admin') });
    expect(defaults.body.data?.organizationNotificationSettings).toEqual({
      emailEnabled: true,
      slackEnabled: false,
      slackWebhookUrlHint: null,
      escalationDelayMinutes: 1440,
      digestWindowMinutes: 15,
      atRiskWarningDays: 7,
      quietHours: null,
    });
    const url = slack.url(`T9/B9/${w.organizationId}-secret`);
    const input = {
      slackEnabled: true,
      slackWebhookUrl: url,
      escalationDelayMinutes: 120,
      digestWindowMinutes: 5,
      atRiskWarningDays: 3,
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Rome' },
    };
    const updated = await t().graphql(UPDATE_ORG, { caller: w.caller('admin'), variables: { input } });
    expect(codes(updated)).toEqual([]);
    const expected = {
      emailEnabled: true,
      slackEnabled: true,
      slackWebhookUrlHint: `http://${new URL(url).host}/…${url.slice(-4)}`,
      escalationDelayMinutes: 120,
      digestWindowMinutes: 5,
      atRiskWarningDays: 3,
      quietHours: input.quietHours,
    };
    expect(updated.body.data?.updateOrganizationNotificationSettings).toEqual(expected);
    expect(JSON.stringify(updated.body)).not.toContain(url);
    const read = await t().graphql(READ_ORG, { caller: w.caller('admin') });
    expect(read.body.data?.organizationNotificationSettings).toEqual(expected);
    expect(await columnsHolding(t().handle, [url])).toEqual([]);

    // null clears; an absent field stays.
    const cleared = await t().graphql(UPDATE_ORG, {
      caller: w.caller('admin'),
      variables: { input: { slackWebhookUrl: null, quietHours: null } },
    });
    expect(cleared.body.data?.updateOrganizationNotificationSettings).toMatchObject({
      slackWebhookUrlHint: null,
      quietHours: null,
      escalationDelayMinutes: 120,
    });
  });

  it('answers a wrong field with BAD_USER_INPUT naming it, and changes nothing', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    await t().graphql(UPDATE_ORG, {
      caller: w.caller('admin'),
      variables: { input: { digestWindowMinutes: 30 } },
    });
    const before = await snapshot(t().handle);
    const quiet = { start: '22:00', end: '07:00', timeZone: 'UTC' };
    const refused: [string, Record<string, unknown>, string][] = [
      [
        UPDATE_ORG,
        { input: { escalationDelayMinutes: 1, digestWindowMinutes: 10 } },
        'input.escalationDelayMinutes',
      ],
      [UPDATE_ORG, { input: { digestWindowMinutes: 1441 } }, 'input.digestWindowMinutes'],
      [UPDATE_ORG, { input: { digestWindowMinutes: -1 } }, 'input.digestWindowMinutes'],
      [UPDATE_ORG, { input: { atRiskWarningDays: 0 } }, 'input.atRiskWarningDays'],
      [UPDATE_ORG, { input: { atRiskWarningDays: 31 } }, 'input.atRiskWarningDays'],
      [UPDATE_ORG, { input: { quietHours: { ...quiet, start: '25:00' } } }, 'input.quietHours.start'],
      [UPDATE_ORG, { input: { quietHours: { ...quiet, end: '7am' } } }, 'input.quietHours.end'],
      [UPDATE_ORG, { input: { quietHours: { ...quiet, end: '22:00' } } }, 'input.quietHours.end'],
      [
        UPDATE_ORG,
        { input: { quietHours: { ...quiet, timeZone: 'Mars/Base' } } },
        'input.quietHours.timeZone',
      ],
      [
        UPDATE_ORG,
        { input: { emailEnabled: false, slackWebhookUrl: 'ftp://hooks.example/x' } },
        'input.slackWebhookUrl',
      ],
      [
        UPDATE_ORG,
        { input: { slackWebhookUrl: 'https://user:pw@hooks.example/x' } },
        'input.slackWebhookUrl',
      ],
      [
        UPDATE_ORG,
        { input: { slackWebhookUrl: `https://hooks.example/${'a'.repeat(2001)}` } },
        'input.slackWebhookUrl',
      ],
      [
        UPDATE_USER,
        { input: { emailEnabled: false, quietHours: { ...quiet, timeZone: '' } } },
        'input.quietHours.timeZone',
      ],
      [UPDATE_USER, { input: { slackWebhookUrl: 'not a url' } }, 'input.slackWebhookUrl'],
      [RECENT, { userId: 'bad id!' }, 'userId'],
    ];
    for (const [query, variables, field] of refused) {
      const response = await t().graphql(query, { caller: w.caller('admin'), variables });
      expect(codes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions?.field, JSON.stringify(variables)).toBe(field);
    }
    expect(await snapshot(t().handle)).toEqual(before);
  });

  it('keeps people to their own settings; admins reach their organization’s people only', async () => {
    const w = await World.create(t(), ['admin', 'member', 'other'], { admin: 'ADMIN' });
    const foreign = await World.create(t(), ['stranger'], { stranger: 'ADMIN' });
    const member = w.caller('member');
    const before = await snapshot(t().handle);
    for (const [query, variables] of [
      [READ_ORG, {}],
      [UPDATE_ORG, { input: { digestWindowMinutes: 0 } }],
      [READ_USER, { userId: w.users.other }],
      [UPDATE_USER, { userId: w.users.other, input: { emailEnabled: false } }],
      [RECENT, { userId: w.users.admin }],
    ] as const) {
      const response = await t().graphql(query, { caller: member, variables });
      expect(codes(response), query).toEqual(['FORBIDDEN']);
    }
    for (const [query, variables] of [
      [READ_USER, { userId: foreign.users.stranger }],
      [UPDATE_USER, { userId: foreign.users.stranger, input: { emailEnabled: false } }],
      [RECENT, { userId: foreign.users.stranger }],
    ] as const) {
      const response = await t().graphql(query, { caller: w.caller('admin'), variables });
      expect(codes(response), query).toEqual(['NOT_FOUND']);
    }
    expect(await snapshot(t().handle)).toEqual(before);

    const own = await t().graphql(UPDATE_USER, {
      caller: member,
      variables: { input: { quietHours: { start: '23:00', end: '06:30', timeZone: 'Asia/Tokyo' } } },
    });
    expect(own.body.data?.updateNotificationSettings).toMatchObject({
      userId: w.users.member,
      emailEnabled: true,
      quietHours: { start: '23:00', end: '06:30', timeZone: 'Asia/Tokyo' },
    });
    const byAdmin = await t().graphql(UPDATE_USER, {
      caller: w.caller('admin'),
      variables: { userId: w.users.member, input: { emailEnabled: false } },
    });
    expect(byAdmin.body.data?.updateNotificationSettings).toMatchObject({ emailEnabled: false });
    const read = await t().graphql(READ_USER, { caller: member });
    expect(read.body.data?.notificationSettings).toMatchObject({
      emailEnabled: false,
      quietHours: { timeZone: 'Asia/Tokyo' },
    });
  });

  it('sends a test message on each of the caller’s channels and reports each outcome', async () => {
    const w = await World.create(t(), ['admin', 'member'], { admin: 'ADMIN' });
    await t().graphql(UPDATE_ORG, {
      caller: w.caller('admin'),
      variables: { input: { slackEnabled: true } },
    });
    const path = `T1/B1/${w.users.member}`;
    await t().graphql(UPDATE_USER, {
      caller: w.caller('member'),
      variables: { input: { slackWebhookUrl: slack.url(path) } },
    });
    const tested = await t().graphql(TEST, { caller: w.caller('member') });
    expect(tested.body.data?.sendTestNotification).toEqual([
      { channel: 'EMAIL', ok: true, error: null },
      { channel: 'SLACK', ok: true, error: null },
    ]);
    const email = (
      await t().handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, w.users.member) })
    )?.email;
    const deadline = Date.now() + 5_000;
    while (!sink.received.some((mail) => mail.to.includes(email ?? '')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sink.received.find((mail) => mail.to.includes(email ?? ''))?.subject).toBe(
      'Test notification from Tsunagi',
    );
    expect(slack.received.find((post) => post.path.endsWith(path))?.body.text).toContain(
      'Test notification from Tsunagi',
    );

    // The receiver refuses now: the answer says so, per channel.
    slack.answerWith(404);
    try {
      const refused = await t().graphql(TEST, { caller: w.caller('member') });
      expect(refused.body.data?.sendTestNotification).toEqual([
        { channel: 'EMAIL', ok: true, error: null },
        { channel: 'SLACK', ok: false, error: 'HTTP 404' },
      ]);
    } finally {
      slack.answerWith(200);
    }
    const recent = await t().graphql(RECENT, {
      caller: w.caller('admin'),
      variables: { userId: w.users.member },
    });
    const lines = (recent.body.data?.notifications ?? []) as {
      kind: string;
      channel: string;
      status: string;
    }[];
    expect(lines.map(({ kind, channel, status }) => `${kind} ${channel} ${status}`).sort()).toEqual(
      ['TEST EMAIL SENT', 'TEST EMAIL SENT', 'TEST SLACK FAILED', 'TEST SLACK SENT'].sort(),
    );
  });
});

describeEachDriver('Slack URLs in production mode (%s)', (driver) => {
  const t = useTestGateway(driver, { config: { webhooks: { ...DEFAULT_WEBHOOK_CONFIG, enabled: false } } });

  it('refuses loopback, private and link-local Slack URLs', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    for (const url of [
      'http://127.0.0.1:4000/services/x',
      'http://localhost/x',
      'http://10.0.0.8/x',
      'http://[::1]/x',
    ]) {
      const response = await t().graphql(UPDATE_ORG, {
        caller: w.caller('admin'),
        variables: { input: { slackWebhookUrl: url } },
      });
      expect(codes(response), url).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions?.field).toBe('input.slackWebhookUrl');
    }
    const read = await t().graphql(READ_ORG, { caller: w.caller('admin') });
    expect(read.body.data?.organizationNotificationSettings).toMatchObject({ slackWebhookUrlHint: null });
  });
});
