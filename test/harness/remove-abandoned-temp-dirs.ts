import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Removes `<tmp>/<prefix>*` folders whose `owner.pid` names a process that no longer exists — left behind when a
 * test run was killed with SIGKILL (its servers are stopped by the ManagedProcess watchdog, but nobody deletes
 * their files). Folders without a readable owner.pid, or whose owner is alive (a parallel test run), are kept.
 * Errors are ignored: this is housekeeping and must never fail a test run.
 */
export function removeAbandonedTempDirs(prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(tmpdir(), name);
    try {
      const owner = Number.parseInt(readFileSync(join(dir, 'owner.pid'), 'utf8'), 10);
      if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Not ours, being created right now, or already gone.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
