// Who is told, once, on both drivers: an Exchange failure goes to the organization's admins (each in their
// locale, with the failing check, no link), not to the connection's owner; an OAuth failure goes to the owner
// with a link that the reconnect-link store accepts; two dispatchers racing over the same events send each
// message once; a recovery notice follows a fix.
import { createReconnectLinkStore, type DriverName, systemActor } from '@tsunagi/db';
import { describeEachDriver } from '@tsunagi/db/testing/suites';
import { describeError } from '@tsunagi/errors';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testKeyring, testOrganization, useTestDatabase } from '../test/world.js';
import { NotificationDispatcher, type ReconnectLinkIssuer } from './dispatcher.js';
import { SmtpMailer } from './mailer.js';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink.js';

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
});

const EXCHANGE_DOWN = {
  code: 'PERMISSION_DENIED',
  action: 'FIX_CONFIGURATION',
  retryable: false,
  connectionBroken: true,
  provider: 'google-interop',
  subReason: 'INTEROP_EWS_RESPONSE_ERROR',
  message: 'The Exchange server refused the request',
};

const REVOKED = {
  code: 'AUTH_REVOKED',
  action: 'RECONNECT',
  retryable: false,
  connectionBroken: true,
  provider: 'google',
  message: 'Token has been expired or revoked.',
};

describeEachDriver('notification dispatch (%s)', (driver: DriverName) => {
  const database = useTestDatabase(driver);

  function dispatcher() {
    const { handle } = database();
    const store = createReconnectLinkStore(handle.db, testKeyring);
    const links: ReconnectLinkIssuer = {
      async issue(organizationId, connectionId) {
        const issued = await store.issue({ organizationId, connectionId });
        return issued === null ? null : { url: `http://127.0.0.1:9/reconnect/${issued.token}` };
      },
    };
    return {
      store,
      dispatcher: new NotificationDispatcher({
        db: handle.db,
        mailer: new SmtpMailer({ smtpUrl: sink.url, from: 'Tsunagi <notify@tsunagi.example>' }),
        links,
      }),
    };
  }

  it("tells an Exchange failure to the admins, in each one's locale, with the failing check", async () => {
    const { state } = database();
    const org = await testOrganization(database(), {
      aiko: { role: 'ADMIN', locale: 'ja' },
      marco: { role: 'ADMIN', locale: 'it' },
      ben: { role: 'MEMBER', locale: 'pl' },
    });
    const actor = systemActor(org.organizationId);
    const created = await state.createConnection(actor, {
      userId: org.people.ben.id,
      provider: 'EXCHANGE',
      accountExternalId: 'room-1@contoso.example',
      accountEmail: 'room-1@contoso.example',
    });
    if (!created.ok) throw new Error(created.error.message);
    const before = sink.received.length;
    expect((await state.markConnectionError(actor, created.value.connection.id, EXCHANGE_DOWN)).ok).toBe(
      true,
    );

    const { dispatcher: first } = dispatcher();
    const { dispatcher: second } = dispatcher();
    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
    expect(a.sent + b.sent).toBe(2);
    await Promise.all([first.stop(), second.stop()]);
    const mails = (await sink.waitFor(before + 2)).slice(before);
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(
      [org.people.aiko.email, org.people.marco.email].sort(),
    );
    const italian = mails.find((mail) => mail.language === 'it');
    const { title } = describeError('PERMISSION_DENIED', 'it', {
      provider: 'google-interop',
      subReason: 'INTEROP_EWS_RESPONSE_ERROR',
    });
    expect(italian?.text).toContain(title);
    expect(italian?.text).toContain('Controllo non superato: INTEROP_EWS_RESPONSE_ERROR');
    expect(mails.every((mail) => !mail.text.includes('/reconnect/'))).toBe(true);
    expect(mails.find((mail) => mail.language === 'ja')?.to).toEqual([org.people.aiko.email]);
  });

  it('tells an OAuth failure to its owner with a link the store accepts, then the recovery, once each', async () => {
    const { state } = database();
    const org = await testOrganization(database(), {
      admin: { role: 'ADMIN', locale: 'en' },
      owner: { role: 'MEMBER', locale: null },
    });
    const actor = systemActor(org.organizationId);
    const created = await state.createConnection(actor, {
      userId: org.people.owner.id,
      provider: 'GOOGLE_CALENDAR',
      accountExternalId: 'owner-google',
      accountEmail: org.people.owner.email,
    });
    if (!created.ok) throw new Error(created.error.message);
    const connectionId = created.value.connection.id;
    const before = sink.received.length;
    expect((await state.markConnectionError(actor, connectionId, REVOKED)).ok).toBe(true);
    const { dispatcher: run, store } = dispatcher();
    expect(await run.runOnce()).toMatchObject({ sent: 1 });

    const [broken] = (await sink.waitFor(before + 1)).slice(before);
    expect(broken).toMatchObject({ to: [org.people.owner.email], language: 'en' });
    const token = /\/reconnect\/(\S+)/.exec(broken?.text ?? '')?.[1] ?? '';
    expect(await store.redeem(token)).toMatchObject({
      ok: true,
      value: { organizationId: org.organizationId, connectionId, userId: org.people.owner.id },
    });

    const reconnected = await state.markReconnected(actor, connectionId, {
      accessToken: 'new-access',
      refreshToken: 'new-refresh',
      expiresAt: null,
      scopes: [],
    });
    expect(reconnected.ok).toBe(true);
    expect(await run.runOnce()).toMatchObject({ sent: 1 });
    expect(await run.runOnce()).toMatchObject({ enqueued: 0, sent: 0 });
    await run.stop();
    const [recovered] = (await sink.waitFor(before + 2)).slice(before + 1);
    expect(recovered?.subject).toBe(`Fixed: your calendar connection ${org.people.owner.email} works again`);
    expect(sink.received.length).toBe(before + 2);
  });
});
