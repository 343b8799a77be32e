// Who is told, once, on both drivers: an Exchange failure goes to the organization's admins (each in their
// locale, with the failing check, no link), not to the connection's owner; an OAuth failure goes to the owner
// with a link that the reconnect-link store accepts; two dispatchers racing over the same events send each
// message once; a recovery notice follows a fix. Switching notifications on for an existing database does not
// send its old news; a crash after the SMTP server accepted a message sends it again with the same Message-ID.
import {
  type DriverName,
  deleteExpiredEventBatch,
  expiredThrough,
  retentionCutoff,
  systemActor,
} from '@tsunagi/db';
import { notificationCursors, notificationMessages } from '@tsunagi/db/schema';
import { describeEachDriver } from '@tsunagi/db/testing/suites';
import { describeError } from '@tsunagi/errors';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { mailTo, testDispatcher, waitForMail } from '../test/dispatch.js';
import {
  breakConnection,
  EXCHANGE_DOWN,
  fixConnection,
  googleConnection,
  testClock,
  testOrganization,
  useTestDatabase,
} from '../test/world.js';
import { type Mailer, type OutgoingEmail, SmtpMailer } from './mailer.js';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink.js';

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
});

describeEachDriver('notification dispatch (%s)', (driver: DriverName) => {
  const database = useTestDatabase(driver);

  it("tells an Exchange failure to the admins, in each one's locale, with the failing check", async () => {
    const { state } = database();
    const org = await testOrganization(database(), {
      aiko: { role: 'ADMIN', locale: 'ja' },
      marco: { role: 'ADMIN', locale: 'it' },
      ben: { role: 'MEMBER', locale: 'pl' },
    });
    const { dispatcher: first } = testDispatcher(database(), sink);
    const { dispatcher: second } = testDispatcher(database(), sink);
    await first.runOnce();
    const actor = systemActor(org.organizationId);
    const created = await state.createConnection(actor, {
      userId: org.people.ben.id,
      provider: 'EXCHANGE',
      accountExternalId: 'room-1@contoso.example',
      accountEmail: 'room-1@contoso.example',
    });
    if (!created.ok) throw new Error(created.error.message);
    expect((await state.markConnectionError(actor, created.value.connection.id, EXCHANGE_DOWN)).ok).toBe(
      true,
    );

    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
    expect(a.sent + b.sent).toBe(2);
    await Promise.all([first.stop(), second.stop()]);
    const [aiko] = await waitForMail(sink, org.people.aiko.email, 1);
    const [marco] = await waitForMail(sink, org.people.marco.email, 1);
    expect(mailTo(sink, org.people.ben.email)).toEqual([]);
    const { title } = describeError('PERMISSION_DENIED', 'it', {
      provider: 'google-interop',
      subReason: 'INTEROP_EWS_RESPONSE_ERROR',
    });
    expect(marco?.language).toBe('it');
    expect(marco?.text).toContain(title);
    expect(marco?.text).toContain('Controllo non superato: INTEROP_EWS_RESPONSE_ERROR');
    expect(aiko?.language).toBe('ja');
    expect([aiko, marco].every((mail) => !mail?.text.includes('/reconnect/'))).toBe(true);
  });

  it('tells an OAuth failure to its owner with a link the store accepts, then the recovery, once each', async () => {
    const org = await testOrganization(database(), {
      admin: { role: 'ADMIN', locale: 'en' },
      owner: { role: 'MEMBER', locale: null },
    });
    const { dispatcher: run, store } = testDispatcher(database(), sink);
    await run.runOnce();
    const connectionId = await googleConnection(
      database(),
      org.organizationId,
      org.people.owner.id,
      org.people.owner.email,
    );
    await breakConnection(database(), org.organizationId, connectionId);
    expect(await run.runOnce()).toMatchObject({ sent: 1 });

    const [broken] = await waitForMail(sink, org.people.owner.email, 1);
    expect(broken).toMatchObject({ language: 'en' });
    const token = /\/reconnect\/(\S+)/.exec(broken?.text ?? '')?.[1] ?? '';
    expect(await store.redeem(token)).toMatchObject({
      ok: true,
      value: { organizationId: org.organizationId, connectionId, userId: org.people.owner.id },
    });

    await fixConnection(database(), org.organizationId, connectionId);
    // The digest window (15 min) holds nothing here: the recovery goes out on the next pass that finds it due.
    const clock = testClock(Date.now() + 16 * 60_000);
    const { dispatcher: later } = testDispatcher(database(), sink, { now: clock.now });
    await run.stop();
    expect(await later.runOnce()).toMatchObject({ sent: 1 });
    expect(await later.runOnce()).toMatchObject({ enqueued: 0, sent: 0 });
    await later.stop();
    const [, recovered] = await waitForMail(sink, org.people.owner.email, 2);
    expect(recovered?.subject).toBe(`Fixed: your calendar connection ${org.people.owner.email} works again`);
    expect(mailTo(sink, org.people.owner.email)).toHaveLength(2);
    expect(mailTo(sink, org.people.admin.email)).toHaveLength(0);
  });

  it("does not send an existing database's old news when notifications are switched on", async () => {
    const org = await testOrganization(database(), { owner: { role: 'MEMBER', locale: 'en' } });
    const old = await googleConnection(database(), org.organizationId, org.people.owner.id, 'old@x.example');
    await breakConnection(database(), org.organizationId, old);
    // Notifications switched on after the break: the break is old news.
    const { dispatcher } = testDispatcher(database(), sink);
    expect(await dispatcher.runOnce()).toMatchObject({ enqueued: 0, sent: 0 });
    const fresh = await googleConnection(
      database(),
      org.organizationId,
      org.people.owner.id,
      'new@x.example',
    );
    await breakConnection(database(), org.organizationId, fresh);
    expect(await dispatcher.runOnce()).toMatchObject({ enqueued: 1, sent: 1 });
    await dispatcher.stop();
    const mails = await waitForMail(sink, org.people.owner.email, 1);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Action needed: your calendar connection new@x.example stopped working',
    ]);
  });

  it('steps over events retention removed before fan-out read them, and goes on with every organization', async () => {
    const { handle } = database();
    const stale = await testOrganization(database(), { owner: { role: 'MEMBER', locale: 'en' } });
    const live = await testOrganization(database(), { owner: { role: 'MEMBER', locale: 'en' } });
    const { dispatcher } = testDispatcher(database(), sink);
    await dispatcher.runOnce();
    // Events the dispatcher never read, then swept by retention (it was down for longer than it keeps them).
    const lost = await googleConnection(
      database(),
      stale.organizationId,
      stale.people.owner.id,
      'lost@x.example',
    );
    await breakConnection(database(), stale.organizationId, lost);
    await handle.db.execute(
      sql`UPDATE events SET created_at = now() - interval '400 days' WHERE organization_id = ${stale.organizationId}`,
    );
    expect(await deleteExpiredEventBatch(handle.db, retentionCutoff(30), 10_000)).toBeGreaterThan(0);
    const watermark = await expiredThrough(handle.db, stale.organizationId);

    const fresh = await googleConnection(
      database(),
      live.organizationId,
      live.people.owner.id,
      'live@x.example',
    );
    await breakConnection(database(), live.organizationId, fresh);
    expect(await dispatcher.runOnce()).toMatchObject({ enqueued: 1, sent: 1 });
    await dispatcher.stop();
    expect((await waitForMail(sink, live.people.owner.email, 1)).map((mail) => mail.subject)).toEqual([
      'Action needed: your calendar connection live@x.example stopped working',
    ]);
    expect(mailTo(sink, stale.people.owner.email)).toEqual([]);
    const [cursor] = await handle.db
      .select({ cursor: notificationCursors.cursor })
      .from(notificationCursors)
      .where(eq(notificationCursors.organizationId, stale.organizationId));
    expect(cursor?.cursor).toBe(watermark);
  });

  it('sends again, with the same Message-ID, a message whose sender died after the SMTP server accepted it', async () => {
    const org = await testOrganization(database(), { owner: { role: 'MEMBER', locale: 'en' } });
    const clock = testClock();
    const smtp = new SmtpMailer({ smtpUrl: sink.url, from: 'Tsunagi <notify@tsunagi.example>' });
    let accepted = 0;
    // The process "dies" right after the server accepted the message: the send never returns, so the message
    // is never marked SENT.
    const dying: Mailer = {
      async send(email: OutgoingEmail) {
        await smtp.send(email);
        accepted += 1;
        await new Promise(() => {});
      },
      close: () => smtp.close(),
    };
    const { dispatcher: doomed } = testDispatcher(database(), sink, {
      now: clock.now,
      mailer: dying,
      leaseMs: 60_000,
    });
    await doomed.runOnce();
    const connectionId = await googleConnection(
      database(),
      org.organizationId,
      org.people.owner.id,
      'crash@x.example',
    );
    await breakConnection(database(), org.organizationId, connectionId);
    void doomed.runOnce();
    await waitForMail(sink, org.people.owner.email, 1);
    // The sink holds the message a moment before the client reads the server's 250 reply.
    await vi.waitFor(() => expect(accepted).toBe(1), { timeout: 10_000 });
    const [pending] = await database()
      .handle.db.select()
      .from(notificationMessages)
      .where(eq(notificationMessages.recipientId, org.people.owner.id));
    expect(pending?.status).toBe('PENDING');

    // The lease runs out; a new process sends it again and records it.
    clock.advance(61_000);
    const { dispatcher: next } = testDispatcher(database(), sink, { now: clock.now });
    expect(await next.runOnce()).toMatchObject({ sent: 1 });
    await next.stop();
    const [first, again] = await waitForMail(sink, org.people.owner.email, 2);
    expect(again?.messageId).toBe(first?.messageId);
    expect(first?.messageId).toBe(`<${pending?.id}@notifications.tsunagi>`);
    expect(await next.runOnce()).toMatchObject({ sent: 0 });
  });
});
