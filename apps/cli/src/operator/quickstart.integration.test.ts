// The README's Postgres quickstart, command for command, with the built programs (`node dist/main.js`, as
// the README runs them; turbo builds them before this test): init → org create with a key → the gateway
// started on the written environment file → an authorized query. Then the same database behind a gateway
// configured for production (an identity provider, no JWT_SECRET): the API key still answers, development
// tokens are refused.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseEnv, promisify } from 'node:util';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@tsunagi/db/testing';
import { describePostgres } from '@tsunagi/db/testing/suites';
import { mintToken } from '@tsunagi/gateway';
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

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tsunagi-quickstart-'));
    database = await createThrowawayDatabase('tsunagi_quickstart');
  });
  afterAll(async () => {
    await stopGateway();
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

  const query = async (url: string, credential: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ query: QUERY }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  let apiKey: string;

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
          // Never fetched here: only provider tokens would send the gateway to its key set.
          'OIDC_ISSUER=http://127.0.0.1:9/issuer',
          'OIDC_AUDIENCE=tsunagi-gateway',
          '',
        ].join('\n'),
        { mode: 0o600 },
      );
      const url = await startGateway(production);
      expect((await query(url, apiKey)).status).toBe(200);
      const organizationId = /org_\w+/.exec(await tsunagi('api-key', 'list', '--org', 'acme'))?.[0] ?? '';
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
      await stopGateway();
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
