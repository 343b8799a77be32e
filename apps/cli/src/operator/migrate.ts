// `tsunagi migrate`: applies the migrations shipped with @tsunagi/db. Safe to repeat, and to run beside a
// starting gateway: the migrator holds a Postgres advisory lock while it works.
import type { CliIo } from '../io.js';
import { withDatabase } from './database.js';
import { databaseUrl, describeDatabase, loadEnvironment } from './environment.js';
import { parseCommand, print } from './output.js';

export const MIGRATE_USAGE = `tsunagi migrate [--env-file .env] [--json]
  Brings the database at DATABASE_URL up to date with the shipped migrations (nothing to do is fine).`;

export async function runMigrate(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(args, {});
  const url = databaseUrl(await loadEnvironment(io, values['env-file']));
  await withDatabase(url, (database) => database.migrate());
  print(
    io,
    values.json,
    { database: describeDatabase(url), migrated: true },
    `Database ${describeDatabase(url)}: migrations applied, schema up to date`,
  );
  return 0;
}
