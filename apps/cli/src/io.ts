/** Where the CLI reads and writes; tests pass an in-memory implementation. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
  /** The process environment (DATABASE_URL, CREDENTIALS_KEYS…), read by the operator commands only. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A user-facing failure: printed as one line, exit code 2, never a stack trace. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
