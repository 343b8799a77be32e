// A gateway in a Node process of its own (fixtures/gateway-process.mjs): what really crashes when an
// 'error' event goes unhandled, and what a test must keep alive.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
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
