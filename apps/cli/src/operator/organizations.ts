// `tsunagi org create`: a new organization (tenant), optionally with its first SERVICE API key.
import {
  createOrganization,
  type Executor,
  findOrganization,
  INPUT_LIMITS,
  type OrganizationRow,
  organizationByReference,
} from '@tsunagi/db';
import { type CliIo, CliUsageError } from '../io.js';
import { formatNewKey, issueApiKey, keyName } from './api-keys.js';
import { withDatabase } from './database.js';
import { databaseUrl, loadEnvironment } from './environment.js';
import { parseCommand, print, required } from './output.js';

export const ORG_USAGE = `tsunagi org create --name <name> [--slug <slug>] [--external-id <id>] [--with-service-key <key name>] [--env-file .env] [--json]
  Creates an organization and prints its id and slug (the slug defaults to one made from the name).
  --external-id is the product's own id for it, which an identity provider's organization claim may name.
  --with-service-key also issues a SERVICE API key with that name and prints it, this once.`;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = INPUT_LIMITS.titleLength;

export async function runOrg(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'create') {
    throw new CliUsageError(
      subcommand === undefined || subcommand.startsWith('-')
        ? 'org needs a subcommand: create'
        : `unknown org subcommand "${subcommand}" (try: create)`,
    );
  }
  const { values } = parseCommand(rest, {
    name: { type: 'string' },
    slug: { type: 'string' },
    'external-id': { type: 'string' },
    'with-service-key': { type: 'string' },
  });
  const name = required(values.name, '--name');
  if (name.length > MAX_NAME_LENGTH)
    throw new CliUsageError(`--name is longer than ${MAX_NAME_LENGTH} characters`);
  const slug = values.slug === undefined ? slugFrom(name) : checkSlug(values.slug);
  const externalId = values['external-id'] === undefined ? null : checkExternalId(values['external-id']);
  const serviceKeyName =
    values['with-service-key'] === undefined ? null : keyName(values['with-service-key']);
  const url = databaseUrl(await loadEnvironment(io, values['env-file']));

  const { organization, key } = await withDatabase(url, ({ db }) =>
    db.transaction(async (tx) => {
      const organization = await createUniqueOrganization(tx, name, slug, externalId);
      const key =
        serviceKeyName === null
          ? null
          : await issueApiKey(tx, { organization, role: 'SERVICE', name: serviceKeyName, userId: undefined });
      return { organization, key };
    }),
  );
  const text = [`Created organization ${organization.id} (slug ${organization.slug}): ${organization.name}`];
  if (key !== null) text.push('', formatNewKey(key.key, key.secret, organization));
  print(
    io,
    values.json,
    { organization, ...(key === null ? {} : { apiKey: key.key, key: key.secret }) },
    text.join('\n'),
  );
  return 0;
}

async function createUniqueOrganization(
  db: Executor,
  name: string,
  slug: string,
  externalId: string | null,
): Promise<OrganizationRow> {
  const taken = await findOrganization(db, slug);
  if (taken !== null) {
    throw new CliUsageError(
      `an organization with slug "${slug}" already exists (${taken.id}): pass another --slug`,
    );
  }
  if (externalId !== null) {
    const named = await organizationByReference(db, externalId);
    if (named !== null) {
      throw new CliUsageError(`--external-id "${externalId}" already names organization ${named.id}`);
    }
  }
  return createOrganization(db, { name, slug, ...(externalId === null ? {} : { externalId }) });
}

function checkExternalId(value: string): string {
  // The same rule the gateway applies to `ext:` references.
  if (value.length === 0 || value.length > INPUT_LIMITS.externalIdLength || /\p{Cc}/u.test(value)) {
    throw new CliUsageError(
      `--external-id must be 1 to ${INPUT_LIMITS.externalIdLength} characters without control characters`,
    );
  }
  return value;
}

function checkSlug(value: string): string {
  if (!SLUG_PATTERN.test(value) || value.length > INPUT_LIMITS.slugLength) {
    throw new CliUsageError(
      `--slug must be lowercase letters and digits joined by single hyphens, at most ${INPUT_LIMITS.slugLength} characters`,
    );
  }
  return value;
}

/** `Acme Scheduling, Inc.` → `acme-scheduling-inc`. */
function slugFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, INPUT_LIMITS.slugLength)
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new CliUsageError('cannot make a slug from --name: pass --slug');
  return slug;
}
