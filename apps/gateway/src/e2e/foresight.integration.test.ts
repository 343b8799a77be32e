// Breakage predicted end to end, on PGlite and Postgres, with an injected clock: a member links Google Calendar
// through the real OAuth flow (emulator) to an app whose consent screen is still in "Testing", whose refresh
// tokens expire 7 days after issue (https://developers.google.com/identity/protocols/oauth2#expiration). The
// foresight sweep makes the connection AT_RISK with breaksAt = issue + 7 days (no page stops); the owner's
// warning arrives at the loopback SMTP sink 7 days ahead with when, why and the one-click link, once; following
// the link reconnects the same connection: AT_RISK is cleared and breaksAt is null, until the new grant's own
// week is predicted again.
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { type SmtpSink, startSmtpSink } from '@tsunagi/notifications/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { query } from '../../test/database.js';
import { aikoWithGoogle } from '../../test/google-member.js';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { DEFAULT_FORESIGHT_CONFIG } from '../foresight/config.js';
import { createEmulatedProviderRegistry } from '../providers/adapters.js';

let google: GoogleEmulator;
let sink: SmtpSink;
/** Added to foresight's and the notification policy's clock. */
let skewMs = 0;

beforeAll(async () => {
  [google, sink] = await Promise.all([startGoogleEmulator({ port: 0 }), startSmtpSink()]);
});

afterAll(async () => {
  await Promise.all([google?.stop(), sink?.stop()]);
});

const DAY = 24 * 3_600_000;
const LINK = /https?:\/\/[^\s"<>]+\/reconnect\/[A-Za-z0-9_.-]+/;
const CONNECTION = 'id status health breaksAt atRiskReason';

interface ConnectionView {
  id: string;
  status: string;
  health: string;
  breaksAt: string | null;
  atRiskReason: string | null;
}

describeEachDriver('Breakage predicted, warned ahead, reconnected (%s)', (driver) => {
  const t = useTestGateway(driver, {
    config: {
      get notifications() {
        return { enabled: true, smtpUrl: sink.url, from: 'Tsunagi <notify@tsunagi.example>' };
      },
      // The sweep runs at start and then once a day: the test sweeps when it moves the clock.
      foresight: {
        ...DEFAULT_FORESIGHT_CONFIG,
        sweepIntervalSeconds: 86_400,
        apps: { google: { publishingStatus: 'TESTING' } },
      },
    },
    gateway: {
      clock: () => new Date(Date.now() + skewMs),
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          google,
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
        })(dependencies),
    },
  });

  it(
    'AT_RISK with breaksAt, the owner warned once 7 days ahead, the link clears it',
    { timeout: 90_000 },
    async () => {
      skewMs = 0;
      const foresight = t().gateway.foresight;
      if (foresight === null) throw new Error('foresight is off');
      const { w, email, connectionId, page } = await aikoWithGoogle(t(), google);
      const [grant] = await query<{ grant_issued_at: Date }>(
        t().handle,
        `SELECT grant_issued_at FROM connection_credentials WHERE connection_id = '${connectionId}'`,
      );
      const issuedAt = new Date(grant?.grant_issued_at ?? 0);
      expect(issuedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
      // The running dispatcher has seen the organization: what follows is news.
      await vi.waitFor(async () => {
        const cursors = await query(
          t().handle,
          `SELECT cursor FROM notification_cursors WHERE organization_id = '${w.organizationId}'`,
        );
        expect(cursors).toHaveLength(1);
      });
      const before = sink.received.filter((mail) => mail.to.includes(email)).length;

      const read = async () =>
        (
          await w.run<{ connection: ConnectionView }>(
            'aiko',
            `query C($id: ID!) { connection(id: $id) { ${CONNECTION} } }`,
            { id: connectionId },
          )
        ).connection;

      await foresight.sweep();
      const breaksAt = new Date(issuedAt.getTime() + 7 * DAY).toISOString();
      expect(await read()).toEqual({
        id: connectionId,
        status: 'CONNECTED',
        health: 'AT_RISK',
        breaksAt,
        atRiskReason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY',
      });
      // AT_RISK disables no page.
      expect((await w.page('aiko', page.id)).state).toBe('ACTIVE');
      const alerts = await w.run<{
        connectionAlerts: { atRiskConnections: number; earliestBreaksAt: string };
      }>('aiko', '{ connectionAlerts { atRiskConnections earliestBreaksAt } }');
      expect(alerts.connectionAlerts).toMatchObject({ atRiskConnections: 1, earliestBreaksAt: breaksAt });

      // The break is 7 days off: the owner's warning arrives now, with when, why and the link.
      await vi.waitFor(
        async () => {
          // A pass now, besides the running dispatcher's (which a loaded machine may run late).
          await t().gateway.notifications?.runOnce();
          const rows = await query(
            t().handle,
            `SELECT kind, status, last_error FROM notifications WHERE connection_id = '${connectionId}'`,
          );
          expect(sink.received.filter((mail) => mail.to.includes(email)).length, JSON.stringify(rows)).toBe(
            before + 1,
          );
        },
        { timeout: 30_000 },
      );
      const warning = sink.received.filter((mail) => mail.to.includes(email)).at(-1);
      expect(warning?.subject).toBe(`Warning: your calendar connection ${email} will stop working soon`);
      expect(warning?.text).toContain(
        'Why: Google ends sign-ins to apps still in testing 7 days after they were made.',
      );
      expect(warning?.text).toContain('Expected to stop at: ');
      const link = LINK.exec(warning?.text ?? '')?.[0] ?? '';
      expect(link.startsWith(`${new URL(t().url).origin}/reconnect/rcl_`)).toBe(true);

      // Six days on, swept again: the same prediction, no new event and no second warning.
      skewMs = 6 * DAY;
      const events = await query(t().handle, `SELECT id FROM events WHERE connection_id = '${connectionId}'`);
      await foresight.sweep();
      expect(
        await query(t().handle, `SELECT id FROM events WHERE connection_id = '${connectionId}'`),
      ).toEqual(events);
      await t().gateway.notifications?.runOnce();
      expect(sink.received.filter((mail) => mail.to.includes(email)).length).toBe(before + 1);

      // The owner follows the link: the emulator consents, the callback reconnects the same connection.
      const opened = await fetch(link, { redirect: 'manual', headers: { accept: 'text/html' } });
      expect(opened.status).toBe(303);
      const cookie = opened.headers.getSetCookie().map((line) => line.split(';')[0] ?? '')[0] ?? '';
      const consented = await fetch(opened.headers.get('location') ?? '', { redirect: 'manual' });
      const done = await fetch(new URL(consented.headers.get('location') ?? ''), {
        redirect: 'manual',
        headers: { cookie },
      });
      expect(await done.json()).toMatchObject({ status: 'connected', connectionId });
      expect(await read()).toEqual({
        id: connectionId,
        status: 'CONNECTED',
        health: 'HEALTHY',
        breaksAt: null,
        atRiskReason: null,
      });

      // The app is still in Testing: the new grant's own week is what the next sweep predicts.
      await foresight.sweep();
      const [renewed] = await query<{ grant_issued_at: Date }>(
        t().handle,
        `SELECT grant_issued_at FROM connection_credentials WHERE connection_id = '${connectionId}'`,
      );
      expect((await read()).breaksAt).toBe(
        new Date(new Date(renewed?.grant_issued_at ?? 0).getTime() + 7 * DAY).toISOString(),
      );
    },
  );
});
