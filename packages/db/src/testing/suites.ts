// Vitest suites per driver. A suite that cannot run is reported as skipped, never left out: outside CI an
// unreachable PostgreSQL skips the Postgres suites (the run's summary counts them); under CI the probe
// throws and the file fails.
import { describe } from 'vitest';
import type { DriverName } from '../database.js';
import { probeTestPostgres } from './postgres.js';

const testPostgres = await probeTestPostgres();

/** Every driver the state runs on; suites that need one that is unavailable are skipped. */
const DRIVERS: readonly DriverName[] = ['pglite', 'pg'];

/** `describe` for a suite that needs PostgreSQL: skipped, and counted as skipped, when it is unreachable. */
export const describePostgres: typeof describe.skip = testPostgres.available ? describe : describe.skip;

/** One suite per driver (`%s` in the title is the driver); the Postgres one as `describePostgres`. */
export function describeEachDriver(title: string, body: (driver: DriverName) => void): void {
  for (const driver of DRIVERS) {
    const suite = driver === 'pg' ? describePostgres : describe;
    suite(title.replaceAll('%s', driver), () => body(driver));
  }
}
