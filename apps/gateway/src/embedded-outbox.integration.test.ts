// `pnpm start` as a newcomer runs it (src/main.ts in a process of its own, embedded PGlite, no SMTP_URL): the
// banner names the outbox; revoking a healthy demo member's Google grant at the emulator (the banner's curl) and
// probing the connection sends the owner's notification over SMTP into the gateway's own sink, where
// `mailOutbox` and the banner's `/outbox` page show it with its reconnect link.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

const FIXTURE = fileURLToPath(new URL('../test/fixtures/gateway-process.mjs', import.meta.url));

let root: string;
let child: ChildProcess;
let banner: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tsunagi-outbox-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: join(root, 'pglite'),
    PORT: '0',
    LOG_LEVEL: 'silent',
  };
  for (const name of ['DATABASE_URL', 'JWT_SECRET', 'CREDENTIALS_KEYS', 'SMTP_URL', 'NOTIFICATIONS_ENABLED'])
    delete env[name];
  child = spawn(process.execPath, [FIXTURE, 'main'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const printed: string[] = [];
  // The banner ends with the provider section's last hint.
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      printed.push(line);
      if (printed.some((l) => l.includes('Try fixing Exchange')) && line.includes('Saving probes')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`the gateway exited (${code}) before its banner: ${stderr}`)),
    );
  });
  banner = printed;
}, 180_000);

afterAll(async () => {
  if (child !== undefined && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
}, 60_000);

const field = (pattern: RegExp) => {
  for (const line of banner) {
    const match = pattern.exec(line);
    if (match?.[1] !== undefined) return match[1];
  }
  throw new Error(`the banner has no ${pattern}:\n${banner.join('\n')}`);
};

interface OutboxEdge {
  node: { id: string; to: string[]; subject: string; language: string | null; links: string[] };
}

it("mails a broken demo connection's owner into its own outbox, shown by mailOutbox and /outbox", async () => {
  const url = field(/^\s+GraphQL\s+(\S+)/);
  const outboxPage = field(/^\s+Outbox\s+(\S+)/);
  expect(outboxPage).toBe(new URL('/outbox', url).href);
  const token = banner[banner.findIndex((line) => line.includes('admin token')) + 1]?.trim() ?? '';
  const revoke = field(/^\s+curl -X POST (\S+\/_control\/accounts\/\S+\/faults)/);
  const account = decodeURIComponent(/accounts\/([^/]+)\/faults/.exec(revoke)?.[1] ?? '');
  expect(banner.join('\n')).toContain(`Its owner's e-mail then arrives in ${outboxPage}`);

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };
  const outbox = async () =>
    (
      await gql<{ mailOutbox: { edges: OutboxEdge[] } }>(
        '{ mailOutbox(first: 100) { edges { node { id to subject language links } } } }',
      )
    ).mailOutbox.edges.map((edge) => edge.node);
  const subject = `Action needed: your calendar connection ${account} stopped working`;
  // The demo's seeded failures are mailed at start too (to their owners, Exchange's to the admins).
  expect((await outbox()).filter((mail) => mail.subject === subject)).toEqual([]);

  // The seeded failures' mail opened the owner's digest window: without one, the break mail goes at once.
  await gql(
    'mutation { updateOrganizationNotificationSettings(input: { digestWindowMinutes: 0 }) { digestWindowMinutes } }',
  );
  // The banner's recipe: revoke the grant at the emulator, then probe the connection.
  const injected = await fetch(revoke, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'REVOKE_GRANT' }),
  });
  expect(injected.ok).toBe(true);
  const { integrations } = await gql<{
    integrations: { provider: string; accounts: { id: string; accountEmail: string | null }[] }[];
  }>('{ integrations { provider accounts { id accountEmail } } }');
  const connection = integrations
    .find((integration) => integration.provider === 'GOOGLE_CALENDAR')
    ?.accounts.find((candidate) => candidate.accountEmail === account);
  expect(connection).toBeDefined();
  const checked = await gql<{ checkConnection: { status: string } }>(
    'mutation K($id: ID!) { checkConnection(connectionId: $id) { status } }',
    { id: connection?.id },
  );
  expect(checked.checkConnection.status).toBe('ERROR');

  const mail = await vi.waitFor(
    async () => {
      const mine = (await outbox()).find((candidate) => candidate.subject === subject);
      if (mine === undefined) throw new Error('no mail for the broken connection yet');
      return mine;
    },
    { timeout: 30_000, interval: 100 },
  );
  expect(mail).toMatchObject({
    to: [account],
    language: 'en',
    subject,
  });
  const link = mail?.links.find((candidate) => candidate.startsWith(`${new URL(url).origin}/reconnect/rcl_`));
  expect(link).toBeDefined();

  const page = await fetch(`${outboxPage}/${mail?.id}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(`<a href="${link}" rel="noreferrer">`);
  const list = await (await fetch(outboxPage)).text();
  expect(list).toContain(`href="/outbox/${mail?.id}"`);
}, 120_000);
