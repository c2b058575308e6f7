import { closeSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isLiveHoso, readHolder } from './running-instance';

/** A held single-instance lock; `release()` removes the file if it is still ours. */
export interface InstanceLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes the single-instance lock of a data folder: `<dataDir>/hoso.lock`, created exclusively (O_EXCL) and holding
 * our PID, so two `npm start` on the same data never run at once (both would open the same SQLite files).
 *
 * If the file exists and its PID is alive, throws an Error with a message for the user ("hoso is already running
 * (pid N) …; stop it first"). A lock whose PID is dead (left by a crash or `kill -9`) is removed and taken over.
 * On Linux a live PID whose command line does not mention `start` is also treated as stale (the PID was reused).
 * Two starts racing to take over the same stale lock can in rare cases both succeed; that needs a crash and a
 * simultaneous double start, and the servers' own port checks then stop the second one.
 */
export function acquireInstanceLock(dataDir: string): InstanceLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'hoso.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder !== undefined && isLiveHoso(holder)) {
        throw new Error(`hoso is already running (pid ${holder}) with data in ${dataDir}; stop it first`, {
          cause: error,
        });
      }
      unlinkQuietly(path);
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return {
      path,
      release: () => {
        if (readHolder(path) === process.pid) unlinkQuietly(path);
      },
    };
  }
  throw new Error(`could not take the lock ${path}; another start is taking it over at the same moment`);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
