// The policy, driven by a hand-moved clock on both drivers: one message per person per digest window (later
// breakages combined into one digest, no repeat for the same breakage), a break that heals before anyone was
// told sends nothing at all, quiet hours hold messages until they end, an escalation reaches the admins after
// the organization's delay (once, by the clock alone, in each admin's own quiet hours), an AT_RISK warning
// reaches the owner once, and Slack-compatible webhooks get the same news as JSON.
import { type DriverName, systemActor } from '@tsunagi/db';
import { notifications } from '@tsunagi/db/schema';
import { describeEachDriver } from '@tsunagi/db/testing/suites';
import { describeError } from '@tsunagi/errors';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mailTo, testDispatcher, waitForMail } from '../test/dispatch.js';
import {
  breakConnection,
  fixConnection,
  googleConnection,
  SCOPE_MISSING,
  testClock,
  testKeyring,
  testOrganization,
  useTestDatabase,
} from '../test/world.js';
import { NotificationSettingsStore } from './settings.js';
import { type SlackReceiver, startSlackReceiver } from './testing/slack-receiver.js';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink.js';

let sink: SmtpSink;
let slack: SlackReceiver;

beforeAll(async () => {
  [sink, slack] = await Promise.all([startSmtpSink(), startSlackReceiver()]);
});

afterAll(async () => {
  await Promise.all([sink?.stop(), slack?.stop()]);
});

const MINUTE = 60_000;

/** `HH:MM` in UTC, `minutes` from `at`. */
function utcClock(at: Date, minutes: number): string {
  return new Date(at.getTime() + minutes * MINUTE).toISOString().slice(11, 16);
}

describeEachDriver('notification policy (%s)', (driver: DriverName) => {
  const database = useTestDatabase(driver);
  const settings = () => new NotificationSettingsStore({ db: database().handle.db, keyring: testKeyring });

  async function kindsAndStatuses(userId: string) {
    const rows = await database()
      .handle.db.select({ kind: notifications.kind, status: notifications.status })
      .from(notifications)
      .where(eq(notifications.recipientId, userId));
    return rows.map((row) => `${row.kind}:${row.status}`).sort();
  }

  it('sends one message per window: later breakages go as one digest, a repeat and a self-healed break as none', async () => {
    const org = await testOrganization(database(), { owner: { role: 'MEMBER', locale: 'en' } });
    const { organizationId } = org;
    const owner = org.people.owner;
    const clock = testClock();
    const { dispatcher } = testDispatcher(database(), sink, { now: clock.now });
    await dispatcher.runOnce();
    const [a, b, c, d] = await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) =>
        googleConnection(database(), organizationId, owner.id, `${name}@x.example`, `Page ${name}`),
      ),
    );
    if (a === undefined || b === undefined || c === undefined || d === undefined)
      throw new Error('no connection');
    await breakConnection(database(), organizationId, a);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });

    // Inside the window: b and c break, d breaks and heals again before anyone was told.
    clock.advance(MINUTE);
    await breakConnection(database(), organizationId, b);
    await breakConnection(database(), organizationId, c);
    await breakConnection(database(), organizationId, d);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 0 });
    await fixConnection(database(), organizationId, d);
    // The same breakage reported again: a fixed-then-broken a would be new; a still broken a is not.
    await breakConnection(database(), organizationId, a);
    clock.advance(5 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 0 });

    clock.advance(10 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 0 });
    await dispatcher.stop();
    const [first, digest] = await waitForMail(sink, owner.email, 2);
    expect(first?.subject).toBe('Action needed: your calendar connection a@x.example stopped working');
    expect(digest?.subject).toBe('2 updates about calendar connections');
    expect(digest?.text).toContain('b@x.example');
    expect(digest?.text).toContain('c@x.example');
    expect(digest?.text).toContain('- Page b');
    expect(digest?.text).not.toContain('d@x.example');
    expect(digest?.text.match(/\/reconnect\//g)).toHaveLength(2);
    expect(mailTo(sink, owner.email)).toHaveLength(2);
    expect(await kindsAndStatuses(owner.id)).toEqual([
      'CONNECTION_BROKEN:CANCELLED',
      'CONNECTION_BROKEN:SENT',
      'CONNECTION_BROKEN:SENT',
      'CONNECTION_BROKEN:SENT',
    ]);
  });

  it('holds messages through quiet hours in the person’s zone, recovery notices too', async () => {
    const org = await testOrganization(database(), { owner: { role: 'MEMBER', locale: 'pl' } });
    const { organizationId } = org;
    const owner = org.people.owner;
    const clock = testClock();
    const start = clock.now();
    const updated = await settings().updateUser(organizationId, owner.id, {
      quietHours: { start: utcClock(start, -60), end: utcClock(start, 60), timeZone: 'Etc/UTC' },
    });
    expect(updated?.quietHours?.timeZone).toBe('Etc/UTC');
    const { dispatcher } = testDispatcher(database(), sink, { now: clock.now });
    await dispatcher.runOnce();
    const connection = await googleConnection(database(), organizationId, owner.id, 'quiet@x.example');
    await breakConnection(database(), organizationId, connection);
    expect(await dispatcher.runOnce()).toMatchObject({ enqueued: 1, sent: 0 });
    clock.advance(59 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 0 });
    clock.advance(2 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });
    const [broken] = await waitForMail(sink, owner.email, 1);
    expect(broken?.language).toBe('pl');

    // A day later, inside the quiet hours again, it is fixed: the notice waits for the morning too.
    clock.advance(23 * 60 * MINUTE);
    await fixConnection(database(), organizationId, connection);
    expect(await dispatcher.runOnce()).toMatchObject({ enqueued: 1, sent: 0 });
    clock.advance(2 * 60 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });
    await dispatcher.stop();
    const [, recovered] = await waitForMail(sink, owner.email, 2);
    expect(recovered?.subject).toBe('Naprawione: połączenie z kalendarzem quiet@x.example znów działa');
  });

  it("escalates a breakage to the admins after the organization's delay, once, each in their own quiet hours", async () => {
    const org = await testOrganization(database(), {
      owner: { role: 'MEMBER', locale: 'en' },
      day: { role: 'ADMIN', locale: 'it' },
      night: { role: 'ADMIN', locale: 'ja' },
    });
    const { organizationId, people } = org;
    const clock = testClock();
    await settings().updateOrganization(organizationId, { escalationDelayMinutes: 60 });
    // The night admin sleeps from 30 to 150 minutes from now (UTC).
    await settings().updateUser(organizationId, people.night.id, {
      quietHours: { start: utcClock(clock.now(), 30), end: utcClock(clock.now(), 150), timeZone: 'UTC' },
    });
    const { dispatcher } = testDispatcher(database(), sink, { now: clock.now });
    await dispatcher.runOnce();
    const connection = await googleConnection(
      database(),
      organizationId,
      people.owner.id,
      'esc@x.example',
      'Sales call',
    );
    await breakConnection(database(), organizationId, connection);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });

    clock.advance(59 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ escalated: 0 });
    clock.advance(2 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ escalated: 2, sent: 1 });
    const [dayMail] = await waitForMail(sink, people.day.email, 1);
    expect(dayMail?.subject).toBe(
      'Ancora guasto: il collegamento al calendario esc@x.example richiede un amministratore',
    );
    expect(dayMail?.text).toContain('- Sales call');
    expect(dayMail?.text).toContain(describeError('AUTH_REVOKED', 'it', { provider: 'google' }).title);
    expect(dayMail?.text).not.toContain('/reconnect/');
    expect(mailTo(sink, people.night.email)).toHaveLength(0);

    // Hours later: the night admin's quiet hours have ended; nobody gets a second escalation.
    clock.advance(90 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ escalated: 0, sent: 1 });
    clock.advance(24 * 60 * MINUTE - 200 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ escalated: 0, sent: 0 });
    await dispatcher.stop();
    const [nightMail] = await waitForMail(sink, people.night.email, 1);
    expect(nightMail?.language).toBe('ja');
    expect(mailTo(sink, people.day.email)).toHaveLength(1);
    expect(mailTo(sink, people.owner.email)).toHaveLength(1);
  });

  it('warns the owner once of a connection at risk, with the reason and the link; an unsent warning is dropped when healthy', async () => {
    const org = await testOrganization(database(), { owner: { role: 'MEMBER', locale: 'en' } });
    const { organizationId } = org;
    const owner = org.people.owner;
    const { state } = database();
    const actor = systemActor(organizationId);
    const clock = testClock();
    const { dispatcher, store } = testDispatcher(database(), sink, { now: clock.now });
    await dispatcher.runOnce();
    const connection = await googleConnection(database(), organizationId, owner.id, 'risk@x.example');
    expect((await state.recordProbeResult(actor, connection, { ok: true, atRisk: SCOPE_MISSING })).ok).toBe(
      true,
    );
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });
    const [warning] = await waitForMail(sink, owner.email, 1);
    expect(warning?.subject).toBe('Warning: your calendar connection risk@x.example will stop working soon');
    expect(warning?.text).toContain(describeError('INSUFFICIENT_SCOPE', 'en', { provider: 'google' }).title);
    const token = /\/reconnect\/(\S+)/.exec(warning?.text ?? '')?.[1] ?? '';
    expect(await store.redeem(token)).toMatchObject({ ok: true, value: { connectionId: connection } });

    // Still at risk after a healthy-looking blip: no second warning.
    expect((await state.recordProbeResult(actor, connection, { ok: true, atRisk: SCOPE_MISSING })).ok).toBe(
      true,
    );
    clock.advance(20 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ enqueued: 0, sent: 0 });

    // Healthy again; another at risk and healthy before the next pass: that warning is never sent.
    expect((await state.recordProbeResult(actor, connection, { ok: true })).ok).toBe(true);
    await dispatcher.runOnce();
    const other = await googleConnection(database(), organizationId, owner.id, 'blip@x.example');
    expect((await state.recordProbeResult(actor, other, { ok: true, atRisk: SCOPE_MISSING })).ok).toBe(true);
    expect((await state.recordProbeResult(actor, other, { ok: true })).ok).toBe(true);
    clock.advance(20 * MINUTE);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 0 });
    await dispatcher.stop();
    expect(mailTo(sink, owner.email)).toHaveLength(1);
    expect(await kindsAndStatuses(owner.id)).toEqual(
      ['CONNECTION_AT_RISK:SENT', 'CONNECTION_AT_RISK:CANCELLED'].sort(),
    );
  });

  it('posts the same news to Slack-compatible webhooks: the person’s own URL before the organization’s', async () => {
    const org = await testOrganization(database(), {
      owner: { role: 'MEMBER', locale: 'en' },
      other: { role: 'MEMBER', locale: 'ja' },
    });
    const { organizationId, people } = org;
    const store = settings();
    const sharedPath = `T1/B1/${organizationId}`;
    const ownPath = `T1/B2/${people.owner.id}`;
    await store.updateOrganization(organizationId, {
      slackEnabled: true,
      slackWebhookUrl: slack.url(sharedPath),
    });
    await store.updateUser(organizationId, people.owner.id, {
      slackWebhookUrl: slack.url(ownPath),
      emailEnabled: false,
    });
    expect((await store.organization(organizationId)).slackWebhookUrlHint).toBe(
      `${new URL(slack.url()).protocol}//${new URL(slack.url()).host}/…${sharedPath.slice(-4)}`,
    );
    const clock = testClock();
    const { dispatcher } = testDispatcher(database(), sink, { now: clock.now });
    await dispatcher.runOnce();
    const mine = await googleConnection(database(), organizationId, people.owner.id, 'slack-a@x.example');
    const theirs = await googleConnection(database(), organizationId, people.other.id, 'slack-b@x.example');
    await breakConnection(database(), organizationId, mine);
    await breakConnection(database(), organizationId, theirs);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 3 });
    await dispatcher.stop();
    const posts = () =>
      slack.received.filter(
        (post) => post.path.includes(organizationId) || post.path.includes(people.owner.id),
      );
    const deadline = Date.now() + 5_000;
    while (posts().length < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const own = posts().find((post) => post.path.endsWith(ownPath));
    const shared = posts().find((post) => post.path.endsWith(sharedPath));
    expect(own?.body.text).toContain('slack-a@x.example');
    expect(own?.body.text).toMatch(/<http:\/\/127\.0\.0\.1:9\/reconnect\/[^|]+\|Reconnect>/);
    expect(own?.body.blocks?.[0]).toMatchObject({ type: 'header' });
    expect(shared?.body.text).toContain('slack-b@x.example');
    expect(shared?.body.text).toContain('停止しました');
    // The owner switched e-mail off; the other person gets both.
    expect(mailTo(sink, people.owner.email)).toHaveLength(0);
    await waitForMail(sink, people.other.email, 1);
  });
});
