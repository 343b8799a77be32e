import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describePostgres } from '../test/drivers.js';
import { createDatabase, MIGRATIONS_FOLDER } from './database.js';
import { organizations } from './schema.js';
import { createThrowawayDatabase } from './testing/postgres.js';

const MIGRATOR = fileURLToPath(new URL('../test/fixtures/migrate-process.mjs', import.meta.url));
const PROCESSES = 4;

/** Starts a migrator process and resolves once it is connected and waiting for the start signal. */
async function startMigrator(databaseUrl: string): Promise<{ child: ChildProcess; stderr: string[] }> {
  const child = spawn(process.execPath, [MIGRATOR, databaseUrl], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk) => stderr.push(String(chunk)));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`migrator exited with ${code} before it was ready: ${stderr.join('')}`);
    }),
  ]);
  return { child, stderr };
}

describePostgres('Postgres migrations', () => {
  it('can run from several processes at once', async () => {
    // A fresh database: every process finds the migrations to apply, so they really race for them.
    const database = await createThrowawayDatabase('tsunagi_migrate');
    try {
      const migrators = await Promise.all(
        Array.from({ length: PROCESSES }, () => startMigrator(database.url)),
      );
      const exits = migrators.map(({ child }) => once(child, 'exit'));
      for (const { child } of migrators) child.stdin?.end('go\n');
      const codes = (await Promise.all(exits)).map(([code]) => code);
      expect(
        codes.map((code, i) => (code === 0 ? 'migrated' : migrators[i]?.stderr.join('').trim())),
      ).toEqual(Array(PROCESSES).fill('migrated'));

      // Applied once each, and the schema is there.
      const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
        entries: unknown[];
      };
      const handle = createDatabase({ databaseUrl: database.url });
      try {
        const client = (
          handle.db as unknown as { $client: { query(sql: string): Promise<{ rows: { n: string }[] }> } }
        ).$client;
        const { rows } = await client.query('SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
        expect(Number(rows[0]?.n)).toBe(journal.entries.length);
        expect(await handle.db.select().from(organizations)).toEqual([]);
      } finally {
        await handle.close();
      }
    } finally {
      await database.drop();
    }
  }, 120_000);
});
