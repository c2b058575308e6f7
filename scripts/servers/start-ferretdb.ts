import { mkdirSync } from 'node:fs';

import { envWithoutPrefix } from './env-without-prefix';
import { failOnExitOrAbort } from './fail-on-exit-or-abort';
import { ManagedProcess } from './managed-process';
import { waitForMongoDb } from './wait-for-mongodb';
import { waitForPort } from './wait-for-port';

/** Options of {@link startFerretDb}. */
export interface FerretDbOptions {
  /** Path of the `ferretdb` binary (see resolveServerBinaries). */
  readonly bin: string;
  /** Interface to bind, default 127.0.0.1 (no authentication is configured). */
  readonly host?: string;
  readonly port: number;
  /** Folder for the SQLite files (one per database) and FerretDB's state.json; created if missing. */
  readonly dataDir: string;
  /**
   * Server log level. Default `error`: at `warn` FerretDB v1 dumps the full wire message of every failed command,
   * including routine ones (mongoose's `createCollection` on an existing collection, the driver's `endSessions`).
   */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** How long to wait for readiness. Default 30 s. */
  readonly readyTimeoutMs?: number;
  /** `prefix` (default) shows the server's output as `[ferretdb] …`; `silent` keeps it for error messages only. */
  readonly output?: 'prefix' | 'silent';
  /** Aborting it while the server is starting stops the server and rejects (e.g. Ctrl-C during start-up). */
  readonly signal?: AbortSignal;
  /**
   * For `npm run bench:storage` only: turn off the patch's write lock (scripts/servers/ferretdb/write_lock.go), so that
   * its cost can be measured in the same binary. Concurrent updates are then lost; never for real data.
   */
  readonly unsafeConcurrentWrites?: boolean;
}

/** A running FerretDB. */
export interface FerretDb {
  /** `mongodb://host:port` without a database name: callers choose theirs (path or `dbName`). */
  readonly uri: string;
  readonly process: ManagedProcess;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone. Never rejects. */
  stop(options?: { force?: boolean }): Promise<void>;
}

/**
 * Starts FerretDB v1 with its SQLite backend in `dataDir` and resolves once it answers `ping`.
 *
 * Telemetry is disabled and the debug HTTP listener is off (it would otherwise take port 8088 and clash between
 * instances). If the process exits before it is ready, readiness takes longer than `readyTimeoutMs`, or `signal` is
 * aborted, the process is stopped and the promise rejects with the reason and the last lines of FerretDB's output.
 */
export async function startFerretDb(options: FerretDbOptions): Promise<FerretDb> {
  const host = options.host ?? '127.0.0.1';
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  mkdirSync(options.dataDir, { recursive: true });
  const child = ManagedProcess.start({
    name: 'ferretdb',
    command: options.bin,
    args: [
      '--handler=sqlite',
      `--sqlite-url=file:${options.dataDir.replace(/\/?$/, '/')}`,
      `--state-dir=${options.dataDir}`,
      `--listen-addr=${host}:${options.port}`,
      `--debug-addr=${process.env.HOSO_FERRETDB_DEBUG_ADDR || '-'}`,
      '--telemetry=disable',
      `--log-level=${options.logLevel ?? 'error'}`,
    ],
    // FerretDB reads FERRETDB_* variables as settings; a leftover one could add a listener or change the backend.
    // HOSO_FERRETDB_CONCURRENT_WRITES turns the write lock off; only the option above may set it.
    env: {
      ...envWithoutPrefix('FERRETDB_'),
      HOSO_FERRETDB_CONCURRENT_WRITES: options.unsafeConcurrentWrites ? '1' : undefined,
    },
    output: options.output ?? 'prefix',
    stopTimeoutMs: 10_000,
  });
  const uri = `mongodb://${host}:${options.port}`;
  const abortReason = (): string | undefined => {
    if (child.exit) return `ferretdb ${child.describeExit()}`;
    return options.signal?.aborted ? 'start-up was cancelled' : undefined;
  };
  const started = Date.now();
  const ready = async (): Promise<void> => {
    await waitForPort({ host, port: options.port, timeoutMs: readyTimeoutMs, abortReason });
    await waitForMongoDb({ uri, timeoutMs: Math.max(1_000, readyTimeoutMs - (Date.now() - started)), abortReason });
  };
  try {
    await Promise.race([ready(), failOnExitOrAbort(child, options.signal)]);
  } catch (error) {
    await child.stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`FerretDB did not start: ${message}\n--- last output of ferretdb ---\n${child.outputTail()}`, {
      cause: error,
    });
  }
  return {
    uri,
    process: child,
    stop: async (stopOptions) => {
      await child.stop(stopOptions);
    },
  };
}
