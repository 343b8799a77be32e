// Where the operator commands find DATABASE_URL and CREDENTIALS_KEYS: the environment, over an env file
// (`--env-file`, default ./.env when it exists). Same names and the same precedence as the gateway started
// with `node --env-file=.env` (variables already set win over the file), so both use the same database.
import { parseEnv } from 'node:util';
import { parseKeyring } from '@tsunagi/db';
import { type CliIo, CliUsageError } from '../io.js';

export const DEFAULT_ENV_FILE = '.env';

/** What the gateway's env.ts accepts for DATABASE_URL. */
const DATABASE_URL_PATTERN = /^postgres(ql)?:\/\/\S+$/;

export interface OperatorEnvironment {
  read(name: string): string | undefined;
  /** The file the values came from, null when none was read. */
  readonly file: string | null;
}

export async function loadEnvironment(io: CliIo, envFile: string | undefined): Promise<OperatorEnvironment> {
  const path = envFile ?? DEFAULT_ENV_FILE;
  let text: string | null;
  try {
    text = await io.readFile(path);
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    if (envFile === undefined && missing) text = null;
    else throw new CliUsageError(`cannot read --env-file "${path}"${missing ? ': no such file' : ''}`);
  }
  const fromFile = text === null ? {} : parseEnv(text);
  return {
    // An empty variable counts as unset, as in the gateway.
    read: (name) => nonEmpty(io.env[name]) ?? nonEmpty(fromFile[name]),
    file: text === null ? null : path,
  };
}

/** The process environment alone, for `init`, which starts afresh rather than from an old file. */
export function processEnvironment(io: CliIo): OperatorEnvironment {
  return { read: (name) => nonEmpty(io.env[name]), file: null };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** DATABASE_URL, checked as the gateway checks it; `given` (a flag) wins over the environment. */
export function databaseUrl(environment: OperatorEnvironment | null, given?: string): string {
  const url = given ?? environment?.read('DATABASE_URL');
  if (url === undefined) {
    throw new CliUsageError(
      'DATABASE_URL is not set: run `tsunagi init --database-url postgres://…`, or pass --env-file',
    );
  }
  if (!DATABASE_URL_PATTERN.test(url) || !URL.canParse(url) || /["'#]/.test(url)) {
    throw new CliUsageError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return url;
}

/** CREDENTIALS_KEYS, the keyring that seals provider tokens, checked by @tsunagi/db. */
export function credentialsKeys(environment: OperatorEnvironment): string {
  const spec = environment.read('CREDENTIALS_KEYS');
  if (spec === undefined) {
    throw new CliUsageError('CREDENTIALS_KEYS is not set: run `tsunagi init`, or pass --env-file');
  }
  try {
    parseKeyring(spec);
  } catch (error) {
    // The parser's messages name key ids and lengths, never key material.
    throw new CliUsageError(`CREDENTIALS_KEYS is not a valid keyring (${(error as Error).message})`);
  }
  return spec;
}

/** Where a URL points, for messages: host, port and database, never the user's password. */
export function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${decodeURIComponent(parsed.pathname.slice(1)) || '(default database)'} on ${parsed.host || 'localhost'}`;
}
