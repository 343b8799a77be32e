// Issue 12, done means: on Postgres and on a PGlite data directory, a real gateway process probes a Google
// connection whose grant the emulator revoked; the owner's e-mail arrives at a real SMTP server in her locale;
// the gateway is killed (SIGKILL) with webhook deliveries in flight and a new process starts on the same
// database; the e-mail's one-click link reconnects the same connection through the new process, the page is
// ACTIVE again and a recovery notice follows; the webhook receiver holds every event of the log exactly once
// after de-duplicating by `webhook-id`, and the mailbox holds each notice once after de-duplicating by
// Message-ID (a crash between the SMTP server's acceptance and the SENT mark may send one again, same id).
import { createServer } from 'node:net';
import { createOrganization, createUser, type DriverName } from '@tsunagi/db';
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { describeError } from '@tsunagi/errors';
import { type ReceivedEmail, type SmtpSink, startSmtpSink } from '@tsunagi/notifications/testing';
import { DEFAULT_DELIVERY_POLICY } from '@tsunagi/webhooks';
import { WebhookReceiver } from '@tsunagi/webhooks/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { query } from '../../test/database.js';
import {
  type GatewayProcess,
  graphqlAt,
  processDatabase,
  startGatewayProcess,
  until,
} from '../../test/gateway-process.js';
import { describeEachDriver } from '../../test/harness.js';
import { authorize, callback } from '../../test/oauth.js';
import { mintToken } from '../auth/token.js';
import { type EmbeddableGatewayConfig, generateCredentialsKeys, generateJwtSecret } from '../env.js';
import { DEFAULT_WEBHOOK_CONFIG } from '../webhooks/config.js';

const STARTUP_MS = 120_000;
const FROM = 'Tsunagi <notify@tsunagi.example>';
const LINK = /https?:\/\/[^\s"<>]+\/reconnect\/[A-Za-z0-9_.-]+/;

let google: GoogleEmulator;
let sink: SmtpSink;

beforeAll(async () => {
  [google, sink] = await Promise.all([startGoogleEmulator({ port: 0 }), startSmtpSink()]);
});

afterAll(async () => {
  await Promise.all([google?.stop(), sink?.stop()]);
});

/** A port free now, so both processes listen at the address the e-mailed link names. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The messages to one address, one per Message-ID. */
function mailbox(address: string): ReceivedEmail[] {
  const seen = new Set<string | undefined>();
  return sink.received.filter((mail) => {
    if (!mail.to.includes(address) || seen.has(mail.messageId)) return false;
    seen.add(mail.messageId);
    return true;
  });
}

describeEachDriver('break → e-mail → link → recovery, webhooks across a crash (%s)', (driver: DriverName) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  // The emulator and the sink serve both drivers' runs.
  const AIKO = `aiko-${driver}@reach.example.test`;
  const aikoMail = () => mailbox(AIKO);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  it(
    'tells the owner, heals through the link on a restarted gateway, and loses or doubles no event',
    async () => {
      const { open, config: database } = await processDatabase(driver, 'tsunagi-reach', cleanups);
      const handle = open();
      await handle.migrate();
      const organization = await createOrganization(handle.db, { name: 'Reach', slug: 'reach' });
      const admin = await createUser(handle.db, {
        organizationId: organization.id,
        name: 'Admin',
        email: 'admin@reach.example.test',
        role: 'ADMIN',
      });
      const aiko = await createUser(handle.db, {
        organizationId: organization.id,
        name: 'Aiko',
        email: AIKO,
      });
      await query(handle, `UPDATE users SET locale = 'ja' WHERE id = '${aiko.id}'`);
      // Let go: a PGlite directory is the running gateway's alone.
      await handle.close();

      const jwt = { secret: generateJwtSecret(), issuer: 'tsunagi', audience: 'tsunagi-gateway' };
      const config: Partial<EmbeddableGatewayConfig> = {
        ...database,
        port: await freePort(),
        host: '127.0.0.1',
        jwt,
        credentialsKeys: generateCredentialsKeys(),
        probes: { enabled: true, intervalSeconds: 1, concurrencyPerProvider: 2 },
        notifications: { enabled: true, smtpUrl: sink.url, from: FROM },
        webhooks: {
          ...DEFAULT_WEBHOOK_CONFIG,
          allowPrivateTargets: true,
          sweepMs: 100,
          policy: { ...DEFAULT_DELIVERY_POLICY, initialDelayMs: 50, maxDelayMs: 200, timeoutMs: 1_000 },
        },
      };
      const tokens = {
        admin: await mintToken({ ...jwt, userId: admin.id, organizationId: organization.id, role: 'ADMIN' }),
        aiko: await mintToken({ ...jwt, userId: aiko.id, organizationId: organization.id, role: 'MEMBER' }),
      };
      const receiver = await WebhookReceiver.start();
      cleanups.push(() => receiver.close());
      const processes: GatewayProcess[] = [];
      cleanups.push(async () => {
        for (const gateway of processes) if (gateway.exit() === null) gateway.child.kill('SIGKILL');
      });
      const start = async () => {
        const gateway = await startGatewayProcess(config, { google });
        processes.push(gateway);
        return gateway;
      };

      const first = await start();
      const created = await graphqlAt<{ createWebhookEndpoint: { secret: string } }>(
        first.url,
        tokens.admin,
        'mutation C($url: String!) { createWebhookEndpoint(input: { url: $url }) { secret } }',
        { url: receiver.url },
      );
      receiver.secrets = [created.createWebhookEndpoint.secret];

      // Aiko links her Google calendar through the OAuth flow and opens a booking page on it.
      const account = google.accounts.create({ email: AIKO });
      const session = await graphqlAt<{ connectAccount: { authorizationUrl: string } }>(
        first.url,
        tokens.aiko,
        'mutation { connectAccount(provider: GOOGLE_CALENDAR) { authorizationUrl } }',
      );
      const linked = await callback(
        await authorize(session.connectAccount.authorizationUrl, AIKO, { token: tokens.aiko }),
      );
      expect(linked.status).toBe(200);
      const connectionId = String(linked.body.connectionId);
      const { createBookingPage: page } = await graphqlAt<{ createBookingPage: { id: string } }>(
        first.url,
        tokens.aiko,
        'mutation { createBookingPage(input: { title: "Intro call" }) { id } }',
      );
      const pageState = async (url: string) =>
        (
          await graphqlAt<{ bookingPage: { state: string } }>(
            url,
            tokens.aiko,
            'query P($id: ID!) { bookingPage(id: $id) { state } }',
            { id: page.id },
          )
        ).bookingPage.state;
      expect(await pageState(first.url)).toBe('ACTIVE');

      // The provider revokes the grant; the receiver holds its answers from now on, so deliveries are in
      // flight when the process dies.
      receiver.hold();
      const heldFrom = receiver.received.length;
      google.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
      await until(
        async () => (await pageState(first.url)) === 'DISABLED_CONNECTION_ERROR',
        'the probe to disable the page',
      );
      google.faults.clearAll();
      await until(() => aikoMail().length >= 1, 'the break e-mail');
      const [broken] = aikoMail();
      const { title, remediation } = describeError('AUTH_REVOKED', 'ja', { provider: 'google' });
      expect(broken).toMatchObject({
        language: 'ja',
        subject: `対応が必要です: カレンダー連携 ${AIKO} が停止しました`,
      });
      expect(broken?.text).toContain(title);
      expect(broken?.text).toContain(remediation);
      expect(broken?.text).toContain('- Intro call');
      const link = LINK.exec(broken?.text ?? '')?.[0] ?? '';
      expect(link.startsWith(`${new URL(first.url).origin}/reconnect/rcl_`)).toBe(true);

      await receiver.waitFor(heldFrom + 1);
      first.child.kill('SIGKILL');
      await until(() => first.exit() !== null, 'the first process to die');
      expect(first.exit()?.signal).toBe('SIGKILL');
      receiver.release();

      // The owner clicks the link in her mail; a new process on the same database answers it.
      const second = await start();
      expect(second.url).toBe(first.url);
      const opened = await fetch(link, { redirect: 'manual', headers: { accept: 'text/html' } });
      expect(opened.status).toBe(303);
      const cookie = opened.headers.getSetCookie().map((line) => line.split(';')[0] ?? '')[0] ?? '';
      const consented = await fetch(opened.headers.get('location') ?? '', { redirect: 'manual' });
      expect(consented.status).toBe(302);
      const done = await fetch(new URL(consented.headers.get('location') ?? ''), {
        redirect: 'manual',
        headers: { cookie },
      });
      expect(await done.json()).toMatchObject({ status: 'connected', connectionId });
      expect(await pageState(second.url)).toBe('ACTIVE');
      // A used link changes nothing the second time.
      const reused = await fetch(link, { redirect: 'manual', headers: { accept: 'text/html' } });
      expect(reused.status).toBeGreaterThanOrEqual(400);
      expect(reused.status).toBeLessThan(500);

      await until(() => aikoMail().length >= 2, 'the recovery notice');
      const [, recovered] = aikoMail();
      expect(recovered).toMatchObject({
        language: 'ja',
        subject: `復旧しました: カレンダー連携 ${AIKO} が再び動作しています`,
      });
      expect(recovered?.text).not.toMatch(LINK);

      // Every event of the log reached the receiver, each under one webhook-id, each id carrying one event.
      const log = await graphqlAt<{ events: { edges: { cursor: string; node: { type: string } }[] } }>(
        second.url,
        tokens.admin,
        '{ events(first: 500) { edges { cursor node { type } } } }',
      );
      const expected = log.events.edges.map((edge) => Number(edge.cursor));
      expect(log.events.edges.map((edge) => edge.node.type)).toEqual(
        expect.arrayContaining(['CONNECTION_STATUS_CHANGED', 'BOOKING_PAGE_STATE_CHANGED']),
      );
      await until(() => receiver.uniqueIds().length >= expected.length, 'every event at the receiver');
      const verified = receiver.received.filter((entry) => entry.verified);
      expect(verified).toHaveLength(receiver.received.length);
      const eventOf = new Map<string, number>();
      for (const entry of verified) {
        const eventId = (JSON.parse(entry.body) as { data: { eventId: number } }).data.eventId;
        expect(eventOf.get(entry.id) ?? eventId).toBe(eventId);
        eventOf.set(entry.id, eventId);
      }
      expect([...eventOf.values()].sort((a, b) => a - b)).toEqual(expected);

      // Nothing more is on its way: two notices for Aiko, each once.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(aikoMail().map((mail) => mail.subject)).toEqual([broken?.subject, recovered?.subject]);

      await second.stop();
      expect(second.exit()).toMatchObject({ code: 0 });
    },
    3 * STARTUP_MS,
  );
});
