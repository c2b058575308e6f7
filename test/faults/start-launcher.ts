import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, ManagedProcess, repoRoot } from '../../scripts/servers';

/** The children of `npm start` that the launcher supervises. */
export type SupervisedName = 'temporal' | 'ferretdb' | 'worker' | 'api';

/** `npm start` (scripts/start.ts) as a child: on a temporary data folder, free ports and its own lock. */
export interface Launcher {
  readonly dataDir: string;
  readonly baseUrl: string;
  readonly temporalAddress: string;
  readonly mongodbUri: string;
  /** The launcher's own log (every line it and its children printed). */
  readonly logFile: string;
  /**
   * The pid of a child's current life, from the launcher's `[hoso] <name> started|is back (pid N)` lines; undefined
   * while the launcher reports it down (between "<name> was killed …/exited …" and "<name> is back").
   */
  pidOf(name: SupervisedName): number | undefined;
  /** `[hoso] …` lines so far, without the prefix. */
  statusLines(): string[];
  /** Resolves once a `[hoso]` line after the `from`-th matches `pattern`; rejects when the launcher exits first. */
  waitForStatus(pattern: RegExp, from: number, timeoutMs: number): Promise<string>;
  /** Resolves with a description once the launcher has exited, whatever the reason. */
  readonly exited: Promise<string>;
  /** SIGTERM, as Ctrl-C; resolves with the launcher's exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts scripts/start.ts exactly as `npm run demo` does (same code, same children, demo seed included) and resolves
 * once it prints its "hoso is running" banner. `env` adds to the environment (e.g. turning the scheduled SLA
 * reconcile off, or HOSO_MODE=production). Rejects with the log's tail if the launcher exits or is not ready within
 * `readyTimeoutMs`.
 */
export async function startLauncher(
  env: NodeJS.ProcessEnv,
  readyTimeoutMs = 180_000,
  /** The temporary folder's name prefix (the fault run keeps its folder as evidence; the fuzz run removes its own). */
  folderPrefix = 'hoso-faults-',
): Promise<Launcher> {
  const dataDir = mkdtempSync(join(tmpdir(), folderPrefix));
  const logFile = join(dataDir, 'launcher.log');
  const ports: number[] = [];
  while (ports.length < 4) {
    const port = await findFreePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const [http, temporal, temporalUi, ferret] = ports as [number, number, number, number];
  const status: string[] = [];
  const pids = new Map<string, number>();
  const waiters = new Set<() => void>();
  let ready: () => void = () => undefined;
  const banner = new Promise<void>((resolve) => (ready = resolve));
  const launcher = ManagedProcess.start({
    name: 'launcher',
    command: process.execPath,
    args: ['--import', 'tsx', join(repoRoot, 'scripts', 'start.ts')],
    cwd: repoRoot,
    env: {
      ...process.env,
      // Demo mode unless the caller says otherwise: the fault and fuzz runs sign in with the demo accounts.
      HOSO_MODE: 'demo',
      // Nor the demo's Hà Đông plan: its 213 dossiers would be load and idempotency keys the runs do not count.
      HOSO_DEMO_PLAN: '0',
      ...env,
      HOSO_DATA_DIR: join(dataDir, 'data'),
      PORT: String(http),
      HOSO_TEMPORAL_PORT: String(temporal),
      HOSO_TEMPORAL_UI_PORT: String(temporalUi),
      HOSO_FERRETDB_PORT: String(ferret),
      TEMPORAL_ADDRESS: '',
      MONGODB_URI: '',
    },
    output: 'silent',
    stopTimeoutMs: 60_000,
    onLine: (line) => {
      appendFileSync(logFile, `${line}\n`);
      if (line.includes('hoso is running')) ready();
      const match = /^\[hoso\] (.*)$/.exec(line);
      if (!match) return;
      const text = match[1]!;
      status.push(text);
      const pid = /^(\w+) (?:started|is back) \(pid (\d+)\)/.exec(text);
      if (pid) pids.set(pid[1]!, Number(pid[2]));
      const down = /^(\w+) (?:was killed|exited|could not be started|did not come back)/.exec(text);
      if (down) pids.delete(down[1]!);
      for (const wake of waiters) wake();
    },
  });
  const tail = () => launcher.outputTail();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      banner,
      launcher.exited.then(() => {
        throw new Error(`the launcher ${launcher.describeExit()} before it was ready:\n${tail()}`);
      }),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the launcher was not ready in ${readyTimeoutMs} ms:\n${tail()}`)),
          readyTimeoutMs,
        );
      }),
    ]);
  } catch (error) {
    await launcher.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }

  return {
    dataDir,
    baseUrl: `http://127.0.0.1:${http}`,
    temporalAddress: `127.0.0.1:${temporal}`,
    mongodbUri: `mongodb://127.0.0.1:${ferret}/hoso`,
    logFile,
    pidOf: (name) => pids.get(name),
    statusLines: () => [...status],
    exited: launcher.exited.then(() => `the launcher ${launcher.describeExit()}`),
    waitForStatus(pattern, from, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = status.slice(from).find((line) => pattern.test(line));
          if (found !== undefined) finish(() => resolve(found));
          else if (launcher.exit)
            finish(() => reject(new Error(`the launcher ${launcher.describeExit()}:\n${tail()}`)));
        };
        const timeout = setTimeout(
          () => finish(() => reject(new Error(`no launcher line matching ${pattern} within ${timeoutMs} ms`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timeout);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        void launcher.exited.then(check);
        check();
      });
    },
    async stop() {
      return (await launcher.stop()).code;
    },
  };
}
