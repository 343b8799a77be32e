// One process per PGlite data directory. PGlite is Postgres in WebAssembly with no postmaster: its
// postmaster.pid holds a placeholder pid (-42), so two processes open the same directory without a word and
// each overwrites the other's pages. The lock is a file beside the directory (PGlite refuses to initialise a
// directory that holds anything else) naming the holder's pid and host.
//
// Why not proper-lockfile: it judges a lock stale by its mtime, refreshed on a timer. A start right after a
// `kill -9` is then refused until the mtime ages out, and a live gateway whose event loop is held by PGlite's
// synchronous WebAssembly longer than the stale period loses its lock to a second process. Whether the holder
// still runs is the question, and on one host `process.kill(pid, 0)` answers it directly.
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  /** Tells this claim from a later one by a process that got the same pid. */
  readonly token: string;
}

/** Another live process has the data directory open. Recognised by `name` (see isDataDirectoryLocked). */
export class DataDirectoryLockedError extends Error {
  override readonly name = 'DataDirectoryLockedError';
  readonly dataDir: string;
  readonly lockFile: string;
  readonly holderPid: number | null;

  constructor(dataDir: string, lockFile: string, holder: LockHolder | null) {
    const who =
      holder === null
        ? 'another process'
        : `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`} (since ${holder.since})`;
    super(
      `PGlite data directory ${dataDir} is in use by ${who}: stop that gateway, or start this one with another PGLITE_DATA_DIR (or DATABASE_URL for PostgreSQL); if no gateway uses it, delete ${lockFile}`,
    );
    this.dataDir = dataDir;
    this.lockFile = lockFile;
    this.holderPid = holder?.pid ?? null;
  }
}

export function isDataDirectoryLocked(error: unknown): error is DataDirectoryLockedError {
  return error instanceof Error && error.name === 'DataDirectoryLockedError';
}

export interface DataDirectoryLock {
  readonly lockFile: string;
  /** Removes the lock file if it is still this claim's. Idempotent. */
  release(): void;
}

/** Lock files this process holds: its own pid in a lock file is live only if listed here. */
const heldHere = new Set<string>();

/**
 * Claims `dataDir` for this process, or throws DataDirectoryLockedError naming the live holder. A lock left
 * by a process that no longer runs (killed, crashed) is taken over.
 */
export function lockDataDirectory(dataDir: string): DataDirectoryLock {
  const directory = resolve(dataDir);
  const lockFile = `${directory}.lock`;
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  // A few rounds: each lost one means another process claimed or cleared the lock in between.
  for (let round = 0; round < 5; round++) {
    if (claim(lockFile, mine)) {
      heldHere.add(lockFile);
      let released = false;
      return {
        lockFile,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(lockFile);
          if (readHolder(lockFile)?.token === mine.token) removeQuietly(lockFile);
        },
      };
    }
    const holder = readHolder(lockFile);
    if (holder === undefined) continue; // gone since: claim again
    if (holder === null || isLive(holder, lockFile)) {
      throw new DataDirectoryLockedError(directory, lockFile, holder);
    }
    clearStale(lockFile, holder);
  }
  throw new DataDirectoryLockedError(directory, lockFile, readHolder(lockFile) ?? null);
}

/** Creates the lock file with its full content in one step (link fails if it exists). */
function claim(lockFile: string, holder: LockHolder): boolean {
  const draft = `${lockFile}.${holder.pid}.${holder.token}`;
  writeFileSync(draft, `${JSON.stringify(holder)}\n`, { mode: 0o644 });
  try {
    linkSync(draft, lockFile);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links: exclusive create, written right after (a reader may see it empty).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createExclusive(lockFile, holder);
    throw error;
  } finally {
    removeQuietly(draft);
  }
}

function createExclusive(lockFile: string, holder: LockHolder): boolean {
  try {
    writeFileSync(lockFile, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o644 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The holder, null when the file is not a lock we understand, undefined when there is no lock file. */
function readHolder(lockFile: string): LockHolder | null | undefined {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' &&
      typeof parsed.host === 'string' &&
      typeof parsed.since === 'string' &&
      typeof parsed.token === 'string'
      ? (parsed as LockHolder)
      : null;
  } catch {
    return null;
  }
}

function isLive(holder: LockHolder, lockFile: string): boolean {
  // Another host's pid cannot be checked from here: assume it runs (the message says how to clear it).
  if (holder.host !== hostname()) return true;
  // Our own pid (a restarted container is pid 1 again) is live only if this process took the lock.
  if (holder.pid === process.pid) return heldHere.has(lockFile);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes a dead holder's lock. Moved aside first and checked, so two processes clearing the same stale lock
 * at once cannot remove a fresh claim made in between: the one that moved a fresh claim puts it back.
 */
function clearStale(lockFile: string, stale: LockHolder): void {
  const aside = `${lockFile}.stale.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readHolder(aside)?.token !== stale.token) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // Someone claimed meanwhile: theirs stands, and the one moved aside loses to it on its next check.
    }
  }
  removeQuietly(aside);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}
