// Two real gateway processes (src/main.ts, as `pnpm start` runs it) on one PGlite data directory: the second
// is refused at once with one line on stderr and exit 1 while the first keeps serving; a lock left behind by
// a `kill -9` does not block the next start.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(new URL('../test/fixtures/gateway-process.mjs', import.meta.url));
const STARTUP_MS = 120_000;

let root: string;
let dataDir: string;
const running = new Set<ChildProcess>();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tsunagi-embedded-'));
  dataDir = join(root, 'pglite');
});

afterAll(async () => {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  rmSync(root, { recursive: true, force: true });
}, 60_000);

interface Started {
  readonly child: ChildProcess;
  /** Resolves with the GraphQL URL and the demo admin token once the banner is printed. */
  readonly banner: Promise<{ url: string; token: string }>;
  readonly exit: Promise<{ code: number | null; stderr: string }>;
}

function startGateway(): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' };
  for (const name of ['DATABASE_URL', 'JWT_SECRET', 'CREDENTIALS_KEYS', 'GRAPHIQL']) delete env[name];
  const child = spawn(process.execPath, [FIXTURE, 'main'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exit = once(child, 'exit').then(([code]) => ({ code: code as number | null, stderr }));
  const banner = new Promise<{ url: string; token: string }>((resolve, reject) => {
    let url: string | undefined;
    let tokenNext = false;
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      url ??= /^\s+GraphQL\s+(\S+)/.exec(line)?.[1];
      if (tokenNext && url !== undefined) resolve({ url, token: line.trim() });
      tokenNext = line.includes('admin token');
    });
    void exit.then(({ code }) =>
      reject(new Error(`the gateway exited (${code}) before its banner: ${stderr}`)),
    );
  });
  banner.catch(() => undefined);
  return { child, banner, exit };
}

async function alerts(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ connectionAlerts { erroredConnections } }' }),
  });
  return response.json();
}

describe('one PGlite data directory, several gateway processes', () => {
  it(
    'refuses a second gateway at once with one line, while the first keeps serving',
    async () => {
      const first = startGateway();
      const { url, token } = await first.banner;
      expect(await alerts(url, token)).toMatchObject({ data: { connectionAlerts: {} } });

      const second = startGateway();
      const refused = await Promise.race([second.exit, second.banner.then(() => null)]);
      expect(refused, 'the second gateway started on the same data directory').not.toBeNull();
      const { code, stderr } = refused!;
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`PGlite data directory ${dataDir} is in use by process ${first.child.pid}`);
      expect(lines[0]).toContain('PGLITE_DATA_DIR');

      expect(await alerts(url, token)).toMatchObject({ data: { connectionAlerts: {} } });

      // kill -9: nothing runs on the way out, the lock file stays behind…
      first.child.kill('SIGKILL');
      await first.exit;
      expect(existsSync(`${dataDir}.lock`)).toBe(true);

      // …and does not block the next start, which serves the same data.
      const third = startGateway();
      const restarted = await third.banner;
      expect(await alerts(restarted.url, restarted.token)).toMatchObject({
        data: { connectionAlerts: {} },
      });
      third.child.kill('SIGTERM');
      expect((await third.exit).code).toBe(0);
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    },
    3 * STARTUP_MS,
  );
});
