// Connection-failure e-mail end to end, on PGlite and Postgres: a Google connection breaks at the emulator,
// its owner's e-mail arrives at a real SMTP server on 127.0.0.1 in their locale with the stopped page and the
// one-click link; the link reconnects the same connection; a recovery notice follows; a restarted dispatcher
// sends nothing twice, and one that starts after a crash sends what was committed.

import { parseKeyring } from '@tsunagi/db';
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { describeError } from '@tsunagi/errors';
import { NotificationDispatcher, SmtpMailer } from '@tsunagi/notifications';
import { type SmtpSink, startSmtpSink } from '@tsunagi/notifications/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { query } from '../../test/database.js';
import { aikoWithGoogle } from '../../test/google-member.js';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import type { World } from '../../test/world.js';
import { createEmulatedProviderRegistry } from '../providers/adapters.js';

let google: GoogleEmulator;
let sink: SmtpSink;

beforeAll(async () => {
  [google, sink] = await Promise.all([startGoogleEmulator({ port: 0 }), startSmtpSink()]);
});

afterAll(async () => {
  await Promise.all([google?.stop(), sink?.stop()]);
});

const FROM = 'Tsunagi <notify@tsunagi.example>';
const LINK = /https?:\/\/[^\s"<>]+\/reconnect\/[A-Za-z0-9_.-]+/;

describeEachDriver('Connection-failure e-mail (%s)', (driver) => {
  const t = useTestGateway(driver, {
    config: {
      // Read when the gateway starts, after the sink is listening.
      get notifications() {
        return { enabled: true, smtpUrl: sink.url, from: FROM };
      },
    },
    gateway: {
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          google,
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
        })(dependencies),
    },
  });

  async function linkedGoogle(locale: string) {
    const { w, email, account, connectionId, page } = await aikoWithGoogle(t(), google);
    await query(t().handle, `UPDATE users SET locale = '${locale}' WHERE id = '${w.users.aiko}'`);
    // No digest window: the recovery notice follows the break mail at once instead of 15 minutes later.
    await t().gateway.services.notifications.settings.updateOrganization(w.organizationId, {
      digestWindowMinutes: 0,
    });
    // The running dispatcher has seen the organization: its cursor exists, so what follows is news.
    await vi.waitFor(async () => {
      const cursors = await query(
        t().handle,
        `SELECT cursor FROM notification_cursors WHERE organization_id = '${w.organizationId}'`,
      );
      expect(cursors).toHaveLength(1);
    });
    return { w, email, account, connectionId, pageId: page.id };
  }

  async function breakIt(w: World<'aiko'>, accountId: string, connectionId: string) {
    google.faults.inject(accountId, { kind: 'REVOKE_GRANT' });
    const checked = await w.run<{ checkConnection: { status: string } }>(
      'aiko',
      'mutation K($id: ID!) { checkConnection(connectionId: $id) { status } }',
      { id: connectionId },
    );
    expect(checked.checkConnection.status).toBe('ERROR');
    google.faults.clearAll();
  }

  function newDispatcher() {
    return new NotificationDispatcher({
      db: t().handle.db,
      keyring: parseKeyring(t().config.credentialsKeys),
      mailer: new SmtpMailer({ smtpUrl: sink.url, from: FROM }),
      slackTargets: 'any',
      links: t().gateway.services.reconnectLinks,
    });
  }

  it('tells the owner in their locale with the stopped page and a working link, then that it is fixed', async () => {
    const { w, email, account, connectionId, pageId } = await linkedGoogle('ja');
    const before = sink.received.length;
    await breakIt(w, account.id, connectionId);
    expect((await w.page('aiko', pageId)).state).toBe('DISABLED_CONNECTION_ERROR');

    const [broken] = (await sink.waitFor(before + 1)).slice(before);
    const { title, remediation } = describeError('AUTH_REVOKED', 'ja', { provider: 'google' });
    expect(broken).toMatchObject({
      to: [email],
      language: 'ja',
      subject: `対応が必要です: カレンダー連携 ${email} が停止しました`,
    });
    expect(broken?.text).toContain(title);
    expect(broken?.text).toContain(remediation);
    expect(broken?.text).toContain('- Intro call');
    const link = LINK.exec(broken?.text ?? '')?.[0] ?? '';
    expect(broken?.html).toContain(`<a href="${link}">`);
    expect(link.startsWith(`${new URL(t().url).origin}/reconnect/rcl_`)).toBe(true);

    // The browser clicks it: the link binds it, the emulator consents, the callback reconnects.
    const opened = await fetch(link, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.getSetCookie().map((line) => line.split(';')[0] ?? '')[0] ?? '';
    const consented = await fetch(opened.headers.get('location') ?? '', { redirect: 'manual' });
    const done = await fetch(new URL(consented.headers.get('location') ?? ''), {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(await done.json()).toMatchObject({ status: 'connected', connectionId });
    expect((await w.page('aiko', pageId)).state).toBe('ACTIVE');

    const [recovered] = (await sink.waitFor(before + 2)).slice(before + 1);
    expect(recovered).toMatchObject({
      to: [email],
      language: 'ja',
      subject: `復旧しました: カレンダー連携 ${email} が再び動作しています`,
    });
    expect(recovered?.text).not.toMatch(LINK);

    // The sink has the message once SMTP accepted it; the dispatcher marks the row SENT just after.
    await vi.waitFor(async () => {
      const pending = await query(
        t().handle,
        `SELECT id FROM notifications WHERE connection_id = '${connectionId}' AND status <> 'SENT'`,
      );
      expect(pending).toEqual([]);
    });

    // A restarted dispatcher that lost its cursors fans the same events out again: nothing is sent twice.
    await query(t().handle, 'UPDATE notification_cursors SET cursor = 0');
    const restarted = newDispatcher();
    expect((await restarted.runOnce()).sent).toBe(0);
    await restarted.stop();
    expect(sink.received.length).toBe(before + 2);
    const rows = await query<{ kind: string; status: string }>(
      t().handle,
      `SELECT kind, status FROM notifications WHERE connection_id = '${connectionId}' ORDER BY event_id`,
    );
    expect(rows).toEqual([
      { kind: 'CONNECTION_BROKEN', status: 'SENT' },
      { kind: 'CONNECTION_RECOVERED', status: 'SENT' },
    ]);
  });

  it('loses nothing when the dispatcher dies between the commit and the send', async () => {
    const { w, email, account, connectionId } = await linkedGoogle('pl');
    // Last in the file: it stops this gateway's dispatcher for good.
    await t().gateway.notifications?.stop();
    const before = sink.received.length;
    await breakIt(w, account.id, connectionId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.received.length).toBe(before);

    const next = newDispatcher();
    expect(await next.runOnce()).toMatchObject({ sent: 1 });
    await next.stop();
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail).toMatchObject({ to: [email], language: 'pl' });
    expect(mail?.text).toMatch(LINK);
  });
});
