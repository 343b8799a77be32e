// `tsunagi seed-demo`: the demo organizations (every booking rule, and a second tenant) in the database at
// DATABASE_URL, sealed with CREDENTIALS_KEYS, so a gateway started on the same environment file serves them.
import { DEMO_ORGANIZATION_SLUG, OTHER_ORGANIZATION_SLUG, parseKeyring, seedDemo } from '@tsunagi/db';
import { type CliIo, CliUsageError } from '../io.js';
import { withDatabase } from './database.js';
import { credentialsKeys, databaseUrl, describeDatabase, loadEnvironment } from './environment.js';
import { parseCommand, print } from './output.js';

export const SEED_DEMO_USAGE = `tsunagi seed-demo [--env-file .env] [--json]
  Migrates the database, then loads the demo organizations (${DEMO_ORGANIZATION_SLUG}, ${OTHER_ORGANIZATION_SLUG}) unless they
  are there already. Needs DATABASE_URL and CREDENTIALS_KEYS (the demo's provider tokens are sealed with it).`;

export async function runSeedDemo(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(args, {});
  const environment = await loadEnvironment(io, values['env-file']);
  const url = databaseUrl(environment);
  const keyring = parseKeyring(credentialsKeys(environment));
  const seed = await withDatabase(url, async (database) => {
    await database.migrate();
    try {
      return await seedDemo(database.db, { keyring, bus: database.bus });
    } catch (error) {
      // By name, not instanceof: the gateway may load another copy of @tsunagi/db.
      if ((error as Error | null)?.name === 'DemoSeedConflictError')
        throw new CliUsageError((error as Error).message);
      throw error;
    }
  });
  print(
    io,
    values.json,
    seed,
    [
      seed.seeded
        ? `Loaded the demo into ${describeDatabase(url)}:`
        : `The demo was already loaded in ${describeDatabase(url)}; nothing written:`,
      `  ${DEMO_ORGANIZATION_SLUG}  ${seed.organizationId}  (admin Aiko Tanaka: ${seed.users.aiko})`,
      `  ${OTHER_ORGANIZATION_SLUG}  ${seed.otherOrganizationId}  (admin Hana Sato: ${seed.users.hana})`,
      `An admin key: tsunagi api-key create --org ${DEMO_ORGANIZATION_SLUG} --role ADMIN --user ${seed.users.aiko} --name demo`,
    ].join('\n'),
  );
  return 0;
}
