import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The PID of the hoso instance running with this data folder (the live holder of `<dataDir>/hoso.lock`, see
 * acquireInstanceLock), or undefined when none runs. Only reads: a stale lock is left for acquireInstanceLock to take
 * over. Used before anything is built or started, so that a second `npm start` touches nothing of the first one's.
 */
export function runningInstance(dataDir: string): number | undefined {
  const holder = readHolder(join(dataDir, 'hoso.lock'));
  return holder !== undefined && isLiveHoso(holder) ? holder : undefined;
}

/** The PID written in a lock file, or undefined if there is no file or no PID in it. */
export function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `pid` is a live hoso start: alive, and on Linux its command line mentions `start` (else the PID was reused).
 */
export function isLiveHoso(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start');
  } catch {
    return true; // No /proc (macOS): trust the PID.
  }
}
