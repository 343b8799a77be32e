// Runs the real `runCli` in-process against the real file system and a real database, recording what it
// prints: what every operator test needs.
import { readFile } from 'node:fs/promises';
import { runCli } from '../src/cli.js';
import type { CliIo } from '../src/io.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** One invocation with `env` as its whole environment; every printed byte is also kept in `transcript`. */
export function operatorCli(transcript: string[] = []) {
  return async (argv: readonly string[], env: Record<string, string> = {}): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      readStdin: async () => '',
      readFile: (path) => readFile(path, 'utf8'),
      env,
    };
    const code = await runCli(argv, io);
    transcript.push(...out, ...err);
    return { code, stdout: out.join(''), stderr: err.join('') };
  };
}

/** What a failed command must look like: exit code 2, one line on stderr, nothing on stdout, no stack. */
export function refusal(run: CliRun): { code: number; lines: number; stdout: string; stack: boolean } {
  return {
    code: run.code,
    lines: run.stderr.trimEnd().split('\n').length,
    stdout: run.stdout,
    stack: /\n\s+at /.test(run.stderr),
  };
}
