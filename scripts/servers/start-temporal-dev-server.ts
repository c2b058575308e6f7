import { envWithoutPrefix } from './env-without-prefix';
import { failOnExitOrAbort } from './fail-on-exit-or-abort';
import { ManagedProcess } from './managed-process';
import { waitForPort } from './wait-for-port';
import { waitForTemporal } from './wait-for-temporal';

/** Options of {@link startTemporalDevServer}. */
export interface TemporalDevServerOptions {
  /** Path of the `temporal` CLI binary (see resolveServerBinaries). */
  readonly bin: string;
  /** Interface to bind, default 127.0.0.1 (never all interfaces: the dev server has no authentication). */
  readonly host?: string;
  /** Frontend gRPC port. */
  readonly port: number;
  /** Web UI port; omit for a headless server (tests). */
  readonly uiPort?: number;
  /** SQLite file for persistence; omit for an in-memory server whose state dies with it (tests). */
  readonly dbFile?: string;
  /** Namespace to wait for; `default` always exists, others are created with `--namespace`. */
  readonly namespace?: string;
  /** Custom search attributes, name → CLI type (`Keyword`, `Datetime`, …), registered at start. */
  readonly searchAttributes: Readonly<Record<string, string>>;
  /**
   * How long the server holds a worker's poll for tasks before it answers "nothing" (Temporal's default: 60 s). The
   * server records each poll's start as its poller's last access time, so with a short poll a live worker's last
   * access is never older than this, and a dead worker's soon is: what the API's /healthz worker check relies on.
   */
  readonly longPollSeconds?: number;
  /** Server log level. Default `warn`: the dev server is very chatty at info. */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** How long to wait for readiness. Default 60 s. */
  readonly readyTimeoutMs?: number;
  /** `prefix` (default) shows the server's output as `[temporal] …`; `silent` keeps it for error messages only. */
  readonly output?: 'prefix' | 'silent';
  /** Aborting it while the server is starting stops the server and rejects (e.g. Ctrl-C during start-up). */
  readonly signal?: AbortSignal;
}

/** A running Temporal dev server. */
export interface TemporalDevServer {
  /** host:port for `Connection.connect({ address })` and TEMPORAL_ADDRESS. */
  readonly address: string;
  readonly namespace: string;
  /** Web UI URL, undefined when headless. */
  readonly uiUrl: string | undefined;
  readonly process: ManagedProcess;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone. Never rejects. */
  stop(options?: { force?: boolean }): Promise<void>;
}

/**
 * Starts `temporal server start-dev` and resolves once it is ready: the gRPC port accepts connections, the
 * frontend answers, knows the namespace and lists every custom search attribute (see waitForTemporal), and the
 * Web UI port (if any) accepts connections.
 *
 * If the process exits before that, readiness takes longer than `readyTimeoutMs`, or `signal` is aborted, the
 * process is stopped and the promise rejects with the reason and the last lines of the server's output (a port
 * already in use or a locked SQLite file show up there).
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const host = options.host ?? '127.0.0.1';
  const namespace = options.namespace ?? 'default';
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const args = [
    'server',
    'start-dev',
    '--ip',
    host,
    '--port',
    String(options.port),
    '--log-level',
    options.logLevel ?? 'warn',
    '--color',
    'never',
  ];
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.dbFile !== undefined) args.push('--db-filename', options.dbFile);
  if (options.longPollSeconds !== undefined) {
    args.push('--dynamic-config-value', `matching.longPollExpirationInterval="${options.longPollSeconds}s"`);
  }
  if (namespace !== 'default') args.push('--namespace', namespace);
  for (const [name, type] of Object.entries(options.searchAttributes)) {
    args.push('--search-attribute', `${name}=${type}`);
  }

  const child = ManagedProcess.start({
    name: 'temporal',
    command: options.bin,
    args,
    // TEMPORAL_ADDRESS etc. are client settings for our worker and API; the CLI would read them too.
    env: envWithoutPrefix('TEMPORAL_'),
    output: options.output ?? 'prefix',
    stopTimeoutMs: 10_000,
    // While stopping, the dev server warns about every internal connection it closes itself.
    quietWhenStopping: true,
  });
  const address = `${host}:${options.port}`;
  const abortReason = (): string | undefined => {
    if (child.exit) return `temporal ${child.describeExit()}`;
    return options.signal?.aborted ? 'start-up was cancelled' : undefined;
  };
  const started = Date.now();
  const ready = async (): Promise<void> => {
    await waitForPort({ host, port: options.port, timeoutMs: readyTimeoutMs, abortReason });
    await waitForTemporal({
      address,
      namespace,
      searchAttributes: Object.keys(options.searchAttributes),
      timeoutMs: Math.max(1_000, readyTimeoutMs - (Date.now() - started)),
      abortReason,
    });
    // The Web UI starts after the frontend; a URL in a "ready" banner should already answer.
    if (options.uiPort !== undefined) {
      const timeoutMs = Math.max(1_000, readyTimeoutMs - (Date.now() - started));
      await waitForPort({ host, port: options.uiPort, timeoutMs, abortReason });
    }
  };
  try {
    await Promise.race([ready(), failOnExitOrAbort(child, options.signal)]);
  } catch (error) {
    await child.stop();
    const message = error instanceof Error ? error.message : String(error);
    const tail = child.outputTail();
    throw new Error(`Temporal dev server did not start: ${message}\n--- last output of temporal ---\n${tail}`, {
      cause: error,
    });
  }
  return {
    address,
    namespace,
    uiUrl: options.uiPort === undefined ? undefined : `http://${host}:${options.uiPort}`,
    process: child,
    stop: async (stopOptions) => {
      await child.stop(stopOptions);
    },
  };
}
