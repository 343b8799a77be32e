// The per-organization health figures on both drivers, with an injected clock: a connection starts failing
// at t0 (a transient failure: DEGRADED), is declared broken at t1 (its page disabled), its owner is told at t2
// (a message marked SENT), and it is reconnected at t3 (the page back): every figure is exact, a window that
// ends before t3 counts the break as unresolved and the page's minutes up to its end, and another
// organization's breaks never show.

import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '../test/drivers.js';
import {
  createTestOrganization,
  REVOKED,
  TestClock,
  testKeyring,
  UNAVAILABLE,
  value,
} from '../test/fixtures.js';
import type { Database } from './database.js';
import { organizationHealthReport, summarizeDurations } from './health-report.js';
import { newId } from './ids.js';
import { events, notificationMessages, notifications } from './schema.js';
import { createStateService, systemActor } from './service/state-service.js';

const MINUTE = 60_000;

/** What the notification dispatcher leaves once it sent the owner's message for a break event. */
async function sentToOwner(db: Database, organizationId: string, eventId: number, ownerId: string, at: Date) {
  const messageId = newId('msg');
  await db.insert(notificationMessages).values({
    id: messageId,
    organizationId,
    recipientId: ownerId,
    channel: 'EMAIL',
    kind: 'CONNECTION_BROKEN',
    status: 'SENT',
    attempts: 1,
    nextAttemptAt: at,
    sentAt: at,
    createdAt: at,
  });
  await db.insert(notifications).values({
    id: newId('ntf'),
    organizationId,
    eventId,
    recipientId: ownerId,
    kind: 'CONNECTION_BROKEN',
    channel: 'EMAIL',
    messageId,
    status: 'SENT',
    attempts: 1,
    nextAttemptAt: at,
    sentAt: at,
  });
}

describeEachDriver('organization health report on %s', (driver) => {
  const database = useTestDatabase(driver);

  it('measures break → detection → owner told → reconnect, and pages disabled × minutes, exactly', async () => {
    const { db, bus } = database().handle;
    const clock = new TestClock(new Date('2026-11-02T09:00:00.000Z'));
    const service = createStateService({ db, bus, keyring: testKeyring, now: clock.now });
    const org = await createTestOrganization(db, ['owner', 'admin'], { admin: 'ADMIN' });
    const actor = systemActor(org.organizationId);
    const { connection } = value(
      await service.createConnection(actor, {
        userId: org.users.owner,
        provider: 'GOOGLE_CALENDAR',
        accountExternalId: 'owner-google',
      }),
    );
    value(await service.createBookingPage(actor, { title: 'Owner page', ownerId: org.users.owner }));
    const start = clock.now();

    const t0 = clock.advance(60 * MINUTE);
    value(await service.recordProbeResult(actor, connection.id, { ok: false, classification: UNAVAILABLE }));
    const t1 = clock.advance(7 * MINUTE);
    value(await service.recordProbeResult(actor, connection.id, { ok: false, classification: REVOKED }));
    const [broken] = await db
      .select({ id: events.id, createdAt: events.createdAt })
      .from(events)
      .where(and(eq(events.connectionId, connection.id), eq(events.type, 'CONNECTION_STATUS_CHANGED')));
    expect(broken?.createdAt).toEqual(t1);
    const t2 = clock.advance(3 * MINUTE);
    await sentToOwner(db, org.organizationId, broken?.id as number, org.users.owner, t2);
    // A message to someone else (an admin's escalation) is not the owner being told.
    await sentToOwner(db, org.organizationId, broken?.id as number, org.users.admin, clock.advance(-MINUTE));
    clock.advance(MINUTE);
    const t3 = clock.advance(50 * MINUTE);
    value(await service.markReconnected(actor, connection.id, { accessToken: 'fresh-access-token' }));
    const end = clock.advance(60 * MINUTE);

    const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;
    const report = await organizationHealthReport(db, org.organizationId, { since: start, until: end });
    expect(report).toEqual({
      since: start,
      until: end,
      breaks: 1,
      unresolved: 0,
      detection: summarizeDurations([seconds(t0, t1)]),
      ownerNotified: summarizeDurations([seconds(t0, t2)]),
      reconnect: summarizeDurations([seconds(t0, t3)]),
      pageDisabledMinutes: (t3.getTime() - t1.getTime()) / MINUTE,
    });
    expect(report.detection).toEqual({ count: 1, averageSeconds: 420, medianSeconds: 420, maxSeconds: 420 });

    // A window that ends while it is still broken: unresolved, the page's minutes up to the window's end.
    const midway = new Date(t2.getTime() + 10 * MINUTE);
    const open = await organizationHealthReport(db, org.organizationId, { since: start, until: midway });
    expect(open).toMatchObject({ breaks: 1, unresolved: 1, reconnect: { count: 0 } });
    expect(open.ownerNotified.maxSeconds).toBe(seconds(t0, t2));
    expect(open.pageDisabledMinutes).toBe((midway.getTime() - t1.getTime()) / MINUTE);

    // A window that begins while the page is disabled counts its minutes from the window's start, and
    // the break (detected before it) is not counted.
    const later = new Date(t1.getTime() + 20 * MINUTE);
    const after = await organizationHealthReport(db, org.organizationId, { since: later, until: end });
    expect(after).toMatchObject({ breaks: 0, unresolved: 0, detection: { count: 0, averageSeconds: null } });
    expect(after.pageDisabledMinutes).toBe((t3.getTime() - later.getTime()) / MINUTE);

    // Another organization sees none of it.
    const other = await createTestOrganization(db, ['someone']);
    expect(
      await organizationHealthReport(db, other.organizationId, { since: start, until: end }),
    ).toMatchObject({
      breaks: 0,
      pageDisabledMinutes: 0,
    });
  });
});

it('summarizes durations: count, average, median, max', () => {
  expect(summarizeDurations([])).toEqual({
    count: 0,
    averageSeconds: null,
    medianSeconds: null,
    maxSeconds: null,
  });
  expect(summarizeDurations([30, 10, 20, 100])).toEqual({
    count: 4,
    averageSeconds: 40,
    medianSeconds: 25,
    maxSeconds: 100,
  });
});
