import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite is single-process: two processes writing one data folder corrupt it. A lock file
 * created with O_EXCL holds the owner's pid; a lock whose process is gone (a crash or
 * kill -9) is stale and is taken over.
 */
export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly ownerPid: number
  ) {
    super(
      `The database folder ${folder} is already in use by another Vesting Day process (pid ${ownerPid}). ` +
        'Stop that process first, or point this one at another folder with DATA_DIR. Nothing was changed.'
    );
    this.name = 'DataFolderInUseError';
  }
}

const LOCK_FILE = 'vesting-day.lock';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host };
    }
  } catch {
    // Unreadable or half-written lock: treat as stale.
  }
  return null;
}

/** Takes the lock or throws DataFolderInUseError. Returns a function that releases it. */
export function lockDataFolder(folder: string): () => void {
  const path = join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(
        fd,
        JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() })
      );
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        rmSync(path, { force: true });
      };
      // Last resort if the process exits without closing the database (the lock would be
      // taken over as stale anyway, but a clean folder is clearer to an operator).
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      // A lock from another host (a shared network folder) cannot be checked: respect it.
      if (owner && (owner.host !== hostname() || processIsAlive(owner.pid))) {
        throw new DataFolderInUseError(folder, owner.pid);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${folder}.`);
}
