// `tsunagi api-key create|list|revoke`: API keys from the operator's side, across organizations. The secret
// is printed once, at creation; it is stored only as a hash, and list never shows it.
import {
  type ApiKeyRole,
  type ApiKeyView,
  createApiKey,
  type Executor,
  findApiKeyById,
  findOrganization,
  findUser,
  listApiKeys,
  type OrganizationRow,
  revokeApiKey,
} from '@tsunagi/db';
import { apiKeyRole } from '@tsunagi/db/schema';
import { type CliIo, CliUsageError } from '../io.js';
import { withDatabase } from './database.js';
import { databaseUrl, loadEnvironment } from './environment.js';
import { parseCommand, print, required, shortTime, table } from './output.js';

export const API_KEY_USAGE = `tsunagi api-key create --org <id|slug> --role ADMIN|MEMBER|SERVICE --name <name> [--user <userId>]
tsunagi api-key list --org <id|slug>
tsunagi api-key revoke <keyId> [--org <id|slug>]
  (each also takes [--env-file .env] [--json])
  create prints the key once (ADMIN and MEMBER keys act as --user, an admin for ADMIN; SERVICE keys name
  no user and only read); list shows id, name, role, user, created, last used, revoked, never a secret.`;

const API_KEY_ROLES: readonly ApiKeyRole[] = apiKeyRole.enumValues;
/** As the gateway's createApiKey mutation allows. */
const MAX_KEY_NAME_LENGTH = 100;

export async function runApiKey(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  switch (subcommand?.startsWith('-') ? undefined : subcommand) {
    case 'create':
      return create(rest, io);
    case 'list':
      return list(rest, io);
    case 'revoke':
      return revoke(rest, io);
    case undefined:
      throw new CliUsageError('api-key needs a subcommand: create, list or revoke');
    default:
      throw new CliUsageError(`unknown api-key subcommand "${subcommand}" (try: create, list, revoke)`);
  }
}

async function create(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(args, {
    org: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    user: { type: 'string' },
  });
  const reference = required(values.org, '--org');
  const role = parseRole(values.role);
  const name = keyName(required(values.name, '--name'));
  if (role === 'SERVICE' && values.user !== undefined)
    throw new CliUsageError('a SERVICE key names no user: drop --user');
  if (role !== 'SERVICE' && values.user === undefined)
    throw new CliUsageError(`a ${role} key acts as a user: pass --user <userId>`);
  const url = databaseUrl(await loadEnvironment(io, values['env-file']));

  const { organization, key, secret } = await withDatabase(url, ({ db }) =>
    db.transaction(async (tx) => {
      const organization = await organizationFor(tx, reference);
      return { organization, ...(await issueApiKey(tx, { organization, role, name, userId: values.user })) };
    }),
  );
  print(io, values.json, { key: secret, apiKey: key }, formatNewKey(key, secret, organization));
  return 0;
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(args, { org: { type: 'string' } });
  const reference = required(values.org, '--org');
  const url = databaseUrl(await loadEnvironment(io, values['env-file']));
  const { organization, keys } = await withDatabase(url, async ({ db }) => {
    const organization = await organizationFor(db, reference);
    return { organization, keys: await listApiKeys(db, organization.id) };
  });
  const rows = [
    ['ID', 'NAME', 'ROLE', 'USER', 'CREATED', 'LAST USED', 'REVOKED'],
    ...keys.map((key) => [
      key.id,
      key.name,
      key.role,
      key.userId ?? '—',
      shortTime(key.createdAt),
      shortTime(key.lastUsedAt),
      shortTime(key.revokedAt),
    ]),
  ];
  const text =
    keys.length === 0
      ? `No API keys in ${organization.slug}`
      : `API keys of ${organization.slug} (${organization.id})\n${table(rows)}`;
  print(io, values.json, keys, text);
  return 0;
}

async function revoke(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { org: { type: 'string' } }, ['<keyId>']);
  const [id = ''] = positionals;
  const url = databaseUrl(await loadEnvironment(io, values['env-file']));
  const { key, already } = await withDatabase(url, ({ db }) =>
    db.transaction(async (tx) => {
      const found = await findApiKeyById(tx, id);
      const organization = values.org === undefined ? null : await organizationFor(tx, values.org);
      if (found === null || (organization !== null && found.organizationId !== organization.id)) {
        throw new CliUsageError(
          `no API key "${id}"${organization === null ? '' : ` in ${organization.slug}`}`,
        );
      }
      if (found.revokedAt !== null) return { key: found, already: true };
      const revoked = await revokeApiKey(tx, found.organizationId, found.id);
      if (revoked === null) throw new Error(`API key ${id} vanished while being revoked`);
      return { key: revoked, already: false };
    }),
  );
  print(
    io,
    values.json,
    key,
    `${already ? 'Already revoked' : 'Revoked'} API key ${key.id} "${key.name}" at ${shortTime(key.revokedAt)}: it no longer authenticates`,
  );
  return 0;
}

/**
 * Creates a key after the checks the gateway's createApiKey mutation makes: the user belongs to the
 * organization, and an ADMIN key acts as an admin.
 */
export async function issueApiKey(
  db: Executor,
  input: { organization: OrganizationRow; role: ApiKeyRole; name: string; userId: string | undefined },
): Promise<{ key: ApiKeyView; secret: string }> {
  if (input.userId !== undefined) {
    const user = await findUser(db, input.organization.id, input.userId);
    if (user === null) throw new CliUsageError(`no user "${input.userId}" in ${input.organization.slug}`);
    if (input.role === 'ADMIN' && user.role !== 'ADMIN') {
      throw new CliUsageError(`an ADMIN key must act as an admin, and ${user.id} is a ${user.role}`);
    }
  }
  return createApiKey(db, {
    organizationId: input.organization.id,
    name: input.name,
    role: input.role,
    userId: input.userId ?? null,
  });
}

export function keyName(value: string): string {
  const name = value.trim();
  if (name === '') throw new CliUsageError('the key name is empty');
  if (name.length > MAX_KEY_NAME_LENGTH) {
    throw new CliUsageError(`the key name is longer than ${MAX_KEY_NAME_LENGTH} characters`);
  }
  return name;
}

export function formatNewKey(key: ApiKeyView, secret: string, organization: OrganizationRow): string {
  return [
    `Created API key ${key.id} "${key.name}" (${key.role}${key.userId === null ? '' : ` as ${key.userId}`}) in ${organization.slug}:`,
    secret,
    'It is shown this once and stored only as a hash: keep it now. Send it as Authorization: Bearer <key>.',
  ].join('\n');
}

async function organizationFor(db: Executor, reference: string): Promise<OrganizationRow> {
  const organization = await findOrganization(db, reference);
  if (organization === null) throw new CliUsageError(`no organization "${reference}" (give its id or slug)`);
  return organization;
}

function parseRole(value: string | undefined): ApiKeyRole {
  const role = API_KEY_ROLES.find((candidate) => candidate === value);
  if (role === undefined) {
    throw new CliUsageError(
      value === undefined
        ? `--role is required (${API_KEY_ROLES.join(', ')})`
        : `unknown role "${value}": use one of ${API_KEY_ROLES.join(', ')}`,
    );
  }
  return role;
}
