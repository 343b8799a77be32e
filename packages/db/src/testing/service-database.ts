// One migrated database per test file and driver for packages built on the state service (webhooks,
// notifications): PGlite in memory, or a throwaway Postgres database dropped afterwards.
import { afterAll, beforeAll } from 'vitest';
import { createKeyring, generateKey, type Keyring } from '../crypto.js';
import { createDatabase, type DatabaseHandle, type DriverName } from '../database.js';
import { createStateService, type StateService } from '../service/state-service.js';
import { createThrowawayDatabase } from './postgres.js';

export const testKeyring: Keyring = createKeyring({ activeKeyId: 'k1', keys: { k1: generateKey() } });

export interface ServiceTestDatabase {
  handle: DatabaseHandle;
  state: StateService;
}

/** `label` names the throwaway Postgres database (`<label>_<random>`), so a leftover says whose it was. */
export function useServiceTestDatabase(driver: DriverName, label: string): () => ServiceTestDatabase {
  let database: ServiceTestDatabase | undefined;
  let drop: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    let handle: DatabaseHandle;
    if (driver === 'pglite') handle = createDatabase({});
    else {
      const created = await createThrowawayDatabase(label);
      drop = created.drop;
      handle = createDatabase({ databaseUrl: created.url, pool: { max: 12 } });
    }
    await handle.migrate();
    database = {
      handle,
      state: createStateService({ db: handle.db, keyring: testKeyring, bus: handle.bus }),
    };
  }, 60_000);
  afterAll(async () => {
    await database?.handle.close();
    await drop?.();
  }, 60_000);
  return () => {
    if (database === undefined) throw new Error('The test database is not open yet');
    return database;
  };
}
