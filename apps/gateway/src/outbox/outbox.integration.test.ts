// The embedded mail outbox on PGlite and Postgres: the notification dispatcher sends over real SMTP to the
// gateway's own sink on 127.0.0.1, and the messages come back out through `mailOutbox` (a member reads their
// own, an admin their organization's, nobody another tenant's) and through `/outbox`, whose page escapes
// everything, shows the mail's HTML only in a sandboxed frame, and whose reconnect link, clicked, reconnects.
// A gateway without the outbox answers the typed FEATURE_UNAVAILABLE.
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { SmtpMailer } from '@tsunagi/notifications';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aikoWithGoogle } from '../../test/google-member.js';
import { describeEachDriver, startTestGateway, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { createEmulatedProviderRegistry } from '../providers/adapters.js';

let google: GoogleEmulator;

beforeAll(async () => {
  google = await startGoogleEmulator({ port: 0 });
});

afterAll(async () => {
  await google?.stop();
});

const OUTBOX = /* GraphQL */ `
  query Outbox($first: Int, $after: String) {
    mailOutbox(first: $first, after: $after) {
      edges { cursor node { id to subject language text html receivedAt links } }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

interface OutboxNode {
  id: string;
  to: string[];
  subject: string;
  language: string | null;
  text: string;
  html: string;
  receivedAt: string;
  links: string[];
}
interface OutboxData {
  mailOutbox: {
    edges: { cursor: string; node: OutboxNode }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

describeEachDriver('Embedded mail outbox (%s)', (driver) => {
  const t = useTestGateway(driver, {
    gateway: {
      mailOutbox: true,
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          google,
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
        })(dependencies),
    },
  });

  const emailOf = async (userId: string) =>
    (await t().handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) }))?.email ?? '';

  /** An organization whose member aiko has a Google connection that breaks; boss administers it. */
  async function brokenConnection() {
    const w = await World.create(t(), ['aiko', 'lee', 'boss'], { boss: 'ADMIN' });
    // No digest window: a recovery notice follows the break mail at once instead of 15 minutes later.
    await t().gateway.services.notifications.settings.updateOrganization(w.organizationId, {
      digestWindowMinutes: 0,
    });
    const connectionId = await w.link('aiko', 'GOOGLE_CALENDAR');
    await w.fail(connectionId);
    const email = await emailOf(w.users.aiko);
    const mail = await vi.waitFor(
      async () => {
        const data = await w.run<OutboxData>('aiko', OUTBOX);
        const found = data.mailOutbox.edges.find((edge) => edge.node.to.includes(email));
        if (found === undefined) throw new Error('no mail for aiko yet');
        return found.node;
      },
      { timeout: 15_000, interval: 50 },
    );
    return { w, email, connectionId, mail };
  }

  it('runs a local SMTP sink and points the notification dispatcher at it', () => {
    const { mailOutbox, notifications } = t().gateway;
    expect(mailOutbox?.outbox.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(notifications).not.toBeNull();
  });

  it("shows the owner's notification to its owner and their admin, not to a colleague or another tenant", async () => {
    const { w, email, mail } = await brokenConnection();
    expect(mail).toMatchObject({
      to: [email],
      language: 'en',
      subject: 'Action needed: your calendar connection aiko-google_calendar@example.test stopped working',
    });
    expect(mail.id).toMatch(/^mail_/);
    expect(Date.now() - Date.parse(mail.receivedAt)).toBeLessThan(60_000);
    const link = mail.links.find((candidate) => candidate.includes('/reconnect/rcl_'));
    expect(link?.startsWith(`${new URL(t().url).origin}/reconnect/rcl_`)).toBe(true);
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`<a href="${link}">`);

    const admin = await w.run<OutboxData>('boss', OUTBOX);
    expect(admin.mailOutbox.edges.map((edge) => edge.node.id)).toContain(mail.id);
    const colleague = await w.run<OutboxData>('lee', OUTBOX);
    expect(colleague.mailOutbox.edges).toEqual([]);

    const other = await World.create(t(), ['hana'], { hana: 'ADMIN' });
    expect((await other.run<OutboxData>('hana', OUTBOX)).mailOutbox.edges).toEqual([]);
    // The other tenant's id in a forged token is refused before any read.
    const forged = await t().graphql(OUTBOX, {
      caller: { userId: w.users.boss, organizationId: other.organizationId, role: 'ADMIN' },
    });
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const service = await t().graphql(OUTBOX, {
      caller: { userId: 'reporting', organizationId: w.organizationId, role: 'SERVICE' },
    });
    expect(service.status).toBe(200);
    expect(service.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(service.body.data).toBeNull();
  });

  it('pages newest first with cursors and refuses a malformed cursor or size', async () => {
    const { w, connectionId } = await brokenConnection();
    await w.reconnect(connectionId);
    const email = await emailOf(w.users.aiko);
    const newest = await vi.waitFor(
      async () => {
        const data = await w.run<OutboxData>('aiko', OUTBOX, { first: 1 });
        const [edge] = data.mailOutbox.edges;
        if (!edge?.node.subject.startsWith('Fixed:')) throw new Error('no recovery notice yet');
        return data.mailOutbox;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(newest.edges[0]?.node.to).toEqual([email]);
    expect(newest.pageInfo).toEqual({ endCursor: newest.edges[0]?.cursor, hasNextPage: true });
    const older = await w.run<OutboxData>('aiko', OUTBOX, { first: 1, after: newest.pageInfo.endCursor });
    expect(older.mailOutbox.edges.map((edge) => edge.node.subject)).toEqual([
      'Action needed: your calendar connection aiko-google_calendar@example.test stopped working',
    ]);
    expect(older.mailOutbox.pageInfo.hasNextPage).toBe(false);

    for (const variables of [{ after: 'mail_1' }, { after: '0' }, { first: 0 }, { first: 101 }]) {
      const refused = await w.request('aiko', OUTBOX, variables);
      expect(refused.status).toBe(200);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('serves /outbox to a browser on this machine: escaped, the HTML sandboxed, its reconnect link working', async () => {
    const { w, email, account, connectionId, page } = await aikoWithGoogle(t(), google);
    google.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    const checked = await w.run<{ checkConnection: { status: string } }>(
      'aiko',
      'mutation K($id: ID!) { checkConnection(connectionId: $id) { status } }',
      { id: connectionId },
    );
    expect(checked.checkConnection.status).toBe('ERROR');
    google.faults.clearAll();
    const origin = new URL(t().url).origin;

    await vi.waitFor(
      async () => {
        const data = await w.run<OutboxData>('aiko', OUTBOX);
        if (data.mailOutbox.edges.length === 0) throw new Error('the notification has not arrived yet');
      },
      { timeout: 15_000, interval: 50 },
    );

    // Someone mails the outbox a hostile message to aiko's address (no notification's Message-ID: it is
    // hers by address).
    const mailer = new SmtpMailer({
      smtpUrl: t().gateway.mailOutbox?.outbox.url ?? '',
      from: 'x@example.test',
    });
    await mailer.send({
      to: email,
      subject: '<script>alert(1)</script>',
      text: 'hi',
      html: '<html><head></head><body><script>alert(2)</script><img src=x onerror="alert(3)"></body></html>',
      messageId: '<hostile@example.test>',
    });
    mailer.close();

    const { mailOutbox } = await vi.waitFor(
      async () => {
        const data = await w.run<OutboxData>('aiko', OUTBOX);
        if (data.mailOutbox.edges.length < 2) throw new Error('the notification has not arrived yet');
        return data;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(mailOutbox.edges.map((edge) => edge.node.subject)).toEqual([
      '<script>alert(1)</script>',
      `Action needed: your calendar connection ${email} stopped working`,
    ]);
    const response = await fetch(`${origin}/outbox`);
    const list = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(list).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(list).not.toContain('<script');
    const [hostile, notification] = mailOutbox.edges.map((edge) => edge.node);
    expect(list).toContain(`href="/outbox/${notification?.id}"`);

    const hostilePage = await (await fetch(`${origin}/outbox/${hostile?.id}`)).text();
    expect(hostilePage).not.toMatch(/<script|<img/i);
    expect(hostilePage).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(hostilePage).toContain('srcdoc="&lt;html&gt;&lt;head&gt;&lt;base target=&quot;_blank&quot;&gt;');
    expect(hostilePage).not.toMatch(/sandbox="[^"]*allow-scripts/);

    const messagePage = await (await fetch(`${origin}/outbox/${notification?.id}`)).text();
    const link = /<li><a href="([^"]+)"/.exec(messagePage)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(link).toBe(notification?.links[0]);
    expect(link.startsWith(`${origin}/reconnect/rcl_`)).toBe(true);

    // The newcomer clicks it: the gateway binds the browser, the emulator consents, the callback reconnects.
    const opened = await fetch(link, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.getSetCookie().map((line) => line.split(';')[0] ?? '')[0] ?? '';
    const consented = await fetch(opened.headers.get('location') ?? '', { redirect: 'manual' });
    const done = await fetch(new URL(consented.headers.get('location') ?? ''), {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(await done.json()).toMatchObject({ status: 'connected', connectionId });
    expect((await w.page('aiko', page.id)).state).toBe('ACTIVE');

    expect((await fetch(`${origin}/outbox/mail_${'0'.repeat(24)}`)).status).toBe(404);
  });

  it('refuses /outbox to a page that reaches it under another host name (DNS rebinding)', async () => {
    const { port } = new URL(t().url);
    // fetch() will not send a forged Host; node:http will.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request(
        { host: '127.0.0.1', port, path: '/outbox', headers: { host: `attacker.example:${port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });
});

describe('a gateway without the outbox', () => {
  it('answers mailOutbox with FEATURE_UNAVAILABLE and has no /outbox, also when SMTP_URL is set', async () => {
    for (const options of [
      {},
      {
        config: {
          notifications: { enabled: true, smtpUrl: 'smtp://127.0.0.1:9', from: 'Tsunagi <a@b.example>' },
        },
        gateway: { mailOutbox: true },
      },
    ]) {
      const t = await startTestGateway('pglite', options);
      try {
        expect(t.gateway.mailOutbox).toBeNull();
        const w = await World.create(t, ['aiko'], { aiko: 'ADMIN' });
        const response = await w.request('aiko', OUTBOX);
        expect(response.status).toBe(200);
        expect(response.body.data).toBeNull();
        expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'FEATURE_UNAVAILABLE' });
        expect((await fetch(new URL('/outbox', t.url))).status).toBe(404);
      } finally {
        await t.close();
      }
    }
  }, 60_000);
});
