// Warned ahead (issue 14 §2), by a hand-moved clock on both drivers: a connection foresight predicts will break
// is AT_RISK up to 14 days ahead, but its owner is told once, when the break comes within the organization's
// warning horizon (default 7 days), by e-mail through the loopback SMTP sink, with when, why and the one-click
// reconnect link; a prediction that goes away before then tells nobody.
import { type DriverName, systemActor } from '@tsunagi/db';
import { notifications, organizationNotificationSettings } from '@tsunagi/db/schema';
import { describeEachDriver } from '@tsunagi/db/testing/suites';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mailTo, testDispatcher, waitForMail } from '../test/dispatch.js';
import { googleConnection, testClock, testOrganization, useTestDatabase } from '../test/world.js';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink.js';

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
});

const DAY = 24 * 3_600_000;

describeEachDriver('warned ahead of a predicted break (%s)', (driver: DriverName) => {
  const database = useTestDatabase(driver);

  async function itemsOf(userId: string) {
    const rows = await database()
      .handle.db.select({ kind: notifications.kind, status: notifications.status })
      .from(notifications)
      .where(eq(notifications.recipientId, userId));
    return rows.map((row) => `${row.kind}:${row.status}`);
  }

  async function predict(organizationId: string, connectionId: string, breaksAt: Date | null) {
    const recorded = await database().state.recordForesight(
      systemActor(organizationId),
      connectionId,
      breaksAt === null ? null : { breaksAt, reason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY' },
    );
    if (!recorded.ok) throw new Error(recorded.error.message);
  }

  it('tells the owner once, 7 days ahead, when and why, with the reconnect link', async () => {
    const org = await testOrganization(database(), { owner: { role: 'MEMBER', locale: 'en' } });
    const owner = org.people.owner;
    const clock = testClock();
    const { dispatcher } = testDispatcher(database(), sink, { now: clock.now });
    await dispatcher.runOnce();
    const connection = await googleConnection(database(), org.organizationId, owner.id, 'owner@x.example');
    const breaksAt = new Date(clock.now().getTime() + 12 * DAY);
    await predict(org.organizationId, connection, breaksAt);

    // 12 days ahead: AT_RISK, but not yet the owner's news.
    expect(await dispatcher.runOnce()).toMatchObject({ enqueued: 0, warned: 0, sent: 0 });
    clock.advance(4 * DAY);
    expect(await dispatcher.runOnce()).toMatchObject({ warned: 0, sent: 0 });
    expect(await itemsOf(owner.id)).toEqual([]);

    // 7 days ahead: one warning.
    clock.advance(DAY);
    expect(await dispatcher.runOnce()).toMatchObject({ warned: 1, sent: 1 });
    const [mail] = await waitForMail(sink, owner.email, 1);
    expect(mail?.subject).toBe('Warning: your calendar connection owner@x.example will stop working soon');
    expect(mail?.text).toContain('Expected to stop at: ');
    expect(mail?.text).toContain(String(breaksAt.getUTCFullYear()));
    expect(mail?.text).toContain(
      'Why: Google ends sign-ins to apps still in testing 7 days after they were made.',
    );
    expect(mail?.text).toMatch(/http:\/\/127\.0\.0\.1:9\/reconnect\/rcl_[0-9a-f]{32}\.\S+/);

    // Once: later passes, and the same prediction again, say nothing more.
    clock.advance(DAY);
    await predict(org.organizationId, connection, breaksAt);
    expect(await dispatcher.runOnce()).toMatchObject({ warned: 0, sent: 0 });
    expect(mailTo(sink, owner.email)).toHaveLength(1);
    expect(await itemsOf(owner.id)).toEqual(['CONNECTION_AT_RISK:SENT']);
  });

  it("follows the organization's horizon, and a prediction gone before then tells nobody", async () => {
    const org = await testOrganization(database(), { owner: { role: 'MEMBER', locale: 'ja' } });
    const owner = org.people.owner;
    await database()
      .handle.db.insert(organizationNotificationSettings)
      .values({ organizationId: org.organizationId, atRiskWarningDays: 3 });
    const clock = testClock();
    const { dispatcher } = testDispatcher(database(), sink, { now: clock.now });
    await dispatcher.runOnce();
    const kept = await googleConnection(database(), org.organizationId, owner.id, 'kept@x.example');
    const renewed = await googleConnection(database(), org.organizationId, owner.id, 'renewed@x.example');
    await predict(org.organizationId, kept, new Date(clock.now().getTime() + 5 * DAY));
    await predict(org.organizationId, renewed, new Date(clock.now().getTime() + 5 * DAY));
    expect(await dispatcher.runOnce()).toMatchObject({ warned: 0, sent: 0 });

    // The grant was renewed (a keep-alive refresh, a reconnect): no prediction, no warning later.
    await predict(org.organizationId, renewed, null);
    clock.advance(2 * DAY);
    expect(await dispatcher.runOnce()).toMatchObject({ warned: 1, sent: 1 });
    const [mail] = await waitForMail(sink, owner.email, 1);
    expect(mail?.subject).toContain('kept@x.example');
    expect(mail?.text).toContain('理由: Google はテスト中のアプリへのサインインを 7 日後に終了します。');
    expect(await itemsOf(owner.id)).toEqual(['CONNECTION_AT_RISK:SENT']);
  });
});
