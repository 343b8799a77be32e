import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDataDirectoryLocked, lockDataDirectory } from './data-dir-lock.js';
import { createDatabase } from './database.js';

let root: string;
let dataDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tsunagi-lock-'));
  dataDir = join(root, 'pglite');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function writeLock(holder: { pid: number; host: string }) {
  writeFileSync(
    `${dataDir}.lock`,
    JSON.stringify({ ...holder, since: '2026-01-01T00:00:00.000Z', token: 'earlier' }),
  );
}

describe('lockDataDirectory', () => {
  it('refuses a second claim while the first holds it, naming the directory and what to do', () => {
    const first = lockDataDirectory(dataDir);
    let refused: unknown;
    try {
      lockDataDirectory(dataDir);
    } catch (error) {
      refused = error;
    }
    expect(isDataDirectoryLocked(refused)).toBe(true);
    const message = (refused as Error).message;
    expect(message).toContain(dataDir);
    expect(message).toContain(`process ${process.pid}`);
    expect(message).toContain('PGLITE_DATA_DIR');
    expect(message).not.toContain('\n');

    first.release();
    expect(existsSync(first.lockFile)).toBe(false);
    lockDataDirectory(dataDir).release();
  });

  it('takes over the lock of a process that no longer runs (kill -9 leaves it behind)', () => {
    const pid = deadPid();
    writeLock({ pid, host: hostname() });
    const lock = lockDataDirectory(dataDir);
    expect(JSON.parse(readFileSync(lock.lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock with its own pid that it never took (a restarted container is pid 1 again)', () => {
    writeLock({ pid: process.pid, host: hostname() });
    lockDataDirectory(dataDir).release();
  });

  it("respects another host's lock: its pid cannot be checked from here", () => {
    writeLock({ pid: deadPid(), host: 'elsewhere.example' });
    expect(() => lockDataDirectory(dataDir)).toThrow(/process \d+ on elsewhere\.example/);
  });

  it('leaves another claim in place when releasing a lock that was taken over', () => {
    const lock = lockDataDirectory(dataDir);
    writeLock({ pid: deadPid(), host: hostname() });
    lock.release();
    expect(existsSync(lock.lockFile)).toBe(true);
  });
});

describe('createDatabase on a PGlite data directory', () => {
  it('holds the lock while open and releases it on close', async () => {
    const first = createDatabase({ dataDir });
    await first.migrate();
    expect(() => createDatabase({ dataDir })).toThrow(/is in use by process/);
    await first.close();
    const again = createDatabase({ dataDir });
    await again.db.execute('select 1');
    await again.close();
  }, 60_000);
});
