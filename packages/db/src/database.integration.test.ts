import { expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../test/drivers.js';
import { createDatabase } from './database.js';
import { organizations } from './schema.js';

describePostgres('Postgres migrations', () => {
  const database = useTestDatabase('pg');

  it('can run from several processes at once', async () => {
    const { url } = database();
    if (url === null) throw new Error('pg database expected');
    const handles = [createDatabase({ databaseUrl: url }), createDatabase({ databaseUrl: url })];
    try {
      await Promise.all(handles.map((handle) => handle.migrate()));
      expect(handles[0]?.driver).toBe('pg');
      expect(await handles[1]?.db.select().from(organizations)).toEqual([]);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });
});
