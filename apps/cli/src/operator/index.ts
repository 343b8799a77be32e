// The operator commands: set up a Postgres deployment and manage its tenants and API keys from a shell.
// Each reads DATABASE_URL (and CREDENTIALS_KEYS) as the gateway does; bad input is one line and exit code 2.
import type { CliIo } from '../io.js';
import { API_KEY_USAGE, runApiKey } from './api-keys.js';
import { INIT_USAGE, runInit } from './init.js';
import { KEYS_USAGE, runKeys } from './keys.js';
import { MIGRATE_USAGE, runMigrate } from './migrate.js';
import { ORG_USAGE, runOrg } from './organizations.js';
import { runSeedDemo, SEED_DEMO_USAGE } from './seed-demo.js';

export const OPERATOR_COMMANDS = {
  init: {
    run: runInit,
    usage: INIT_USAGE,
    summary: 'write an environment file, create and migrate the database',
  },
  migrate: { run: runMigrate, usage: MIGRATE_USAGE, summary: 'apply the database migrations' },
  org: { run: runOrg, usage: ORG_USAGE, summary: 'create an organization' },
  'api-key': { run: runApiKey, usage: API_KEY_USAGE, summary: 'create, list or revoke API keys' },
  'seed-demo': { run: runSeedDemo, usage: SEED_DEMO_USAGE, summary: 'load the demo organizations' },
  keys: { run: runKeys, usage: KEYS_USAGE, summary: 're-seal stored secrets under the active key' },
} as const satisfies Record<
  string,
  { run: (args: readonly string[], io: CliIo) => Promise<number>; usage: string; summary: string }
>;

export type OperatorCommand = keyof typeof OPERATOR_COMMANDS;

export function isOperatorCommand(command: string | undefined): command is OperatorCommand {
  return command !== undefined && Object.hasOwn(OPERATOR_COMMANDS, command);
}

export const OPERATOR_USAGE = `Operator commands read DATABASE_URL and CREDENTIALS_KEYS from the environment, then from
--env-file <path> (default ./.env when it exists); variables already set win, as with node --env-file.

${Object.values(OPERATOR_COMMANDS)
  .map((command) => command.usage)
  .join('\n\n')}`;
