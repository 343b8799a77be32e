// Gateways starting together on a fresh database all install pg-boss at once: every one must start.
import { createDatabase, type DatabaseHandle } from '@tsunagi/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresDatabase, describePostgres } from '../../test/harness.js';
import { PgBossProbeQueue } from './pg-boss.js';

const PROCESSES = 4;
const ROUNDS = 5;

describePostgres('PgBossProbeQueue install race (postgres)', () => {
  let url: string;
  let drop: () => Promise<void>;
  const handles: DatabaseHandle[] = [];

  beforeAll(async () => {
    ({ url, drop } = await createPostgresDatabase());
    for (let i = 0; i < PROCESSES; i++) handles.push(createDatabase({ databaseUrl: url, pool: { max: 2 } }));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    await drop?.();
  }, 60_000);

  it(`${PROCESSES} queues started at once on a fresh schema all start, ${ROUNDS} times over`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // A fresh pg-boss schema each round: each one is a first install.
      const queues = handles.map((handle) => {
        // The driver client @tsunagi/db opened (drizzle exposes it as `$client`).
        const pool = (
          handle.db as unknown as {
            $client: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
          }
        ).$client;
        return new PgBossProbeQueue({
          db: { executeSql: (text, values) => pool.query(text, values) },
          schema: `pgboss_race_${round}`,
          providers: ['GOOGLE_CALENDAR'],
          listTargets: async () => [],
          probe: async () => ({}),
          intervalSeconds: 60,
          pollingIntervalSeconds: 0.5,
        });
      });
      const started = await Promise.allSettled(queues.map((queue) => queue.start()));
      await Promise.all(queues.map((queue) => queue.stop()));
      expect(started.filter((result) => result.status === 'rejected')).toEqual([]);
    }
  }, 60_000);
});
