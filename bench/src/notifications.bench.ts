// Connection-failure e-mail latency (issue 12 §6): a grant revoked at the Google emulator, the connection probed
// (`checkConnection`, the probe path: adapter → classifier → state change and event in one transaction), then
// the notification dispatcher (woken by the event bus: fan-out, claim, render in the owner's locale, reconnect
// link, nodemailer over SMTP) until the SMTP sink on 127.0.0.1 (`startMailSink`, the embedded outbox's server)
// has accepted the owner's message. On PostgreSQL (`BENCH_DATABASE_URL` or `TEST_DATABASE_URL`, a throwaway
// database) and on in-memory PGlite; goal: p99 ≤ 1 s on loopback.
// Baseline, in the same run: a bare nodemailer send of each received message (same subject, text, HTML,
// recipient) to the same sink, one transport as the dispatcher's mailer holds: SMTP's own share. smtp-server
// holds every new connection 100 ms before its greeting (early-talker detection, `init()` in its
// lib/smtp-connection.js), and nodemailer opens one per message, so both sides carry that floor alike.
import {
  createDatabase,
  createOrganization,
  createUser,
  type DatabaseHandle,
  type DriverName,
} from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import {
  createEmulatedProviderRegistry,
  createGateway,
  type Gateway,
  gatewayConfig,
  mintToken,
} from '@tsunagi/gateway';
import { type ReceivedEmail, startMailSink } from '@tsunagi/notifications/outbox';
import { createTransport } from 'nodemailer';
import { check, fmt, percentile, printTable, type Row } from './report.js';

const SAMPLES = Number(process.env.BENCH_NOTIFICATION_SAMPLES ?? 50);
const WARMUP = 3;
const LOCALES = ['en', 'ja', 'it', 'pl'] as const;
const SUBJECT_START: Record<(typeof LOCALES)[number], string> = {
  en: 'Action needed:',
  ja: '対応が必要です:',
  it: 'Azione richiesta:',
  pl: 'Wymagane działanie:',
};
const FROM = 'Tsunagi <notify@bench.example>';

/** The sink: every accepted message, and whoever waits for one to a given address. */
async function startSink() {
  const waiting = new Map<string, (email: ReceivedEmail, at: number) => void>();
  const received: ReceivedEmail[] = [];
  const sink = await startMailSink({
    onMessage(email) {
      const at = performance.now();
      received.push(email);
      for (const address of email.to) waiting.get(address)?.(email, at);
    },
  });
  return {
    url: sink.url,
    received,
    /** Resolves with the next message to `address` and when the sink accepted it. */
    next(address: string): Promise<{ email: ReceivedEmail; at: number }> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${address} within 10 s`)), 10_000);
        waiting.set(address, (email, at) => {
          clearTimeout(timer);
          waiting.delete(address);
          resolve({ email, at });
        });
      });
    },
    stop: () => sink.stop(),
  };
}
type Sink = Awaited<ReturnType<typeof startSink>>;

async function open(driver: DriverName): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
  if (driver === 'pglite') return { database: createDatabase({}), drop: async () => {} };
  const given = process.env.BENCH_DATABASE_URL;
  if (given !== undefined) return { database: createDatabase({ databaseUrl: given }), drop: async () => {} };
  const throwaway = await createThrowawayDatabase('tsunagi_bench_notify');
  return { database: createDatabase({ databaseUrl: throwaway.url }), drop: throwaway.drop };
}

interface Owner {
  readonly email: string;
  readonly locale: (typeof LOCALES)[number];
  readonly accountId: string;
  readonly connectionId: string;
  readonly pageTitle: string;
  readonly token: string;
}

interface DriverResult {
  readonly pipelineMs: number[];
  readonly probeMs: number[];
  readonly received: ReceivedEmail[];
}

async function measure(driver: DriverName, google: GoogleEmulator, sink: Sink): Promise<DriverResult> {
  const { database, drop } = await open(driver);
  await database.migrate();
  const config = gatewayConfig({ notifications: { enabled: true, smtpUrl: sink.url, from: FROM } });
  let gateway: Gateway | null = null;
  try {
    gateway = await createGateway(config, {
      database,
      providers: createEmulatedProviderRegistry({ google }),
    });
    const url = gateway.url;
    const organization = await createOrganization(database.db, {
      name: 'Bench',
      slug: `bench-notify-${driver}-${Date.now()}`,
    });
    const admin = await createUser(database.db, {
      organizationId: organization.id,
      name: 'Admin',
      email: `admin-${driver}@bench.example`,
      role: 'ADMIN',
    });
    const tokenFor = (userId: string, role: 'ADMIN' | 'MEMBER') =>
      mintToken({ ...config.jwt, userId, organizationId: organization.id, role });
    const post = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      check(
        body.errors === undefined && body.data != null,
        `gateway answered ${JSON.stringify(body.errors)}`,
      );
      return body.data as T;
    };
    const adminToken = await tokenFor(admin.id, 'ADMIN');

    // The people and their pages, as the product pushes them: one owner per sample, locales in turn.
    const total = WARMUP + SAMPLES;
    const people = Array.from({ length: total }, (_, i) => ({
      externalId: `owner-${i}`,
      name: `Owner ${i}`,
      email: `owner-${i}-${driver}@bench.example`,
      locale: LOCALES[i % LOCALES.length]!,
    }));
    const synced = await post<{ syncDirectory: { applied: boolean } }>(
      adminToken,
      'mutation S($input: DirectorySyncInput!) { syncDirectory(input: $input) { applied } }',
      {
        input: {
          mode: 'UPSERT',
          users: people.map((p) => ({ ...p, locale: p.locale.toUpperCase() })),
          pages: people.map((p) => ({
            externalId: `page-${p.externalId}`,
            title: `Intro call with ${p.name}`,
            ownerExternalId: p.externalId,
            memberExternalIds: [p.externalId],
          })),
        },
      },
    );
    check(synced.syncDirectory.applied, 'the directory sync applied');
    const listed = await post<{ users: { edges: { node: { id: string; externalId: string | null } }[] } }>(
      adminToken,
      '{ users(first: 100) { edges { node { id externalId } } } }',
    );
    const owners: Owner[] = [];
    for (const person of people) {
      const userId = listed.users.edges.find((edge) => edge.node.externalId === person.externalId)?.node.id;
      check(userId !== undefined, `${person.externalId} was synced`);
      const token = await tokenFor(userId ?? '', 'MEMBER');
      const account = google.accounts.create({ email: person.email });
      // The real OAuth flow links the calendar: the starting client opens the gateway's binding endpoint with
      // its token (a cookie binds the browser), the emulator consents at once, the callback sees the cookie.
      const started = await post<{ connectAccount: { authorizationUrl: string } }>(
        token,
        'mutation { connectAccount(provider: GOOGLE_CALENDAR) { authorizationUrl } }',
      );
      const bound = await fetch(started.connectAccount.authorizationUrl, {
        redirect: 'manual',
        headers: { authorization: `Bearer ${token}` },
      });
      const cookie = bound.headers.getSetCookie().map((line) => line.split(';')[0] ?? '')[0] ?? '';
      const consent = await fetch(bound.headers.get('location') ?? '', { redirect: 'manual' });
      const done = await fetch(consent.headers.get('location') ?? '', { headers: { cookie } });
      const body = (await done.json()) as { connectionId?: string };
      check(done.status === 200 && body.connectionId !== undefined, `linking ${person.email}`);
      owners.push({
        email: person.email,
        locale: person.locale,
        accountId: account.id,
        connectionId: String(body.connectionId),
        pageTitle: `Intro call with ${person.name}`,
        token,
      });
    }

    const pipelineMs: number[] = [];
    const probeMs: number[] = [];
    const received: ReceivedEmail[] = [];
    for (const [i, owner] of owners.entries()) {
      google.faults.inject(owner.accountId, { kind: 'REVOKE_GRANT' });
      const arrival = sink.next(owner.email);
      const start = performance.now();
      const checked = await post<{ checkConnection: { status: string; lastError: { code: string } | null } }>(
        owner.token,
        'mutation K($id: ID!) { checkConnection(connectionId: $id) { status lastError { code } } }',
        { id: owner.connectionId },
      );
      const probed = performance.now();
      check(
        checked.checkConnection.status === 'ERROR' &&
          checked.checkConnection.lastError?.code === 'AUTH_REVOKED',
        `the revoked grant probed as ${JSON.stringify(checked.checkConnection)}`,
      );
      const { email, at } = await arrival;
      // The owner's message, in their locale, naming the stopped page, with a one-click link to this gateway.
      check(email.to.length === 1 && email.to[0] === owner.email, `recipient ${email.to.join(',')}`);
      check(
        email.language === owner.locale,
        `${owner.email}: language ${email.language}, not ${owner.locale}`,
      );
      check(
        email.subject.startsWith(SUBJECT_START[owner.locale]),
        `${owner.locale} subject: ${email.subject}`,
      );
      check(email.text.includes(owner.pageTitle), `the stopped page is named in ${owner.email}'s message`);
      check(
        email.links.some((link) => link.startsWith(`${new URL(url).origin}/reconnect/rcl_`)),
        `no reconnect link in ${owner.email}'s message`,
      );
      if (i >= WARMUP) {
        pipelineMs.push(at - start);
        probeMs.push(probed - start);
        received.push(email);
      }
    }
    return { pipelineMs, probeMs, received };
  } finally {
    await gateway?.stop();
    await database.close();
    await drop();
  }
}

/** The same messages sent by a bare nodemailer transport to the same sink: ms until each was accepted. */
async function bareSends(sink: Sink, messages: readonly ReceivedEmail[]): Promise<number[]> {
  const transport = createTransport(sink.url);
  const times: number[] = [];
  try {
    for (const [i, message] of [...messages.slice(0, WARMUP), ...messages].entries()) {
      const to = message.to[0] ?? '';
      const arrival = sink.next(to);
      const start = performance.now();
      await transport.sendMail({
        from: FROM,
        to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<bare-${i}@bench.example>`,
      });
      const { email, at } = await arrival;
      check(
        email.subject === message.subject && email.html === message.html,
        'the bare send arrived unchanged',
      );
      if (i >= WARMUP) times.push(at - start);
    }
  } finally {
    transport.close();
  }
  return times;
}

const google = await startGoogleEmulator({ port: 0 });
const sink = await startSink();
const rows: Row[] = [];
try {
  for (const driver of ['pg', 'pglite'] as const) {
    const result = await measure(driver, google, sink);
    const bare = await bareSends(sink, result.received);
    const p50 = percentile(result.pipelineMs, 50);
    const p99 = percentile(result.pipelineMs, 99);
    const bareP50 = percentile(bare, 50);
    const dispatchMs = result.pipelineMs.map((ms, i) => ms - (result.probeMs[i] ?? 0));
    rows.push(
      [`${driver}: probe → owner's e-mail accepted, p50`, `${fmt(p50, 1)} ms`, '', ''],
      [
        `${driver}: probe → owner's e-mail accepted, p99`,
        `${fmt(p99, 1)} ms`,
        '≤ 1,000 ms',
        p99 <= 1000 ? 'yes' : 'no',
      ],
      [
        `${driver}: of which checkConnection (probe + commit), p50`,
        `${fmt(percentile(result.probeMs, 50), 1)} ms`,
        '',
        '',
      ],
      [
        `${driver}: then checkConnection answered → accepted, p50 / p99`,
        `${fmt(percentile(dispatchMs, 50), 1)} / ${fmt(percentile(dispatchMs, 99), 1)} ms`,
        '',
        '',
      ],
      [
        `${driver}: bare nodemailer send, same messages, p50 / p99 (baseline)`,
        `${fmt(bareP50, 1)} / ${fmt(percentile(bare, 99), 1)} ms`,
        '',
        '',
      ],
      [`${driver}: ratio pipeline / bare send (p50)`, `${fmt(p50 / bareP50, 1)}×`, '', ''],
    );
  }
} finally {
  await sink.stop();
  await google.stop();
}
printTable(
  `Connection-failure e-mail: revoked grant → probe → owner's message at a loopback SMTP sink (${SAMPLES} samples per driver, en/ja/it/pl in turn)`,
  rows,
);
