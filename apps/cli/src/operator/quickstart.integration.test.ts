// The README's Postgres quickstart, command for command, with the built programs (`node dist/main.js`, as
// the README runs them; turbo builds them before this test): init → org create with a key → the gateway
// started on the written environment file → an authorized query. Then the same database behind a gateway
// configured for production (a real identity provider on loopback, no JWT_SECRET): the API key still answers,
// development tokens are refused; the product syncs its directory (1,000 people, 1,000 pages) with the key, and
// one of its people, signed in by the identity provider, reads their pages with the states the rules give.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseEnv, promisify } from 'node:util';
import { createDatabase, createStateService, parseKeyring, systemActor } from '@tsunagi/db';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@tsunagi/db/testing';
import { describePostgres } from '@tsunagi/db/testing/suites';
import { classifyProviderError } from '@tsunagi/errors';
import { mintToken } from '@tsunagi/gateway';
import { TestIdentityProvider } from '@tsunagi/gateway/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
// Through the devDependency's link (Node resolution would pick the TypeScript sources under Vitest).
const GATEWAY = fileURLToPath(new URL('../../node_modules/@tsunagi/gateway/dist/main.js', import.meta.url));
// Several Node processes start in each test (the CLI three times, a gateway); a loaded machine is slow at it.
const PROCESS_TEST_TIMEOUT_MS = 120_000;
const QUERY = '{ connectionAlerts { erroredConnections disabledBookingPages } }';

/** Only what a shell needs: the test runner's own DATABASE_URL or PG* must not leak into the programs. */
const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

describePostgres('the README Postgres quickstart, with the built programs', () => {
  let directory: string;
  let database: ThrowawayDatabase;
  let gateway: ChildProcess | null = null;
  let identityProvider: TestIdentityProvider;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tsunagi-quickstart-'));
    database = await createThrowawayDatabase('tsunagi_quickstart');
    identityProvider = await TestIdentityProvider.start();
  });
  afterAll(async () => {
    await stopGateway();
    await identityProvider?.close();
    await database?.drop();
    await rm(directory, { recursive: true, force: true });
  });

  async function tsunagi(...args: string[]): Promise<string> {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd: directory,
      env: baseEnv,
    });
    return stdout;
  }

  /** `node --env-file=<file> apps/gateway/dist/main.js` on a free port; resolves to its GraphQL URL. */
  async function startGateway(envFile: string): Promise<string> {
    const child = spawn(process.execPath, [`--env-file=${envFile}`, GATEWAY], {
      cwd: directory,
      env: { ...baseEnv, PORT: '0', LOG_LEVEL: 'warn', PROBES_ENABLED: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateway = child;
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
      const url = /^\s+GraphQL\s+(http:\/\/\S+)/.exec(line)?.[1];
      if (url !== undefined) return url;
    }
    throw new Error(`the gateway stopped before listening: ${stderr}`);
  }

  async function stopGateway(): Promise<void> {
    const child = gateway;
    gateway = null;
    if (child === null || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  const query = async <T = Record<string, unknown>>(
    url: string,
    credential: string,
    text = QUERY,
    variables: Record<string, unknown> = {},
  ): Promise<{ status: number; body: { data?: T; errors?: unknown[] } }> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ query: text, variables }),
    });
    return { status: response.status, body: (await response.json()) as { data?: T; errors?: unknown[] } };
  };

  let apiKey: string;
  let productionUrl: string;
  let organizationId: string;

  it(
    'goes from an empty database to an answered query: init, org create with a key, gateway, query',
    async () => {
      const init = await tsunagi('init', '--database-url', database.url);
      expect(init).toContain('Wrote .env (mode 0600)');
      expect(init).toContain(
        `Database ${database.name} on 127.0.0.1:5432: already there, migrations applied`,
      );

      const org = await tsunagi('org', 'create', '--name', 'Acme', '--with-service-key', 'quickstart');
      expect(org).toMatch(/^Created organization org_\w+ \(slug acme\): Acme\n/);
      apiKey = org.match(/^tsk_\S+$/m)?.[0] ?? '';
      expect(apiKey).toMatch(/^tsk_/);

      const url = await startGateway('.env');
      const answer = await query(url, apiKey);
      expect(answer).toEqual({
        status: 200,
        body: { data: { connectionAlerts: { erroredConnections: 0, disabledBookingPages: 0 } } },
      });
      // The key was used: list shows when (never the key itself).
      const listed = await tsunagi('api-key', 'list', '--org', 'acme');
      expect(listed).toMatch(/quickstart\s+SERVICE\s+—\s+\S+ \S+Z\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+—/);
      expect(listed).not.toContain(apiKey);
      await stopGateway();
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'serves the same database with an identity provider and no JWT_SECRET: API keys yes, development tokens no',
    async () => {
      const written = parseEnv(await readFile(join(directory, '.env'), 'utf8'));
      const production = join(directory, 'production.env');
      await writeFile(
        production,
        [
          `DATABASE_URL=${written.DATABASE_URL}`,
          `CREDENTIALS_KEYS=${written.CREDENTIALS_KEYS}`,
          `OIDC_ISSUER=${identityProvider.issuer}`,
          'OIDC_AUDIENCE=tsunagi-gateway',
          '',
        ].join('\n'),
        { mode: 0o600 },
      );
      const url = await startGateway(production);
      productionUrl = url;
      expect((await query(url, apiKey)).status).toBe(200);
      organizationId = /org_\w+/.exec(await tsunagi('api-key', 'list', '--org', 'acme'))?.[0] ?? '';
      const developmentToken = await mintToken({
        secret: written.JWT_SECRET ?? '',
        issuer: 'tsunagi',
        audience: 'tsunagi-gateway',
        userId: 'svc_quickstart',
        organizationId,
        role: 'SERVICE',
      });
      const refused = await query(url, developmentToken);
      expect(refused.status).toBe(401);
      expect(JSON.stringify(refused.body)).toContain('Development (HS256) tokens are not accepted');
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  /** The data of an answer that must have no errors. */
  async function data<T>(credential: string, text: string, variables: Record<string, unknown> = {}) {
    const answer = await query<T>(productionUrl, credential, text, variables);
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 200, errors: undefined });
    if (answer.body.data === undefined) throw new Error('The answer has no data');
    return answer.body.data;
  }

  it(
    'syncs 1,000 people and 1,000 pages with the key; a person signed in by the identity provider reads them',
    async () => {
      const people = Array.from({ length: 1000 }, (_, i) => ({
        externalId: `emp-${i}`,
        name: `Person ${i}`,
        email: `person-${i}@acme.example`,
        ...(i === 0 ? { role: 'ADMIN' } : {}),
        ...(i % 2 === 0 ? { locale: 'JA' } : {}),
      }));
      const first = await data<Synced>(apiKey, SYNC, { input: { mode: 'UPSERT', users: people } });
      expect(first.syncDirectory.counts.usersCreated).toBe(1000);
      const ids = new Map(first.syncDirectory.users.map((row) => [row.externalId, row.id]));

      // Calendars, as the product's people link them: person i < 300 has Google, broken when i % 3 = 1.
      const written = parseEnv(await readFile(join(directory, '.env'), 'utf8'));
      const handle = createDatabase({ databaseUrl: written.DATABASE_URL ?? '' });
      try {
        const state = createStateService({
          db: handle.db,
          keyring: parseKeyring(written.CREDENTIALS_KEYS ?? ''),
        });
        for (let i = 0; i < 300; i++) {
          const linked = await state.createConnection(systemActor(organizationId), {
            userId: ids.get(`emp-${i}`) ?? '',
            provider: 'GOOGLE_CALENDAR',
            accountExternalId: `google-${i}`,
          });
          if (!linked.ok) throw new Error(linked.error.message);
          if (i % 3 === 1) {
            await state.markConnectionError(
              systemActor(organizationId),
              linked.value.connection.id,
              REVOKED_GRANT,
            );
          }
        }
      } finally {
        await handle.close();
      }

      // The complete directory: page j is hosted by people j and j+1 together; ten pages are switched off.
      const pages = Array.from({ length: 1000 }, (_, j) => ({
        externalId: `page-${j}`,
        title: `Consultation ${j}`,
        ownerExternalId: `emp-${j}`,
        memberExternalIds: [`emp-${j}`, `emp-${(j + 1) % 1000}`],
        enabled: !(j >= 900 && j % 10 === 0),
      }));
      const synced = await data<Synced>(apiKey, SYNC, { input: { mode: 'FULL', users: people, pages } });
      expect(synced.syncDirectory).toMatchObject({
        errors: [],
        counts: { usersUnchanged: 1000, usersDeleted: 0, pagesCreated: 1000, pagesDeleted: 0 },
      });
      const broken = (i: number) => i < 300 && i % 3 === 1;
      const expectedState = (j: number) =>
        j >= 900 && j % 10 === 0
          ? 'INACTIVE'
          : broken(j) || broken((j + 1) % 1000)
            ? 'DISABLED_CONNECTION_ERROR'
            : 'ACTIVE';

      // Person 1 (a member, whose calendar broke) signs in through the product's identity provider.
      const kid = await identityProvider.addKey('ES256');
      const memberToken = await identityProvider.sign({ kid, claims: { sub: 'emp-1', org: organizationId } });
      const mine = await data<{ viewer: unknown; bookingPages: PageList }>(memberToken, MY_PAGES);
      expect(mine.viewer).toEqual({ id: ids.get('emp-1'), externalId: 'emp-1', role: 'MEMBER' });
      // Page 0 (person 1 is a member) and page 1 (their own), both stopped by their calendar.
      expect(mine.bookingPages.edges.map((edge) => edge.node)).toEqual([
        { externalId: 'page-0', state: 'DISABLED_CONNECTION_ERROR' },
        { externalId: 'page-1', state: 'DISABLED_CONNECTION_ERROR' },
      ]);

      // The admin (person 0) sees every page, each in the state the rules give, and the banner's counts.
      const adminToken = await identityProvider.sign({ kid, claims: { sub: 'emp-0', org: organizationId } });
      const states = new Map<string, string>();
      let after: string | null = null;
      do {
        const listed: { bookingPages: PageList } = await data(adminToken, ALL_PAGES, { after });
        for (const { node } of listed.bookingPages.edges) states.set(node.externalId, node.state);
        const { pageInfo } = listed.bookingPages;
        after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      } while (after !== null);
      expect(states.size).toBe(1000);
      for (let j = 0; j < 1000; j++) expect([j, states.get(`page-${j}`)]).toEqual([j, expectedState(j)]);
      const disabled = [...states.values()].filter((state) => state === 'DISABLED_CONNECTION_ERROR').length;
      expect(disabled).toBe(200);
      expect(await data(adminToken, QUERY)).toEqual({
        connectionAlerts: { erroredConnections: 100, disabledBookingPages: disabled },
      });
      // The product names a page by its own id.
      expect(await data(adminToken, ONE_PAGE, { id: 'ext:page-4' })).toEqual({
        bookingPage: { externalId: 'page-4', owner: { externalId: 'emp-4' } },
      });
      await stopGateway();
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});

interface Synced {
  syncDirectory: {
    errors: unknown[];
    counts: Record<string, number>;
    users: { externalId: string; id: string }[];
  };
}
interface PageList {
  edges: { node: { externalId: string; state: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const REVOKED_GRANT = classifyProviderError({
  provider: 'google-oauth',
  status: 400,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
});
const SYNC = `mutation Sync($input: DirectorySyncInput!) {
  syncDirectory(input: $input) {
    errors { list index externalId code message }
    counts { usersCreated usersUnchanged usersDeleted pagesCreated pagesDeleted }
    users { externalId id }
  }
}`;
const MY_PAGES = `{
  viewer { id externalId role }
  bookingPages(first: 100) { edges { node { externalId state } } }
}`;
const ALL_PAGES = `query All($after: String) {
  bookingPages(first: 100, after: $after) {
    edges { node { externalId state } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ONE_PAGE = `query One($id: ID!) { bookingPage(id: $id) { externalId owner { externalId } } }`;
