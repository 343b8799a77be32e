// A gateway in a Node process of its own (fixtures/gateway-process.mjs): what really crashes when an
// 'error' event goes unhandled, and what a test must keep alive.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createDatabase, type DatabaseHandle, type DriverName } from '@tsunagi/db';
import { createThrowawayDatabase } from '@tsunagi/db/testing';
import type { GoogleEmulator } from '@tsunagi/emulators';
import type { EmbeddableGatewayConfig } from '../src/env.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/gateway-process.mjs', import.meta.url));

export interface GatewayProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr (an unhandled error's report, if it died of one). */
  stderr(): string;
  /** Null while it runs; its exit code or signal once it ended. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  stop(): Promise<void>;
}

export interface GatewayProcessOptions {
  /** The production provider registry (Exchange only without OAuth apps), so probes can run. */
  readonly configuredProviders?: boolean;
  /** Adapters for a Google emulator running in the test's process (its client and endpoints). */
  readonly google?: Pick<GoogleEmulator, 'client' | 'endpoints'>;
}

export async function startGatewayProcess(
  config: Partial<EmbeddableGatewayConfig>,
  options: GatewayProcessOptions = {},
): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [FIXTURE], {
    env: {
      ...process.env,
      GATEWAY_TEST_CONFIG: JSON.stringify(config),
      ...(options.configuredProviders ? { GATEWAY_TEST_PROVIDERS: 'configured' } : {}),
      ...(options.google === undefined
        ? {}
        : {
            GATEWAY_TEST_GOOGLE: JSON.stringify({
              client: options.google.client,
              endpoints: options.google.endpoints,
            }),
          }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = once(child, 'exit').then(([code, signal]) => {
    exit = { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    exited.then(() => {
      throw new Error(`The gateway process exited with ${JSON.stringify(exit)}: ${stderr}`);
    }),
  ])) as [string];
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    child,
    stderr: () => stderr,
    exit: () => exit,
    async stop() {
      if (exit !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A GraphQL request to a gateway process with a bearer token; its data, or an Error with its errors. */
export async function graphqlAt<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Polls until `check` holds; fails naming `what` after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A database gateway processes can share in turn: a PGlite data directory (the running gateway's alone) or
 * a throwaway Postgres database. `open` is for setting it up before a process starts; `cleanups` receives
 * its removal.
 */
export async function processDatabase(
  driver: DriverName,
  name: string,
  cleanups: (() => Promise<void> | void)[],
): Promise<{ open(): DatabaseHandle; config: Partial<EmbeddableGatewayConfig> }> {
  if (driver === 'pglite') {
    const root = mkdtempSync(join(tmpdir(), `${name}-`));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = join(root, 'pglite');
    return { open: () => createDatabase({ dataDir }), config: { pgliteDataDir: dataDir } };
  }
  const created = await createThrowawayDatabase(name.replaceAll('-', '_'));
  cleanups.push(created.drop);
  return { open: () => createDatabase({ databaseUrl: created.url }), config: { databaseUrl: created.url } };
}
